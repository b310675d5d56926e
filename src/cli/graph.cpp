// `quotegraph graph`: the attribution graph of every input, as DOT, JSON, GraphML or a
// drawing.
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>

#include "cli/atomic_output.h"
#include "cli/graph_inputs.h"
#include "export/dot.h"
#include "export/graphml.h"
#include "export/node_link.h"
#include "export/render.h"
#include "graph/views.h"

namespace qg::cli {

namespace {

struct GraphOptions {
    GraphInputs inputs;
    std::string format;
    std::string output;
    std::string cluster_by = "none";
    std::string layout = "auto";
    bool no_legend = false;
    graph::ViewOptions view;
};

std::string format_from_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ext == ".dot" || ext == ".gv") return "dot";
    if (ext == ".json") return "json";
    if (ext == ".graphml" || ext == ".xml") return "graphml";
    if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
    return "";
}

int run(const GraphOptions& o) {
    std::string format = o.format;
    if (format.empty()) format = o.output.empty() ? "dot" : format_from_extension(o.output);
    if (format.empty()) {
        std::cerr << "quotegraph graph: cannot tell the format from “" << o.output << "”: give --format\n";
        return kExitUsage;
    }

    graph::Graph g;
    bool ok;
    try {
        ok = build_graph(o.inputs, g);
        graph::apply_view(g, o.view);
    } catch (const std::invalid_argument& e) {
        std::cerr << "quotegraph graph: " << e.what() << '\n';
        return kExitUsage;
    }

    exporter::RenderOptions render;
    render.dot.cluster_by_document = o.cluster_by == "document";
    render.dot.legend = !o.no_legend;
    render.layout = o.layout;
    std::string drawing;
    if (format == "svg" || format == "png" || format == "pdf") {
        try {
            drawing = exporter::render(g, format, render);
        } catch (const exporter::TooLarge& e) {
            std::cerr << "quotegraph graph: " << e.what() << '\n';
            return kExitUsage;
        }
    }
    // Exports stream straight to their destination: a corpus graph is written once, not
    // first built up in memory.
    auto write = [&](std::ostream& out) {
        if (format == "dot")
            exporter::write_dot(out, g, render.dot);
        else if (format == "json")
            exporter::write_node_link(out, g);
        else if (format == "graphml")
            exporter::write_graphml(out, g);
        else
            out.write(drawing.data(), static_cast<std::streamsize>(drawing.size()));
    };
    // Written beside the target and renamed over it: a reader never sees half a file.
    write_output(o.output, write);
    return ok ? kExitOk : kExitUsage;
}

}  // namespace

void register_graph(CLI::App& root, Action& action) {
    auto o = std::make_shared<GraphOptions>();
    auto* command =
        root.add_subcommand("graph", "Build the attribution graph (speakers, organisations, claims, documents) and export it");
    add_graph_inputs(*command, o->inputs);
    command->add_option("--format", o->format,
                        "dot (default), json (node-link), graphml, or a drawing: svg, png, pdf; "
                        "with -o and no --format, the extension decides")
        ->check(CLI::IsMember({"dot", "json", "graphml", "svg", "png", "pdf"}));
    command->add_option("-o,--output", o->output, "Write to this file instead of standard output");
    command->add_option("--cluster-by", o->cluster_by, "none, or document: one box per document holding its claims")
        ->check(CLI::IsMember({"none", "document"}));
    command->add_option("--speaker", o->view.speaker, "Only this speaker's ego graph: its claims, organisations, recipients, documents");
    command->add_option("--min-claims", o->view.min_claims, "Drop speakers with fewer claims than this");
    command->add_flag("--no-claims", o->view.no_claims,
                      "Speaker–organisation network: claims collapsed into edges weighted by claim counts");
    command->add_option("--max-nodes", o->view.max_nodes, "Keep only the N most connected nodes");
    command->add_option("--layout", o->layout, "Drawing layout: auto (dot up to 300 nodes, sfdp above), dot, sfdp, neato, fdp")
        ->check(CLI::IsMember({"auto", "dot", "sfdp", "neato", "fdp", "circo", "twopi"}));
    command->add_flag("--no-legend", o->no_legend, "Leave the legend out of DOT and drawings");
    command->callback([&action, o] { action = [o] { return run(*o); }; });
}

}  // namespace qg::cli
