// The tracker: one SQLite file (WAL) that remembers every document ingested, its
// revisions, its statements, and tracker-wide people, organisations and claims merged
// across documents with the graph's merge rules (graph/names.h). Readers (query, serve)
// open it read-only while one ingest writes. The schema and its versions: docs/tracker.md.
// The store returns plain structs; store/render.h turns them into text, JSON and CSV.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/build.h"
#include "graph/names.h"
#include "ingest/document.h"
#include "pipeline/pipeline.h"

namespace qg::store {

// The schema version this build writes (PRAGMA user_version). Older databases are migrated
// forward when opened read-write; newer ones are refused.
inline constexpr int kSchemaVersion = 3;

// Recorded with every statement: which extractor produced it (reindex compares it).
std::string extractor_version();

// The database path when no --db is given: $QUOTEGRAPH_DB, else "quotegraph.db".
std::string default_path();

// Whether `text` is a date filter (Filters::since, until): YYYY, YYYY-MM or YYYY-MM-DD, a
// real month and day of the calendar (2024-02-29 is, 2023-02-29 and 2024-13 are not).
bool valid_date(std::string_view text);

// Any failure to open, read or write the store; the message names the file.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Mode { ReadOnly, ReadWrite };

enum class Order { Date, Confidence };

// What `query`, `speakers`, `timeline` (and graph/audit/stats --db) select. Empty fields
// do not filter. Only statements of each document's current revision and current
// extraction are selected.
struct Filters {
    std::string speaker;        // a person's or organisation's name or any alias
    std::string org;            // an organisation: its own statements and its members'
    std::string text;           // full-text words (every word must occur)
    std::string outlet;         // exact outlet name
    std::string since, until;   // YYYY-MM-DD (or any prefix: 2024, 2024-03), inclusive
    std::string kind;           // direct, indirect or mixed
    std::string document;       // one document's id
    int64_t speaker_id = 0;     // a tracker entity by id (0: any)
    int64_t org_id = 0;         // an organisation by id, with its members
    int64_t claim_id = 0;       // one claim's reports
    double min_confidence = 0;
    size_t limit = 0;   // 0: no limit
    size_t offset = 0;  // skip this many first (paging)
    Order order = Order::Date;
    bool newest_first = false;  // with Order::Date: latest first
};

struct Role {
    std::string title;          // "spokesman"
    int64_t organisation_id = 0;  // 0 when the role names no organisation
    std::string organisation;
    bool former = false;
};

// One statement as `query` prints it. Spans are code point offsets into the text of the
// document revision it belongs to, end exclusive; a missing cue or source has start == end.
struct Statement {
    int64_t id = 0;
    int64_t speaker_id = 0;  // 0: unresolved
    std::string speaker;
    std::string speaker_kind;  // person, organisation, group ("" when unresolved)
    std::vector<Role> roles;   // the speaker's roles, over every document
    int64_t recipient_id = 0;
    std::string recipient;
    std::string content, cue, source;
    std::string kind;  // direct, indirect, mixed
    double confidence = 0;
    bool continuation = false;
    std::string rule;
    int64_t claim_id = 0;
    std::string document, title, outlet, date, url;
    std::string day;  // YYYY-MM-DD: the document's date, else the day it was ingested
    int revision = 0;
    uint32_t start = 0, end = 0;
    uint32_t cue_start = 0, cue_end = 0;
    uint32_t source_start = 0, source_end = 0;
    std::string extractor;
};

// A person, organisation or group with what the tracker knows about it.
struct Entity {
    int64_t id = 0;
    std::string kind;  // person, organisation, group
    std::string name;  // canonical: the longest full form seen
    std::vector<std::string> aliases;
    std::vector<Role> roles;             // a person's roles (title and organisation)
    std::vector<Role> members;           // an organisation's people: organisation = the person
    size_t statements = 0;               // current statements made
    std::string first_seen, last_seen;   // days
    std::vector<std::string> outlets;    // outlets quoting it, most frequent first
};

// One line of `speakers`: Entity with counts under the filters given.
using Speaker = Entity;

enum class ChangeType { Added, Removed, Reworded };
const char* change_name(ChangeType type);  // "added", "removed", "reworded"

// A statement that changed between one revision and the one before it.
struct Change {
    ChangeType type = ChangeType::Added;
    std::optional<Statement> before;  // removed, reworded
    std::optional<Statement> after;   // added, reworded
    std::string diff;                 // reworded: words "[-removed-]{+added+}"
};

struct Revision {
    int number = 1;
    std::string ingested_at;  // UTC, ISO 8601
    std::string title, url, date, outlet;
    std::string extractor;
    size_t statements = 0;
    std::vector<Change> changes;  // since the previous revision (empty for the first)
};

struct Document {
    std::string id;
    std::vector<Revision> revisions;  // oldest first; the last is current
};

struct DocumentSummary {
    std::string id, title, outlet, date, url, day;
    std::string ingested_at;  // of its current revision
    int revisions = 0;
    size_t statements = 0;
};

enum class Period { Day, Week, Month };

struct TimelinePoint {
    std::string period;  // 2024-03-05, 2024-W10 (ISO week), 2024-03
    size_t statements = 0;
    size_t documents = 0;
};

// One report of a claim, in date order: who ran it first, who repeated it, under which speaker.
struct ClaimReport {
    Statement statement;
    bool first = false;  // the earliest report (several on the same first day are all first)
};

struct Claim {
    int64_t id = 0;
    std::string content;  // as first reported
    std::string kind;
    std::vector<ClaimReport> reports;
};

struct Counts {
    size_t documents = 0, revisions = 0, statements = 0;
    size_t people = 0, organisations = 0, groups = 0, claims = 0;
};

enum class IngestOutcome { Added, Unchanged, Revised };

struct IngestTotals {
    size_t added = 0, unchanged = 0, revised = 0, failed = 0;
};

// One document's extraction with everything the store derives from it without the
// database (hashes, claim keys, merge keys, code point offsets), computed by prepare() on
// an extraction worker: ingest writes on one thread, so whatever runs there is paid once
// per document with the other cores idle.
struct PreparedDocument {
    struct StatementRow {
        std::string content, cue, source;  // the spans' text (cue: empty for a continuation)
        std::string claim_key;             // graph::claim_key(content); empty: no claim
        int64_t claim_hash = 0;
        uint32_t content_start = 0, content_end = 0;  // code points
        uint32_t cue_start = 0, cue_end = 0;
        uint32_t source_start = 0, source_end = 0;
    };
    struct EntityRow {
        std::vector<graph::MergeKey> keys;       // graph::merge_keys of its name and aliases
        std::vector<std::string> alias_keys;     // name_key of the name, then of each alias
        std::string surname;                     // a person's surname key (--explain)
        std::vector<uint32_t> mentions;          // code point start, end pairs
    };
    pipeline::Result result;
    int64_t text_hash = 0;
    // False for a document the store already held with this text when the ingest began
    // (prepare_unless_known): nothing was extracted, and only text_hash is set.
    bool extracted = true;
    std::string paragraphs, links;  // as stored in revisions
    std::vector<StatementRow> statements;  // one per result.attributions
    std::vector<EntityRow> entities;       // one per result.entities
};

// Thread-safe (it reads no database): the rows of one document's extraction.
PreparedDocument prepare(const ingest::Document& document, pipeline::Result result);

// What a store held when an ingest began: a hash of each document id with the text hash
// of its current revision (Store::known_texts), so that workers skip the extraction of a
// document ingested before with the same text. A false match only costs the writer an
// extraction of its own (Ingester::add); it never skips a change.
class KnownTexts {
public:
    void add(std::string_view id, int64_t text_hash);
    bool contains(const ingest::Document& document, int64_t text_hash) const;
    size_t size() const { return texts_.size(); }

private:
    std::unordered_map<int64_t, int64_t> texts_;  // stable_hash(id): text hash
};

// Thread-safe: the document's rows, or, when `known` holds it with the same text, only its
// text hash (PreparedDocument::extracted false).
PreparedDocument prepare_unless_known(const ingest::Document& document, const KnownTexts& known);

class Store {
public:
    // Opens (ReadWrite: creates or migrates) the database at `path`. Throws Error naming the
    // file when it is not a SQLite database, not a quotegraph one, written by a newer
    // quotegraph, or (ReadOnly) missing.
    static Store open(const std::string& path, Mode mode);

    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    const std::string& path() const;
    int schema_version() const;

    // --- writing (ReadWrite only) ---
    // A transaction around many ingests: nothing of it is visible, or survives a crash,
    // until commit(). Without one, each ingest is its own transaction.
    void begin();
    void commit();
    void rollback();

    // Records one document and what the pipeline found in it: new (Added), known with the
    // same text (Unchanged: nothing written), or known by id or url with other text
    // (Revised: a new revision, with its changes against the previous one).
    IngestOutcome ingest(const ingest::Document& document, const pipeline::Result& result);
    // The same with the rows prepared beforehand (on a worker thread).
    IngestOutcome ingest(const ingest::Document& document, const PreparedDocument& prepared);
    // Whether the document is stored (by id or url) with this text as its current revision.
    bool holds_current(const ingest::Document& document, int64_t text_hash);
    // Every document's id and current text hash (ReadWrite or ReadOnly).
    KnownTexts known_texts() const;

    // Called with every cross-document merge of entities (and namesakes kept apart), for --explain.
    void on_decision(std::function<void(const graph::MergeDecision&)> callback);

    // The current revision of every document whose statements came from another extractor
    // (or all, with `all`), re-extracted on `threads` workers; the old statements are kept as
    // history. Returns the number of documents re-extracted.
    size_t reindex(unsigned threads, bool all);

    // --- reading ---
    std::vector<Statement> statements(const Filters& filters) const;
    size_t count_statements(const Filters& filters) const;
    std::vector<Speaker> speakers(const Filters& filters) const;  // ranked by statements
    std::optional<Entity> entity(int64_t id) const;
    // Entities a name or alias names (exact, case-folded); several for namesakes.
    std::vector<Entity> find_entities(std::string_view name) const;
    std::optional<Document> document(std::string_view id) const;
    // The text of one revision (0: current), so offsets can be shown in context.
    std::optional<std::string> document_text(std::string_view id, int revision = 0) const;
    std::vector<TimelinePoint> timeline(const Filters& filters, Period period) const;
    std::optional<Claim> claim(int64_t id) const;
    Counts counts() const;
    std::vector<DocumentSummary> latest_documents(size_t limit, size_t offset = 0) const;

    // Every current document with a statement matching `filters`, as the pipeline would have
    // given it, in ingestion order, one at a time (graph, stats and audit --db). With only
    // the matching statements (a graph of what was said about X), or with all of the
    // document's statements when `whole_documents` (an audit, which must see every quote).
    void for_each_document(const Filters& filters,
                           const std::function<void(const ingest::Document&, const pipeline::Result&)>& visit,
                           bool whole_documents = false) const;

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Ingest in batches: every `batch_documents` documents (or `batch_bytes` of text) are one
// transaction, so a crash loses at most the batch in flight and a rerun completes it.
class Ingester {
public:
    explicit Ingester(Store& store, size_t batch_documents = 1024, size_t batch_bytes = 16 << 20);
    ~Ingester();  // rolls back an unfinished batch
    Ingester(const Ingester&) = delete;
    Ingester& operator=(const Ingester&) = delete;

    IngestOutcome add(const ingest::Document& document, const pipeline::Result& result);
    IngestOutcome add(const ingest::Document& document, const PreparedDocument& prepared);
    void fail() { ++totals_.failed; }  // a document that could not be read
    void finish();                     // commits the last batch
    const IngestTotals& totals() const { return totals_; }

private:
    Store& store_;
    size_t batch_documents_, batch_bytes_;
    size_t in_batch_ = 0, bytes_in_batch_ = 0;
    bool open_ = false;
    IngestTotals totals_;
};

}  // namespace qg::store
