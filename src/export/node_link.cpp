#include "export/node_link.h"

#include <cmath>

namespace qg::exporter {

nlohmann::json node_json(const graph::Graph& g, graph::VertexId v) {
    using graph::VertexKind;
    const graph::Vertex& p = g[v];
    nlohmann::json node{{"id", graph::node_id(g, v)}, {"kind", graph::kind_name(p.kind)}};
    if (p.kind == VertexKind::Claim) {
        nlohmann::json occurrences = nlohmann::json::array();
        for (const auto& o : p.occurrences) occurrences.push_back({{"document", o.document}, {"start", o.start}, {"end", o.end}});
        node["text"] = p.name;
        node["claim_kind"] = graph::kind_name(p.claim_kind);
        node["cue"] = p.cue.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.cue);
        node["continuation"] = p.continuation;
        node["confidence"] = std::round(p.confidence * 1000.0) / 1000.0;
        node["occurrences"] = std::move(occurrences);
    } else if (p.kind == VertexKind::Document) {
        node["name"] = p.name;
        for (auto [key, value] : {std::pair{"title", &p.title}, {"outlet", &p.outlet}, {"date", &p.date}, {"url", &p.url}})
            if (!value->empty()) node[key] = *value;
    } else {
        node["name"] = p.name;
        node["aliases"] = p.aliases;
        node["claims"] = p.claims;
    }
    return node;
}

nlohmann::json link_json(const graph::Graph& g, graph::EdgeId e) {
    const graph::Edge& p = g[e];
    nlohmann::json link{{"source", graph::node_id(g, boost::source(e, g))},
                        {"target", graph::node_id(g, boost::target(e, g))},
                        {"kind", graph::kind_name(p.kind)},
                        {"weight", p.weight}};
    if (!p.label.empty()) link["label"] = p.label;
    if (p.kind == graph::EdgeKind::AffiliatedWith) link["former"] = p.former;
    return link;
}

void write_node_link(std::ostream& out, const graph::Graph& g) {
    // "directed" and "multigraph" let networkx.node_link_graph rebuild the right graph class.
    out << "{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"quotegraph\"},\n\"nodes\": [";
    const char* separator = "\n";
    for (graph::VertexId v = 0; v < boost::num_vertices(g); ++v) {
        out << separator << node_json(g, v).dump();
        separator = ",\n";
    }
    out << "\n],\n\"links\": [";
    separator = "\n";
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        out << separator << link_json(g, *e).dump();
        separator = ",\n";
    }
    out << "\n]}\n";
}

}  // namespace qg::exporter
