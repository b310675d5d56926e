// Aligning two revisions of a document: which statements stayed, which were reworded, and
// the word diff of each rewording.
#include <algorithm>

#include "store/detail.h"

namespace qg::store {

namespace {

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
        const size_t start = i;
        while (i < s.size() && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

// Longest common subsequence table of two sequences, (n+1)·(m+1) entries: revisions hold
// tens of statements and statements tens of words, and both callers cap the sizes.
template <class Same>
std::vector<uint32_t> lcs_table(size_t n, size_t m, Same same) {
    std::vector<uint32_t> t((n + 1) * (m + 1), 0);
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            t[i * (m + 1) + j] = same(i, j) ? t[(i + 1) * (m + 1) + j + 1] + 1
                                            : std::max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1]);
    return t;
}

// Share of words two statements have in common: 2·common / (words of both).
double similarity(std::string_view a, std::string_view b) {
    auto wa = split_words(a), wb = split_words(b);
    if (wa.empty() || wb.empty()) return 0;
    if (wa.size() > 400 || wb.size() > 400) return 0;
    auto t = lcs_table(wa.size(), wb.size(), [&](size_t i, size_t j) { return wa[i] == wb[j]; });
    return 2.0 * t[0] / static_cast<double>(wa.size() + wb.size());
}

constexpr double kRewordedSimilarity = 0.3;
constexpr size_t kMaxAligned = 2000;

}  // namespace

int64_t stable_hash(std::string_view bytes) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return static_cast<int64_t>(h);
}

std::string word_diff(std::string_view a, std::string_view b) {
    auto wa = split_words(a), wb = split_words(b);
    std::string out;
    auto append = [&](std::string_view piece) {
        if (!out.empty()) out += ' ';
        out += piece;
    };
    auto group = [&](const char* open, const char* close, const std::vector<std::string_view>& words, size_t from,
                     size_t to) {
        if (from >= to) return;
        std::string joined = open;
        for (size_t k = from; k < to; ++k) {
            if (k > from) joined += ' ';
            joined += words[k];
        }
        joined += close;
        append(joined);
    };
    if (wa.size() > 400 || wb.size() > 400) {
        group("[-", "-]", wa, 0, wa.size());
        group("{+", "+}", wb, 0, wb.size());
        return out;
    }
    auto t = lcs_table(wa.size(), wb.size(), [&](size_t i, size_t j) { return wa[i] == wb[j]; });
    const size_t n = wa.size(), m = wb.size();
    size_t i = 0, j = 0;
    size_t removed_from = 0, removed_to = 0, added_from = 0, added_to = 0;
    auto flush = [&] {
        group("[-", "-]", wa, removed_from, removed_to);
        group("{+", "+}", wb, added_from, added_to);
        removed_from = removed_to = i;
        added_from = added_to = j;
    };
    while (i < n || j < m) {
        if (i < n && j < m && wa[i] == wb[j]) {
            flush();
            append(wa[i]);
            ++i, ++j;
            removed_from = removed_to = i;
            added_from = added_to = j;
        } else if (j == m || (i < n && t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1])) {
            removed_to = ++i;
        } else {
            added_to = ++j;
        }
    }
    flush();
    return out;
}

std::vector<AlignedChange> align_revisions(const std::vector<AlignedStatement>& before,
                                           const std::vector<AlignedStatement>& after) {
    // Anchors: statements whose claim is unchanged, matched in order.
    std::vector<std::pair<size_t, size_t>> anchors;
    if (before.size() <= kMaxAligned && after.size() <= kMaxAligned) {
        auto t = lcs_table(before.size(), after.size(),
                           [&](size_t i, size_t j) { return before[i].claim_key == after[j].claim_key; });
        const size_t m = after.size();
        size_t i = 0, j = 0;
        while (i < before.size() && j < after.size()) {
            if (before[i].claim_key == after[j].claim_key) {
                anchors.emplace_back(i++, j++);
            } else if (t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1]) {
                ++i;
            } else {
                ++j;
            }
        }
    } else {
        // Too many to align pairwise: identical statements at the same index only.
        for (size_t k = 0; k < std::min(before.size(), after.size()); ++k)
            if (before[k].claim_key == after[k].claim_key) anchors.emplace_back(k, k);
    }
    anchors.emplace_back(before.size(), after.size());  // sentinel closing the last gap

    std::vector<AlignedChange> changes;
    size_t bi = 0, ai = 0;
    for (const auto& [bend, aend] : anchors) {
        // Between two anchors: pair each removed statement with the most similar added one
        // of the same speaker, best pairs first.
        struct Candidate {
            double score;
            size_t b, a;
        };
        std::vector<Candidate> candidates;
        for (size_t b = bi; b < bend; ++b)
            for (size_t a = ai; a < aend; ++a) {
                if (before[b].speaker != after[a].speaker) continue;
                const double score = similarity(before[b].content, after[a].content);
                if (score >= kRewordedSimilarity) candidates.push_back({score, b, a});
            }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
        std::vector<int64_t> partner_of_before(bend - bi, -1);
        std::vector<bool> after_taken(aend - ai, false);
        for (const auto& c : candidates) {
            if (partner_of_before[c.b - bi] >= 0 || after_taken[c.a - ai]) continue;
            partner_of_before[c.b - bi] = static_cast<int64_t>(c.a);
            after_taken[c.a - ai] = true;
        }
        for (size_t b = bi; b < bend; ++b) {
            const int64_t partner = partner_of_before[b - bi];
            if (partner < 0) {
                changes.push_back({ChangeType::Removed, before[b].id, 0, {}});
            } else {
                const auto& a = after[static_cast<size_t>(partner)];
                changes.push_back({ChangeType::Reworded, before[b].id, a.id, word_diff(before[b].content, a.content)});
            }
        }
        for (size_t a = ai; a < aend; ++a)
            if (!after_taken[a - ai]) changes.push_back({ChangeType::Added, 0, after[a].id, {}});
        bi = bend + 1;
        ai = aend + 1;
    }
    return changes;
}

}  // namespace qg::store
