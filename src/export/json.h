// The extract JSON contract (docs/output-format.md): one object per document with its
// text, attributions and entities, every span in Unicode code point offsets.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "ingest/document.h"
#include "pipeline/pipeline.h"

namespace qg::exporter {

// The contract as a JSON value (for tests and callers that inspect it).
nlohmann::json to_json(const ingest::Document& document, const pipeline::Result& result);

// The same record appended to `out` as text, byte for byte what to_json(…).dump(indent)
// gives (indent < 0: one line), without building a JSON tree: the path `extract` takes.
void write_json(const ingest::Document& document, const pipeline::Result& result, std::string& out, int indent = -1);

}  // namespace qg::exporter
