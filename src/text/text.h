// Text basics shared by every later stage: code point <-> byte offsets, a tokenizer and a
// sentence and paragraph splitter for news English. Everything works on byte offsets into
// one UTF-8 string; conversion to code points happens once, at output.
#pragma once

#include <cassert>
#include <cstdint>
#include <string_view>
#include <vector>

namespace qg::text {

// Maps code point offsets to byte offsets and back for one text, in O(1) and O(log n).
class OffsetIndex {
public:
    OffsetIndex() = default;
    // `utf8` must outlive the index: lookups read it.
    explicit OffsetIndex(std::string_view utf8) { reset(utf8); }
    void reset(std::string_view utf8);

    uint32_t char_count() const { return char_count_; }
    uint32_t byte_count() const { return static_cast<uint32_t>(text_.size()); }
    // Byte offset of code point `ch` (ch == char_count() gives byte_count()).
    uint32_t to_byte(uint32_t ch) const;
    // Code point containing byte `byte` (byte == byte_count() gives char_count()).
    uint32_t to_char(uint32_t byte) const;

private:
    // The code point count before every kStride-th byte: building it is one pass with no
    // allocation per character, and a lookup counts at most kStride bytes.
    static constexpr uint32_t kStride = 16;
    std::string_view text_;
    bool ascii_ = true;
    uint32_t char_count_ = 0;
    std::vector<uint32_t> chars_before_;  // empty when the text is ASCII
};

// Decodes the code point starting at `pos` and advances `pos` past it. The text is valid
// UTF-8 (ingestion guarantees it); a malformed byte decodes as itself.
char32_t decode_multibyte_at(std::string_view s, uint32_t& pos);
inline char32_t decode_at(std::string_view s, uint32_t& pos) {
    auto byte = static_cast<unsigned char>(s[pos]);
    if (byte < 0x80) {  // the common case, kept inline for the tokenizer's loop
        ++pos;
        return byte;
    }
    return decode_multibyte_at(s, pos);
}
// The code point ending just before `pos`, moving `pos` back to its start.
char32_t decode_before(std::string_view s, uint32_t& pos);

// Character classes: ASCII is answered inline, the rest by tables of the scripts news uses.
bool is_letter_beyond_ascii(char32_t c);
bool is_upper_beyond_ascii(char32_t c);
bool is_space_beyond_ascii(char32_t c);
inline bool is_letter(char32_t c) {
    return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : is_letter_beyond_ascii(c);
}
inline bool is_upper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : is_upper_beyond_ascii(c); }
inline bool is_space(char32_t c) {
    return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : is_space_beyond_ascii(c);
}
bool is_lower(char32_t c);
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// Whether `word` is `lowercase` (given in lowercase ASCII) but for the case of its letters.
inline bool equals_ascii_folded(std::string_view word, std::string_view lowercase) {
    if (word.size() != lowercase.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
        if (ascii_lower(word[i]) != lowercase[i]) return false;
    return true;
}
// "SDF", "WASHINGTON": two ASCII capitals or more and no lowercase ASCII letter.
inline bool is_all_caps(std::string_view word) {
    int letters = 0;
    for (char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
}
// Every glyph used as a quotation mark, apostrophes included: " ' “ ” ‘ ’ « » „ ‟ ‹ › 「 」 『 』.
bool is_quote_mark(char32_t c);
bool is_dash(char32_t c);

enum class TokenKind : uint8_t {
    Word,     // letters, possibly with inner apostrophes, hyphens or abbreviation dots
    Number,   // digits with inner , . : (12,000  3.5  10:30)
    Quote,    // one quotation mark that is not an apostrophe inside a word
    Punct,    // any other single character, or an ellipsis "..." / "…"
};

struct Token {
    uint32_t begin = 0;  // byte offsets into the text, end exclusive
    uint32_t end = 0;
    TokenKind kind = TokenKind::Word;
    bool space_before = false;    // whitespace (or text start) right before the token
    uint8_t newlines_before = 0;  // line breaks in that whitespace, capped at 2 (2 = blank line)
    bool capitalized = false;     // first character is an upper-case letter
    uint32_t length() const { return end - begin; }
};

struct Sentence {
    uint32_t first_token = 0;  // token index range, end exclusive
    uint32_t end_token = 0;
    uint32_t paragraph = 0;
};

struct Paragraph {
    uint32_t first_sentence = 0;
    uint32_t end_sentence = 0;
};

struct Analysis {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::vector<Paragraph> paragraphs;

    uint32_t sentence_begin(const Sentence& s) const { return tokens[s.first_token].begin; }
    uint32_t sentence_end(const Sentence& s) const { return tokens[s.end_token - 1].end; }
};

// Splits `text` into tokens (reusing `tokens`' buffer).
void tokenize(std::string_view text, std::vector<Token>& tokens);

// Tokenizes and splits `text` into sentences and paragraphs (a paragraph ends at a blank
// line). Reuses `out`'s buffers, so calling it per document in a loop does not allocate
// once the buffers have grown.
void analyze(std::string_view text, Analysis& out);
Analysis analyze(std::string_view text);

// Token text as a view into the analysed string. Built directly rather than with substr:
// a token always lies inside its text, and substr's range check (with the exception it
// may throw) kept this from being inlined into the word tests of every later stage.
inline std::string_view token_text(std::string_view text, const Token& t) {
    assert(t.begin <= t.end && t.end <= text.size());
    return std::string_view(text.data() + t.begin, t.end - t.begin);
}

// Case-folds ASCII and the Latin-1/Latin Extended-A letters into `buffer` (no allocation)
// and folds typographic apostrophes to '\''; returns the folded view. Words longer than the
// buffer are truncated, which lexicon lookups treat as "not found".
std::string_view fold(std::string_view word, char* buffer, size_t capacity);

}  // namespace qg::text
