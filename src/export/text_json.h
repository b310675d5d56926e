// `quotegraph text --json`: a document's paragraphs, sentences and links with code point
// offsets, for checking what ingestion and the sentence splitter made of an input.
#pragma once

#include <nlohmann/json.hpp>

#include "ingest/document.h"
#include "text/text.h"

namespace qg::exporter {

nlohmann::json text_structure_json(const ingest::Document& document, const text::Analysis& analysis);

}  // namespace qg::exporter
