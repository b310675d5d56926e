// The audit report as readable text, JSON, Markdown and a self-contained HTML page.
#include <cstdio>
#include <functional>
#include <ostream>

#include "audit/audit.h"

namespace qg::audit {

namespace {

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string totals(const Report& report) {
    return plural(report.documents.size(), "document", "documents") + ": " +
           plural(report.count(Severity::Error), "error", "errors") + ", " +
           plural(report.count(Severity::Warning), "warning", "warnings") + ", " +
           std::to_string(report.count(Severity::Info)) + " info";
}

std::string document_summary(const DocumentReport& d) {
    return plural(d.quotes, "quotation", "quotations") + ", " + std::to_string(d.attributed) + " attributed, " +
           plural(d.vague_sources, "vague source", "vague sources");
}

std::string location(const Place& p) {
    return p.document + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

// Diff pieces with the markup of a format around deletions and insertions.
std::string render_diff(const std::vector<DiffPiece>& diff, const std::function<std::string(const std::string&)>& escape,
                        const char* del_open, const char* del_close, const char* ins_open, const char* ins_close) {
    std::string out;
    for (const auto& piece : diff) {
        if (!out.empty()) out += ' ';
        switch (piece.op) {
            case DiffPiece::Op::Equal: out += escape(piece.text); break;
            case DiffPiece::Op::Delete: out += del_open + escape(piece.text) + del_close; break;
            case DiffPiece::Op::Insert: out += ins_open + escape(piece.text) + ins_close; break;
        }
    }
    return out;
}

std::string identity(const std::string& s) { return s; }

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string md_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : one_line(s)) {
        if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

void text_finding(std::string& out, const Finding& f, bool cross) {
    out += location(f.where) + ": " + severity_name(f.severity) + ": " + check_name(f.check) + ": " + f.message + "\n";
    if (!cross && !f.where.text.empty()) {
        out += "    " + one_line(f.where.text);
        if (!f.where.speaker.empty()) out += "  [" + f.where.speaker + "]";
        out += "\n";
    }
    if (!f.candidates.empty()) {
        out += "    candidates:";
        for (size_t i = 0; i < f.candidates.size(); ++i) out += (i ? ", " : " ") + f.candidates[i];
        out += "\n";
    }
    for (const auto& o : f.occurrences) {
        out += "    " + std::string(cross ? "" : "source: ") + location(o);
        if (!o.speaker.empty()) out += "  " + o.speaker;
        out += "  " + one_line(o.text) + "\n";
    }
    if (!f.diff.empty()) out += "    diff: " + render_diff(f.diff, identity, "[-", "-]", "{+", "+}") + "\n";
}

nlohmann::json place_json(const Place& p) {
    nlohmann::json j = {{"document", p.document}, {"start", p.start}, {"end", p.end},
                        {"line", p.line},         {"column", p.column}, {"text", p.text}};
    j["speaker"] = p.speaker.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.speaker);
    return j;
}

nlohmann::json finding_json(const Finding& f) {
    nlohmann::json j = place_json(f.where);
    j["check"] = check_name(f.check);
    j["severity"] = severity_name(f.severity);
    j["message"] = f.message;
    if (!f.candidates.empty()) j["candidates"] = f.candidates;
    if (f.similarity >= 0) j["similarity"] = std::round(f.similarity * 1000) / 1000;
    if (!f.diff.empty()) {
        auto& diff = j["diff"] = nlohmann::json::array();
        for (const auto& piece : f.diff) {
            const char* op = piece.op == DiffPiece::Op::Equal ? "equal" : piece.op == DiffPiece::Op::Delete ? "delete" : "insert";
            diff.push_back({{"op", op}, {"text", piece.text}});
        }
    }
    if (!f.occurrences.empty()) {
        auto& list = j[f.check == Check::Conflict || f.check == Check::Variant ? "occurrences" : "source"];
        if (f.check == Check::Conflict || f.check == Check::Variant) {
            list = nlohmann::json::array();
            for (const auto& o : f.occurrences) list.push_back(place_json(o));
        } else {
            list = place_json(f.occurrences.front());
        }
    }
    return j;
}

void md_finding(std::string& out, const Finding& f, bool cross) {
    out += "- **" + std::string(severity_name(f.severity)) + "** `" + check_name(f.check) + "` at " +
           md_escape(cross ? location(f.where) : std::to_string(f.where.line) + ":" + std::to_string(f.where.column)) +
           " — " + md_escape(f.message) + "\n";
    if (!cross && !f.where.text.empty()) {
        out += "  - quotation: " + md_escape(f.where.text);
        if (!f.where.speaker.empty()) out += " (" + md_escape(f.where.speaker) + ")";
        out += "\n";
    }
    if (!f.candidates.empty()) {
        out += "  - candidates:";
        for (size_t i = 0; i < f.candidates.size(); ++i) out += (i ? ", " : " ") + md_escape(f.candidates[i]);
        out += "\n";
    }
    for (const auto& o : f.occurrences) {
        out += "  - " + std::string(cross ? "" : "source ") + md_escape(location(o));
        if (!o.speaker.empty()) out += " (" + md_escape(o.speaker) + ")";
        out += ": " + md_escape(o.text) + "\n";
    }
    if (!f.diff.empty()) out += "  - diff: " + render_diff(f.diff, md_escape, "<del>", "</del>", "<ins>", "</ins>") + "\n";
}

void html_finding(std::string& out, const Finding& f, bool cross) {
    const char* severity = severity_name(f.severity);
    out += "<li class=\"" + std::string(severity) + "\"><span class=\"sev\">" + severity + "</span> <code>" +
           check_name(f.check) + "</code> <span class=\"loc\">" +
           html_escape(cross ? location(f.where) : std::to_string(f.where.line) + ":" + std::to_string(f.where.column)) +
           "</span> " + html_escape(f.message);
    if (!cross && !f.where.text.empty()) {
        out += "<blockquote>" + html_escape(f.where.text);
        if (!f.where.speaker.empty()) out += " <span class=\"who\">— " + html_escape(f.where.speaker) + "</span>";
        out += "</blockquote>";
    }
    if (!f.candidates.empty()) {
        out += "<div>candidates: ";
        for (size_t i = 0; i < f.candidates.size(); ++i) out += (i ? ", " : "") + html_escape(f.candidates[i]);
        out += "</div>";
    }
    if (!f.occurrences.empty()) {
        out += "<ul class=\"occ\">";
        for (const auto& o : f.occurrences) {
            out += "<li>" + std::string(cross ? "" : "source ") + "<span class=\"loc\">" + html_escape(location(o)) + "</span>";
            if (!o.speaker.empty()) out += " <span class=\"who\">" + html_escape(o.speaker) + "</span>";
            out += ": " + html_escape(o.text) + "</li>";
        }
        out += "</ul>";
    }
    if (!f.diff.empty())
        out += "<div class=\"diff\">" + render_diff(f.diff, html_escape, "<del>", "</del>", "<ins>", "</ins>") + "</div>";
    out += "</li>\n";
}

}  // namespace

std::string to_text(const Report& report) {
    std::string out;
    for (const auto& d : report.documents) {
        for (const auto& f : d.findings) text_finding(out, f, false);
        out += d.id + ": " + document_summary(d) + "\n";
    }
    if (!report.cross_document.empty()) {
        out += "\nacross documents:\n";
        for (const auto& f : report.cross_document) text_finding(out, f, true);
    }
    out += totals(report) + "\n";
    return out;
}

namespace {

nlohmann::json document_json(const DocumentReport& d) {
    nlohmann::json doc = {{"id", d.id}, {"quotes", d.quotes}, {"attributed", d.attributed}, {"vague_sources", d.vague_sources}};
    auto& findings = doc["findings"] = nlohmann::json::array();
    for (const auto& f : d.findings) findings.push_back(finding_json(f));
    return doc;
}

nlohmann::json summary_json(const Report& report) {
    return {{"documents", report.documents.size()},
            {"error", report.count(Severity::Error)},
            {"warning", report.count(Severity::Warning)},
            {"info", report.count(Severity::Info)}};
}

}  // namespace

nlohmann::json to_json(const Report& report) {
    nlohmann::json j;
    auto& documents = j["documents"] = nlohmann::json::array();
    for (const auto& d : report.documents) documents.push_back(document_json(d));
    auto& cross = j["cross_document"] = nlohmann::json::array();
    for (const auto& f : report.cross_document) cross.push_back(finding_json(f));
    j["sources"] = report.sources;
    j["summary"] = summary_json(report);
    return j;
}

void write_json(const Report& report, std::ostream& out) {
    // The same object as to_json, written one document and one finding at a time (one per
    // line) so that a corpus-sized report is never held as a JSON tree.
    out << "{\"documents\": [";
    const char* separator = "\n";
    for (const auto& d : report.documents) {
        out << separator << document_json(d).dump();
        separator = ",\n";
    }
    out << "],\n\"cross_document\": [";
    separator = "\n";
    for (const auto& f : report.cross_document) {
        out << separator << finding_json(f).dump();
        separator = ",\n";
    }
    out << "],\n\"sources\": " << nlohmann::json(report.sources).dump() << ",\n\"summary\": " << summary_json(report).dump()
        << "}\n";
}

std::string to_markdown(const Report& report) {
    std::string out = "# Quote audit\n\n" + md_escape(totals(report)) + "\n";
    if (!report.sources.empty()) {
        out += "\nChecked against:";
        for (size_t i = 0; i < report.sources.size(); ++i) out += (i ? ", " : " ") + md_escape(report.sources[i]);
        out += "\n";
    }
    for (const auto& d : report.documents) {
        out += "\n## " + md_escape(d.id) + "\n\n" + document_summary(d) + "\n\n";
        for (const auto& f : d.findings) md_finding(out, f, false);
    }
    if (!report.cross_document.empty()) {
        out += "\n## Across documents\n\n";
        for (const auto& f : report.cross_document) md_finding(out, f, true);
    }
    return out;
}

std::string to_html(const Report& report) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Quote audit</title>\n<style>\n"
        "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\n"
        "h2{font-size:1.1rem;border-bottom:1px solid #ddd;margin-top:2rem}\n"
        "ul.findings>li{margin:.6rem 0;list-style:none;padding-left:.6rem;border-left:4px solid #999}\n"
        "li.error{border-color:#c62828!important}li.warning{border-color:#ef8f00!important}li.info{border-color:#1e70bf!important}\n"
        ".sev{font-weight:bold;text-transform:uppercase;font-size:.8rem}.loc{color:#555;font-family:monospace}\n"
        "blockquote{margin:.3rem 0 .3rem 1rem;color:#333}.who{color:#555;font-style:italic}\n"
        "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}\n"
        ".diff{font-family:Georgia,serif;margin:.3rem 0}ul.occ{margin:.2rem 0}\n"
        "</style>\n</head>\n<body>\n<h1>Quote audit</h1>\n<p>" +
        html_escape(totals(report)) + "</p>\n";
    if (!report.sources.empty()) {
        out += "<p>Checked against: ";
        for (size_t i = 0; i < report.sources.size(); ++i) out += (i ? ", " : "") + html_escape(report.sources[i]);
        out += "</p>\n";
    }
    for (const auto& d : report.documents) {
        out += "<h2>" + html_escape(d.id) + "</h2>\n<p>" + html_escape(document_summary(d)) + "</p>\n<ul class=\"findings\">\n";
        for (const auto& f : d.findings) html_finding(out, f, false);
        out += "</ul>\n";
    }
    if (!report.cross_document.empty()) {
        out += "<h2>Across documents</h2>\n<ul class=\"findings\">\n";
        for (const auto& f : report.cross_document) html_finding(out, f, true);
        out += "</ul>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace qg::audit
