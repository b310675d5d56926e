// Internal to the DOT and rendering exporters: the cgraph graph they both start from.
#pragma once

#include <graphviz/cgraph.h>
#include <memory>
#include <mutex>

#include "export/dot.h"

namespace qg::exporter::detail {

struct AgraphClose {
    void operator()(Agraph_t* g) const {
        if (g) agclose(g);
    }
};
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphClose>;

// Graphviz keeps process-wide state (its reference-string dictionary, its plugins' font
// caches), so it is used by one thread at a time: every use, from building a graph to
// freeing it, holds this lock (the web server draws on many threads).
std::mutex& graphviz_mutex();

// Builds the styled cgraph graph. Output through agwrite goes to the std::ostream passed
// as its channel.
AgraphPtr make_agraph(const graph::Graph& g, const DotOptions& options);

}  // namespace qg::exporter::detail
