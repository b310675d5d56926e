#include "quotes/quotes.h"

#include <algorithm>

namespace qg::quotes {

namespace {

using text::Token;
using text::TokenKind;

bool is_single_glyph(char32_t c) {
    return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2039 || c == 0x203A ||
           c == 0x2032;
}

// The direction a glyph suggests on its own: +1 opening, -1 closing, 0 neutral.
int glyph_direction(char32_t c) {
    switch (c) {
        case 0x201C: case 0x201E: case 0x00AB: case 0x2018: case 0x201A: case 0x2039: case 0x300C: case 0x300E:
            return 1;
        case 0x201D: case 0x00BB: case 0x2019: case 0x203A: case 0x300D: case 0x300F:
            return -1;
        default:
            return 0;
    }
}

bool is_opening_bracket(std::string_view s) {
    return s == "(" || s == "[" || s == "{" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "-" || s == "/";
}

bool is_trailing_punct(std::string_view s) {
    return s == "." || s == "," || s == ";" || s == ":" || s == "!" || s == "?" || s == ")" || s == "]" ||
           s == "}" || s == "\xE2\x80\xA6" || s.starts_with("..") || s == "\xE2\x80\x94" || s == "\xE2\x80\x93" ||
           s == "-" || s == "--";
}

// Where a mark stands relative to its neighbours.
struct Context {
    bool left_free = false;   // text start, whitespace, or an opening bracket before it
    bool right_free = false;  // text end, whitespace, or trailing punctuation after it
};

Context context_of(std::string_view text, const std::vector<Token>& tokens, uint32_t i) {
    const Token& t = tokens[i];
    Context c;
    c.left_free = i == 0 || t.space_before || is_opening_bracket(text::token_text(text, tokens[i - 1]));
    if (i + 1 >= tokens.size() || tokens[i + 1].space_before) {
        c.right_free = true;
    } else {
        c.right_free = is_trailing_punct(text::token_text(text, tokens[i + 1]));
    }
    return c;
}

char32_t glyph_of(std::string_view text, const Token& t) {
    // '' and `` are typewriter spellings of ” and “.
    if (t.length() == 2 && text[t.begin] == '\'') return '"';
    if (t.length() == 2 && text[t.begin] == '`') return 0x201C;
    uint32_t pos = t.begin;
    return text::decode_at(text, pos);
}

// The marks that can close a single quote, in text order, each used at most once. Finding an
// opener's closer takes near-constant time through "next unused" and "previous unused"
// links with path compression, instead of a scan to the end of the paragraph.
class ClosersLeft {
public:
    void add(uint32_t mark, uint32_t token, bool not_followed_by_word) {
        marks_.push_back(mark);
        tokens_.push_back(token);
        plain_.push_back(not_followed_by_word);
    }
    void seal() {
        const uint32_t n = static_cast<uint32_t>(marks_.size());
        next_plain_.resize(n + 1);
        previous_any_.resize(n + 1);
        for (uint32_t i = 0; i <= n; ++i) {
            next_plain_[i] = (i < n && !plain_[i]) ? i + 1 : i;
            previous_any_[i] = i;  // position i + 1 stands for closer i; 0 for "none"
        }
    }
    // Takes the closer for the opener at mark `opener`: among unused closers after it and
    // before token `limit`, the first not followed by a word, else the last. Returns its
    // mark index, or -1 when there is none.
    long take(uint32_t opener, uint32_t limit) {
        const auto lo = static_cast<uint32_t>(std::upper_bound(marks_.begin(), marks_.end(), opener) - marks_.begin());
        const auto hi = static_cast<uint32_t>(std::lower_bound(tokens_.begin(), tokens_.end(), limit) - tokens_.begin());
        if (lo >= hi) return -1;
        uint32_t chosen = find(next_plain_, lo);
        if (chosen >= hi) {
            const uint32_t last = find(previous_any_, hi);  // hi stands for closer hi - 1
            if (last == 0 || last - 1 < lo) return -1;
            chosen = last - 1;
        }
        next_plain_[chosen] = chosen + 1;
        previous_any_[chosen + 1] = chosen;
        return marks_[chosen];
    }

private:
    static uint32_t find(std::vector<uint32_t>& link, uint32_t i) {
        uint32_t root = i;
        while (link[root] != root) root = link[root];
        while (link[i] != root) {
            const uint32_t next = link[i];
            link[i] = root;
            i = next;
        }
        return root;
    }

    std::vector<uint32_t> marks_, tokens_;
    std::vector<bool> plain_;
    std::vector<uint32_t> next_plain_, previous_any_;
};

uint32_t paragraph_of_token(const text::Analysis& a, uint32_t token, uint32_t& sentence_cursor) {
    while (sentence_cursor + 1 < a.sentences.size() && a.sentences[sentence_cursor].end_token <= token)
        ++sentence_cursor;
    return a.sentences.empty() ? 0 : a.sentences[sentence_cursor].paragraph;
}

}  // namespace

void find_quotes(std::string_view text, const text::Analysis& analysis, QuoteAnalysis& out) {
    out.marks.clear();
    out.quotes.clear();
    const auto& tokens = analysis.tokens;
    const uint32_t token_count = static_cast<uint32_t>(tokens.size());

    // Paragraph of every mark, and the token where each paragraph ends.
    std::vector<uint32_t> mark_paragraph;
    uint32_t sentence_cursor = 0;
    for (uint32_t i = 0; i < token_count; ++i) {
        if (tokens[i].kind != TokenKind::Quote) continue;
        out.marks.push_back({i, glyph_of(text, tokens[i]), MarkRole::Stray, false});
        mark_paragraph.push_back(paragraph_of_token(analysis, i, sentence_cursor));
    }
    auto paragraph_end_token = [&](uint32_t paragraph) -> uint32_t {
        if (paragraph >= analysis.paragraphs.size()) return token_count;
        return analysis.sentences[analysis.paragraphs[paragraph].end_sentence - 1].end_token;
    };

    auto emit = [&](size_t open_mark, uint32_t close_token, uint32_t end_token, bool closed, bool single) {
        Quote q;
        q.open_token = out.marks[open_mark].token;
        q.close_token = close_token;
        q.end_token = end_token;
        q.begin = tokens[q.open_token].begin;
        q.end = tokens[end_token - 1].end;
        q.closed = closed;
        q.single = single;
        out.quotes.push_back(q);
    };

    // Pass 1: double marks. A paragraph break closes any open quote; a quote that opens the
    // next paragraph then continues it.
    std::vector<size_t> double_marks;
    for (size_t m = 0; m < out.marks.size(); ++m)
        if (!is_single_glyph(out.marks[m].glyph)) double_marks.push_back(m);
    long open = -1;  // mark index of the open quote
    for (size_t m : double_marks) {
        Mark& mark = out.marks[m];
        uint32_t paragraph = mark_paragraph[m];
        if (open >= 0 && mark_paragraph[open] != paragraph) {
            emit(open, UINT32_MAX, paragraph_end_token(mark_paragraph[open]), false, false);
            open = -1;
        }
        Context c = context_of(text, tokens, mark.token);
        int direction = glyph_direction(mark.glyph);
        // A doubled opening mark ("“You don't win …,” Rubio responded, typed as "“): the
        // second opens nothing, and the quotation stays open for its closer.
        if (open >= 0 && out.marks[open].token + 1 == mark.token && !tokens[mark.token].space_before &&
            direction >= 0 && !c.right_free) {
            mark.role = MarkRole::Stray;
            continue;
        }
        bool opens;
        if (c.left_free && !c.right_free) opens = true;
        else if (!c.left_free && c.right_free) opens = false;
        // Floating: trust the glyph, then the state; but no mark that starts a line closes
        // anything ("” … in the case of Wyoming, …,” wrote Time").
        else if (c.left_free && c.right_free)
            opens = open < 0 && (direction >= 0 || mark.token == 0 || tokens[mark.token].newlines_before > 0);
        else opens = open < 0;                                                    // glued on both sides
        if (open >= 0 && opens) {
            // A new quote opens before the last one closed: the last one ends unclosed here.
            emit(open, UINT32_MAX, mark.token, false, false);
            open = -1;
        }
        if (opens) {
            mark.role = MarkRole::Open;
            mark.wrong_way = direction < 0;
            open = static_cast<long>(m);
            continue;
        }
        if (open >= 0) {
            mark.role = MarkRole::Close;
            mark.wrong_way = direction > 0;
            emit(open, mark.token, mark.token + 1, true, false);
            open = -1;
        } else {
            mark.role = MarkRole::Stray;
        }
    }
    if (open >= 0) emit(open, UINT32_MAX, paragraph_end_token(mark_paragraph[open]), false, false);

    // Continuations: an unclosed quote followed by a quote opening the next paragraph.
    std::sort(out.quotes.begin(), out.quotes.end(), [](const Quote& a, const Quote& b) { return a.open_token < b.open_token; });
    for (size_t q = 1; q < out.quotes.size(); ++q) {
        const Quote& prev = out.quotes[q - 1];
        Quote& cur = out.quotes[q];
        if (prev.closed) continue;
        const Token& opener = tokens[cur.open_token];
        cur.continues_previous = opener.newlines_before >= 2 && prev.end_token == cur.open_token;
    }

    // Pass 2: single marks pair only within a paragraph and without crossing a double
    // quote's boundary; unpaired ones are apostrophes (’90s, ’em, voters’).
    // Every step is amortised constant or logarithmic, so that a paragraph made of
    // thousands of quotation marks stays linear: the double quotes (sorted, and never
    // overlapping) are followed with two cursors, and the closers with a ClosersLeft.
    const size_t double_quote_count = out.quotes.size();
    size_t containing_cursor = 0;  // first double quote not ending at or before the mark
    size_t following_cursor = 0;   // first double quote opening after the mark
    ClosersLeft closers;
    for (size_t m = 0; m < out.marks.size(); ++m) {
        const Mark& mark = out.marks[m];
        if (!is_single_glyph(mark.glyph)) continue;
        const Context c = context_of(text, tokens, mark.token);
        if (!c.right_free || c.left_free || glyph_direction(mark.glyph) > 0) continue;
        const bool followed_by_word = mark.token + 1 < token_count && tokens[mark.token + 1].kind == TokenKind::Word;
        closers.add(static_cast<uint32_t>(m), mark.token, !followed_by_word);
    }
    closers.seal();
    for (size_t m = 0; m < out.marks.size(); ++m) {
        Mark& mark = out.marks[m];
        if (!is_single_glyph(mark.glyph) || mark.role != MarkRole::Stray) continue;
        Context c = context_of(text, tokens, mark.token);
        bool next_is_digit = mark.token + 1 < token_count && tokens[mark.token + 1].kind == TokenKind::Number;
        if (!(c.left_free && !c.right_free) || next_is_digit || glyph_direction(mark.glyph) < 0) {
            // ’ opening a quote is rare enough that treating it as elision ('em) is safer,
            // except directly after a colon or a double quote ("‘" written as ’).
            bool after_colon = mark.token > 0 && text::token_text(text, tokens[mark.token - 1]) == ":";
            if (!(c.left_free && !c.right_free && !next_is_digit && after_colon)) {
                mark.role = MarkRole::Apostrophe;
                continue;
            }
        }
        while (containing_cursor < double_quote_count && out.quotes[containing_cursor].end_token <= mark.token)
            ++containing_cursor;
        long container = containing_cursor < double_quote_count && out.quotes[containing_cursor].open_token < mark.token
                             ? static_cast<long>(containing_cursor)
                             : -1;
        uint32_t limit = container >= 0 ? out.quotes[container].end_token
                                        : paragraph_end_token(mark_paragraph[m]);
        if (container < 0) {
            while (following_cursor < double_quote_count && out.quotes[following_cursor].open_token <= mark.token)
                ++following_cursor;
            if (following_cursor < double_quote_count)
                limit = std::min(limit, out.quotes[following_cursor].open_token);
        }
        // The closer: the first one after the mark not followed by a word; when all are (a
        // possessive "voters’ rights" looks like a closer), the last one before the limit.
        const long chosen = closers.take(static_cast<uint32_t>(m), limit);
        if (chosen < 0) {
            mark.role = MarkRole::Apostrophe;
            continue;
        }
        mark.role = MarkRole::Open;
        out.marks[chosen].role = MarkRole::Close;
        emit(m, out.marks[chosen].token, out.marks[chosen].token + 1, true, true);
        out.quotes.back().depth = container >= 0 ? 1 : 0;
    }
    for (auto& mark : out.marks)
        if (mark.role == MarkRole::Stray && is_single_glyph(mark.glyph)) mark.role = MarkRole::Apostrophe;

    std::sort(out.quotes.begin(), out.quotes.end(), [](const Quote& a, const Quote& b) { return a.open_token < b.open_token; });
    // Words inside each quote from running counts: single quotes may overlap, and counting
    // token by token would then be quadratic.
    std::vector<uint32_t> words_before(token_count + 1, 0);
    for (uint32_t t = 0; t < token_count; ++t)
        words_before[t + 1] =
            words_before[t] + (tokens[t].kind == TokenKind::Word || tokens[t].kind == TokenKind::Number ? 1 : 0);
    for (auto& q : out.quotes) {
        const uint32_t first = std::min(q.open_token + 1, token_count);
        const uint32_t end = std::min(q.end_token, token_count);
        q.words = end > first ? words_before[end] - words_before[first] : 0;
    }
}

}  // namespace qg::quotes
