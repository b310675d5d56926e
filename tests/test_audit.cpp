// `quotegraph audit`: one hand-written fixture per finding type (fixtures/audit/), the seed,
// cross-document conflicts and variants, quotes against transcripts, the CLI's exit codes
// and report formats.
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "ingest/ingest.h"

namespace {

using qg::audit::Check;
using qg::audit::Finding;
using qg::audit::Report;
using qg::audit::Severity;

std::string fixture(const std::string& name) { return std::string(QG_SOURCE_DIR "/fixtures/audit/") + name; }

void read(const std::string& path, const std::function<void(qg::ingest::Document&&)>& sink) {
    bool ok = qg::ingest::read_input(path, {}, sink, [](const qg::ingest::Diagnostic& d) { FAIL(d.to_string()); });
    REQUIRE(ok);
}

Report audit(const std::vector<std::string>& paths, const std::vector<std::string>& sources = {},
             qg::audit::Options options = {}) {
    qg::audit::Auditor auditor(options);
    for (const auto& s : sources) read(s, [&](qg::ingest::Document&& d) { auditor.add_source(d); });
    for (const auto& p : paths) read(p, [&](qg::ingest::Document&& d) { auditor.add(d); });
    return auditor.finish();
}

std::vector<const Finding*> findings(const Report& report, Check check) {
    std::vector<const Finding*> out;
    for (const auto& d : report.documents)
        for (const auto& f : d.findings)
            if (f.check == check) out.push_back(&f);
    for (const auto& f : report.cross_document)
        if (f.check == check) out.push_back(&f);
    return out;
}

size_t total(const Report& report) {
    size_t n = report.cross_document.size();
    for (const auto& d : report.documents) n += d.findings.size();
    return n;
}

struct Run {
    int status;
    std::string out;
};

Run cli(const std::string& arguments) {
    const std::string command = std::string("cd '") + QG_SOURCE_DIR + "' && '" + QG_BINARY_DIR + "/quotegraph' audit " +
                                arguments + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    Run run;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
    int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

bool has_diff(const Finding& f, qg::audit::DiffPiece::Op op, const std::string& text) {
    for (const auto& piece : f.diff)
        if (piece.op == op && piece.text == text) return true;
    return false;
}

}  // namespace

TEST_CASE("each finding within an article is detected on its fixture", "[audit]") {
    struct Expected {
        const char* fixture;
        Check check;
        Severity severity;
        const char* text;  // the finding's place text must contain this
        uint32_t line;
    };
    const Expected cases[] = {
        {"unclosed-quote.txt", Check::UnclosedQuote, Severity::Error, "“We will not pay a penny more", 3},
        {"unbalanced-mark.txt", Check::UnbalancedMark, Severity::Error, "\"", 1},
        {"mismatched-marks.txt", Check::MismatchedMarks, Severity::Error, "«We will not back down,”", 1},
        {"wrong-way-marks.txt", Check::WrongWayMark, Severity::Warning, "”The bridge will reopen", 1},
        {"wrong-way-marks.txt", Check::WrongWayMark, Severity::Warning, "it‘s", 1},
        {"mixed-marks.txt", Check::MixedMarks, Severity::Warning, "“The tunnel is safe for every driver,\"", 1},
        {"unattributed.txt", Check::Unattributed, Severity::Warning, "“Nobody here wants another year", 3},
        {"ambiguous.txt", Check::Ambiguous, Severity::Warning, "“We agreed on nothing at all,”", 1},
        {"vague-sources.txt", Check::VagueSource, Severity::Info, "a source", 3},
        {"alterations.txt", Check::Alteration, Severity::Info, "[to protect]", 1},
    };
    for (const auto& e : cases) {
        INFO(e.fixture << ": " << qg::audit::check_name(e.check) << " at " << e.text);
        const Report report = audit({fixture(e.fixture)});
        const Finding* match = nullptr;
        for (const Finding* f : findings(report, e.check))
            if (f->where.text.find(e.text) != std::string::npos) match = f;
        REQUIRE(match != nullptr);
        CHECK(match->severity == e.severity);
        CHECK(match->where.line == e.line);
        CHECK(match->where.document == fixture(e.fixture));
        CHECK_FALSE(match->message.empty());
    }
}

TEST_CASE("a clean article has no findings at all", "[audit]") {
    const Report report = audit({fixture("clean.txt")});
    CHECK(total(report) == 0);
    REQUIRE(report.documents.size() == 1);
    CHECK(report.documents[0].quotes == 1);
    CHECK(report.documents[0].attributed == 1);
}

TEST_CASE("a quotation over several paragraphs is not an unclosed quote", "[audit]") {
    const Report report = audit({std::string(QG_SOURCE_DIR) + "/fixtures/constructions/quote-across-paragraphs.txt"});
    CHECK(findings(report, Check::UnclosedQuote).empty());
    CHECK(findings(report, Check::Unattributed).empty());
}

TEST_CASE("quotation mark findings point at the mark in code points", "[audit]") {
    const Report report = audit({fixture("wrong-way-marks.txt")});
    const auto wrong = findings(report, Check::WrongWayMark);
    REQUIRE(wrong.size() == 2);
    CHECK(wrong[0]->where.start == 0);
    CHECK(wrong[0]->where.end == 1);  // ” is one code point (three bytes)
    CHECK(wrong[0]->where.column == 1);
    // "it‘s" starts after 73 code points; its column counts code points, not bytes.
    CHECK(wrong[1]->where.start == wrong[1]->where.column - 1);
    CHECK(wrong[1]->where.end - wrong[1]->where.start == 4);
    CHECK(findings(report, Check::UnclosedQuote).empty());
    CHECK(findings(report, Check::MismatchedMarks).empty());
}

TEST_CASE("an ambiguous attribution names its candidates", "[audit]") {
    const Report report = audit({fixture("ambiguous.txt")});
    const auto ambiguous = findings(report, Check::Ambiguous);
    REQUIRE(ambiguous.size() == 1);
    const auto& candidates = ambiguous[0]->candidates;
    CHECK(std::find(candidates.begin(), candidates.end(), "Tom Berg") != candidates.end());
    CHECK(std::find(candidates.begin(), candidates.end(), "Paul Adams") != candidates.end());

    // Confidence below --min-confidence makes an otherwise clear attribution ambiguous.
    qg::audit::Options strict;
    strict.min_confidence = 0.99;
    const Report low = audit({fixture("clean.txt")}, {}, strict);
    const auto flagged = findings(low, Check::Ambiguous);
    REQUIRE(flagged.size() == 1);
    CHECK(flagged[0]->message.find("confidence") != std::string::npos);
    CHECK(flagged[0]->candidates == std::vector<std::string>{"Maria Lindqvist"});
}

TEST_CASE("vague and anonymous sources are flagged and counted", "[audit]") {
    const Report report = audit({fixture("vague-sources.txt")});
    std::vector<std::string> texts;
    for (const Finding* f : findings(report, Check::VagueSource)) texts.push_back(f->where.text);
    for (const char* expected : {"Officials", "a source", "Experts", "People familiar with the matter", "declined to be named"}) {
        INFO(expected);
        CHECK(std::find(texts.begin(), texts.end(), expected) != texts.end());
    }
    CHECK(report.documents[0].vague_sources == texts.size());
    // A named person is never a vague source, whatever the title.
    CHECK(findings(audit({fixture("clean.txt")}), Check::VagueSource).empty());
}

TEST_CASE("editorial alterations inside quotes are listed", "[audit]") {
    const Report report = audit({fixture("alterations.txt")});
    std::vector<std::string> texts;
    for (const Finding* f : findings(report, Check::Alteration)) texts.push_back(f->where.text);
    CHECK(texts == std::vector<std::string>{"[to protect]", "…", "[sic]"});
    for (const Finding* f : findings(report, Check::Alteration)) CHECK(f->where.speaker == "Sara Quinn");
}

TEST_CASE("one quote attributed to two people across documents is a conflict", "[audit]") {
    const Report report = audit({fixture("conflict-corpus.jsonl")});
    const auto conflicts = findings(report, Check::Conflict);
    REQUIRE(conflicts.size() == 1);
    const Finding& c = *conflicts[0];
    CHECK(c.severity == Severity::Error);
    REQUIRE(c.occurrences.size() == 3);
    std::vector<std::string> listed;
    for (const auto& o : c.occurrences) listed.push_back(o.document + "=" + o.speaker);
    CHECK(listed == std::vector<std::string>{"herald-1=Sara Quinn", "courier-2=Jonas Meyer", "gazette-3=Sara Quinn"});
    CHECK(findings(report, Check::Variant).empty());
}

TEST_CASE("one speaker's quote worded differently across documents is a variant", "[audit]") {
    const Report report = audit({fixture("variant-corpus.jsonl")});
    const auto variants = findings(report, Check::Variant);
    REQUIRE(variants.size() == 1);
    const Finding& v = *variants[0];
    CHECK(v.severity == Severity::Warning);
    CHECK(v.similarity > 0.5);
    CHECK(v.similarity < 1.0);
    REQUIRE(v.occurrences.size() == 2);
    CHECK(v.occurrences[0].speaker == "Tom Berg");
    CHECK(v.occurrences[1].document == "post-2");
    CHECK(has_diff(v, qg::audit::DiffPiece::Op::Delete, "improves"));
    CHECK(has_diff(v, qg::audit::DiffPiece::Op::Insert, "gets better"));
    CHECK(findings(report, Check::Conflict).empty());
}

TEST_CASE("near-duplicate detection finds every variant among many quotes", "[audit]") {
    // 300 speakers, each with one quote in one document and a one-word variant of it in
    // another, among unrelated quotes: LSH must bring every pair together.
    qg::audit::Auditor auditor;
    const char* words[] = {"harbour", "budget", "tram", "school", "bridge", "clinic", "tunnel", "market", "river", "station"};
    const char* syllables[] = {"ka", "lo", "ven", "mir", "sa", "tor", "bel", "dun", "ri", "gas"};
    for (int i = 0; i < 300; ++i) {
        std::string name = std::string(syllables[i % 10]) + syllables[(i / 10) % 10] + syllables[(i / 100) % 10] + "son";
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        std::string quote = "The " + std::string(words[i % 10]) + " plan number " + std::to_string(i) +
                            " will cost the city far more than " + words[(i / 10) % 10] + " officials admit";
        std::string variant = quote;
        variant.replace(variant.find("far more"), 8, "much more");
        auditor.add(qg::ingest::make_text_document("“" + quote + ",” Anna " + name + " said.", "a" + std::to_string(i)));
        auditor.add(qg::ingest::make_text_document("“" + variant + ",” Anna " + name + " said.", "b" + std::to_string(i)));
    }
    const Report report = auditor.finish();
    CHECK(findings(report, Check::Variant).size() == 300);
    CHECK(findings(report, Check::Conflict).empty());
}

TEST_CASE("quotes against a transcript: verbatim, altered, not found, misattributed", "[audit]") {
    for (const char* transcript : {"transcript-speakers.txt", "transcript.html", "transcripts.jsonl"}) {
        INFO(transcript);
        const Report report = audit({fixture("against-article.txt")}, {fixture(transcript)});
        const auto verbatim = findings(report, Check::Verbatim);
        const auto altered = findings(report, Check::Altered);
        const auto missing = findings(report, Check::NotFound);
        const auto misattributed = findings(report, Check::Misattribution);
        REQUIRE(verbatim.size() == 2);
        CHECK(verbatim[0]->where.text.find("Prices will fall") != std::string::npos);
        CHECK(verbatim[0]->similarity == 1.0);
        REQUIRE(altered.size() == 1);
        CHECK(altered[0]->where.text.find("the whole country") != std::string::npos);
        REQUIRE(altered[0]->occurrences.size() == 1);
        CHECK(altered[0]->occurrences[0].text == "We have built enough storage for most of the country");
        CHECK(altered[0]->occurrences[0].speaker == "MARK DALE");
        CHECK(has_diff(*altered[0], qg::audit::DiffPiece::Op::Insert, "whole"));
        CHECK(has_diff(*altered[0], qg::audit::DiffPiece::Op::Delete, "most of"));
        REQUIRE(missing.size() == 1);
        CHECK(missing[0]->where.text.find("Our opponents") != std::string::npos);
        REQUIRE(misattributed.size() == 1);
        CHECK(misattributed[0]->where.text.find("The grid is ready") != std::string::npos);
        CHECK(misattributed[0]->where.speaker == "Mark Dale");
        CHECK(misattributed[0]->occurrences[0].speaker == "ANNA KOWALSKI");
    }
    // A transcript that does not mark speakers cannot show a misattribution.
    const Report plain = audit({fixture("against-article.txt")}, {fixture("transcript-plain.txt")});
    CHECK(findings(plain, Check::Misattribution).empty());
    CHECK(findings(plain, Check::Verbatim).size() == 2);
    CHECK(findings(plain, Check::Altered).size() == 1);
    CHECK(findings(plain, Check::NotFound).size() == 1);
}

TEST_CASE("the seed: every quote attributed, wrong-way marks are style warnings", "[audit]") {
    const Report report = audit({std::string(QG_SOURCE_DIR) + "/fixtures/the-national-2022-hassakeh.html"});
    REQUIRE(report.documents.size() == 1);
    CHECK(report.documents[0].quotes > 5);
    CHECK(report.documents[0].attributed == report.documents[0].quotes);
    CHECK(findings(report, Check::Unattributed).empty());
    const auto wrong = findings(report, Check::WrongWayMark);
    CHECK(wrong.size() >= 3);
    bool had_there_been = false;
    for (const Finding* f : wrong) {
        CHECK(f->severity == Severity::Warning);
        if (f->where.text.find("”Had there been") == 0) had_there_been = true;
    }
    CHECK(had_there_been);
    CHECK(report.count(Severity::Error) == 0);
    CHECK_FALSE(report.fails(Severity::Error));

    CHECK(cli("fixtures/the-national-2022-hassakeh.html").status == 0);
}

TEST_CASE("audit exit codes: 0 clean, 1 findings at --fail-on, 2 bad input", "[audit]") {
    CHECK(cli("fixtures/audit/clean.txt --fail-on info").status == 0);
    CHECK(cli("fixtures/audit/unclosed-quote.txt").status == 1);
    CHECK(cli("fixtures/audit/unattributed.txt").status == 0);  // a warning, under the default --fail-on error
    CHECK(cli("fixtures/audit/unattributed.txt --fail-on warning").status == 1);
    CHECK(cli("fixtures/audit/alterations.txt --fail-on warning").status == 0);
    CHECK(cli("fixtures/audit/alterations.txt --fail-on info").status == 1);
    CHECK(cli("fixtures/audit/conflict-corpus.jsonl").status == 1);
    CHECK(cli("fixtures/audit/against-article.txt --against fixtures/audit/transcript-speakers.txt").status == 1);
    CHECK(cli("fixtures/audit/clean.txt --fail-on never").status == 2);
    CHECK(cli("--format json").status == 2);
    CHECK(cli("fixtures/audit/clean.txt --against fixtures/audit/no-such-transcript.txt").status == 2);
    // A missing input is an input error, and the other inputs are still audited.
    const Run missing = cli("fixtures/audit/no-such-article.txt fixtures/audit/clean.txt");
    CHECK(missing.status == 2);
    CHECK(missing.out.find("clean.txt: 1 quotation, 1 attributed") != std::string::npos);
}

TEST_CASE("audit reports in every format", "[audit]") {
    const std::string inputs = "fixtures/audit/variant-corpus.jsonl fixtures/audit/conflict-corpus.jsonl fixtures/audit/alterations.txt";
    const Run text = cli(inputs);
    CHECK(text.out.find("conflict-corpus") == std::string::npos);  // documents are named by their JSONL ids
    CHECK(text.out.find("herald-1:1:1: error: conflict:") != std::string::npos);
    CHECK(text.out.find("diff: The strike [-goes-] {+will go+}") != std::string::npos);

    const Run json = cli(inputs + " --format json");
    CHECK(json.status == 1);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j["documents"].size() == 6);
    CHECK(j["summary"]["error"] == 1);
    bool variant = false;
    for (const auto& f : j["cross_document"])
        if (f["check"] == "variant") {
            variant = true;
            CHECK(f["occurrences"].size() == 2);
            CHECK(f["diff"].is_array());
            CHECK(f["similarity"].get<double>() > 0.5);
        }
    CHECK(variant);
    for (const auto& d : j["documents"])
        for (const auto& f : d["findings"]) {
            CHECK(f["start"].get<int>() <= f["end"].get<int>());
            CHECK(f["line"].get<int>() >= 1);
        }

    const Run md = cli(inputs + " --format md");
    CHECK(md.out.rfind("# Quote audit", 0) == 0);
    CHECK(md.out.find("<del>goes</del>") != std::string::npos);
    CHECK(md.out.find("<ins>will go</ins>") != std::string::npos);

    const Run html = cli(inputs + " --format html");
    CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.out.find("<del>goes</del>") != std::string::npos);
    CHECK(html.out.find("<style>") != std::string::npos);
    // Self-contained: nothing fetched from elsewhere.
    for (const char* external : {"src=\"http", "href=\"http", "src='http", "href='http", "@import", "url(http"})
        CHECK(html.out.find(external) == std::string::npos);
}
