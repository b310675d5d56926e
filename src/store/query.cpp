// Reading the store: statements under filters, speakers, entities, documents with their
// revisions, timelines, claim propagation, counts.
#include <algorithm>
#include <array>
#include <charconv>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <variant>

#include "graph/names.h"
#include "store/detail.h"
#include "text/text.h"

namespace qg::store {

namespace {

using Value = std::variant<int64_t, double, std::string>;

// A WHERE clause under construction with its bound values, in order.
struct Where {
    std::string sql = "s.current = 1";
    std::vector<Value> values;

    void add(const std::string& condition) { sql += " AND " + condition; }
    template <class T>
    void add(const std::string& condition, T value) {
        add(condition);
        values.emplace_back(std::move(value));
    }
};

void bind_all(sql::Statement& s, const std::vector<Value>& values, int first = 1) {
    int index = first;
    for (const auto& v : values) {
        if (const auto* i = std::get_if<int64_t>(&v)) s.bind(index++, *i);
        else if (const auto* d = std::get_if<double>(&v)) s.bind(index++, *d);
        else s.bind(index++, std::string_view(std::get<std::string>(v)));
    }
}

// The user's words as an FTS5 query: each whitespace-separated word a quoted phrase (so
// punctuation and FTS syntax in it are only text, and "U.S." matches "U.S."), all required.
std::string fts_query(std::string_view words) {
    std::string query;
    size_t i = 0;
    while (i < words.size()) {
        while (i < words.size() && (words[i] == ' ' || words[i] == '\t' || words[i] == '\n' || words[i] == '\r')) ++i;
        const size_t start = i;
        while (i < words.size() && !(words[i] == ' ' || words[i] == '\t' || words[i] == '\n' || words[i] == '\r')) ++i;
        if (i == start) continue;
        if (!query.empty()) query += ' ';
        query += '"';
        for (char c : words.substr(start, i - start)) {
            if (c == '"') query += '"';
            query += c;
        }
        query += '"';
    }
    return query;
}

std::string id_list(const std::vector<int64_t>& ids) {
    std::string out = "(";
    for (size_t k = 0; k < ids.size(); ++k) {
        if (k) out += ',';
        out += std::to_string(ids[k]);
    }
    return out + ")";
}

constexpr const char* kStatementColumns =
    "SELECT s.id, coalesce(s.speaker, 0), coalesce(e.name, ''), coalesce(e.kind, ''), coalesce(s.recipient, 0), "
    "coalesce(re.name, ''), s.content, s.cue, s.source, s.kind, s.confidence, s.continuation, s.rule, "
    "coalesce(s.claim, 0), d.key, r.title, r.outlet, r.date, r.url, r.day, r.number, s.content_start, s.content_end, "
    "s.cue_start, s.cue_end, s.source_start, s.source_end, s.extractor "
    "FROM statements s JOIN revisions r ON r.id = s.revision JOIN documents d ON d.id = r.document "
    "LEFT JOIN entities e ON e.id = s.speaker LEFT JOIN entities re ON re.id = s.recipient ";

Statement read_statement(const sql::Statement& s) {
    Statement st;
    st.id = s.integer(0);
    st.speaker_id = s.integer(1);
    st.speaker = s.text(2);
    st.speaker_kind = s.text(3);
    st.recipient_id = s.integer(4);
    st.recipient = s.text(5);
    st.content = s.text(6);
    st.cue = s.text(7);
    st.source = s.text(8);
    st.kind = s.text(9);
    st.confidence = s.real(10);
    st.continuation = s.integer(11) != 0;
    st.rule = s.text(12);
    st.claim_id = s.integer(13);
    st.document = s.text(14);
    st.title = s.text(15);
    st.outlet = s.text(16);
    st.date = s.text(17);
    st.url = s.text(18);
    st.day = s.text(19);
    st.revision = static_cast<int>(s.integer(20));
    st.start = static_cast<uint32_t>(s.integer(21));
    st.end = static_cast<uint32_t>(s.integer(22));
    st.cue_start = static_cast<uint32_t>(s.integer(23));
    st.cue_end = static_cast<uint32_t>(s.integer(24));
    st.source_start = static_cast<uint32_t>(s.integer(25));
    st.source_end = static_cast<uint32_t>(s.integer(26));
    st.extractor = s.text(27);
    return st;
}

// Entities a name names: exactly (any alias, case-folded), else through the names'
// full-text index (every word of the name in one alias).
std::vector<int64_t> named_entities(Store::Impl& store, std::string_view name, const char* kind) {
    std::vector<int64_t> ids;
    auto& exact = store.prepare(
        "SELECT DISTINCT a.entity FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.key = ?1 "
        "AND (?2 = '' OR e.kind = ?2) ORDER BY a.entity");
    exact.bind(1, std::string_view(graph::name_key(name))).bind(2, std::string_view(kind));
    while (exact.step()) ids.push_back(exact.integer(0));
    exact.reset();
    if (!ids.empty()) return ids;
    auto& fuzzy = store.prepare(
        "SELECT DISTINCT a.entity FROM names_fts JOIN aliases a ON a.id = names_fts.rowid "
        "JOIN entities e ON e.id = a.entity WHERE names_fts MATCH ?1 AND (?2 = '' OR e.kind = ?2) ORDER BY a.entity");
    fuzzy.bind(1, std::string_view(fts_query(name))).bind(2, std::string_view(kind));
    while (fuzzy.step()) ids.push_back(fuzzy.integer(0));
    fuzzy.reset();
    return ids;
}

Where where_of(Store::Impl& store, const Filters& f) {
    Where w;
    if (!f.speaker.empty()) w.add("s.speaker IN " + id_list(named_entities(store, f.speaker, "")));
    if (f.speaker_id != 0) w.add("s.speaker = ?", f.speaker_id);
    // One IN over the organisations and their people, so the speaker index serves it (an OR
    // of two made SQLite scan every statement).
    auto organisation = [&](const std::string& ids) {
        w.add("s.speaker IN (SELECT id FROM entities WHERE id IN " + ids +
              " UNION SELECT person FROM roles WHERE organisation IN " + ids + ")");
    };
    if (!f.org.empty()) organisation(id_list(named_entities(store, f.org, "organisation")));
    if (f.org_id != 0) organisation(id_list({f.org_id}));
    if (!f.text.empty())
        w.add("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)", fts_query(f.text));
    if (!f.outlet.empty()) w.add("r.outlet = ? COLLATE NOCASE", f.outlet);
    if (!f.since.empty()) w.add("r.day >= ?", f.since);
    if (!f.until.empty()) w.add("substr(r.day, 1, " + std::to_string(f.until.size()) + ") <= ?", f.until);
    if (!f.kind.empty()) w.add("s.kind = ?", f.kind);
    if (!f.document.empty()) w.add("d.key = ?", f.document);
    if (f.claim_id != 0) w.add("s.claim = ?", f.claim_id);
    if (f.min_confidence > 0) w.add("s.confidence >= ?", f.min_confidence - 1e-9);
    return w;
}

std::string order_and_limit(const Filters& f) {
    std::string sql = f.order == Order::Confidence ? " ORDER BY s.confidence DESC, r.day, s.id"
                      : f.newest_first         ? " ORDER BY r.day DESC, s.revision DESC, s.position"
                                               : " ORDER BY r.day, s.revision, s.position";
    if (f.limit > 0 || f.offset > 0)
        sql += " LIMIT " + (f.limit > 0 ? std::to_string(f.limit) : std::string("-1")) + " OFFSET " +
               std::to_string(f.offset);
    return sql;
}

std::vector<Role> roles_of(Store::Impl& store, int64_t person) {
    auto& s = store.prepare(
        "SELECT ro.title, ro.organisation, coalesce(o.name, ''), ro.former FROM roles ro "
        "LEFT JOIN entities o ON o.id = ro.organisation WHERE ro.person = ? ORDER BY ro.first_revision, ro.title");
    s.bind(1, person);
    std::vector<Role> out;
    while (s.step()) out.push_back({s.text(0), s.integer(1), s.text(2), s.integer(3) != 0});
    s.reset();
    return out;
}

// The other forms an entity is named by, in the order first seen.
std::vector<std::string> aliases_of(Store::Impl& store, int64_t entity, const std::string& name) {
    auto& s = store.prepare("SELECT alias FROM aliases WHERE entity = ? AND alias <> ? ORDER BY id");
    s.bind(1, entity).bind(2, std::string_view(name));
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    s.reset();
    return out;
}

void fill_roles(Store::Impl& store, std::vector<Statement>& statements) {
    std::unordered_map<int64_t, std::vector<Role>> roles;
    for (auto& st : statements) {
        if (st.speaker_id == 0) continue;
        auto it = roles.find(st.speaker_id);
        if (it == roles.end()) it = roles.emplace(st.speaker_id, roles_of(store, st.speaker_id)).first;
        st.roles = it->second;
    }
}

std::vector<Statement> select_statements(Store::Impl& store, const std::string& where_sql,
                                         const std::vector<Value>& values, const std::string& tail) {
    sql::Statement s(store.db, std::string(kStatementColumns) + "WHERE " + where_sql + tail);
    bind_all(s, values);
    std::vector<Statement> out;
    while (s.step()) out.push_back(read_statement(s));
    fill_roles(store, out);
    return out;
}

std::optional<Statement> statement_by_id(Store::Impl& store, int64_t id) {
    if (id == 0) return std::nullopt;
    auto found = select_statements(store, "s.id = ?", {Value(id)}, "");
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

// ISO 8601 week of a YYYY-MM-DD day: "2024-W10".
std::string iso_week(const std::string& day) {
    std::tm tm{};
    tm.tm_year = std::stoi(day.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(day.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(day.substr(8, 2));
    tm.tm_hour = 12;
    timegm(&tm);  // fills tm_wday and tm_yday
    const int weekday = (tm.tm_wday + 6) % 7;  // Monday 0
    // The week's Thursday decides its year.
    std::tm thursday = tm;
    thursday.tm_mday += 3 - weekday;
    timegm(&thursday);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-W%02d", thursday.tm_year + 1900, thursday.tm_yday / 7 + 1);
    return buffer;
}

bool valid_day(const std::string& day) {
    return day.size() == 10 && day[4] == '-' && day[7] == '-' &&
           std::all_of(day.begin(), day.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

std::vector<Statement> Store::statements(const Filters& filters) const {
    const Where w = where_of(*impl_, filters);
    return select_statements(*impl_, w.sql, w.values, order_and_limit(filters));
}

size_t Store::count_statements(const Filters& filters) const {
    const Where w = where_of(*impl_, filters);
    sql::Statement s(impl_->db,
                     "SELECT count(*) FROM statements s JOIN revisions r ON r.id = s.revision JOIN documents d ON "
                     "d.id = r.document WHERE " + w.sql);
    bind_all(s, w.values);
    return s.step() ? static_cast<size_t>(s.integer(0)) : 0;
}

std::vector<Speaker> Store::speakers(const Filters& filters) const {
    const Where w = where_of(*impl_, filters);
    const std::string from =
        " FROM statements s JOIN revisions r ON r.id = s.revision JOIN documents d ON d.id = r.document "
        "JOIN entities e ON e.id = s.speaker WHERE " + w.sql;
    std::string sql = "SELECT e.id, e.kind, e.name, count(*), min(r.day), max(r.day)" + from +
                      " GROUP BY e.id ORDER BY count(*) DESC, e.name, e.id";
    if (filters.limit > 0 || filters.offset > 0)
        sql += " LIMIT " + (filters.limit > 0 ? std::to_string(filters.limit) : std::string("-1")) + " OFFSET " +
               std::to_string(filters.offset);
    std::vector<Speaker> out;
    std::unordered_map<int64_t, size_t> index;
    {
        sql::Statement s(impl_->db, sql);
        bind_all(s, w.values);
        while (s.step()) {
            Speaker sp;
            sp.id = s.integer(0);
            sp.kind = s.text(1);
            sp.name = s.text(2);
            sp.statements = static_cast<size_t>(s.integer(3));
            sp.first_seen = s.text(4);
            sp.last_seen = s.text(5);
            index.emplace(sp.id, out.size());
            out.push_back(std::move(sp));
        }
    }
    if (out.empty()) return out;
    {
        sql::Statement s(impl_->db, "SELECT e.id, r.outlet, count(*)" + from +
                                        " AND r.outlet <> '' GROUP BY e.id, r.outlet ORDER BY e.id, count(*) DESC, r.outlet");
        bind_all(s, w.values);
        while (s.step()) {
            auto it = index.find(s.integer(0));
            if (it != index.end()) out[it->second].outlets.push_back(s.text(1));
        }
    }
    for (auto& sp : out) {
        sp.roles = roles_of(*impl_, sp.id);
        sp.aliases = aliases_of(*impl_, sp.id, sp.name);
    }
    return out;
}

std::optional<Entity> Store::entity(int64_t id) const {
    Filters f;
    f.speaker_id = id;
    auto& kind = impl_->prepare("SELECT kind FROM entities WHERE id = ?");
    kind.bind(1, id);
    if (!kind.step()) {
        kind.reset();
        return std::nullopt;
    }
    kind.reset();
    auto found = speakers(f);
    Entity e;
    if (!found.empty()) {
        e = std::move(found.front());
    } else {
        // Known (as an organisation of a role, a recipient) but never quoted.
        auto& s = impl_->prepare("SELECT id, kind, name FROM entities WHERE id = ?");
        s.bind(1, id);
        s.step();
        e.id = s.integer(0);
        e.kind = s.text(1);
        e.name = s.text(2);
        s.reset();
        e.roles = roles_of(*impl_, id);
        e.aliases = aliases_of(*impl_, id, e.name);
    }
    auto& members = impl_->prepare(
        "SELECT ro.title, ro.person, p.name, ro.former FROM roles ro JOIN entities p ON p.id = ro.person "
        "WHERE ro.organisation = ? ORDER BY p.name, ro.title");
    members.bind(1, id);
    while (members.step()) e.members.push_back({members.text(0), members.integer(1), members.text(2), members.integer(3) != 0});
    members.reset();
    return e;
}

std::vector<Entity> Store::find_entities(std::string_view name) const {
    std::vector<Entity> out;
    for (int64_t id : named_entities(*impl_, name, ""))
        if (auto e = entity(id)) out.push_back(std::move(*e));
    return out;
}

std::optional<Document> Store::document(std::string_view id) const {
    const int64_t document_id = impl_->integer("SELECT id FROM documents WHERE key = ?", id);
    if (document_id == 0) return std::nullopt;
    Document d;
    d.id = std::string(id);
    struct Row {
        int64_t id;
        Revision revision;
    };
    std::vector<Row> rows;
    {
        auto& s = impl_->prepare(
            "SELECT r.id, r.number, r.ingested_at, r.title, r.url, r.date, r.outlet, "
            "(SELECT min(extractor) FROM statements WHERE revision = r.id), "
            "(SELECT count(*) FROM statements WHERE revision = r.id AND (current = 1 OR r.id <> d.current_revision)) "
            "FROM revisions r JOIN documents d ON d.id = r.document WHERE r.document = ? ORDER BY r.number");
        s.bind(1, document_id);
        while (s.step()) {
            Revision r;
            r.number = static_cast<int>(s.integer(1));
            r.ingested_at = s.text(2);
            r.title = s.text(3);
            r.url = s.text(4);
            r.date = s.text(5);
            r.outlet = s.text(6);
            r.extractor = s.text(7);
            r.statements = static_cast<size_t>(s.integer(8));
            rows.push_back({s.integer(0), std::move(r)});
        }
        s.reset();
    }
    for (auto& row : rows) {
        struct ChangeRow {
            ChangeType type;
            int64_t before, after;
            std::string diff;
        };
        std::vector<ChangeRow> changes;
        auto& s = impl_->prepare(
            "SELECT type, coalesce(before, 0), coalesce(after, 0), diff FROM changes WHERE revision = ? ORDER BY id");
        s.bind(1, row.id);
        while (s.step()) {
            const std::string type = s.text(0);
            changes.push_back({type == "removed"    ? ChangeType::Removed
                               : type == "reworded" ? ChangeType::Reworded
                                                    : ChangeType::Added,
                               s.integer(1), s.integer(2), s.text(3)});
        }
        s.reset();
        for (auto& c : changes)
            row.revision.changes.push_back(
                {c.type, statement_by_id(*impl_, c.before), statement_by_id(*impl_, c.after), std::move(c.diff)});
        d.revisions.push_back(std::move(row.revision));
    }
    return d;
}

std::optional<std::string> Store::document_text(std::string_view id, int revision) const {
    auto& s = impl_->prepare(
        "SELECT r.text FROM documents d JOIN revisions r ON r.document = d.id WHERE d.key = ?1 AND "
        "(CASE WHEN ?2 = 0 THEN r.id = d.current_revision ELSE r.number = ?2 END)");
    s.bind(1, id).bind(2, revision);
    std::optional<std::string> text;
    if (s.step()) text = s.text(0);
    s.reset();
    return text;
}

std::vector<TimelinePoint> Store::timeline(const Filters& filters, Period period) const {
    const Where w = where_of(*impl_, filters);
    sql::Statement s(impl_->db,
                     "SELECT r.day, count(*), count(DISTINCT r.document) FROM statements s JOIN revisions r ON "
                     "r.id = s.revision JOIN documents d ON d.id = r.document WHERE " + w.sql +
                         " GROUP BY r.day ORDER BY r.day");
    bind_all(s, w.values);
    std::vector<TimelinePoint> out;
    while (s.step()) {
        const std::string day = s.text(0);
        std::string key = day;
        if (period == Period::Month) key = day.substr(0, 7);
        if (period == Period::Week && valid_day(day)) key = iso_week(day);
        // A document has one day, so documents per week or month add up from the days.
        if (out.empty() || out.back().period != key) out.push_back({key, 0, 0});
        out.back().statements += static_cast<size_t>(s.integer(1));
        out.back().documents += static_cast<size_t>(s.integer(2));
    }
    return out;
}

std::optional<Claim> Store::claim(int64_t id) const {
    auto& s = impl_->prepare("SELECT id, content, kind FROM claims WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) {
        s.reset();
        return std::nullopt;
    }
    Claim c;
    c.id = s.integer(0);
    c.content = s.text(1);
    c.kind = s.text(2);
    s.reset();
    auto reports = select_statements(*impl_, "s.current = 1 AND s.claim = ?", {Value(id)},
                                     " ORDER BY r.day, r.ingested_at, s.id");
    for (auto& st : reports) {
        const bool first = c.reports.empty() || c.reports.front().statement.day == st.day;
        c.reports.push_back({std::move(st), first});
    }
    return c;
}

Counts Store::counts() const {
    Counts c;
    c.documents = static_cast<size_t>(impl_->integer("SELECT count(*) FROM documents"));
    c.revisions = static_cast<size_t>(impl_->integer("SELECT count(*) FROM revisions"));
    c.statements = static_cast<size_t>(impl_->integer("SELECT count(*) FROM statements WHERE current = 1"));
    c.people = static_cast<size_t>(impl_->integer("SELECT count(*) FROM entities WHERE kind = 'person'"));
    c.organisations = static_cast<size_t>(impl_->integer("SELECT count(*) FROM entities WHERE kind = 'organisation'"));
    c.groups = static_cast<size_t>(impl_->integer("SELECT count(*) FROM entities WHERE kind = 'group'"));
    c.claims = static_cast<size_t>(impl_->integer("SELECT count(*) FROM claims"));
    return c;
}

std::vector<DocumentSummary> Store::latest_documents(size_t limit, size_t offset) const {
    auto& s = impl_->prepare(
        "SELECT d.key, r.title, r.outlet, r.date, r.url, r.day, r.ingested_at, r.number, "
        "(SELECT count(*) FROM statements WHERE revision = r.id AND current = 1) "
        "FROM documents d JOIN revisions r ON r.id = d.current_revision ORDER BY r.id DESC LIMIT ? OFFSET ?");
    s.bind(1, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit)).bind(2, offset);
    std::vector<DocumentSummary> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                       static_cast<int>(s.integer(7)), static_cast<size_t>(s.integer(8))});
    s.reset();
    return out;
}

}  // namespace qg::store

namespace qg::store {

namespace {

attribution::Kind parse_kind(std::string_view kind) {
    return kind == "direct" ? attribution::Kind::Direct
           : kind == "mixed" ? attribution::Kind::Mixed
                             : attribution::Kind::Indirect;
}

entities::EntityType parse_entity_type(std::string_view kind) {
    return kind == "organisation" ? entities::EntityType::Organisation
           : kind == "group"      ? entities::EntityType::Group
                                  : entities::EntityType::Person;
}

struct StoredAttribution {
    int64_t id = 0;
    attribution::Kind kind = attribution::Kind::Indirect;
    uint32_t content[2], cue[2], source[2];
    int64_t speaker = 0, recipient = 0, continues = 0;
    bool continuation = false;
    float confidence = 0;
};

// A revision's mentions (code point start, end pairs) by tracker entity, each entity's in
// text order: the mentions column holds "entity start end" triples.
std::unordered_map<int64_t, std::vector<std::array<uint32_t, 2>>> mentions_of(Store::Impl& store, int64_t revision) {
    std::unordered_map<int64_t, std::vector<std::array<uint32_t, 2>>> out;
    auto& s = store.prepare("SELECT spans FROM mentions WHERE revision = ?");
    s.bind(1, revision);
    if (s.step()) {
        const std::string_view spans = s.text_view(0);
        const char* at = spans.data();
        const char* const end = at + spans.size();
        auto next = [&](auto& number) {
            while (at < end && *at == ' ') ++at;
            const auto parsed = std::from_chars(at, end, number);
            at = parsed.ptr;
            return parsed.ec == std::errc();
        };
        int64_t entity = 0;
        std::array<uint32_t, 2> span{};
        while (next(entity) && next(span[0]) && next(span[1])) out[entity].push_back(span);
    }
    s.reset();
    for (auto& [entity, spans] : out) std::sort(spans.begin(), spans.end());
    return out;
}

// One revision back as the pipeline gave it: byte spans into its text, and the tracker
// entities its statements name (with their aliases, roles and mentions in this revision).
void rebuild(Store::Impl& store, int64_t revision, const std::vector<StoredAttribution>& rows,
             const std::function<void(const ingest::Document&, const pipeline::Result&)>& visit) {
    ingest::Document document;
    {
        auto& s = store.prepare(
            "SELECT d.key, r.text, r.title, r.url, r.date, r.outlet FROM revisions r JOIN documents d ON d.id = "
            "r.document WHERE r.id = ?");
        s.bind(1, revision);
        if (!s.step()) return;
        document.id = s.text(0);
        document.text = s.text(1);
        document.title = s.text(2);
        document.url = s.text(3);
        document.date = s.text(4);
        document.outlet = s.text(5);
        s.reset();
    }
    text::OffsetIndex index(document.text);
    auto bytes = [&](const uint32_t span[2]) { return attribution::ByteSpan{index.to_byte(span[0]), index.to_byte(span[1])}; };

    const auto mentions = mentions_of(store, revision);
    pipeline::Result result;
    std::unordered_map<int64_t, int> local;
    std::function<int(int64_t)> entity = [&](int64_t id) -> int {
        if (id == 0) return -1;
        if (auto it = local.find(id); it != local.end()) return it->second;
        const int at = static_cast<int>(result.entities.size());
        local.emplace(id, at);
        result.entities.emplace_back();
        auto& kind = store.prepare("SELECT kind, name FROM entities WHERE id = ?");
        kind.bind(1, id);
        entities::Entity e;
        if (kind.step()) {
            e.type = parse_entity_type(kind.text_view(0));
            e.name = kind.text(1);
        }
        kind.reset();
        e.aliases = aliases_of(store, id, e.name);
        if (auto spans = mentions.find(id); spans != mentions.end())
            for (const auto& span : spans->second) e.mentions.push_back(bytes(span.data()));
        const auto roles = roles_of(store, id);
        result.entities[static_cast<size_t>(at)] = std::move(e);
        for (const auto& r : roles) {
            const int organisation = entity(r.organisation_id);
            result.entities[static_cast<size_t>(at)].roles.push_back({r.title, organisation, r.former});
        }
        return at;
    };
    std::unordered_map<int64_t, int> position;
    for (const auto& row : rows) {
        attribution::Attribution a;
        a.kind = row.kind;
        a.content = bytes(row.content);
        a.cue = bytes(row.cue);
        a.source = bytes(row.source);
        a.continuation = row.continuation;
        if (auto it = position.find(row.continues); it != position.end()) a.continues = it->second;
        a.speaker = entity(row.speaker);
        a.recipient = entity(row.recipient);
        a.confidence = row.confidence;
        position.emplace(row.id, static_cast<int>(result.attributions.size()));
        result.attributions.push_back(a);
    }
    visit(document, result);
}

}  // namespace

void Store::for_each_document(
    const Filters& filters, const std::function<void(const ingest::Document&, const pipeline::Result&)>& visit,
    bool whole_documents) const {
    Where w = where_of(*impl_, filters);
    if (whole_documents)
        w.sql = "s.current = 1 AND s.revision IN (SELECT s.revision FROM statements s JOIN revisions r ON r.id = "
                "s.revision JOIN documents d ON d.id = r.document WHERE " + w.sql + ")";
    sql::Statement s(impl_->db,
                     "SELECT s.revision, s.id, s.kind, s.content_start, s.content_end, s.cue_start, s.cue_end, "
                     "s.source_start, s.source_end, coalesce(s.speaker, 0), coalesce(s.recipient, 0), "
                     "coalesce(s.continues, 0), s.continuation, s.confidence FROM statements s JOIN revisions r ON "
                     "r.id = s.revision JOIN documents d ON d.id = r.document WHERE " + w.sql +
                         " ORDER BY s.revision, s.position");
    bind_all(s, w.values);
    int64_t revision = 0;
    std::vector<StoredAttribution> rows;
    while (s.step()) {
        if (s.integer(0) != revision) {
            if (!rows.empty()) rebuild(*impl_, revision, rows, visit);
            rows.clear();
            revision = s.integer(0);
        }
        StoredAttribution a;
        a.id = s.integer(1);
        a.kind = parse_kind(s.text_view(2));
        for (int k = 0; k < 2; ++k) {
            a.content[k] = static_cast<uint32_t>(s.integer(3 + k));
            a.cue[k] = static_cast<uint32_t>(s.integer(5 + k));
            a.source[k] = static_cast<uint32_t>(s.integer(7 + k));
        }
        a.speaker = s.integer(9);
        a.recipient = s.integer(10);
        a.continues = s.integer(11);
        a.continuation = s.integer(12) != 0;
        a.confidence = static_cast<float>(s.real(13));
        rows.push_back(a);
    }
    if (!rows.empty()) rebuild(*impl_, revision, rows, visit);
}

}  // namespace qg::store
