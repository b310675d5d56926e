#include "graph/stats.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_set>

#include "graph/views.h"

namespace qg::graph {

namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

Undirected undirected(const Graph& g) {
    Undirected u(boost::num_vertices(g));
    for (auto [e, end] = boost::edges(g); e != end; ++e) boost::add_edge(boost::source(*e, g), boost::target(*e, g), u);
    return u;
}

template <class T>
void cut(std::vector<T>& list, size_t top) {
    if (top > 0 && list.size() > top) list.resize(top);
}

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Stats compute_stats(const Graph& g, size_t top) {
    Stats s;
    const size_t n = boost::num_vertices(g);
    for (VertexId v = 0; v < n; ++v) ++s.vertices[static_cast<int>(g[v].kind)];
    for (auto [e, end] = boost::edges(g); e != end; ++e) ++s.edges[static_cast<int>(g[*e].kind)];

    std::map<std::string, OutletCount> outlets;
    for (VertexId v = 0; v < n; ++v) {
        const Vertex& p = g[v];
        if (is_entity(p.kind) && p.claims > 0) {
            SpeakerCount c{p.name, p.kind, p.claims, 0, 0};
            std::unordered_set<VertexId> documents;
            for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
                if (g[*e].kind != EdgeKind::Said) continue;
                c.reports += g[*e].weight;
                VertexId claim = boost::target(*e, g);
                for (auto [r, rend] = boost::out_edges(claim, g); r != rend; ++r)
                    if (g[*r].kind == EdgeKind::ReportedIn) documents.insert(boost::target(*r, g));
            }
            c.documents = static_cast<uint32_t>(documents.size());
            s.speakers.push_back(std::move(c));
        }
        if (p.kind == VertexKind::Organisation) {
            OrganisationCount o{p.name, {}, p.claims};
            for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
                VertexId member = boost::source(*e, g);
                if (g[*e].kind == EdgeKind::AffiliatedWith && g[member].claims > 0 &&
                    std::find(o.members.begin(), o.members.end(), g[member].name) == o.members.end())
                    o.members.push_back(g[member].name);
            }
            if (!o.members.empty() || o.claims > 0) s.organisations.push_back(std::move(o));
        }
        if (p.kind == VertexKind::Document) {
            DocumentCount d{p.name, p.title, p.outlet, 0};
            for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) d.claims += g[*e].kind == EdgeKind::ReportedIn;
            auto& outlet = outlets[p.outlet];
            outlet.outlet = p.outlet;
            ++outlet.documents;
            outlet.claims += d.claims;
            ++s.total_documents;
            s.documents_without_claims += d.claims == 0;
            s.documents.push_back(std::move(d));
        }
    }
    std::stable_sort(s.speakers.begin(), s.speakers.end(), [](const auto& a, const auto& b) {
        return a.claims != b.claims ? a.claims > b.claims : a.reports > b.reports;
    });
    std::stable_sort(s.organisations.begin(), s.organisations.end(), [](const auto& a, const auto& b) {
        return a.members.size() != b.members.size() ? a.members.size() > b.members.size() : a.claims > b.claims;
    });
    std::stable_sort(s.documents.begin(), s.documents.end(),
                     [](const auto& a, const auto& b) { return a.claims > b.claims; });
    for (auto& [name, outlet] : outlets) s.outlets.push_back(std::move(outlet));
    std::stable_sort(s.outlets.begin(), s.outlets.end(), [](const auto& a, const auto& b) { return a.claims > b.claims; });

    {
        Undirected u = undirected(g);
        std::vector<size_t> component(n);
        s.components = n == 0 ? 0 : static_cast<size_t>(boost::connected_components(u, component.data()));
        std::vector<size_t> sizes(s.components, 0);
        for (size_t c : component) ++sizes[c];
        s.isolated = static_cast<size_t>(std::count(sizes.begin(), sizes.end(), size_t{1}));
        std::sort(sizes.begin(), sizes.end(), std::greater<>());
        s.component_sizes = std::move(sizes);
    }

    {
        Graph network = collapse_claims(g);
        s.network_vertices = boost::num_vertices(network);
        if (s.network_vertices > kBetweennessVertexLimit) {
            Graph core = most_connected(network, kBetweennessVertexLimit);
            take(network, core);
        }
        s.betweenness_vertices = boost::num_vertices(network);
        Undirected u = undirected(network);
        const size_t m = boost::num_vertices(u);
        std::vector<double> centrality(m, 0.0);
        if (m > 2) {
            auto map = boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, u));
            boost::brandes_betweenness_centrality(u, boost::centrality_map(map));
            boost::relative_betweenness_centrality(u, map);
        }
        for (VertexId v = 0; v < m; ++v)
            if (centrality[v] > 1e-12) s.betweenness.push_back({network[v].name, network[v].kind, centrality[v]});
        std::stable_sort(s.betweenness.begin(), s.betweenness.end(),
                         [](const auto& a, const auto& b) { return a.betweenness > b.betweenness; });
    }

    cut(s.speakers, top);
    cut(s.organisations, top);
    cut(s.documents, top);
    cut(s.outlets, top);
    cut(s.component_sizes, top);
    cut(s.betweenness, top);
    return s;
}

std::string to_text(const Stats& s) {
    std::string out;
    char buffer[64];
    size_t vertices = 0, edges = 0;
    for (size_t c : s.vertices) vertices += c;
    for (size_t c : s.edges) edges += c;
    out += "Graph: " + plural(vertices, "vertex", "vertices") + " (";
    for (int k = 0; k < kVertexKindCount; ++k)
        out += (k ? ", " : "") + std::string(kind_name(static_cast<VertexKind>(k))) + " " + std::to_string(s.vertices[k]);
    out += "), " + plural(edges, "edge", "edges") + " (";
    for (int k = 0; k < kEdgeKindCount; ++k)
        out += (k ? ", " : "") + std::string(kind_name(static_cast<EdgeKind>(k))) + " " + std::to_string(s.edges[k]);
    out += ")\n";

    out += "\nMost quoted speakers (claims)\n";
    for (const auto& c : s.speakers) {
        std::snprintf(buffer, sizeof buffer, "%6u  ", c.claims);
        out += buffer + c.name + "  (" + kind_name(c.kind) + ", " + plural(c.reports, "report", "reports") + " in " +
               plural(c.documents, "document", "documents") + ")\n";
    }

    out += "\nOrganisations by quoted members\n";
    for (const auto& o : s.organisations) {
        std::snprintf(buffer, sizeof buffer, "%6zu  ", o.members.size());
        out += buffer + o.name;
        std::string detail;
        for (const auto& m : o.members) detail += (detail.empty() ? "" : ", ") + m;
        if (o.claims > 0) detail += (detail.empty() ? "" : "; ") + plural(o.claims, "claim", "claims") + " of its own";
        out += (detail.empty() ? "" : "  (" + detail + ")") + "\n";
    }

    size_t claims = s.vertices[static_cast<int>(VertexKind::Claim)];
    std::snprintf(buffer, sizeof buffer, "%.1f",
                  s.total_documents ? static_cast<double>(claims) / static_cast<double>(s.total_documents) : 0.0);
    out += "\nClaims per document (" + plural(s.total_documents, "document", "documents") + ", " + buffer +
           " claims on average, " + std::to_string(s.documents_without_claims) + " without any)\n";
    for (const auto& d : s.documents) {
        std::snprintf(buffer, sizeof buffer, "%6u  ", d.claims);
        out += buffer + d.id + (d.title.empty() ? "" : "  " + d.title) + "\n";
    }

    out += "\nClaims per outlet\n";
    for (const auto& o : s.outlets) {
        std::snprintf(buffer, sizeof buffer, "%6u  ", o.claims);
        out += buffer + (o.outlet.empty() ? std::string("(outlet unknown)") : o.outlet) + "  (" +
               plural(o.documents, "document", "documents") + ")\n";
    }

    out += "\nConnected components: " + std::to_string(s.components);
    if (!s.component_sizes.empty()) {
        out += " (sizes ";
        for (size_t i = 0; i < s.component_sizes.size(); ++i)
            out += (i ? ", " : "") + std::to_string(s.component_sizes[i]);
        out += s.component_sizes.size() < s.components ? ", …" : "";
        out += "; " + std::to_string(s.isolated) + " isolated)";
    }
    out += "\n";

    out += "\nBetweenness centrality (speaker–organisation network, normalised";
    if (s.betweenness_vertices < s.network_vertices)
        out += "; over its " + std::to_string(s.betweenness_vertices) + " most connected of " +
               std::to_string(s.network_vertices) + " entities";
    out += ")\n";
    for (const auto& c : s.betweenness) {
        std::snprintf(buffer, sizeof buffer, "%8.4f  ", c.betweenness);
        out += buffer + c.name + "  (" + kind_name(c.kind) + ")\n";
    }
    return out;
}

nlohmann::json to_json(const Stats& s) {
    nlohmann::json vertices = nlohmann::json::object(), edges = nlohmann::json::object();
    for (int k = 0; k < kVertexKindCount; ++k) vertices[kind_name(static_cast<VertexKind>(k))] = s.vertices[k];
    for (int k = 0; k < kEdgeKindCount; ++k) edges[kind_name(static_cast<EdgeKind>(k))] = s.edges[k];
    nlohmann::json speakers = nlohmann::json::array(), organisations = nlohmann::json::array(),
                   documents = nlohmann::json::array(), outlets = nlohmann::json::array(),
                   betweenness = nlohmann::json::array();
    for (const auto& c : s.speakers)
        speakers.push_back({{"name", c.name},
                            {"kind", kind_name(c.kind)},
                            {"claims", c.claims},
                            {"reports", c.reports},
                            {"documents", c.documents}});
    for (const auto& o : s.organisations)
        organisations.push_back({{"name", o.name},
                                 {"quoted_members", o.members.size()},
                                 {"members", o.members},
                                 {"claims", o.claims}});
    for (const auto& d : s.documents) {
        nlohmann::json j{{"id", d.id}, {"claims", d.claims}};
        if (!d.title.empty()) j["title"] = d.title;
        if (!d.outlet.empty()) j["outlet"] = d.outlet;
        documents.push_back(std::move(j));
    }
    for (const auto& o : s.outlets)
        outlets.push_back({{"outlet", o.outlet.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.outlet)},
                           {"documents", o.documents},
                           {"claims", o.claims}});
    for (const auto& c : s.betweenness)
        betweenness.push_back({{"name", c.name},
                               {"kind", kind_name(c.kind)},
                               {"betweenness", std::round(c.betweenness * 1e6) / 1e6}});
    return {{"vertices", std::move(vertices)},
            {"edges", std::move(edges)},
            {"speakers", std::move(speakers)},
            {"organisations", std::move(organisations)},
            {"documents", {{"count", s.total_documents},
                           {"without_claims", s.documents_without_claims},
                           {"by_claims", std::move(documents)}}},
            {"outlets", std::move(outlets)},
            {"components", {{"count", s.components}, {"sizes", s.component_sizes}, {"isolated", s.isolated}}},
            {"betweenness", {{"ranking", std::move(betweenness)},
                             {"network_vertices", s.network_vertices},
                             {"computed_over", s.betweenness_vertices}}}};
}

}  // namespace qg::graph
