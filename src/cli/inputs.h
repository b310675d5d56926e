// Input options every reading subcommand shares (--input-format, --lenient) and the loop
// that streams documents from many files, printing diagnostics as they come.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "ingest/ingest.h"

namespace qg::cli {

struct InputOptions {
    std::vector<std::string> paths;
    std::string format = "auto";
    bool lenient = false;
    // Also told of every diagnostic after it is printed (the tracker counts failed documents).
    ingest::DiagnosticSink on_diagnostic;
};

// Adds FILE... (required), --input-format and --lenient to `command`.
void add_input_options(CLI::App& command, InputOptions& options);

// Streams every document of every input to `on_document`, printing diagnostics to stderr.
// Returns false if any input had an error (the others are still processed).
bool for_each_document(const InputOptions& options, const ingest::DocumentSink& on_document);

}  // namespace qg::cli
