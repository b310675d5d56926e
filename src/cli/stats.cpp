// `quotegraph stats`: who is quoted most, which organisations speak through most people,
// claims per document and outlet, components and betweenness of the attribution graph.
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/graph_inputs.h"
#include "graph/stats.h"

namespace qg::cli {

void register_stats(CLI::App& root, Action& action) {
    struct Options {
        GraphInputs inputs;
        std::string format = "text";
        size_t top = 20;
    };
    auto o = std::make_shared<Options>();
    auto* command = root.add_subcommand("stats", "Most quoted speakers, organisations and graph statistics");
    add_graph_inputs(*command, o->inputs);
    command->add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    command->add_option("--top", o->top, "Entries per list (0: all); default 20");
    command->callback([&action, o] {
        action = [o] {
            graph::Graph g;
            bool ok;
            try {
                ok = build_graph(o->inputs, g);
            } catch (const std::invalid_argument& e) {
                std::cerr << "quotegraph stats: " << e.what() << '\n';
                return kExitUsage;
            }
            auto stats = graph::compute_stats(g, o->top);
            if (o->format == "json")
                std::cout << graph::to_json(stats).dump(2) << '\n';
            else
                std::cout << graph::to_text(stats);
            std::cout.flush();
            return ok ? kExitOk : kExitUsage;
        };
    });
}

}  // namespace qg::cli
