// The attribution graph as Graphviz DOT, built through cgraph (agopen, agnode, agedge,
// agsafeset, agwrite) so quoting and escaping are Graphviz's own: node shape and colour by
// kind, a legend, shortened labels with the full text in tooltips, cue and role labels.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "graph/model.h"

namespace qg::exporter {

struct DotOptions {
    bool cluster_by_document = false;  // one cluster per document, holding its claims
    bool legend = true;                // a cluster showing each kind of node and edge
    size_t claim_chars = 60;           // claims longer than this are cut at a word, with "…"
    // Up to this many nodes, each speaker and its claims share an invisible cluster so dot
    // draws them together. Beyond it the clusters would cost more than they help: dot is
    // not used there, and agwrite's time grows with clusters × edges.
    size_t group_speakers_up_to = 300;
};

void write_dot(std::ostream& out, const graph::Graph& g, const DotOptions& options = {});
std::string to_dot(const graph::Graph& g, const DotOptions& options = {});

}  // namespace qg::exporter
