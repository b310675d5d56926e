// Building the attribution graph from extraction results, one document at a time:
// in-process from the pipeline, or from `quotegraph extract`'s JSON computed elsewhere.
// Entities merge across documents conservatively; the same claim reported by several
// documents becomes one claim vertex.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "graph/model.h"
#include "ingest/document.h"
#include "pipeline/pipeline.h"

namespace qg::graph {

// One decision about two entities of different documents, for --explain.
struct MergeDecision {
    bool merged = false;
    std::string name;             // the entity being added
    std::string document;         // the document it comes from
    std::string other;            // the vertex it was merged into or kept apart from
    std::string other_document;   // where that vertex was first seen
    std::string reason;           // "same name", "shares only the surname “Berg”", ...
};

class Builder {
public:
    Builder();
    ~Builder();
    Builder(Builder&&) noexcept;
    Builder& operator=(Builder&&) noexcept;

    // Adds one document and what the pipeline found in it. The text is read, not kept.
    // A document whose id was added before is not added again: returns false.
    bool add(const ingest::Document& document, const pipeline::Result& result);

    // Adds one object of the extract JSON contract (docs/output-format.md); false as above.
    // Throws std::runtime_error when it is not one.
    bool add_extract(const nlohmann::json& extract);

    // Adds every line of an extract JSONL stream; a bad line is reported through
    // `on_error(line_number, message)` and skipped, and so is a document added before
    // (reported, but not an error). Returns false if any line was bad.
    bool add_extract_jsonl(std::istream& in, const std::function<void(size_t, const std::string&)>& on_error);

    // Called with every merge, and with every pair of people kept apart although they
    // share a surname, as documents are added (for --explain; nothing is kept).
    void on_decision(std::function<void(const MergeDecision&)> callback);

    // The graph of every document added, with part_of edges between organisations. The
    // builder starts over empty afterwards.
    Graph finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Convenience for one document: the graph of a single extraction result.
Graph build(const ingest::Document& document, const pipeline::Result& result);

}  // namespace qg::graph
