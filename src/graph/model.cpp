#include "graph/model.h"

#include "graph/names.h"

namespace qg::graph {

const char* kind_name(VertexKind kind) {
    switch (kind) {
        case VertexKind::Person: return "person";
        case VertexKind::Organisation: return "organisation";
        case VertexKind::Group: return "group";
        case VertexKind::Claim: return "claim";
        case VertexKind::Document: return "document";
    }
    return "person";
}

const char* kind_name(EdgeKind kind) {
    switch (kind) {
        case EdgeKind::Said: return "said";
        case EdgeKind::AffiliatedWith: return "affiliated_with";
        case EdgeKind::PartOf: return "part_of";
        case EdgeKind::Told: return "told";
        case EdgeKind::Mentions: return "mentions";
        case EdgeKind::ReportedIn: return "reported_in";
    }
    return "said";
}

const char* kind_name(ClaimKind kind) {
    switch (kind) {
        case ClaimKind::Direct: return "direct";
        case ClaimKind::Mixed: return "mixed";
        case ClaimKind::Indirect: return "indirect";
    }
    return "indirect";
}

bool is_entity(VertexKind kind) {
    return kind == VertexKind::Person || kind == VertexKind::Organisation || kind == VertexKind::Group;
}

void take(Graph& to, Graph& from) {
    to.m_vertices = std::move(from.m_vertices);
    to.m_edges = std::move(from.m_edges);
    from.m_vertices.clear();
    from.m_edges.clear();
}

std::string node_id(const Graph& g, VertexId v) {
    static constexpr char prefix[kVertexKindCount] = {'p', 'o', 'g', 'c', 'd'};
    return prefix[static_cast<int>(g[v].kind)] + std::to_string(v);
}

std::optional<VertexId> find_entity(const Graph& g, std::string_view name) {
    const std::string key = name_key(name);
    std::optional<VertexId> best;
    int best_rank = 99;
    for (VertexId v = 0; v < boost::num_vertices(g); ++v) {
        const Vertex& p = g[v];
        if (!is_entity(p.kind)) continue;
        int kind_rank = static_cast<int>(p.kind);
        int rank = -1;
        if (name_key(p.name) == key) {
            rank = kind_rank;
        } else {
            for (const auto& alias : p.aliases)
                if (name_key(alias) == key) rank = kVertexKindCount + kind_rank;
        }
        if (rank >= 0 && rank < best_rank) {
            best = v;
            best_rank = rank;
        }
    }
    if (best) return best;
    // "Mr Caggins" for "Col Caggins": the same name under another title, if only one has it.
    const std::string bare = name_key(strip_titles(name));
    std::optional<VertexId> only;
    for (VertexId v = 0; v < boost::num_vertices(g); ++v) {
        const Vertex& p = g[v];
        if (!is_entity(p.kind)) continue;
        bool match = name_key(strip_titles(p.name)) == bare;
        for (const auto& alias : p.aliases) match = match || name_key(strip_titles(alias)) == bare;
        if (!match) continue;
        if (only) return std::nullopt;
        only = v;
    }
    return only;
}

}  // namespace qg::graph
