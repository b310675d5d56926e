// Quotes against their source (a transcript, a statement): verbatim, altered, not found,
// misattributed.
//
// The sources' words are indexed by word pair (and by word, for one-word quotations). A
// quotation's word pairs vote for diagonals (source position minus quotation position);
// the best-supported diagonals give short windows of the source, and only there is the
// quotation aligned word by word (semi-global: free ends in the window). The work per
// quotation is its postings plus its length times its window, never the whole source.
#include <algorithm>

#include "audit/detail.h"
#include "text/text.h"

namespace qg::audit::detail {

namespace {

constexpr size_t kMaxPostings = 4096;  // word pairs more common than this do not vote

uint64_t pair_key(uint32_t a, uint32_t b) { return uint64_t{a} << 32 | b; }

bool is_label_word(std::string_view word) {
    if (word.empty()) return false;
    uint32_t pos = 0;
    if (!text::is_upper(text::decode_at(word, pos))) return false;
    while (pos < word.size()) {
        char32_t c = text::decode_at(word, pos);
        if (!(text::is_letter(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019)) return false;
    }
    return true;
}

// The length of a speaker label opening a line ("MR SHAMI: ", "Farhad Shami:"): up to
// six capitalised words then a colon ending the line or followed by a space; 0 if none.
size_t label_length(std::string_view line, std::string_view& name) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 60) return 0;
    if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') return 0;
    std::string_view label = line.substr(0, colon);
    int words = 0;
    size_t i = 0;
    while (i < label.size()) {
        size_t space = label.find(' ', i);
        std::string_view word = label.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i);
        if (!is_label_word(word) || ++words > 6) return 0;
        if (space == std::string_view::npos) break;
        i = space + 1;
    }
    name = label;
    size_t end = colon + 1;
    while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
    return end;
}


}  // namespace

void SourceIndex::add(const ingest::Document& document, Vocabulary& vocabulary) {
    auto source = std::make_unique<Source>();
    source->id = document.id;
    source->text = document.text;
    source->placer = std::make_unique<Placer>(source->text, source->id);
    source->first = static_cast<uint32_t>(all_.size());
    const std::string_view text = source->text;

    // Speaker labels: byte ranges to leave out of the words, and where each speaker begins.
    struct Label {
        uint32_t begin, end;
        int32_t speaker;
    };
    std::vector<Label> labels;
    for (size_t start = 0; start < text.size();) {
        size_t nl = text.find('\n', start);
        size_t stop = nl == std::string_view::npos ? text.size() : nl;
        size_t indent = start;
        while (indent < stop && (text[indent] == ' ' || text[indent] == '\t')) ++indent;
        std::string_view name;
        if (size_t n = label_length(text.substr(indent, stop - indent), name)) {
            auto it = std::find(source->speakers.begin(), source->speakers.end(), name);
            int32_t speaker = static_cast<int32_t>(it - source->speakers.begin());
            if (it == source->speakers.end()) source->speakers.emplace_back(name);
            labels.push_back({static_cast<uint32_t>(indent), static_cast<uint32_t>(indent + n), speaker});
        }
        start = stop + 1;
    }

    thread_local std::vector<text::Token> tokens;
    text::tokenize(text, tokens);
    size_t label = 0;
    int32_t speaker = -1;
    for (size_t t = 0; t < tokens.size(); ++t) {
        while (label < labels.size() && labels[label].end <= tokens[t].begin) speaker = labels[label++].speaker;
        if (label < labels.size() && labels[label].begin <= tokens[t].begin) continue;  // inside a label
        size_t before = source->words.size();
        collect_words(text, tokens, t, t + 1, vocabulary, source->words);
        if (source->words.size() > before) source->speaker.push_back(speaker);
    }
    for (size_t i = 0; i < source->words.size(); ++i) {
        uint32_t position = static_cast<uint32_t>(all_.size());
        all_.push_back(source->words.ids[i]);
        singles_[source->words.ids[i]].push_back(position);
        if (i + 1 < source->words.size()) pairs_[pair_key(source->words.ids[i], source->words.ids[i + 1])].push_back(position);
    }
    sources_.push_back(std::move(source));
}

const SourceIndex::Source& SourceIndex::source_at(uint32_t position) const {
    auto it = std::upper_bound(sources_.begin(), sources_.end(), position,
                               [](uint32_t p, const std::unique_ptr<Source>& s) { return p < s->first; });
    return **(it - 1);
}

void SourceIndex::check(std::string_view article_text, const Words& words, const Place& place, const Options& options,
                        std::vector<Finding>& out) const {
    const size_t n = words.size();
    if (n == 0 || all_.empty()) return;
    // Diagonals voted for by the quotation's word pairs (its rarest word when it has one word
    // or no pair is found).
    thread_local std::vector<int64_t> diagonals;
    diagonals.clear();
    for (size_t i = 0; i + 1 < n; ++i) {
        auto it = pairs_.find(pair_key(words.ids[i], words.ids[i + 1]));
        if (it == pairs_.end() || it->second.size() > kMaxPostings) continue;
        for (uint32_t p : it->second) diagonals.push_back(static_cast<int64_t>(p) - static_cast<int64_t>(i));
    }
    if (diagonals.empty()) {
        const std::vector<uint32_t>* rarest = nullptr;
        size_t at = 0;
        for (size_t i = 0; i < n; ++i) {
            auto it = singles_.find(words.ids[i]);
            if (it != singles_.end() && (!rarest || it->second.size() < rarest->size())) rarest = &it->second, at = i;
        }
        if (rarest && rarest->size() <= kMaxPostings)
            for (uint32_t p : *rarest) diagonals.push_back(static_cast<int64_t>(p) - static_cast<int64_t>(at));
    }
    std::sort(diagonals.begin(), diagonals.end());

    // The two best-supported bands of diagonals, each aligned in its window.
    const int64_t band = 2 + static_cast<int64_t>(n / 4);
    struct Best {
        double similarity = -1;
        const Source* source = nullptr;
        size_t begin = 0, end = 0;  // passage, in the source's word indices
    } best;
    std::vector<std::pair<int64_t, int64_t>> tried;
    for (int round = 0; round < 2 && !diagonals.empty(); ++round) {
        size_t best_count = 0, best_lo = 0, best_hi = 0;
        for (size_t lo = 0, hi = 0; lo < diagonals.size(); ++lo) {
            if (std::any_of(tried.begin(), tried.end(), [&](auto r) { return diagonals[lo] >= r.first && diagonals[lo] <= r.second; }))
                continue;
            hi = std::max(hi, lo);
            while (hi + 1 < diagonals.size() && diagonals[hi + 1] - diagonals[lo] <= band) ++hi;
            if (hi - lo + 1 > best_count) best_count = hi - lo + 1, best_lo = lo, best_hi = hi;
        }
        if (best_count == 0) break;
        int64_t d_lo = diagonals[best_lo], d_hi = diagonals[best_hi];
        tried.emplace_back(d_lo - band, d_hi + band);
        int64_t middle = std::clamp<int64_t>(d_lo + static_cast<int64_t>(n) / 2, 0, static_cast<int64_t>(all_.size()) - 1);
        const Source& source = source_at(static_cast<uint32_t>(middle));
        const int64_t first = source.first, last = first + static_cast<int64_t>(source.words.size());
        size_t lo = static_cast<size_t>(std::clamp<int64_t>(d_lo - band, first, last) - first);
        size_t hi = static_cast<size_t>(std::clamp<int64_t>(d_hi + static_cast<int64_t>(n) + band, first, last) - first);
        if (lo >= hi) continue;
        auto [b, e] = best_passage(words.ids.data(), n, source.words.ids.data(), lo, hi);
        double similarity = diff_words(article_text, words, 0, n, source.text, source.words, b, e, nullptr);
        if (similarity > best.similarity) best = {similarity, &source, b, e};
    }

    Finding f;
    f.where = place;
    if (!best.source || best.similarity < options.min_similarity) {
        f.check = Check::NotFound;
        f.message = "quotation not found in the source";
        if (best.source) f.message += " (the closest passage has similarity " + two_decimals(best.similarity) + ")";
    } else {
        const Source& source = *best.source;
        Place passage = source.placer->place(source.words.begin[best.begin], source.words.end[best.end - 1]);
        // The speaker the source gives most of the passage to.
        std::vector<int> votes(source.speakers.size(), 0);
        for (size_t i = best.begin; i < best.end; ++i)
            if (source.speaker[i] >= 0) ++votes[source.speaker[i]];
        auto top = std::max_element(votes.begin(), votes.end());
        if (top != votes.end() && *top > 0) passage.speaker = source.speakers[top - votes.begin()];
        f.similarity = diff_words(source.text, source.words, best.begin, best.end, article_text, words, 0, n, &f.diff);
        bool verbatim = f.similarity >= 1.0;
        if (verbatim) f.diff.clear();
        f.check = verbatim ? Check::Verbatim : Check::Altered;
        f.message = verbatim ? "quotation found verbatim in " + source.id
                             : "quotation differs from the source " + source.id + " (similarity " +
                                   two_decimals(f.similarity) + ")";
        f.occurrences.push_back(passage);
        if (!passage.speaker.empty() && !place.speaker.empty() && !same_speaker(passage.speaker, place.speaker)) {
            Finding m;
            m.check = Check::Misattribution;
            m.severity = severity_of(m.check);
            m.where = place;
            m.message = "attributed to " + place.speaker + ", but " + source.id + " gives these words to " + passage.speaker;
            m.similarity = f.similarity;
            m.occurrences.push_back(passage);
            f.severity = severity_of(f.check);
            out.push_back(std::move(f));
            out.push_back(std::move(m));
            return;
        }
    }
    f.severity = severity_of(f.check);
    out.push_back(std::move(f));
}

}  // namespace qg::audit::detail
