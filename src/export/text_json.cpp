#include "export/text_json.h"

namespace qg::exporter {

nlohmann::json text_structure_json(const ingest::Document& document, const text::Analysis& analysis) {
    const std::string& text = document.text;
    text::OffsetIndex index(text);
    auto span_json = [&](uint32_t begin_byte, uint32_t end_byte) {
        return nlohmann::json{{"start", index.to_char(begin_byte)},
                              {"end", index.to_char(end_byte)},
                              {"text", text.substr(begin_byte, end_byte - begin_byte)}};
    };
    nlohmann::json sentences = nlohmann::json::array();
    for (const auto& s : analysis.sentences) {
        auto j = span_json(analysis.sentence_begin(s), analysis.sentence_end(s));
        j["paragraph"] = s.paragraph;
        sentences.push_back(std::move(j));
    }
    nlohmann::json paragraphs = nlohmann::json::array();
    for (const auto& p : analysis.paragraphs) {
        uint32_t begin = analysis.sentence_begin(analysis.sentences[p.first_sentence]);
        uint32_t end = analysis.sentence_end(analysis.sentences[p.end_sentence - 1]);
        paragraphs.push_back({{"start", index.to_char(begin)}, {"end", index.to_char(end)}});
    }
    nlohmann::json links = nlohmann::json::array();
    for (const auto& link : document.links) {
        uint32_t begin = index.to_byte(link.anchor.start), end = index.to_byte(link.anchor.end);
        auto j = span_json(begin, end);
        j["href"] = link.href;
        links.push_back(std::move(j));
    }
    nlohmann::json doc{{"id", document.id}, {"text", text}};
    if (!document.title.empty()) doc["title"] = document.title;
    return {{"document", std::move(doc)},
            {"paragraphs", std::move(paragraphs)},
            {"sentences", std::move(sentences)},
            {"links", std::move(links)}};
}

}  // namespace qg::exporter
