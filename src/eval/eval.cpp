#include "eval/eval.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "eval/brat.h"
#include "export/json.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace qg::eval {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return false;
    out = std::move(buffer).str();
    return true;
}

// ---- reading predictions ----

std::string describe(const json& j) {
    std::string s = j.dump();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

bool read_span(const json& j, Span& out) {
    if (!j.is_object() || !j.contains("start") || !j.contains("end")) return false;
    const json& s = j["start"];
    const json& e = j["end"];
    if (!s.is_number_integer() || !e.is_number_integer()) return false;
    if (s.get<int64_t>() < 0 || e.get<int64_t>() < 0 || s.get<int64_t>() > UINT32_MAX || e.get<int64_t>() > UINT32_MAX)
        return false;
    out.start = static_cast<uint32_t>(s.get<int64_t>());
    out.end = static_cast<uint32_t>(e.get<int64_t>());
    return out.start <= out.end;
}

// null or missing: no span; {start,end}: one fragment; an array of those: fragments.
void read_role(const json& attribution, const char* role, const std::string& where, Fragments& out,
               std::vector<std::string>& problems) {
    auto it = attribution.find(role);
    if (it == attribution.end() || it->is_null()) return;
    Span s;
    if (it->is_array()) {
        for (const json& f : *it) {
            if (!read_span(f, s)) {
                problems.push_back(where + ": " + role + " fragment " + describe(f) +
                                   " is not {\"start\": N, \"end\": M} with start <= end; role dropped");
                out.clear();
                return;
            }
            out.push_back(s);
        }
    } else if (read_span(*it, s)) {
        out.push_back(s);
    } else {
        problems.push_back(where + ": " + role + " " + describe(*it) +
                           " is not {\"start\": N, \"end\": M} with start <= end; role dropped");
    }
}

// ---- showing spans ----

Shown show(std::u32string_view text, const Fragments& span) {
    Shown out;
    out.extent = {UINT32_MAX, 0};
    std::u32string s;
    for (const Span& f : span) {
        const uint32_t end = std::min<uint32_t>(f.end, static_cast<uint32_t>(text.size()));
        out.extent.start = std::min(out.extent.start, f.start);
        out.extent.end = std::max(out.extent.end, end);
        if (!s.empty()) s += U" \u2026 ";
        for (uint32_t i = f.start; i < end; ++i) {
            char32_t c = text[i];
            if (is_space(c)) {
                if (!s.empty() && s.back() != U' ') s += U' ';
            } else {
                s += c;
            }
        }
    }
    if (out.extent.start > out.extent.end) out.extent = {0, 0};
    constexpr size_t kMax = 200, kHead = 130, kTail = 60;
    if (s.size() > kMax) s = s.substr(0, kHead) + U" \u2026 " + s.substr(s.size() - kTail);
    out.text = encode_utf8(s);
    return out;
}

std::optional<Shown> show_optional(std::u32string_view text, const Fragments& span) {
    if (span.empty()) return std::nullopt;
    return show(text, span);
}

// Share of the gold span's tokens that the predicted span touches.
double coverage(const std::vector<Span>& tokens, const Fragments& gold, const Fragments& pred) {
    auto touches = [](const Span& t, const Fragments& f) {
        return std::any_of(f.begin(), f.end(), [&](const Span& s) { return s.start < t.end && t.start < s.end; });
    };
    uint64_t need = 0, got = 0;
    for (const Span& t : tokens) {
        if (!touches(t, gold)) continue;
        ++need;
        if (touches(t, pred)) ++got;
    }
    return need ? static_cast<double>(got) / static_cast<double>(need) : 0.0;
}

DocumentErrorReport error_report(const std::string& name, std::u32string_view text,
                                 const std::vector<Attribution>& gold, const std::vector<Attribution>& pred,
                                 const DocumentErrors& errors) {
    DocumentErrorReport r;
    r.name = name;
    r.gold = gold.size();
    r.pred = pred.size();
    const std::vector<Span> tokens = errors.missed.empty() ? std::vector<Span>{} : tokenize(text);
    for (const auto& m : errors.missed) {
        const Attribution& g = gold[m.gold];
        ErrorItem item;
        item.kind = ErrorItem::Kind::Missed;
        item.id = g.id;
        item.content = show(text, g.content);
        item.source = show_optional(text, g.source);
        for (size_t p : m.nearby)
            item.nearby.push_back({pred[p].id, show(text, pred[p].content), show_optional(text, pred[p].source),
                                   coverage(tokens, g.content, pred[p].content)});
        r.items.push_back(std::move(item));
    }
    for (size_t p : errors.false_alarms) {
        ErrorItem item;
        item.kind = ErrorItem::Kind::FalseAlarm;
        item.id = pred[p].id;
        item.content = show(text, pred[p].content);
        item.source = show_optional(text, pred[p].source);
        r.items.push_back(std::move(item));
    }
    for (const auto& w : errors.wrong_source) {
        ErrorItem item;
        item.kind = ErrorItem::Kind::WrongSource;
        item.id = gold[w.gold].id;
        item.content = show(text, gold[w.gold].content);
        item.source = show_optional(text, gold[w.gold].source);
        item.pred_id = pred[w.pred].id;
        item.pred_source = show_optional(text, pred[w.pred].source);
        r.items.push_back(std::move(item));
    }
    std::stable_sort(r.items.begin(), r.items.end(),
                     [](const ErrorItem& a, const ErrorItem& b) { return a.content.extent.start < b.content.extent.start; });
    return r;
}

// ---- predictions from a JSONL file ----

// Missing or unmatched predictions are listed one by one up to this many, then counted.
constexpr uint64_t kListedMissing = 10;

struct StoredPrediction {
    Prediction prediction;
    uint64_t line = 0;
    bool used = false;
};

}  // namespace

std::string Diagnostic::to_string() const {
    std::string s = file;
    if (line) s += ":" + std::to_string(line);
    s += error ? ": error: " : ": warning: ";
    s += message;
    return s;
}

Predictor pipeline_predictor() {
    return [](const ingest::Document& doc) { return exporter::to_json(doc, pipeline::extract(doc)); };
}

bool is_valid_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    int year = std::stoi(std::string(d.substr(0, 4)));
    int month = (d[5] - '0') * 10 + (d[6] - '0');
    int day = (d[8] - '0') * 10 + (d[9] - '0');
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int max = month == 2 && !leap ? 28 : kDays[month - 1];
    return day <= max;
}

std::optional<std::string> document_date(std::string_view name) {
    size_t us = name.find('_');
    if (us == std::string_view::npos || us + 11 > name.size()) return std::nullopt;
    std::string_view d = name.substr(us + 1, 10);
    if (!is_valid_date(d)) return std::nullopt;
    if (us + 11 < name.size() && name[us + 11] != '_') return std::nullopt;
    return std::string(d);
}

std::string document_name(std::string_view id) {
    size_t slash = id.find_last_of("/\\");
    std::string_view base = slash == std::string_view::npos ? id : id.substr(slash + 1);
    size_t dot = base.rfind('.');
    if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
    return std::string(base);
}

bool parse_prediction(const json& object, Prediction& out, std::vector<std::string>& problems) {
    out = Prediction{};
    if (!object.is_object()) {
        problems.push_back("a prediction must be a JSON object");
        return false;
    }
    auto doc = object.find("document");
    if (doc == object.end() || !doc->is_object() || !doc->contains("id") || !(*doc)["id"].is_string()) {
        problems.push_back("no \"document\": {\"id\": \"...\"} in the prediction");
        return false;
    }
    out.id = (*doc)["id"].get<std::string>();
    if (auto t = doc->find("text"); t != doc->end() && t->is_string()) out.text = t->get<std::string>();

    auto list = object.find("attributions");
    if (list == object.end() || list->is_null()) return true;
    if (!list->is_array()) {
        problems.push_back("\"attributions\" is not an array");
        return true;
    }
    size_t n = 0;
    std::vector<std::pair<size_t, std::string>> continues;  // (attribution, id it continues)
    for (const json& a : *list) {
        ++n;
        std::string where = "attribution " + std::to_string(n);
        if (!a.is_object()) {
            problems.push_back(where + " is not an object; dropped");
            continue;
        }
        Attribution attribution;
        if (auto id = a.find("id"); id != a.end() && id->is_string())
            attribution.id = id->get<std::string>();
        else
            attribution.id = "#" + std::to_string(n);
        where += " (" + attribution.id + ")";
        read_role(a, "content", where, attribution.content, problems);
        read_role(a, "source", where, attribution.source, problems);
        read_role(a, "cue", where, attribution.cue, problems);
        if (auto c = a.find("continues"); c != a.end() && c->is_string()) continues.emplace_back(out.attributions.size(), *c);
        out.attributions.push_back(std::move(attribution));
    }
    // A continuation quote ("continues": "a3") is the rest of the statement it continues, as
    // PolNeAR annotates a quote interrupted by its cue or carried on in the next sentence: one
    // attribution with a discontinuous content. It is scored as part of that attribution.
    std::vector<bool> merged(out.attributions.size(), false);
    for (const auto& [index, target] : continues) {
        for (size_t head = 0; head < out.attributions.size(); ++head) {
            if (head == index || out.attributions[head].id != target || merged[head]) continue;
            auto& content = out.attributions[head].content;
            const auto& extra = out.attributions[index].content;
            content.insert(content.end(), extra.begin(), extra.end());
            std::sort(content.begin(), content.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
            merged[index] = true;
            break;
        }
    }
    std::vector<Attribution> kept;
    for (size_t i = 0; i < out.attributions.size(); ++i)
        if (!merged[i]) kept.push_back(std::move(out.attributions[i]));
    out.attributions = std::move(kept);
    return true;
}

Report run(const Options& options, const DiagnosticSink& on_diagnostic) {
    Report report;
    report.gold_dir = options.gold_dir;
    report.pred_path = options.pred_path;
    report.from = options.from;
    report.until = options.until;
    report.errors_collected = options.collect_errors;

    auto diagnose = [&](bool error, const std::string& file, uint64_t line, std::string message) {
        Diagnostic d{error, file, line, std::move(message)};
        (error ? report.error_count : report.warning_count)++;
        if (on_diagnostic) on_diagnostic(d);
    };
    auto fatal = [&](const std::string& file, std::string message) {
        diagnose(true, file, 0, std::move(message));
        report.fatal = true;
        return report;
    };

    const fs::path gold(options.gold_dir);
    const fs::path text_dir = gold / "text", ann_dir = gold / "attributions";
    std::error_code ec;
    if (!fs::is_directory(gold, ec)) return fatal(options.gold_dir, "no such gold directory");
    if (!fs::is_directory(text_dir, ec))
        return fatal(text_dir.string(), "missing: a gold directory holds text/NAME.txt and attributions/NAME.ann");
    if (!fs::is_directory(ann_dir, ec))
        return fatal(ann_dir.string(), "missing: a gold directory holds text/NAME.txt and attributions/NAME.ann");
    for (const std::string* d : {&options.from, &options.until})
        if (!d->empty() && !is_valid_date(*d)) return fatal(*d, "not a date (expected YYYY-MM-DD)");

    // The gold documents, by name.
    std::vector<std::string> names;
    for (fs::directory_iterator it(text_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == ".txt") names.push_back(p.stem().string());
    }
    if (ec) return fatal(text_dir.string(), "cannot list: " + ec.message());
    std::sort(names.begin(), names.end());
    const std::set<std::string> name_set(names.begin(), names.end());
    for (fs::directory_iterator it(ann_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == ".ann" && !name_set.count(p.stem().string()))
            diagnose(false, p.string(), 0, "no text/" + p.stem().string() + ".txt for it; ignored");
    }

    // Predictions from a file, by document name.
    std::map<std::string, StoredPrediction> predictions;
    const bool from_file = !options.pred_path.empty();
    if (from_file) {
        std::ifstream in(options.pred_path, std::ios::binary);
        if (!in) return fatal(options.pred_path, "cannot open predictions");
        std::string line;
        uint64_t line_no = 0;
        while (std::getline(in, line)) {
            ++line_no;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            json j = json::parse(line, nullptr, false);
            if (j.is_discarded()) {
                diagnose(true, options.pred_path, line_no, "not valid JSON");
                continue;
            }
            StoredPrediction stored;
            stored.line = line_no;
            std::vector<std::string> problems;
            bool ok = parse_prediction(j, stored.prediction, problems);
            for (auto& p : problems) diagnose(true, options.pred_path, line_no, p);
            if (!ok) continue;
            std::string name = document_name(stored.prediction.id);
            auto [it, inserted] = predictions.emplace(name, std::move(stored));
            if (!inserted)
                diagnose(false, options.pred_path, line_no,
                         "second prediction for " + name + " (first on line " + std::to_string(it->second.line) +
                             "); ignored");
        }
        if (in.bad()) return fatal(options.pred_path, "read error");
    }
    const Predictor predictor = options.predictor ? options.predictor : pipeline_predictor();

    std::u32string text;
    for (const std::string& name : names) {
        if (!options.from.empty() || !options.until.empty()) {
            auto date = document_date(name);
            if (!date) {
                diagnose(false, (text_dir / (name + ".txt")).string(), 0,
                         "no date in the file name (outlet_YYYY-MM-DD_slug); left out by --from/--until");
                ++report.filtered_documents;
                continue;
            }
            if ((!options.from.empty() && *date < options.from) || (!options.until.empty() && *date > options.until)) {
                ++report.filtered_documents;
                continue;
            }
        }
        const fs::path text_path = text_dir / (name + ".txt");
        const fs::path ann_path = ann_dir / (name + ".ann");
        auto fail = [&](const fs::path& file, uint64_t line, std::string message) {
            diagnose(true, file.string(), line, std::move(message));
            ++report.failed_documents;
        };

        std::string bytes;
        if (!read_file(text_path, bytes)) {
            fail(text_path, 0, "cannot read");
            continue;
        }
        size_t bad = 0;
        if (!decode_utf8(bytes, text, bad)) {
            fail(text_path, 0, "invalid UTF-8 at byte " + std::to_string(bad));
            continue;
        }
        std::string ann;
        if (!read_file(ann_path, ann)) {
            fail(ann_path, 0, fs::exists(ann_path, ec) ? "cannot read" : "missing (the gold for text/" + name + ".txt)");
            continue;
        }
        BratDocument brat = parse_brat(ann);
        auto checks = check_brat_against_text(brat, text);
        brat.problems.insert(brat.problems.end(), checks.begin(), checks.end());
        for (const auto& p : brat.problems) diagnose(p.error, ann_path.string(), p.line, p.message);
        if (!brat.ok()) {
            ++report.failed_documents;
            continue;
        }

        // The prediction for this document.
        Prediction prediction;
        std::string pred_file;
        uint64_t pred_line = 0;
        if (from_file) {
            auto it = predictions.find(name);
            if (it == predictions.end()) {
                if (++report.missing_predictions <= kListedMissing)
                    diagnose(false, options.pred_path, 0, "no prediction for " + name + "; scored as predicting nothing");
            } else {
                it->second.used = true;
                prediction = std::move(it->second.prediction);
                pred_file = options.pred_path;
                pred_line = it->second.line;
            }
        } else {
            // The text exactly as the gold offsets count it (a BOM, if any, is kept).
            const ingest::Document doc = ingest::make_text_document(bytes, text_path.string());
            std::vector<std::string> problems;
            try {
                json j = predictor(doc);
                parse_prediction(j, prediction, problems);
            } catch (const std::exception& e) {
                fail(text_path, 0, std::string("extraction failed: ") + e.what());
                continue;
            }
            for (auto& p : problems) diagnose(true, text_path.string(), 0, "prediction: " + p);
            pred_file = text_path.string();
        }
        if (prediction.text && *prediction.text != bytes)
            diagnose(false, pred_file, pred_line,
                     "the predicted document text differs from text/" + name + ".txt; offsets may not line up");
        // Spans must lie inside the text.
        const uint32_t size = static_cast<uint32_t>(text.size());
        for (Attribution& a : prediction.attributions)
            for (Fragments* f : {&a.content, &a.source, &a.cue})
                for (const Span& s : *f)
                    if (s.end > size) {
                        diagnose(true, pred_file, pred_line,
                                 name + ": " + a.id + ": span " + std::to_string(s.start) + "-" + std::to_string(s.end) +
                                     " ends past the text (" + std::to_string(size) + " code points); dropped");
                        f->clear();
                        break;
                    }

        DocumentErrors errors;
        report.totals += score_document(text, brat.attributions, prediction.attributions,
                                        options.collect_errors ? &errors : nullptr);
        if (options.collect_errors && !errors.empty())
            report.errors.push_back(error_report(name, text, brat.attributions, prediction.attributions, errors));
    }

    if (report.missing_predictions > kListedMissing)
        diagnose(false, options.pred_path, 0,
                 std::to_string(report.missing_predictions) + " gold documents have no prediction (" +
                     std::to_string(report.missing_predictions - kListedMissing) + " not listed)");
    uint64_t unmatched = 0;
    for (const auto& [name, stored] : predictions)
        if (!stored.used && !name_set.count(name) && ++unmatched <= kListedMissing)
            diagnose(false, options.pred_path, stored.line, "no gold document " + name + "; prediction ignored");
    if (unmatched > kListedMissing)
        diagnose(false, options.pred_path, 0,
                 std::to_string(unmatched) + " predictions match no gold document (" +
                     std::to_string(unmatched - kListedMissing) + " not listed)");
    if (report.totals.documents == 0 && report.failed_documents == 0)
        diagnose(true, options.gold_dir, 0,
                 names.empty() ? "no text/*.txt documents" : "no documents in the --from/--until range");
    return report;
}

// ---- formatting ----

namespace {

std::string fmt(const char* format, auto... args) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, format, args...);
    return buffer;
}

std::string quoted(const Shown& s) { return "[" + std::to_string(s.extent.start) + "-" + std::to_string(s.extent.end) + ") \"" + s.text + "\""; }

using ordered = nlohmann::ordered_json;

ordered counts_json(const Counts& c) {
    return {{"gold", c.gold}, {"pred", c.pred}, {"tp", c.tp},
            {"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}};
}

ordered found_json(const FoundCounts& f) {
    return {{"gold", f.gold}, {"found", f.found}, {"found_rate", f.found_rate()},
            {"with_source", f.with_source}, {"source_correct", f.source_correct}, {"source_rate", f.source_rate()}};
}

ordered shown_json(const std::optional<Shown>& s) {
    if (!s) return nullptr;
    return {{"start", s->extent.start}, {"end", s->extent.end}, {"text", s->text}};
}

const char* kind_name(ErrorItem::Kind k) {
    switch (k) {
        case ErrorItem::Kind::Missed: return "missed";
        case ErrorItem::Kind::FalseAlarm: return "false_alarm";
        case ErrorItem::Kind::WrongSource: return "wrong_source";
    }
    return "";
}

}  // namespace

std::string format_text(const Report& r) {
    std::string out;
    for (const auto& d : r.errors) {
        out += fmt("== %s (gold %llu, predicted %llu)\n", d.name.c_str(), (unsigned long long)d.gold,
                   (unsigned long long)d.pred);
        for (const auto& item : d.items) {
            const std::string none = "(none)";
            switch (item.kind) {
                case ErrorItem::Kind::Missed:
                    out += "  missed        " + item.id + " " + quoted(item.content) + "\n";
                    out += "                gold source: " + (item.source ? quoted(*item.source) : none) + "\n";
                    if (item.nearby.empty()) out += "                predicted nearby: nothing\n";
                    for (const auto& n : item.nearby)
                        out += "                predicted nearby: " + n.id +
                               (n.covered > 0 ? fmt(" (covers %.0f%%) ", 100 * n.covered) : std::string(" (no overlap) ")) +
                               quoted(n.content) + ", source " + (n.source ? quoted(*n.source) : none) + "\n";
                    break;
                case ErrorItem::Kind::FalseAlarm:
                    out += "  false alarm   " + item.id + " " + quoted(item.content) + "\n";
                    out += "                source: " + (item.source ? quoted(*item.source) : none) + "\n";
                    break;
                case ErrorItem::Kind::WrongSource:
                    out += "  wrong source  " + item.id + " " + quoted(item.content) + "\n";
                    out += "                gold source: " + (item.source ? quoted(*item.source) : none) + "\n";
                    out += "                predicted (" + item.pred_id +
                           "): " + (item.pred_source ? quoted(*item.pred_source) : none) + "\n";
                    break;
            }
        }
    }
    if (!r.errors.empty()) out += "\n";

    const Scores& s = r.totals;
    out += "gold: " + r.gold_dir;
    if (!r.from.empty() || !r.until.empty()) out += " (" + (r.from.empty() ? "..." : r.from) + " to " + (r.until.empty() ? "..." : r.until) + ")";
    out += "; predictions: " + (r.pred_path.empty() ? std::string("pipeline") : r.pred_path) + "\n";
    if (r.failed_documents || r.missing_predictions || r.error_count || r.warning_count)
        out += fmt("failed documents %llu, without prediction %llu; %llu errors, %llu warnings (see stderr)\n",
                   (unsigned long long)r.failed_documents, (unsigned long long)r.missing_predictions,
                   (unsigned long long)r.error_count, (unsigned long long)r.warning_count);
    // The headline: exactly the last 8 lines.
    out += fmt("documents %llu   gold attributions %llu   predicted attributions %llu\n",
               (unsigned long long)s.documents, (unsigned long long)s.gold_attributions,
               (unsigned long long)s.pred_attributions);
    out += "                     gold      pred        tp  precision  recall      f1\n";
    auto row = [&](const char* label, const Counts& c) {
        out += fmt("%-15s %9llu %9llu %9llu      %.3f   %.3f   %.3f\n", label, (unsigned long long)c.gold,
                   (unsigned long long)c.pred, (unsigned long long)c.tp, c.precision(), c.recall(), c.f1());
    };
    row("content tokens", s.content);
    row("source tokens", s.source);
    row("cue tokens", s.cue);
    row("content exact", s.exact);
    auto found = [&](const char* label, const FoundCounts& f) {
        out += fmt("%-15s found %.3f (%llu/%llu)   source right %.3f (%llu/%llu)\n", label, f.found_rate(),
                   (unsigned long long)f.found, (unsigned long long)f.gold, f.source_rate(),
                   (unsigned long long)f.source_correct, (unsigned long long)f.with_source);
    };
    found("attributions", s.all);
    found("quoted only", s.quoted);
    return out;
}

nlohmann::ordered_json format_json(const Report& r) {
    const Scores& s = r.totals;
    ordered j = {
        {"gold_dir", r.gold_dir},
        {"predictions", r.pred_path.empty() ? ordered("pipeline") : ordered(r.pred_path)},
        {"from", r.from.empty() ? ordered(nullptr) : ordered(r.from)},
        {"until", r.until.empty() ? ordered(nullptr) : ordered(r.until)},
        {"documents", s.documents},
        {"failed_documents", r.failed_documents},
        {"filtered_documents", r.filtered_documents},
        {"missing_predictions", r.missing_predictions},
        {"errors_reported", r.error_count},
        {"warnings_reported", r.warning_count},
        {"gold_attributions", s.gold_attributions},
        {"predicted_attributions", s.pred_attributions},
        {"tokens", {{"content", counts_json(s.content)}, {"source", counts_json(s.source)}, {"cue", counts_json(s.cue)}}},
        {"exact_content", counts_json(s.exact)},
        {"found", found_json(s.all)},
        {"found_quoted", found_json(s.quoted)},
    };
    if (r.errors_collected) {
        ordered docs = ordered::array();
        for (const auto& d : r.errors) {
            ordered items = ordered::array();
            for (const auto& item : d.items) {
                ordered i = {{"kind", kind_name(item.kind)}, {"id", item.id}, {"content", shown_json(item.content)},
                          {"source", shown_json(item.source)}};
                if (item.kind == ErrorItem::Kind::WrongSource) {
                    i["predicted"] = item.pred_id;
                    i["predicted_source"] = shown_json(item.pred_source);
                }
                if (item.kind == ErrorItem::Kind::Missed) {
                    ordered nearby = ordered::array();
                    for (const auto& n : item.nearby)
                        nearby.push_back({{"id", n.id}, {"covered", n.covered}, {"content", shown_json(n.content)},
                                          {"source", shown_json(n.source)}});
                    i["nearby"] = std::move(nearby);
                }
                items.push_back(std::move(i));
            }
            docs.push_back({{"document", d.name}, {"gold", d.gold}, {"pred", d.pred}, {"items", std::move(items)}});
        }
        j["errors"] = std::move(docs);
    }
    return j;
}

}  // namespace qg::eval
