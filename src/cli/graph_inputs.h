// Inputs shared by `graph` and `stats`: articles to extract (FILE...) and extract JSONL
// computed elsewhere (--from-jsonl), built into one graph.
#pragma once

#include <string>
#include <vector>

#include "cli/inputs.h"
#include "cli/throughput.h"
#include "cli/tracker.h"
#include "graph/model.h"

namespace qg::cli {

struct GraphInputs {
    InputOptions input;
    std::vector<std::string> extract_jsonl;  // --from-jsonl FILE (repeatable; - for stdin)
    bool explain = false;                    // print every merge decision to stderr
    ThroughputOptions throughput;            // -j: extraction on worker threads, merging in input order
    std::string db;                          // --db: the tracker's statements instead of (or besides) files
    TrackerFilters filters;                  // which of the tracker's statements
};

// Adds FILE... (optional when --from-jsonl or --db is given), --from-jsonl, --input-format,
// --lenient, --explain, -j, --quiet, and --db with the tracker's filters but --speaker
// (graph's own --speaker is the ego view).
void add_graph_inputs(CLI::App& command, GraphInputs& inputs);

// Builds the graph of every input, streaming documents. Returns false when an input had an
// error (reported on stderr; the rest is still in the graph). Throws CLI-usage errors as
// std::invalid_argument.
bool build_graph(const GraphInputs& inputs, graph::Graph& out);

}  // namespace qg::cli
