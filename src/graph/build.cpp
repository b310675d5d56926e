#include "graph/build.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "graph/names.h"
#include "text/text.h"

namespace qg::graph {

namespace {

// One document's extraction in the form both inputs share: code point spans, and only
// the strings the graph keeps (names, claim texts), never the document text.
struct SourceRole {
    std::string title;
    int organisation = -1;
    bool former = false;
};

struct SourceEntity {
    VertexKind kind = VertexKind::Person;
    std::string name;
    std::vector<std::string> aliases;
    std::vector<SourceRole> roles;
    std::vector<std::pair<uint32_t, uint32_t>> mentions;
};

struct SourceAttribution {
    ClaimKind kind = ClaimKind::Indirect;
    uint32_t start = 0, end = 0;
    std::string content;
    std::string cue;
    int speaker = -1;
    int recipient = -1;
    bool continuation = false;
    float confidence = 0.f;
};

struct SourceDocument {
    std::string id, title, outlet, date, url;
    std::vector<SourceAttribution> attributions;
    std::vector<SourceEntity> entities;
};

VertexKind entity_kind(entities::EntityType type) {
    switch (type) {
        case entities::EntityType::Organisation: return VertexKind::Organisation;
        case entities::EntityType::Group: return VertexKind::Group;
        case entities::EntityType::Person: return VertexKind::Person;
    }
    return VertexKind::Person;
}

ClaimKind claim_kind(attribution::Kind kind) {
    switch (kind) {
        case attribution::Kind::Direct: return ClaimKind::Direct;
        case attribution::Kind::Mixed: return ClaimKind::Mixed;
        case attribution::Kind::Indirect: return ClaimKind::Indirect;
    }
    return ClaimKind::Indirect;
}

SourceDocument from_pipeline(const ingest::Document& document, const pipeline::Result& result) {
    SourceDocument d{document.id, document.title, document.outlet, document.date, document.url, {}, {}};
    const std::string_view text = document.text;
    text::OffsetIndex index(text);
    auto slice = [&](attribution::ByteSpan s) { return std::string(text.substr(s.begin, s.end - s.begin)); };
    for (const auto& a : result.attributions) {
        SourceAttribution s;
        s.kind = claim_kind(a.kind);
        s.start = index.to_char(a.content.begin);
        s.end = index.to_char(a.content.end);
        s.content = slice(a.content);
        if (!a.continuation && !a.cue.empty()) s.cue = slice(a.cue);
        s.speaker = a.speaker;
        s.recipient = a.recipient;
        s.continuation = a.continuation;
        s.confidence = a.confidence;
        d.attributions.push_back(std::move(s));
    }
    for (const auto& e : result.entities) {
        SourceEntity s{entity_kind(e.type), e.name, e.aliases, {}, {}};
        for (const auto& r : e.roles) s.roles.push_back({r.title, r.organisation, r.former});
        for (const auto& m : e.mentions) s.mentions.emplace_back(index.to_char(m.begin), index.to_char(m.end));
        d.entities.push_back(std::move(s));
    }
    return d;
}

std::string string_field(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

SourceDocument from_extract(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("document") || !j["document"].is_object())
        throw std::runtime_error("not an extract object: no \"document\"");
    const auto& doc = j["document"];
    SourceDocument d{string_field(doc, "id"),   string_field(doc, "title"), string_field(doc, "outlet"),
                     string_field(doc, "date"), string_field(doc, "url"),   {},
                     {}};

    std::unordered_map<std::string, int> entity_index;
    const nlohmann::json empty = nlohmann::json::array();
    const auto& entities = j.contains("entities") ? j["entities"] : empty;
    if (!entities.is_array()) throw std::runtime_error("\"entities\" is not an array");
    for (const auto& e : entities) entity_index.emplace(string_field(e, "id"), static_cast<int>(entity_index.size()));
    auto ref = [&](const nlohmann::json& object, const char* key) {
        auto it = object.find(key);
        if (it == object.end() || !it->is_string()) return -1;
        auto found = entity_index.find(it->get<std::string>());
        if (found == entity_index.end()) throw std::runtime_error("unknown entity \"" + it->get<std::string>() + "\"");
        return found->second;
    };

    for (const auto& e : entities) {
        SourceEntity s;
        std::string type = string_field(e, "type");
        s.kind = type == "organisation" ? VertexKind::Organisation
                 : type == "group"      ? VertexKind::Group
                                        : VertexKind::Person;
        s.name = string_field(e, "name");
        if (auto it = e.find("aliases"); it != e.end() && it->is_array())
            for (const auto& a : *it)
                if (a.is_string()) s.aliases.push_back(a.get<std::string>());
        if (auto it = e.find("roles"); it != e.end() && it->is_array())
            for (const auto& r : *it)
                s.roles.push_back({string_field(r, "title"), ref(r, "organisation"), r.value("former", false)});
        if (auto it = e.find("mentions"); it != e.end() && it->is_array())
            for (const auto& m : *it) s.mentions.emplace_back(m.value("start", 0u), m.value("end", 0u));
        d.entities.push_back(std::move(s));
    }

    const auto& attributions = j.contains("attributions") ? j["attributions"] : empty;
    if (!attributions.is_array()) throw std::runtime_error("\"attributions\" is not an array");
    for (const auto& a : attributions) {
        SourceAttribution s;
        std::string kind = string_field(a, "kind");
        s.kind = kind == "direct" ? ClaimKind::Direct : kind == "mixed" ? ClaimKind::Mixed : ClaimKind::Indirect;
        auto content = a.find("content");
        if (content == a.end() || !content->is_object()) throw std::runtime_error("an attribution has no content");
        s.start = content->value("start", 0u);
        s.end = content->value("end", 0u);
        s.content = string_field(*content, "text");
        if (auto cue = a.find("cue"); cue != a.end() && cue->is_object()) s.cue = string_field(*cue, "text");
        s.speaker = ref(a, "speaker");
        s.recipient = ref(a, "recipient");
        s.continuation = a.value("continuation", false);
        s.confidence = a.value("confidence", 0.f);
        d.attributions.push_back(std::move(s));
    }
    return d;
}

// Where a merge key came from: the entity's canonical name, or one of its aliases.
struct KeyOwner {
    VertexId vertex = 0;
    bool from_alias = false;
};

MergeKind merge_kind(VertexKind kind) {
    return kind == VertexKind::Person ? MergeKind::Person
           : kind == VertexKind::Organisation ? MergeKind::Organisation
                                              : MergeKind::Group;
}

}  // namespace

struct Builder::State {
    Graph g;
    std::function<void(const MergeDecision&)> on_decision;
    std::vector<VertexId> origin;  // per vertex: the document vertex it was first seen in
    std::unordered_map<std::string, KeyOwner> entity_keys;
    std::unordered_map<std::string, std::vector<VertexId>> surnames;
    std::unordered_multimap<size_t, VertexId> claims;  // hash of claim_key -> claim vertex
    std::unordered_set<std::string> document_ids;

    VertexId new_vertex(Vertex v, VertexId document) {
        VertexId id = boost::add_vertex(std::move(v), g);
        origin.push_back(document);
        return id;
    }

    // The existing edge for this relation. Edges are found by walking the shorter of the
    // two adjacency lists (a claim's are short) rather than through an index of every
    // edge, which at corpus scale cost more memory than the graph itself.
    std::optional<EdgeId> find_edge(VertexId from, VertexId to, EdgeKind kind, std::string_view label, bool former) {
        auto same = [&](const Edge& e) {
            return e.kind == kind && (kind != EdgeKind::AffiliatedWith || (e.label == label && e.former == former));
        };
        if (boost::out_degree(from, g) <= boost::in_degree(to, g)) {
            for (auto [e, end] = boost::out_edges(from, g); e != end; ++e)
                if (boost::target(*e, g) == to && same(g[*e])) return *e;
        } else {
            for (auto [e, end] = boost::in_edges(to, g); e != end; ++e)
                if (boost::source(*e, g) == from && same(g[*e])) return *e;
        }
        return std::nullopt;
    }

    // Adds the edge, or counts one more sighting of it. Returns whether it is new.
    bool link(VertexId from, VertexId to, EdgeKind kind, std::string_view label = {}, bool former = false) {
        if (auto e = find_edge(from, to, kind, label, former)) {
            ++g[*e].weight;
            return false;
        }
        boost::add_edge(from, to, Edge{kind, std::string(label), former, 1}, g);
        return true;
    }

    void decide(bool merged, const std::string& name, VertexId document, VertexId other, std::string reason) {
        if (!on_decision) return;
        on_decision({merged, name, g[document].name, g[other].name, g[origin[other]].name, std::move(reason)});
    }

    VertexId entity_vertex(const SourceEntity& e, VertexId document) {
        auto keys = merge_keys(merge_kind(e.kind), e.name, e.aliases);
        for (const auto& k : keys) {
            if (!is_looked_up(k)) continue;
            auto found = entity_keys.find(k.key);
            if (found == entity_keys.end() || (!k.unless.empty() && entity_keys.count(k.unless))) continue;
            VertexId v = found->second.vertex;
            decide(true, e.name, document, v, merge_reason(k, found->second.from_alias));
            absorb(v, e, keys);
            return v;
        }
        Vertex p;
        p.kind = e.kind;
        p.name = e.name;
        p.aliases = e.aliases;
        VertexId v = new_vertex(std::move(p), document);
        record_keys(v, keys);
        if (e.kind == VertexKind::Person) note_shared_surname(e.name, v, document);
        return v;
    }

    // Different people sharing a surname are the case conservative merging exists for;
    // --explain says so when it keeps them apart.
    void note_shared_surname(const std::string& name, VertexId v, VertexId document) {
        std::string key = name_key(surname(name));
        if (key.empty()) return;
        auto& seen = surnames[key];
        if (on_decision) {
            for (size_t i = 0; i < seen.size() && i < 3; ++i)
                decide(false, name, document, seen[i], "they share only the surname “" + surname(name) + "”");
        }
        if (seen.size() < 3) seen.push_back(v);
    }

    void absorb(VertexId v, const SourceEntity& e, const std::vector<MergeKey>& keys) {
        Vertex& p = g[v];
        auto add_alias = [&](const std::string& alias) {
            if (alias == p.name || std::find(p.aliases.begin(), p.aliases.end(), alias) != p.aliases.end()) return;
            p.aliases.push_back(alias);
        };
        // An organisation first seen only by its acronym takes the full name when one comes.
        if (is_acronym(p.name) && !is_acronym(e.name) && p.kind == VertexKind::Organisation) {
            std::string acronym = std::move(p.name);
            p.name = e.name;
            std::erase(p.aliases, p.name);
            add_alias(acronym);
        } else {
            add_alias(e.name);
        }
        for (const auto& alias : e.aliases) add_alias(alias);
        record_keys(v, keys);
    }

    void record_keys(VertexId v, const std::vector<MergeKey>& keys) {
        for (const auto& k : keys) {
            if (!is_recorded(k)) continue;
            auto [at, added] = entity_keys.emplace(k.key, KeyOwner{v, k.from_alias});
            if (!added && at->second.vertex != v && !k.on_conflict.empty())
                entity_keys.emplace(k.on_conflict, KeyOwner{v, k.from_alias});
        }
    }

    VertexId claim_vertex(const SourceAttribution& a, const std::string& key, VertexId document) {
        const size_t hash = std::hash<std::string>{}(key);
        auto [first, last] = claims.equal_range(hash);
        for (auto it = first; it != last; ++it) {
            if (claim_key(g[it->second].name) == key) return it->second;
        }
        Vertex p;
        p.kind = VertexKind::Claim;
        p.name = a.content;
        p.claim_kind = a.kind;
        p.continuation = a.continuation;
        p.cue = a.cue;
        VertexId v = new_vertex(std::move(p), document);
        claims.emplace(hash, v);
        return v;
    }

    bool add(const SourceDocument& d) {
        // The same article given twice would count every claim in it twice.
        if (!document_ids.insert(d.id).second) return false;
        Vertex doc;
        doc.kind = VertexKind::Document;
        doc.name = d.id;
        doc.title = d.title;
        doc.outlet = d.outlet;
        doc.date = d.date;
        doc.url = d.url;
        const VertexId document = new_vertex(std::move(doc), 0);
        origin[document] = document;

        // Entities become vertices only when something connects them (a claim, a role), so
        // every name the entities stage saw does not float unattached in the picture.
        std::vector<int64_t> local(d.entities.size(), -1);
        std::function<VertexId(int)> entity = [&](int i) -> VertexId {
            if (local[i] >= 0) return static_cast<VertexId>(local[i]);
            const SourceEntity& e = d.entities[i];
            VertexId v = entity_vertex(e, document);
            local[i] = static_cast<int64_t>(v);
            for (const auto& r : e.roles) {
                if (r.organisation < 0 || r.organisation >= static_cast<int>(d.entities.size()) ||
                    r.organisation == i)
                    continue;
                link(v, entity(r.organisation), EdgeKind::AffiliatedWith, r.title, r.former);
            }
            return v;
        };
        auto valid = [&](int i) { return i >= 0 && i < static_cast<int>(d.entities.size()); };

        for (const auto& a : d.attributions) {
            const std::string key = claim_key(a.content);
            if (key.empty()) continue;
            VertexId claim = claim_vertex(a, key, document);
            Vertex& c = g[claim];
            c.occurrences.push_back({d.id, a.start, a.end});
            // Kept at the extract JSON's precision, so a graph built from that JSON is
            // identical to one built in-process.
            c.confidence = std::max(c.confidence, std::round(a.confidence * 1000.f) / 1000.f);
            if (valid(a.speaker)) {
                VertexId speaker = entity(a.speaker);
                if (link(speaker, claim, EdgeKind::Said, a.continuation ? "continues" : a.cue)) ++g[speaker].claims;
            }
            if (valid(a.recipient)) link(claim, entity(a.recipient), EdgeKind::Told);
            link(claim, document, EdgeKind::ReportedIn);
            for (size_t i = 0; i < d.entities.size(); ++i) {
                const SourceEntity& e = d.entities[i];
                if (e.kind == VertexKind::Group) continue;  // "officials" is not a name
                bool inside = std::any_of(e.mentions.begin(), e.mentions.end(), [&](const auto& m) {
                    return m.first >= a.start && m.second <= a.end && m.first < m.second;
                });
                if (inside) link(claim, entity(static_cast<int>(i)), EdgeKind::Mentions);
            }
        }
        return true;
    }

    // An organisation whose name begins with another's whole name is part of it ("Department
    // of Defence budget committee" -> "Department of Defence"). Only prefixes: "Global
    // Coalition to Defeat ISIS" ends with "ISIS" and is anything but part of it.
    void add_part_of() {
        std::unordered_map<std::string, VertexId> organisations;
        for (VertexId v = 0; v < boost::num_vertices(g); ++v)
            if (g[v].kind == VertexKind::Organisation) organisations.emplace(name_key(g[v].name), v);
        for (VertexId v = 0; v < boost::num_vertices(g); ++v) {
            if (g[v].kind != VertexKind::Organisation) continue;
            const std::string key = name_key(g[v].name);
            for (size_t space = key.rfind(' '); space != std::string::npos && space > 0;
                 space = key.rfind(' ', space - 1)) {
                auto found = organisations.find(key.substr(0, space));
                if (found != organisations.end() && found->second != v) {
                    link(v, found->second, EdgeKind::PartOf);
                    break;
                }
            }
        }
    }
};

Builder::Builder() : state_(std::make_unique<State>()) {}
Builder::~Builder() = default;
Builder::Builder(Builder&&) noexcept = default;
Builder& Builder::operator=(Builder&&) noexcept = default;

void Builder::on_decision(std::function<void(const MergeDecision&)> callback) {
    state_->on_decision = std::move(callback);
}

bool Builder::add(const ingest::Document& document, const pipeline::Result& result) {
    return state_->add(from_pipeline(document, result));
}

bool Builder::add_extract(const nlohmann::json& extract) { return state_->add(from_extract(extract)); }

bool Builder::add_extract_jsonl(std::istream& in, const std::function<void(size_t, const std::string&)>& on_error) {
    bool ok = true;
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            auto extract = nlohmann::json::parse(line);
            if (!add_extract(extract) && on_error)
                on_error(number, "document “" + extract["document"].value("id", "") + "” was added before; skipped");
        } catch (const std::exception& e) {
            ok = false;
            if (on_error) on_error(number, e.what());
        }
    }
    return ok;
}

Graph Builder::finish() {
    state_->add_part_of();
    Graph g;
    take(g, state_->g);
    auto callback = std::move(state_->on_decision);
    state_ = std::make_unique<State>();
    state_->on_decision = std::move(callback);
    return g;
}

Graph build(const ingest::Document& document, const pipeline::Result& result) {
    Builder builder;
    builder.add(document, result);
    return builder.finish();
}

}  // namespace qg::graph
