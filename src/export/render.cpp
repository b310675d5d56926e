#include "export/render.h"

#include <graphviz/gvc.h>
#include <memory>

#include "export/agraph.h"

namespace qg::exporter {

namespace {

struct ContextFree {
    void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};

}  // namespace

std::string layout_for(size_t nodes, const RenderOptions& options) {
    if (options.layout != "auto") return options.layout;
    return nodes > options.sfdp_above ? "sfdp" : "dot";
}

std::string render(const graph::Graph& g, const std::string& format, const RenderOptions& options) {
    const size_t nodes = boost::num_vertices(g);
    if (nodes > options.max_nodes)
        throw TooLarge("the graph has " + std::to_string(nodes) + " nodes, too many to draw legibly (the limit is " +
                       std::to_string(options.max_nodes) +
                       "); narrow it with --max-nodes N, --no-claims, --min-claims N or --speaker NAME, "
                       "or export it whole with --format dot|json|graphml");
    const std::string engine = layout_for(nodes, options);
    DotOptions dot = options.dot;
    // Only dot and fdp draw clusters; elsewhere a legend would be loose nodes.
    dot.legend = dot.legend && (engine == "dot" || engine == "fdp");

    auto root = detail::make_agraph(g, dot);
    std::unique_ptr<GVC_t, ContextFree> gvc(gvContext());
    if (!gvc) throw std::runtime_error("Graphviz could not start");
    if (gvLayout(gvc.get(), root.get(), engine.c_str()) != 0)
        throw std::runtime_error("Graphviz could not lay the graph out with " + engine);
    char* data = nullptr;
    unsigned int length = 0;
    int status = gvRenderData(gvc.get(), root.get(), format.c_str(), &data, &length);
    std::string out;
    if (status == 0 && data) out.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc.get(), root.get());
    if (status != 0) throw std::runtime_error("Graphviz could not render " + format);
    return out;
}

}  // namespace qg::exporter
