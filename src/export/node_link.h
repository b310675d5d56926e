// The attribution graph as node-link JSON, {"nodes": [...], "links": [...]}: the layout
// d3-force, networkx (node_link_graph) and Cytoscape load. Every node has "id" and "kind"
// and its properties as plain fields; every link "source", "target", "kind" and "weight".
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "graph/model.h"

namespace qg::exporter {

// Streamed one node or link per line, so a corpus graph is never held twice in memory and
// the committed seed graph diffs line by line.
void write_node_link(std::ostream& out, const graph::Graph& g);

// One node or link as written above.
nlohmann::json node_json(const graph::Graph& g, graph::VertexId v);
nlohmann::json link_json(const graph::Graph& g, graph::EdgeId e);

}  // namespace qg::exporter
