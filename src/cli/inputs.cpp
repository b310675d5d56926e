#include "cli/inputs.h"

#include <iostream>

namespace qg::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
    command.add_option("files", options.paths, "Articles: .txt, .html, .jsonl (one article per line); - for stdin")
        ->required();
    command.add_option("--input-format", options.format, "Input format: auto, text, html, jsonl")
        ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}));
    command.add_flag("--lenient", options.lenient, "Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing");
}

bool for_each_document(const InputOptions& options, const ingest::DocumentSink& on_document) {
    ingest::Options ingest_options;
    ingest_options.format = ingest::parse_input_format(options.format).value_or(ingest::InputFormat::Auto);
    ingest_options.lenient = options.lenient;
    bool ok = true;
    for (const auto& path : options.paths) {
        ok &= ingest::read_input(path, ingest_options, on_document, [&](const ingest::Diagnostic& d) {
            std::cerr << d.to_string() << '\n';
            if (options.on_diagnostic) options.on_diagnostic(d);
        });
    }
    return ok;
}

}  // namespace qg::cli
