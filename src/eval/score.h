// Scoring attributions against gold: the tokenisation the metrics count in, and the
// per-document comparison of gold and predicted spans, summed over a corpus.
//
// Everything here works on code points (a document text decoded to std::u32string), the
// unit both the gold (.ann) and the prediction JSON offsets count in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qg::eval {

// Half-open range of code point offsets, end exclusive.
struct Span {
    uint32_t start = 0;
    uint32_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

// A span made of one or more fragments (gold spans can be discontinuous). Empty = none.
using Fragments = std::vector<Span>;

// One attribution as scored: gold (from a brat E line) or predicted (from the JSON).
struct Attribution {
    std::string id;      // "E3" or "a1"
    Fragments content;   // the reported statement
    Fragments source;    // who it is attributed to
    Fragments cue;       // the reporting words
};

// ---- characters and tokens ----

// Letters (any script), decimal digits, underscore; combining marks join their letter.
bool is_word_char(char32_t c);
// A word character that is not a digit or underscore.
bool is_letter(char32_t c);
// Unicode white space, plus zero-width spaces and the BOM, which never form tokens.
bool is_space(char32_t c);
// Whether text[i] acts as a quotation mark: " “ ” « » „ always; ‘ ’ ' unless they sit
// between two letters (an apostrophe, as in "don't").
bool is_quote_at(std::u32string_view text, size_t i);

// Scoring tokens: maximal runs of word characters, and every other non-space character
// on its own. Returned in text order.
std::vector<Span> tokenize(std::u32string_view text);

// Strict UTF-8 to code points. On invalid input returns false and sets bad_offset to the
// byte offset of the first bad sequence.
bool decode_utf8(std::string_view bytes, std::u32string& out, size_t& bad_offset);
std::string encode_utf8(std::u32string_view text);

// ---- metrics ----

// Precision/recall/F1 from counts; a zero denominator gives 0.
struct Counts {
    uint64_t gold = 0;
    uint64_t pred = 0;
    uint64_t tp = 0;
    double precision() const;
    double recall() const;
    double f1() const;
    Counts& operator+=(const Counts& o);
};

// Attribution-level figures: how many gold contents were found (at least half of their
// tokens covered by one predicted content), and of those with a gold source, how many
// got a predicted source sharing at least one token with it.
struct FoundCounts {
    uint64_t gold = 0;            // gold attributions with a content
    uint64_t found = 0;
    uint64_t with_source = 0;     // found, and the gold has a source
    uint64_t source_correct = 0;  // ... and the predicted source overlaps it
    double found_rate() const;
    double source_rate() const;
    FoundCounts& operator+=(const FoundCounts& o);
};

struct Scores {
    uint64_t documents = 0;
    uint64_t gold_attributions = 0;
    uint64_t pred_attributions = 0;
    Counts content, source, cue;  // token level, per role
    Counts exact;                 // content spans, exact after trimming
    FoundCounts all;              // every gold attribution with a content
    FoundCounts quoted;           // only those whose content holds a quotation mark
    Scores& operator+=(const Scores& o);
};

// What went wrong in one document, for --errors. Indexes point into the gold and
// predicted vectors given to score_document.
struct DocumentErrors {
    struct Missed {
        size_t gold = 0;
        // Predictions whose content overlaps the missed one; if none, the closest content
        // before and after it (within 150 code points).
        std::vector<size_t> nearby;
    };
    struct WrongSource {
        size_t gold = 0;
        size_t pred = 0;
    };
    std::vector<Missed> missed;
    std::vector<size_t> false_alarms;  // predictions sharing no token with any gold content
    std::vector<WrongSource> wrong_source;
    bool empty() const { return missed.empty() && false_alarms.empty() && wrong_source.empty(); }
};

// Scores one document. Every span must lie within `text` (callers check first; spans
// outside are clipped). Fills `errors` when given.
Scores score_document(std::u32string_view text, const std::vector<Attribution>& gold,
                      const std::vector<Attribution>& pred, DocumentErrors* errors = nullptr);

// The form two contents are compared in for exact matching: fragments trimmed of
// surrounding spaces and punctuation, with fragments whose gap holds no word merged.
Fragments exact_key(std::u32string_view text, const Fragments& span);

}  // namespace qg::eval
