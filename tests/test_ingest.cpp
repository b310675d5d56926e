#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include "fuzz/targets.h"
#include "ingest/ingest.h"
#include "ingest/json_record.h"

using namespace qg::ingest;

namespace {

// A file in a private temp directory, removed when the test ends.
class TempFile {
public:
    TempFile(const std::string& name, std::string_view bytes) {
        static int counter = 0;
        dir_ = std::filesystem::temp_directory_path() /
               ("qg_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / name).string();
        std::ofstream out(path_, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::filesystem::path dir_;
    std::string path_;
};

struct Collected {
    std::vector<Document> documents;
    std::vector<Diagnostic> diagnostics;
    bool ok = false;

    size_t count(Severity severity) const {
        size_t n = 0;
        for (const auto& d : diagnostics) n += d.severity == severity;
        return n;
    }
};

Collected read(const std::string& path, Options options = {}) {
    Collected c;
    c.ok = read_input(
        path, options, [&](Document&& d) { c.documents.push_back(std::move(d)); },
        [&](const Diagnostic& d) { c.diagnostics.push_back(d); });
    return c;
}

size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Byte offset of every code point of `text`, plus text.size() at the end.
std::vector<size_t> code_point_bytes(const std::string& text) {
    std::vector<size_t> bytes;
    for (size_t i = 0; i < text.size(); i += utf8_length(static_cast<unsigned char>(text[i])))
        bytes.push_back(i);
    bytes.push_back(text.size());
    return bytes;
}

// The source offset of the code point that starts at byte `byte` of the document's text.
uint32_t source_offset_at_byte(const Document& d, size_t byte) {
    const auto bytes = code_point_bytes(d.text);
    const size_t index = std::find(bytes.begin(), bytes.end(), byte) - bytes.begin();
    REQUIRE(index < d.source_offsets.size());
    return d.source_offsets[index];
}

std::string span_text(const Document& d, CharSpan span) {
    const auto bytes = code_point_bytes(d.text);
    REQUIRE(span.end < bytes.size());
    return d.text.substr(bytes[span.start], bytes[span.end] - bytes[span.start]);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Checks source_offsets against the HTML it came from: every visible character points at
// its own bytes in the source, or at the '&' of the character reference that produced it;
// every synthesized break points at a tag; offsets never decrease.
void check_offsets(const Document& d, std::string_view html) {
    const auto bytes = code_point_bytes(d.text);
    REQUIRE(d.source_offsets.size() == bytes.size());
    for (size_t i = 0; i + 1 < bytes.size(); ++i) {
        const std::string ch = d.text.substr(bytes[i], bytes[i + 1] - bytes[i]);
        const uint32_t offset = d.source_offsets[i];
        INFO("code point " << i << " '" << ch << "' -> byte " << offset);
        REQUIRE(offset < html.size());
        if (i > 0) CHECK(offset >= d.source_offsets[i - 1]);
        if (ch == "\n") {
            CHECK(html[offset] == '<');
        } else if (ch != " ") {
            CHECK((html.substr(offset, ch.size()) == ch || html[offset] == '&'));
        }
    }
}

}  // namespace

TEST_CASE("the seed article is ingested as clean text with its links", "[ingest]") {
    const std::string path = QG_SOURCE_DIR "/fixtures/the-national-2022-hassakeh.html";
    const Collected c = read(path);
    REQUIRE(c.ok);
    REQUIRE(c.diagnostics.empty());
    REQUIRE(c.documents.size() == 1);
    const Document& d = c.documents[0];
    CHECK(d.id == path);
    CHECK(d.format == SourceFormat::Html);
    CHECK(d.text.find('<') == std::string::npos);
    CHECK(d.text.find('&') == std::string::npos);
    CHECK(d.text.find("  ") == std::string::npos);
    CHECK(d.text.rfind("The US-backed Kurdish-led Syrian Democratic Forces (SDF) said", 0) == 0);
    CHECK(d.text.find("Speaking to The National, SDF spokesman") != std::string::npos);
    CHECK(d.text.find("told The National US forces") != std::string::npos);
    CHECK(d.text.find("Sina\u2019a") != std::string::npos);
    CHECK(d.text.find("will probably remain in Syria") != std::string::npos);
    CHECK(d.paragraphs.size() == 1);

    // The file holds seven <a href> anchors (counted with grep -o '<a '), all in content.
    REQUIRE(d.links.size() == 7);
    const Link& sdf = d.links[0];
    CHECK(span_text(d, sdf.anchor) == "Syrian Democratic Forces");
    CHECK(sdf.href.ends_with("/tags/sdf/"));
    const std::vector<std::string> anchors = {
        "Syrian Democratic Forces", "a deadly raid", "ISIS", "final death toll", "Ghwayran",
        "Global Coalition to Defeat ISIS", "remain in Syria"};
    for (size_t i = 0; i < anchors.size(); ++i) CHECK(span_text(d, d.links[i].anchor) == anchors[i]);
    CHECK(d.links[5].href.ends_with("?query=Global%20Coalition%20Against%20Daesh"));

    check_offsets(d, read_file(path));
}

TEST_CASE("HTML character references are decoded and mapped to their source", "[ingest]") {
    const std::string html =
        "<p>Tom &amp; Jerry&#8217;s &rsquo;line&rsquo; a&nbsp;b &lt;tag&gt; &#x201C;q&#x201D; "
        "AT&T &unknown; &copy2022 &notit; x&NotEqualTilde;y &#38; &amp</p>";
    const Document d = parse_html(html, "entities");
    CHECK(d.text ==
          "Tom & Jerry\u2019s \u2019line\u2019 a b <tag> \u201Cq\u201D AT&T &unknown; \u00A92022 \u00ACit; "
          "x\u2242\u0338y & &");
    check_offsets(d, html);

    // The apostrophe in "Jerry’s" comes from "&#8217;": its offset is that '&'.
    CHECK(html.compare(source_offset_at_byte(d, d.text.find("\u2019s")), 7, "&#8217;") == 0);
}

TEST_CASE("HTML numeric references past U+10FFFF are U+FFFD, however many digits", "[ingest]") {
    // gumbo's own accumulator wraps: 4294967361 = 2^32 + 65 came out as "A", and
    // "&#86666666666666666" as a stray byte (found by fuzz_html).
    const std::string html =
        "<p>a&#4294967361;b &#86666666666666666 c&#x7FFFFFFFFFFFFFFFF;d &#1114111; &#x10FFFF; "
        "&#00000000000065; &#x0000000041;</p>";
    const Document d = parse_html(html, "references");
    CHECK(d.text == "a\uFFFDb \uFFFD c\uFFFDd \U0010FFFF \U0010FFFF A A");
    check_offsets(d, html);
    CHECK(html.compare(source_offset_at_byte(d, d.text.find("\uFFFD c")), 19, "&#86666666666666666") == 0);
}

TEST_CASE("HTML whitespace is folded and inline elements are joined as written", "[ingest]") {
    CHECK(parse_html("<p>  a \n\t b  </p>", "t").text == "a b");
    CHECK(parse_html("<p>a&nbsp;&nbsp; b\u00A0c</p>", "t").text == "a b c");
    CHECK(parse_html("Speaking to <i>The National,</i> SDF", "t").text == "Speaking to The National, SDF");
    CHECK(parse_html("<b>un</b><i>broken</i> word", "t").text == "unbroken word");

    const Document d = parse_html("will probably<a href=\" /x \"> remain in Syria</a> until", "t");
    CHECK(d.text == "will probably remain in Syria until");
    REQUIRE(d.links.size() == 1);
    CHECK(span_text(d, d.links[0].anchor) == "remain in Syria");
    CHECK(d.links[0].href == "/x");
}

TEST_CASE("HTML block elements become paragraph breaks, never at the ends", "[ingest]") {
    const std::string html =
        "<div>\n  <h2> Head </h2>\n<p>One <b>bold</b></p><p>Two</p>\n<ul><li>A</li><li>B</li></ul>"
        "<blockquote>Q</blockquote><table><tr><td>x</td><td>y</td></tr></table>\n</div>";
    const Document d = parse_html(html, "t");
    CHECK(d.text == "Head\n\nOne bold\n\nTwo\n\nA\n\nB\n\nQ\n\nx\n\ny");
    REQUIRE(d.paragraphs.size() == 8);
    CHECK(span_text(d, d.paragraphs[0]) == "Head");
    CHECK(span_text(d, d.paragraphs[1]) == "One bold");
    CHECK(span_text(d, d.paragraphs[7]) == "y");
    check_offsets(d, html);
    // A break maps to the start tag of the block the following text belongs to.
    const size_t break_before_two = d.paragraphs[2].start - 1;
    CHECK(d.source_offsets[break_before_two] == html.find("<p>Two"));

    // Unclosed paragraphs and list items still separate.
    CHECK(parse_html("<p>a<p>b<li>c", "t").text == "a\n\nb\n\nc");
    CHECK(parse_html("<p></p><div> </div><p>only</p><p></p>", "t").text == "only");
}

TEST_CASE("<br> is a line break; consecutive <br>s are a paragraph break", "[ingest]") {
    CHECK(parse_html("a<br>b", "t").text == "a\nb");
    CHECK(parse_html("a <br/> b", "t").text == "a\nb");
    const Document two = parse_html("a<br><br>\n<br>b", "t");
    CHECK(two.text == "a\n\nb");
    CHECK(two.paragraphs.size() == 2);
    CHECK(parse_html("<p><br>a<br></p>", "t").text == "a");
    CHECK(parse_html("<p>a<br></p><p>b</p>", "t").text == "a\n\nb");
}

TEST_CASE("scripts, styles, chrome and head content are dropped; title is kept", "[ingest]") {
    const std::string html =
        "<!DOCTYPE html><html><head><title> My \n Title </title><style>p{color:red}</style>"
        "<script>var s = '<p>not text</p>';</script><meta charset=utf-8></head><body>"
        "<nav>Menu</nav><header>Kicker</header><p>Body <script>alert(1)</script>text</p>"
        "<aside>Related</aside><noscript>Enable JS</noscript><template>T</template>"
        "<form>Search<button>Go</button></form><svg><text>Logo</text></svg><iframe>frame</iframe>"
        "<div hidden>secret</div><style>.x{}</style><footer>Copyright</footer></body></html>";
    const Document d = parse_html(html, "page");
    CHECK(d.title == "My Title");
    CHECK(d.text == "Kicker\n\nBody text");
    CHECK(d.format == SourceFormat::Html);
    check_offsets(d, html);
}

TEST_CASE("HTML offsets survive CRLF, multi-byte text and implied elements", "[ingest]") {
    const std::string html =
        "<table><tr><td>caf\u00E9\r\nna\u00EFve</td></tr></table>\r\n<p>\u201CQuote,\u201D "
        "<em>she</em> said.<br>Next &mdash; line</p>";
    const Document d = parse_html(html, "t");
    CHECK(d.text == "caf\u00E9 na\u00EFve\n\n\u201CQuote,\u201D she said.\nNext \u2014 line");
    check_offsets(d, html);
    CHECK(d.source_offsets.back() == html.find("</p>"));

    const Document empty = parse_html("", "t");
    CHECK(empty.text.empty());
    CHECK(empty.source_offsets.size() == 1);
}

TEST_CASE("HTML offsets hold up on malformed tag soup", "[ingest]") {
    // Stray and misnested tags, tables that foster-parent text, raw-text elements, NULs
    // and every kind of character reference, shuffled: each visible character must still
    // point at its own bytes or at the '&' of its reference.
    const std::vector<std::string> pieces = {
        "<p>", "</p>", "<div>", "</div>", "<br>", "<a href='x'>", "</a>", "<i>", "</i>", "<b>", "</b>",
        "<table>", "<tr>", "<td>", "</td>", "</table>", "&amp;", "&lt;", "&nbsp;", "&rsquo;", "&#8217;",
        "&#x41;", "&copy", "&notin;", "&notit;", "&NotEqualTilde;", "&", "&#", "&foo;", "\r\n", "\r", " ",
        "word", "caf\u00E9", "\u201C", "<script>x<p>y</script>", "<!-- c -->", "<li>", "<pre>\n",
        std::string(1, '\0'), "<xmp>", "</xmp>", "<plaintext>", "&amp;amp;", "</>", "<?x ?>", "a<b", "< p>",
        "&AMP", "&ampx", "&#0;", "&#xD800;", "&#150;", "&fjlig;", "AT&T", "</span>", "<title>t</title>"};
    std::mt19937 random(2022);
    for (int round = 0; round < 500; ++round) {
        std::string html;
        const int length = static_cast<int>(random() % 24);
        for (int i = 0; i < length; ++i) html += pieces[random() % pieces.size()];
        INFO("html: " << html);
        const Document d = parse_html(html, "soup");
        const auto bytes = code_point_bytes(d.text);
        REQUIRE(d.source_offsets.size() == bytes.size());
        for (size_t i = 0; i + 1 < bytes.size(); ++i) {
            const std::string ch = d.text.substr(bytes[i], bytes[i + 1] - bytes[i]);
            const uint32_t offset = d.source_offsets[i];
            REQUIRE(offset < html.size());
            if (ch == " " || ch == "\n") continue;
            const bool nul_replaced = ch == "\uFFFD" && html[offset] == '\0';  // NUL in raw text
            CHECK((html.compare(offset, ch.size(), ch) == 0 || html[offset] == '&' || nul_replaced));
        }
        CHECK(d.text.find("  ") == std::string::npos);
        if (!d.text.empty()) {
            CHECK(d.text.front() != ' ');
            CHECK(d.text.front() != '\n');
            CHECK(d.text.back() != ' ');
            CHECK(d.text.back() != '\n');
        }
        for (const Link& link : d.links)
            CHECK((link.anchor.start <= link.anchor.end && link.anchor.end < bytes.size()));
        for (const CharSpan& p : d.paragraphs) CHECK((p.start < p.end && p.end < bytes.size()));
    }
}

TEST_CASE("invalid UTF-8 is rejected with the offset of the first bad sequence", "[ingest]") {
    struct Case {
        std::string bytes;
        uint64_t offset;
    };
    const std::vector<Case> cases = {
        {"abc\xC3(", 3},                                   // truncated two-byte sequence
        {"0123456789abcdef\x80", 16},                      // lone continuation after the fast path
        {"a\xC0\xAF", 1},                                  // overlong '/'
        {"ab\xE0\x80\xAF", 2},                             // overlong three-byte
        {"\xE2\x82\xAC ok \xED\xA0\x80", 7},               // surrogate U+D800 after a valid euro sign
        {"xyz\xF4\x90\x80\x80", 3},                        // above U+10FFFF
        {"\xF5\x80\x80\x80", 0},                           // lead byte beyond U+10FFFF
        {"end\xE2\x82", 3},                                // input ends mid-sequence
        {"\xEF\xBB\xBFok\xFF", 5},                         // offsets count the BOM
    };
    for (const Case& c : cases) {
        INFO("offset " << c.offset);
        std::vector<Diagnostic> diagnostics;
        const auto decoded =
            decode_utf8(c.bytes, false, "f.txt", [&](const Diagnostic& d) { diagnostics.push_back(d); });
        CHECK_FALSE(decoded.has_value());
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].severity == Severity::Error);
        CHECK(diagnostics[0].file == "f.txt");
        CHECK(diagnostics[0].has_offset);
        CHECK(diagnostics[0].byte_offset == c.offset);
    }

    // Valid text of every sequence length, longer than the ASCII fast path's word.
    const std::string valid = "plain ASCII text, then \u00E9\u20AC\U0001F600 and \U0010FFFF at the edge";
    const auto decoded = decode_utf8(valid, false, "f", nullptr);
    REQUIRE(decoded.has_value());
    CHECK(*decoded == valid);

    const TempFile file("bad.txt", "line one\nline \xFFtwo\n");
    const Collected c = read(file.path());
    CHECK_FALSE(c.ok);
    CHECK(c.documents.empty());
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].to_string() ==
          file.path() + ": byte 14: error: invalid UTF-8: byte 0xFF never appears in UTF-8");
}

TEST_CASE("lenient decoding replaces each bad sequence with U+FFFD and warns", "[ingest]") {
    std::vector<Diagnostic> diagnostics;
    const auto sink = [&](const Diagnostic& d) { diagnostics.push_back(d); };
    // One U+FFFD per maximal subpart: a truncated sequence is one, a surrogate three.
    const auto decoded = decode_utf8("a\xFF" "b\xE2\x82x\xED\xA0\x80z", true, "f", sink);
    REQUIRE(decoded.has_value());
    CHECK(*decoded == "a\uFFFDb\uFFFDx\uFFFD\uFFFD\uFFFDz");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::Warning);
    CHECK(diagnostics[0].byte_offset == 1);
    CHECK(diagnostics[0].message.find("replaced 5 invalid UTF-8 sequences") != std::string::npos);

    const TempFile file("bad.html", "<p>caf\xE9 au lait</p>");
    Options options;
    options.lenient = true;
    const Collected c = read(file.path(), options);
    CHECK(c.ok);
    REQUIRE(c.documents.size() == 1);
    CHECK(c.documents[0].text == "caf\uFFFD au lait");
    CHECK(c.count(Severity::Warning) == 1);
}

TEST_CASE("plain text keeps its bytes exactly, without a BOM", "[ingest]") {
    const std::string body = "  Line one,\r\n\tline two.\r\n\r\nA second paragraph\u00A0here.\n";
    {
        const TempFile file("crlf.txt", body);
        const Collected c = read(file.path());
        REQUIRE(c.ok);
        REQUIRE(c.diagnostics.empty());
        REQUIRE(c.documents.size() == 1);
        CHECK(c.documents[0].text == body);
        CHECK(c.documents[0].id == file.path());
        CHECK(c.documents[0].format == SourceFormat::Text);
        CHECK(c.documents[0].source_offsets.empty());
        CHECK(c.documents[0].paragraphs.empty());
    }
    {
        const TempFile file("bom.txt", "\xEF\xBB\xBF" + body);
        const Collected c = read(file.path());
        REQUIRE(c.documents.size() == 1);
        CHECK(c.documents[0].text == body);
    }
    CHECK(make_text_document("x\r\ny", "id").text == "x\r\ny");
}

TEST_CASE("HTML read from a file with a BOM keeps offsets into the file", "[ingest]") {
    const std::string html = "\xEF\xBB\xBF<p>Hi &amp; bye</p>";
    const TempFile file("page.html", html);
    const Collected c = read(file.path());
    REQUIRE(c.documents.size() == 1);
    CHECK(c.documents[0].text == "Hi & bye");
    check_offsets(c.documents[0], html);
}

TEST_CASE("JSONL: a bad line is reported and the lines after it are still read", "[ingest]") {
    const TempFile file("corpus.jsonl",
                        "{\"id\": \"a\", \"text\": \"First.\"}\n"
                        "{\"id\": \"b\", \"text\": oops}\n"
                        "{\"id\": \"c\", \"text\": \"Third.\"}\n");
    const Collected c = read(file.path());
    CHECK_FALSE(c.ok);
    REQUIRE(c.documents.size() == 2);
    CHECK(c.documents[0].id == "a");
    CHECK(c.documents[1].id == "c");
    CHECK(c.documents[1].text == "Third.");
    REQUIRE(c.diagnostics.size() == 1);
    const Diagnostic& error = c.diagnostics[0];
    CHECK(error.severity == Severity::Error);
    CHECK(error.file == file.path());
    CHECK(error.line == 2);
    CHECK(error.has_offset);
    CHECK(error.byte_offset == 20);  // the first letter of oops
    CHECK(error.to_string().rfind(file.path() + ":2: byte 20: error: malformed JSON: ", 0) == 0);
}

TEST_CASE("JSONL: a malformed line's message quotes only the end of what was read", "[ingest]") {
    // An unterminated text of a whole article: the parser's message would quote all of it.
    std::string text;
    for (int i = 0; i < 200; ++i) text += "Ein Ã¼" "berlanges Wort, ";
    const TempFile file("long.jsonl", "{\"id\": \"a\", \"text\": \"" + text + "\n");
    const Collected c = read(file.path());
    REQUIRE(c.diagnostics.size() == 1);
    const std::string message = c.diagnostics[0].to_string();
    CHECK(message.find("malformed JSON") != std::string::npos);
    const size_t excerpt = message.find("last read: '\xE2\x80\xA6");
    REQUIRE(excerpt != std::string::npos);
    CHECK(message.size() < 300);
    // The excerpt starts on a whole character, not inside the two bytes of "ü".
    const size_t first = excerpt + std::string("last read: '\xE2\x80\xA6").size();
    REQUIRE(first < message.size());
    CHECK((static_cast<unsigned char>(message[first]) & 0xC0) != 0x80);
}

TEST_CASE("JSONL records: fields, html records, blank lines, CRLF and every kind of bad line", "[ingest]") {
    const std::string lines[] = {
        "{\"id\": \"t1\", \"text\": \"  exact\\r\\ntext \", \"title\": \"T\", \"url\": \"u\", "
        "\"date\": \"2022-02-01\", "
        "\"outlet\": \"The National\", \"extra\": {\"ignored\": [1, 2]}}\r",
        "",
        "   ",
        "{\"id\": \"h1\", \"html\": \"<title>Page</title><p>Hello &amp; <a href='/x'>bye</a></p>\"}\r",
        "[1, 2]",
        "{\"text\": \"no id\"}",
        "{\"id\": \"n\"}",
        "{\"id\": 7, \"text\": \"numeric id\"}",
        "{\"id\": \"d\", \"text\": \"x\", \"date\": 2022}",
        "{\"id\": \"both\", \"text\": \"x\", \"html\": \"<p>x</p>\"}",
        "{\"id\": \"u\", \"text\": \"caf\xE9\"}",
        "{\"id\": \"s\", \"text\": \"\\ud800\"}",
        "{\"id\": \"null-title\", \"text\": \"ok\", \"title\": null}",
    };
    std::string corpus;
    for (const auto& line : lines) corpus += line + "\n";
    const TempFile file("records.ndjson", corpus);
    const Collected c = read(file.path());
    CHECK_FALSE(c.ok);

    REQUIRE(c.documents.size() == 3);
    const Document& t1 = c.documents[0];
    CHECK(t1.id == "t1");
    CHECK(t1.text == "  exact\r\ntext ");
    CHECK(t1.title == "T");
    CHECK(t1.url == "u");
    CHECK(t1.date == "2022-02-01");
    CHECK(t1.outlet == "The National");
    CHECK(t1.source_offsets.empty());

    const Document& h1 = c.documents[1];
    CHECK(h1.text == "Hello & bye");
    CHECK(h1.title == "Page");
    REQUIRE(h1.links.size() == 1);
    CHECK(span_text(h1, h1.links[0].anchor) == "bye");
    check_offsets(h1, "<title>Page</title><p>Hello &amp; <a href='/x'>bye</a></p>");

    CHECK(c.documents[2].id == "null-title");
    CHECK(c.documents[2].title.empty());

    std::vector<uint64_t> error_lines;
    for (const auto& d : c.diagnostics) {
        CHECK(d.severity == Severity::Error);
        error_lines.push_back(d.line);
    }
    CHECK(error_lines == std::vector<uint64_t>{5, 6, 7, 8, 9, 10, 11, 12});
    CHECK(c.diagnostics[0].message.find("not a JSON object") != std::string::npos);
    CHECK(c.diagnostics[1].message.find("\"id\"") != std::string::npos);
    CHECK(c.diagnostics[2].message.find("neither") != std::string::npos);
    CHECK(c.diagnostics[3].message.find("\"id\" must be a string") != std::string::npos);
    CHECK(c.diagnostics[4].message.find("\"date\" must be a string") != std::string::npos);
    CHECK(c.diagnostics[6].message.find("invalid UTF-8") != std::string::npos);
    CHECK(c.diagnostics[6].byte_offset == 24);
}

TEST_CASE("JSONL lenient mode repairs invalid UTF-8 inside a record", "[ingest]") {
    const TempFile file("records.jsonl", "{\"id\": \"u\", \"text\": \"caf\xE9\"}");  // no final newline
    Options options;
    options.lenient = true;
    const Collected c = read(file.path(), options);
    CHECK(c.ok);
    REQUIRE(c.documents.size() == 1);
    CHECK(c.documents[0].text == "caf\uFFFD");
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].severity == Severity::Warning);
    CHECK(c.diagnostics[0].line == 1);
}

TEST_CASE("JSONL lines longer than the sniffed head are joined correctly", "[ingest]") {
    std::string corpus;
    for (int i = 0; i < 200; ++i)
        corpus +=
            "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"" + std::string(100 + i, 'x') + "\"}\n";
    const TempFile file("big.jsonl", corpus);
    const Collected c = read(file.path());
    CHECK(c.ok);
    REQUIRE(c.documents.size() == 200);
    for (int i = 0; i < 200; ++i) CHECK(c.documents[i].text.size() == size_t(100 + i));
}

TEST_CASE("empty inputs warn but are not errors", "[ingest]") {
    {
        const TempFile file("empty.txt", "");
        const Collected c = read(file.path());
        CHECK(c.ok);
        REQUIRE(c.documents.size() == 1);
        CHECK(c.documents[0].text.empty());
        REQUIRE(c.diagnostics.size() == 1);
        CHECK(c.diagnostics[0].severity == Severity::Warning);
        CHECK(c.diagnostics[0].to_string() == file.path() + ": warning: empty input");
    }
    {
        const TempFile file("empty.jsonl", "\n\n");
        const Collected c = read(file.path());
        CHECK(c.ok);
        CHECK(c.documents.empty());
        CHECK(c.count(Severity::Warning) == 1);
    }
}

TEST_CASE("binary files are rejected, stray NULs are not", "[ingest]") {
    {
        const TempFile file("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        const Collected c = read(file.path());
        CHECK_FALSE(c.ok);
        CHECK(c.documents.empty());
        REQUIRE(c.diagnostics.size() == 1);
        CHECK(c.diagnostics[0].message.find("looks like a binary file") != std::string::npos);
    }
    {
        std::string data(2000, '\0');
        for (size_t i = 0; i < data.size(); i += 3) data[i] = 'a';
        const TempFile file("blob", data);
        const Collected c = read(file.path());
        CHECK_FALSE(c.ok);
        REQUIRE(c.diagnostics.size() == 1);
        CHECK(c.diagnostics[0].message.find("looks like a binary file") != std::string::npos);
    }
    {
        const std::string text("one stray\0 NUL in a long enough line of text", 44);
        const TempFile file("nul.txt", text);
        const Collected c = read(file.path());
        CHECK(c.ok);
        REQUIRE(c.documents.size() == 1);
        CHECK(c.documents[0].text == text);
    }
}

TEST_CASE("unreadable inputs are errors naming the reason", "[ingest]") {
    const Collected missing = read("/nonexistent/dir/file.txt");
    CHECK_FALSE(missing.ok);
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].to_string() ==
          "/nonexistent/dir/file.txt: error: cannot open: No such file or directory");

    const Collected directory = read(std::filesystem::temp_directory_path().string());
    CHECK_FALSE(directory.ok);
    REQUIRE(directory.diagnostics.size() == 1);
    CHECK(directory.diagnostics[0].message == "cannot open: Is a directory");
}

TEST_CASE("input formats are chosen by name, extension, then content", "[ingest]") {
    CHECK(parse_input_format("auto") == InputFormat::Auto);
    CHECK(parse_input_format("text") == InputFormat::Text);
    CHECK(parse_input_format("html") == InputFormat::Html);
    CHECK(parse_input_format("jsonl") == InputFormat::Jsonl);
    CHECK_FALSE(parse_input_format("xml").has_value());

    CHECK(detect_format("a/notes.TXT", "<p>hi</p>") == InputFormat::Text);
    CHECK(detect_format("x.md", "{") == InputFormat::Text);
    CHECK(detect_format("page.htm", "plain") == InputFormat::Html);
    CHECK(detect_format("page.xhtml", "") == InputFormat::Html);
    CHECK(detect_format("c.ndjson", "") == InputFormat::Jsonl);
    CHECK(detect_format("dir.v2/data", "\xEF\xBB\xBF \n {\"id\":1}") == InputFormat::Jsonl);
    CHECK(detect_format("-", "<!DOCTYPE html><html>") == InputFormat::Html);
    CHECK(detect_format("f", "Speaking to <i>The National</i>") == InputFormat::Html);
    CHECK(detect_format("f", "text <A HREF=\"x\">link</a>") == InputFormat::Html);
    CHECK(detect_format("f", "line one<BR>line two") == InputFormat::Html);
    CHECK(detect_format("f", "if a < b and c <d> e, <3 <pre-war>") == InputFormat::Text);
    CHECK(detect_format("f", "Just words.") == InputFormat::Text);

    // An explicit format wins over the extension.
    const TempFile file("page.html", "<p>not parsed</p>");
    Options options;
    options.format = InputFormat::Text;
    const Collected c = read(file.path(), options);
    REQUIRE(c.documents.size() == 1);
    CHECK(c.documents[0].text == "<p>not parsed</p>");

    const TempFile sniffed("article", "<div><p>Sniffed</p></div>");
    const Collected s = read(sniffed.path());
    REQUIRE(s.documents.size() == 1);
    CHECK(s.documents[0].format == SourceFormat::Html);
    CHECK(s.documents[0].text == "Sniffed");
}

TEST_CASE("diagnostics print like compiler messages", "[ingest]") {
    Diagnostic d;
    d.file = "corpus.jsonl";
    d.line = 3;
    d.byte_offset = 17;
    d.has_offset = true;
    d.message = "malformed JSON: syntax error";
    CHECK(d.to_string() == "corpus.jsonl:3: byte 17: error: malformed JSON: syntax error");
    d.has_offset = false;
    CHECK(d.to_string() == "corpus.jsonl:3: error: malformed JSON: syntax error");
    d.line = 0;
    d.severity = Severity::Warning;
    d.message = "empty input";
    CHECK(d.to_string() == "corpus.jsonl: warning: empty input");
}

TEST_CASE("JSONL: the fast record parser reads what nlohmann reads, and hands back the rest", "[ingest]") {
    // The lines every corpus has are read by the fast path, with escapes decoded.
    const std::vector<std::pair<std::string, std::string>> ordinary = {
        {R"({"id": "a", "text": "He said \"no\".\nThen left."})", "He said \"no\".\nThen left."},
        {R"({"text":"caf\u00e9 \ud83d\ude00 \/ \t","id":"b","year":2016,"tags":["x",{"y":null}],"ok":true})",
         "caf\u00e9 \U0001F600 / \t"},
        {"  {\"id\": \"c\", \"text\": \"Grüße, “quoted” — 東京\", \"title\": null, \"n\": -1.5e+10}  ",
         "Grüße, “quoted” — 東京"},
        {R"({"id": "d", "text": "first", "text": "last wins"})", "last wins"},
        {R"({"i\u0064": "e", "text": ""})", ""},
    };
    for (const auto& [line, text] : ordinary) {
        INFO(line);
        RecordFields fields;
        REQUIRE(parse_record_fast(line, fields));
        REQUIRE(fields.text);
        CHECK(*fields.text == text);
        CHECK_NOTHROW(qg::fuzz::check_record_parsers_agree(line));
    }

    // What it does not fully accept goes to nlohmann, which reports the error.
    const std::vector<std::string> handed_back = {
        "", "[]", "{", "{}x", R"({"id": 5, "text": "t"})", R"({"id": "a", "text": ["t"]})",
        R"({"id": "a", "text": "\ud800"})", R"({"id": "a", "text": "\udc00"})", R"({"id": "a", "text": "\x"})",
        "{\"id\": \"a\", \"text\": \"tab\there\"}", R"({"id": "a", "text": "t",})", R"({"id": "a" "text": "t"})",
        R"({"id": "a", "n": 01})", R"({"id": "a", "n": 1.})", R"({"id": "a", "n": 1e999})", R"({"id": "a", "n": tru})",
        R"({"id": "a", "text": "unterminated)", R"({'id': 'a'})", std::string(200, '[') + std::string(200, ']'),
    };
    for (const auto& line : handed_back) {
        INFO(line);
        RecordFields fields;
        CHECK_FALSE(parse_record_fast(line, fields));
    }

    // And on lines mangled at random, the two parsers never disagree.
    std::mt19937 random(7);
    const std::string alphabet = "{}[]\":,\\ untrfals0123456789.eE+-/bx";
    for (const auto& [seed, text] : ordinary) {
        for (int round = 0; round < 400; ++round) {
            std::string line = seed;
            for (int edits = 1 + static_cast<int>(random() % 3); edits > 0; --edits) {
                const size_t at = random() % (line.size() + 1);
                const char c = alphabet[random() % alphabet.size()];
                switch (random() % 3) {
                    case 0: line.insert(line.begin() + static_cast<long>(at), c); break;
                    case 1: if (at < line.size() && static_cast<unsigned char>(line[at]) < 0x80) line[at] = c; break;
                    default: if (at < line.size() && static_cast<unsigned char>(line[at]) < 0x80) line.erase(at, 1);
                }
            }
            if (!qg::fuzz::is_valid_utf8(line)) continue;  // an insertion split a character
            INFO(line);
            CHECK_NOTHROW(qg::fuzz::check_record_parsers_agree(line));
        }
    }
}
