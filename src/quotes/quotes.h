// Quotation spans: which quotation marks open and close quotes, decided from their
// context rather than their glyph, since real text uses them the wrong way round
// (”Had there been…,” opens with a closing mark) and as apostrophes (It‘s, Sina’a).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace qg::quotes {

enum class MarkRole : uint8_t {
    Open,
    Close,
    Apostrophe,  // elision or possessive: part of a word, not a quote boundary
    Stray,       // a quote mark that pairs with nothing
};

struct Mark {
    uint32_t token = 0;  // index into Analysis::tokens
    char32_t glyph = 0;
    MarkRole role = MarkRole::Stray;
    // The glyph points the other way from the role it plays (” used to open).
    bool wrong_way = false;
};

struct Quote {
    uint32_t open_token = 0;   // the opening mark
    uint32_t close_token = 0;  // the closing mark; == end_token - 1 when closed
    uint32_t end_token = 0;    // one past the last token inside the quote (closing mark included)
    uint32_t begin = 0;        // byte span, marks included
    uint32_t end = 0;
    bool closed = true;        // false when the quote ran to its paragraph's end unclosed
    bool single = false;       // delimited by single marks (‘ ’ ' ‹ ›)
    // This quote opens a paragraph and continues the unclosed quote before it (the
    // convention for quotations running over several paragraphs).
    bool continues_previous = false;
    int depth = 0;             // 0 for a top-level quote, 1 for a quote inside a quote
    uint32_t words = 0;        // word and number tokens inside
};

struct QuoteAnalysis {
    std::vector<Mark> marks;
    std::vector<Quote> quotes;  // in text order of their opening marks
};

// Finds the quotation spans of an analysed text. Reuses `out`'s buffers.
void find_quotes(std::string_view text, const text::Analysis& analysis, QuoteAnalysis& out);

}  // namespace qg::quotes
