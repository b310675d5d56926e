#include "export/dot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "export/agraph.h"
#include "text/text.h"

namespace qg::exporter {

namespace {

using graph::EdgeKind;
using graph::VertexKind;

// How each kind looks, in one place. Colours are a muted Okabe–Ito-like set that stays
// apart for colour-blind readers and prints in grey as four distinct shades.
struct NodeStyle {
    const char* shape;
    const char* style;
    const char* fill;
    const char* line;
};
constexpr NodeStyle kNodeStyles[graph::kVertexKindCount] = {
    {"ellipse", "filled", "#d8e8f6", "#1f5f9e"},         // person
    {"box", "filled,rounded", "#fbe0c3", "#b35806"},     // organisation
    {"octagon", "filled", "#ececec", "#6f6f6f"},         // group
    {"note", "filled", "#fffbe9", "#a8985a"},            // claim
    {"tab", "filled", "#e2f0e2", "#2e7d32"},             // document
};

struct EdgeStyle {
    const char* color;
    const char* style;
    const char* arrowhead;
    const char* penwidth;
    const char* legend;
};
constexpr EdgeStyle kEdgeStyles[graph::kEdgeKindCount] = {
    {"#1f5f9e", "solid", "normal", "1.3", "said (cue)"},          // said
    {"#b35806", "bold", "normal", "2.2", "affiliated with (role)"},  // affiliated_with
    {"#b35806", "dashed", "empty", "1.2", "part of"},             // part_of
    {"#7b3294", "solid", "vee", "1.2", "told"},                   // told
    {"#a0a0a0", "dashed", "open", "0.7", "mentions"},             // mentions
    {"#5b9a5e", "dotted", "normal", "0.8", "reported in"},        // reported_in
};

constexpr const char* kFont = "Helvetica,Arial,sans-serif";
constexpr size_t kWrapChars = 24;       // claim label line length
constexpr size_t kEntityWrapChars = 22; // long organisation names are wrapped too

// cgraph takes char* for strings it only reads.
char* c(const char* s) { return const_cast<char*>(s); }
char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }

// agsafeset finds the attribute by name in the graph's dictionary on every call; a graph
// of ten thousand documents sets a few hundred thousand node and edge attributes, so their
// symbols are looked up once per graph (make_agraph clears this before each graph).
struct SymbolCache {
    std::unordered_map<std::string_view, Agsym_t*> node, edge;
};
thread_local SymbolCache symbol_cache;

void set(void* object, const char* name, const std::string& value) {
    const int kind = agobjkind(object);
    if (kind == AGRAPH) {  // a graph or cluster: few, and declared where agsafeset declares them
        agsafeset(object, c(name), c(value), c(""));
        return;
    }
    // A node's or edge's attributes belong to the root graph, where agsafeset declares them.
    const int dictionary = kind == AGNODE ? AGNODE : AGEDGE;
    Agsym_t*& symbol = (dictionary == AGNODE ? symbol_cache.node : symbol_cache.edge)[name];
    if (!symbol) {
        Agraph_t* root = agroot(object);
        symbol = agattr(root, dictionary, c(name), nullptr);
        if (!symbol) symbol = agattr(root, dictionary, c(name), c(""));
    }
    agxset(object, symbol, c(value));
}

// Graphviz reads backslashes in labels and tooltips as escapes (\N is the node name), so
// a literal one is doubled; line breaks in the text become spaces, ours become "\n".
std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        if (ch == '\\') {
            out += "\\\\";
        } else if (ch == '\n' || ch == '\r' || ch == '\t') {
            if (out.empty() || out.back() != ' ') out += ' ';
        } else {
            out += ch;
        }
    }
    return out;
}

size_t code_point_count(std::string_view s) {
    size_t n = 0;
    for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

std::vector<std::string_view> code_points(std::string_view s) {
    std::vector<std::string_view> out;
    uint32_t pos = 0;
    while (pos < s.size()) {
        uint32_t start = pos;
        text::decode_at(s, pos);
        out.push_back(s.substr(start, pos - start));
    }
    return out;
}

// Cut at the last space before `limit` code points, with an ellipsis.
std::string shorten(std::string_view s, size_t limit) {
    auto cps = code_points(s);
    if (cps.size() <= limit) return std::string(s);
    size_t cut = limit;
    while (cut > limit / 2 && cps[cut] != " ") --cut;
    if (cut <= limit / 2) cut = limit;
    std::string out;
    for (size_t i = 0; i < cut; ++i) out += cps[i];
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '.')) out.pop_back();
    return out + "…";
}

// Greedy word wrap to lines of about `width` code points, joined by Graphviz's "\n".
std::string wrap(std::string_view s, size_t width) {
    std::string out, line;
    size_t line_len = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t space = s.find(' ', i);
        std::string_view word = s.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i);
        i = space == std::string_view::npos ? s.size() : space + 1;
        if (word.empty()) continue;
        size_t len = code_point_count(word);
        if (line_len > 0 && line_len + 1 + len > width) {
            out += (out.empty() ? "" : "\\n") + line;
            line.clear();
            line_len = 0;
        }
        line += (line_len ? " " : "") + std::string(word);
        line_len += (line_len ? 1 : 0) + len;
    }
    if (!line.empty()) out += (out.empty() ? "" : "\\n") + line;
    return out;
}

bool is_quote(std::string_view cp) {
    uint32_t pos = 0;
    return text::is_quote_mark(text::decode_at(cp, pos));
}

// A direct claim is shown in typographic quotes whatever marks (even reversed ones) the
// article used, without the comma it ended with in running text.
std::string claim_text(const graph::Vertex& v) {
    std::string flat = escape(v.name);
    if (v.claim_kind != graph::ClaimKind::Direct) return flat;
    auto cps = code_points(flat);
    size_t first = 0, last = cps.size();
    while (first < last && (is_quote(cps[first]) || cps[first] == " ")) ++first;
    while (last > first && (is_quote(cps[last - 1]) || cps[last - 1] == " " || cps[last - 1] == ",")) --last;
    std::string inner;
    for (size_t i = first; i < last; ++i) inner += cps[i];
    return "“" + inner + "”";
}

std::string format_number(const char* format, double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string count(uint32_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void style_node(Agnode_t* node, VertexKind kind) {
    const NodeStyle& s = kNodeStyles[static_cast<int>(kind)];
    set(node, "shape", s.shape);
    set(node, "style", s.style);
    set(node, "fillcolor", s.fill);
    set(node, "color", s.line);
}

void style_edge(Agedge_t* edge, EdgeKind kind) {
    const EdgeStyle& s = kEdgeStyles[static_cast<int>(kind)];
    set(edge, "color", s.color);
    set(edge, "style", s.style);
    set(edge, "arrowhead", s.arrowhead);
    set(edge, "penwidth", s.penwidth);
    set(edge, "fontcolor", s.color);
}

void label_vertex(Agnode_t* node, const graph::Vertex& v, const DotOptions& options) {
    std::string tooltip;
    switch (v.kind) {
        case VertexKind::Claim: {
            set(node, "label", wrap(shorten(claim_text(v), options.claim_chars), kWrapChars));
            set(node, "fontsize", "10");
            if (v.claim_kind == graph::ClaimKind::Indirect) set(node, "style", "filled,dashed");
            tooltip = escape(v.name) + "\\n" + graph::kind_name(v.claim_kind) + ", confidence " +
                      format_number("%.2f", v.confidence) + "; reported " + count(static_cast<uint32_t>(v.occurrences.size()), "time", "times");
            break;
        }
        case VertexKind::Document: {
            std::string label = escape(v.title.empty() ? v.name : v.title);
            label = wrap(shorten(label, 60), 30);
            std::string meta = escape(v.outlet) + (v.outlet.empty() || v.date.empty() ? "" : ", ") + escape(v.date);
            if (!meta.empty()) label += "\\n" + meta;
            set(node, "label", label);
            set(node, "fontsize", "10");
            tooltip = escape(v.name);
            if (!v.title.empty()) tooltip += "\\n" + escape(v.title);
            if (!v.url.empty()) {
                tooltip += "\\n" + escape(v.url);
                set(node, "URL", escape(v.url));
            }
            break;
        }
        default: {
            std::string label = wrap(escape(v.name), kEntityWrapChars);
            if (v.claims > 0) label += "\\n" + count(v.claims, "claim", "claims");
            set(node, "label", label);
            // Speakers grow with how much they are quoted, so the main voices stand out.
            double weight = std::min(1.0, std::sqrt(static_cast<double>(v.claims)) / 3.0);
            set(node, "fontsize", format_number("%.1f", 11.0 + 7.0 * weight));
            set(node, "penwidth", format_number("%.1f", 1.0 + 2.0 * weight));
            tooltip = std::string(graph::kind_name(v.kind)) + ": " + escape(v.name);
            if (!v.aliases.empty()) {
                tooltip += "\\nalso: ";
                for (size_t i = 0; i < v.aliases.size(); ++i) tooltip += (i ? ", " : "") + escape(v.aliases[i]);
            }
            if (v.claims > 0) tooltip += "\\n" + count(v.claims, "claim", "claims");
            break;
        }
    }
    set(node, "tooltip", tooltip);
}

void label_edge(Agedge_t* edge, const graph::Edge& e) {
    std::string label;
    switch (e.kind) {
        case EdgeKind::Said: label = escape(e.label); break;
        case EdgeKind::AffiliatedWith: label = (e.former ? "former " : "") + escape(e.label); break;
        default: break;
    }
    if (e.weight > 1) label += (label.empty() ? "×" : " ×") + std::to_string(e.weight);
    if (!label.empty()) set(edge, "label", label);
    if (e.kind == EdgeKind::AffiliatedWith && e.former) set(edge, "style", "bold,dashed");
    if (e.weight > 1) set(edge, "penwidth", format_number("%.1f", 1.0 + std::log2(static_cast<double>(e.weight))));

    std::string tooltip = graph::kind_name(e.kind);
    if (!label.empty()) tooltip += ": " + label;
    set(edge, "tooltip", tooltip);
}

// The legend is the model itself in miniature: one node per kind present, joined by the
// kinds of edge present, styled exactly like the graph.
void add_legend(Agraph_t* root, const std::vector<bool>& vertex_kinds, const std::vector<bool>& edge_kinds) {
    Agraph_t* legend = agsubg(root, c("cluster_legend"), 1);
    set(legend, "label", "Legend");
    set(legend, "style", "rounded");
    set(legend, "color", "#bbbbbb");
    set(legend, "fontsize", "11");
    Agnode_t* nodes[graph::kVertexKindCount] = {};
    for (int k = 0; k < graph::kVertexKindCount; ++k) {
        if (!vertex_kinds[k]) continue;
        auto kind = static_cast<VertexKind>(k);
        nodes[k] = agnode(legend, c(std::string("legend_") + graph::kind_name(kind)), 1);
        style_node(nodes[k], kind);
        set(nodes[k], "label", graph::kind_name(kind));
        set(nodes[k], "fontsize", "10");
        set(nodes[k], "tooltip", graph::kind_name(kind));
    }
    struct Sample {
        EdgeKind kind;
        VertexKind from, to;
    };
    static constexpr Sample samples[] = {
        {EdgeKind::Said, VertexKind::Person, VertexKind::Claim},
        {EdgeKind::AffiliatedWith, VertexKind::Person, VertexKind::Organisation},
        {EdgeKind::PartOf, VertexKind::Organisation, VertexKind::Organisation},
        {EdgeKind::Told, VertexKind::Claim, VertexKind::Organisation},
        {EdgeKind::Mentions, VertexKind::Claim, VertexKind::Group},
        {EdgeKind::ReportedIn, VertexKind::Claim, VertexKind::Document},
    };
    for (const auto& s : samples) {
        Agnode_t* from = nodes[static_cast<int>(s.from)];
        // With claims collapsed (--no-claims), told and mentions run from the speaker.
        if (!from && s.from == VertexKind::Claim) from = nodes[static_cast<int>(VertexKind::Person)];
        Agnode_t* to = nodes[static_cast<int>(s.to)];
        if (!edge_kinds[static_cast<int>(s.kind)] || !from || !to) continue;
        Agedge_t* edge = agedge(legend, from, to, nullptr, 1);
        style_edge(edge, s.kind);
        set(edge, "label", kEdgeStyles[static_cast<int>(s.kind)].legend);
        set(edge, "tooltip", graph::kind_name(s.kind));
    }
}

// agwrite's output channel: a buffer in front of the std::ostream, since agwrite hands over
// a few bytes at a time and each insertion into std::cout is a write through stdio.
struct DotChannel {
    std::ostream& out;
    std::string buffer;
    void flush() {
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.clear();
    }
};
int put_string(void* channel, const char* s) {
    auto* c = static_cast<DotChannel*>(channel);
    c->buffer += s;
    if (c->buffer.size() >= 1 << 16) c->flush();
    return 0;
}
int flush_nothing(void*) { return 0; }
Agiodisc_t string_io = {nullptr, put_string, flush_nothing};

// Graphviz's default id discipline makes a name's id the address of its string, and agwrite
// orders subgraphs by id: the same graph came out with its clusters in a different order
// from one process to the next. Ids handed out in creation order keep the DOT (and the
// drawings made from it) byte-identical for the same input. As in the default, named
// objects get even ids and anonymous ones odd ids.
struct IdState {
    Agraph_t* graph = nullptr;
    std::unordered_map<std::string, IDTYPE> ids;
    std::vector<char*> names;  // Graphviz reference strings: agwrite reads flags stored with them
    IDTYPE anonymous = 1;
};
void* id_open(Agraph_t* g, Agdisc_t*) { return new IdState{g, {}, {}, 1}; }
long id_map(void* state, int, char* name, IDTYPE* id, int create) {
    auto* s = static_cast<IdState*>(state);
    if (!name) {
        *id = s->anonymous;
        s->anonymous += 2;
        return 1;
    }
    if (auto it = s->ids.find(name); it != s->ids.end()) {
        *id = it->second;
        return 1;
    }
    if (!create) return 0;
    s->names.push_back(agstrdup(s->graph, name));
    *id = 2 * static_cast<IDTYPE>(s->names.size());
    s->ids.emplace(name, *id);
    return 1;
}
long id_alloc(void*, int, IDTYPE) { return 1; }
char* id_print(void* state, int, IDTYPE id) {
    auto* s = static_cast<IdState*>(state);
    if (id == 0 || id % 2 != 0 || id / 2 > s->names.size()) return nullptr;
    return s->names[id / 2 - 1];
}
void id_free(void* state, int, IDTYPE id) {
    auto* s = static_cast<IdState*>(state);
    if (char* name = id_print(state, 0, id)) {
        s->ids.erase(name);
        agstrfree(s->graph, name);
        s->names[id / 2 - 1] = nullptr;
    }
}
void id_close(void* state) { delete static_cast<IdState*>(state); }
void id_register(void*, int, void*) {}
Agiddisc_t sequential_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

Agdisc_t string_disc = {&AgMemDisc, &sequential_ids, &string_io};

}  // namespace

namespace detail {

std::mutex& graphviz_mutex() {
    static std::mutex mutex;
    return mutex;
}

AgraphPtr make_agraph(const graph::Graph& g, const DotOptions& options) {
    string_io.afread = AgIoDisc.afread;
    symbol_cache = SymbolCache{};  // symbols of a graph closed before are gone
    AgraphPtr root(agopen(c("quotegraph"), Agdirected, &string_disc));
    if (!root) throw std::runtime_error("Graphviz could not create a graph");
    Agraph_t* r = root.get();

    const size_t n = boost::num_vertices(g);
    size_t documents = 0;
    std::vector<bool> vertex_kinds(graph::kVertexKindCount, false), edge_kinds(graph::kEdgeKindCount, false);
    for (graph::VertexId v = 0; v < n; ++v) {
        vertex_kinds[static_cast<int>(g[v].kind)] = true;
        documents += g[v].kind == VertexKind::Document;
    }
    for (auto [e, end] = boost::edges(g); e != end; ++e) edge_kinds[static_cast<int>(g[*e].kind)] = true;

    std::string title = "Who said what";
    if (documents == 1) {
        for (graph::VertexId v = 0; v < n; ++v)
            if (g[v].kind == VertexKind::Document)
                title += " — " + escape(g[v].title.empty() ? g[v].name : g[v].title);
    } else if (documents > 1) {
        title += " — " + std::to_string(documents) + " documents";
    }
    set(r, "label", title);
    set(r, "labelloc", "t");
    set(r, "fontsize", "16");
    set(r, "fontname", kFont);
    set(r, "rankdir", "LR");
    set(r, "nodesep", "0.18");
    set(r, "ranksep", "0.45");
    set(r, "newrank", "true");
    set(r, "bgcolor", "white");
    set(r, "pad", "0.3");
    // Used by sfdp on large graphs; dot ignores them.
    set(r, "overlap", "prism");
    set(r, "outputorder", "edgesfirst");
    // gvContext() declares this default for every graph made after it in the process;
    // declaring it always keeps the DOT the same whether or not something was drawn first.
    agattr(r, AGNODE, c("label"), c("\\N"));
    agattr(r, AGNODE, c("fontname"), c(kFont));
    agattr(r, AGEDGE, c("fontname"), c(kFont));
    agattr(r, AGEDGE, c("fontsize"), c("9"));
    agattr(r, AGEDGE, c("arrowsize"), c("0.7"));

    // One cluster per document when asked: its claims and the document itself.
    std::unordered_map<std::string, Agraph_t*> clusters;
    if (options.cluster_by_document) {
        for (graph::VertexId v = 0; v < n; ++v) {
            if (g[v].kind != VertexKind::Document || clusters.count(g[v].name)) continue;
            Agraph_t* cluster = agsubg(r, c("cluster_" + graph::node_id(g, v)), 1);
            set(cluster, "label", wrap(shorten(escape(g[v].title.empty() ? g[v].name : g[v].title), 60), 40));
            set(cluster, "style", "rounded,filled");
            set(cluster, "fillcolor", "#f7faf7");
            set(cluster, "color", "#9ccc9f");
            set(cluster, "fontsize", "11");
            clusters.emplace(g[v].name, cluster);
        }
    }
    // Otherwise each speaker is kept together with its claims by an invisible cluster, so
    // the claim column reads speaker by speaker instead of interleaving them.
    std::vector<Agraph_t*> speaker_cluster(n, nullptr);
    if (!options.cluster_by_document && n <= options.group_speakers_up_to) {
        for (graph::VertexId v = 0; v < n; ++v) {
            if (!graph::is_entity(g[v].kind) || g[v].claims == 0) continue;
            Agraph_t* cluster = agsubg(r, c("cluster_" + graph::node_id(g, v)), 1);
            set(cluster, "peripheries", "0");
            set(cluster, "label", "");
            speaker_cluster[v] = cluster;
            for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
                graph::VertexId claim = boost::target(*e, g);
                if (g[*e].kind == EdgeKind::Said && !speaker_cluster[claim]) speaker_cluster[claim] = cluster;
            }
        }
    }
    auto cluster_of = [&](graph::VertexId id) -> Agraph_t* {
        if (speaker_cluster[id]) return speaker_cluster[id];
        const graph::Vertex& v = g[id];
        const std::string* document = v.kind == VertexKind::Document ? &v.name
                                      : v.kind == VertexKind::Claim && !v.occurrences.empty() ? &v.occurrences.front().document
                                                                                              : nullptr;
        if (!document) return r;
        auto it = clusters.find(*document);
        return it == clusters.end() ? r : it->second;
    };

    std::vector<Agnode_t*> nodes(n);
    for (graph::VertexId v = 0; v < n; ++v) {
        nodes[v] = agnode(cluster_of(v), c(graph::node_id(g, v)), 1);
        style_node(nodes[v], g[v].kind);
        label_vertex(nodes[v], g[v], options);
    }
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        const graph::Edge& p = g[*e];
        Agedge_t* edge = agedge(r, nodes[boost::source(*e, g)], nodes[boost::target(*e, g)], nullptr, 1);
        style_edge(edge, p.kind);
        label_edge(edge, p);
        // Layers read left to right: speakers, then their claims and organisations, then what
        // the claims point at. A speaker that is also someone's organisation or named in a
        // claim stays in the speakers' layer.
        bool layered = !((p.kind == EdgeKind::AffiliatedWith || p.kind == EdgeKind::Mentions) &&
                         g[boost::target(*e, g)].claims > 0);
        if (!layered) {
            set(edge, "constraint", "false");
            // dot 2.43 corrupts memory laying out labelled edges within one rank when
            // clusters are present (flat_edges), so these edges carry no "label".
            if (Agsym_t* label = agattr(r, AGEDGE, c("label"), nullptr); label && agxget(edge, label)[0]) {
                set(edge, "xlabel", agxget(edge, label));
                agxset(edge, label, c(""));
            }
        }
    }
    if (options.legend && n > 0) add_legend(r, vertex_kinds, edge_kinds);
    return root;
}

}  // namespace detail

void write_dot(std::ostream& out, const graph::Graph& g, const DotOptions& options) {
    const std::lock_guard lock(detail::graphviz_mutex());
    auto root = detail::make_agraph(g, options);
    DotChannel channel{out, {}};
    const bool written = agwrite(root.get(), &channel) == 0;
    channel.flush();
    if (!written || !out) throw std::runtime_error("Graphviz could not write DOT");
}

std::string to_dot(const graph::Graph& g, const DotOptions& options) {
    std::ostringstream out;
    write_dot(out, g, options);
    return out.str();
}

}  // namespace qg::exporter
