// The attribution graph: the model built from the seed article, merging across documents,
// the views, the exports (read back with Graphviz, JSON and XML eyes) and the committed
// graphs/ files, which must equal what tools/regenerate-graphs produces.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <graphviz/cgraph.h>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/dot.h"
#include "export/graphml.h"
#include "export/json.h"
#include "export/node_link.h"
#include "export/render.h"
#include "graph/build.h"
#include "graph/names.h"
#include "graph/stats.h"
#include "graph/views.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

using namespace qg;
using graph::EdgeKind;
using graph::VertexKind;

namespace {

constexpr const char* kSeed = "fixtures/the-national-2022-hassakeh.html";
constexpr const char* kGraphs = "graphs/the-national-2022-hassakeh";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fixture read as the CLI reads it from the repository root, so the document id is the
// relative path tools/regenerate-graphs passes.
ingest::Document read_document(const std::string& relative) {
    std::vector<ingest::Document> documents;
    bool ok = ingest::read_input(
        std::string(QG_SOURCE_DIR) + "/" + relative, {}, [&](ingest::Document&& d) { documents.push_back(std::move(d)); },
        [](const ingest::Diagnostic&) {});
    REQUIRE(ok);
    REQUIRE(documents.size() == 1);
    documents.front().id = relative;
    return std::move(documents.front());
}

graph::Graph build_from(const std::vector<std::string>& fixtures, std::vector<graph::MergeDecision>* decisions = nullptr) {
    graph::Builder builder;
    if (decisions) builder.on_decision([decisions](const graph::MergeDecision& d) { decisions->push_back(d); });
    for (const auto& f : fixtures) {
        auto document = read_document(f);
        builder.add(document, pipeline::extract(document));
    }
    return builder.finish();
}

const graph::Graph& seed_graph() {
    static const graph::Graph g = build_from({kSeed});
    return g;
}

std::vector<graph::VertexId> vertices_named(const graph::Graph& g, VertexKind kind, const std::string& name) {
    std::vector<graph::VertexId> out;
    for (graph::VertexId v = 0; v < boost::num_vertices(g); ++v)
        if (g[v].kind == kind && g[v].name == name) out.push_back(v);
    return out;
}

size_t count_edges(const graph::Graph& g, graph::VertexId v, EdgeKind kind) {
    size_t n = 0;
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) n += g[*e].kind == kind;
    return n;
}

size_t count_substring(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// Nodes and edges of a DOT text read back by Graphviz, the legend's left out.
std::string node_link(const graph::Graph& g) {
    std::ostringstream out;
    exporter::write_node_link(out, g);
    return out.str();
}

std::pair<size_t, size_t> dot_counts(const std::string& dot) {
    Agraph_t* g = agmemread(dot.c_str());
    REQUIRE(g != nullptr);
    auto is_legend = [](Agnode_t* n) { return std::string(agnameof(n)).rfind("legend_", 0) == 0; };
    size_t nodes = 0, edges = 0;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        if (is_legend(n)) continue;
        ++nodes;
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) edges += !is_legend(aghead(e));
    }
    agclose(g);
    return {nodes, edges};
}

}  // namespace

TEST_CASE("names: full names, acronyms and claim keys", "[graph]") {
    CHECK(graph::full_name("Col Myles Caggins") == "Myles Caggins");
    CHECK(graph::full_name("Farhad Shami") == "Farhad Shami");
    CHECK(graph::full_name("Ursula von der Leyen") == "Ursula von der Leyen");
    CHECK_FALSE(graph::full_name("Mr Shami"));
    CHECK_FALSE(graph::full_name("Shami"));
    CHECK_FALSE(graph::full_name("The SDF spokesman"));
    CHECK(graph::is_acronym("SDF"));
    CHECK(graph::is_acronym("U.S."));
    CHECK_FALSE(graph::is_acronym("Shami"));
    CHECK_FALSE(graph::is_acronym("I"));
    CHECK(graph::claim_key("”Had there been  a breach,”") == graph::claim_key("\"had there been a breach.\""));
    CHECK(graph::claim_key("“It‘s true”") == graph::claim_key("\"It's TRUE\""));
    CHECK(graph::surname("Ms Berg") == "Berg");
    CHECK(graph::is_proper_name("US government"));
    CHECK(graph::is_proper_name("The National"));
    CHECK_FALSE(graph::is_proper_name("city council"));
    CHECK_FALSE(graph::is_proper_name("the committee"));
}

TEST_CASE("every attribution of the seed is a claim said by its speaker", "[graph]") {
    auto document = read_document(kSeed);
    auto result = pipeline::extract(document);
    auto extract = exporter::to_json(document, result);
    const auto& g = seed_graph();
    REQUIRE_FALSE(result.attributions.empty());
    for (size_t i = 0; i < result.attributions.size(); ++i) {
        const auto& a = result.attributions[i];
        const auto& content = extract["attributions"][i]["content"];
        INFO(content["text"].get<std::string>());
        std::optional<graph::VertexId> claim;
        for (graph::VertexId v = 0; v < boost::num_vertices(g); ++v) {
            if (g[v].kind != VertexKind::Claim) continue;
            for (const auto& o : g[v].occurrences)
                if (o.document == kSeed && o.start == content["start"] && o.end == content["end"]) claim = v;
        }
        REQUIRE(claim);
        CHECK(count_edges(g, *claim, EdgeKind::ReportedIn) == 1);
        if (a.speaker < 0) continue;
        const std::string speaker = result.entities[a.speaker].name;
        bool said = false;
        for (auto [e, end] = boost::in_edges(*claim, g); e != end; ++e)
            said |= g[*e].kind == EdgeKind::Said && g[boost::source(*e, g)].name == speaker;
        CHECK(said);
        if (a.recipient >= 0) CHECK(count_edges(g, *claim, EdgeKind::Told) == 1);
    }
}

TEST_CASE("Farhad Shami is the spokesman of the Syrian Democratic Forces", "[graph]") {
    const auto& g = seed_graph();
    auto shami = graph::find_entity(g, "Farhad Shami");
    REQUIRE(shami);
    CHECK(graph::find_entity(g, "Mr Shami") == shami);
    bool spokesman = false;
    for (auto [e, end] = boost::out_edges(*shami, g); e != end; ++e) {
        const auto& edge = g[*e];
        spokesman |= edge.kind == EdgeKind::AffiliatedWith && edge.label == "spokesman" && !edge.former &&
                     g[boost::target(*e, g)].name == "Syrian Democratic Forces";
    }
    CHECK(spokesman);
    auto caggins = graph::find_entity(g, "Myles Caggins");
    REQUIRE(caggins);
    bool former = false;
    for (auto [e, end] = boost::out_edges(*caggins, g); e != end; ++e)
        former |= g[*e].kind == EdgeKind::AffiliatedWith && g[*e].former;
    CHECK(former);
}

TEST_CASE("organisations named inside another's name are part of it", "[graph]") {
    const auto& g = seed_graph();
    auto committee = vertices_named(g, VertexKind::Organisation, "Department of Defence budget committee");
    REQUIRE(committee.size() == 1);
    bool part_of = false;
    for (auto [e, end] = boost::out_edges(committee[0], g); e != end; ++e)
        part_of |= g[*e].kind == EdgeKind::PartOf && g[boost::target(*e, g)].name == "Department of Defence";
    CHECK(part_of);
    // A suffix is not a part: the coalition against ISIS is no part of ISIS.
    auto coalition = vertices_named(g, VertexKind::Organisation, "Global Coalition to Defeat ISIS");
    REQUIRE(coalition.size() == 1);
    CHECK(count_edges(g, coalition[0], EdgeKind::PartOf) == 0);
}

TEST_CASE("claims mention the entities named inside them", "[graph]") {
    const auto& g = seed_graph();
    auto isis = vertices_named(g, VertexKind::Organisation, "ISIS");
    REQUIRE(isis.size() == 1);
    size_t mentions = 0;
    for (auto [e, end] = boost::in_edges(isis[0], g); e != end; ++e) mentions += g[*e].kind == EdgeKind::Mentions;
    CHECK(mentions >= 5);
}

TEST_CASE("two documents quoting the same person give one person vertex", "[graph]") {
    std::vector<graph::MergeDecision> decisions;
    auto g = build_from({"fixtures/graph/lindqvist-a.txt", "fixtures/graph/lindqvist-b.txt"}, &decisions);
    auto lindqvist = vertices_named(g, VertexKind::Person, "Maria Lindqvist");
    REQUIRE(lindqvist.size() == 1);
    std::set<std::string> documents;
    for (auto [e, end] = boost::out_edges(lindqvist[0], g); e != end; ++e)
        if (g[*e].kind == EdgeKind::Said)
            for (const auto& o : g[boost::target(*e, g)].occurrences) documents.insert(o.document);
    CHECK(documents == std::set<std::string>{"fixtures/graph/lindqvist-a.txt", "fixtures/graph/lindqvist-b.txt"});
    bool explained = false;
    for (const auto& d : decisions) explained |= d.merged && d.name == "Maria Lindqvist" && d.reason == "same name";
    CHECK(explained);
    CHECK(vertices_named(g, VertexKind::Organisation, "Nordic Investment Bank").size() == 1);
}

TEST_CASE("the same quote in two documents is one claim reported in both", "[graph]") {
    auto g = build_from({"fixtures/graph/lindqvist-a.txt", "fixtures/graph/lindqvist-b.txt"});
    std::vector<graph::VertexId> claims;
    for (graph::VertexId v = 0; v < boost::num_vertices(g); ++v)
        if (g[v].kind == VertexKind::Claim && graph::claim_key(g[v].name) == "prices have peaked") claims.push_back(v);
    REQUIRE(claims.size() == 1);
    CHECK(count_edges(g, claims[0], EdgeKind::ReportedIn) == 2);
    CHECK(g[claims[0]].occurrences.size() == 2);
    size_t said = 0;
    for (auto [e, end] = boost::in_edges(claims[0], g); e != end; ++e) said += g[*e].kind == EdgeKind::Said;
    CHECK(said == 1);
}

TEST_CASE("two people sharing a surname are not merged", "[graph]") {
    std::vector<graph::MergeDecision> decisions;
    auto g = build_from({"fixtures/graph/berg-anna.txt", "fixtures/graph/berg-tom.txt"}, &decisions);
    CHECK(vertices_named(g, VertexKind::Person, "Anna Berg").size() == 1);
    CHECK(vertices_named(g, VertexKind::Person, "Tom Berg").size() == 1);
    for (const auto& d : decisions) CHECK_FALSE(d.merged);
    bool kept_apart = false;
    for (const auto& d : decisions) kept_apart |= !d.merged && d.name == "Tom Berg" && d.other == "Anna Berg";
    CHECK(kept_apart);
}

TEST_CASE("a middle initial does not keep one person apart, two different ones do", "[graph]") {
    std::vector<graph::MergeDecision> decisions;
    auto g = build_from({"fixtures/graph/okafor-initial.txt", "fixtures/graph/okafor-plain.txt"}, &decisions);
    CHECK(vertices_named(g, VertexKind::Person, "Grace N. Okafor").size() == 1);
    CHECK(vertices_named(g, VertexKind::Person, "Grace Okafor").empty());
    bool explained = false;
    for (const auto& d : decisions)
        explained |= d.merged && d.name == "Grace Okafor" && d.reason == "both are “Grace Okafor”, one with middle initials";
    CHECK(explained);

    // Erik T. and Erik J. Halvorsen are two men; a plain "Erik Halvorsen" after both joins neither.
    g = build_from({"fixtures/graph/halvorsen-t.txt", "fixtures/graph/halvorsen-j.txt", "fixtures/graph/halvorsen-plain.txt"});
    CHECK(vertices_named(g, VertexKind::Person, "Erik T. Halvorsen").size() == 1);
    CHECK(vertices_named(g, VertexKind::Person, "Erik J. Halvorsen").size() == 1);
    CHECK(vertices_named(g, VertexKind::Person, "Erik Halvorsen").size() == 1);
    // In the other order the plain name joins the one middle-initial form known when it comes.
    g = build_from({"fixtures/graph/halvorsen-plain.txt", "fixtures/graph/halvorsen-t.txt", "fixtures/graph/halvorsen-j.txt"});
    CHECK(vertices_named(g, VertexKind::Person, "Erik Halvorsen").size() == 1);
    CHECK(vertices_named(g, VertexKind::Person, "Erik T. Halvorsen").empty());
    CHECK(vertices_named(g, VertexKind::Person, "Erik J. Halvorsen").size() == 1);
}

TEST_CASE("middle initials and no-break spaces in merge keys", "[graph]") {
    CHECK(graph::without_middle_initials("Donald J. Trump") == "Donald Trump");
    CHECK(graph::without_middle_initials("George H.W. Bush") == "George Bush");
    CHECK(graph::without_middle_initials("Harry S Truman") == "Harry Truman");
    CHECK_FALSE(graph::without_middle_initials("Hillary Rodham Clinton"));
    CHECK_FALSE(graph::without_middle_initials("J. Edgar Hoover"));
    CHECK_FALSE(graph::without_middle_initials("Donald Trump"));
    CHECK(graph::name_key("James\u00a0Comey") == graph::name_key("James Comey"));
    CHECK(graph::full_name("James\u00a0Comey") == "James Comey");
}

TEST_CASE("merging from extract JSON: acronyms join, titles and surnames alone do not", "[graph]") {
    auto document = [](const std::string& id, nlohmann::json entities, nlohmann::json attributions) {
        return nlohmann::json{{"document", {{"id", id}, {"text", ""}}}, {"entities", entities}, {"attributions", attributions}};
    };
    auto said = [](const std::string& text, const std::string& speaker) {
        return nlohmann::json{{"kind", "indirect"},
                              {"content", {{"start", 0}, {"end", text.size()}, {"text", text}}},
                              {"cue", {{"start", 0}, {"end", 4}, {"text", "said"}}},
                              {"speaker", speaker},
                              {"recipient", nullptr},
                              {"continuation", false},
                              {"confidence", 0.5}};
    };
    graph::Builder builder;
    std::vector<graph::MergeDecision> decisions;
    builder.on_decision([&](const graph::MergeDecision& d) { decisions.push_back(d); });
    builder.add_extract(document(
        "a", {{{"id", "e1"}, {"type", "organisation"}, {"name", "Syrian Democratic Forces"}, {"aliases", {"SDF"}}},
              {{"id", "e2"}, {"type", "person"}, {"name", "Smith"}, {"aliases", {"Mr Smith"}}}},
        {said("the prison held", "e1"), said("the plan failed", "e2")}));
    builder.add_extract(document(
        "b", {{{"id", "e1"}, {"type", "organisation"}, {"name", "SDF"}}, {{"id", "e2"}, {"type", "person"}, {"name", "Smith"}, {"aliases", {"Mr Smith"}}}},
        {said("reinforcements arrived", "e1"), said("the plan worked", "e2")}));
    auto g = builder.finish();
    CHECK(vertices_named(g, VertexKind::Organisation, "Syrian Democratic Forces").size() == 1);
    CHECK(vertices_named(g, VertexKind::Organisation, "SDF").empty());
    CHECK(vertices_named(g, VertexKind::Person, "Smith").size() == 2);
    bool acronym = false;
    for (const auto& d : decisions) acronym |= d.merged && d.reason.find("acronym") != std::string::npos;
    CHECK(acronym);
}

TEST_CASE("a graph from extract JSONL equals the graph built in-process", "[graph]") {
    auto document = read_document(kSeed);
    auto result = pipeline::extract(document);
    std::stringstream jsonl(exporter::to_json(document, result).dump() + "\n");
    graph::Builder builder;
    REQUIRE(builder.add_extract_jsonl(jsonl, nullptr));
    auto from_json = builder.finish();
    CHECK(exporter::to_dot(from_json) == exporter::to_dot(seed_graph()));
    CHECK(node_link(from_json) == node_link(seed_graph()));

    graph::Builder twice;
    auto extract = exporter::to_json(document, result);
    CHECK(twice.add_extract(extract));
    CHECK_FALSE(twice.add_extract(extract));  // the same article given twice counts once
    CHECK(node_link(twice.finish()) == node_link(seed_graph()));

    std::stringstream bad("{\"document\": {\"id\": \"x\"}}\nnot json\n");
    std::vector<size_t> lines;
    CHECK_FALSE(builder.add_extract_jsonl(bad, [&](size_t line, const std::string&) { lines.push_back(line); }));
    CHECK(lines == std::vector<size_t>{2});
}

TEST_CASE("the DOT reads back with Graphviz with the model's nodes and edges", "[graph]") {
    const auto& g = seed_graph();
    for (bool cluster : {false, true}) {
        exporter::DotOptions options;
        options.cluster_by_document = cluster;
        auto [nodes, edges] = dot_counts(exporter::to_dot(g, options));
        CHECK(nodes == boost::num_vertices(g));
        CHECK(edges == boost::num_edges(g));
    }
    auto [nodes, edges] = dot_counts(read_file(std::string(QG_SOURCE_DIR) + "/" + kGraphs + ".dot"));
    CHECK(nodes == boost::num_vertices(g));
    CHECK(edges == boost::num_edges(g));
}

TEST_CASE("DOT labels are escaped and shortened, with the full text in the tooltip", "[graph]") {
    graph::Graph g;
    graph::Vertex claim;
    claim.kind = VertexKind::Claim;
    claim.claim_kind = graph::ClaimKind::Direct;
    claim.name = "“A \"quoted\" word, a back\\slash \\N and a claim long enough to be cut well before its very end,”";
    boost::add_vertex(claim, g);
    std::string dot = exporter::to_dot(g);
    Agraph_t* back = agmemread(dot.c_str());
    REQUIRE(back != nullptr);
    Agnode_t* node = agnode(back, const_cast<char*>("c0"), 0);
    REQUIRE(node != nullptr);
    std::string label = agget(node, const_cast<char*>("label"));
    std::string tooltip = agget(node, const_cast<char*>("tooltip"));
    agclose(back);
    CHECK(label.find("…") != std::string::npos);
    CHECK(label.find("\\\\slash") != std::string::npos);  // a literal backslash, not an escape
    CHECK(label.find("\\\\N") != std::string::npos);
    CHECK(tooltip.find("before its very end") != std::string::npos);
    CHECK(tooltip.find("\"quoted\"") != std::string::npos);
}

TEST_CASE("node-link JSON and GraphML hold every node and link", "[graph]") {
    const auto& g = seed_graph();
    auto json = nlohmann::json::parse(node_link(g));
    REQUIRE(json["nodes"].size() == boost::num_vertices(g));
    REQUIRE(json["links"].size() == boost::num_edges(g));
    std::set<std::string> ids;
    for (const auto& n : json["nodes"]) {
        CHECK(n.contains("kind"));
        ids.insert(n["id"].get<std::string>());
    }
    CHECK(ids.size() == boost::num_vertices(g));
    for (const auto& l : json["links"]) {
        CHECK(ids.count(l["source"].get<std::string>()) == 1);
        CHECK(ids.count(l["target"].get<std::string>()) == 1);
    }

    std::ostringstream out;
    exporter::write_graphml(out, g);
    const std::string xml = out.str();
    CHECK(xml.rfind("<?xml", 0) == 0);
    CHECK(xml.find("</graphml>") != std::string::npos);
    CHECK(count_substring(xml, "<node ") == boost::num_vertices(g));
    CHECK(count_substring(xml, "<edge ") == boost::num_edges(g));
    CHECK(xml.find("Farhad Shami") != std::string::npos);
}

TEST_CASE("views: ego graph, minimum claims, speaker network, most connected", "[graph]") {
    const auto& g = seed_graph();
    auto has = [](const graph::Graph& v, const std::string& name) {
        for (graph::VertexId i = 0; i < boost::num_vertices(v); ++i)
            if (v[i].name == name) return true;
        return false;
    };
    auto view = [&g](graph::ViewOptions options) {
        graph::Graph v = g;
        graph::apply_view(v, options);
        return v;
    };
    auto caggins = view({"Mr Caggins", 0, false, 0});
    CHECK(has(caggins, "Myles Caggins"));
    CHECK(has(caggins, "Council on Foreign Relations"));
    CHECK(has(caggins, "Global Coalition to Defeat ISIS"));
    CHECK(has(caggins, "The National"));
    CHECK(has(caggins, kSeed));
    CHECK_FALSE(has(caggins, "Farhad Shami"));
    size_t claims = 0;
    for (graph::VertexId v = 0; v < boost::num_vertices(caggins); ++v) claims += caggins[v].kind == VertexKind::Claim;
    CHECK(claims == caggins[*graph::find_entity(caggins, "Myles Caggins")].claims);
    CHECK_THROWS_AS(view({"Nobody Here", 0, false, 0}), std::invalid_argument);

    auto frequent = view({"", 3, false, 0});
    for (graph::VertexId v = 0; v < boost::num_vertices(frequent); ++v) {
        if (frequent[v].kind != VertexKind::Claim) continue;
        bool by_frequent = false;
        for (auto [e, end] = boost::in_edges(v, frequent); e != end; ++e)
            by_frequent |= frequent[boost::source(*e, frequent)].claims >= 3;
        CHECK(by_frequent);
    }
    CHECK_FALSE(has(frequent, "Operation Inherent Resolve"));
    CHECK(has(frequent, "Syrian Democratic Forces"));  // Farhad Shami's organisation stays

    auto network = view({"", 0, true, 0});
    for (graph::VertexId v = 0; v < boost::num_vertices(network); ++v) CHECK(graph::is_entity(network[v].kind));
    auto shami = graph::find_entity(network, "Farhad Shami");
    REQUIRE(shami);
    bool weighted = false;
    for (auto [e, end] = boost::out_edges(*shami, network); e != end; ++e)
        weighted |= network[*e].kind == EdgeKind::AffiliatedWith && network[*e].weight == network[*shami].claims;
    CHECK(weighted);

    auto top = view({"", 0, false, 5});
    CHECK(boost::num_vertices(top) == 5);
    CHECK(has(top, kSeed));  // every claim is reported in it
}

TEST_CASE("stats rank speakers, organisations and documents", "[graph]") {
    auto document = read_document(kSeed);
    auto result = pipeline::extract(document);
    std::map<std::string, size_t> by_speaker;
    for (const auto& a : result.attributions)
        if (a.speaker >= 0) ++by_speaker[result.entities[a.speaker].name];
    auto stats = graph::compute_stats(seed_graph());
    REQUIRE_FALSE(stats.speakers.empty());
    CHECK(stats.speakers[0].name == "Farhad Shami");
    for (const auto& s : stats.speakers) CHECK(s.reports == by_speaker[s.name]);
    bool sdf = false;
    for (const auto& o : stats.organisations)
        sdf |= o.name == "Syrian Democratic Forces" && o.members == std::vector<std::string>{"Farhad Shami"};
    CHECK(sdf);
    REQUIRE(stats.documents.size() == 1);
    CHECK(stats.documents[0].claims == stats.vertices[static_cast<int>(VertexKind::Claim)]);
    CHECK(stats.components == 1);
    REQUIRE_FALSE(stats.betweenness.empty());
    auto json = graph::to_json(stats);
    CHECK(json["speakers"][0]["name"] == "Farhad Shami");
    CHECK(graph::to_text(stats).find("Most quoted speakers") != std::string::npos);
}

TEST_CASE("drawings: dot for small graphs, sfdp for large, refused beyond a sane size", "[graph]") {
    exporter::RenderOptions options;
    CHECK(exporter::layout_for(300, options) == "dot");
    CHECK(exporter::layout_for(301, options) == "sfdp");
    graph::Graph big;
    for (int i = 0; i < 5001; ++i) boost::add_vertex(graph::Vertex{}, big);
    try {
        exporter::render(big, "svg", options);
        FAIL("a graph of 5001 nodes was drawn");
    } catch (const exporter::TooLarge& e) {
        CHECK(std::string(e.what()).find("--max-nodes") != std::string::npos);
    }
    std::string svg = exporter::render(seed_graph(), "svg");
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("Farhad Shami") != std::string::npos);
}

TEST_CASE("the committed graphs/ files are what tools/regenerate-graphs writes", "[graph]") {
    const auto& g = seed_graph();
    const std::string base = std::string(QG_SOURCE_DIR) + "/" + kGraphs;
    INFO("if extraction or styling changed on purpose, run tools/regenerate-graphs and commit graphs/");
    CHECK(read_file(base + ".dot") == exporter::to_dot(g));
    CHECK(read_file(base + ".svg") == exporter::render(g, "svg"));
    CHECK(read_file(base + ".json") == node_link(g));

    // The script calls the CLI: it must write exactly what the library does.
    const std::string command = std::string("cd '") + QG_SOURCE_DIR + "' && '" + QG_BINARY_DIR + "/quotegraph' graph " + kSeed;
    for (const char* format : {"dot", "json"}) {
        FILE* pipe = popen((command + " --format " + format + " 2>/dev/null").c_str(), "r");
        REQUIRE(pipe != nullptr);
        std::string out;
        char buffer[4096];
        for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
        CHECK(pclose(pipe) == 0);
        CHECK(out == read_file(base + "." + format));
    }
}
