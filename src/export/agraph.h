// Internal to the DOT and rendering exporters: the cgraph graph they both start from.
#pragma once

#include <graphviz/cgraph.h>
#include <memory>

#include "export/dot.h"

namespace qg::exporter::detail {

struct AgraphClose {
    void operator()(Agraph_t* g) const {
        if (g) agclose(g);
    }
};
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphClose>;

// Builds the styled cgraph graph. Output through agwrite goes to the std::ostream passed
// as its channel.
AgraphPtr make_agraph(const graph::Graph& g, const DotOptions& options);

}  // namespace qg::exporter::detail
