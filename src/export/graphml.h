// The attribution graph as GraphML through Boost's write_graphml, for Gephi, Cytoscape and
// yEd: the same properties as the node-link JSON, lists joined into strings.
#pragma once

#include <ostream>

#include "graph/model.h"

namespace qg::exporter {

void write_graphml(std::ostream& out, const graph::Graph& g);

}  // namespace qg::exporter
