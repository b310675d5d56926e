// The tracker's store: idempotent ingest, revisions and their changes, merging across
// documents, every query filter, CSV, full-text search, migrations and refusals, a reader
// beside a writer, and an ingest killed with SIGKILL then run again.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "graph/build.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "store/render.h"
#include "store/store.h"

using namespace qg;

namespace {

const std::string kFixtures = QG_SOURCE_DIR "/fixtures/tracker/";

// A fresh database path under the build directory (the file and its WAL removed).
std::string fresh_db(const std::string& name) {
    const std::string dir = QG_BINARY_DIR "/store-test";
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/" + name + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return path;
}

store::IngestTotals ingest_files(store::Store& s, const std::vector<std::string>& paths, size_t batch = 256) {
    store::Ingester ingester(s, batch);
    for (const auto& path : paths) {
        ingest::read_input(
            path, {}, [&](ingest::Document&& d) { ingester.add(d, pipeline::extract(d)); },
            [&](const ingest::Diagnostic& d) {
                if (d.severity == ingest::Severity::Error) ingester.fail();
            });
    }
    ingester.finish();
    return ingester.totals();
}

std::set<std::string> contents(const std::vector<store::Statement>& statements) {
    std::set<std::string> out;
    for (const auto& s : statements) out.insert(s.content);
    return out;
}

std::set<std::string> documents_of(const std::vector<store::Statement>& statements) {
    std::set<std::string> out;
    for (const auto& s : statements) out.insert(s.document);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The tracker with every article fixture and the first revision of the council article.
store::Store fixture_store(const std::string& name) {
    auto s = store::Store::open(fresh_db(name), store::Mode::ReadWrite);
    ingest_files(s, {kFixtures + "articles.jsonl", kFixtures + "council-vote-1.jsonl"});
    return s;
}

}  // namespace

TEST_CASE("ingesting the same files twice changes nothing", "[store]") {
    auto s = store::Store::open(fresh_db("idempotent"), store::Mode::ReadWrite);
    const auto first = ingest_files(s, {kFixtures + "articles.jsonl"});
    CHECK(first.added == 5);
    CHECK(first.unchanged == 0);
    const auto before = s.counts();
    const auto second = ingest_files(s, {kFixtures + "articles.jsonl"});
    CHECK(second.added == 0);
    CHECK(second.unchanged == 5);
    CHECK(second.revised == 0);
    const auto after = s.counts();
    CHECK(after.documents == before.documents);
    CHECK(after.revisions == before.revisions);
    CHECK(after.statements == before.statements);
    CHECK(after.people == before.people);
    CHECK(after.claims == before.claims);
    CHECK(before.statements == 10);
}

TEST_CASE("a document known with the same text is not extracted again, unless it changed in the run", "[store]") {
    auto s = store::Store::open(fresh_db("known-texts"), store::Mode::ReadWrite);
    ingest_files(s, {kFixtures + "council-vote-1.jsonl"});
    const auto before = s.counts();
    const store::KnownTexts known = s.known_texts();
    CHECK(known.size() == 1);

    auto read_one = [](const std::string& path) {
        std::vector<ingest::Document> out;
        ingest::read_input(path, {}, [&](ingest::Document&& d) { out.push_back(std::move(d)); }, {});
        REQUIRE(out.size() == 1);
        return out[0];
    };
    const ingest::Document first = read_one(kFixtures + "council-vote-1.jsonl");
    const ingest::Document second = read_one(kFixtures + "council-vote-2.jsonl");

    // The first text again: the worker extracts nothing, and nothing is written.
    const auto skipped = store::prepare_unless_known(first, known);
    CHECK_FALSE(skipped.extracted);
    CHECK(skipped.statements.empty());
    CHECK(store::prepare_unless_known(second, known).extracted);

    store::Ingester ingester(s);
    CHECK(ingester.add(first, skipped) == store::IngestOutcome::Unchanged);
    // The second text, then the first again, in one run: by then the first text is no longer
    // the current one, so its skipped extraction is made up for by the writer.
    CHECK(ingester.add(second, store::prepare_unless_known(second, known)) == store::IngestOutcome::Revised);
    CHECK(ingester.add(first, store::prepare_unless_known(first, known)) == store::IngestOutcome::Revised);
    ingester.finish();
    const auto after = s.counts();
    CHECK(after.revisions == before.revisions + 2);
    // The current revision has the first text's statements again, not none.
    store::Filters f;
    CHECK(s.statements(f).size() == before.statements);
}

TEST_CASE("a revision records the statements reworded, added and removed", "[store]") {
    auto s = fixture_store("revision");
    const auto totals = ingest_files(s, {kFixtures + "council-vote-2.jsonl"});
    CHECK(totals.revised == 1);
    auto doc = s.document("council-vote");
    REQUIRE(doc);
    REQUIRE(doc->revisions.size() == 2);
    CHECK(doc->revisions[0].changes.empty());
    const auto& changes = doc->revisions[1].changes;
    REQUIRE(changes.size() == 3);
    int reworded = 0, added = 0, removed = 0;
    for (const auto& c : changes) {
        if (c.type == store::ChangeType::Reworded) {
            ++reworded;
            REQUIRE(c.before);
            REQUIRE(c.after);
            CHECK(c.after->speaker == "Lars Holm");
            CHECK(c.before->content.find("2027") != std::string::npos);
            CHECK(c.after->content.find("2028") != std::string::npos);
            CHECK(c.diff.find("[-2027-] {+2028+}") != std::string::npos);
            CHECK(c.diff.find("[-less-] {+more+}") != std::string::npos);
        } else if (c.type == store::ChangeType::Added) {
            ++added;
            REQUIRE(c.after);
            CHECK(c.after->speaker == "Eva Lund");
        } else {
            ++removed;
            REQUIRE(c.before);
            CHECK(c.before->speaker == "Sven Ny");
        }
    }
    CHECK((reworded == 1 && added == 1 && removed == 1));
    // Queries see the current revision only; history keeps the old one.
    store::Filters f;
    f.document = "council-vote";
    const auto now = contents(s.statements(f));
    CHECK(now.count("\"Nobody asked the shop owners,\"") == 1);
    CHECK(now.count("\"We will take this to court,\"") == 0);
    CHECK(s.counts().revisions == 7);
    // The same text once more is no new revision.
    CHECK(ingest_files(s, {kFixtures + "council-vote-2.jsonl"}).unchanged == 1);
}

TEST_CASE("the same person is merged across articles, namesakes are not", "[store]") {
    auto s = fixture_store("merge");
    std::vector<graph::MergeDecision> decisions;
    s.on_decision([&](const graph::MergeDecision& d) { decisions.push_back(d); });

    const auto lindqvist = s.find_entities("Maria Lindqvist");
    REQUIRE(lindqvist.size() == 1);
    CHECK(lindqvist[0].statements == 4);
    std::set<std::string> outlets(lindqvist[0].outlets.begin(), lindqvist[0].outlets.end());
    CHECK(outlets == std::set<std::string>{"Nordic Times", "Baltic Herald"});
    std::set<std::string> titles;
    for (const auto& r : lindqvist[0].roles) titles.insert(r.title);
    CHECK(titles.count("chief economist") == 1);
    CHECK(titles.count("union's leader") == 1);

    // "Mr Berg" names two different men; nothing says they are one.
    const auto bergs = s.find_entities("Mr Berg");
    REQUIRE(bergs.size() == 2);
    std::set<std::string> names{bergs[0].name, bergs[1].name};
    CHECK(names == std::set<std::string>{"Johan Berg", "Erik Berg"});

    // A later article naming Johan Berg in full joins him, and --explain says why.
    ingest::Document d = ingest::make_text_document(
        "Johan Berg, the mayor of Uppsala, said on Sunday that taxes would not rise.", "uppsala-post-0211");
    s.ingest(d, pipeline::extract(d));
    CHECK(s.find_entities("Johan Berg").size() == 1);
    CHECK(s.find_entities("Johan Berg")[0].statements == 3);
    bool explained = false;
    for (const auto& decision : decisions)
        if (decision.merged && decision.name == "Johan Berg" && decision.other_document == "uppsala-post-0210" &&
            decision.reason == "same name")
            explained = true;
    CHECK(explained);
}

TEST_CASE("a middle initial does not split a person across articles; two different initials do", "[store]") {
    auto s = store::Store::open(fresh_db("initials"), store::Mode::ReadWrite);
    std::vector<graph::MergeDecision> decisions;
    s.on_decision([&](const graph::MergeDecision& d) { decisions.push_back(d); });
    const std::string graphs = QG_SOURCE_DIR "/fixtures/graph/";
    ingest_files(s, {graphs + "okafor-initial.txt", graphs + "okafor-plain.txt"}, 1);
    const auto okafor = s.find_entities("Grace Okafor");
    REQUIRE(okafor.size() == 1);
    CHECK(okafor[0].name == "Grace N. Okafor");
    CHECK(okafor[0].statements == 4);
    bool explained = false;
    for (const auto& d : decisions)
        explained |= d.merged && d.name == "Grace Okafor" && d.reason == "both are “Grace Okafor”, one with middle initials";
    CHECK(explained);

    ingest_files(s, {graphs + "halvorsen-t.txt", graphs + "halvorsen-j.txt", graphs + "halvorsen-plain.txt"}, 1);
    CHECK(s.find_entities("Erik T. Halvorsen").size() == 1);
    CHECK(s.find_entities("Erik J. Halvorsen").size() == 1);
    const auto plain = s.find_entities("Erik Halvorsen");
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].name == "Erik Halvorsen");
    CHECK(plain[0].statements == 1);
}

TEST_CASE("every query filter", "[store]") {
    auto s = fixture_store("filters");
    store::Filters f;
    CHECK(s.statements(f).size() == 14);

    SECTION("speaker, by any alias") {
        f.speaker = "Ms Lindqvist";
        CHECK(documents_of(s.statements(f)) == std::set<std::string>{"nordic-times-0304", "baltic-herald-0306"});
        f.speaker = "nobody at all";
        CHECK(s.statements(f).empty());
    }
    SECTION("organisation: its own statements and its people's") {
        f.org = "Volvo";
        const auto found = s.statements(f);
        REQUIRE(found.size() == 2);
        CHECK(found[0].speaker == "Erik Berg");
        f.org = "Nordic Investment Bank";
        CHECK(s.statements(f).size() == 4);  // Maria Lindqvist's, from both articles
    }
    SECTION("full text") {
        f.text = "peaked";
        CHECK(s.statements(f).size() == 2);
    }
    SECTION("outlet") {
        f.outlet = "baltic herald";
        CHECK(documents_of(s.statements(f)) == std::set<std::string>{"baltic-herald-0306"});
    }
    SECTION("since and until, inclusive, by day or month") {
        f.since = "2024-03-04";
        f.until = "2024-03";
        CHECK(documents_of(s.statements(f)) == std::set<std::string>{"nordic-times-0304", "baltic-herald-0306"});
        f.since = "2024-04-01";
        f.until = "2024-04-01";
        CHECK(documents_of(s.statements(f)) == std::set<std::string>{"kyiv-wire-0401"});
    }
    SECTION("kind") {
        f.kind = "mixed";
        const auto found = s.statements(f);
        REQUIRE(found.size() == 1);
        CHECK(found[0].speaker == "Νίκος Παπαδόπουλος");
    }
    SECTION("minimum confidence") {
        f.min_confidence = 0.9;
        for (const auto& st : s.statements(f)) CHECK(st.confidence >= 0.9);
        CHECK(s.statements(f).size() < 14);
        CHECK(!s.statements(f).empty());
    }
    SECTION("limit and order") {
        f.limit = 3;
        auto by_date = s.statements(f);
        REQUIRE(by_date.size() == 3);
        CHECK(by_date[0].day == "2024-02-10");
        f.order = store::Order::Confidence;
        auto by_confidence = s.statements(f);
        REQUIRE(by_confidence.size() == 3);
        CHECK(by_confidence[0].confidence >= by_confidence[1].confidence);
        CHECK(by_confidence[1].confidence >= by_confidence[2].confidence);
        f.order = store::Order::Date;
        f.newest_first = true;
        CHECK(s.statements(f)[0].day == "2024-05-02");
    }
    SECTION("a record carries speaker, roles, document, place and offsets") {
        f.speaker = "Erik Berg";
        f.text = "plant";
        const auto found = s.statements(f);
        REQUIRE(found.size() == 1);
        const auto& st = found[0];
        CHECK(st.roles.size() == 1);
        CHECK(store::role_text(st.roles[0]) == "spokesman, Volvo");
        CHECK(st.cue == "said");
        CHECK(st.kind == "direct");
        CHECK(st.title == "Carmaker denies layoffs");
        CHECK(st.outlet == "Gothenburg Daily");
        CHECK(st.url == "https://gbg.example/volvo");
        CHECK(st.date == "2024-02-12");
        const auto text = s.document_text(st.document);
        REQUIRE(text);
        // Code point offsets into the stored text.
        CHECK(st.start == 77);
        CHECK(st.end == st.start + 23);
    }
}

TEST_CASE("speakers, timelines and a claim's propagation", "[store]") {
    auto s = fixture_store("speakers");
    store::Filters f;
    const auto speakers = s.speakers(f);
    REQUIRE(!speakers.empty());
    CHECK(speakers[0].name == "Maria Lindqvist");
    CHECK(speakers[0].first_seen == "2024-03-04");
    CHECK(speakers[0].last_seen == "2024-03-06");

    f.speaker = "Maria Lindqvist";
    const auto days = s.timeline(f, store::Period::Day);
    REQUIRE(days.size() == 2);
    CHECK(days[0].period == "2024-03-04");
    CHECK(days[0].statements == 2);
    const auto weeks = s.timeline(f, store::Period::Week);
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].period == "2024-W10");
    CHECK(weeks[0].documents == 2);

    f = {};
    f.text = "peaked";
    const auto quote = s.statements(f);
    REQUIRE(quote.size() == 2);
    CHECK(quote[0].claim_id == quote[1].claim_id);
    const auto claim = s.claim(quote[0].claim_id);
    REQUIRE(claim);
    REQUIRE(claim->reports.size() == 2);
    CHECK(claim->reports[0].first);
    CHECK(claim->reports[0].statement.outlet == "Nordic Times");
    CHECK(!claim->reports[1].first);
    CHECK(claim->reports[1].statement.outlet == "Baltic Herald");
}

TEST_CASE("full-text search with punctuation and non-Latin text", "[store]") {
    auto s = fixture_store("fts");
    store::Filters f;
    auto speakers_for = [&](const std::string& words) {
        f.text = words;
        std::set<std::string> out;
        for (const auto& st : s.statements(f)) out.insert(st.speaker);
        return out;
    };
    CHECK(speakers_for("U.S.-made") == std::set<std::string>{"Olga Petrenko"});
    CHECK(speakers_for("it's ours") == std::set<std::string>{"Olga Petrenko"});
    CHECK(speakers_for("здамося") == std::set<std::string>{"Olga Petrenko"});
    CHECK(speakers_for("ΕΛΛΆΔΑ") == std::set<std::string>{"Νίκος Παπαδόπουλος"});  // case and accents folded
    CHECK(speakers_for("\"peaked") == std::set<std::string>{"Maria Lindqvist"});  // FTS syntax is only text
    CHECK(speakers_for("OR AND NOT").empty());
    CHECK(speakers_for("“—”").empty());
    // Names too: a speaker found by one word of a non-Latin name.
    store::Filters by_name;
    by_name.speaker = "Παπαδόπουλος";
    CHECK(s.statements(by_name).size() == 1);
}

TEST_CASE("CSV is RFC 4180 and JSON one array", "[store]") {
    CHECK(store::csv_field("plain") == "plain");
    CHECK(store::csv_field("a, b") == "\"a, b\"");
    CHECK(store::csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
    CHECK(store::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(store::csv_field("Ми не здамося") == "Ми не здамося");

    auto s = fixture_store("csv");
    store::Filters f;
    f.speaker = "Olga Petrenko";
    const auto found = s.statements(f);
    std::ostringstream csv;
    store::write_statements(csv, found, store::Format::Csv);
    const std::string out = csv.str();
    CHECK(out.rfind("statement_id,speaker,speaker_id,roles,content,", 0) == 0);
    CHECK(out.find("\"\"\"Ми не здамося. It's U.S.-made, and it's ours now!\"\"\"") != std::string::npos);
    CHECK(out.find("\r\n") != std::string::npos);
    // Every record has the header's number of fields once quoted fields are read back.
    size_t rows = 0, fields = 1, header_fields = 0;
    bool quoted = false;
    for (size_t i = 0; i < out.size(); ++i) {
        const char c = out[i];
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) ++fields;
        else if (c == '\n' && !quoted) {
            if (rows == 0) header_fields = fields;
            else CHECK(fields == header_fields);
            ++rows;
            fields = 1;
        }
    }
    CHECK(rows == 1 + found.size());

    std::ostringstream json;
    store::write_statements(json, found, store::Format::Json);
    const auto parsed = nlohmann::json::parse(json.str());
    REQUIRE(parsed.is_array());
    REQUIRE(parsed.size() == found.size());
    CHECK(parsed[0]["speaker"] == "Olga Petrenko");
    CHECK(parsed[0]["content"]["start"].is_number());
}

TEST_CASE("a version 1 database is migrated, a newer one refused", "[store]") {
    SECTION("migration from the committed version 1 fixture") {
        const std::string path = fresh_db("v1");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, read_file(kFixtures + "schema-v1.sql").c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        // A mention row as versions 1 and 2 stored them: version 3 keeps a revision's in one row.
        REQUIRE(sqlite3_exec(db, "INSERT INTO mentions (revision, entity, start, end) VALUES (1, 1, 42, 51)", nullptr,
                             nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);

        CHECK_THROWS_WITH(store::Store::open(path, store::Mode::ReadOnly), Catch::Contains("older"));
        auto s = store::Store::open(path, store::Mode::ReadWrite);
        CHECK(s.schema_version() == store::kSchemaVersion);
        store::Filters f;
        f.text = "harbour";  // full-text search, new in version 2, indexes the old rows
        const auto found = s.statements(f);
        REQUIRE(found.size() == 1);
        CHECK(found[0].speaker == "Nils Dahl");
        CHECK(found[0].outlet == "Harbour Gazette");
        f = {};
        f.speaker = "Dahl";
        CHECK(s.statements(f).size() == 1);
        std::vector<attribution::ByteSpan> mentions;
        s.for_each_document({}, [&](const ingest::Document&, const pipeline::Result& r) {
            for (const auto& e : r.entities) mentions.insert(mentions.end(), e.mentions.begin(), e.mentions.end());
        });
        REQUIRE(mentions.size() == 1);
        CHECK(mentions[0].begin == 42);
        CHECK(mentions[0].end == 51);
        // And it takes new documents.
        ingest_files(s, {kFixtures + "articles.jsonl"});
        CHECK(s.counts().documents == 6);
    }
    SECTION("a newer schema version is refused and left untouched") {
        const std::string path = fresh_db("newer");
        {
            auto s = store::Store::open(path, store::Mode::ReadWrite);
        }
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
        sqlite3_close(db);
        const std::string before = read_file(path);
        CHECK_THROWS_WITH(store::Store::open(path, store::Mode::ReadWrite),
                          Catch::Contains("newer quotegraph") && Catch::Contains("schema version 99") &&
                              Catch::Contains(path));
        CHECK(read_file(path) == before);
    }
    SECTION("a file that is not a database, and a database that is not a tracker") {
        const std::string junk = fresh_db("junk");
        std::ofstream(junk) << "these are not the bytes of a SQLite database, not at all, no; padding padding padding";
        CHECK_THROWS_WITH(store::Store::open(junk, store::Mode::ReadWrite),
                          Catch::Contains(junk) && Catch::Contains("not a SQLite database"));
        const std::string other = fresh_db("other");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
        CHECK_THROWS_WITH(store::Store::open(other, store::Mode::ReadWrite), Catch::Contains("not a quotegraph tracker"));
        CHECK_THROWS_WITH(store::Store::open(fresh_db("missing"), store::Mode::ReadOnly), Catch::Contains("missing.db"));
    }
}

TEST_CASE("the schema's CHECKs hold for every writer", "[store]") {
    const std::string path = fresh_db("checks");
    {
        auto s = store::Store::open(path, store::Mode::ReadWrite);
        ingest_files(s, {kFixtures + "articles.jsonl"});
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    auto result = [&](const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); };
    CHECK(result("INSERT INTO statements (revision, position, kind, content, content_start, content_end, confidence, "
                 "rule, extractor) VALUES (1, 99, 'direct', 'x', 0, 1, 0.5, 'inverted', 'test')") == SQLITE_OK);
    CHECK(result("INSERT INTO statements (revision, position, kind, content, content_start, content_end, confidence, "
                 "rule, extractor) VALUES (1, 99, 'quoted', 'x', 0, 1, 0.5, 'inverted', 'test')") == SQLITE_CONSTRAINT);
    CHECK(result("INSERT INTO entities (kind, name, first_revision) VALUES ('planet', 'Mars', 1)") == SQLITE_CONSTRAINT);
    CHECK(result("INSERT INTO changes (revision, type) VALUES (1, 'moved')") == SQLITE_CONSTRAINT);
    sqlite3_close(db);
}

TEST_CASE("a reader queries while an ingest writes", "[store]") {
    const std::string path = fresh_db("wal");
    auto writer = store::Store::open(path, store::Mode::ReadWrite);
    ingest_files(writer, {kFixtures + "council-vote-1.jsonl"});
    auto reader = store::Store::open(path, store::Mode::ReadOnly);
    CHECK(reader.counts().documents == 1);

    writer.begin();
    ingest::read_input(kFixtures + "articles.jsonl", {}, [&](ingest::Document&& d) { writer.ingest(d, pipeline::extract(d)); },
                       {});
    // The batch in flight is invisible, and the reader is not blocked by it.
    const auto started = std::chrono::steady_clock::now();
    CHECK(reader.counts().documents == 1);
    store::Filters f;
    f.speaker = "Karin Ek";
    CHECK(reader.statements(f).size() == 1);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    writer.commit();
    CHECK(reader.counts().documents == 6);

    // And from another thread while the writer commits batch after batch.
    std::thread query([&] {
        auto other = store::Store::open(path, store::Mode::ReadOnly);
        for (int i = 0; i < 20; ++i) CHECK(other.counts().documents >= 6);
    });
    ingest_files(writer, {kFixtures + "council-vote-2.jsonl"}, 1);
    query.join();
}

TEST_CASE("an ingest killed with SIGKILL and run again ends as a clean run", "[store]") {
    const std::string dir = QG_BINARY_DIR "/store-test";
    std::filesystem::create_directories(dir);
    const std::string corpus = dir + "/killed-corpus.jsonl";
    constexpr int kDocuments = 3000;
    {
        std::ofstream out(corpus);
        for (int i = 0; i < kDocuments; ++i)
            out << "{\"id\": \"doc-" << i << "\", \"outlet\": \"Wire " << i % 7 << "\", \"date\": \"2024-01-"
                << 10 + i % 20 << "\", \"text\": \"Person" << i % 50 << " Smith, a spokesman for Agency" << i % 30
                << ", said that claim number " << i % 400 << " was true. \\\"We stand by it,\\\" Mr Smith said.\"}\n";
    }
    const std::string cli = QG_BINARY_DIR "/quotegraph";
    auto run = [&](const std::string& db) {
        const std::string command = "'" + cli + "' ingest -q -j 2 --db '" + db + "' '" + corpus + "' >/dev/null 2>&1";
        return std::system(command.c_str());
    };

    const std::string clean = fresh_db("clean-run");
    REQUIRE(run(clean) == 0);
    const auto expected = store::Store::open(clean, store::Mode::ReadOnly).counts();
    REQUIRE(expected.documents == kDocuments);

    const std::string killed = fresh_db("killed-run");
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        execl(cli.c_str(), cli.c_str(), "ingest", "-q", "-j", "2", "--batch", "10", "--db", killed.c_str(),
              corpus.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Killed as soon as the first batches are committed.
    size_t seen = 0;
    for (int i = 0; i < 4000 && seen < 20; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        try {
            seen = store::Store::open(killed, store::Mode::ReadOnly).counts().documents;
        } catch (const store::Error&) {  // not created (or not migrated) yet
        }
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    const auto partial = store::Store::open(killed, store::Mode::ReadWrite).counts();
    CHECK(partial.documents >= 20);
    CHECK(partial.documents < kDocuments);
    CHECK(partial.documents % 10 == 0);  // whole batches only

    REQUIRE(run(killed) == 0);
    const auto after = store::Store::open(killed, store::Mode::ReadOnly).counts();
    CHECK(after.documents == expected.documents);
    CHECK(after.revisions == expected.revisions);
    CHECK(after.statements == expected.statements);
    CHECK(after.people == expected.people);
    CHECK(after.organisations == expected.organisations);
    CHECK(after.groups == expected.groups);
    CHECK(after.claims == expected.claims);
}

TEST_CASE("the tracker's documents rebuild the graph the files give", "[store]") {
    auto s = fixture_store("graph");
    graph::Builder from_files, from_store;
    for (const auto& path : {kFixtures + "articles.jsonl", kFixtures + "council-vote-1.jsonl"})
        ingest::read_input(path, {}, [&](ingest::Document&& d) { from_files.add(d, pipeline::extract(d)); }, {});
    s.for_each_document({}, [&](const ingest::Document& d, const pipeline::Result& r) { from_store.add(d, r); });
    const graph::Graph a = from_files.finish(), b = from_store.finish();
    CHECK(boost::num_vertices(a) == boost::num_vertices(b));
    CHECK(boost::num_edges(a) == boost::num_edges(b));
    std::multiset<std::string> names_a, names_b;
    for (auto v : boost::make_iterator_range(boost::vertices(a))) names_a.insert(a[v].name);
    for (auto v : boost::make_iterator_range(boost::vertices(b))) names_b.insert(b[v].name);
    CHECK(names_a == names_b);

    // Re-extraction replaces a revision's mentions rather than adding to them.
    auto mention_count = [&] {
        size_t count = 0;
        s.for_each_document({}, [&](const ingest::Document&, const pipeline::Result& r) {
            for (const auto& e : r.entities) count += e.mentions.size();
        });
        return count;
    };
    const size_t mentions = mention_count();
    CHECK(mentions > 0);
    CHECK(s.reindex(1, true) == 6);
    CHECK(mention_count() == mentions);

    // Filtered: only the matching statements, or their whole documents.
    store::Filters f;
    f.text = "plant";
    size_t documents = 0, attributions = 0;
    s.for_each_document(f, [&](const ingest::Document& d, const pipeline::Result& r) {
        ++documents;
        attributions += r.attributions.size();
        CHECK(d.id == "gothenburg-daily-0212");
    });
    CHECK(documents == 1);
    CHECK(attributions == 1);
    attributions = 0;
    s.for_each_document(f, [&](const ingest::Document&, const pipeline::Result& r) { attributions += r.attributions.size(); },
                        true);
    CHECK(attributions == 2);
}

TEST_CASE("date filters are real calendar dates, and the CLI refuses others", "[store]") {
    for (const char* good : {"2024", "2024-03", "2024-03-31", "2024-02-29", "2000-02-29", "1999-12-01"})
        CHECK(store::valid_date(good));
    for (const char* bad : {"", "24", "2024-1", "2024-13", "2024-00", "2024-13-45", "2024-04-31", "2023-02-29",
                            "1900-02-29", "2024-03-00", "2024-03-1", "2024/03/01", "March", "2024-03-01T00", " 2024"})
        CHECK_FALSE(store::valid_date(bad));

    // A mistyped date used to compare as text and select nothing, silently, with status 0.
    const std::string db = fresh_db("cli-dates");
    { fixture_store("cli-dates"); }
    const std::string cli = "'" QG_BINARY_DIR "/quotegraph' ";
    auto status = [&](const std::string& arguments) {
        const int raw = std::system((cli + arguments + " >/dev/null 2>&1").c_str());
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    };
    CHECK(status("query --db '" + db + "' --since 2024-03") == 0);
    for (const char* command : {"query", "speakers", "timeline --speaker Lindqvist"}) {
        CAPTURE(command);
        CHECK(status(std::string(command) + " --db '" + db + "' --since garbage") != 0);
        CHECK(status(std::string(command) + " --db '" + db + "' --until 2024-13-45") != 0);
    }
    CHECK(status("query --db '" + db + "' --min-confidence 5") != 0);
    CHECK(status("graph --db '" + db + "' --since 2024-02-30") != 0);
    CHECK(status("audit --db '" + db + "' --until 2024-1") != 0);
}

TEST_CASE("graph, stats and audit read $QUOTEGRAPH_DB when given no input", "[store]") {
    const std::string db = fresh_db("environment");
    { fixture_store("environment"); }
    const std::string cli = "'" QG_BINARY_DIR "/quotegraph' ";
    auto output = [&](const std::string& command) {
        std::string out;
        FILE* pipe = popen((command + " 2>&1").c_str(), "r");
        REQUIRE(pipe);
        char buffer[4096];
        while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
        const int raw = pclose(pipe);
        return std::make_pair(WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out);
    };
    const std::string env = "QUOTEGRAPH_DB='" + db + "' ";
    const auto [stats_status, stats] = output(env + cli + "stats");
    CHECK(stats_status == 0);
    CHECK(stats.find("Maria Lindqvist") != std::string::npos);
    CHECK(stats == output(cli + "stats --db '" + db + "'").second);
    const auto [graph_status, graph] = output(env + cli + "graph --format json --outlet 'Kyiv Wire'");
    CHECK(graph_status == 0);
    CHECK(graph.find("Olga Petrenko") != std::string::npos);
    CHECK(graph.find("Maria Lindqvist") == std::string::npos);
    const auto [audit_status, audit] = output(env + cli + "audit");
    CHECK(audit_status == 0);
    CHECK(audit.find("kyiv-wire-0401") != std::string::npos);
    // Without it, naming no input is still a usage error.
    CHECK(output("QUOTEGRAPH_DB= " + cli + "stats").first == 2);
}
