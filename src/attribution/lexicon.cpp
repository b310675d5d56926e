#include "attribution/lexicon.h"

#include <array>
#include <charconv>
#include <cstring>
#include <string>

namespace qg::attribution {

namespace data {
extern const std::string_view cues_tsv_data;
extern const std::string_view recipient_verbs_txt_data;
extern const std::string_view aux_adverbs_txt_data;
extern const std::string_view auxiliaries_txt_data;
extern const std::string_view cue_particles_txt_data;
extern const std::string_view inverting_verbs_txt_data;
extern const std::string_view apposition_openers_txt_data;
extern const std::string_view role_nouns_txt_data;
extern const std::string_view relation_nouns_txt_data;
extern const std::string_view source_leading_prepositions_txt_data;
extern const std::string_view state_names_txt_data;
extern const std::string_view period_abbreviations_txt_data;
extern const std::string_view party_words_txt_data;
extern const std::string_view label_nouns_txt_data;
extern const std::string_view object_taking_pasts_txt_data;
extern const std::string_view subordinators_txt_data;
extern const std::string_view irregular_participles_txt_data;
extern const std::string_view finite_forms_after_time_txt_data;
extern const std::string_view sentence_adverbs_txt_data;
extern const std::string_view leading_conjunctions_txt_data;
extern const std::string_view particle_joins_tsv_data;
extern const std::string_view adjunct_openers_txt_data;
extern const std::string_view confidence_tsv_data;
extern const std::string_view clause_openers_txt_data;
extern const std::string_view time_clause_openers_txt_data;
extern const std::string_view number_words_txt_data;
extern const std::string_view speech_adjuncts_txt_data;
extern const std::string_view time_words_txt_data;
extern const std::string_view object_pronouns_txt_data;
extern const std::string_view org_words_txt_data;
extern const std::string_view event_nouns_txt_data;
extern const std::string_view evidence_nouns_txt_data;
extern const std::string_view determiners_txt_data;
extern const std::string_view noun_phrase_openers_txt_data;
extern const std::string_view non_speakers_txt_data;
extern const std::string_view impersonal_verbs_txt_data;
extern const std::string_view predicate_adverbs_txt_data;
extern const std::string_view question_openers_txt_data;
extern const std::string_view naming_verbs_txt_data;
extern const std::string_view cue_media_txt_data;
extern const std::string_view passive_auxiliaries_txt_data;
extern const std::string_view inverted_source_openers_txt_data;
extern const std::string_view time_preludes_txt_data;
extern const std::string_view speaking_participles_txt_data;
extern const std::string_view gerund_openers_txt_data;
extern const std::string_view dangling_source_ends_txt_data;
extern const std::string_view floating_quantifiers_txt_data;
extern const std::string_view subject_quantifiers_txt_data;
extern const std::string_view source_heads_tsv_data;
extern const std::string_view belief_passives_txt_data;
extern const std::string_view raising_verbs_txt_data;
extern const std::string_view impersonal_subjects_txt_data;
extern const std::string_view experiencer_participles_txt_data;
extern const std::string_view linking_adjectives_txt_data;
extern const std::string_view collective_nouns_txt_data;
extern const std::string_view count_approximators_txt_data;
}  // namespace data

namespace {

float parse_float(std::string_view s) {
    float value = 0.f;
    std::from_chars(s.data(), s.data() + s.size(), value);
    return value;
}

}  // namespace

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::Direct: return "direct";
        case Kind::Mixed: return "mixed";
        default: return "indirect";
    }
}

const char* rule_name(Rule rule) {
    static constexpr const char* names[kRuleCount] = {
        "according-to", "and-said", "inverted", "participle-continues", "participle-subject",
        "comma-subject", "quote-after-cue", "that-clause", "clause-after-cue", "quote-before-source",
        "clause-before-source", "colon", "split-quote", "earlier-paragraph", "continuation", "passive",
        "unlisted-verb", "predicate", "speaker-turn", "in-evidence", "asked", "split-clause",
        "mixed-continuation", "unattributed"};
    return names[static_cast<int>(rule)];
}

const char* cue_strength_name(CueStrength strength) {
    static constexpr const char* names[kCueStrengthCount] = {"none", "weak", "middling", "strong"};
    return names[static_cast<int>(strength)];
}

const char* source_kind_name(SourceKind kind) {
    static constexpr const char* names[kSourceKindCount] = {"none", "pronoun", "noun", "name"};
    return names[static_cast<int>(kind)];
}

const std::string& Lexicon::rule_key(Rule rule, bool weak_cue) {
    // Built once: every statement written names its rule.
    static const auto keys = [] {
        std::array<std::array<std::string, 2>, kRuleCount> table;
        for (int r = 0; r < kRuleCount; ++r) {
            table[r][0] = rule_name(static_cast<Rule>(r));
            table[r][1] = table[r][0] + "/weak-cue";
        }
        return table;
    }();
    return keys[static_cast<int>(rule)][weak_cue ? 1 : 0];
}

namespace {

// Splits a tab-separated data line into at most N fields; returns how many it found.
template <size_t N>
size_t split_fields(std::string_view line, std::string_view (&fields)[N]) {
    size_t n = 0;
    while (n < N) {
        size_t tab = line.find('\t');
        fields[n++] = line.substr(0, tab);
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return n;
}

}  // namespace

const Lexicon& Lexicon::get() {
    static const Lexicon instance;
    return instance;
}

Lexicon::Lexicon()
    // In the order of List.
    : lists_{text::WordSet(data::recipient_verbs_txt_data),
              text::WordSet(data::aux_adverbs_txt_data),
              text::WordSet(data::auxiliaries_txt_data),
              text::WordSet(data::cue_particles_txt_data),
              text::WordSet(data::inverting_verbs_txt_data),
              text::WordSet(data::apposition_openers_txt_data),
              text::WordSet(data::role_nouns_txt_data),
              text::WordSet(data::sentence_adverbs_txt_data),
              text::WordSet(data::adjunct_openers_txt_data),
              text::WordSet(data::clause_openers_txt_data),
              text::WordSet(data::speech_adjuncts_txt_data),
              text::WordSet(data::time_words_txt_data),
              text::WordSet(data::object_pronouns_txt_data),
              text::WordSet(data::org_words_txt_data),
              text::WordSet(data::leading_conjunctions_txt_data),
              text::WordSet(data::event_nouns_txt_data),
              text::WordSet(data::evidence_nouns_txt_data),
              text::WordSet(data::determiners_txt_data),
              text::WordSet(data::noun_phrase_openers_txt_data),
              text::WordSet(data::non_speakers_txt_data),
              text::WordSet(data::impersonal_verbs_txt_data),
              text::WordSet(data::predicate_adverbs_txt_data),
              text::WordSet(data::question_openers_txt_data),
              text::WordSet(data::naming_verbs_txt_data),
              text::WordSet(data::cue_media_txt_data),
              text::WordSet(data::passive_auxiliaries_txt_data),
              text::WordSet(data::inverted_source_openers_txt_data),
              text::WordSet(data::time_preludes_txt_data),
              text::WordSet(data::speaking_participles_txt_data),
              text::WordSet(data::floating_quantifiers_txt_data),
              text::WordSet(data::belief_passives_txt_data),
              text::WordSet(data::raising_verbs_txt_data),
              text::WordSet(data::impersonal_subjects_txt_data),
              text::WordSet(data::experiencer_participles_txt_data),
              text::WordSet(data::linking_adjectives_txt_data),
              text::WordSet(data::collective_nouns_txt_data),
              text::WordSet(data::gerund_openers_txt_data),
              text::WordSet(data::dangling_source_ends_txt_data),
              text::WordSet(data::subject_quantifiers_txt_data),
              text::WordSet(data::source_heads_tsv_data),
              text::WordSet(data::time_clause_openers_txt_data),
              text::WordSet(data::number_words_txt_data),
              text::WordSet(data::relation_nouns_txt_data),
              text::WordSet(data::source_leading_prepositions_txt_data),
              text::WordSet(data::state_names_txt_data),
              text::WordSet(data::period_abbreviations_txt_data),
              text::WordSet(data::party_words_txt_data),
              text::WordSet(data::irregular_participles_txt_data),
              text::WordSet(data::finite_forms_after_time_txt_data),
              text::WordSet(data::label_nouns_txt_data),
              text::WordSet(data::object_taking_pasts_txt_data),
              text::WordSet(data::subordinators_txt_data),
              text::WordSet(data::count_approximators_txt_data)} {
    load_confidences();
    text::for_each_data_line(data::cues_tsv_data, [&](std::string_view line) {
        std::string_view fields[6];
        if (split_fields(line, fields) < 6) return;
        CueEntry entry;
        entry.probability = parse_float(fields[1]);
        entry.count = static_cast<unsigned>(parse_float(fields[2]));
        entry.content_after = parse_float(fields[4]);
        entry.source_after = parse_float(fields[5]);
        if (size_t space = fields[0].find(' '); space != std::string_view::npos) {
            char buffer[32];
            const std::string_view particle = text::fold(fields[0].substr(space + 1), buffer, sizeof buffer);
            if (!particle.empty()) phrasal_cues_[fields[0].substr(0, space)].push_back({std::string(particle), entry});
            return;
        }
        if (!cues_.find(fields[0])) cues_[fields[0]] = entry;
    });
    text::for_each_data_line(data::particle_joins_tsv_data, [&](std::string_view line) {
        std::string_view fields[4];
        if (split_fields(line, fields) < 4) return;
        float joined = parse_float(fields[2]), split = parse_float(fields[3]);
        if (joined + split <= 0) return;
        particle_joins_.emplace(std::string(fields[0]) + ' ' + std::string(fields[1]), joined / (joined + split));
    });
    cues_.for_each([&](std::string_view form, const CueEntry& entry) { words_[form].cue = &entry; });
    phrasal_cues_.for_each([&](std::string_view form, const std::vector<PhrasalCue>& pairs) { words_[form].phrasal = &pairs; });
    for (size_t i = 0; i < lists_.size(); ++i)
        lists_[i].for_each([&](std::string_view folded) { words_[folded].lists |= uint64_t{1} << i; });
}

void Lexicon::load_confidences() {
    // A rule's own line ("rule<TAB>share") fills all its cells; a cell's line ("rule<TAB>cue
    // strength<TAB>source kind<TAB>share") then refines it. Cells the tuning articles never
    // saw keep the rule's figure.
    const auto find_rule = [](std::string_view key, int& rule, int& weak) {
        for (rule = 0; rule < kRuleCount; ++rule)
            for (weak = 0; weak < 2; ++weak)
                if (key == rule_key(static_cast<Rule>(rule), weak == 1)) return true;
        return false;
    };
    const auto find_name = [](std::string_view name, int count, const char* (*name_of)(int)) {
        for (int i = 0; i < count; ++i)
            if (name == name_of(i)) return i;
        return -1;
    };
    const auto strength_name = [](int i) { return cue_strength_name(static_cast<CueStrength>(i)); };
    const auto kind_name_of = [](int i) { return source_kind_name(static_cast<SourceKind>(i)); };
    for (auto& by_weak : confidence_)
        for (auto& by_strength : by_weak)
            for (auto& by_kind : by_strength) by_kind.fill(0.5f);
    for (int pass = 0; pass < 2; ++pass)
        text::for_each_data_line(data::confidence_tsv_data, [&](std::string_view line) {
            std::string_view fields[4];
            const size_t n = split_fields(line, fields);
            int rule = 0, weak = 0;
            if ((n != 2 && n != 4) || (n == 2) != (pass == 0) || !find_rule(fields[0], rule, weak)) return;
            const float share = parse_float(fields[n - 1]);
            if (n == 2) {
                for (auto& by_kind : confidence_[rule][weak]) by_kind.fill(share);
                return;
            }
            const int strength = find_name(fields[1], kCueStrengthCount, strength_name);
            const int kind = find_name(fields[2], kSourceKindCount, kind_name_of);
            if (strength >= 0 && kind >= 0) confidence_[rule][weak][strength][kind] = share;
        });
}

Lexicon::WordInfo Lexicon::info(std::string_view word) const {
    const WordInfo* found = words_.find(word);
    return found ? *found : WordInfo{};
}

bool Lexicon::particle_joins(std::string_view cue_word, std::string_view particle) const {
    // A pair seen often enough speaks for itself; otherwise the particle's habit with any
    // cue word decides, more strictly, so that "said on Tuesday" keeps "on" out.
    constexpr float kPairShare = 0.5f, kAnyShare = 0.6f;
    // The keys are built in one stack buffer ("word particle", then "* particle") and
    // looked up as views: a std::string per key allocated on every call.
    char word_buffer[128], particle_buffer[32], key[128 + 1 + 32];
    const std::string_view folded_word = text::fold(cue_word, word_buffer, sizeof word_buffer);
    const std::string_view folded_particle = text::fold(particle, particle_buffer, sizeof particle_buffer);
    // A word too long for its buffer folds to nothing (and no data pointer): it is in no pair.
    if (folded_word.empty() || folded_particle.empty()) return false;
    std::memcpy(key, folded_word.data(), folded_word.size());
    key[folded_word.size()] = ' ';
    std::memcpy(key + folded_word.size() + 1, folded_particle.data(), folded_particle.size());
    const std::string_view pair(key, folded_word.size() + 1 + folded_particle.size());
    if (auto it = particle_joins_.find(pair); it != particle_joins_.end()) return it->second >= kPairShare;
    key[0] = '*';
    key[1] = ' ';
    std::memcpy(key + 2, folded_particle.data(), folded_particle.size());
    auto it = particle_joins_.find(std::string_view(key, 2 + folded_particle.size()));
    return it != particle_joins_.end() && it->second >= kAnyShare;
}

const CueEntry* Lexicon::cue(std::string_view word) const { return cues_.find(word); }

const CueEntry* Lexicon::phrasal_cue(const WordInfo& first, std::string_view next) {
    if (!first.phrasal) return nullptr;
    char buffer[32];
    const std::string_view folded = text::fold(next, buffer, sizeof buffer);
    for (const PhrasalCue& pair : *first.phrasal)
        if (pair.particle == folded) return &pair.entry;
    return nullptr;
}

}  // namespace qg::attribution
