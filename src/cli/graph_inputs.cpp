#include "cli/graph_inputs.h"

#include <fstream>
#include <iostream>
#include <stdexcept>

#include "graph/build.h"
#include "pipeline/pipeline.h"

namespace qg::cli {

void add_graph_inputs(CLI::App& command, GraphInputs& inputs) {
    command.add_option("files", inputs.input.paths, "Articles: .txt, .html, .jsonl (one article per line); - for stdin");
    command.add_option("--from-jsonl", inputs.extract_jsonl,
                       "Output of `quotegraph extract --format jsonl` computed elsewhere (repeatable; - for stdin)")
        // One file per --from-jsonl, so articles after it stay articles.
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_option("--input-format", inputs.input.format, "Input format of FILE...: auto, text, html, jsonl")
        ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}));
    command.add_flag("--lenient", inputs.input.lenient, "Replace invalid UTF-8 with U+FFFD instead of failing");
    command.add_flag("--explain", inputs.explain, "Print each cross-document merge of entities, and why, to stderr");
    add_throughput_options(command, inputs.throughput);
    command.add_option("--db", inputs.db, "Build from the tracker's current statements (with the filters below)");
    add_filter_options(command, inputs.filters, {"--speaker", "--limit", "--order"});
}

bool build_graph(const GraphInputs& inputs, graph::Graph& out) {
    // With no input named, the tracker of $QUOTEGRAPH_DB, as for the tracker's own commands.
    const std::string db =
        inputs.input.paths.empty() && inputs.extract_jsonl.empty() && inputs.db.empty() ? environment_db() : inputs.db;
    if (inputs.input.paths.empty() && inputs.extract_jsonl.empty() && db.empty())
        throw std::invalid_argument("give articles (FILE...), --from-jsonl FILE or --db PATH (or set QUOTEGRAPH_DB)");
    graph::Builder builder;
    if (inputs.explain) {
        builder.on_decision([](const graph::MergeDecision& d) {
            if (d.merged) {
                std::cerr << "merged: “" << d.name << "” (" << d.document << ") into “" << d.other << "” (first seen in "
                          << d.other_document << "): " << d.reason << '\n';
            } else {
                std::cerr << "kept apart: “" << d.name << "” (" << d.document << ") and “" << d.other << "” ("
                          << d.other_document << "): " << d.reason << '\n';
            }
        });
    }
    bool ok = true;
    if (!inputs.input.paths.empty()) {
        // Extraction runs on the workers; documents join the graph in input order, so the
        // graph is the same for any -j.
        ok &= process_documents<pipeline::Result>(
            inputs.input, inputs.throughput, [](ingest::Document& document) { return pipeline::extract(document); },
            [&](ingest::Document& document, pipeline::Result& result) {
                if (!builder.add(document, result)) std::cerr << document.id << ": added before; skipped\n";
            });
    }
    if (!db.empty()) {
        try {
            auto tracker = store::Store::open(db, store::Mode::ReadOnly);
            tracker.for_each_document(inputs.filters.resolved(),
                                      [&](const ingest::Document& document, const pipeline::Result& result) {
                                          builder.add(document, result);
                                      });
        } catch (const store::Error& e) {
            std::cerr << e.what() << '\n';
            ok = false;
        }
    }
    for (const auto& path : inputs.extract_jsonl) {
        std::ifstream file;
        if (path != "-") {
            file.open(path, std::ios::binary);
            if (!file) {
                std::cerr << path << ": cannot open\n";
                ok = false;
                continue;
            }
        }
        std::istream& in = path == "-" ? std::cin : file;
        ok &= builder.add_extract_jsonl(in, [&](size_t line, const std::string& message) {
            std::cerr << path << ":" << line << ": " << message << '\n';
        });
    }
    graph::Graph built = builder.finish();
    graph::take(out, built);
    return ok;
}

}  // namespace qg::cli
