// Internals shared by the audit's checks: word ids, places, word diffs and alignment,
// phrase lists, speaker comparison. Not part of the public interface (audit.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "audit/audit.h"
#include "ingest/document.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"
#include "text/lexicon.h"
#include "text/text.h"

namespace qg::audit::detail {

// Folded words (case, typographic apostrophes) to dense ids, shared by every document so
// that quotes compare as integer sequences. Looking up a known word does not allocate.
class Vocabulary {
public:
    uint32_t id(std::string_view folded);

private:
    std::unordered_map<std::string, uint32_t, text::TransparentHash, std::equal_to<>> ids_;
};

// The words of a stretch of text: word and number tokens only, so quotation marks,
// punctuation and whitespace do not count.
struct Words {
    std::vector<uint32_t> ids;
    std::vector<uint32_t> begin, end;  // byte span of each word in its text
    void clear() { ids.clear(), begin.clear(), end.clear(); }
    size_t size() const { return ids.size(); }
};

// Appends the words of tokens [first, last) to `out`.
void collect_words(std::string_view text, const std::vector<text::Token>& tokens, size_t first, size_t last,
                   Vocabulary& vocabulary, Words& out);
// Tokenizes `text` and collects all its words into `out` (cleared first).
void words_of(std::string_view text, Vocabulary& vocabulary, Words& out);

// Code point offsets, lines and columns of one text.
class Placer {
public:
    Placer(std::string_view text, std::string document);
    Place place(uint32_t byte_begin, uint32_t byte_end) const;  // text included
    const std::string& document() const { return document_; }

private:
    std::string_view text_;
    std::string document_;
    text::OffsetIndex offsets_;
    std::vector<uint32_t> line_starts_;  // byte offset of each line's first byte
};

// 2·(longest common subsequence) / (n + m): how much of two word sequences is shared, in
// order (1 for two empty sequences).
double similarity(const uint32_t* a, size_t n, const uint32_t* b, size_t m);

// Word-level diff of a against b by their longest common subsequence; fills `pieces` with
// runs of equal, deleted (only in a) and inserted (only in b) words spelt as in their texts.
// Returns their similarity; with `pieces` null, only computes it.
double diff_words(std::string_view a_text, const Words& a, size_t a_first, size_t a_last, std::string_view b_text,
                  const Words& b, size_t b_first, size_t b_last, std::vector<DiffPiece>* pieces);

// The passage of window[first, last) that best aligns with the whole of `query` (semi-global
// alignment: free ends in the window); returns [begin, end) in window indices.
std::pair<size_t, size_t> best_passage(const uint32_t* query, size_t query_size, const uint32_t* window,
                                       size_t first, size_t last);

// Phrases (sequences of folded words) read from a word list, matched at a token position.
class PhraseList {
public:
    explicit PhraseList(std::string_view data);
    // Number of tokens of the longest phrase matching words starting at token `i`
    // (punctuation ends a match), 0 when none.
    size_t match(std::string_view text, const std::vector<text::Token>& tokens, size_t i, size_t last) const;

private:
    std::unordered_map<std::string, std::vector<std::vector<std::string>>, text::TransparentHash, std::equal_to<>>
        by_first_;
};

// Whether two speaker names can be the same person or body: equal once titles, case and
// spacing are set aside, or one is the other's surname ("Shami", "MR SHAMI" and
// "Farhad Shami"), unless both give different full names.
bool same_speaker(std::string_view a, std::string_view b);
// The key speakers are grouped by across documents: the folded surname of a person's name
// (titles removed), the folded name of anything else.
std::string speaker_key(std::string_view name);

// One article as the checks see it.
struct Article {
    const ingest::Document& document;
    const text::Analysis& analysis;
    const quotes::QuoteAnalysis& quotes;
    const pipeline::Result& result;
    const Placer& placer;
    // Per quotation: the attribution whose content holds it, -1 when none does.
    std::vector<int> attribution_of_quote;

    Article(const ingest::Document& d, const text::Analysis& a, const quotes::QuoteAnalysis& q,
            const pipeline::Result& r, const Placer& p);
    // Token index range of a quotation's words, marks excluded.
    std::pair<size_t, size_t> inner_tokens(const quotes::Quote& q) const;
    // The speaker's name of an attribution, "" when unresolved.
    std::string speaker_name(int attribution) const;
};

// Within one article (within.cpp).
void check_marks(const Article& article, std::vector<Finding>& out);
void check_attributions(const Article& article, const Options& options, DocumentReport& out);
void check_sources(const Article& article, DocumentReport& out);
void check_alterations(const Article& article, std::vector<Finding>& out);

// Across documents (corpus.cpp): exact normalised quotes grouped into forms, conflicts
// between the speakers of one form, variants between forms of one speaker found by MinHash
// signatures banded into LSH buckets and verified by a word diff.
class CorpusIndex {
public:
    // One quotation of a document: its words (ids) and where it is; `place.text` is the
    // quotation and `place.speaker` the speaker it is attributed to.
    void add(const Words& words, const Place& place);
    void finish(const Options& options, Vocabulary& vocabulary, std::vector<Finding>& out);

private:
    struct Form {
        std::vector<uint32_t> ids;
        std::string text;  // as first seen
        std::vector<uint32_t> occurrences;
    };
    struct Occurrence {
        uint32_t form = 0, document = 0, speaker = 0;
        uint32_t start = 0, end = 0, line = 0, column = 0;
    };
    uint32_t intern(std::vector<std::string>& names, std::unordered_map<std::string, uint32_t>& ids, const std::string& s);
    Place place_of(const Occurrence& o) const;
    bool same(uint32_t speaker_a, uint32_t speaker_b) const;  // same_speaker, memoised
    void find_conflicts(std::vector<Finding>& out) const;
    void find_variants(const Options& options, Vocabulary& vocabulary, std::vector<Finding>& out) const;

    std::vector<Form> forms_;
    std::unordered_map<uint64_t, std::vector<uint32_t>> form_by_hash_;
    std::vector<Occurrence> occurrences_;
    std::vector<std::string> documents_, speakers_;
    std::unordered_map<std::string, uint32_t> document_ids_, speaker_ids_;
    mutable std::unordered_map<uint64_t, bool> same_speaker_;
};

// Against a source (against.cpp): the source's words indexed by word and word pair, so each
// quotation is aligned only within short windows around the diagonals its words vote for.
class SourceIndex {
public:
    void add(const ingest::Document& source, Vocabulary& vocabulary);
    bool empty() const { return sources_.empty(); }
    // Verbatim, altered or not found, and misattributed, for one quotation (`words` index
    // `article_text`; `place.speaker` is who the article gives it to).
    void check(std::string_view article_text, const Words& words, const Place& place, const Options& options,
               std::vector<Finding>& out) const;

private:
    struct Source {
        std::string id, text;
        Words words;
        std::vector<int32_t> speaker;  // per word: index into `speakers`, -1 when unmarked
        std::vector<std::string> speakers;
        std::unique_ptr<Placer> placer;
        uint32_t first = 0;  // position of its first word in `all_`
    };
    const Source& source_at(uint32_t position) const;
    std::vector<std::unique_ptr<Source>> sources_;
    std::vector<uint32_t> all_;  // every source's word ids, one after another
    std::unordered_map<uint64_t, std::vector<uint32_t>> pairs_, singles_;
};

uint64_t mix64(uint64_t x);
uint64_t hash_words(const uint32_t* ids, size_t n);

std::string two_decimals(double value);  // "0.86"
// The quotation text shortened for one-line display.
std::string shorten(std::string_view text, size_t max_chars = 160);

}  // namespace qg::audit::detail
