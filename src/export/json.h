// The extract JSON contract (docs/output-format.md): one object per document with its
// text, attributions and entities, every span in Unicode code point offsets.
#pragma once

#include <nlohmann/json.hpp>

#include "ingest/document.h"
#include "pipeline/pipeline.h"

namespace qg::exporter {

nlohmann::json to_json(const ingest::Document& document, const pipeline::Result& result);

}  // namespace qg::exporter
