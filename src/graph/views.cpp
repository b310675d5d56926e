#include "graph/views.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>

namespace qg::graph {

Graph induced(const Graph& g, const std::vector<bool>& keep) {
    Graph out;
    const size_t n = boost::num_vertices(g);
    std::vector<VertexId> map(n, Graph::null_vertex());
    for (VertexId v = 0; v < n; ++v)
        if (keep[v]) map[v] = boost::add_vertex(g[v], out);
    for (VertexId v = 0; v < n; ++v) {
        if (!keep[v]) continue;
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
            VertexId t = boost::target(*e, g);
            if (keep[t]) boost::add_edge(map[v], map[t], g[*e], out);
        }
    }
    return out;
}

Graph ego(const Graph& g, VertexId speaker) {
    std::vector<bool> keep(boost::num_vertices(g), false);
    keep[speaker] = true;
    auto keep_organisation = [&](VertexId o) {
        keep[o] = true;
        for (auto [e, end] = boost::out_edges(o, g); e != end; ++e)
            if (g[*e].kind == EdgeKind::PartOf) keep[boost::target(*e, g)] = true;
    };
    for (auto [e, end] = boost::out_edges(speaker, g); e != end; ++e) {
        VertexId t = boost::target(*e, g);
        switch (g[*e].kind) {
            case EdgeKind::Said:
                keep[t] = true;
                for (auto [c, cend] = boost::out_edges(t, g); c != cend; ++c)
                    if (g[*c].kind == EdgeKind::Told || g[*c].kind == EdgeKind::ReportedIn)
                        keep[boost::target(*c, g)] = true;
                break;
            case EdgeKind::AffiliatedWith:
            case EdgeKind::PartOf: keep_organisation(t); break;
            default: break;
        }
    }
    for (auto [e, end] = boost::in_edges(speaker, g); e != end; ++e)
        if (g[*e].kind == EdgeKind::AffiliatedWith || g[*e].kind == EdgeKind::PartOf) keep[boost::source(*e, g)] = true;
    return induced(g, keep);
}

Graph min_claims(const Graph& g, uint32_t n) {
    const size_t count = boost::num_vertices(g);
    std::vector<bool> quiet(count, false), keep(count, true);
    for (VertexId v = 0; v < count; ++v) quiet[v] = is_entity(g[v].kind) && g[v].claims > 0 && g[v].claims < n;
    for (VertexId v = 0; v < count; ++v) {
        if (quiet[v]) keep[v] = false;
        if (g[v].kind != VertexKind::Claim) continue;
        // A claim stays when one of its speakers does.
        bool spoken = false;
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e)
            spoken |= g[*e].kind == EdgeKind::Said && !quiet[boost::source(*e, g)];
        keep[v] = spoken;
    }
    // A dropped speaker that is also something else to what stays (the organisation of a
    // kept speaker, the recipient of a kept claim) stays in that role, without its claims.
    // Being named in a claim is not enough: every "Trump" of a corpus would come back.
    auto anchor = [&](VertexId v) {
        return g[v].kind == VertexKind::Claim ? bool(keep[v]) : is_entity(g[v].kind) && g[v].claims >= n;
    };
    std::vector<bool> rescued(count, false);
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        if (g[*e].kind == EdgeKind::Said || g[*e].kind == EdgeKind::Mentions) continue;
        VertexId s = boost::source(*e, g), t = boost::target(*e, g);
        if (quiet[s] && anchor(t)) rescued[s] = true;
        if (quiet[t] && anchor(s)) rescued[t] = true;
    }
    for (VertexId v = 0; v < count; ++v) keep[v] = keep[v] || rescued[v];
    // What only the dropped speakers and claims connected goes with them.
    std::vector<bool> connected(count, false);
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        VertexId s = boost::source(*e, g), t = boost::target(*e, g);
        if (keep[s] && keep[t]) connected[s] = connected[t] = true;
    }
    for (VertexId v = 0; v < count; ++v) keep[v] = keep[v] && connected[v];
    return induced(g, keep);
}

Graph collapse_claims(const Graph& g) {
    const size_t count = boost::num_vertices(g);
    std::vector<bool> keep(count, false);
    // (from, to, kind) -> claims behind the edge, ordered so the output is deterministic.
    std::map<std::tuple<VertexId, VertexId, EdgeKind>, uint32_t> collapsed;
    for (VertexId v = 0; v < count; ++v) {
        if (g[v].kind != VertexKind::Claim) continue;
        for (auto [s, send] = boost::in_edges(v, g); s != send; ++s) {
            if (g[*s].kind != EdgeKind::Said) continue;
            VertexId speaker = boost::source(*s, g);
            keep[speaker] = true;
            for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
                EdgeKind kind = g[*e].kind;
                VertexId t = boost::target(*e, g);
                if ((kind != EdgeKind::Told && kind != EdgeKind::Mentions) || t == speaker) continue;
                keep[t] = true;
                ++collapsed[{speaker, t, kind}];
            }
        }
    }
    for (VertexId v = 0; v < count; ++v) {
        if (!is_entity(g[v].kind)) continue;
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
            if (g[*e].kind == EdgeKind::AffiliatedWith || g[*e].kind == EdgeKind::PartOf)
                keep[v] = keep[boost::target(*e, g)] = true;
    }

    Graph out;
    std::vector<VertexId> map(count, Graph::null_vertex());
    for (VertexId v = 0; v < count; ++v)
        if (keep[v]) map[v] = boost::add_vertex(g[v], out);
    for (VertexId v = 0; v < count; ++v) {
        if (!keep[v]) continue;
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
            Edge edge = g[*e];
            if (edge.kind != EdgeKind::AffiliatedWith && edge.kind != EdgeKind::PartOf) continue;
            if (edge.kind == EdgeKind::AffiliatedWith) edge.weight = std::max(1u, g[v].claims);
            boost::add_edge(map[v], map[boost::target(*e, g)], edge, out);
        }
    }
    for (const auto& [key, claims] : collapsed) {
        auto [from, to, kind] = key;
        boost::add_edge(map[from], map[to], Edge{kind, {}, false, claims}, out);
    }
    return out;
}

Graph most_connected(const Graph& g, size_t n) {
    const size_t count = boost::num_vertices(g);
    if (n >= count) return g;  // a copy; apply_view does not ask for it
    std::vector<VertexId> order(count);
    std::iota(order.begin(), order.end(), VertexId{0});
    auto degree = [&](VertexId v) { return boost::out_degree(v, g) + boost::in_degree(v, g); };
    std::stable_sort(order.begin(), order.end(), [&](VertexId a, VertexId b) { return degree(a) > degree(b); });
    std::vector<bool> keep(count, false);
    for (size_t i = 0; i < n; ++i) keep[order[i]] = true;
    return induced(g, keep);
}

void apply_view(Graph& g, const ViewOptions& options) {
    auto replace = [&g](Graph view) { take(g, view); };
    if (!options.speaker.empty()) {
        auto speaker = find_entity(g, options.speaker);
        if (!speaker) throw std::invalid_argument("no speaker or organisation called “" + options.speaker + "” in the graph");
        replace(ego(g, *speaker));
    }
    if (options.min_claims > 0) replace(min_claims(g, options.min_claims));
    if (options.no_claims) replace(collapse_claims(g));
    if (options.max_nodes > 0 && options.max_nodes < boost::num_vertices(g)) replace(most_connected(g, options.max_nodes));
}

}  // namespace qg::graph
