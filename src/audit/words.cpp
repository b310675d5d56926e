#include <algorithm>
#include <cstdio>

#include "audit/detail.h"
#include "graph/names.h"

namespace qg::audit::detail {

namespace {

constexpr size_t kFoldCapacity = 128;

bool is_word(const text::Token& t) { return t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number; }

std::string folded(std::string_view s) {
    std::string buffer(s.size() * 4 + 4, '\0');
    return std::string(text::fold(s, buffer.data(), buffer.size()));
}

std::vector<std::string_view> split_spaces(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

}  // namespace

uint32_t Vocabulary::id(std::string_view word) {
    auto it = ids_.find(word);
    if (it != ids_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(ids_.size());
    ids_.emplace(std::string(word), id);
    return id;
}

void collect_words(std::string_view text, const std::vector<text::Token>& tokens, size_t first, size_t last,
                   Vocabulary& vocabulary, Words& out) {
    char buffer[kFoldCapacity];
    for (size_t i = first; i < last && i < tokens.size(); ++i) {
        const text::Token& t = tokens[i];
        if (!is_word(t)) continue;
        std::string_view word = text::token_text(text, t);
        std::string_view f = text::fold(word, buffer, sizeof buffer);
        out.ids.push_back(vocabulary.id(f.empty() ? word : f));
        out.begin.push_back(t.begin);
        out.end.push_back(t.end);
    }
}

void words_of(std::string_view text, Vocabulary& vocabulary, Words& out) {
    thread_local std::vector<text::Token> tokens;
    text::tokenize(text, tokens);
    out.clear();
    collect_words(text, tokens, 0, tokens.size(), vocabulary, out);
}

Placer::Placer(std::string_view text, std::string document) : text_(text), document_(std::move(document)), offsets_(text) {
    line_starts_.push_back(0);
    for (uint32_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts_.push_back(i + 1);
}

Place Placer::place(uint32_t byte_begin, uint32_t byte_end) const {
    Place p;
    p.document = document_;
    p.start = offsets_.to_char(byte_begin);
    p.end = offsets_.to_char(byte_end);
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_begin);
    size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
    p.line = static_cast<uint32_t>(line);
    p.column = p.start - offsets_.to_char(line_starts_[line - 1]) + 1;
    p.text = std::string(text_.substr(byte_begin, byte_end - byte_begin));
    return p;
}

double similarity(const uint32_t* a, size_t n, const uint32_t* b, size_t m) {
    if (n + m == 0) return 1.0;
    // Longest common subsequence in two rolling rows.
    thread_local std::vector<uint32_t> row, next;
    row.assign(m + 1, 0);
    next.assign(m + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < m; ++j) next[j + 1] = a[i] == b[j] ? row[j] + 1 : std::max(row[j + 1], next[j]);
        std::swap(row, next);
    }
    return 2.0 * row[m] / static_cast<double>(n + m);
}

double diff_words(std::string_view a_text, const Words& a, size_t a_first, size_t a_last, std::string_view b_text,
                  const Words& b, size_t b_first, size_t b_last, std::vector<DiffPiece>* pieces) {
    const size_t n = a_last - a_first, m = b_last - b_first;
    if (!pieces) return similarity(a.ids.data() + a_first, n, b.ids.data() + b_first, m);
    if (n + m == 0) return 1.0;
    // lcs[i][j]: longest common subsequence of a[i..n) and b[j..m), so the walk that
    // writes the diff runs forwards.
    thread_local std::vector<uint32_t> lcs;
    lcs.assign((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            at(i, j) = a.ids[a_first + i] == b.ids[b_first + j] ? at(i + 1, j + 1) + 1
                                                                 : std::max(at(i + 1, j), at(i, j + 1));
    const double result = 2.0 * at(0, 0) / static_cast<double>(n + m);
    pieces->clear();
    auto add = [&](DiffPiece::Op op, std::string_view word) {
        if (pieces->empty() || pieces->back().op != op) {
            pieces->push_back({op, std::string(word)});
        } else {
            pieces->back().text += ' ';
            pieces->back().text += word;
        }
    };
    auto a_word = [&](size_t i) { return a_text.substr(a.begin[a_first + i], a.end[a_first + i] - a.begin[a_first + i]); };
    auto b_word = [&](size_t j) { return b_text.substr(b.begin[b_first + j], b.end[b_first + j] - b.begin[b_first + j]); };
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.ids[a_first + i] == b.ids[b_first + j]) {
            add(DiffPiece::Op::Equal, b_word(j));
            ++i, ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            add(DiffPiece::Op::Insert, b_word(j));
            ++j;
        } else {
            add(DiffPiece::Op::Delete, a_word(i));
            ++i;
        }
    }
    // Show a replaced stretch as its deletion before its insertion.
    for (size_t k = 1; k < pieces->size(); ++k)
        if ((*pieces)[k - 1].op == DiffPiece::Op::Insert && (*pieces)[k].op == DiffPiece::Op::Delete)
            std::swap((*pieces)[k - 1], (*pieces)[k]);
    return result;
}

std::pair<size_t, size_t> best_passage(const uint32_t* query, size_t query_size, const uint32_t* window,
                                       size_t first, size_t last) {
    // Semi-global alignment: the whole query against any stretch of the window, a matching
    // word scoring +2, a mismatch or a gap -1, so that of two passages equally far from the
    // query the one sharing more of its words wins.
    const size_t w = last - first;
    thread_local std::vector<int32_t> score, next_score;
    thread_local std::vector<uint32_t> start, next_start;
    score.assign(w + 1, 0);  // a passage may begin anywhere
    start.resize(w + 1);
    for (size_t c = 0; c <= w; ++c) start[c] = static_cast<uint32_t>(c);
    next_score.resize(w + 1);
    next_start.resize(w + 1);
    for (size_t i = 1; i <= query_size; ++i) {
        next_score[0] = -static_cast<int32_t>(i);
        next_start[0] = 0;
        for (size_t c = 1; c <= w; ++c) {
            int32_t match = score[c - 1] + (query[i - 1] == window[first + c - 1] ? 2 : -1);
            int32_t skip_query = score[c] - 1;
            int32_t skip_window = next_score[c - 1] - 1;
            if (match >= skip_query && match >= skip_window) {
                next_score[c] = match, next_start[c] = start[c - 1];
            } else if (skip_query >= skip_window) {
                next_score[c] = skip_query, next_start[c] = start[c];
            } else {
                next_score[c] = skip_window, next_start[c] = next_start[c - 1];
            }
        }
        std::swap(score, next_score);
        std::swap(start, next_start);
    }
    size_t best = 0;
    for (size_t c = 1; c <= w; ++c)
        if (score[c] > score[best]) best = c;
    return {first + start[best], first + best};
}

PhraseList::PhraseList(std::string_view data) {
    text::for_each_data_line(data, [&](std::string_view line) {
        std::vector<std::string> words;
        for (auto w : split_spaces(line)) words.push_back(folded(w));
        if (!words.empty()) by_first_[words.front()].push_back(std::move(words));
    });
}

size_t PhraseList::match(std::string_view text, const std::vector<text::Token>& tokens, size_t i, size_t last) const {
    if (i >= last || !is_word(tokens[i])) return 0;
    char buffer[kFoldCapacity];
    auto it = by_first_.find(text::fold(text::token_text(text, tokens[i]), buffer, sizeof buffer));
    if (it == by_first_.end()) return 0;
    size_t longest = 0;
    for (const auto& phrase : it->second) {
        if (phrase.size() <= longest || i + phrase.size() > last) continue;
        size_t k = 1;
        for (; k < phrase.size(); ++k) {
            const text::Token& t = tokens[i + k];
            if (!is_word(t) || text::fold(text::token_text(text, t), buffer, sizeof buffer) != phrase[k]) break;
        }
        if (k == phrase.size()) longest = phrase.size();
    }
    return longest;
}

bool same_speaker(std::string_view a, std::string_view b) {
    std::string ka = graph::name_key(graph::strip_titles(a)), kb = graph::name_key(graph::strip_titles(b));
    if (ka.empty() || kb.empty()) return false;
    if (ka == kb) return true;
    auto wa = split_spaces(ka), wb = split_spaces(kb);
    if (wa.back() != wb.back()) return false;
    if (wa.size() < 2 || wb.size() < 2) return true;  // a surname alone matches its full name
    // Two full names with the same surname: the same person when the first names agree
    // or one is the other's initial.
    std::string_view fa = wa.front(), fb = wb.front();
    if (fa == fb) return true;
    auto initial = [](std::string_view x) { return x.size() <= 2 && (x.size() == 1 || x[1] == '.'); };
    return (initial(fa) || initial(fb)) && fa[0] == fb[0];
}

std::string speaker_key(std::string_view name) { return graph::name_key(graph::surname(name)); }

uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

uint64_t hash_words(const uint32_t* ids, size_t n) {
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    for (size_t i = 0; i < n; ++i) h = mix64(h + ids[i]);
    return h;
}

std::string two_decimals(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

std::string shorten(std::string_view text, size_t max_chars) {
    std::string out;
    size_t chars = 0;
    uint32_t pos = 0;
    while (pos < text.size()) {
        uint32_t before = pos;
        char32_t c = text::decode_at(text, pos);
        if (chars == max_chars) {
            out += "…";
            break;
        }
        out.append(text.substr(before, pos - before));
        if (c != '\n') ++chars;
    }
    for (auto& ch : out)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    return out;
}

}  // namespace qg::audit::detail
