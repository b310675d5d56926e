// The extract result in the formats people read or annotate: a readable listing
// (speaker — cue — content) and brat standoff (.ann) with Source/Cue/Content spans tied by
// Attribution events, the layout of PolNeAR, so output opens in the brat annotation tool.
#pragma once

#include <string>

#include "ingest/document.h"
#include "pipeline/pipeline.h"

namespace qg::exporter {

std::string to_text(const ingest::Document& document, const pipeline::Result& result);
std::string to_brat(const ingest::Document& document, const pipeline::Result& result);

}  // namespace qg::exporter
