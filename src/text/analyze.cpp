// Tokenizer and sentence/paragraph splitter for news English.
#include <array>
#include <cstdint>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/lexicon.h"
#include "text/text.h"

namespace qg::text {

namespace data {
extern const std::string_view honorifics_txt_data;
extern const std::string_view abbreviations_txt_data;
extern const std::string_view sentence_openers_txt_data;
}  // namespace data

namespace {

struct Lexicons {
    WordSet honorifics{data::honorifics_txt_data};
    WordSet abbreviations{data::abbreviations_txt_data};
    WordSet openers{data::sentence_openers_txt_data};
};

const Lexicons& lexicons() {
    static const Lexicons instance;
    return instance;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

char32_t peek(std::string_view s, uint32_t pos) {
    if (pos >= s.size()) return 0;
    return decode_at(s, pos);
}

bool is_word_char(char32_t c) { return is_letter(c) || is_digit(c); }

// Consumes a dotted initialism ("U.S.", "e.g.", "a.m.") starting at `pos` if there is one;
// returns its end or `pos` when the text there is not one.
uint32_t scan_dotted_initialism(std::string_view s, uint32_t pos) {
    // Nearly every word: an ASCII first character with no dot after it is no initialism,
    // which needs no decoding to tell.
    if (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80 && (pos + 1 >= s.size() || s[pos + 1] != '.'))
        return pos;
    uint32_t cursor = pos;
    int letters = 0;
    for (;;) {
        uint32_t at = cursor;
        char32_t c = peek(s, at);
        if (!is_letter(c)) break;
        decode_at(s, at);
        if (at >= s.size() || s[at] != '.') break;
        cursor = at + 1;
        ++letters;
    }
    // One letter and a dot is an initial ("J."), left to the sentence splitter.
    return letters >= 2 ? cursor : pos;
}

// What a byte after the start of a word says about the word, without decoding it.
enum class WordByte : uint8_t {
    Ends,         // ASCII that cannot continue a word: a space, most punctuation
    Continues,    // an ASCII letter or digit
    NumberInner,  // , . : which continue only a number, and only before a digit
    Decide,       // a non-ASCII byte, or one of ' - & (continue only before a letter or digit)
};
constexpr auto kWordByte = [] {
    std::array<WordByte, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        table[c] = alnum                                ? WordByte::Continues
                   : c == ',' || c == '.' || c == ':'   ? WordByte::NumberInner
                   : c >= 0x80 || c == '\'' || c == '-' || c == '&' ? WordByte::Decide
                                                         : WordByte::Ends;
    }
    return table;
}();

// The end of the run of ASCII letters and digits starting at `pos`: sixteen bytes a step
// with SSE2, since that run is the bulk of every word and a byte-by-byte table walk was a
// fifth of tokenizing.
uint32_t skip_ascii_alnum(std::string_view s, uint32_t pos) {
    const auto size = static_cast<uint32_t>(s.size());
#if defined(__SSE2__)
    // Signed compares: bytes from 0x80 are negative, so never in a range below.
    const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1),
                  before_0 = _mm_set1_epi8('0' - 1), after_9 = _mm_set1_epi8('9' + 1), case_bit = _mm_set1_epi8(0x20);
    for (; pos + 16 <= size; pos += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos));
        const __m128i lower = _mm_or_si128(v, case_bit);
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, before_a), _mm_cmpgt_epi8(after_z, lower));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, before_0), _mm_cmpgt_epi8(after_9, v));
        const int other = ~_mm_movemask_epi8(_mm_or_si128(letter, digit)) & 0xFFFF;
        if (other) return pos + static_cast<uint32_t>(__builtin_ctz(other));
    }
#endif
    while (pos < size && kWordByte[static_cast<unsigned char>(s[pos])] == WordByte::Continues) ++pos;
    return pos;
}

// Scans a word or number starting at `pos`; returns its end.
uint32_t scan_word(std::string_view s, uint32_t pos, bool& numeric) {
    numeric = is_digit(peek(s, pos));
    // Whether the part being scanned is a number: a hyphenated continuation has its own.
    bool scanning_numeric = numeric;
    while (!scanning_numeric) {
        uint32_t dotted = scan_dotted_initialism(s, pos);
        if (dotted == pos) break;
        // "U.S.-backed": a hyphenated continuation stays in the token. A loop rather than a
        // recursion, so that "a.b.-a.b.-…" cannot exhaust the stack.
        if (!(dotted < s.size() && s[dotted] == '-' && is_word_char(peek(s, dotted + 1)))) return dotted;
        pos = dotted + 1;
        scanning_numeric = is_digit(peek(s, pos));
    }
    const bool numeric_part = scanning_numeric;
    uint32_t cursor = pos;
    const auto size = static_cast<uint32_t>(s.size());
    while (cursor < size) {
        // Plain ASCII letters and digits, the bulk of every word, need no decoding.
        cursor = skip_ascii_alnum(s, cursor);
        if (cursor >= size) break;
        // Most words end at a space or a punctuation mark that cannot continue them ("said,"
        // "year."): only a few ASCII characters (and non-ASCII letters and apostrophes)
        // need a closer look.
        const WordByte next_byte = kWordByte[static_cast<unsigned char>(s[cursor])];
        if (next_byte == WordByte::Ends || (next_byte == WordByte::NumberInner && !numeric_part)) break;
        uint32_t next = cursor;
        char32_t c = decode_at(s, next);
        if (is_word_char(c) || (c >= 0x300 && c <= 0x36F)) {
            cursor = next;
            continue;
        }
        char32_t after = peek(s, next);
        if (numeric_part && (c == ',' || c == '.' || c == ':') && is_digit(after)) {
            cursor = next;
            continue;
        }
        if (!numeric_part && is_apostrophe(c) && is_letter(after)) {  // It's, Sina’a, O'Brien
            cursor = next;
            continue;
        }
        if ((c == '-' || c == '&') && is_word_char(after)) {  // US-backed, co-ordinate, AT&T
            cursor = next;
            continue;
        }
        break;
    }
    return cursor;
}

bool is_sentence_final(std::string_view tok) {
    return tok == "." || tok == "!" || tok == "?" || tok == "\xE2\x80\xA6" || tok.starts_with("..") ||
           tok == "?!" || tok == "!?";
}

bool is_closing_bracket(std::string_view tok) { return tok == ")" || tok == "]" || tok == "}"; }

}  // namespace

const WordSet& honorific_set() { return lexicons().honorifics; }
const WordSet& opener_set() { return lexicons().openers; }

void tokenize(std::string_view s, std::vector<Token>& tokens) {
    tokens.clear();
    tokens.reserve(s.size() / 4);  // news text runs about five bytes a token
    uint32_t pos = 0;
    const uint32_t n = static_cast<uint32_t>(s.size());
    bool space_before = true;
    uint8_t newlines = 0;
    while (pos < n) {
        // A plain space, a fifth of all text, needs no decoding.
        if (s[pos] == ' ') {
            space_before = true;
            ++pos;
            continue;
        }
        uint32_t start = pos;
        char32_t c = decode_at(s, pos);
        if (is_space(c)) {
            space_before = true;
            if (c == '\n' || c == 0x2028 || c == 0x2029) newlines = newlines < 2 ? newlines + 1 : 2;
            continue;
        }
        Token t;
        t.begin = start;
        t.space_before = space_before;
        t.newlines_before = newlines;
        t.capitalized = is_upper(c);
        if (is_word_char(c)) {
            bool numeric = false;
            t.end = scan_word(s, start, numeric);
            t.kind = numeric ? TokenKind::Number : TokenKind::Word;
        } else if (is_quote_mark(c)) {
            // Two apostrophes or backticks stand for a double quotation mark in some
            // newsroom systems (''We're going to…'').
            // Three after a word ("at all,'''") close a single quote inside a double one:
            // the single mark comes first.
            const bool closes_nested = c == '\'' && !space_before && start > 0 && pos + 1 < n &&
                                       s[pos] == '\'' && s[pos + 1] == '\'';
            if ((c == '\'' || c == '`') && pos < n && s[pos] == static_cast<char>(c) && !closes_nested) ++pos;
            t.end = pos;
            t.kind = TokenKind::Quote;
        } else if (c == '`' && pos < n && s[pos] == '`') {
            t.end = ++pos;
            t.kind = TokenKind::Quote;
        } else if (c == '.' && pos < n && s[pos] == '.') {
            while (pos < n && (s[pos] == '.')) ++pos;
            t.end = pos;
            t.kind = TokenKind::Punct;
        } else if ((c == '?' || c == '!') && pos < n && (s[pos] == '?' || s[pos] == '!')) {
            while (pos < n && (s[pos] == '?' || s[pos] == '!')) ++pos;
            t.end = pos;
            t.kind = TokenKind::Punct;
        } else if (c == '-' && pos < n && s[pos] == '-') {
            while (pos < n && s[pos] == '-') ++pos;
            t.end = pos;
            t.kind = TokenKind::Punct;
        } else {
            t.end = pos;
            t.kind = TokenKind::Punct;
        }
        pos = t.end;
        tokens.push_back(t);
        space_before = false;
        newlines = 0;
    }
}

namespace {

// Whether the period token `dot` (index) belongs to an abbreviation rather than ending
// the sentence, given the token that follows it.
bool period_is_abbreviation(std::string_view s, const std::vector<Token>& tokens, size_t dot) {
    if (dot == 0) return false;
    const Token& prev = tokens[dot - 1];
    const Token& period = tokens[dot];
    if (prev.end != period.begin || prev.kind != TokenKind::Word) return false;
    std::string_view word = token_text(s, prev);
    const Lexicons& lex = lexicons();
    if (lex.honorifics.contains(word) && prev.capitalized) return true;
    const Token* next = dot + 1 < tokens.size() ? &tokens[dot + 1] : nullptr;
    auto next_opens_sentence = [&] {
        if (!next) return true;
        if (next->kind == TokenKind::Quote) return true;
        if (!next->capitalized) return false;
        return lex.openers.contains(token_text(s, *next));
    };
    // An initial: "J. R. R. Tolkien", "George W. Bush".
    uint32_t p = 0;
    decode_at(word, p);
    if (p == word.size() && prev.capitalized) return !next_opens_sentence();
    if (lex.abbreviations.contains(word)) {
        if (next && next->kind == TokenKind::Number) return true;
        return !next_opens_sentence();
    }
    return false;
}

}  // namespace

void analyze(std::string_view text, Analysis& out) {
    tokenize(text, out.tokens);
    out.sentences.clear();
    out.paragraphs.clear();
    const auto& tokens = out.tokens;
    const size_t n = tokens.size();
    if (n == 0) return;

    Sentence current{0, 0, 0};
    Paragraph paragraph{0, 0};
    auto close_sentence = [&](uint32_t end_token) {
        if (end_token <= current.first_token) return;
        current.end_token = end_token;
        current.paragraph = static_cast<uint32_t>(out.paragraphs.size());
        out.sentences.push_back(current);
        current.first_token = end_token;
    };
    auto close_paragraph = [&] {
        paragraph.end_sentence = static_cast<uint32_t>(out.sentences.size());
        if (paragraph.end_sentence > paragraph.first_sentence) out.paragraphs.push_back(paragraph);
        paragraph.first_sentence = paragraph.end_sentence;
    };

    for (size_t i = 0; i < n; ++i) {
        const Token& t = tokens[i];
        if (i > 0 && t.newlines_before > 0) {
            close_sentence(static_cast<uint32_t>(i));
            if (t.newlines_before >= 2) close_paragraph();
        }
        std::string_view tok = token_text(text, t);
        bool ends = false;
        if (t.kind == TokenKind::Punct && is_sentence_final(tok)) {
            ends = !(tok == "." && period_is_abbreviation(text, tokens, i));
        } else if (t.kind == TokenKind::Word && tok.size() > 2 && tok.back() == '.') {
            // A dotted initialism ("U.S.") ends a sentence only before a typical opener.
            const Token* next = i + 1 < n ? &tokens[i + 1] : nullptr;
            ends = !next || (next->capitalized && lexicons().openers.contains(token_text(text, *next)));
        }
        if (!ends) continue;
        // Closing quotes and brackets glued to the terminator stay in this sentence.
        size_t last = i;
        while (last + 1 < n && !tokens[last + 1].space_before &&
               (tokens[last + 1].kind == TokenKind::Quote || is_closing_bracket(token_text(text, tokens[last + 1])) ||
                (tokens[last + 1].kind == TokenKind::Punct && is_sentence_final(token_text(text, tokens[last + 1])))))
            ++last;
        if (last + 1 >= n) break;
        // The tokens up to `last` would each reach the same `next` and the same decision:
        // going on after them keeps a run like ".\".\".\"…" linear.
        i = last;
        const Token& next = tokens[last + 1];
        if (!next.space_before) continue;  // "3.5", "Yahoo!News": no boundary inside a word
        // A new sentence opens with a capital, a digit, a quote or a bracket; after "?” he
        // said" or "...,” she" the lowercase word continues the same sentence.
        char32_t first = peek(text, next.begin);
        bool opens = next.capitalized || is_digit(first) || next.kind == TokenKind::Quote || first == '(' ||
                     first == '[' || next.newlines_before > 0;
        if (!opens) continue;
        close_sentence(static_cast<uint32_t>(last + 1));
    }
    close_sentence(static_cast<uint32_t>(n));
    close_paragraph();
}

Analysis analyze(std::string_view text) {
    Analysis out;
    analyze(text, out);
    return out;
}

}  // namespace qg::text
