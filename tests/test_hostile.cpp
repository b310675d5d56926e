// Hostile inputs (issue 7, docs/robustness.md): each gets a correct result or a clear
// message naming the file and position, the other inputs are still processed, and the exit
// status says something failed. Big inputs are generated here at a size that runs in well
// under a second in a release build; tools/bench runs them at full size.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "fuzz/targets.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"
#include "text/text.h"

using namespace qg;
using ingest::Diagnostic;
using ingest::Document;
using ingest::Severity;

namespace {

namespace fs = std::filesystem;

// A private directory, removed when the test ends.
class Scratch {
public:
    Scratch() {
        static int counter = 0;
        dir_ = fs::temp_directory_path() / ("qg_hostile_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::create_directories(dir_);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    std::string write(const std::string& name, std::string_view bytes) const {
        const std::string path = (dir_ / name).string();
        std::ofstream out(path, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return path;
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    // Names in the directory, to check that nothing half-written was left.
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir_)) names.push_back(entry.path().filename().string());
        return names;
    }

private:
    fs::path dir_;
};

struct Read {
    std::vector<Document> documents;
    std::vector<Diagnostic> diagnostics;
    bool ok = false;
    const Diagnostic* find(Severity severity) const {
        for (const auto& d : diagnostics)
            if (d.severity == severity) return &d;
        return nullptr;
    }
};

Read read(const std::string& path, bool lenient = false) {
    Read r;
    ingest::Options options;
    options.lenient = lenient;
    r.ok = ingest::read_input(
        path, options, [&](Document&& d) { r.documents.push_back(std::move(d)); },
        [&](const Diagnostic& d) { r.diagnostics.push_back(d); });
    return r;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// `unit` repeated to `bytes` bytes (whole units only).
std::string repeat(std::string_view unit, size_t bytes) {
    std::string out;
    out.reserve(bytes);
    while (out.size() + unit.size() <= bytes) out += unit;
    return out;
}

std::string span_text(const std::string& text, attribution::ByteSpan span) {
    return text.substr(span.begin, span.end - span.begin);
}

constexpr const char* kQuotegraph = QG_BINARY_DIR "/quotegraph";

// Runs quotegraph with `args`, standard output and error to files; returns its wait status.
struct Run {
    int status = 0;
    std::string out, err;
    int exit_code() const { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }
};

pid_t spawn(const std::vector<std::string>& args, const std::string& out_path, const std::string& err_path) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kQuotegraph));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::execv(kQuotegraph, argv.data());
        ::_exit(127);
    }
    return pid;
}

Run run(const Scratch& scratch, const std::vector<std::string>& args) {
    const std::string out = scratch.path("stdout.log"), err = scratch.path("stderr.log");
    Run r;
    const pid_t pid = spawn(args, out, err);
    REQUIRE(pid > 0);
    REQUIRE(::waitpid(pid, &r.status, 0) == pid);
    r.out = slurp(out);
    r.err = slurp(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

size_t count_lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("hostile: an empty file is an empty document with a warning; the batch goes on", "[hostile]") {
    const Scratch scratch;
    const std::string empty = scratch.write("empty.txt", "");
    const std::string good = scratch.write("good.txt", "“It held,” Farhad Shami said.\n");
    const std::string out = scratch.path("out.jsonl");
    const Run r = run(scratch, {"extract", "--format", "jsonl", empty, good, "-o", out});
    CHECK(r.exit_code() == 0);
    CHECK(r.err == empty + ": warning: empty input\n");
    const std::string written = slurp(out);
    CHECK(count_lines(written) == 2);
    CHECK(written.find("Farhad Shami") != std::string::npos);
}

TEST_CASE("hostile: a binary file (a PNG) is refused by name, the other inputs are processed, exit 2", "[hostile]") {
    const Scratch scratch;
    const std::string png = QG_SOURCE_DIR "/fixtures/hostile/pixel.png";
    const std::string good = scratch.write("good.txt", "“It held,” Farhad Shami said.\n");
    const std::string out = scratch.path("out.jsonl");
    const Run r = run(scratch, {"extract", "--format", "jsonl", png, good, "-o", out});
    CHECK(r.exit_code() == 2);
    CHECK(r.err == png + ": error: looks like a binary file (PNG image)\n");
    CHECK(count_lines(slurp(out)) == 1);

    // Renamed to .txt it is still refused: content decides, not the name.
    const std::string disguised = scratch.write("pixel.txt", slurp(png));
    const Read read_back = read(disguised);
    CHECK_FALSE(read_back.ok);
    CHECK(read_back.documents.empty());
}

TEST_CASE("hostile: invalid UTF-8 in the middle of a quote", "[hostile]") {
    const Scratch scratch;
    const std::string text = "Officials said \xE2\x80\x9Cthe pl\xFF" "an works\xE2\x80\x9D on Monday.\n";
    const std::string path = scratch.write("bad.txt", text);
    // Strict: an error naming the file and the byte.
    const Read strict = read(path);
    CHECK_FALSE(strict.ok);
    CHECK(strict.documents.empty());
    REQUIRE(strict.diagnostics.size() == 1);
    CHECK(strict.diagnostics[0].to_string() == path + ": byte 24: error: invalid UTF-8: byte 0xFF never appears in UTF-8");

    // Lenient: U+FFFD in its place, and the quotation is still found and attributed.
    const Read lenient = read(path, true);
    CHECK(lenient.ok);
    REQUIRE(lenient.documents.size() == 1);
    const Document& d = lenient.documents[0];
    CHECK(d.text == "Officials said \xE2\x80\x9Cthe pl\uFFFD" "an works\xE2\x80\x9D on Monday.\n");
    const auto result = pipeline::extract(d);
    REQUIRE(result.attributions.size() == 1);
    CHECK(span_text(d.text, result.attributions[0].content).starts_with("\xE2\x80\x9Cthe pl\uFFFD" "an works\xE2\x80\x9D"));
    CHECK(span_text(d.text, result.attributions[0].source) == "Officials");
}

TEST_CASE("hostile: a Windows-1252 file's smart quotes (0x93/0x94) are detected and decoded, with a warning", "[hostile]") {
    const std::string path = QG_SOURCE_DIR "/fixtures/hostile/windows-1252.txt";
    const Read r = read(path);
    CHECK(r.ok);
    REQUIRE(r.documents.size() == 1);
    const Document& d = r.documents[0];
    CHECK(d.text == "The caf\u00E9 owner said \u201Cwe will reopen next week\u201D \u2013 despite the damage\u2026\r\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].file == path);
    CHECK(r.diagnostics[0].byte_offset == 7);  // the first byte that is not UTF-8: é
    CHECK(r.diagnostics[0].to_string().find("decoded as Windows-1252") != std::string::npos);
    const auto result = pipeline::extract(d);
    REQUIRE_FALSE(result.attributions.empty());
    CHECK(span_text(d.text, result.attributions[0].content).starts_with("\u201Cwe will reopen next week\u201D"));

    const Scratch scratch;
    // A mostly UTF-8 file with one such byte is broken UTF-8, not Windows-1252.
    const Read mostly_utf8 = read(scratch.write("mixed.txt", "\u201CSo,\u201D he said \u2014 \x93 \u2014 no.\n"));
    CHECK_FALSE(mostly_utf8.ok);
    REQUIRE(mostly_utf8.diagnostics.size() == 1);
    CHECK(mostly_utf8.diagnostics[0].message.find("invalid UTF-8") != std::string::npos);
    // Latin-1 letters alone (no 0x80-0x9F punctuation) say nothing about the encoding.
    CHECK_FALSE(read(scratch.write("latin1.txt", "caf\xE9 au lait\n")).ok);
    // Bytes Windows-1252 leaves undefined (0x81) rule it out.
    CHECK_FALSE(read(scratch.write("undefined.txt", "\x93quoted\x94 \x81\n")).ok);
}

TEST_CASE("hostile: NUL bytes are kept in text with a warning, dropped from HTML, and binary when many", "[hostile]") {
    const Scratch scratch;
    const std::string text("Officials said \xE2\x80\x9Cit\0 works\xE2\x80\x9D.\n", 30);
    const Read r = read(scratch.write("nul.txt", text));
    CHECK(r.ok);
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].text == text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].to_string() == scratch.path("nul.txt") + ": byte 20: warning: 1 NUL byte in the text, kept as U+0000");
    const auto result = pipeline::extract(r.documents[0]);
    REQUIRE(result.attributions.size() == 1);

    const Read html = read(scratch.write("nul.html", std::string("<p>a\0b</p>", 10)));
    CHECK(html.ok);
    REQUIRE(html.documents.size() == 1);
    CHECK(html.documents[0].text == "ab");
    REQUIRE(html.diagnostics.size() == 1);
    CHECK(html.diagnostics[0].message == "1 NUL byte in the HTML, dropped as browsers do");

    // Past the first 4 KB the sniffing sees: a file that is one NUL in 64 bytes is binary.
    std::string late = repeat("Plain text line.\n", 8192);
    late += std::string(4096, '\0');
    const Read binary = read(scratch.write("late.txt", late));
    CHECK_FALSE(binary.ok);
    REQUIRE(binary.diagnostics.size() == 1);
    CHECK(binary.diagnostics[0].message.find("looks like a binary file (4096 NUL bytes") == 0);
}

TEST_CASE("hostile: a BOM is stripped and offsets stay right", "[hostile]") {
    const Scratch scratch;
    const std::string body = "\u201CIt held,\u201D Farhad Shami said.\n";
    const Read r = read(scratch.write("bom.txt", "\xEF\xBB\xBF" + body));
    CHECK(r.ok);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].text == body);
    const auto result = pipeline::extract(r.documents[0]);
    REQUIRE(result.attributions.size() == 1);
    CHECK(result.attributions[0].content.begin == 0);
    CHECK(span_text(body, result.attributions[0].source) == "Farhad Shami");
}

TEST_CASE("hostile: CRLF line ends split paragraphs like LF", "[hostile]") {
    const Scratch scratch;
    const std::string body = "\u201CIt held,\u201D Farhad Shami said.\r\n\r\nThe SDF said the prison was secure.\r\n";
    const Read r = read(scratch.write("crlf.txt", body));
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].text == body);
    const auto analysis = text::analyze(body);
    CHECK(analysis.paragraphs.size() == 2);
    const auto result = pipeline::extract(r.documents[0]);
    REQUIRE(result.attributions.size() == 2);
    CHECK(span_text(body, result.attributions[1].content) == "the prison was secure");
}

TEST_CASE("hostile: a long single line (100 MB in tools/bench) is read and extracted in linear time", "[hostile]") {
    const Scratch scratch;
    const std::string sentence = "\u201CThe attack failed,\u201D SDF spokesman Farhad Shami told The National. ";
    const size_t copies = (2u << 20) / sentence.size();
    const std::string line = repeat(sentence, copies * sentence.size());
    const Read r = read(scratch.write("line.txt", line));
    CHECK(r.ok);
    REQUIRE(r.documents.size() == 1);
    const auto result = pipeline::extract(r.documents[0]);
    CHECK(result.attributions.size() == copies);
    CHECK(result.entities.size() < 10);  // the same people, found once
}

TEST_CASE("hostile: nothing but quotation marks (10 MB in tools/bench)", "[hostile]") {
    for (std::string_view unit : {"\"", "\"\u201C\u201D\u2018\u2019'\u00AB\u00BB\u201E", "\u201Ca \u2018b ' c\u2019 \u201D \" \u2018d \u201Ce \u2019 "}) {
        const std::string marks = repeat(unit, 1u << 20);
        const Document d = ingest::make_text_document(marks, "marks");
        const auto result = pipeline::extract(d);
        text::Analysis analysis = text::analyze(marks);
        quotes::QuoteAnalysis q;
        quotes::find_quotes(marks, analysis, q);
        CHECK_FALSE(q.quotes.empty());
        for (const auto& quote : q.quotes) CHECK((quote.begin < quote.end && quote.end <= marks.size()));
        for (const auto& a : result.attributions) CHECK(a.content.end <= marks.size());
    }
}

TEST_CASE("hostile: a sentence that never ends (10 MB in tools/bench) gives output in proportion", "[hostile]") {
    for (std::string_view unit : {"he said ", "the minister said officials told Reuters the plan would work and ",
                                  "the minister said that officials told Reuters the plan would work, adding that "}) {
        const std::string sentence = repeat(unit, 1u << 20);
        const Document d = ingest::make_text_document(sentence, "sentence");
        const auto result = pipeline::extract(d);
        CHECK_FALSE(result.attributions.empty());
        // Contents are clauses, not the rest of a megabyte: each is bounded, so the output
        // stays linear (the rest of the text for every cue would be 10^5 times this).
        size_t content_bytes = 0, longest = 0;
        for (const auto& a : result.attributions) {
            content_bytes += a.content.end - a.content.begin;
            longest = std::max<size_t>(longest, a.content.end - a.content.begin);
        }
        CHECK(longest < 4096);
        CHECK(content_bytes < 200 * sentence.size());
    }
}

TEST_CASE("hostile: 10,000 nested HTML elements", "[hostile]") {
    const std::string inner = "\u201CDeep,\u201D he said.";
    for (const auto& [open, close] : {std::pair<std::string, std::string>{"<div>", "</div>"},
                                      std::pair<std::string, std::string>{"<span><b><i>", ""},
                                      std::pair<std::string, std::string>{"<table><tr><td>", ""}}) {
        std::string html;
        for (int i = 0; i < 10000; ++i) html += open;
        html += inner;
        for (int i = 0; i < 10000; ++i) html += close;
        const Document d = ingest::parse_html(html, "nested.html");
        CHECK(d.text == inner);
        CHECK(d.source_offsets.size() == text::OffsetIndex(d.text).char_count() + 1);
        const auto result = pipeline::extract(d);
        REQUIRE(result.attributions.size() == 1);
        CHECK(span_text(d.text, result.attributions[0].content) == "\u201CDeep,\u201D");
    }
}

TEST_CASE("hostile: nesting far deeper than any page (100,000 levels) is cut, not parsed in quadratic time", "[hostile]") {
    const std::string inner = "\u201CDeep,\u201D he said.";
    std::string html;
    for (int i = 0; i < 100000; ++i) html += i % 2 ? "<div class=\"a>b\">" : "<span>";
    const size_t text_at = html.size();
    html += inner + "<script>x = '<div>';</script>";
    for (int i = 0; i < 100000; ++i) html += i % 2 ? "</div>" : "</span>";
    html += "<p>After.</p>";
    const Document d = ingest::parse_html(html, "deep.html");
    CHECK(d.text == inner + "\n\nAfter.");
    // Offsets still index the original bytes, past the tags left out.
    REQUIRE_FALSE(d.source_offsets.empty());
    CHECK(d.source_offsets[0] == text_at);
    CHECK(html.substr(d.source_offsets[d.source_offsets.size() - 2], 1) == ".");
    CHECK(html.substr(d.source_offsets[d.source_offsets.size() - 7], 6) == "After.");
}

TEST_CASE("hostile: a quote left open at the end of the file runs to the end", "[hostile]") {
    const std::string text = "The minister said: \u201Cthis will never end";
    const Document d = ingest::make_text_document(text, "open.txt");
    const auto analysis = text::analyze(text);
    quotes::QuoteAnalysis q;
    quotes::find_quotes(text, analysis, q);
    REQUIRE(q.quotes.size() == 1);
    CHECK_FALSE(q.quotes[0].closed);
    CHECK(q.quotes[0].end == text.size());
    const auto result = pipeline::extract(d);
    REQUIRE(result.attributions.size() == 1);
    CHECK(span_text(text, result.attributions[0].content) == "\u201Cthis will never end");
    // The lone mark as the very last character.
    const std::string last_mark = "He said \u201C";
    CHECK_NOTHROW(pipeline::extract(ingest::make_text_document(last_mark, "mark.txt")));
}

TEST_CASE("hostile: a JSONL record with a 50 MB string", "[hostile]") {
    const Scratch scratch;
    const std::string body = repeat("Officials said the talks would resume. ", 50u << 20);
    const std::string path = scratch.write("big.jsonl", "{\"id\": \"big\", \"text\": \"" + body + "\"}\n{\"id\": \"small\", \"text\": \"x\"}\n");
    Read r = read(path);
    CHECK(r.ok);
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[0].text == body);
    CHECK(r.documents[1].id == "small");
    // The pipeline on such a record, at a size a unit test affords (full size: tools/bench).
    r.documents[0].text.resize(2u << 20);
    const auto result = pipeline::extract(r.documents[0]);
    CHECK(result.attributions.size() > 40000);
}

TEST_CASE("hostile: one broken JSONL line among good ones: the others are written to -o, exit 2", "[hostile]") {
    const Scratch scratch;
    const std::string corpus = scratch.write("corpus.jsonl",
                                             "{\"id\": \"a\", \"text\": \"\u201CIt held,\u201D Farhad Shami said.\"}\n"
                                             "{\"id\": \"b\", \"text\": \"broken\n"
                                             "{\"id\": \"c\", \"text\": \"The SDF said the prison was secure.\"}\n");
    const std::string out = scratch.path("out.jsonl");
    const Run r = run(scratch, {"extract", "--format", "jsonl", corpus, "-o", out});
    CHECK(r.exit_code() == 2);
    CHECK(r.err.rfind(corpus + ":2: byte ", 0) == 0);
    CHECK(r.err.find("error: malformed JSON") != std::string::npos);
    const std::string written = slurp(out);
    CHECK(count_lines(written) == 2);
    CHECK(written.find("\"id\":\"a\"") != std::string::npos);
    CHECK(written.find("\"id\":\"c\"") != std::string::npos);
    // Nothing else was left in the directory: no temporary file.
    auto names = scratch.entries();
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"corpus.jsonl", "out.jsonl"});
}

TEST_CASE("atomic output: -o appears complete or not at all", "[hostile]") {
    const Scratch scratch;
    const std::string good = scratch.write("good.txt", "\u201CIt held,\u201D Farhad Shami said.\n");
    // An unwritable destination fails before any work, naming the file.
    const std::string nowhere = scratch.path("missing/out.json");
    const Run failed = run(scratch, {"extract", good, "-o", nowhere});
    CHECK(failed.exit_code() == 2);
    CHECK(failed.err.find(nowhere + ": cannot write: No such file or directory") != std::string::npos);
    // graph -o goes through the same path.
    const std::string dot = scratch.path("graph.dot");
    const Run graph = run(scratch, {"graph", good, "-o", dot});
    CHECK(graph.exit_code() == 0);
    CHECK(slurp(dot).rfind("digraph", 0) == 0);
    // A file that was there is replaced only by a complete one.
    const std::string out = scratch.write("out.json", "old");
    const Run replaced = run(scratch, {"extract", good, "-o", out});
    CHECK(replaced.exit_code() == 0);
    CHECK(slurp(out).find("Farhad Shami") != std::string::npos);
    auto names = scratch.entries();
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"good.txt", "graph.dot", "out.json"});
}

TEST_CASE("atomic output: an interrupted run (SIGINT) leaves no half-written file", "[hostile]") {
    const Scratch scratch;
    const std::string big = scratch.write(
        "big.txt", repeat("\u201CThe attack failed,\u201D SDF spokesman Farhad Shami told The National. ", 1u << 20));
    // The same big file many times over: the run lasts far longer than the test waits.
    std::vector<std::string> args = {"extract", "--format", "jsonl", "-o", scratch.path("out.jsonl")};
    for (int i = 0; i < 200; ++i) args.push_back(big);
    const pid_t pid = spawn(args, scratch.path("stdout.log"), scratch.path("stderr.log"));
    REQUIRE(pid > 0);
    const std::string temp = scratch.path("out.jsonl.tmp." + std::to_string(pid));
    // Wait until the temporary file holds some output, then interrupt.
    struct stat info {};
    for (int i = 0; i < 600 && !(::stat(temp.c_str(), &info) == 0 && info.st_size > 0); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(info.st_size > 0);
    REQUIRE(::kill(pid, SIGINT) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGINT);
    CHECK_FALSE(fs::exists(scratch.path("out.jsonl")));
    CHECK_FALSE(fs::exists(temp));
}

TEST_CASE("fuzz: the seed corpora and every crasher found replay clean", "[hostile][fuzz]") {
    using Target = void (*)(const uint8_t*, size_t);
    const std::vector<std::pair<std::string, Target>> targets = {
        {"utf8", fuzz::run_utf8},     {"html", fuzz::run_html},       {"jsonl", fuzz::run_jsonl},
        {"quotes", fuzz::run_quotes}, {"extract", fuzz::run_extract}, {"dot", fuzz::run_dot}};
    size_t replayed = 0;
    for (const auto& [name, target] : targets) {
        for (const char* kind : {"corpus", "regressions"}) {
            const fs::path dir = fs::path(QG_SOURCE_DIR) / "tests/fuzz" / kind / name;
            if (!fs::is_directory(dir)) continue;
            for (const auto& entry : fs::directory_iterator(dir)) {
                const std::string bytes = slurp(entry.path().string());
                INFO(name << ": " << entry.path().string());
                CHECK_NOTHROW(target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
                ++replayed;
            }
        }
    }
    CHECK(replayed >= 18);
}
