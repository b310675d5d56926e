// The attribution stage's word lists (src/attribution/data), loaded once.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// A word that is a cue with the particle after it ("points out", "critical of") though
// mostly not alone: the particle and the pair's entry.
struct PhrasalCue {
    std::string particle;
    CueEntry entry;
};

class Lexicon {
public:
    // The word lists (data/*.txt), by index into one array: a list's index is its bit in
    // WordInfo::lists, so that a rule's test of a token against a list is a mask, not a
    // search for the list.
    enum List : uint8_t {
        kRecipientVerbs,
        kAuxAdverbs,
        kAuxiliaries,
        kCueParticles,
        kInvertingVerbs,
        kAppositionOpeners,
        kRoleNouns,
        kSentenceAdverbs,
        kAdjunctOpeners,
        kClauseOpeners,
        kSpeechAdjuncts,
        kTimeWords,
        kObjectPronouns,
        kOrgWords,
        kLeadingConjunctions,
        kEventNouns,
        kEvidenceNouns,
        kDeterminers,
        kNounPhraseOpeners,
        kNonSpeakers,
        kImpersonalVerbs,
        kPredicateAdverbs,
        kQuestionOpeners,
        kNamingVerbs,
        kCueMedia,
        kPassiveAuxiliaries,
        kInvertedSourceOpeners,
        kTimePreludes,
        kSpeakingParticiples,
        kFloatingQuantifiers,
        kBeliefPassives,
        kRaisingVerbs,
        kImpersonalSubjects,
        kExperiencerParticiples,
        kLinkingAdjectives,
        kCollectiveNouns,
        kGerundOpeners,
        kDanglingSourceEnds,
        kSubjectQuantifiers,
        kSourceHeads,
        kTimeClauseOpeners,
        kNumberWords,
        kRelationNouns,
        kSourceLeadingPrepositions,
        kStateNames,
        kPeriodAbbreviations,
        kPartyWords,
        kIrregularParticiples,
        kFiniteFormsAfterTime,
        kLabelNouns,
        kObjectTakingPasts,
        kSubordinators,
        kCountApproximators,
        kListCount,
    };
    static_assert(kListCount < 64, "WordInfo::lists has a bit per list, and Finder uses bit 63");

private:
    // Declared before the named lists below, which refer into it.
    std::array<text::WordSet, kListCount> lists_;

public:
    static const Lexicon& get();
    const text::WordSet& list(List which) const { return lists_[which]; }

    // He, she, they, we, I, it, you: a pronoun that can be a subject.
    static bool pronouns_subject(std::string_view word) {
        return word == "he" || word == "she" || word == "they" || word == "we" || word == "I" || word == "it" ||
               word == "He" || word == "She" || word == "They" || word == "We" || word == "It" || word == "you";
    }

    // The calibrated confidence of an attribution made by `rule` with a cue and a source of
    // these kinds (data/confidence.tsv).
    float confidence(Rule rule, bool weak_cue, CueStrength strength, SourceKind source) const {
        return confidence_[static_cast<int>(rule)][weak_cue ? 1 : 0][static_cast<int>(strength)][static_cast<int>(source)];
    }
    // "that-clause", or "that-clause/weak-cue" for one made with a weak cue word: the key
    // of data/confidence.tsv and the "rule" of the JSON output.
    static const std::string& rule_key(Rule rule, bool weak_cue);

    // The learned cue entry for a word, or nullptr.
    const CueEntry* cue(std::string_view word) const;
    // Whether the word after a cue word belongs to the cue ("referring to", "called for",
    // not "said on"), as learned from the annotations (data/particle_joins.tsv).
    bool particle_joins(std::string_view cue_word, std::string_view particle) const;

    // The lists by the names the rules use.
    const text::WordSet& recipient_verbs = lists_[kRecipientVerbs];
    const text::WordSet& aux_adverbs = lists_[kAuxAdverbs];
    const text::WordSet& auxiliaries = lists_[kAuxiliaries];
    const text::WordSet& cue_particles = lists_[kCueParticles];
    const text::WordSet& inverting_verbs = lists_[kInvertingVerbs];
    const text::WordSet& apposition_openers = lists_[kAppositionOpeners];
    const text::WordSet& role_nouns = lists_[kRoleNouns];
    const text::WordSet& sentence_adverbs = lists_[kSentenceAdverbs];
    const text::WordSet& adjunct_openers = lists_[kAdjunctOpeners];
    const text::WordSet& clause_openers = lists_[kClauseOpeners];
    const text::WordSet& speech_adjuncts = lists_[kSpeechAdjuncts];
    const text::WordSet& time_words = lists_[kTimeWords];
    const text::WordSet& object_pronouns = lists_[kObjectPronouns];
    const text::WordSet& org_words = lists_[kOrgWords];
    const text::WordSet& leading_conjunctions = lists_[kLeadingConjunctions];
    const text::WordSet& event_nouns = lists_[kEventNouns];
    const text::WordSet& evidence_nouns = lists_[kEvidenceNouns];
    const text::WordSet& determiners = lists_[kDeterminers];
    const text::WordSet& noun_phrase_openers = lists_[kNounPhraseOpeners];
    const text::WordSet& non_speakers = lists_[kNonSpeakers];
    const text::WordSet& impersonal_verbs = lists_[kImpersonalVerbs];
    const text::WordSet& predicate_adverbs = lists_[kPredicateAdverbs];
    const text::WordSet& question_openers = lists_[kQuestionOpeners];
    const text::WordSet& naming_verbs = lists_[kNamingVerbs];
    const text::WordSet& cue_media = lists_[kCueMedia];
    const text::WordSet& passive_auxiliaries = lists_[kPassiveAuxiliaries];
    const text::WordSet& inverted_source_openers = lists_[kInvertedSourceOpeners];
    const text::WordSet& time_preludes = lists_[kTimePreludes];
    const text::WordSet& speaking_participles = lists_[kSpeakingParticiples];
    const text::WordSet& floating_quantifiers = lists_[kFloatingQuantifiers];
    const text::WordSet& belief_passives = lists_[kBeliefPassives];
    const text::WordSet& raising_verbs = lists_[kRaisingVerbs];
    const text::WordSet& impersonal_subjects = lists_[kImpersonalSubjects];
    const text::WordSet& experiencer_participles = lists_[kExperiencerParticiples];
    const text::WordSet& linking_adjectives = lists_[kLinkingAdjectives];
    const text::WordSet& collective_nouns = lists_[kCollectiveNouns];
    const text::WordSet& gerund_openers = lists_[kGerundOpeners];
    const text::WordSet& dangling_source_ends = lists_[kDanglingSourceEnds];
    const text::WordSet& subject_quantifiers = lists_[kSubjectQuantifiers];
    const text::WordSet& source_heads = lists_[kSourceHeads];
    const text::WordSet& time_clause_openers = lists_[kTimeClauseOpeners];
    const text::WordSet& number_words = lists_[kNumberWords];
    const text::WordSet& relation_nouns = lists_[kRelationNouns];
    const text::WordSet& source_leading_prepositions = lists_[kSourceLeadingPrepositions];
    const text::WordSet& state_names = lists_[kStateNames];
    const text::WordSet& period_abbreviations = lists_[kPeriodAbbreviations];
    const text::WordSet& party_words = lists_[kPartyWords];
    const text::WordSet& irregular_participles = lists_[kIrregularParticiples];
    const text::WordSet& finite_forms_after_time = lists_[kFiniteFormsAfterTime];
    const text::WordSet& label_nouns = lists_[kLabelNouns];
    const text::WordSet& object_taking_pasts = lists_[kObjectTakingPasts];
    const text::WordSet& subordinators = lists_[kSubordinators];
    const text::WordSet& count_approximators = lists_[kCountApproximators];

    // What the lexicon knows of one folded word form, looked up once per token: its cue
    // entry, the phrasal cues it opens, and a bit per word list above that holds it (see
    // list_bit).
    struct WordInfo {
        const CueEntry* cue = nullptr;
        const std::vector<PhrasalCue>* phrasal = nullptr;  // the pairs this word opens
        uint64_t lists = 0;
    };
    WordInfo info(std::string_view word) const;  // folds `word` first
    // The entry of the pair `first` opens with `next` after it, or nullptr.
    static const CueEntry* phrasal_cue(const WordInfo& first, std::string_view next);
    // The bit of WordInfo::lists that stands for `list`, one of the lists above (0 for any
    // other list).
    uint64_t list_bit(const text::WordSet& list) const {
        const std::less_equal<const text::WordSet*> at_or_before;
        if (!at_or_before(lists_.data(), &list) || at_or_before(lists_.data() + lists_.size(), &list)) return 0;
        return uint64_t{1} << (&list - lists_.data());
    }

private:
    Lexicon();
    text::FoldedMap<WordInfo> words_;
    void load_confidences();
    std::array<std::array<std::array<std::array<float, kSourceKindCount>, kCueStrengthCount>, 2>, kRuleCount> confidence_{};
    text::FoldedMap<CueEntry> cues_;  // not changed once built: words_ points into it
    text::FoldedMap<std::vector<PhrasalCue>> phrasal_cues_;  // by first word; likewise
    // "cue-word particle" (cue word "*" for any) -> share of times the annotators joined them.
    std::unordered_map<std::string, float, text::TransparentHash, std::equal_to<>> particle_joins_;
};

}  // namespace qg::attribution
