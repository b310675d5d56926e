#include "serve/tracker.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <span>
#include <array>
#include <nlohmann/json.hpp>
#include <sstream>

#include "audit/audit.h"
#include "export/dot.h"
#include "export/graphml.h"
#include "export/json.h"
#include "export/node_link.h"
#include "export/render.h"
#include "graph/build.h"
#include "graph/views.h"
#include "pipeline/pipeline.h"
#include "serve/articles.h"
#include "store/render.h"
#include "store/store.h"

namespace qg::serve {

using nlohmann::json;

class Tracker::Connection {
public:
    Connection(const Tracker& tracker, std::unique_ptr<store::Store> store) : tracker_(tracker), store_(std::move(store)) {}
    Connection(Connection&&) = default;
    ~Connection() {
        if (!store_) return;
        std::lock_guard lock(tracker_.pool_mutex_);
        tracker_.pool_.push_back(std::move(store_));
    }
    const store::Store& operator*() const { return *store_; }
    const store::Store* operator->() const { return store_.get(); }

private:
    const Tracker& tracker_;
    std::unique_ptr<store::Store> store_;
};

namespace {

// Rejects parameters the endpoint does not know, so a misspelt filter is an error and not
// silently ignored.
void allow_only(const Request& request, std::span<const std::string_view> known) {
    for (const auto& [name, value] : request.query)
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw HttpError(400, "unknown parameter “" + name + "”");
}

size_t whole_number(const Request& request, const std::string& name, size_t fallback, size_t max) {
    if (!request.has_param(name)) return fallback;
    const std::string text = request.param(name);
    size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > max)
        throw HttpError(400, name + " must be a whole number from 0 to " + std::to_string(max));
    return value;
}

// YYYY, YYYY-MM or YYYY-MM-DD, a real month and day.
std::string date(const Request& request, const std::string& name) {
    const std::string text = request.param(name);
    if (!text.empty() && !store::valid_date(text))
        throw HttpError(400, name + " must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
    return text;
}

constexpr size_t kMaxLimit = 1000;

store::Filters filters(const Request& request, size_t default_limit) {
    store::Filters f;
    f.speaker = request.param("speaker");
    f.org = request.param("org");
    f.text = request.param("q");
    f.outlet = request.param("outlet");
    f.since = date(request, "since");
    f.until = date(request, "until");
    f.kind = request.param("kind");
    if (!f.kind.empty() && f.kind != "direct" && f.kind != "indirect" && f.kind != "mixed")
        throw HttpError(400, "kind must be direct, indirect or mixed");
    f.limit = whole_number(request, "limit", default_limit, kMaxLimit);
    f.offset = whole_number(request, "offset", 0, 1'000'000'000);
    const std::string order = request.param("order", "date");
    if (order != "date" && order != "confidence") throw HttpError(400, "order must be date or confidence");
    f.order = order == "confidence" ? store::Order::Confidence : store::Order::Date;
    f.newest_first = f.order == store::Order::Date;
    return f;
}

constexpr std::array<std::string_view, 10> kFilterParams = {"speaker", "org",  "q",     "outlet", "since",
                                                             "until",   "kind", "limit", "offset", "order"};

int64_t tracker_id(std::string_view text, const char* what) {
    int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0)
        throw HttpError(404, std::string("no ") + what + " with id “" + std::string(text) + "”");
    return id;
}

json items(const auto& records) {
    json array = json::array();
    for (const auto& record : records) array.push_back(store::to_json(record));
    return array;
}

json empty_summary() {
    return {{"documents", 0},      {"attributions", 0},    {"speakers", 0},
            {"organisations", 0},  {"claims", 0},          {"latest_documents", json::array()},
            {"top_speakers", json::array()}};
}

// The page a graph node opens, or null.
json node_href(const store::Store& store, const graph::Graph& g, graph::VertexId v) {
    const auto& vertex = g[v];
    switch (vertex.kind) {
        case graph::VertexKind::Document: return "/documents/" + vertex.name;
        case graph::VertexKind::Claim:
            return vertex.occurrences.empty() ? json(nullptr) : json("/documents/" + vertex.occurrences.front().document);
        default: {
            const char* kind = graph::kind_name(vertex.kind);
            for (const auto& entity : store.find_entities(vertex.name))
                if (entity.kind == kind)
                    return (vertex.kind == graph::VertexKind::Organisation ? "/organisations/" : "/speakers/") +
                           std::to_string(entity.id);
            return nullptr;
        }
    }
}

std::string fnv1a_hex(std::string_view bytes) {
    uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ull;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace

Tracker::Tracker(const std::string& path, bool allow_ingest) : path_(path), allow_ingest_(allow_ingest) {
    if (path_.empty()) return;
    if (allow_ingest_) {
        writer_ = std::make_unique<store::Store>(store::Store::open(path_, store::Mode::ReadWrite));
        exists_ = true;
    } else if (std::filesystem::exists(path_)) {
        pool_.push_back(std::make_unique<store::Store>(store::Store::open(path_, store::Mode::ReadOnly)));
        exists_ = true;
    }
}

Tracker::~Tracker() = default;

Tracker::Connection Tracker::borrow() const {
    {
        std::lock_guard lock(pool_mutex_);
        if (!pool_.empty()) {
            auto store = std::move(pool_.back());
            pool_.pop_back();
            return Connection(*this, std::move(store));
        }
    }
    return Connection(*this, std::make_unique<store::Store>(store::Store::open(path_, store::Mode::ReadOnly)));
}

Tracker::Stamp Tracker::stamp() const {
    Stamp stamp;
    std::error_code error;  // a missing file (no WAL yet) keeps its zero stamp
    stamp.db = std::filesystem::last_write_time(path_, error);
    stamp.db_size = std::filesystem::file_size(path_, error);
    stamp.wal = std::filesystem::last_write_time(path_ + "-wal", error);
    stamp.wal_size = std::filesystem::file_size(path_ + "-wal", error);
    return stamp;
}

Response Tracker::cached(const Request& request, const std::function<Response()>& compute) const {
    if (!exists_) return compute();
    std::string key = request.path;
    for (const auto& [name, value] : request.query) key += '\n' + name + '=' + value;  // a multimap: sorted
    const Stamp now = stamp();
    {
        std::lock_guard lock(cache_mutex_);
        if (!(now == cache_stamp_)) {
            cache_.clear();
            cache_stamp_ = now;
        }
        if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    Response response = compute();
    if (response.status == 200) {
        constexpr size_t kMaxEntries = 4096;
        std::lock_guard lock(cache_mutex_);
        if (cache_.size() >= kMaxEntries) cache_.clear();
        if (now == cache_stamp_) cache_.emplace(std::move(key), response);
    }
    return response;
}

Response Tracker::summary() const {
    json summary = empty_summary();
    summary["database"] = exists_ ? json(path_) : json(nullptr);
    summary["ingest"] = allow_ingest_;
    if (exists_) {
        const auto store = borrow();
        const store::Counts counts = store->counts();
        summary["documents"] = counts.documents;
        summary["attributions"] = counts.statements;
        summary["speakers"] = counts.people;
        summary["organisations"] = counts.organisations;
        summary["claims"] = counts.claims;
        summary["latest_documents"] = items(store->latest_documents(10));
        store::Filters top;
        top.limit = 10;
        summary["top_speakers"] = items(store->speakers(top));
    }
    return json_response(summary.dump());
}

Response Tracker::attributions(const Request& request) const {
    allow_only(request, kFilterParams);
    store::Filters f = filters(request, 50);
    json page = {{"total", 0}, {"limit", f.limit}, {"offset", f.offset}, {"items", json::array()}};
    if (exists_) {
        const auto store = borrow();
        // limit=0 asks for the total alone (for the store, 0 would mean no limit at all).
        if (f.limit > 0) page["items"] = items(store->statements(f));
        f.limit = 0;
        f.offset = 0;
        page["total"] = store->count_statements(f);
    }
    return json_response(page.dump());
}

Response Tracker::speakers(const Request& request) const {
    allow_only(request, std::array<std::string_view, 10>{"name", "speaker", "org", "q", "outlet", "since", "until",
                                                         "kind", "limit", "offset"});
    const store::Filters f = filters(request, 50);
    json list = json::array();
    if (exists_) {
        const auto store = borrow();
        // ?name= looks entities up by name or alias; the other filters rank speakers.
        if (request.has_param("name"))
            list = items(store->find_entities(request.param("name")));
        else if (f.limit > 0)  // limit=0: none (for the store, 0 would mean no limit at all)
            list = items(store->speakers(f));
    }
    return json_response(json{{"items", list}}.dump());
}

Response Tracker::entity(const Request& request, std::string_view id_text, bool organisation_only) const {
    allow_only(request, std::array<std::string_view, 2>{"limit", "offset"});
    const char* what = organisation_only ? "organisation" : "speaker";
    const int64_t id = tracker_id(id_text, what);
    const auto unknown = [&] { return HttpError(404, std::string("no ") + what + " with id " + std::to_string(id)); };
    if (!exists_) throw unknown();
    const auto store = borrow();
    const auto entity = store->entity(id);
    if (!entity || (organisation_only && entity->kind != "organisation")) throw unknown();
    store::Filters f;
    (entity->kind == "organisation" ? f.org_id : f.speaker_id) = id;
    f.limit = whole_number(request, "limit", 200, kMaxLimit);
    f.offset = whole_number(request, "offset", 0, 1'000'000'000);
    f.newest_first = true;
    // limit=0: the entity, total and timeline without statements (for the store, 0 would mean
    // no limit at all).
    json page = {{"entity", store::to_json(*entity)},
                 {"statements", f.limit > 0 ? items(store->statements(f)) : json::array()}};
    f.limit = 0;
    f.offset = 0;
    page["total"] = store->count_statements(f);
    f.newest_first = false;
    page["timeline"] = items(store->timeline(f, store::Period::Month));
    return json_response(page.dump());
}

Response Tracker::document(std::string_view id) const {
    if (!exists_) throw HttpError(404, "no document with id “" + std::string(id) + "”");
    const auto store = borrow();
    const auto document = store->document(id);
    if (!document) throw HttpError(404, "no document with id “" + std::string(id) + "”");
    json page = {{"document", store::to_json(*document)}, {"extract", nullptr}};
    store::Filters only;
    only.document = std::string(id);
    store->for_each_document(only, [&](const ingest::Document& text, const pipeline::Result& result) {
        page["extract"] = exporter::to_json(text, result);
    });
    return json_response(page.dump());
}

Response Tracker::claim(std::string_view id_text) const {
    const int64_t id = tracker_id(id_text, "claim");
    if (!exists_) throw HttpError(404, "no claim with id " + std::to_string(id));
    const auto store = borrow();
    const auto claim = store->claim(id);
    if (!claim) throw HttpError(404, "no claim with id " + std::to_string(id));
    json page = store::to_json(*claim);
    // Conflicts: reports giving the claim to someone other than its first report does.
    json conflicts = json::array();
    if (!claim->reports.empty()) {
        const auto& first = claim->reports.front().statement;
        for (const auto& report : claim->reports)
            if (report.statement.speaker_id != first.speaker_id) conflicts.push_back(store::to_json(report.statement));
    }
    page["conflicts"] = conflicts;
    return json_response(page.dump());
}

Response Tracker::graph(const Request& request) const {
    allow_only(request, std::array<std::string_view, 8>{"speaker", "min-claims", "no-claims", "max-nodes", "since",
                                                        "until", "outlet", "format"});
    const std::string format = request.param("format", "json");
    if (format != "json" && format != "dot" && format != "svg" && format != "graphml")
        throw HttpError(400, "format must be json, dot, svg or graphml");
    store::Filters f;
    f.since = date(request, "since");
    f.until = date(request, "until");
    f.outlet = request.param("outlet");
    graph::ViewOptions view;
    view.speaker = request.param("speaker");
    view.min_claims = static_cast<uint32_t>(whole_number(request, "min-claims", 0, 1'000'000));
    const std::string no_claims = request.param("no-claims", "false");
    if (no_claims != "true" && no_claims != "false" && no_claims != "1" && no_claims != "0")
        throw HttpError(400, "no-claims must be true or false");
    view.no_claims = no_claims == "true" || no_claims == "1";
    view.max_nodes = whole_number(request, "max-nodes", 0, 100'000);

    graph::Builder builder;
    std::optional<Connection> store;
    if (exists_) {
        store.emplace(borrow());
        (*store)->for_each_document(f, [&](const ingest::Document& d, const pipeline::Result& r) { builder.add(d, r); });
    }
    graph::Graph g = builder.finish();
    try {
        graph::apply_view(g, view);
    } catch (const std::invalid_argument& e) {
        throw HttpError(404, e.what());
    }
    if (format == "svg") {
        try {
            Response response;
            response.content_type = "image/svg+xml";
            response.body = exporter::render(g, "svg");
            return response;
        } catch (const exporter::TooLarge& e) {
            throw HttpError(400, e.what());
        }
    }
    std::ostringstream out;
    if (format == "dot") {
        exporter::write_dot(out, g);
        Response response;
        response.content_type = "text/vnd.graphviz; charset=utf-8";
        response.body = out.str();
        return response;
    }
    if (format == "graphml") {
        exporter::write_graphml(out, g);
        Response response;
        response.content_type = "application/graphml+xml; charset=utf-8";
        response.body = out.str();
        return response;
    }
    // Node-link JSON, each node with the page it opens.
    json nodes = json::array(), links = json::array();
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        json node = exporter::node_json(g, v);
        node["href"] = store ? node_href(**store, g, v) : json(nullptr);
        nodes.push_back(std::move(node));
    }
    for (auto e : boost::make_iterator_range(boost::edges(g))) links.push_back(exporter::link_json(g, e));
    return json_response(json{{"nodes", nodes}, {"links", links}}.dump());
}

Response Tracker::audit(const Request& request) const {
    allow_only(request, std::array<std::string_view, 7>{"speaker", "org", "q", "outlet", "since", "until", "kind"});
    store::Filters f = filters(request, 0);
    audit::Auditor auditor;
    if (exists_) {
        const auto store = borrow();
        store->for_each_document(f, [&](const ingest::Document& d, const pipeline::Result& r) { auditor.add(d, r); });
    }
    json report = audit::to_json(auditor.finish());
    // Corpus-wide: the conflicts and variants; each document's own findings stay on its page.
    report.erase("documents");
    return json_response(report.dump());
}

Response Tracker::ingest(const Request& request) {
    if (!allow_ingest_) throw HttpError(403, "this server is read-only: start it with --allow-ingest to store articles");
    ingest::Document document = article_from_request(request);
    if (request.has_param("id")) {
        document.id = request.param("id");
        if (document.id.empty()) throw HttpError(400, "id must not be empty");
    } else if (document.id == kDefaultArticleId) {
        // A pasted article without an id is named by its text, so pasting it again finds it.
        document.id = "pasted-" + fnv1a_hex(document.text);
    }
    const pipeline::Result result = pipeline::extract(document);
    store::IngestOutcome outcome;
    {
        std::lock_guard lock(writer_mutex_);
        outcome = writer_->ingest(document, result);
    }
    const char* names[] = {"added", "unchanged", "revised"};
    return json_response(json{{"id", document.id}, {"outcome", names[static_cast<int>(outcome)]}}.dump());
}

}  // namespace qg::serve
