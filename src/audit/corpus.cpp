// Conflicts and variants across documents.
//
// Quotations are normalised to their word ids (quotation marks, case, whitespace and
// punctuation gone), and identical ones share a *form*. A form given to speakers that
// cannot be the same person, in different documents, is a conflict. For variants, each
// form gets a MinHash signature over its words and word pairs; the signature is cut into
// bands, and a band's values together with a speaker key (the surname) name an LSH bucket,
// so only forms of one speaker sharing a band are ever compared. Each candidate pair is
// verified by a word diff (longest common subsequence), which gives the similarity.
// Work is linear in the number of quotations plus the candidate pairs.
#include <algorithm>
#include <unordered_set>
#include <utility>

#include "audit/detail.h"

namespace qg::audit::detail {

namespace {

constexpr int kBands = 20;
constexpr int kRows = 3;  // a pair with Jaccard similarity J is a candidate with probability 1-(1-J^3)^20
constexpr int kHashes = kBands * kRows;

void signature(const std::vector<uint32_t>& ids, uint64_t (&out)[kHashes]) {
    std::fill(std::begin(out), std::end(out), UINT64_MAX);
    auto add = [&](uint64_t feature) {
        uint64_t h = mix64(feature);
        for (int i = 0; i < kHashes; ++i) out[i] = std::min(out[i], mix64(h ^ (0x9e3779b97f4a7c15ULL * (i + 1))));
    };
    for (size_t i = 0; i < ids.size(); ++i) {
        add(ids[i]);
        if (i + 1 < ids.size()) add((uint64_t{ids[i]} << 32 | ids[i + 1]) ^ 0x5bd1e9955bd1e995ULL);
    }
}


}  // namespace

uint32_t CorpusIndex::intern(std::vector<std::string>& names, std::unordered_map<std::string, uint32_t>& ids,
                             const std::string& s) {
    auto [it, inserted] = ids.emplace(s, static_cast<uint32_t>(names.size()));
    if (inserted) names.push_back(s);
    return it->second;
}

void CorpusIndex::add(const Words& words, const Place& place) {
    uint64_t h = hash_words(words.ids.data(), words.size());
    auto& bucket = form_by_hash_[h];
    uint32_t form = UINT32_MAX;
    for (uint32_t f : bucket)
        if (forms_[f].ids == words.ids) form = f;
    if (form == UINT32_MAX) {
        form = static_cast<uint32_t>(forms_.size());
        forms_.push_back({words.ids, place.text, {}});
        bucket.push_back(form);
    }
    Occurrence o;
    o.form = form;
    o.document = intern(documents_, document_ids_, place.document);
    o.speaker = intern(speakers_, speaker_ids_, place.speaker);
    o.start = place.start, o.end = place.end, o.line = place.line, o.column = place.column;
    forms_[form].occurrences.push_back(static_cast<uint32_t>(occurrences_.size()));
    occurrences_.push_back(o);
}

bool CorpusIndex::same(uint32_t a, uint32_t b) const {
    if (a == b) return true;
    uint64_t key = uint64_t{std::min(a, b)} << 32 | std::max(a, b);
    auto it = same_speaker_.find(key);
    if (it == same_speaker_.end()) it = same_speaker_.emplace(key, same_speaker(speakers_[a], speakers_[b])).first;
    return it->second;
}

Place CorpusIndex::place_of(const Occurrence& o) const {
    Place p;
    p.document = documents_[o.document];
    p.start = o.start, p.end = o.end, p.line = o.line, p.column = o.column;
    p.text = forms_[o.form].text;
    p.speaker = speakers_[o.speaker];
    return p;
}

void CorpusIndex::finish(const Options& options, Vocabulary& vocabulary, std::vector<Finding>& out) {
    find_conflicts(out);
    find_variants(options, vocabulary, out);
}

void CorpusIndex::find_conflicts(std::vector<Finding>& out) const {
    for (const Form& form : forms_) {
        if (form.occurrences.size() < 2) continue;
        // Speakers that may be one person fall in one group.
        std::vector<uint32_t> groups;  // a representative speaker per group
        std::vector<size_t> documents_per_group;
        std::vector<std::unordered_set<uint32_t>> group_documents;
        for (uint32_t o : form.occurrences) {
            const Occurrence& occ = occurrences_[o];
            size_t g = 0;
            while (g < groups.size() && !same(groups[g], occ.speaker)) ++g;
            if (g == groups.size()) {
                groups.push_back(occ.speaker);
                group_documents.emplace_back();
            }
            group_documents[g].insert(occ.document);
        }
        if (groups.size() < 2) continue;
        std::unordered_set<uint32_t> documents;
        for (const auto& d : group_documents) documents.insert(d.begin(), d.end());
        if (documents.size() < 2) continue;  // one document contradicting itself is not a cross-document conflict
        Finding f;
        f.check = Check::Conflict;
        f.severity = severity_of(Check::Conflict);
        f.where = place_of(occurrences_[form.occurrences.front()]);
        std::string who;
        for (size_t g = 0; g < groups.size(); ++g) {
            if (g) who += g + 1 == groups.size() ? " and " : ", ";
            who += speakers_[groups[g]] + " (" + std::to_string(group_documents[g].size()) +
                   (group_documents[g].size() == 1 ? " document)" : " documents)");
        }
        f.message = "the same quotation is attributed to " + std::to_string(groups.size()) + " different speakers: " + who;
        for (uint32_t o : form.occurrences) f.occurrences.push_back(place_of(occurrences_[o]));
        out.push_back(std::move(f));
    }
}

void CorpusIndex::find_variants(const Options& options, Vocabulary& vocabulary, std::vector<Finding>& out) const {
    // LSH buckets: (speaker key, band, band values) -> forms, as one sorted array of
    // (bucket, form) entries rather than a map of small vectors.
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    entries.reserve(forms_.size() * kBands);
    std::unordered_map<uint32_t, uint64_t> key_hash_of_speaker;
    uint64_t sig[kHashes];
    std::vector<uint64_t> keys;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
        const Form& form = forms_[f];
        signature(form.ids, sig);
        keys.clear();
        for (uint32_t o : form.occurrences) {
            uint32_t s = occurrences_[o].speaker;
            auto it = key_hash_of_speaker.find(s);
            if (it == key_hash_of_speaker.end())
                it = key_hash_of_speaker.emplace(s, std::hash<std::string>{}(speaker_key(speakers_[s]))).first;
            if (std::find(keys.begin(), keys.end(), it->second) == keys.end()) keys.push_back(it->second);
        }
        for (uint64_t key : keys)
            for (int b = 0; b < kBands; ++b) {
                uint64_t h = mix64(key ^ (0xa24baed4963ee407ULL * (b + 1)));
                for (int r = 0; r < kRows; ++r) h = mix64(h ^ sig[b * kRows + r]);
                entries.emplace_back(h, f);
            }
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    std::vector<std::pair<uint32_t, uint32_t>> candidates;
    for (size_t lo = 0, hi; lo < entries.size(); lo = hi) {
        for (hi = lo + 1; hi < entries.size() && entries[hi].first == entries[lo].first;) ++hi;
        for (size_t i = lo; i < hi; ++i)
            for (size_t j = i + 1; j < hi; ++j) candidates.emplace_back(entries[i].second, entries[j].second);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    Words a_words, b_words;
    for (auto [a, b] : candidates) {
        const Form& fa = forms_[a];
        const Form& fb = forms_[b];
        // Length alone can rule a pair out: similarity <= 2·min / (|a| + |b|).
        size_t na = fa.ids.size(), nb = fb.ids.size();
        if (2.0 * std::min(na, nb) / static_cast<double>(na + nb) < options.min_similarity) continue;
        double shared = similarity(fa.ids.data(), na, fb.ids.data(), nb);
        if (shared < options.min_similarity || shared >= 1.0) continue;
        // A speaker of one form who can be a speaker of the other, in another document.
        const Occurrence* first = nullptr;
        for (uint32_t oa : fa.occurrences) {
            for (uint32_t ob : fb.occurrences) {
                const Occurrence& x = occurrences_[oa];
                const Occurrence& y = occurrences_[ob];
                if (x.document != y.document && same(x.speaker, y.speaker)) {
                    first = &x;
                    break;
                }
            }
            if (first) break;
        }
        if (!first) continue;
        Finding f;
        f.check = Check::Variant;
        f.severity = severity_of(Check::Variant);
        f.where = place_of(*first);
        f.similarity = shared;
        const std::string& speaker = speakers_[first->speaker];
        for (const Form* form : {&fa, &fb})
            for (uint32_t o : form->occurrences)
                if (same(occurrences_[o].speaker, first->speaker)) f.occurrences.push_back(place_of(occurrences_[o]));
        f.message = speaker + "’s quotation is worded differently in different documents (similarity " +
                    two_decimals(shared) + ")";
        // The diff, spelt as the quotations were written.
        words_of(fa.text, vocabulary, a_words);
        words_of(fb.text, vocabulary, b_words);
        diff_words(fa.text, a_words, 0, a_words.size(), fb.text, b_words, 0, b_words.size(), &f.diff);
        out.push_back(std::move(f));
    }
}

}  // namespace qg::audit::detail
