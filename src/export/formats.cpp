#include "export/formats.h"

#include <algorithm>
#include <cstdio>
#include <vector>

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
    auto add_span = [&](const char* type, const std::vector<attribution::ByteSpan>& fragments) {
        std::string id = "T" + std::to_string(next_span++);
        std::string offsets, covered;
        for (const auto& f : fragments) {
            if (!offsets.empty()) {
                offsets += ';';
                covered += ' ';
            }
            offsets += std::to_string(index.to_char(f.begin)) + " " + std::to_string(index.to_char(f.end));
            covered += one_line(std::string_view(text).substr(f.begin, f.end - f.begin));
        }
        out += id + "\t" + type + " " + offsets + "\t" + covered + "\n";
        return id;
    };
    // PolNeAR annotates a quotation its cue interrupts, or one carried on in the sentence
    // after, as one attribution with a discontinuous content ("“…,” she said. “…”" is one
    // statement, as the annotators marked 1,745 of 1,937 such pairs in one paragraph on the
    // tuning articles): a continuation is a fragment of the statement it continues, as
    // quotegraph eval scores it too.
    const auto& attributions = result.attributions;
    std::vector<size_t> head(attributions.size());
    std::vector<std::vector<attribution::ByteSpan>> contents(attributions.size());
    for (size_t i = 0; i < attributions.size(); ++i) {
        const int continues = attributions[i].continues;
        head[i] = attributions[i].continuation && continues >= 0 && static_cast<size_t>(continues) < i
                      ? head[static_cast<size_t>(continues)]
                      : i;
        contents[head[i]].push_back(attributions[i].content);
    }
    for (size_t i = 0; i < attributions.size(); ++i) {
        if (head[i] != i) continue;
        const auto& a = attributions[i];
        auto& fragments = contents[i];
        std::sort(fragments.begin(), fragments.end(),
                  [](const attribution::ByteSpan& x, const attribution::ByteSpan& y) { return x.begin < y.begin; });
        // brat events need a trigger: the cue, or for a continuation with no head the content.
        std::string content = add_span("Content", fragments);
        std::string event = "E" + std::to_string(next_event++) + "\tAttribution:";
        if (!a.cue.empty()) {
            std::string cue = add_span("Cue", {a.cue});
            std::string trigger = add_span("Attribution", {a.cue});
            event += trigger + " Cue:" + cue;
        } else {
            event += add_span("Attribution", {a.content});
        }
        if (!a.source.empty()) event += " Source:" + add_span("Source", {a.source});
        event += " Content:" + content + "\n";
        out += event;
    }
    return out;
}

}  // namespace qg::exporter
