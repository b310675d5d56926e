// Statistics of an attribution graph: who is quoted most, which organisations speak
// through the most people, how claims spread over documents and outlets, how connected
// the graph is, and who bridges it (Boost.Graph's Brandes betweenness).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graph/model.h"

namespace qg::graph {

struct SpeakerCount {
    std::string name;
    VertexKind kind = VertexKind::Person;
    uint32_t claims = 0;     // distinct claims
    uint32_t reports = 0;    // reports of those claims attributed to it, over all documents
    uint32_t documents = 0;  // documents reporting its claims
};

struct OrganisationCount {
    std::string name;
    std::vector<std::string> members;  // quoted people affiliated with it
    uint32_t claims = 0;               // claims it made itself
};

struct DocumentCount {
    std::string id, title, outlet;
    uint32_t claims = 0;
};

struct OutletCount {
    std::string outlet;  // "" when the documents did not say
    uint32_t documents = 0;
    uint32_t claims = 0;
};

struct CentralityScore {
    std::string name;
    VertexKind kind = VertexKind::Person;
    double betweenness = 0;  // normalised to [0, 1]
};

struct Stats {
    std::array<size_t, kVertexKindCount> vertices{};
    std::array<size_t, kEdgeKindCount> edges{};
    std::vector<SpeakerCount> speakers;            // most claims first
    std::vector<OrganisationCount> organisations;  // most quoted members first
    std::vector<DocumentCount> documents;          // most claims first, then input order
    std::vector<OutletCount> outlets;              // most claims first
    size_t total_documents = 0;
    size_t documents_without_claims = 0;
    size_t components = 0;                 // of the whole graph, edges taken undirected
    std::vector<size_t> component_sizes;   // largest first (at most `top`)
    size_t isolated = 0;                   // components of one vertex
    std::vector<CentralityScore> betweenness;  // highest first, non-zero only
    size_t network_vertices = 0;      // entities in the speaker–organisation network
    size_t betweenness_vertices = 0;  // how many of them betweenness was computed over
};

// Brandes' algorithm takes O(V·E): above this many entities, betweenness is computed over
// the most connected of them only (seconds instead of minutes on a 10,000-article corpus).
inline constexpr size_t kBetweennessVertexLimit = 3000;

// Lists are cut to `top` entries (0: no limit). Betweenness is computed on the
// speaker–organisation network (collapse_claims), where it says who connects speakers and
// organisations; on the whole graph it would mostly rank documents.
Stats compute_stats(const Graph& g, size_t top = 20);

std::string to_text(const Stats& stats);
nlohmann::json to_json(const Stats& stats);

}  // namespace qg::graph
