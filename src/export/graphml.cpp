#include "export/graphml.h"

#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <cmath>

namespace qg::exporter {

void write_graphml(std::ostream& out, const graph::Graph& g) {
    using graph::EdgeId;
    using graph::VertexId;
    const graph::Graph* graph = &g;
    boost::dynamic_properties dp;
    auto vertex = [&dp, graph](const char* name, auto read) {
        dp.property(name, boost::make_function_property_map<VertexId>([graph, read](VertexId v) { return read((*graph)[v]); }));
    };
    auto edge = [&dp, graph](const char* name, auto read) {
        dp.property(name, boost::make_function_property_map<EdgeId>([graph, read](EdgeId e) { return read((*graph)[e]); }));
    };
    using V = graph::Vertex;
    using E = graph::Edge;
    vertex("kind", [](const V& v) { return std::string(graph::kind_name(v.kind)); });
    vertex("label", [](const V& v) { return v.name; });
    vertex("aliases", [](const V& v) {
        std::string joined;
        for (const auto& a : v.aliases) joined += (joined.empty() ? "" : "; ") + a;
        return joined;
    });
    vertex("claims", [](const V& v) { return v.claims; });
    vertex("claim_kind", [](const V& v) {
        return v.kind == graph::VertexKind::Claim ? std::string(graph::kind_name(v.claim_kind)) : std::string();
    });
    vertex("cue", [](const V& v) { return v.cue; });
    vertex("continuation", [](const V& v) { return v.continuation; });
    vertex("confidence", [](const V& v) { return std::round(v.confidence * 1000.0) / 1000.0; });
    vertex("occurrences", [](const V& v) {
        std::string joined;
        for (const auto& o : v.occurrences)
            joined += (joined.empty() ? "" : "; ") + o.document + ":" + std::to_string(o.start) + "-" + std::to_string(o.end);
        return joined;
    });
    vertex("title", [](const V& v) { return v.title; });
    vertex("outlet", [](const V& v) { return v.outlet; });
    vertex("date", [](const V& v) { return v.date; });
    vertex("url", [](const V& v) { return v.url; });
    edge("kind", [](const E& e) { return std::string(graph::kind_name(e.kind)); });
    edge("label", [](const E& e) { return e.label; });
    edge("former", [](const E& e) { return e.former; });
    edge("weight", [](const E& e) { return e.weight; });
    boost::write_graphml(out, g, dp, true);
}

}  // namespace qg::exporter
