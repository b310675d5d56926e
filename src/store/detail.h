// Internals shared by the store's sources: the connection with its cached statements, and
// the alignment of two revisions' statements.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace qg::store {

struct Store::Impl {
    Impl(const std::string& path, int flags) : db(path, flags) {}

    sql::Connection db;
    Mode mode = Mode::ReadOnly;
    int version = 0;
    bool in_transaction = false;
    // The last statement and alias ids before the transaction: the rows after them are
    // added to the full-text indexes in bulk at commit.
    int64_t last_statement = 0, last_alias = 0;
    std::function<void(const graph::MergeDecision&)> on_decision;
    // Prepared once per connection, keyed by the SQL literal's address.
    std::unordered_map<const char*, std::unique_ptr<sql::Statement>> cache;

    // A cached statement, reset and unbound, ready for binds.
    sql::Statement& prepare(const char* query) {
        auto& slot = cache[query];
        if (!slot) slot = std::make_unique<sql::Statement>(db, query);
        slot->reset();
        return *slot;
    }
    // A cached statement's single integer result (0 when there is no row).
    template <class... Args>
    int64_t integer(const char* query, const Args&... args) {
        auto& s = prepare(query);
        int index = 0;
        (s.bind(++index, args), ...);
        const int64_t value = s.step() ? s.integer(0) : 0;
        s.reset();
        return value;
    }

    // Rows the writer knows exist, so an entity, alias, role or claim seen again is neither
    // looked up nor inserted again (per document, those lookups were most of entity
    // resolution). Only rows that exist are cached: rows are never deleted and a name that
    // is no acronym is never renamed, so another writer cannot make an entry false, and a
    // rollback empties them all. Emptied past kCacheRows, so memory stays flat.
    static constexpr size_t kCacheRows = 1 << 20;
    std::unordered_map<std::string, std::pair<int64_t, bool>> known_keys;  // merge key: entity, from_alias
    std::unordered_set<std::string> known_aliases;                       // entity id + alias
    std::unordered_set<std::string> known_roles;                         // person, title, organisation, former
    std::unordered_map<std::string, int64_t> known_claims;               // claim key: claim id
    std::unordered_set<int64_t> full_names;                              // entities named by no acronym
    void forget();

    // The current revision of the document stored by its id (or url), if any.
    struct StoredRevision {
        int64_t document = 0;  // 0: not stored
        int64_t revision = 0;
        int number = 0;
        bool same_text = false;  // its current revision has this text
    };
    StoredRevision stored_revision(const ingest::Document& document, int64_t text_hash);
    IngestOutcome ingest(const ingest::Document& document, const PreparedDocument& prepared);
    // Writes a revision's statements (and the entities, claims and mentions they need);
    // returns their ids in attribution order.
    std::vector<int64_t> write_statements(int64_t revision, const std::string& document_key,
                                          const PreparedDocument& prepared);
    void record_changes(int64_t previous_revision, int64_t revision);
};

// 64-bit FNV-1a: stable across builds and platforms (std::hash is neither), for the text
// and claim hashes stored in the database.
int64_t stable_hash(std::string_view bytes);

// One statement of a revision, as the alignment sees it.
struct AlignedStatement {
    int64_t id = 0;
    int64_t speaker = 0;
    std::string claim_key;
    std::string content;
};

struct AlignedChange {
    ChangeType type = ChangeType::Added;
    int64_t before = 0, after = 0;  // statement ids (0: none)
    std::string diff;
};

// The statements added, removed and reworded from `before` to `after` (each in text
// order). Unchanged statements (the same claim) anchor the alignment; between two anchors,
// a removed and an added statement of the same speaker whose words overlap enough are one
// statement reworded.
std::vector<AlignedChange> align_revisions(const std::vector<AlignedStatement>& before,
                                           const std::vector<AlignedStatement>& after);

// Word diff of a against b: unchanged words as they are, "[-removed words-]", "{+added words+}".
std::string word_diff(std::string_view a, std::string_view b);

}  // namespace qg::store
