// The attribution stage's word lists (src/attribution/data), loaded once.
#pragma once

#include <string_view>

#include "text/lexicon.h"
#include "text/text.h"

namespace qg::attribution {

struct CueEntry {
    float probability = 0.f;     // P(word is inside an annotated cue), learned (tools/learn-cues)
    float content_after = 0.f;   // share of its cues whose content follows it
    float source_after = 0.f;    // share of its cues whose source follows it
    unsigned count = 0;          // times seen inside a cue
};

class Lexicon {
public:
    static const Lexicon& get();

    // He, she, they, we, I, it, you: a pronoun that can be a subject.
    static bool pronouns_subject(std::string_view word) {
        return word == "he" || word == "she" || word == "they" || word == "we" || word == "I" || word == "it" ||
               word == "He" || word == "She" || word == "They" || word == "We" || word == "It" || word == "you";
    }

    // The learned cue entry for a word, or nullptr.
    const CueEntry* cue(std::string_view word) const;

    text::WordSet recipient_verbs, aux_adverbs, auxiliaries, cue_particles, inverting_verbs, apposition_openers, role_nouns, clause_openers, speech_adjuncts, time_words, object_pronouns,
        org_words;

private:
    Lexicon();
    std::unordered_map<std::string, CueEntry, text::TransparentHash, std::equal_to<>> cues_;
};

}  // namespace qg::attribution
