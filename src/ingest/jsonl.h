// JSONL reading, internal to ingest (read_input dispatches here).
#pragma once

#include <istream>
#include <string>

#include "ingest/ingest.h"

namespace qg::ingest {

// Streams JSONL records from `head` (bytes already read from `in` to sniff the format)
// followed by the rest of `in`, one line in memory at a time. `file` names the input in
// diagnostics. Returns false if any line was rejected or the stream failed.
bool read_jsonl(std::istream& in, std::string head, const std::string& file, const Options& options,
                const DocumentSink& on_document, const DiagnosticSink& on_diagnostic);

}  // namespace qg::ingest
