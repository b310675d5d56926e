// The attribution stage's word lists (src/attribution/data), loaded once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "attribution/attribution.h"
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

    // The calibrated confidence of an attribution made by `rule` (data/confidence.tsv).
    float confidence(Rule rule, bool weak_cue) const {
        return confidence_[static_cast<int>(rule)][weak_cue ? 1 : 0];
    }
    // "that-clause", or "that-clause/weak-cue" for one made with a weak cue word: the key
    // of data/confidence.tsv and the "rule" of the JSON output.
    static std::string rule_key(Rule rule, bool weak_cue);

    // The learned cue entry for a word, or nullptr.
    const CueEntry* cue(std::string_view word) const;
    // Whether the word after a cue word belongs to the cue ("referring to", "called for",
    // not "said on"), as learned from the annotations (data/particle_joins.tsv).
    bool particle_joins(std::string_view cue_word, std::string_view particle) const;

    text::WordSet recipient_verbs, aux_adverbs, auxiliaries, cue_particles, inverting_verbs,
        apposition_openers, role_nouns, sentence_adverbs, adjunct_openers, clause_openers, speech_adjuncts,
        time_words, object_pronouns, org_words, leading_conjunctions, event_nouns, evidence_nouns,
        determiners, noun_phrase_openers, non_speakers;

    // What the lexicon knows of one folded word form, looked up once per token: its cue
    // entry and a bit per word list above that holds it (see list_bit).
    struct WordInfo {
        const CueEntry* cue = nullptr;
        uint32_t lists = 0;
    };
    WordInfo info(std::string_view word) const;  // folds `word` first
    // The bit of WordInfo::lists that stands for `list`, one of the lists above.
    uint32_t list_bit(const text::WordSet& list) const {
        for (size_t i = 0; i < kLists; ++i)
            if (lists_[i] == &list) return 1u << i;
        return 0;
    }

private:
    Lexicon();
    static constexpr size_t kLists = 20;
    const text::WordSet* lists_[kLists] = {&recipient_verbs, &aux_adverbs, &auxiliaries, &cue_particles,
                                           &inverting_verbs, &apposition_openers, &role_nouns, &sentence_adverbs,
                                           &adjunct_openers, &clause_openers, &speech_adjuncts, &time_words,
                                           &object_pronouns, &org_words, &leading_conjunctions, &event_nouns,
                                           &evidence_nouns, &determiners, &noun_phrase_openers, &non_speakers};
    text::FoldedMap<WordInfo> words_;
    float confidence_[kRuleCount][2] = {};
    text::FoldedMap<CueEntry> cues_;  // not changed once built: words_ points into it
    // "cue-word particle" (cue word "*" for any) -> share of times the annotators joined them.
    std::unordered_map<std::string, float, text::TransparentHash, std::equal_to<>> particle_joins_;
};

}  // namespace qg::attribution
