// The seed article (The National, January 2022), exactly as the attribution issue states
// what a careful reader finds in it.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "export/json.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

nlohmann::json extract_seed() {
    std::ifstream in(QG_SOURCE_DIR "/fixtures/the-national-2022-hassakeh.html", std::ios::binary);
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto document = qg::ingest::parse_html(buffer.str(), "the-national-2022-hassakeh.html");
    return qg::exporter::to_json(document, qg::pipeline::extract(document));
}

std::string speaker_name(const nlohmann::json& out, const nlohmann::json& attribution) {
    if (attribution["speaker"].is_null()) return "";
    for (const auto& e : out["entities"])
        if (e["id"] == attribution["speaker"]) return e["name"];
    return "";
}

const nlohmann::json* find_entity(const nlohmann::json& out, const std::string& name) {
    for (const auto& e : out["entities"])
        if (e["name"] == name) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("the seed article's statements are all found, each with the right speaker", "[seed]") {
    const auto out = extract_seed();
    struct Expected {
        const char* speaker;
        const char* cue;  // "" for a continuation
        const char* kind;
        const char* content;
    };
    const Expected expected[] = {
        {"Syrian Democratic Forces", "said", "indirect", "there was no breach within the ranks of prison guards"},
        {"Farhad Shami", "said", "indirect", "it was too early to determine whether any of the 3,500"},
        {"Farhad Shami", "said", "direct", "Had there been a breach within the ranks of the SDF"},
        {"Farhad Shami", "acknowledged", "mixed", "strategic and highly organised"},
        {"Syrian Democratic Forces", "said", "indirect", "it captured one of the most dangerous ISIS masterminds"},
        {"Farhad Shami", "said", "direct", "true that we revealed two plans similar to the one"},
        {"Farhad Shami", "said", "mixed", "technical weaknesses"},
        {"Farhad Shami", "said", "direct", "We need technological equipment"},
        {"Myles Caggins", "told", "indirect", "US forces will probably"},
        {"Myles Caggins", "said", "direct", "The attack on the Al Sina’a prison is quite serious"},
        {"Myles Caggins", "", "direct", "The world needs to take notice"},
        {"Department of Defence budget committee", "said", "direct", "The makeshift detention facilities are overcrowded"},
        {"Department of Defence budget committee", "", "direct", "The committee supports efforts of the Department of Defence"},
        {"Operation Inherent Resolve", "said", "mixed", "increased the chance of breakouts"},
        {"Farhad Shami", "said", "indirect", "no senior ISIS leaders managed to escape"},
        {"Farhad Shami", "said", "direct", "The territorial fight against ISIS was over in 2019"},
    };
    for (const auto& e : expected) {
        INFO("expected: " << e.speaker << " / " << e.content);
        const nlohmann::json* match = nullptr;
        for (const auto& a : out["attributions"]) {
            std::string content = a["content"]["text"];
            if (content.find(e.content) != std::string::npos) match = &a;
        }
        REQUIRE(match != nullptr);
        const auto& a = *match;
        CHECK(speaker_name(out, a) == e.speaker);
        CHECK(a["kind"] == e.kind);
        if (std::string(e.cue).empty()) {
            CHECK(a["continuation"] == true);
            CHECK(a["cue"].is_null());
        } else {
            REQUIRE(a["cue"].is_object());
            CHECK(std::string(a["cue"]["text"]).find(e.cue) != std::string::npos);
        }
    }
}

TEST_CASE("no statement of the seed is given to a wrong speaker", "[seed]") {
    const auto out = extract_seed();
    // Every attribution either has one of the article's real sources or is one of the two
    // statements the issue lists as acceptable extras.
    for (const auto& a : out["attributions"]) {
        std::string speaker = speaker_name(out, a);
        std::string content = a["content"]["text"];
        INFO(content << " -> " << speaker);
        if (content.find("concern about the state of detention") != std::string::npos) {
            CHECK(speaker == "US government");
            continue;
        }
        if (content.find("several weaknesses regarding SDF-run prisons") != std::string::npos) {
            CHECK(speaker == "Department of Defence budget committee");
            continue;
        }
        if (content.find("ISIS remains a serious threat") != std::string::npos) continue;  // "the attack showed"
        CHECK((speaker == "Syrian Democratic Forces" || speaker == "Farhad Shami" || speaker == "Myles Caggins" ||
               speaker == "Department of Defence budget committee" || speaker == "Operation Inherent Resolve"));
    }
}

TEST_CASE("the seed's speakers carry their roles and affiliations", "[seed]") {
    const auto out = extract_seed();
    auto has_role = [&](const std::string& person, const std::string& title, const std::string& org) {
        const auto* p = find_entity(out, person);
        REQUIRE(p != nullptr);
        for (const auto& r : (*p)["roles"]) {
            if (r["title"] != title || r["organisation"].is_null()) continue;
            for (const auto& e : out["entities"])
                if (e["id"] == r["organisation"] && e["name"] == org) return true;
        }
        return false;
    };
    CHECK(has_role("Farhad Shami", "spokesman", "Syrian Democratic Forces"));
    CHECK(has_role("Myles Caggins", "military fellow", "Council on Foreign Relations"));
    const auto* sdf = find_entity(out, "Syrian Democratic Forces");
    REQUIRE(sdf != nullptr);
    CHECK((*sdf)["type"] == "organisation");
    CHECK(std::find((*sdf)["aliases"].begin(), (*sdf)["aliases"].end(), "SDF") != (*sdf)["aliases"].end());
    const auto* shami = find_entity(out, "Farhad Shami");
    CHECK(std::find((*shami)["aliases"].begin(), (*shami)["aliases"].end(), "Mr Shami") != (*shami)["aliases"].end());
}

TEST_CASE("the seed's recipient is The National", "[seed]") {
    const auto out = extract_seed();
    bool found = false;
    for (const auto& a : out["attributions"]) {
        if (std::string(a["content"]["text"]).find("US forces will probably") == std::string::npos) continue;
        REQUIRE_FALSE(a["recipient"].is_null());
        for (const auto& e : out["entities"])
            if (e["id"] == a["recipient"]) found = e["name"] == "The National";
    }
    CHECK(found);
}
