#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "eval/brat.h"
#include "eval/eval.h"
#include "eval/score.h"
#include "export/formats.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

using namespace qg::eval;

namespace {

const std::string kFixtures = std::string(QG_SOURCE_DIR) + "/fixtures/eval";

std::u32string u32(std::string_view s) {
    std::u32string out;
    size_t bad = 0;
    REQUIRE(decode_utf8(s, out, bad));
    return out;
}

std::vector<std::string> token_texts(std::string_view s) {
    auto text = u32(s);
    std::vector<std::string> out;
    for (const Span& t : tokenize(text)) out.push_back(encode_utf8(text.substr(t.start, t.end - t.start)));
    return out;
}

// Code point span of the nth occurrence of `needle` in `text`.
Span find(const std::u32string& text, std::string_view needle, int nth = 0) {
    auto n = u32(needle);
    size_t pos = text.find(n);
    while (nth-- > 0) pos = text.find(n, pos + 1);
    REQUIRE(pos != std::u32string::npos);
    return {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + n.size())};
}

Attribution att(std::string id, Fragments content, Fragments source = {}, Fragments cue = {}) {
    return {std::move(id), std::move(content), std::move(source), std::move(cue)};
}

std::vector<Diagnostic> run_collect(const Options& o, Report& report) {
    std::vector<Diagnostic> diags;
    report = run(o, [&](const Diagnostic& d) { diags.push_back(d); });
    return diags;
}

bool any_diag(const std::vector<Diagnostic>& diags, bool error, std::string_view file_part, uint64_t line,
              std::string_view message_part) {
    for (const auto& d : diags)
        if (d.error == error && d.file.find(file_part) != std::string::npos && (line == 0 || d.line == line) &&
            d.message.find(message_part) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("brat: spans, discontinuous fragments, E roles in any order", "[eval]") {
    const std::string ann =
        "T1\tSource 0 5\tJones\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tsome text other\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tDiscuss 40 50\tunreferenced\n"
        "T6\tContent 60 70\tno source.\n"
        "T7\tAttribution-no-source 55 59\tsays\n"
        "T8\tCue 55 59\tsays\n"
        "E2\tAttribution-no-source:T7 Cue:T8 Content:T6 \n"
        "E3\tAttribution-no-source:T7 \n"
        "#1\tAnnotatorNotes T6\ta note\n";
    BratDocument doc = parse_brat(ann);
    REQUIRE(doc.problems.empty());
    REQUIRE(doc.attributions.size() == 2);  // E3 names no role: dropped
    const Attribution& a = doc.attributions[0];
    CHECK(a.id == "E1");
    CHECK(a.source == Fragments{{0, 5}});
    CHECK(a.cue == Fragments{{6, 10}});
    CHECK(a.content == Fragments{{11, 20}, {25, 30}});
    const Attribution& b = doc.attributions[1];
    CHECK(b.id == "E2");
    CHECK(b.source.empty());
    CHECK(b.content == Fragments{{60, 70}});
    // Unreferenced T lines are read but not used.
    REQUIRE(doc.spans.size() == 8);
    CHECK_FALSE(doc.spans[4].used);
    CHECK(doc.spans[0].used);
}

TEST_CASE("brat: Content2 merges into the content; covered text over several lines", "[eval]") {
    const std::string ann =
        "T1\tContent 0 4;10 22\tabcd efgh\n"
        "\n"
        "ijklmn\n"
        "T2\tContent 30 33\txyz\n"
        "T3\tSource 40 45\tJones\n"
        "E1\tAttribution:T1 Content:T1 Source:T3 Content2:T2\n";
    BratDocument doc = parse_brat(ann);
    INFO((doc.problems.empty() ? "" : doc.problems[0].message));
    REQUIRE(doc.problems.empty());
    REQUIRE(doc.spans.size() == 3);
    CHECK(doc.spans[0].text == "abcd efgh\n\nijklmn");
    REQUIRE(doc.attributions.size() == 1);
    CHECK(doc.attributions[0].content == Fragments{{0, 4}, {10, 22}, {30, 33}});
}

TEST_CASE("brat: E before its T lines; a covered text too short is only a warning", "[eval]") {
    const std::string ann =
        "E1\tAttribution:T2 Content:T1 Source:T2\n"
        "T1\tContent 0 10\tshort\n"
        "T2\tSource 20 25\tJones\n";
    BratDocument doc = parse_brat(ann);
    REQUIRE(doc.problems.size() == 1);
    CHECK_FALSE(doc.problems[0].error);
    CHECK(doc.problems[0].line == 2);
    CHECK(doc.ok());
    REQUIRE(doc.attributions.size() == 1);
    CHECK(doc.attributions[0].content == Fragments{{0, 10}});
    CHECK(doc.attributions[0].source == Fragments{{20, 25}});
    CHECK(parse_brat("").attributions.empty());
    CHECK(parse_brat("").ok());
}

TEST_CASE("brat: malformed lines are reported with their line", "[eval]") {
    const std::string ann =
        "T1\tSource 0 5\tJones\n"
        "T2\tCue six 10\tsaid\n"
        "this is not brat\n"
        "T3\tContent 20 10\tbackwards\n"
        "E1\tAttribution:T2 Source:T1 Content:T9\n"
        "T4\tContent 30 40\tfine text.\n"
        "E2\tAttribution:T4 Content:T4 Source:T1\n"
        "E3\tAttribution:T4 Content\n";
    BratDocument doc = parse_brat(ann);
    CHECK_FALSE(doc.ok());
    auto has = [&](uint64_t line, std::string_view text) {
        for (const auto& p : doc.problems)
            if (p.line == line && p.error && p.message.find(text) != std::string::npos) return true;
        return false;
    };
    CHECK(has(2, "bad offsets"));
    CHECK(has(3, "not a brat annotation line"));
    CHECK(has(4, "after its end"));
    CHECK(has(5, "T9"));
    CHECK(has(8, "bad argument"));
    // The good attribution is still read.
    REQUIRE(doc.attributions.size() == 1);
    CHECK(doc.attributions[0].id == "E2");
}

TEST_CASE("brat: offsets are checked against the text", "[eval]") {
    auto text = u32("José said “hello.”");
    BratDocument good = parse_brat("T1\tSource 0 4\tJosé\nT2\tContent 10 18\t“hello.”\nE1\tAttribution:T1 Source:T1 Content:T2\n");
    CHECK(check_brat_against_text(good, text).empty());
    // Byte offsets instead of code points: the covered text no longer matches.
    BratDocument bytes = parse_brat("T1\tSource 0 5\tJosé\nE1\tAttribution:T1 Source:T1\n");
    auto p = check_brat_against_text(bytes, text);
    REQUIRE(p.size() == 1);
    CHECK_FALSE(p[0].error);
    BratDocument past = parse_brat("T1\tContent 10 99\tx\nE1\tAttribution:T1 Content:T1\n");
    p = check_brat_against_text(past, text);
    REQUIRE(p.size() == 1);
    CHECK(p[0].error);
    CHECK(p[0].line == 1);
}

TEST_CASE("scoring tokens: word runs and single other characters", "[eval]") {
    CHECK(token_texts("Don't stop—now!") == std::vector<std::string>{"Don", "'", "t", "stop", "—", "now", "!"});
    CHECK(token_texts("  José Núñez_2 paid $3.50 ") ==
          std::vector<std::string>{"José", "Núñez_2", "paid", "$", "3", ".", "50"});
    CHECK(token_texts("“Привет,” 東京\u00a0Ελλάδα") ==
          std::vector<std::string>{"“", "Привет", ",", "”", "東京", "Ελλάδα"});
    CHECK(token_texts("").empty());
    CHECK(token_texts(" \n\t ").empty());
    CHECK(is_word_char(U'é'));
    CHECK(is_word_char(U'_'));
    CHECK_FALSE(is_word_char(U'’'));
    CHECK_FALSE(is_word_char(U'€'));
}

TEST_CASE("quotation marks: apostrophes between letters are not quotes", "[eval]") {
    auto t = u32("don’t 'say' it’s «x» dogs' „y“ l'été");
    auto at = [&](std::string_view needle, int nth = 0) { return is_quote_at(t, find(t, needle, nth).start); };
    CHECK_FALSE(at("’"));      // don’t
    CHECK(at("'"));            // 'say
    CHECK(at("'", 1));         // say'
    CHECK_FALSE(at("’", 1));   // it’s
    CHECK(at("«"));
    CHECK(at("'", 2));         // dogs' followed by a space
    CHECK(at("„"));
    CHECK_FALSE(at("'", 3));   // l'été
}

TEST_CASE("exact content keys trim spaces and punctuation", "[eval]") {
    auto t = u32("“We will win,” he said, “and soon.”\n\n“Next.”");
    Fragments quoted{find(t, "“We will win,”")};
    Fragments bare{find(t, "We will win")};
    CHECK(exact_key(t, quoted) == exact_key(t, bare));
    // Fragments separated only by punctuation and space join up.
    Fragments split{find(t, "“Next"), find(t, ".”", 1)};
    CHECK(exact_key(t, split) == Fragments{find(t, "Next")});
    // A gap holding words keeps fragments apart.
    Fragments two{find(t, "“We will win,”"), find(t, "“and soon.”")};
    CHECK(exact_key(t, two).size() == 2);
    CHECK(exact_key(t, Fragments{find(t, "“")}).empty());
}

TEST_CASE("metrics: perfect prediction scores 1, empty prediction recall 0", "[eval]") {
    auto t = u32("Taxes will fall, the senator said. “We win,” Smith told reporters.");
    std::vector<Attribution> gold = {
        att("E1", {find(t, "Taxes will fall")}, {find(t, "the senator")}, {find(t, "said")}),
        att("E2", {find(t, "“We win,”")}, {find(t, "Smith")}, {find(t, "told")}),
    };
    Scores perfect = score_document(t, gold, gold);
    for (const Counts* c : {&perfect.content, &perfect.source, &perfect.cue, &perfect.exact}) {
        CHECK(c->precision() == 1.0);
        CHECK(c->recall() == 1.0);
        CHECK(c->f1() == 1.0);
    }
    CHECK(perfect.content.gold == 3 + 5);
    CHECK(perfect.all.found == 2);
    CHECK(perfect.all.found_rate() == 1.0);
    CHECK(perfect.all.source_rate() == 1.0);
    CHECK(perfect.quoted.gold == 1);
    CHECK(perfect.quoted.found_rate() == 1.0);
    CHECK(perfect.gold_attributions == 2);
    CHECK(perfect.pred_attributions == 2);

    DocumentErrors errors;
    Scores empty = score_document(t, gold, {}, &errors);
    CHECK(empty.content.recall() == 0.0);
    CHECK(empty.content.precision() == 0.0);  // 0/0 counts as 0
    CHECK(empty.exact.recall() == 0.0);
    CHECK(empty.all.found == 0);
    CHECK(empty.all.gold == 2);
    CHECK(empty.all.with_source == 0);
    CHECK(errors.missed.size() == 2);
    CHECK(errors.false_alarms.empty());
}

TEST_CASE("metrics: found needs half the content covered by one prediction", "[eval]") {
    // Gold content: 5 tokens "a b c d e".
    auto t = u32("X said a b c d e and more.");
    std::vector<Attribution> gold = {att("E1", {find(t, "a b c d e")}, {find(t, "X")}, {find(t, "said")})};

    // 3 of 5 tokens by one prediction: found, and its source is right.
    Scores s = score_document(t, gold, {att("p", {find(t, "c d e and")}, {find(t, "X")})});
    CHECK(s.all.found == 1);
    CHECK(s.all.with_source == 1);
    CHECK(s.all.source_correct == 1);
    // Token level: 3 of 5 gold content tokens, 3 of 4 predicted.
    CHECK(s.content.tp == 3);
    CHECK(s.content.recall() == Approx(0.6));
    CHECK(s.content.precision() == Approx(0.75));
    CHECK(s.exact.tp == 0);

    // 2 + 2 tokens by two predictions: neither covers half on its own.
    DocumentErrors errors;
    s = score_document(t, gold, {att("p1", {find(t, "a b")}), att("p2", {find(t, "d e")})}, &errors);
    CHECK(s.all.found == 0);
    CHECK(s.content.tp == 4);
    REQUIRE(errors.missed.size() == 1);
    CHECK(errors.missed[0].nearby.size() == 2);

    // Found, but with the wrong source.
    errors = {};
    s = score_document(t, gold, {att("p", {find(t, "a b c d e")}, {find(t, "more")})}, &errors);
    CHECK(s.all.found == 1);
    CHECK(s.all.source_correct == 0);
    CHECK(s.all.source_rate() == 0.0);
    CHECK(s.exact.tp == 1);
    REQUIRE(errors.wrong_source.size() == 1);
    CHECK(errors.false_alarms.empty());

    // A prediction elsewhere is a false alarm.
    errors = {};
    s = score_document(t, gold, {att("p", {find(t, "and more")})}, &errors);
    CHECK(errors.false_alarms == std::vector<size_t>{0});
}

TEST_CASE("metrics: one statement, two sources: each gold finds its own prediction", "[eval]") {
    auto t = u32("Smith and Jones said that taxes rise.");
    Fragments content{find(t, "that taxes rise")};
    std::vector<Attribution> gold = {att("E1", content, {find(t, "Smith")}), att("E2", content, {find(t, "Jones")})};
    std::vector<Attribution> pred = {att("p1", content, {find(t, "Smith")}), att("p2", content, {find(t, "Jones")})};
    Scores s = score_document(t, gold, pred);
    CHECK(s.all.found == 2);
    CHECK(s.all.source_correct == 2);
}

TEST_CASE("metrics: the quoted subset holds contents with quotation marks", "[eval]") {
    auto t = u32("He said “yes.” She said it’s fine. They said 'no'.");
    std::vector<Attribution> gold = {
        att("E1", {find(t, "“yes.”")}, {find(t, "He")}),
        att("E2", {find(t, "it’s fine")}, {find(t, "She")}),
        att("E3", {find(t, "'no'")}, {find(t, "They")}),
    };
    Scores s = score_document(t, gold, {att("p", {find(t, "“yes.”")}, {find(t, "She")})});
    CHECK(s.all.gold == 3);
    CHECK(s.quoted.gold == 2);
    CHECK(s.quoted.found == 1);
    CHECK(s.quoted.with_source == 1);
    CHECK(s.quoted.source_correct == 0);
    CHECK(s.all.found_rate() == Approx(1.0 / 3));
}

TEST_CASE("metrics: exact spans compare as sets; micro-averaging adds counts", "[eval]") {
    auto t = u32("A and B said that taxes rise.");
    Fragments content{find(t, "that taxes rise")};
    // Two gold attributions share one content; one prediction of it.
    std::vector<Attribution> gold = {att("E1", content, {find(t, "A")}), att("E2", content, {find(t, "B")})};
    Scores s = score_document(t, gold, {att("p", {find(t, "that taxes rise.")})});
    CHECK(s.exact.gold == 1);
    CHECK(s.exact.tp == 1);
    CHECK(s.exact.precision() == 1.0);
    Scores total;
    total += s;
    total += score_document(t, gold, {});
    CHECK(total.documents == 2);
    CHECK(total.exact.recall() == 0.5);
    CHECK(total.content.recall() == 0.5);
    CHECK(total.all.gold == 4);
}

TEST_CASE("dates in file names and date filtering", "[eval]") {
    CHECK(is_valid_date("2016-08-08"));
    CHECK(is_valid_date("2016-02-29"));
    CHECK_FALSE(is_valid_date("2015-02-29"));
    CHECK_FALSE(is_valid_date("2016-13-01"));
    CHECK_FALSE(is_valid_date("2016-8-8"));
    CHECK(document_date("wash-post_2016-08-08_clinton-says") == "2016-08-08");
    CHECK(document_date("usa-today_2016-01-02_") == "2016-01-02");
    CHECK_FALSE(document_date("notes"));
    CHECK_FALSE(document_date("x_2016-08-08abc"));
    CHECK(document_name("a/b/text/nyt_2016-01-01_x.txt") == "nyt_2016-01-01_x");
    CHECK(document_name("nyt_2016-01-01_x") == "nyt_2016-01-01_x");

    Options o;
    o.gold_dir = kFixtures + "/gold";
    o.pred_path = kFixtures + "/pred-perfect.jsonl";
    Report r;
    o.from = "2016-08-08";
    auto diags = run_collect(o, r);
    CHECK(r.ok());
    CHECK(r.totals.documents == 1);
    CHECK(r.filtered_documents == 1);
    CHECK(r.totals.gold_attributions == 2);
    o.from.clear();
    o.until = "2016-08-07";
    run_collect(o, r);
    CHECK(r.totals.documents == 1);
    CHECK(r.totals.gold_attributions == 4);
    o.from = "2016-08-01";
    o.until = "2016-08-09";
    run_collect(o, r);
    CHECK(r.totals.documents == 2);
    o.from = "2017-01-01";
    o.until.clear();
    diags = run_collect(o, r);
    CHECK_FALSE(r.ok());
    CHECK(any_diag(diags, true, "", 0, "no documents"));
}

TEST_CASE("eval run: perfect JSONL predictions score 1", "[eval]") {
    Options o;
    o.gold_dir = kFixtures + "/gold";
    o.pred_path = kFixtures + "/pred-perfect.jsonl";
    Report r;
    auto diags = run_collect(o, r);
    INFO((diags.empty() ? "" : diags[0].to_string()));
    CHECK(diags.empty());
    CHECK(r.ok());
    const Scores& s = r.totals;
    CHECK(s.documents == 2);
    CHECK(s.gold_attributions == 6);
    CHECK(s.pred_attributions == 6);
    CHECK(s.content.f1() == 1.0);
    CHECK(s.source.f1() == 1.0);
    CHECK(s.cue.f1() == 1.0);
    CHECK(s.exact.f1() == 1.0);
    CHECK(s.all.found_rate() == 1.0);
    CHECK(s.all.source_rate() == 1.0);
    CHECK(s.quoted.gold == 3);
    CHECK(s.quoted.found == 3);

    // The text table ends with the 8 headline lines.
    std::string text = format_text(r);
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() >= 8);
    CHECK(lines[lines.size() - 8].rfind("documents 2 ", 0) == 0);
    CHECK(lines.back().rfind("quoted only", 0) == 0);
    CHECK(lines[lines.size() - 6].find("1.000   1.000   1.000") != std::string::npos);

    auto j = format_json(r);
    CHECK(j["documents"] == 2);
    CHECK(j["tokens"]["content"]["f1"] == 1.0);
    CHECK(j["found_quoted"]["gold"] == 3);
    CHECK_FALSE(j.contains("errors"));
}

TEST_CASE("eval run: JSONL predictions are matched by document name", "[eval]") {
    Options o;
    o.gold_dir = kFixtures + "/gold";
    o.pred_path = kFixtures + "/pred-partial.jsonl";
    o.collect_errors = true;
    Report r;
    auto diags = run_collect(o, r);
    CHECK(r.totals.documents == 2);
    CHECK(r.missing_predictions == 1);
    CHECK(any_diag(diags, false, "pred-partial.jsonl", 0, "no prediction for outlet_2016-08-09_beta"));
    CHECK(any_diag(diags, false, "pred-partial.jsonl", 2, "no gold document outlet_2016-01-01_nowhere"));
    CHECK(any_diag(diags, true, "pred-partial.jsonl", 3, "not valid JSON"));
    CHECK_FALSE(r.ok());  // the broken line
    // alpha is perfect (4 attributions), beta missed (2).
    CHECK(r.totals.all.found == 4);
    CHECK(r.totals.all.gold == 6);
    CHECK(r.totals.content.precision() == 1.0);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].name == "outlet_2016-08-09_beta");
    REQUIRE(r.errors[0].items.size() == 2);
    CHECK(r.errors[0].items[0].kind == ErrorItem::Kind::Missed);
    CHECK(r.errors[0].items[0].content.text == "“The economy is strong,” … “and it will stay strong.”");
    REQUIRE(r.errors[0].items[0].source);
    CHECK(r.errors[0].items[0].source->text == "Jones");
    std::string text = format_text(r);
    CHECK(text.find("missed        E1 [0-63) \"“The economy is strong,”") != std::string::npos);
    auto j = format_json(r);
    CHECK(j["errors"][0]["items"][1]["kind"] == "missed");
}

TEST_CASE("eval run: predictions made in process", "[eval]") {
    Options o;
    o.gold_dir = kFixtures + "/gold";
    Report r;
    // The pipeline (whatever state it is in) runs and is scored.
    auto diags = run_collect(o, r);
    CHECK(r.totals.documents == 2);
    CHECK(r.totals.gold_attributions == 6);

    // A predictor that finds one content in each document, with a bad span besides.
    o.predictor = [](const qg::ingest::Document& doc) {
        nlohmann::json atts = nlohmann::json::array();
        atts.push_back({{"id", "a1"}, {"content", {{"start", 0}, {"end", 25}}}, {"source", nullptr}, {"cue", nullptr}});
        atts.push_back({{"id", "a2"}, {"content", {{"start", 5}, {"end", 100000}}}});
        return nlohmann::json{{"document", {{"id", doc.id}, {"text", doc.text}}}, {"attributions", atts}};
    };
    o.collect_errors = true;
    diags = run_collect(o, r);
    CHECK(any_diag(diags, true, "outlet_2016-08-01_alpha.txt", 0, "ends past the text"));
    CHECK(r.totals.pred_attributions == 4);
    // alpha E1 "Tax cuts will create jobs" is found; beta E1 is not: 0-25 covers 7 of its 15
    // tokens (its second fragment is the other 8).
    CHECK(r.totals.all.found == 1);
    CHECK(r.totals.all.with_source == 1);
    CHECK(r.totals.all.source_correct == 0);
}

TEST_CASE("eval run: bad gold is reported per file and the rest still scored", "[eval]") {
    Options o;
    o.gold_dir = kFixtures + "/broken";
    o.pred_path = kFixtures + "/pred-perfect.jsonl";
    Report r;
    auto diags = run_collect(o, r);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.fatal);
    CHECK(r.failed_documents == 3);
    CHECK(r.totals.documents == 1);
    CHECK(any_diag(diags, true, "outlet_2016-08-04_latin1.txt", 0, "invalid UTF-8 at byte 3"));
    CHECK(r.totals.content.f1() == 1.0);
    CHECK(any_diag(diags, true, "outlet_2016-08-02_bad.ann", 2, "bad offsets"));
    CHECK(any_diag(diags, true, "outlet_2016-08-02_bad.ann", 3, "T9"));
    CHECK(any_diag(diags, true, "outlet_2016-08-03_noann.ann", 0, "missing"));

    o.gold_dir = kFixtures + "/no-attributions";
    diags = run_collect(o, r);
    CHECK(r.fatal);
    CHECK(any_diag(diags, true, "attributions", 0, "missing"));

    o.gold_dir = kFixtures + "/does-not-exist";
    run_collect(o, r);
    CHECK(r.fatal);

    o.gold_dir = kFixtures + "/gold";
    o.pred_path = kFixtures + "/no-such.jsonl";
    diags = run_collect(o, r);
    CHECK(r.fatal);
    CHECK(any_diag(diags, true, "no-such.jsonl", 0, "cannot open"));
}

TEST_CASE("prediction objects: spans as objects or fragment lists, bad spans dropped", "[eval]") {
    auto j = nlohmann::json::parse(R"({"document": {"id": "x/text/a_2016-01-01_b.txt", "text": "hi"},
        "attributions": [
          {"id": "a1", "content": {"start": 1, "end": 4, "text": "abc"}, "source": null, "cue": {"start": 0, "end": 1}},
          {"id": "a2", "content": [{"start": 1, "end": 2}, {"start": 5, "end": 9}], "source": {"start": -1, "end": 2}},
          {"content": {"start": 5, "end": 3}}
        ]})");
    Prediction p;
    std::vector<std::string> problems;
    REQUIRE(parse_prediction(j, p, problems));
    CHECK(document_name(p.id) == "a_2016-01-01_b");
    REQUIRE(p.text);
    REQUIRE(p.attributions.size() == 3);
    CHECK(p.attributions[0].content == Fragments{{1, 4}});
    CHECK(p.attributions[0].source.empty());
    CHECK(p.attributions[0].cue == Fragments{{0, 1}});
    CHECK(p.attributions[1].content == Fragments{{1, 2}, {5, 9}});
    CHECK(p.attributions[1].source.empty());
    CHECK(p.attributions[2].id == "#3");
    CHECK(p.attributions[2].content.empty());
    CHECK(problems.size() == 2);

    problems.clear();
    CHECK_FALSE(parse_prediction(nlohmann::json::parse(R"({"attributions": []})"), p, problems));
    CHECK(problems.size() == 1);
}

TEST_CASE("quotegraph eval: command line", "[eval]") {
    const std::string cli = std::string(QG_BINARY_DIR) + "/quotegraph eval ";
    auto run_cli = [](const std::string& command, std::string& out) {
        out.clear();
        FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
        REQUIRE(pipe);
        char buffer[4096];
        size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
        int status = pclose(pipe);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    std::string out;
    CHECK(run_cli(cli + kFixtures + "/gold --pred " + kFixtures + "/pred-perfect.jsonl --until 2016-08-07", out) == 0);
    CHECK(out.find("documents 1   gold attributions 4   predicted attributions 4") != std::string::npos);
    CHECK(out.find("quoted only     found 1.000 (2/2)   source right 1.000 (2/2)\n") != std::string::npos);
    CHECK(run_cli(cli + kFixtures + "/gold --pred " + kFixtures + "/pred-perfect.jsonl --format json", out) == 0);
    auto j = nlohmann::json::parse(out);
    CHECK(j["gold_attributions"] == 6);
    CHECK(run_cli(cli + kFixtures + "/gold --from 2016-02-30", out) == 2);
    CHECK(run_cli(cli + kFixtures + "/broken --pred " + kFixtures + "/pred-perfect.jsonl", out) == 2);
    CHECK(out.find("documents 1 ") != std::string::npos);  // the good document is still scored
    CHECK(run_cli(cli + kFixtures + "/no-attributions", out) == 2);
}

TEST_CASE("prediction objects: a continuation is scored as part of the attribution it continues", "[eval]") {
    auto j = nlohmann::json::parse(R"({"document": {"id": "a_2016-01-01_b"},
        "attributions": [
          {"id": "a1", "content": {"start": 0, "end": 4}, "source": {"start": 10, "end": 14}, "cue": {"start": 15, "end": 19}},
          {"id": "a2", "content": {"start": 20, "end": 30}, "source": null, "cue": null, "continuation": true, "continues": "a1"},
          {"id": "a3", "content": {"start": 40, "end": 50}, "source": null, "cue": null, "continuation": true}
        ]})");
    Prediction p;
    std::vector<std::string> problems;
    REQUIRE(parse_prediction(j, p, problems));
    REQUIRE(p.attributions.size() == 2);
    CHECK(p.attributions[0].id == "a1");
    CHECK(p.attributions[0].content == Fragments{{0, 4}, {20, 30}});
    CHECK(p.attributions[0].source == Fragments{{10, 14}});
    CHECK(p.attributions[1].id == "a3");
    CHECK(p.attributions[1].source.empty());
}

TEST_CASE("extract's brat output gives a quote and its continuation one discontinuous content", "[eval]") {
    // PolNeAR's own convention, so that a PolNeAR scorer reading quotegraph's .ann counts
    // "“…,” coach Lena Park said. “…”" as one attribution.
    const std::string text =
        "\xE2\x80\x9CWe are ready for the final,\xE2\x80\x9D coach Lena Park said. "
        "\xE2\x80\x9CThe players have trained all winter.\xE2\x80\x9D\n";
    const auto document = qg::ingest::make_text_document(text, "continuation.txt");
    const std::string ann = qg::exporter::to_brat(document, qg::pipeline::extract(document));
    const BratDocument parsed = parse_brat(ann);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.attributions.size() == 1);
    const Attribution& a = parsed.attributions[0];
    REQUIRE(a.content.size() == 2);
    CHECK(a.content[0] == Span{0, 29});
    CHECK(a.content[1] == Span{52, 90});
    CHECK(a.source == Fragments{Span{30, 45}});
    CHECK(ann.find("Content 0 29;52 90\t") != std::string::npos);
}
