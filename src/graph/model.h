// The attribution graph: who said which claim, to whom, for which organisation, reported
// where. One Boost.Graph adjacency_list with bundled properties, shared by every export
// and statistic; views derive smaller graphs of the same type.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qg::graph {

enum class VertexKind : uint8_t { Person, Organisation, Group, Claim, Document };
inline constexpr int kVertexKindCount = 5;

enum class EdgeKind : uint8_t {
    Said,            // speaker -> claim
    AffiliatedWith,  // person -> organisation, labelled with the role
    PartOf,          // organisation -> organisation it belongs to
    Told,            // claim -> recipient
    Mentions,        // claim -> entity named inside its content
    ReportedIn,      // claim -> document
};
inline constexpr int kEdgeKindCount = 6;

enum class ClaimKind : uint8_t { Direct, Indirect, Mixed };

const char* kind_name(VertexKind kind);   // "person", "organisation", ...
const char* kind_name(EdgeKind kind);     // "said", "affiliated_with", ...
const char* kind_name(ClaimKind kind);    // "direct", "indirect", "mixed"
bool is_entity(VertexKind kind);          // person, organisation or group

// Where a claim was reported: the document's id (as in the extract JSON, so it survives
// views that drop document vertices) and the content's code point span in its text.
struct Occurrence {
    std::string document;
    uint32_t start = 0;
    uint32_t end = 0;
};

// One vertex. Fields that do not apply to a kind stay empty, which costs no allocation;
// document texts are never kept, so memory follows the graph and not the corpus.
struct Vertex {
    VertexKind kind = VertexKind::Person;
    // Entity: canonical name. Claim: the statement as first reported. Document: its id.
    std::string name;
    std::vector<std::string> aliases;  // entity: other forms, over every document
    uint32_t claims = 0;               // entity: distinct claims it said

    ClaimKind claim_kind = ClaimKind::Indirect;
    bool continuation = false;  // claim: first reported as continuing the previous quote
    std::string cue;            // claim: the cue of its first report ("" for a continuation)
    float confidence = 0.f;     // claim: the highest confidence it was attributed with
    std::vector<Occurrence> occurrences;

    std::string title, outlet, date, url;  // document metadata, when the input had it
};

struct Edge {
    EdgeKind kind = EdgeKind::Said;
    std::string label;    // said: the cue; affiliated_with: the role title
    bool former = false;  // affiliated_with: a former role
    // How many times the relation was seen: reports of a claim for said, told, mentions and
    // reported_in; claims behind a collapsed edge in the --no-claims view.
    uint32_t weight = 1;
};

// Bidirectional so ego graphs and statistics can walk edges both ways.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Vertex, Edge>;
using VertexId = Graph::vertex_descriptor;
using EdgeId = Graph::edge_descriptor;

// Moves `from` into `to`, leaving `from` empty. Boost 1.74's adjacency_list has no move
// constructor or assignment, and its swap() makes three copies: on a corpus graph of
// hundreds of megabytes every hand-over would copy it. Its two containers are public and
// hold everything (edge descriptors point into the edge list, whose nodes a move keeps).
void take(Graph& to, Graph& from);

// Stable, readable node ids for exports: "p3" (person), "o1", "g2", "c17", "d0".
std::string node_id(const Graph& g, VertexId v);

// The entity whose name or one of whose aliases is `name` (case-insensitive), preferring
// names over aliases and people over organisations; failing that, the one entity whose
// name or alias is `name` once titles are removed from both ("Mr Caggins").
std::optional<VertexId> find_entity(const Graph& g, std::string_view name);

}  // namespace qg::graph
