#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/lexicon.h"
#include "text/text.h"

using namespace qg::text;

namespace {

std::vector<std::string> sentences_of(const std::string& text) {
    Analysis a = analyze(text);
    std::vector<std::string> out;
    for (const auto& s : a.sentences)
        out.emplace_back(text.substr(a.sentence_begin(s), a.sentence_end(s) - a.sentence_begin(s)));
    return out;
}

std::vector<std::string> tokens_of(const std::string& text) {
    std::vector<Token> tokens;
    tokenize(text, tokens);
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(token_text(text, t));
    return out;
}

}  // namespace

TEST_CASE("offset index maps code points and bytes both ways", "[text]") {
    std::string s = "a\xE2\x80\x9C" "b\xF0\x9F\x98\x80" "c";  // a “ b 😀 c
    OffsetIndex index(s);
    CHECK(index.char_count() == 5);
    CHECK(index.to_byte(0) == 0);
    CHECK(index.to_byte(1) == 1);
    CHECK(index.to_byte(2) == 4);
    CHECK(index.to_byte(3) == 5);
    CHECK(index.to_byte(4) == 9);
    CHECK(index.to_byte(5) == 10);
    for (uint32_t ch = 0; ch <= index.char_count(); ++ch) CHECK(index.to_char(index.to_byte(ch)) == ch);
    OffsetIndex ascii("plain");
    CHECK(ascii.to_char(3) == 3);
    CHECK(ascii.to_byte(5) == 5);
}

TEST_CASE("tokenizer keeps words, numbers and abbreviations whole", "[text]") {
    CHECK(tokens_of("The US-backed SDF’s co-ordinating") ==
          std::vector<std::string>{"The", "US-backed", "SDF’s", "co-ordinating"});
    CHECK(tokens_of("It‘s Sina’a, don't") == std::vector<std::string>{"It‘s", "Sina’a", ",", "don't"});
    CHECK(tokens_of("12,000 people, 3.5% at 10:30") ==
          std::vector<std::string>{"12,000", "people", ",", "3.5", "%", "at", "10:30"});
    CHECK(tokens_of("the U.S. and U.N.-backed") == std::vector<std::string>{"the", "U.S.", "and", "U.N.-backed"});
    CHECK(tokens_of("wait... what…") == std::vector<std::string>{"wait", "...", "what", "…"});
    CHECK(tokens_of("”Had there,” he") == std::vector<std::string>{"”", "Had", "there", ",", "”", "he"});
}

TEST_CASE("sentence splitter handles news English", "[text]") {
    struct Case {
        std::string text;
        std::vector<std::string> sentences;
    };
    const std::vector<Case> cases = {
        {"Mr Shami said it. Col Caggins agreed.", {"Mr Shami said it.", "Col Caggins agreed."}},
        {"Mr. Shami said it. Dr. Lee agreed.", {"Mr. Shami said it.", "Dr. Lee agreed."}},
        {"Sen. Ted Cruz and Gov. Jerry Brown met Lt. Gen. Smith. They talked.",
         {"Sen. Ted Cruz and Gov. Jerry Brown met Lt. Gen. Smith.", "They talked."}},
        {"Prof. Ng and Sgt. Diaz spoke at St. Mary's.", {"Prof. Ng and Sgt. Diaz spoke at St. Mary's."}},
        {"J. R. R. Tolkien wrote it. George W. Bush read it.",
         {"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
        {"The U.S. and the U.N. agreed. The U.S. Army disagreed.",
         {"The U.S. and the U.N. agreed.", "The U.S. Army disagreed."}},
        {"He lives in the U.S. He works in Canada.", {"He lives in the U.S.", "He works in Canada."}},
        {"It opened on Jan. 5 and closed in Sept. 2021. Then it reopened.",
         {"It opened on Jan. 5 and closed in Sept. 2021.", "Then it reopened."}},
        {"Growth was 3.5 percent. It employs 12,000 people.", {"Growth was 3.5 percent.", "It employs 12,000 people."}},
        {"He paused... Then he left. Well... maybe not.", {"He paused...", "Then he left.", "Well... maybe not."}},
        {"“ISIS remains a threat and the ideology continues.” The US government voiced concern.",
         {"“ISIS remains a threat and the ideology continues.”", "The US government voiced concern."}},
        {"“Is it over?” he asked. “No!” she said.", {"“Is it over?” he asked.", "“No!” she said."}},
        {"He said (in a statement.) Then he left.", {"He said (in a statement.)", "Then he left."}},
        {"First paragraph without a stop\n\nSecond paragraph.", {"First paragraph without a stop", "Second paragraph."}},
        {"Windows line\r\n\r\nends here.", {"Windows line", "ends here."}},
        {"Apple Inc. said so. Apple Inc. The company agreed.", {"Apple Inc. said so.", "Apple Inc.", "The company agreed."}},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(sentences_of(c.text) == c.sentences);
    }
}

TEST_CASE("paragraphs come from blank lines", "[text]") {
    Analysis a = analyze("One. Two.\n\nThree.\nFour.\n\n\nFive.");
    REQUIRE(a.paragraphs.size() == 3);
    CHECK(a.paragraphs[0].end_sentence - a.paragraphs[0].first_sentence == 2);
    CHECK(a.paragraphs[1].end_sentence - a.paragraphs[1].first_sentence == 2);
    CHECK(a.sentences.back().paragraph == 2);
    CHECK(analyze("").sentences.empty());
    CHECK(analyze("   \n\n  ").paragraphs.empty());
}

TEST_CASE("word sets fold case and apostrophes", "[text]") {
    WordSet set("# comment\nMr\ndon't\n  spaced  \n");
    CHECK(set.size() == 3);
    CHECK(set.contains("MR"));
    CHECK(set.contains("mr"));
    CHECK(set.contains("don’t"));
    CHECK(set.contains("spaced"));
    CHECK_FALSE(set.contains("mrs"));
    WordTable table("said\tspeech\nbelieves\tthought\n");
    REQUIRE(table.find("Said") != nullptr);
    CHECK(*table.find("Said") == "speech");
    CHECK(table.find("told") == nullptr);
}
