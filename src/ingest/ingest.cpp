// read_input: open, sniff, check it is text, then hand off to the plain-text, HTML or JSONL
// path. Diagnostics and plain-text documents also live here.
#include "ingest/ingest.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "ingest/compressed.h"
#include "ingest/jsonl.h"
#include "ingest/sniff.h"
#include "ingest/utf8.h"

namespace qg::ingest {
namespace {

// Appends up to `limit` bytes from `in` to `buffer`.
void read_some(std::istream& in, std::string& buffer, size_t limit) {
    const size_t old_size = buffer.size();
    buffer.resize(old_size + limit);
    in.read(buffer.data() + old_size, static_cast<std::streamsize>(limit));
    buffer.resize(old_size + static_cast<size_t>(in.gcount()));
}

// Appends the rest of `in`. `expected_size` (the file size, when known) lets a regular
// file be read with one allocation and one read call.
void read_rest(std::istream& in, std::string& buffer, size_t expected_size) {
    if (expected_size > buffer.size() && in) read_some(in, buffer, expected_size - buffer.size());
    constexpr size_t kChunk = 1 << 20;
    while (in) read_some(in, buffer, kChunk);
}

Diagnostic make_diagnostic(Severity severity, const std::string& file, std::string message) {
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = file;
    diagnostic.message = std::move(message);
    return diagnostic;
}

Diagnostic cannot_open(const std::string& file, int error) {
    return make_diagnostic(Severity::Error, file, "cannot open: " + std::string(std::strerror(error)));
}

Diagnostic too_large(const std::string& file, uint64_t size) {
    return make_diagnostic(Severity::Error, file,
                           "too large: " + std::to_string(size) + " bytes (a document holds at most " +
                               std::to_string(kMaxDocumentBytes) + ")");
}

// A stray NUL is kept (text) or dropped (HTML, as its parser does) with a warning naming the
// first; text that has one NUL in every 64 bytes is binary wherever the NULs are.
std::optional<std::string> too_many_nuls(std::string_view content) {
    const auto nuls = static_cast<size_t>(std::count(content.begin(), content.end(), '\0'));
    if (nuls >= 2 && nuls * 64 >= content.size())
        return "looks like a binary file (" + std::to_string(nuls) + " NUL bytes in " +
               std::to_string(content.size()) + ")";
    return std::nullopt;
}

void report_nuls(std::string_view text, size_t bom_length, bool html, const std::string& file,
                 const DiagnosticSink& report) {
    const size_t first = text.find('\0');
    if (first == std::string_view::npos) return;
    const auto nuls = static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(first), text.end(), '\0'));
    Diagnostic diagnostic = make_diagnostic(
        Severity::Warning, file,
        std::to_string(nuls) + (nuls == 1 ? " NUL byte" : " NUL bytes") +
            (html ? " in the HTML, dropped as browsers do" : " in the text, kept as U+0000"));
    diagnostic.byte_offset = first + bom_length;
    diagnostic.has_offset = true;
    report(diagnostic);
}

}  // namespace

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        if (!out.empty()) out += ':';
        out += std::to_string(line);
    }
    if (has_offset) {
        if (!out.empty()) out += ": ";
        out += "byte ";
        out += std::to_string(byte_offset);
    }
    if (!out.empty()) out += ": ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += message;
    return out;
}

Document make_text_document(std::string text, std::string id) {
    Document document;
    document.id = std::move(id);
    document.text = std::move(text);
    document.format = SourceFormat::Text;
    return document;
}

bool read_input(const std::string& path, const Options& options, const DocumentSink& on_document,
                const DiagnosticSink& on_diagnostic) {
    const bool from_stdin = path == "-";
    const std::string file = from_stdin ? "<stdin>" : path;
    bool had_error = false;
    const DiagnosticSink report = [&](const Diagnostic& diagnostic) {
        if (diagnostic.severity == Severity::Error) had_error = true;
        if (on_diagnostic) on_diagnostic(diagnostic);
    };

    std::ifstream stream;
    size_t expected_size = 0;
    if (from_stdin) {
        // A real filebuf over fd 0 reads in large blocks, which std::cin synced with stdio
        // does not; std::cin is the fallback where /dev/stdin does not exist.
        stream.open("/dev/stdin", std::ios::binary);
    } else {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            report(cannot_open(file, EISDIR));
            return false;
        }
        errno = 0;
        stream.open(path, std::ios::binary);
        if (!stream.is_open()) {
            const int error = errno != 0 ? errno : ENOENT;
            report(cannot_open(file, error));
            return false;
        }
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) expected_size = static_cast<size_t>(size);
    }
    std::istream* raw = stream.is_open() ? static_cast<std::istream*>(&stream) : &std::cin;

    std::string content;
    read_some(*raw, content, kSniffBytes);
    // gzip or zstd: everything below reads the decompressed bytes, a block at a time.
    std::optional<DecompressingStream> decompressed;
    std::string_view format_path = from_stdin ? "" : path;
    if (const Compression compression = detect_compression(content); compression != Compression::None) {
        decompressed.emplace(compression, std::move(content), *raw);
        content.clear();
        read_some(*decompressed, content, kSniffBytes);
        expected_size = 0;
        format_path = without_compression_suffix(format_path);
    }
    std::istream& in = decompressed ? *decompressed : *raw;
    auto decompression_failed = [&] {
        if (!decompressed || decompressed->error().empty()) return false;
        report(make_diagnostic(Severity::Error, file, decompressed->error()));
        return true;
    };
    if (decompression_failed()) return false;
    if (auto reason = non_text_reason(content)) {
        report(make_diagnostic(Severity::Error, file, std::move(*reason)));
        return false;
    }
    const InputFormat format = options.format != InputFormat::Auto ? options.format : detect_format(format_path, content);
    if (format == InputFormat::Jsonl) {
        const bool ok = read_jsonl(in, std::move(content), file, options, on_document, report);
        return !decompression_failed() && ok && !had_error;
    }

    if (expected_size > kMaxDocumentBytes) {
        report(too_large(file, expected_size));
        return false;
    }
    content.reserve(expected_size);  // only now: a JSONL corpus is never held whole
    read_rest(in, content, expected_size);
    if (decompression_failed()) return false;
    if (in.bad()) {
        report(make_diagnostic(Severity::Error, file, "read error"));
        return false;
    }
    if (content.size() > kMaxDocumentBytes) {  // standard input, or a file that grew
        report(too_large(file, content.size()));
        return false;
    }
    if (auto reason = too_many_nuls(content)) {
        report(make_diagnostic(Severity::Error, file, std::move(*reason)));
        return false;
    }
    size_t bom_length = 0;
    if (!utf8::decode_in_place(content, options.lenient, file, 0, report, bom_length, true)) return false;
    if (content.empty()) report(make_diagnostic(Severity::Warning, file, "empty input"));
    report_nuls(content, bom_length, format == InputFormat::Html, file, report);

    if (format == InputFormat::Html) {
        Document document = parse_html(content, path);
        // Offsets index the bytes parsed; the file also had the BOM in front of them.
        if (bom_length)
            for (uint32_t& offset : document.source_offsets) offset += static_cast<uint32_t>(bom_length);
        if (on_document) on_document(std::move(document));
    } else {
        if (on_document) on_document(make_text_document(std::move(content), path));
    }
    return !had_error;
}

}  // namespace qg::ingest
