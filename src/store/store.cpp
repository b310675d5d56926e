// Opening the store (creating, migrating, refusing) and writing to it: ingest, revisions,
// tracker-wide entities, reindex.
#include "store/store.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "graph/names.h"
#include "pipeline/parallel.h"
#include "store/detail.h"
#include "text/text.h"

namespace qg::store {

namespace data {
extern const std::string_view schema_1_sql_data;
extern const std::string_view migrate_2_sql_data;
extern const std::string_view migrate_3_sql_data;
}  // namespace data

namespace {

// The SQL that brings a database from version i to i + 1 is kMigrations[i].
const std::string_view* const kMigrations[] = {&data::schema_1_sql_data, &data::migrate_2_sql_data,
                                               &data::migrate_3_sql_data};
static_assert(std::size(kMigrations) == kSchemaVersion);

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// YYYY-MM-DD from a date that starts with one (ISO 8601 dates and timestamps), else "".
std::string iso_day(std::string_view date) {
    if (date.size() < 10) return {};
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(date[i])) return {};
    if (date[4] != '-' || date[7] != '-') return {};
    return std::string(date.substr(0, 10));
}

const char* kind_text(attribution::Kind kind) { return attribution::kind_name(kind); }

const char* entity_kind_text(entities::EntityType type) {
    switch (type) {
        case entities::EntityType::Organisation: return "organisation";
        case entities::EntityType::Group: return "group";
        case entities::EntityType::Person: return "person";
    }
    return "person";
}

graph::MergeKind merge_kind(entities::EntityType type) {
    switch (type) {
        case entities::EntityType::Organisation: return graph::MergeKind::Organisation;
        case entities::EntityType::Group: return graph::MergeKind::Group;
        case entities::EntityType::Person: return graph::MergeKind::Person;
    }
    return graph::MergeKind::Group;
}

const char* format_text(ingest::SourceFormat format) {
    switch (format) {
        case ingest::SourceFormat::Html: return "html";
        case ingest::SourceFormat::Jsonl: return "jsonl";
        case ingest::SourceFormat::Text: return "text";
    }
    return "text";
}

bool has_table(sql::Connection& db, const char* name) {
    sql::Statement s(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    s.bind(1, std::string_view(name));
    return s.step();
}

// Brings the database to kSchemaVersion, each step in its own transaction so a crash
// between steps leaves a valid older version.
void migrate(sql::Connection& db, int from) {
    for (int version = from; version < kSchemaVersion; ++version) {
        db.exec("BEGIN IMMEDIATE");
        try {
            db.exec(std::string(*kMigrations[version]).c_str());
            db.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
            db.exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

}  // namespace

std::string extractor_version() { return std::string("quotegraph ") + QG_VERSION; }

std::string default_path() {
    const char* env = std::getenv("QUOTEGRAPH_DB");
    return env && *env ? env : "quotegraph.db";
}

bool valid_date(std::string_view text) {
    auto number = [&](size_t from, size_t count, int& value) {
        if (from + count > text.size()) return false;
        value = 0;
        for (size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    };
    int year = 0, month = 0, day = 0;
    if (!number(0, 4, year)) return false;
    if (text.size() == 4) return true;
    if (text.size() < 7 || text[4] != '-' || !number(5, 2, month) || month < 1 || month > 12) return false;
    if (text.size() == 7) return true;
    if (text.size() != 10 || text[7] != '-' || !number(8, 2, day)) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day >= 1 && day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

const char* change_name(ChangeType type) {
    switch (type) {
        case ChangeType::Added: return "added";
        case ChangeType::Removed: return "removed";
        case ChangeType::Reworded: return "reworded";
    }
    return "added";
}

Store Store::open(const std::string& path, Mode mode) {
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    auto impl = std::make_unique<Impl>(path, flags);
    impl->mode = mode;
    auto& db = impl->db;
    int version;
    {
        sql::Statement s(db, "PRAGMA user_version");
        version = s.step() ? static_cast<int>(s.integer(0)) : 0;
    }
    if (version > kSchemaVersion)
        throw Error(path + ": written by a newer quotegraph (schema version " + std::to_string(version) +
                    "; this one knows up to " + std::to_string(kSchemaVersion) +
                    "); left untouched: use that quotegraph or a newer one");
    if (version == 0) {
        sql::Statement any(db, "SELECT count(*) FROM sqlite_schema");
        if (any.step() && any.integer(0) > 0)
            throw Error(path + ": a SQLite database, but not a quotegraph tracker; left untouched");
    } else if (!has_table(db, "documents")) {
        throw Error(path + ": not a quotegraph tracker (no documents table); left untouched");
    }
    if (mode == Mode::ReadOnly) {
        if (version < kSchemaVersion)
            throw Error(path + ": schema version " + std::to_string(version) + " is older than this quotegraph's (" +
                        std::to_string(kSchemaVersion) + "): run `quotegraph ingest` or `reindex` once to migrate it");
    } else {
        // 16 KB pages for a new database (an existing one keeps its own): a quarter of the
        // WAL frames and b-tree splits of 4 KB pages for the writer, the text of most
        // articles on one or two pages, and barely a larger file.
        if (version == 0) db.exec("PRAGMA page_size = 16384");
        // WAL: readers see the last committed batch while an ingest writes the next one.
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
        // 32 MB of page cache: the indexes of a large tracker stay in memory while ingesting.
        db.exec("PRAGMA cache_size = -32768");
        migrate(db, version);
        version = kSchemaVersion;
    }
    // Readers check references (nothing they do writes). The writer does not: every id it
    // writes is one it has just read or inserted in the same transaction, and checking
    // each of a statement's five references again was a seventh of an ingest's work.
    if (mode == Mode::ReadOnly) db.exec("PRAGMA foreign_keys = ON");
    impl->version = version;
    return Store(std::move(impl));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() {
    if (impl_ && impl_->in_transaction) sqlite3_exec(impl_->db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const { return impl_->db.path(); }
int Store::schema_version() const { return impl_->version; }

void Store::begin() {
    if (impl_->mode != Mode::ReadWrite) throw Error(path() + ": opened read-only");
    impl_->db.exec("BEGIN IMMEDIATE");
    impl_->in_transaction = true;
    impl_->last_statement = impl_->integer("SELECT coalesce(max(id), 0) FROM statements");
    impl_->last_alias = impl_->integer("SELECT coalesce(max(id), 0) FROM aliases");
}

void Store::commit() {
    // Inside the transaction, so the indexes never miss a committed row.
    impl_->prepare("INSERT INTO statements_fts (rowid, content) SELECT id, content FROM statements WHERE id > ?")
        .bind(1, impl_->last_statement)
        .run();
    impl_->prepare("INSERT INTO names_fts (rowid, alias) SELECT id, alias FROM aliases WHERE id > ?")
        .bind(1, impl_->last_alias)
        .run();
    impl_->db.exec("COMMIT");
    impl_->in_transaction = false;
}

void Store::rollback() {
    impl_->in_transaction = false;
    // The caches hold rows of the transaction undone.
    impl_->forget();
    impl_->db.exec("ROLLBACK");
}

void Store::on_decision(std::function<void(const graph::MergeDecision&)> callback) {
    impl_->on_decision = std::move(callback);
}

IngestOutcome Store::ingest(const ingest::Document& document, const pipeline::Result& result) {
    return ingest(document, prepare(document, result));
}

bool Store::holds_current(const ingest::Document& document, int64_t text_hash) {
    return impl_->stored_revision(document, text_hash).same_text;
}

KnownTexts Store::known_texts() const {
    KnownTexts known;
    auto& s = impl_->prepare(
        "SELECT d.key, r.text_hash FROM documents d JOIN revisions r ON r.id = d.current_revision");
    while (s.step()) known.add(s.text_view(0), s.integer(1));
    s.reset();
    return known;
}

void KnownTexts::add(std::string_view id, int64_t text_hash) { texts_[stable_hash(id)] = text_hash; }

bool KnownTexts::contains(const ingest::Document& document, int64_t text_hash) const {
    auto found = texts_.find(stable_hash(document.id));
    return found != texts_.end() && found->second == text_hash;
}

PreparedDocument prepare_unless_known(const ingest::Document& document, const KnownTexts& known) {
    const int64_t hash = stable_hash(document.text);
    if (!known.contains(document, hash)) return prepare(document, pipeline::extract(document));
    PreparedDocument skipped;
    skipped.text_hash = hash;
    skipped.extracted = false;
    return skipped;
}

IngestOutcome Store::ingest(const ingest::Document& document, const PreparedDocument& prepared) {
    // Known with this text when the ingest began, but changed since (earlier in the same
    // run): the extraction the worker skipped is done here.
    if (!prepared.extracted && !holds_current(document, prepared.text_hash))
        return ingest(document, prepare(document, pipeline::extract(document)));
    if (impl_->in_transaction) return impl_->ingest(document, prepared);
    begin();
    try {
        IngestOutcome outcome = impl_->ingest(document, prepared);
        commit();
        return outcome;
    } catch (...) {
        rollback();
        throw;
    }
}

namespace {

std::string paragraphs_blob(const std::vector<ingest::CharSpan>& paragraphs) {
    std::string blob;
    blob.reserve(paragraphs.size() * 8);
    auto put = [&](uint32_t v) {
        for (int k = 0; k < 4; ++k) blob.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
    };
    for (const auto& p : paragraphs) {
        put(p.start);
        put(p.end);
    }
    return blob;
}

std::string links_json(const std::vector<ingest::Link>& links) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& l : links) j.push_back({l.anchor.start, l.anchor.end, l.href});
    return j.dump();
}

// The cache key of a row identified by an entity id and a string.
std::string id_key(int64_t id, std::string_view text) {
    std::string key(reinterpret_cast<const char*>(&id), sizeof id);
    key += text;
    return key;
}

// Resolves one document's entities to tracker-wide ones, on first use, as graph::Builder
// does in memory: through the merge keys of graph/names.h, kept in the merge_keys table.
// Rows already known to exist (Impl's caches) are neither looked up nor inserted again.
class EntityResolver {
public:
    EntityResolver(Store::Impl& store, const PreparedDocument& prepared, int64_t revision, const std::string& document)
        : store_(store), result_(prepared.result), rows_(prepared.entities), revision_(revision), document_(document),
          tracker_(prepared.result.entities.size(), 0) {}

    int64_t operator()(int local) {
        if (local < 0 || local >= static_cast<int>(result_.entities.size())) return 0;
        if (tracker_[local] != 0) return tracker_[local];
        const entities::Entity& e = result_.entities[local];
        const int64_t id = resolve(e, rows_[local]);
        tracker_[local] = id;
        for (const auto& role : e.roles) {
            if (role.organisation == local) continue;
            const int64_t organisation = (*this)(role.organisation);
            std::string key = id_key(id, role.title);
            key.append(reinterpret_cast<const char*>(&organisation), sizeof organisation);
            key += role.former ? '1' : '0';
            if (!store_.known_roles.insert(std::move(key)).second) continue;
            store_.prepare("INSERT OR IGNORE INTO roles (person, title, organisation, former, first_revision) "
                           "VALUES (?, ?, ?, ?, ?)")
                .bind(1, id)
                .bind(2, std::string_view(role.title))
                .bind(3, organisation)
                .bind(4, role.former ? 1 : 0)
                .bind(5, revision_)
                .run();
        }
        return id;
    }

    const std::vector<int64_t>& resolved() const { return tracker_; }

private:
    int64_t resolve(const entities::Entity& e, const PreparedDocument::EntityRow& row) {
        for (const auto& k : row.keys) {
            if (!graph::is_looked_up(k)) continue;
            const auto owner = key_owner(k.key);
            if (!owner || (!k.unless.empty() && key_owner(k.unless))) continue;
            const auto [id, other_from_alias] = *owner;
            decide(true, e.name, id, graph::merge_reason(k, other_from_alias));
            absorb(id, e, row);
            return id;
        }
        store_.prepare("INSERT INTO entities (kind, name, surname, first_revision) VALUES (?, ?, ?, ?)")
            .bind(1, std::string_view(entity_kind_text(e.type)))
            .bind(2, std::string_view(e.name))
            .bind(3, std::string_view(row.surname))
            .bind(4, revision_)
            .run();
        const int64_t id = sqlite3_last_insert_rowid(store_.db.get());
        add_aliases(id, e, row);
        add_keys(id, row.keys);
        if (!row.surname.empty() && store_.on_decision) explain_namesakes(id, e.name, row.surname);
        return id;
    }

    void absorb(int64_t id, const entities::Entity& e, const PreparedDocument::EntityRow& row) {
        // An organisation first seen only by its acronym takes the full name when one comes.
        // A name that is no acronym stays one that is not, so each entity is asked once.
        if (e.type == entities::EntityType::Organisation && !graph::is_acronym(e.name) &&
            !store_.full_names.count(id)) {
            auto& name = store_.prepare("SELECT name FROM entities WHERE id = ?");
            name.bind(1, id);
            const bool rename = name.step() && graph::is_acronym(name.text_view(0));
            name.reset();
            if (rename)
                store_.prepare("UPDATE entities SET name = ? WHERE id = ?")
                    .bind(1, std::string_view(e.name))
                    .bind(2, id)
                    .run();
            store_.full_names.insert(id);
        }
        add_aliases(id, e, row);
        add_keys(id, row.keys);
    }

    void add_aliases(int64_t id, const entities::Entity& e, const PreparedDocument::EntityRow& row) {
        add_alias(id, e.name, row.alias_keys[0]);
        for (size_t k = 0; k < e.aliases.size(); ++k) add_alias(id, e.aliases[k], row.alias_keys[k + 1]);
    }

    void add_alias(int64_t id, const std::string& alias, const std::string& key) {
        if (!store_.known_aliases.insert(id_key(id, alias)).second) return;
        store_.prepare("INSERT OR IGNORE INTO aliases (entity, alias, key) VALUES (?, ?, ?)")
            .bind(1, id)
            .bind(2, std::string_view(alias))
            .bind(3, std::string_view(key))
            .run();
    }

    // The entity holding a merge key, and whether it holds it through an alias.
    std::optional<std::pair<int64_t, bool>> key_owner(const std::string& key) {
        if (auto known = store_.known_keys.find(key); known != store_.known_keys.end()) return known->second;
        auto& find = store_.prepare("SELECT entity, from_alias FROM merge_keys WHERE key = ?");
        find.bind(1, std::string_view(key));
        if (!find.step()) return std::nullopt;
        const auto owner = std::make_pair(find.integer(0), find.integer(1) != 0);
        find.reset();
        store_.known_keys.emplace(key, owner);
        return owner;
    }

    void add_keys(int64_t id, const std::vector<graph::MergeKey>& keys) {
        for (const auto& k : keys) {
            if (!graph::is_recorded(k)) continue;
            if (!record_key(id, k.key, k.from_alias) && !k.on_conflict.empty()) {
                const auto owner = key_owner(k.key);
                if (owner && owner->first != id) record_key(id, k.on_conflict, k.from_alias);
            }
        }
    }

    // Whether the key is now recorded for `id` (false: it was another entity's already).
    bool record_key(int64_t id, const std::string& key, bool from_alias) {
        if (auto known = store_.known_keys.find(key); known != store_.known_keys.end()) return known->second.first == id;
        store_.prepare("INSERT OR IGNORE INTO merge_keys (key, entity, from_alias) VALUES (?, ?, ?)")
            .bind(1, std::string_view(key))
            .bind(2, id)
            .bind(3, from_alias ? 1 : 0)
            .run();
        // Ignored: the key is another entity's, which the next lookup reads.
        if (sqlite3_changes(store_.db.get()) != 1) return false;
        store_.known_keys.emplace(key, std::make_pair(id, from_alias));
        return true;
    }

    // Namesakes kept apart are what conservative merging is for; --explain says so.
    void explain_namesakes(int64_t id, const std::string& name, const std::string& surname) {
        auto& others = store_.prepare(
            "SELECT e.id FROM entities e WHERE e.surname = ? AND e.kind = 'person' AND e.id <> ? ORDER BY e.id LIMIT 3");
        others.bind(1, std::string_view(surname)).bind(2, id);
        std::vector<int64_t> ids;
        while (others.step()) ids.push_back(others.integer(0));
        others.reset();
        for (int64_t other : ids) decide(false, name, other, "they share only the surname “" + graph::surname(name) + "”");
    }

    void decide(bool merged, const std::string& name, int64_t other, std::string reason) {
        if (!store_.on_decision) return;
        auto& s = store_.prepare(
            "SELECT e.name, d.key FROM entities e JOIN revisions r ON r.id = e.first_revision "
            "JOIN documents d ON d.id = r.document WHERE e.id = ?");
        s.bind(1, other);
        graph::MergeDecision d;
        d.merged = merged;
        d.name = name;
        d.document = document_;
        if (s.step()) {
            d.other = s.text(0);
            d.other_document = s.text(1);
        }
        s.reset();
        d.reason = std::move(reason);
        store_.on_decision(d);
    }

    Store::Impl& store_;
    const pipeline::Result& result_;
    const std::vector<PreparedDocument::EntityRow>& rows_;
    int64_t revision_;
    const std::string& document_;
    std::vector<int64_t> tracker_;
};

// Rounded as the extract JSON rounds it, so the store and `extract` agree.
double rounded_confidence(float confidence) { return std::round(confidence * 1000.0) / 1000.0; }

int64_t claim_id(Store::Impl& store, const PreparedDocument::StatementRow& row, const char* kind) {
    if (auto known = store.known_claims.find(row.claim_key); known != store.known_claims.end()) return known->second;
    auto& find = store.prepare("SELECT id, content FROM claims WHERE key_hash = ?");
    find.bind(1, row.claim_hash);
    int64_t found = 0;
    while (find.step())
        if (graph::claim_key(find.text_view(1)) == row.claim_key) {
            found = find.integer(0);
            break;
        }
    find.reset();
    if (!found) {
        store.prepare("INSERT INTO claims (key_hash, content, kind) VALUES (?, ?, ?)")
            .bind(1, row.claim_hash)
            .bind(2, std::string_view(row.content))
            .bind(3, std::string_view(kind))
            .run();
        found = sqlite3_last_insert_rowid(store.db.get());
    }
    store.known_claims.emplace(row.claim_key, found);
    return found;
}

// The mentions column of one revision: "entity start end" triples of the entities the
// tracker keeps (`tracker[e]` is entity e's tracker id, 0 when it is not stored).
std::string mention_spans(const std::vector<int64_t>& tracker, const std::vector<PreparedDocument::EntityRow>& rows) {
    std::string out;
    auto put = [&](int64_t number) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
        if (!out.empty()) out += ' ';
        out.append(digits, end);
    };
    for (size_t e = 0; e < rows.size() && e < tracker.size(); ++e) {
        if (tracker[e] == 0) continue;
        const auto& spans = rows[e].mentions;
        for (size_t k = 0; k + 1 < spans.size(); k += 2) {
            put(tracker[e]);
            put(spans[k]);
            put(spans[k + 1]);
        }
    }
    return out;
}

}  // namespace

PreparedDocument prepare(const ingest::Document& document, pipeline::Result result) {
    PreparedDocument p;
    p.result = std::move(result);
    p.text_hash = stable_hash(document.text);
    p.paragraphs = paragraphs_blob(document.paragraphs);
    p.links = links_json(document.links);
    const std::string_view text = document.text;
    text::OffsetIndex index(text);
    auto slice = [&](attribution::ByteSpan s) { return text.substr(s.begin, s.end > s.begin ? s.end - s.begin : 0); };
    p.statements.reserve(p.result.attributions.size());
    for (const auto& a : p.result.attributions) {
        PreparedDocument::StatementRow row;
        row.content = slice(a.content);
        row.claim_key = graph::claim_key(row.content);
        if (!row.claim_key.empty()) row.claim_hash = stable_hash(row.claim_key);
        row.content_start = index.to_char(a.content.begin);
        row.content_end = index.to_char(a.content.end);
        if (!a.continuation && !a.cue.empty()) {
            row.cue = slice(a.cue);
            row.cue_start = index.to_char(a.cue.begin);
            row.cue_end = index.to_char(a.cue.end);
        }
        if (!a.source.empty()) {
            row.source = slice(a.source);
            row.source_start = index.to_char(a.source.begin);
            row.source_end = index.to_char(a.source.end);
        }
        p.statements.push_back(std::move(row));
    }
    p.entities.reserve(p.result.entities.size());
    for (const auto& e : p.result.entities) {
        PreparedDocument::EntityRow row;
        row.keys = graph::merge_keys(merge_kind(e.type), e.name, e.aliases);
        row.alias_keys.reserve(e.aliases.size() + 1);
        row.alias_keys.push_back(graph::name_key(e.name));
        for (const auto& alias : e.aliases) row.alias_keys.push_back(graph::name_key(alias));
        if (e.type == entities::EntityType::Person) row.surname = graph::name_key(graph::surname(e.name));
        row.mentions.reserve(e.mentions.size() * 2);
        for (const auto& m : e.mentions) {
            row.mentions.push_back(index.to_char(m.begin));
            row.mentions.push_back(index.to_char(m.end));
        }
        p.entities.push_back(std::move(row));
    }
    return p;
}

void Store::Impl::forget() {
    known_keys.clear();
    known_aliases.clear();
    known_roles.clear();
    known_claims.clear();
    full_names.clear();
}

std::vector<int64_t> Store::Impl::write_statements(int64_t revision, const std::string& document_key,
                                                   const PreparedDocument& prepared) {
    // Bounded, so memory stays flat however large the tracker grows.
    if (known_keys.size() + known_aliases.size() + known_roles.size() + known_claims.size() > kCacheRows) forget();
    const pipeline::Result& result = prepared.result;
    EntityResolver resolve(*this, prepared, revision, document_key);
    const std::string extractor = extractor_version();
    std::vector<int64_t> ids;
    ids.reserve(result.attributions.size());
    for (size_t i = 0; i < result.attributions.size(); ++i) {
        const auto& a = result.attributions[i];
        const auto& row = prepared.statements[i];
        const int64_t claim = row.claim_key.empty() ? 0 : claim_id(*this, row, kind_text(a.kind));
        const int64_t speaker = resolve(a.speaker);
        const int64_t recipient = resolve(a.recipient);
        const int64_t continues =
            a.continues >= 0 && static_cast<size_t>(a.continues) < ids.size() ? ids[static_cast<size_t>(a.continues)] : 0;
        auto& insert = prepare(
            "INSERT INTO statements (revision, position, kind, content, content_start, content_end, cue, cue_start, "
            "cue_end, source, source_start, source_end, speaker, recipient, continuation, continues, confidence, rule, "
            "claim, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, revision)
            .bind(2, i)
            .bind(3, std::string_view(kind_text(a.kind)))
            .bind(4, std::string_view(row.content))
            .bind(5, row.content_start)
            .bind(6, row.content_end)
            .bind(7, std::string_view(row.cue))
            .bind(8, row.cue_start)
            .bind(9, row.cue_end)
            .bind(10, std::string_view(row.source))
            .bind(11, row.source_start)
            .bind(12, row.source_end)
            .bind_id(13, speaker)
            .bind_id(14, recipient)
            .bind(15, a.continuation ? 1 : 0)
            .bind_id(16, continues)
            .bind(17, rounded_confidence(a.confidence))
            .bind(18, std::string_view(attribution::rule_name(a.rule)))
            .bind_id(19, claim)
            .bind(20, std::string_view(extractor));
        insert.run();
        ids.push_back(sqlite3_last_insert_rowid(db.get()));
    }
    // Mentions of the entities the tracker keeps (those something connects), for views
    // that rebuild a document's entities from the store. Replaced on reindex: the spans
    // are those of the revision's current extraction.
    const std::string spans = mention_spans(resolve.resolved(), prepared.entities);
    if (!spans.empty())
        prepare("INSERT OR REPLACE INTO mentions (revision, spans) VALUES (?, ?)")
            .bind(1, revision)
            .bind(2, std::string_view(spans))
            .run();
    return ids;
}

namespace {

std::vector<AlignedStatement> aligned_statements(Store::Impl& store, int64_t revision) {
    auto& s = store.prepare(
        "SELECT id, coalesce(speaker, 0), content FROM statements WHERE revision = ? AND current = 1 ORDER BY position");
    s.bind(1, revision);
    std::vector<AlignedStatement> out;
    while (s.step()) {
        AlignedStatement a;
        a.id = s.integer(0);
        a.speaker = s.integer(1);
        a.content = s.text(2);
        a.claim_key = graph::claim_key(a.content);
        out.push_back(std::move(a));
    }
    s.reset();
    return out;
}

}  // namespace

void Store::Impl::record_changes(int64_t previous_revision, int64_t revision) {
    const auto before = aligned_statements(*this, previous_revision);
    const auto after = aligned_statements(*this, revision);
    for (const auto& change : align_revisions(before, after))
        prepare("INSERT INTO changes (revision, type, before, after, diff) VALUES (?, ?, ?, ?, ?)")
            .bind(1, revision)
            .bind(2, std::string_view(change_name(change.type)))
            .bind_id(3, change.before)
            .bind_id(4, change.after)
            .bind(5, std::string_view(change.diff))
            .run();
}

Store::Impl::StoredRevision Store::Impl::stored_revision(const ingest::Document& document, int64_t text_hash) {
    StoredRevision stored;
    stored.document = integer("SELECT id FROM documents WHERE key = ?", std::string_view(document.id));
    if (stored.document == 0 && !document.url.empty())
        stored.document = integer("SELECT id FROM documents WHERE url = ? ORDER BY id LIMIT 1", std::string_view(document.url));
    if (stored.document == 0) return stored;
    auto& current = prepare(
        "SELECT r.id, r.number, r.text_hash = ? AND r.text = ? FROM documents d JOIN revisions r "
        "ON r.id = d.current_revision WHERE d.id = ?");
    current.bind(1, text_hash).bind(2, std::string_view(document.text)).bind(3, stored.document);
    if (current.step()) {
        stored.revision = current.integer(0);
        stored.number = static_cast<int>(current.integer(1));
        stored.same_text = current.integer(2) != 0;
    }
    current.reset();
    return stored;
}

IngestOutcome Store::Impl::ingest(const ingest::Document& document, const PreparedDocument& prepared) {
    const int64_t hash = prepared.text_hash;
    const StoredRevision stored = stored_revision(document, hash);
    if (stored.same_text) return IngestOutcome::Unchanged;
    int64_t document_id = stored.document;
    const int64_t previous = stored.revision;
    const int number = stored.number + 1;
    if (document_id == 0) {
        prepare("INSERT INTO documents (key, url) VALUES (?, ?)")
            .bind(1, std::string_view(document.id))
            .bind(2, std::string_view(document.url))
            .run();
        document_id = sqlite3_last_insert_rowid(db.get());
    }

    const std::string now = utc_now();
    std::string day = iso_day(document.date);
    if (day.empty()) day = now.substr(0, 10);
    const std::string& paragraphs = prepared.paragraphs;
    prepare("INSERT INTO revisions (document, number, text, text_hash, title, url, date, outlet, day, format, "
            "paragraphs, links, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, document_id)
        .bind(2, number)
        .bind(3, std::string_view(document.text))
        .bind(4, hash)
        .bind(5, std::string_view(document.title))
        .bind(6, std::string_view(document.url))
        .bind(7, std::string_view(document.date))
        .bind(8, std::string_view(document.outlet))
        .bind(9, std::string_view(day))
        .bind(10, std::string_view(format_text(document.format)))
        .bind_blob(11, paragraphs.data(), paragraphs.size())
        .bind(12, std::string_view(prepared.links))
        .bind(13, std::string_view(now))
        .run();
    const int64_t revision = sqlite3_last_insert_rowid(db.get());
    prepare("UPDATE documents SET current_revision = ?, url = CASE WHEN ? <> '' THEN ? ELSE url END WHERE id = ?")
        .bind(1, revision)
        .bind(2, std::string_view(document.url))
        .bind(3, std::string_view(document.url))
        .bind(4, document_id)
        .run();

    // The key under which the document is known (a revision found by url keeps the first id).
    std::string key = document.id;
    if (previous != 0) {
        auto& k = prepare("SELECT key FROM documents WHERE id = ?");
        k.bind(1, document_id);
        if (k.step()) key = k.text(0);
        k.reset();
    }
    write_statements(revision, key, prepared);
    if (previous == 0) return IngestOutcome::Added;
    record_changes(previous, revision);
    prepare("UPDATE statements SET current = 0 WHERE revision = ?").bind(1, previous).run();
    return IngestOutcome::Revised;
}

namespace {

struct StoredDocument {
    int64_t revision = 0;
    std::string key;
    ingest::Document document;
};

std::vector<uint32_t> blob_words(std::string_view blob) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i + 4 <= blob.size(); i += 4) {
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[i + k])) << (8 * k);
        out.push_back(v);
    }
    return out;
}

}  // namespace

size_t Store::reindex(unsigned threads, bool all) {
    if (impl_->mode != Mode::ReadWrite) throw Error(path() + ": opened read-only");
    const std::string extractor = extractor_version();
    size_t done = 0;
    int64_t after = 0;
    constexpr size_t kChunk = 64;
    for (;;) {
        // A chunk of current revisions to redo, read completely before writing.
        std::vector<StoredDocument> chunk;
        {
            auto& s = impl_->prepare(
                "SELECT r.id, d.key, r.text, r.title, r.url, r.date, r.outlet, r.format, r.paragraphs, r.links "
                "FROM documents d JOIN revisions r ON r.id = d.current_revision WHERE r.id > ?1 AND (?2 OR EXISTS "
                "(SELECT 1 FROM statements s WHERE s.revision = r.id AND s.current = 1 AND s.extractor <> ?3)) "
                "ORDER BY r.id LIMIT ?4");
            s.bind(1, after).bind(2, all ? 1 : 0).bind(3, std::string_view(extractor)).bind(4, kChunk);
            while (s.step()) {
                StoredDocument d;
                d.revision = s.integer(0);
                d.key = s.text(1);
                d.document.id = d.key;
                d.document.text = s.text(2);
                d.document.title = s.text(3);
                d.document.url = s.text(4);
                d.document.date = s.text(5);
                d.document.outlet = s.text(6);
                const std::string format = s.text(7);
                d.document.format = format == "html"    ? ingest::SourceFormat::Html
                                    : format == "jsonl" ? ingest::SourceFormat::Jsonl
                                                        : ingest::SourceFormat::Text;
                const auto spans = blob_words(s.text_view(8));
                for (size_t k = 0; k + 1 < spans.size(); k += 2) d.document.paragraphs.push_back({spans[k], spans[k + 1]});
                for (const auto& l : nlohmann::json::parse(s.text_view(9), nullptr, false))
                    if (l.is_array() && l.size() == 3)
                        d.document.links.push_back({{l[0].get<uint32_t>(), l[1].get<uint32_t>()}, l[2].get<std::string>()});
                chunk.push_back(std::move(d));
            }
            s.reset();
        }
        if (chunk.empty()) break;
        after = chunk.back().revision;
        begin();
        try {
            pipeline::OrderedRunner<StoredDocument, PreparedDocument> runner(
                threads == 0 ? pipeline::default_threads() : threads,
                [](StoredDocument& d) { return prepare(d.document, pipeline::extract(d.document)); },
                [&](StoredDocument& d, PreparedDocument& prepared) {
                    // The earlier extraction stays, no longer current: history is kept.
                    impl_->prepare("UPDATE statements SET current = 0 WHERE revision = ?").bind(1, d.revision).run();
                    impl_->write_statements(d.revision, d.key, prepared);
                    ++done;
                });
            for (auto& d : chunk) runner.push(std::move(d));
            runner.finish();
            commit();
        } catch (...) {
            rollback();
            throw;
        }
    }
    return done;
}

Ingester::Ingester(Store& store, size_t batch_documents, size_t batch_bytes)
    : store_(store), batch_documents_(std::max<size_t>(batch_documents, 1)), batch_bytes_(batch_bytes) {}

Ingester::~Ingester() {
    if (open_) {
        try {
            store_.rollback();
        } catch (...) {  // the connection is closing anyway; nothing of the batch was committed
        }
    }
}

IngestOutcome Ingester::add(const ingest::Document& document, const pipeline::Result& result) {
    return add(document, prepare(document, result));
}

IngestOutcome Ingester::add(const ingest::Document& document, const PreparedDocument& prepared) {
    if (!open_) {
        store_.begin();
        open_ = true;
    }
    const IngestOutcome outcome = store_.ingest(document, prepared);
    switch (outcome) {
        case IngestOutcome::Added: ++totals_.added; break;
        case IngestOutcome::Unchanged: ++totals_.unchanged; break;
        case IngestOutcome::Revised: ++totals_.revised; break;
    }
    ++in_batch_;
    bytes_in_batch_ += document.text.size();
    if (in_batch_ >= batch_documents_ || bytes_in_batch_ >= batch_bytes_) {
        store_.commit();
        open_ = false;
        in_batch_ = bytes_in_batch_ = 0;
    }
    return outcome;
}

void Ingester::finish() {
    if (!open_) return;
    store_.commit();
    open_ = false;
    in_batch_ = bytes_in_batch_ = 0;
}

}  // namespace qg::store
