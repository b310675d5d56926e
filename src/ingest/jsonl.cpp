// JSONL: one {"id", "text" | "html", "title"?, "url"?, "date"?, "outlet"?} object per line.
// A bad line is reported with its line number and skipped; the lines after it still count.
#include "ingest/jsonl.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "ingest/json_record.h"
#include "ingest/sniff.h"
#include "ingest/utf8.h"

namespace qg::ingest {
namespace {

// Yields the lines of `head` and then of `in`, without the '\n'. The head's unfinished
// last line is glued to the first line read from the stream.
class LineSource {
public:
    LineSource(std::istream& in, std::string head) : in_(in), head_(std::move(head)) {}

    bool next(std::string& line) {
        if (head_pending_) {
            const size_t newline = head_.find('\n', head_pos_);
            if (newline != std::string::npos) {
                line.assign(head_, head_pos_, newline - head_pos_);
                head_pos_ = newline + 1;
                return true;
            }
            head_pending_ = false;
            std::string tail = head_.substr(head_pos_);
            head_ = std::string();
            if (std::getline(in_, line)) {
                line.insert(0, tail);
                return true;
            }
            if (tail.empty()) return false;
            line = std::move(tail);  // the input ended without a final newline
            return true;
        }
        return static_cast<bool>(std::getline(in_, line));
    }

private:
    std::istream& in_;
    std::string head_;
    size_t head_pos_ = 0;
    bool head_pending_ = true;
};

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1,
// column 5: syntax error ..."; the line and column are always 1 and the byte we report.
std::string json_error_text(const char* what) {
    std::string_view text(what);
    if (text.starts_with('[')) {
        const size_t close = text.find("] ");
        if (close != std::string_view::npos) text.remove_prefix(close + 2);
    }
    if (text.starts_with("parse error")) {
        const size_t colon = text.find(": ");
        if (colon != std::string_view::npos) text.remove_prefix(colon + 2);
    }
    // nlohmann quotes everything it read of the line, a whole article's text at worst: the
    // end of it, where the error is, is what a reader needs.
    constexpr std::string_view kLastRead = "; last read: '";
    constexpr size_t kMaxExcerptBytes = 60;
    const size_t quoted = text.find(kLastRead);
    if (quoted == std::string_view::npos) return std::string(text);
    std::string_view excerpt = text.substr(quoted + kLastRead.size());
    if (excerpt.ends_with('\'')) excerpt.remove_suffix(1);
    if (excerpt.size() <= kMaxExcerptBytes) return std::string(text);
    size_t start = excerpt.size() - kMaxExcerptBytes;
    while (start < excerpt.size() && (static_cast<unsigned char>(excerpt[start]) & 0xC0) == 0x80) ++start;  // a whole character
    std::string out(text.substr(0, quoted + kLastRead.size()));
    out += "\xE2\x80\xA6";
    out += excerpt.substr(start);
    out += '\'';
    return out;
}

class JsonlReader {
public:
    JsonlReader(const std::string& file, const Options& options, const DocumentSink& on_document,
                const DiagnosticSink& on_diagnostic)
        : file_(file), options_(options), on_document_(on_document), on_diagnostic_(on_diagnostic) {}

    void process(std::string& line);
    void finish(bool stream_failed);
    bool ok() const { return !had_error_; }

private:
    // nlohmann parses the line; a syntax error is reported (false) with its offset.
    bool parse_json(const std::string& line, size_t bom_length, nlohmann::json& record);
    void report(Severity severity, std::string message, std::optional<uint64_t> offset = std::nullopt);

    const std::string& file_;
    const Options& options_;
    const DocumentSink& on_document_;
    const DiagnosticSink& on_diagnostic_;
    uint64_t line_number_ = 0;
    uint64_t records_ = 0;
    bool had_error_ = false;
};

void JsonlReader::report(Severity severity, std::string message, std::optional<uint64_t> offset) {
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = file_;
    diagnostic.line = line_number_;
    diagnostic.has_offset = offset.has_value();
    diagnostic.byte_offset = offset.value_or(0);
    diagnostic.message = std::move(message);
    if (severity == Severity::Error) had_error_ = true;
    if (on_diagnostic_) on_diagnostic_(diagnostic);
}

bool JsonlReader::parse_json(const std::string& line, size_t bom_length, nlohmann::json& record) {
    try {
        record = nlohmann::json::parse(line);
        return true;
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte counts the characters read, the offending one included.
        const uint64_t offset = bom_length + (e.byte > 0 ? e.byte - 1 : 0);
        report(Severity::Error, "malformed JSON: " + json_error_text(e.what()), offset);
    } catch (const nlohmann::json::exception& e) {
        report(Severity::Error, "malformed JSON: " + json_error_text(e.what()));
    }
    return false;
}

void JsonlReader::process(std::string& line) {
    ++line_number_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() > kMaxDocumentBytes) {
        report(Severity::Error, "line too large: " + std::to_string(line.size()) + " bytes (a record holds at most " +
                                    std::to_string(kMaxDocumentBytes) + ")");
        return;
    }

    // Checked before parsing so the offset names the bad byte itself, and so lenient mode
    // can repair strings rather than drop the record.
    const DiagnosticSink track_errors = [this](const Diagnostic& d) {
        if (d.severity == Severity::Error) had_error_ = true;
        if (on_diagnostic_) on_diagnostic_(d);
    };
    size_t bom_length = 0;
    if (!utf8::decode_in_place(line, options_.lenient, file_, line_number_, track_errors, bom_length)) return;
    if (line.find_first_not_of(" \t") == std::string::npos) return;

    // The usual record takes the fast path; what it hands back, nlohmann parses.
    Document document;
    try {
        RecordFields fields;
        if (parse_record_fast(line, fields)) {
            document = document_from_fields(std::move(fields));
        } else {
            nlohmann::json record;
            if (!parse_json(line, bom_length, record)) return;
            document = document_from_record(record);
        }
    } catch (const std::invalid_argument& e) {
        return report(Severity::Error, e.what());
    }
    document.format = SourceFormat::Jsonl;
    ++records_;
    if (on_document_) on_document_(std::move(document));
}

void JsonlReader::finish(bool stream_failed) {
    if (stream_failed) {
        line_number_ = 0;
        report(Severity::Error, "read error");
    } else if (records_ == 0 && !had_error_) {
        line_number_ = 0;
        report(Severity::Warning, "empty input");
    }
}

}  // namespace

namespace {

// Takes the string field `name` out of the record; null counts as absent.
std::optional<std::string> take_string(nlohmann::json& record, const char* name) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw std::invalid_argument(std::string("\"") + name + "\" must be a string, not " + it->type_name());
    return std::move(it->get_ref<std::string&>());
}

}  // namespace

Document document_from_record(nlohmann::json& record) {
    if (!record.is_object())
        throw std::invalid_argument(std::string("record is not a JSON object but ") + record.type_name());
    RecordFields fields;
    fields.id = take_string(record, "id");
    fields.text = take_string(record, "text");
    fields.html = take_string(record, "html");
    fields.title = take_string(record, "title");
    fields.url = take_string(record, "url");
    fields.date = take_string(record, "date");
    fields.outlet = take_string(record, "outlet");
    return document_from_fields(std::move(fields));
}

Document document_from_fields(RecordFields&& fields) {
    auto& [id, text, html, title, url, date, outlet] = fields;
    if (!id) throw std::invalid_argument("record has no \"id\"");
    if (id->empty()) throw std::invalid_argument("\"id\" is empty");
    if (text && html) throw std::invalid_argument("record has both \"text\" and \"html\"; keep one");
    if (!text && !html) throw std::invalid_argument("record has neither \"text\" nor \"html\"");
    Document document =
        html ? parse_html(*html, std::move(*id)) : make_text_document(std::move(*text), std::move(*id));
    if (title) document.title = std::move(*title);  // the record's own title wins over <title>
    if (url) document.url = std::move(*url);
    if (date) document.date = std::move(*date);
    if (outlet) document.outlet = std::move(*outlet);
    return document;
}

bool read_jsonl(std::istream& in, std::string head, const std::string& file, const Options& options,
                const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
    JsonlReader reader(file, options, on_document, on_diagnostic);
    LineSource lines(in, std::move(head));
    std::string line;
    line.reserve(64 * 1024);  // reused for every line; grows to the longest record
    while (lines.next(line)) reader.process(line);
    reader.finish(in.bad());
    return reader.ok();
}

}  // namespace qg::ingest
