// The whole extraction pipeline for one document: ingest output in, attributions and
// entities out. The CLI, eval and (later) the store and server all call this.
#pragma once

#include <vector>

#include "attribution/attribution.h"
#include "entities/entities.h"
#include "ingest/document.h"

namespace qg::pipeline {

struct Result {
    std::vector<attribution::Attribution> attributions;
    std::vector<entities::Entity> entities;
};

Result extract(const ingest::Document& document);

}  // namespace qg::pipeline
