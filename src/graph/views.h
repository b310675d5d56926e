// Views: smaller graphs of the same type cut from a whole graph, for a picture someone can
// read or a question narrower than the corpus.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/model.h"

namespace qg::graph {

struct ViewOptions {
    std::string speaker;      // the ego graph of this speaker (name or alias), if set
    uint32_t min_claims = 0;  // drop speakers with fewer claims than this
    bool no_claims = false;   // the speaker–organisation network, claims collapsed
    size_t max_nodes = 0;     // keep only this many of the most connected vertices (0: all)
};

// Applies the options to `g` in place, in the order listed above. Throws
// std::invalid_argument when the speaker is not in the graph.
void apply_view(Graph& g, const ViewOptions& options);

// The vertices where keep[v] is true and the edges between them, in the same order.
Graph induced(const Graph& g, const std::vector<bool>& keep);

// The speaker, its claims, the recipients and documents of those claims, its organisations
// (and the organisations they are part of) and, for an organisation, its members.
Graph ego(const Graph& g, VertexId speaker);

// Without the claims of speakers of fewer than `n` claims, nor those speakers unless they
// are also something else to what stays (an organisation of a kept speaker, a recipient),
// nor what is left unconnected.
Graph min_claims(const Graph& g, uint32_t n);

// Entities only: affiliated_with and part_of as they are; a speaker's claims become
// told and mentions edges straight to the recipients and the entities named, weighted by
// the number of claims; affiliated_with is weighted by the person's claims.
Graph collapse_claims(const Graph& g);

// The `n` vertices with the most edges (ties: the earlier vertex), and the edges between
// them; the whole graph when it has no more than `n`.
Graph most_connected(const Graph& g, size_t n);

}  // namespace qg::graph
