// Attribution relations: a statement (content), the words that report it (cue) and the
// noun phrase it is attributed to (source), found in one analysed document.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "quotes/quotes.h"
#include "text/text.h"

namespace qg::attribution {

// Byte range into the document text, end exclusive; empty() means "none".
struct ByteSpan {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool empty() const { return end <= begin; }
    friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

enum class Kind : uint8_t { Direct, Indirect, Mixed };

// The rule of the sieve that made an attribution: it says why the attribution was made
// and sets its confidence (data/confidence.tsv, measured by tools/calibrate).
enum class Rule : uint8_t {
    AccordingTo,          // "according to SOURCE, CONTENT"
    AndSaid,              // "SUBJECT did this and said CONTENT"
    Inverted,             // "“CONTENT,” said SOURCE"
    ParticipleContinues,  // "…, adding CONTENT" after another attribution
    ParticipleSubject,    // "SUBJECT did this, insisting CONTENT"
    CommaSubject,         // "SOURCE (R-OH), said CONTENT"
    QuoteAfterCue,        // "SOURCE said: “CONTENT”"
    ThatClause,           // "SOURCE said that CONTENT"
    ClauseAfterCue,       // "SOURCE said CONTENT"
    QuoteBeforeSource,    // "“CONTENT,” SOURCE said"
    ClauseBeforeSource,   // "CONTENT, SOURCE said"
    Colon,                // "SOURCE: “CONTENT”"
    SplitQuote,           // the second half of "“A,” she said, “B.”"
    EarlierParagraph,     // the first paragraphs of a quotation running over several
    Continuation,         // a quotation opening a sentence, continuing the last speaker
    Passive,              // "CONTENT was reported by SOURCE"
    UnlistedVerb,         // "SOURCE sniped that CONTENT with “a quotation”"
    Predicate,            // "SOURCE pledged to make Apple “build …”": a quotation in a predicate
    SpeakerTurn,          // "SOURCE: CONTENT" opening a paragraph (transcripts, headlines)
    InEvidence,           // "In the poll, CONTENT"
    Asked,                // "Asked whether he would run, …": the question, by whoever asked
    SplitClause,          // the second half of "A, she said, B" (no quotation marks)
    MixedContinuation,    // "“A,” she said. Now, “B.”": a sentence closing on a quotation, carrying on
    Unattributed,         // a quotation no rule attributes: a statement whose source the text does not give
};
inline constexpr int kRuleCount = 24;
const char* rule_name(Rule rule);
const char* kind_name(Kind kind);  // "direct", "indirect", "mixed"

// What else besides its rule says how far an attribution can be trusted, measured on the
// tuning articles (tools/calibrate): how likely its cue word is a cue at all, and what its
// source is. "SOURCE said CONTENT" is right 77% of the time with a strong cue word and 40%
// with a weak one.
enum class CueStrength : uint8_t {
    None,      // no cue (a continuation, an unattributed quotation)
    Weak,      // its likeliest word is a cue less than half the times it is seen
    Middling,  // half to four fifths of the time
    Strong,    // "said", "told", "according to": four fifths or more
};
enum class SourceKind : uint8_t {
    None,     // no source mention
    Pronoun,  // "he", "they", "who"
    Noun,     // a common noun phrase: "officials", "the campaign"
    Name,     // a phrase with a name in it: "Sen. Ted Cruz", "the Iowa Democratic Party"
};
inline constexpr int kCueStrengthCount = 4;
inline constexpr int kSourceKindCount = 4;
const char* cue_strength_name(CueStrength strength);  // "none", "weak", "middling", "strong"
const char* source_kind_name(SourceKind kind);        // "none", "pronoun", "noun", "name"

// The word without a clitic fused to it in one token ("they’ve" -> "they", "who'd" ->
// "who", "Trump’s" -> "Trump"); any other word unchanged. For lookups that a clitic should
// not defeat (a pronoun is a pronoun with its verb attached).
inline std::string_view without_clitic(std::string_view w) {
    for (std::string_view mark : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
        const size_t at = w.find(mark);
        if (at == std::string_view::npos || at == 0) continue;
        const auto rest = w.substr(at + mark.size());
        if (rest == "d" || rest == "s" || rest == "ve" || rest == "ll" || rest == "re" || rest == "m")
            return w.substr(0, at);
    }
    return w;
}

// "who", "whose", "which", and "who" with its auxiliary in one token ("who’d", "who's"):
// the subject of a relative clause, a source of its own as PolNeAR marks it.
inline bool is_relative_pronoun_word(std::string_view w) {
    if (w == "who" || w == "whose" || w == "whom" || w == "which" || w == "Who" || w == "Which") return true;
    return w.size() > 3 && (w.starts_with("who") || w.starts_with("Who")) && without_clitic(w).size() == 3;
}

struct Attribution {
    Kind kind = Kind::Indirect;
    ByteSpan content;
    ByteSpan cue;
    ByteSpan source;            // the source mention; empty for a continuation quote
    ByteSpan recipient_mention; // "The National" in "told The National"; often empty
    bool continuation = false;  // a quote with no cue of its own, continuing a speaker
    int continues = -1;         // for a continuation: index of the attribution it continues
    int speaker = -1;           // index into the entity list, -1 when unresolved
    int recipient = -1;         // entity the statement was made to ("told The National")
    Rule rule = Rule::ClauseAfterCue;
    bool weak_cue = false;      // the cue word is only sometimes a cue (needed "that" or a quote)
    CueStrength cue_strength = CueStrength::None;
    SourceKind source_kind = SourceKind::None;
    float confidence = 0.f;
};

// Finds every attribution of an analysed document, in text order of their content.
// Speakers and recipients are left unresolved (-1): the entities stage resolves them.
void find_attributions(std::string_view text, const text::Analysis& analysis,
                       const quotes::QuoteAnalysis& quotes, std::vector<Attribution>& out);

}  // namespace qg::attribution
