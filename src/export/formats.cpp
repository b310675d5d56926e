#include "export/formats.h"

#include <cstdio>

#include "text/text.h"

namespace qg::exporter {

namespace {

// brat keeps one annotation per line: line breaks inside a span's text become spaces.
std::string one_line(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

}  // namespace

std::string to_text(const ingest::Document& document, const pipeline::Result& result) {
    const std::string& text = document.text;
    auto slice = [&](attribution::ByteSpan s) { return one_line(std::string_view(text).substr(s.begin, s.end - s.begin)); };
    std::string out = "# " + document.id + "\n";
    for (const auto& a : result.attributions) {
        std::string speaker = a.speaker >= 0 ? result.entities[a.speaker].name : "(unknown)";
        std::string cue = a.continuation ? "(continues)" : a.cue.empty() ? "(no cue)" : slice(a.cue);
        char confidence[16];
        std::snprintf(confidence, sizeof confidence, "%.2f", a.confidence);
        out += speaker + " — " + cue + " — " + slice(a.content) + "  [" + attribution::kind_name(a.kind) + ", " + confidence;
        if (a.recipient >= 0) out += ", to " + result.entities[a.recipient].name;
        out += "]\n";
    }
    for (const auto& e : result.entities) {
        if (e.roles.empty()) continue;
        for (const auto& r : e.roles) {
            out += "  " + e.name + ": " + (r.former ? "former " : "") + r.title;
            if (r.organisation >= 0) out += ", " + result.entities[r.organisation].name;
            out += "\n";
        }
    }
    return out;
}

std::string to_brat(const ingest::Document& document, const pipeline::Result& result) {
    const std::string& text = document.text;
    text::OffsetIndex index(text);
    std::string out;
    int next_span = 1, next_event = 1;
    auto add_span = [&](const char* type, attribution::ByteSpan s) {
        std::string id = "T" + std::to_string(next_span++);
        out += id + "\t" + type + " " + std::to_string(index.to_char(s.begin)) + " " +
               std::to_string(index.to_char(s.end)) + "\t" + one_line(std::string_view(text).substr(s.begin, s.end - s.begin)) +
               "\n";
        return id;
    };
    for (const auto& a : result.attributions) {
        // brat events need a trigger: the cue, or for a continuation the content itself.
        std::string content = add_span("Content", a.content);
        std::string event = "E" + std::to_string(next_event++) + "\tAttribution:";
        if (!a.cue.empty()) {
            std::string cue = add_span("Cue", a.cue);
            std::string trigger = add_span("Attribution", a.cue);
            event += trigger + " Cue:" + cue;
        } else {
            event += add_span("Attribution", a.content);
        }
        if (!a.source.empty()) event += " Source:" + add_span("Source", a.source);
        event += " Content:" + content + "\n";
        out += event;
    }
    return out;
}

}  // namespace qg::exporter
