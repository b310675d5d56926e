#include "eval/score.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace qg::eval {

namespace {

// Word-character ranges above ASCII (inclusive bounds, sorted, disjoint): letters of every
// script, decimal digits, combining marks. Punctuation and symbol code points inside
// alphabetic blocks are left out. Unassigned code points inside a script's block count as
// word characters; they do not occur in real text.
struct Range {
    char32_t lo, hi;
};
constexpr Range kWordRanges[] = {
    {0xAA, 0xAA},       {0xAD, 0xAD},       {0xB5, 0xB5},       {0xBA, 0xBA},
    {0xC0, 0xD6},       {0xD8, 0xF6},       {0xF8, 0x2C1},      {0x2C6, 0x2D1},
    {0x2E0, 0x2E4},     {0x2EC, 0x2EC},     {0x2EE, 0x2EE},     {0x300, 0x374},
    {0x376, 0x37D},     {0x37F, 0x37F},     {0x386, 0x386},     {0x388, 0x3F5},
    {0x3F7, 0x481},     {0x483, 0x559},     {0x560, 0x588},     {0x591, 0x5BD},
    {0x5BF, 0x5BF},     {0x5C1, 0x5C2},     {0x5C4, 0x5C5},     {0x5C7, 0x5F2},
    {0x610, 0x61A},     {0x620, 0x669},     {0x66E, 0x6D3},     {0x6D5, 0x6DD},
    {0x6DF, 0x6E8},     {0x6EA, 0x6FC},     {0x6FF, 0x6FF},     {0x70E, 0x7F5},
    {0x7FA, 0x82F},     {0x83F, 0x85D},     {0x85F, 0x963},     {0x966, 0xDF3},
    {0xDF5, 0xE3E},     {0xE40, 0xE4E},     {0xE50, 0xE59},     {0xE5C, 0xF00},
    {0xF18, 0xF19},     {0xF20, 0xF39},     {0xF3E, 0xF84},     {0xF86, 0xFBF},
    {0x1000, 0x1049},   {0x1050, 0x10FA},   {0x10FC, 0x135F},   {0x1369, 0x166C},
    {0x166F, 0x167F},   {0x1681, 0x169A},   {0x16A0, 0x16EA},   {0x16EE, 0x1734},
    {0x1737, 0x17D3},   {0x17D7, 0x17D7},   {0x17DC, 0x17FF},   {0x180B, 0x1FBC},
    {0x1FBE, 0x1FBE},   {0x1FC2, 0x1FCC},   {0x1FD0, 0x1FDC},   {0x1FE0, 0x1FEC},
    {0x1FF2, 0x1FFC},   {0x2071, 0x2071},   {0x207F, 0x207F},   {0x2090, 0x209C},
    {0x2102, 0x2102},   {0x2107, 0x2107},   {0x210A, 0x2113},   {0x2115, 0x2115},
    {0x2119, 0x211D},   {0x2124, 0x2124},   {0x2126, 0x2126},   {0x2128, 0x2128},
    {0x212A, 0x212D},   {0x212F, 0x2139},   {0x213C, 0x213F},   {0x2145, 0x2149},
    {0x214E, 0x214E},   {0x2160, 0x2188},   {0x2C00, 0x2CE4},   {0x2CEB, 0x2CF8},
    {0x2D00, 0x2D6F},   {0x2D7F, 0x2DFF},   {0x3005, 0x3007},   {0x3021, 0x302F},
    {0x3031, 0x3035},   {0x3038, 0x303C},   {0x3041, 0x309A},   {0x309D, 0x309F},
    {0x30A1, 0x30FA},   {0x30FC, 0x318F},   {0x31A0, 0x31BF},   {0x31F0, 0x31FF},
    {0x3400, 0x4DBF},   {0x4E00, 0xA48F},   {0xA4D0, 0xA4FD},   {0xA500, 0xA60C},
    {0xA610, 0xA672},   {0xA674, 0xA67D},   {0xA67F, 0xA6F1},   {0xA717, 0xA71F},
    {0xA722, 0xA788},   {0xA78B, 0xA827},   {0xA840, 0xA873},   {0xA880, 0xA8CD},
    {0xA8D0, 0xA8F7},   {0xA8FB, 0xA8FB},   {0xA8FD, 0xA92D},   {0xA930, 0xA95E},
    {0xA960, 0xA9C0},   {0xA9CF, 0xA9DD},   {0xA9E0, 0xAA5B},   {0xAA60, 0xAA76},
    {0xAA7A, 0xAADD},   {0xAAE0, 0xAAEF},   {0xAAF2, 0xAB5A},   {0xAB5C, 0xAB69},
    {0xAB70, 0xABEA},   {0xABEC, 0xD7FF},   {0xF900, 0xFB28},   {0xFB2A, 0xFD3D},
    {0xFD40, 0xFDFB},   {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},   {0xFE33, 0xFE34},
    {0xFE4D, 0xFE4F},   {0xFE70, 0xFEFC},   {0xFF10, 0xFF19},   {0xFF21, 0xFF3A},
    {0xFF3F, 0xFF3F},   {0xFF41, 0xFF5A},   {0xFF66, 0xFFDC},   {0x10000, 0x1CFFF},
    {0x1D400, 0x1D7FF}, {0x1D800, 0x1EFFF}, {0x1FBF0, 0x1FBF9}, {0x20000, 0x3FFFF},
    {0xE0100, 0xE01EF},
};

bool in_ranges(char32_t c) {
    auto it = std::upper_bound(std::begin(kWordRanges), std::end(kWordRanges), c,
                               [](char32_t v, const Range& r) { return v < r.lo; });
    if (it == std::begin(kWordRanges)) return false;
    --it;
    return c <= it->hi;
}

// Token index intervals [first, last), sorted and merged: the tokens a span touches.
using TokenSet = std::vector<std::pair<uint32_t, uint32_t>>;

class TokenIndex {
public:
    TokenIndex(std::u32string_view text) : tokens_(tokenize(text)), size_(static_cast<uint32_t>(text.size())) {}

    size_t count() const { return tokens_.size(); }

    // Tokens sharing at least one code point with the span.
    std::pair<uint32_t, uint32_t> range(Span s) const {
        s.end = std::min(s.end, size_);
        if (s.start >= s.end) return {0, 0};
        auto first = std::partition_point(tokens_.begin(), tokens_.end(),
                                          [&](const Span& t) { return t.end <= s.start; });
        auto last = std::partition_point(first, tokens_.end(),
                                         [&](const Span& t) { return t.start < s.end; });
        return {static_cast<uint32_t>(first - tokens_.begin()), static_cast<uint32_t>(last - tokens_.begin())};
    }

    TokenSet set(const Fragments& fragments) const {
        TokenSet out;
        for (const Span& f : fragments) {
            auto r = range(f);
            if (r.first < r.second) out.push_back(r);
        }
        std::sort(out.begin(), out.end());
        TokenSet merged;
        for (const auto& r : out) {
            if (!merged.empty() && r.first <= merged.back().second)
                merged.back().second = std::max(merged.back().second, r.second);
            else
                merged.push_back(r);
        }
        return merged;
    }

    void mark(const Fragments& fragments, std::vector<uint8_t>& mask) const {
        for (const Span& f : fragments) {
            auto r = range(f);
            std::fill(mask.begin() + r.first, mask.begin() + r.second, uint8_t{1});
        }
    }

private:
    std::vector<Span> tokens_;
    uint32_t size_;
};

uint64_t set_size(const TokenSet& s) {
    uint64_t n = 0;
    for (const auto& r : s) n += r.second - r.first;
    return n;
}

uint64_t overlap(const TokenSet& a, const TokenSet& b) {
    uint64_t n = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        uint32_t lo = std::max(a[i].first, b[j].first);
        uint32_t hi = std::min(a[i].second, b[j].second);
        if (lo < hi) n += hi - lo;
        if (a[i].second < b[j].second)
            ++i;
        else
            ++j;
    }
    return n;
}

double ratio(uint64_t num, uint64_t den) { return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den); }

// Code point extent [min start, max end) of a span, clipped to the text.
Span extent(const Fragments& f, uint32_t size) {
    Span e{UINT32_MAX, 0};
    for (const Span& s : f) {
        e.start = std::min(e.start, s.start);
        e.end = std::max(e.end, std::min(s.end, size));
    }
    if (e.start >= e.end) return {0, 0};
    return e;
}

bool has_quote(std::u32string_view text, const Fragments& span) {
    for (const Span& f : span) {
        size_t end = std::min<size_t>(f.end, text.size());
        for (size_t i = f.start; i < end; ++i)
            if (is_quote_at(text, i)) return true;
    }
    return false;
}

bool span_less(const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; }

bool fragments_less(const Fragments& x, const Fragments& y) {
    return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), span_less);
}

// The distinct exact keys of a list's contents, sorted.
std::vector<Fragments> exact_keys(std::u32string_view text, const std::vector<Attribution>& list) {
    std::vector<Fragments> out;
    for (const auto& a : list) {
        Fragments k = exact_key(text, a.content);
        if (!k.empty()) out.push_back(std::move(k));
    }
    std::sort(out.begin(), out.end(), fragments_less);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return in_ranges(c);
}

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c >= 0xFF10 && c <= 0xFF19) return false;  // fullwidth digits
    return c != 0xFF3F && in_ranges(c);
}

bool is_space(char32_t c) {
    return c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200D) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0x3000 ||
           c == 0xFEFF;
}

bool is_quote_at(std::u32string_view text, size_t i) {
    if (i >= text.size()) return false;
    switch (text[i]) {
        case U'"':
        case U'\u201C':
        case U'\u201D':
        case U'\u00AB':
        case U'\u00BB':
        case U'\u201E':
            return true;
        case U'\'':
        case U'\u2018':
        case U'\u2019':
            return !(i > 0 && i + 1 < text.size() && is_letter(text[i - 1]) && is_letter(text[i + 1]));
        default:
            return false;
    }
}

std::vector<Span> tokenize(std::u32string_view text) {
    std::vector<Span> out;
    out.reserve(text.size() / 4);
    const uint32_t n = static_cast<uint32_t>(text.size());
    uint32_t i = 0;
    while (i < n) {
        char32_t c = text[i];
        if (is_space(c)) {
            ++i;
        } else if (is_word_char(c)) {
            uint32_t start = i++;
            while (i < n && is_word_char(text[i])) ++i;
            out.push_back({start, i});
        } else {
            out.push_back({i, i + 1});
            ++i;
        }
    }
    return out;
}

bool decode_utf8(std::string_view bytes, std::u32string& out, size_t& bad_offset) {
    out.clear();
    out.reserve(bytes.size());
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    size_t i = 0;
    while (i < n) {
        unsigned char b = s[i];
        if (b < 0x80) {
            out.push_back(b);
            ++i;
            continue;
        }
        size_t len;
        char32_t c;
        char32_t min;
        if ((b & 0xE0) == 0xC0) {
            len = 2, c = b & 0x1F, min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3, c = b & 0x0F, min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4, c = b & 0x07, min = 0x10000;
        } else {
            bad_offset = i;
            return false;
        }
        if (i + len > n) {
            bad_offset = i;
            return false;
        }
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) {
                bad_offset = i;
                return false;
            }
            c = (c << 6) | (s[i + k] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            bad_offset = i;
            return false;
        }
        out.push_back(c);
        i += len;
    }
    return true;
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

double Counts::precision() const { return ratio(tp, pred); }
double Counts::recall() const { return ratio(tp, gold); }
double Counts::f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
Counts& Counts::operator+=(const Counts& o) {
    gold += o.gold;
    pred += o.pred;
    tp += o.tp;
    return *this;
}

double FoundCounts::found_rate() const { return ratio(found, gold); }
double FoundCounts::source_rate() const { return ratio(source_correct, with_source); }
FoundCounts& FoundCounts::operator+=(const FoundCounts& o) {
    gold += o.gold;
    found += o.found;
    with_source += o.with_source;
    source_correct += o.source_correct;
    return *this;
}

Scores& Scores::operator+=(const Scores& o) {
    documents += o.documents;
    gold_attributions += o.gold_attributions;
    pred_attributions += o.pred_attributions;
    content += o.content;
    source += o.source;
    cue += o.cue;
    exact += o.exact;
    all += o.all;
    quoted += o.quoted;
    return *this;
}

Fragments exact_key(std::u32string_view text, const Fragments& span) {
    const uint32_t n = static_cast<uint32_t>(text.size());
    Fragments trimmed;
    for (Span f : span) {
        f.end = std::min(f.end, n);
        while (f.start < f.end && !is_word_char(text[f.start])) ++f.start;
        while (f.end > f.start && !is_word_char(text[f.end - 1])) --f.end;
        if (f.start < f.end) trimmed.push_back(f);
    }
    std::sort(trimmed.begin(), trimmed.end(), span_less);
    Fragments key;
    for (const Span& f : trimmed) {
        if (!key.empty()) {
            Span& last = key.back();
            bool joins = f.start <= last.end;
            if (!joins) {
                joins = true;
                for (uint32_t i = last.end; i < f.start; ++i)
                    if (is_word_char(text[i])) {
                        joins = false;
                        break;
                    }
            }
            if (joins) {
                last.end = std::max(last.end, f.end);
                continue;
            }
        }
        key.push_back(f);
    }
    return key;
}

Scores score_document(std::u32string_view text, const std::vector<Attribution>& gold,
                      const std::vector<Attribution>& pred, DocumentErrors* errors) {
    Scores s;
    s.documents = 1;
    s.gold_attributions = gold.size();
    s.pred_attributions = pred.size();
    const TokenIndex index(text);
    const uint32_t size = static_cast<uint32_t>(text.size());

    // (1) Token level, per role: the tokens any gold span covers against those any
    // predicted span covers.
    std::vector<uint8_t> gold_mask(index.count()), pred_mask(index.count());
    auto role = [&](Fragments Attribution::*member, Counts& counts) {
        std::fill(gold_mask.begin(), gold_mask.end(), uint8_t{0});
        std::fill(pred_mask.begin(), pred_mask.end(), uint8_t{0});
        for (const auto& a : gold) index.mark(a.*member, gold_mask);
        for (const auto& a : pred) index.mark(a.*member, pred_mask);
        for (size_t i = 0; i < gold_mask.size(); ++i) {
            counts.gold += gold_mask[i];
            counts.pred += pred_mask[i];
            counts.tp += gold_mask[i] & pred_mask[i];
        }
    };
    role(&Attribution::content, s.content);
    role(&Attribution::source, s.source);
    role(&Attribution::cue, s.cue);

    // (2, 3) Attribution level.
    std::vector<TokenSet> pred_content(pred.size()), pred_source(pred.size());
    for (size_t p = 0; p < pred.size(); ++p) {
        pred_content[p] = index.set(pred[p].content);
        pred_source[p] = index.set(pred[p].source);
    }
    std::vector<uint8_t> pred_touches_gold(pred.size(), 0);
    for (size_t g = 0; g < gold.size(); ++g) {
        const Attribution& a = gold[g];
        if (a.content.empty()) continue;
        const TokenSet content = index.set(a.content);
        const uint64_t need = set_size(content);
        const bool quoted = has_quote(text, a.content);
        const TokenSet source = index.set(a.source);
        // The prediction covering most of the content; among equals (two attributions of
        // one statement, "A and B said"), one whose source is right.
        uint64_t best = 0;
        size_t best_pred = 0;
        bool best_source = false;
        for (size_t p = 0; p < pred.size(); ++p) {
            uint64_t o = overlap(content, pred_content[p]);
            if (o == 0) continue;
            pred_touches_gold[p] = 1;
            bool right = overlap(source, pred_source[p]) > 0;
            if (o > best || (o == best && right && !best_source)) best = o, best_pred = p, best_source = right;
        }
        const bool found = best > 0 && 2 * best >= need;
        FoundCounts f;
        f.gold = 1;
        if (found) {
            f.found = 1;
            if (!a.source.empty()) {
                f.with_source = 1;
                f.source_correct = best_source ? 1 : 0;
                if (!best_source && errors) errors->wrong_source.push_back({g, best_pred});
            }
        } else if (errors) {
            // What was predicted there: contents overlapping it, or else the closest
            // content on each side within a short distance.
            DocumentErrors::Missed m{g, {}};
            const Span ge = extent(a.content, size);
            constexpr uint32_t kNear = 150;
            size_t before = pred.size(), after = pred.size();
            uint32_t before_end = 0, after_start = UINT32_MAX;
            for (size_t p = 0; p < pred.size(); ++p) {
                const Span pe = extent(pred[p].content, size);
                if (pe.end <= pe.start) continue;
                if (overlap(content, pred_content[p]) > 0) {
                    m.nearby.push_back(p);
                } else if (pe.end <= ge.start + 1 && pe.end + kNear >= ge.start && (before == pred.size() || pe.end > before_end)) {
                    before = p, before_end = pe.end;
                } else if (pe.start + 1 >= ge.end && pe.start <= ge.end + kNear && pe.start < after_start) {
                    after = p, after_start = pe.start;
                }
            }
            if (m.nearby.empty()) {
                if (before < pred.size()) m.nearby.push_back(before);
                if (after < pred.size()) m.nearby.push_back(after);
            }
            errors->missed.push_back(std::move(m));
        }
        s.all += f;
        if (quoted) s.quoted += f;
    }
    if (errors) {
        for (size_t p = 0; p < pred.size(); ++p)
            if (!pred_touches_gold[p] && !pred_content[p].empty()) errors->false_alarms.push_back(p);
    }

    // (4) Exact content spans, compared as sets per document.
    const std::vector<Fragments> gold_keys = exact_keys(text, gold), pred_keys = exact_keys(text, pred);
    s.exact.gold = gold_keys.size();
    s.exact.pred = pred_keys.size();
    std::vector<Fragments> common;
    std::set_intersection(gold_keys.begin(), gold_keys.end(), pred_keys.begin(), pred_keys.end(),
                          std::back_inserter(common), fragments_less);
    s.exact.tp = common.size();
    return s;
}

}  // namespace qg::eval
