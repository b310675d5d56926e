#include "export/render.h"

#include <graphviz/gvc.h>
#include <memory>

#include "export/agraph.h"

namespace qg::exporter {

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

    const std::lock_guard lock(detail::graphviz_mutex());
    // One context for the process: the text layout plugin caches the last font by a pointer
    // into a context's font table, which a freed context would leave dangling.
    static GVC_t* const context = gvContext();
    if (!context) throw std::runtime_error("Graphviz could not start");
    auto root = detail::make_agraph(g, dot);
    if (gvLayout(context, root.get(), engine.c_str()) != 0)
        throw std::runtime_error("Graphviz could not lay the graph out with " + engine);
    char* data = nullptr;
    unsigned int length = 0;
    int status = gvRenderData(context, root.get(), format.c_str(), &data, &length);
    std::string out;
    if (status == 0 && data) out.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(context, root.get());
    if (status != 0) throw std::runtime_error("Graphviz could not render " + format);
    return out;
}

}  // namespace qg::exporter
