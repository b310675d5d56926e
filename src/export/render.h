// The attribution graph drawn by Graphviz (gvc): SVG, PNG or PDF, laid out with dot while
// the graph is small enough for layered drawing, with sfdp beyond that, and refused when
// no layout could make it legible.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "export/dot.h"
#include "graph/model.h"

namespace qg::exporter {

struct RenderOptions {
    DotOptions dot;
    std::string layout = "auto";  // auto, dot, sfdp, neato, fdp, circo, twopi
    size_t sfdp_above = 300;      // auto: more nodes than this are laid out with sfdp
    size_t max_nodes = 5000;      // more nodes than this are refused
};

// Thrown when a graph is too large to draw; the message says which filters help.
struct TooLarge : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The layout engine `options` choose for a graph of `nodes` vertices.
std::string layout_for(size_t nodes, const RenderOptions& options);

// `format` is "svg", "png" or "pdf". Throws TooLarge, or std::runtime_error when Graphviz fails.
std::string render(const graph::Graph& g, const std::string& format, const RenderOptions& options = {});

}  // namespace qg::exporter
