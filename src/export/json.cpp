#include "export/json.h"

#include "attribution/lexicon.h"

#include <cmath>

#include "text/text.h"

namespace qg::exporter {

namespace {

const char* type_name(entities::EntityType t) {
    switch (t) {
        case entities::EntityType::Organisation: return "organisation";
        case entities::EntityType::Group: return "group";
        default: return "person";
    }
}

nlohmann::json entity_ref(int index) {
    return index < 0 ? nlohmann::json(nullptr) : nlohmann::json("e" + std::to_string(index + 1));
}

}  // namespace

nlohmann::json to_json(const ingest::Document& document, const pipeline::Result& result) {
    const std::string& text = document.text;
    text::OffsetIndex index(text);
    auto span = [&](attribution::ByteSpan s) -> nlohmann::json {
        if (s.empty()) return nullptr;
        return {{"start", index.to_char(s.begin)},
                {"end", index.to_char(s.end)},
                {"text", text.substr(s.begin, s.end - s.begin)}};
    };

    nlohmann::json doc{{"id", document.id}, {"text", text}};
    if (!document.title.empty()) doc["title"] = document.title;
    if (!document.url.empty()) doc["url"] = document.url;
    if (!document.date.empty()) doc["date"] = document.date;
    if (!document.outlet.empty()) doc["outlet"] = document.outlet;

    nlohmann::json attributions = nlohmann::json::array();
    for (size_t i = 0; i < result.attributions.size(); ++i) {
        const auto& a = result.attributions[i];
        nlohmann::json j{{"id", "a" + std::to_string(i + 1)},
                         {"kind", attribution::kind_name(a.kind)},
                         {"content", span(a.content)},
                         {"cue", span(a.cue)},
                         {"source", span(a.source)},
                         {"speaker", entity_ref(a.speaker)},
                         {"continuation", a.continuation},
                         {"recipient", entity_ref(a.recipient)},
                         {"confidence", std::round(a.confidence * 1000.0) / 1000.0}};
        if (a.continuation && a.continues >= 0) j["continues"] = "a" + std::to_string(a.continues + 1);
        j["rule"] = attribution::Lexicon::rule_key(a.rule, a.weak_cue);
        attributions.push_back(std::move(j));
    }

    nlohmann::json entities = nlohmann::json::array();
    for (size_t i = 0; i < result.entities.size(); ++i) {
        const auto& e = result.entities[i];
        nlohmann::json roles = nlohmann::json::array();
        for (const auto& r : e.roles)
            roles.push_back({{"title", r.title}, {"organisation", entity_ref(r.organisation)}, {"former", r.former}});
        nlohmann::json mentions = nlohmann::json::array();
        for (const auto& m : e.mentions) mentions.push_back({{"start", index.to_char(m.begin)}, {"end", index.to_char(m.end)}});
        entities.push_back({{"id", "e" + std::to_string(i + 1)},
                            {"type", type_name(e.type)},
                            {"name", e.name},
                            {"aliases", e.aliases},
                            {"roles", std::move(roles)},
                            {"mentions", std::move(mentions)}});
    }
    return {{"document", std::move(doc)}, {"attributions", std::move(attributions)}, {"entities", std::move(entities)}};
}

}  // namespace qg::exporter
