// The phrases around a cue: sources before and after it, subjects, appositions,
// recipients and the content a cue introduces.
#include "attribution/finder.h"

namespace qg::attribution::detail {

bool Finder::opens_with_source_and_cue(uint32_t first, uint32_t end) const {
    // Room for a title and an apposition: "Rep. Glenn Thompson, R-Pa., said".
    constexpr uint32_t kMaxSourceTokens = 12;
    if (first >= end || !is_word(first) || !tokens_[first].capitalized) return false;
    for (uint32_t t = first + 1; t < end && t <= first + kMaxSourceTokens; ++t) {
        if (in_quote(t)) return false;
        if (!is_word(t)) {
            if (word(t) == "," || is_abbreviation_period(t) || ends_abbreviation(t)) continue;
            return false;
        }
        if (cue_strength(t) >= kStrongCue) return !introduces_own_content(t, end);
    }
    return false;
}

bool Finder::introduces_own_content(uint32_t cue, uint32_t end) const {
    // "“Why now?” Mills then writes back that she had no idea.": a cue followed by "that", a
    // colon or a quotation reports a statement of its own; a particle or two may come between.
    constexpr uint32_t kMaxParticles = 2;
    for (uint32_t t = cue + 1; t < end && t <= cue + kMaxParticles + 1; ++t) {
        if (in_quote(t) || word(t) == ":" || word(t) == "that") return true;
        if (!is_word(t)) return false;
    }
    return false;
}

bool Finder::opens_conjoined_report(uint32_t conjunction, const Unit& unit) const {
    constexpr uint32_t kMaxSubjectTokens = 8;
    const auto w = word(conjunction);
    if (!(w == "and" || w == "but" || w == "while" || w == "whereas")) return false;
    for (uint32_t t = conjunction + 1; t < unit.end && t - conjunction <= kMaxSubjectTokens + 1; ++t) {
        // ("and Sen. Nora Pike of Kansas asked …": a title's period is part of the subject.)
        if (is_abbreviation_period(t)) continue;
        if (in_quote(t) || !(is_word(t) || tokens_[t].kind == TokenKind::Number) || word(t) == "that") return false;
        if (t > conjunction + 1 && !tokens_[t].capitalized && cue_strength(t) >= kStrongCue && !word(t).ends_with("ing") &&
            word(t - 1) != "to")
            return true;
    }
    return false;
}

bool Finder::closes_with_report(uint32_t first, const Unit& unit) const {
    // "…, he said.", "…, Smith told reporters on Monday.", "…, said Lars Dahl."
    constexpr uint32_t kMaxReportTokens = 8, kMaxNameTokens = 4;
    uint32_t last = unit.end;
    while (last > first && !in_quote(last - 1) && is_terminal_punct(last - 1)) --last;
    if (last <= first + 1 || last - first > kMaxReportTokens) return false;
    for (uint32_t t = first; t < last; ++t)
        if (in_quote(t)) return false;
    const auto name_end = [&](uint32_t t) {
        const uint32_t from = t;
        while (t < last && t - from < kMaxNameTokens &&
               ((is_word(t) && tokens_[t].capitalized) || is_abbreviation_period(t)))
            ++t;
        return t;
    };
    if (cue_strength(first) >= kStrongCue) return name_end(first + 1) == last;  // inverted
    uint32_t subject_end = lex_.pronouns_subject(word(first)) ? first + 1 : name_end(first);
    // "…, officials said.", "…, current and former officials said.": a short phrase headed
    // by a role or a plural.
    if (subject_end == first) {
        constexpr uint32_t kMaxPhraseTokens = 5;
        uint32_t t = first;
        while (t < last && t - first < kMaxPhraseTokens && is_word(t) && !tokens_[t].capitalized &&
               cue_strength(t) < kStrongCue && !is_folded(t, lex_.auxiliaries))
            ++t;
        // ("…, councillor Eva Lind said.": the role may come before a name.)
        if (t > first && t < last && is_role_noun_or_plural(t - 1)) subject_end = name_end(t);
    }
    if (subject_end == first || subject_end >= last || cue_strength(subject_end) < kStrongCue) return false;
    // After the cue, an adjunct or a recipient at most ("told reporters", "said at the time"),
    // not a clause of its own ("…, Clinton promised a country of new opportunities").
    constexpr uint32_t kMaxAfterCue = 3;
    if (last - (subject_end + 1) > kMaxAfterCue) return false;
    for (uint32_t t = subject_end + 1; t < last; ++t)
        if (!is_word(t) && !is_abbreviation_period(t)) return false;
    return true;
}

float Finder::cue_strength(uint32_t i) const {
    if (!is_word(i) || in_quote(i)) return 0.f;
    // Names are not cues; in a headline in title case ("Trump Says He Never Pledged …") a
    // capitalised cue word still is, unless it opens it.
    if (tokens_[i].capitalized && !in_title_case_headline(i))
        return 0.f;
    const Lexicon::WordInfo& word_info = info(i);
    float probability = word_info.cue ? word_info.cue->probability : 0.f;
    // "points out": a word that is a cue with the particle after it.
    if (probability >= kStrongCue || !word_info.phrasal || i + 1 >= tokens_.size() || !is_word(i + 1) || in_quote(i + 1))
        return probability;
    // (Not when a cue word follows the particle, "began by saying": that one is the cue.)
    if (i + 2 < tokens_.size() && is_word(i + 2) && info(i + 2).cue && info(i + 2).cue->probability >= kStrongCue)
        return probability;
    if (const CueEntry* pair = Lexicon::phrasal_cue(word_info, word(i + 1))) probability = std::max(probability, pair->probability);
    return probability;
}

TokenRange Finder::as_marked_source(TokenRange source) const {
    if (source.empty() || source.end >= tokens_.size() || in_quote(source.end)) return source;
    const bool comma = word(source.end) == ",";
    if (!comma && !is_dash(source.end)) return source;
    // The mark that closes an apposition or aside inside the source: "…, the union’s leader,"
    // "Many speakers — including Muslims, Jews —".
    for (uint32_t t = source.begin + 1; t + 1 < source.end; ++t)
        if (comma ? word(t) == "," : is_dash(t)) return {source.begin, source.end + 1};
    return source;
}

TokenRange Finder::without_reporting_relative_clause(TokenRange source) const {
    // "Borges, who predicted that a third of the vote will be early, said": a relative clause
    // holding a report of its own is that report's source ("who"), not part of this one, as
    // PolNeAR marks it (on the tuning part, 28 of 28 such clauses with an annotated cue).
    for (uint32_t t = source.begin + 1; t + 2 < source.end; ++t) {
        if (word(t) != "," || in_quote(t) || !is_relative_pronoun(t + 1) || word(t + 1) == "which") continue;
        for (uint32_t u = t + 2; u + 1 < source.end; ++u)
            if (in_cue_[u] && !in_cue_[u + 1] && word(u + 1) == "that") return {source.begin, t};
        return source;
    }
    return source;
}

bool Finder::introduces_object_with_cue(uint32_t cue, const Unit& unit) const {
    constexpr uint32_t kMaxNounWords = 2;
    if (!word(cue).ends_with("ed") || cue + 2 >= unit.end || !is_determiner(cue + 1)) return false;
    for (uint32_t t = cue + 2; t < unit.end && t <= cue + 1 + kMaxNounWords + 1; ++t) {
        if (in_quote(t) || !is_word(t) || tokens_[t].capitalized) return false;
        if (t > cue + 2 && cue_strength(t) >= kStrongCue && word(t).ends_with("ing")) return true;
        if (is_folded(t, lex_.clause_openers) || is_folded(t, lex_.cue_particles)) return false;  // "quoted the president as saying"
    }
    return false;
}

uint32_t Finder::after_place_apposition(uint32_t comma, uint32_t limit) const {
    constexpr uint32_t kMaxPlaceTokens = 3;
    uint32_t t = comma + 1;
    while (t < limit && t - comma <= kMaxPlaceTokens && is_word(t) && tokens_[t].capitalized) ++t;
    // ("Aspen, Colo.,": a state's abbreviation with its period.)
    uint32_t last_place_word = t - 1;
    if (t < limit && t > comma + 1 && word(t) == "." && (is_abbreviation_period(t) || is_folded(t - 1, lex_.state_names))) ++t;
    // The capitalised words before the comma name the place the state or country follows.
    const bool place_before = comma > 0 && is_word(comma - 1) && tokens_[comma - 1].capitalized;
    // and a subject follows ("…, New Hampshire, Trump went"; not "… in Iowa, Clinton, the
    // once-presumptive nominee, …", a name and its apposition). After a state's name the
    // subject may be any noun phrase ("At a conference in Aspen, Colo., the graduate ended").
    const bool state = t > comma + 1 && is_folded(last_place_word, lex_.state_names);
    if (place_before && t > comma + 1 && t < limit && word(t) == "," && t + 1 < limit && is_word(t + 1) &&
        (tokens_[t + 1].capitalized || lex_.pronouns_subject(word(t + 1)) ||
         (state && (is_determiner(t + 1) || is_folded(t + 1, lex_.time_preludes)))))  // ("Ames, Iowa, on Sunday,")
        return t;
    return comma;
}

uint32_t Finder::after_time_after_place(uint32_t comma, uint32_t limit) const {
    // "At an event in Ames, Iowa, on Sunday, Mrs. Clinton …": and a time after it.
    if (comma + 2 < limit && (is_folded(comma + 1, lex_.time_preludes) || is_folded(comma + 1, lex_.time_words))) {
        uint32_t next = comma + 2;
        while (next < limit && next - comma <= 4 && is_word(next) && word(next) != ",") ++next;
        if (next < limit && word(next) == "," && is_folded(next - 1, lex_.time_words)) return next;
    }
    return comma;
}

long Finder::passive_auxiliary_between(long from, uint32_t verb, bool with_being) const {
    for (long q = from + 1; q < static_cast<long>(verb); ++q)
        if (is_folded(static_cast<uint32_t>(q), lex_.passive_auxiliaries) && (with_being || word(static_cast<uint32_t>(q)) != "being"))
            return q;
    return -1;
}

uint32_t Finder::handed_over_cue(uint32_t after, const Unit& unit) const {
    if (after >= unit.end || !(word(after) == "to" || word(after) == "as")) return 0;
    uint32_t t = after + 1;
    if (t < unit.end && word(t) == "have") ++t;
    return t < unit.end && cue_strength(t) >= kStrongCue ? t : 0;
}

bool Finder::agent_follows(uint32_t participle, const Unit& unit) const {
    constexpr uint32_t kMaxReach = 5;
    for (uint32_t t = participle + 1; t < unit.end && t <= participle + kMaxReach; ++t) {
        if (in_quote(t) || word(t) == "," || is_terminal_punct(t)) return false;
        if (word(t) == "by") return true;
    }
    return false;
}

bool Finder::opens_with_own_cue(TokenRange clause) const {
    uint32_t t = clause.begin;
    if (t >= clause.end || !is_folded(t, lex_.leading_conjunctions)) return false;
    ++t;
    while (t < clause.end && (is_folded(t, lex_.aux_adverbs) || is_ly_adverb(t))) ++t;
    return t < clause.end && cue_strength(t) >= kStrongCue;
}

bool Finder::modifies_subject_of_later_cue(uint32_t cue, const Unit& unit) const {
    constexpr uint32_t kMaxReach = 8;
    auto w = word(cue);
    if (!(w.ends_with("ed") || w.ends_with("ing")) || cue <= unit.begin) return false;
    const uint32_t before = cue - 1;
    if (!is_word(before) || in_quote(before) || is_folded(before, lex_.auxiliaries) ||
        is_folded(before, lex_.aux_adverbs) || lex_.pronouns_subject(word(before)) || is_folded(before, lex_.clause_openers))
        return false;
    // A form in -ed is a participle only before the time or the agent ("released Thursday",
    // "commissioned by"); otherwise it is as likely the verb ("Clinton expressed concern").
    if (w.ends_with("ed") && !(cue + 1 < unit.end && (is_folded(cue + 1, lex_.time_words) ||
                                                       is_folded(cue + 1, lex_.time_preludes) || word(cue + 1) == "by")))
        return false;
    for (uint32_t t = cue + 1; t < unit.end && t <= cue + kMaxReach; ++t) {
        if (in_quote(t) || !is_word(t) || is_folded(t, lex_.clause_openers) || is_relative_pronoun(t)) return false;
        // The later cue is a finite verb: "said", or a present form in -s right after a name or
        // a time ("filed Thursday says"), not after a noun ("Sunday news shows").
        const auto later = word(t);
        const bool after_name_or_time = tokens_[t - 1].capitalized || is_folded(t - 1, lex_.time_words);
        // (After the time, any finite form: "released Friday found", "released Sunday show".)
        const bool after_time = is_folded(t - 1, lex_.time_words);
        if (cue_strength(t) >= kStrongCue &&
            (later == "said" || (later.ends_with("s") && after_name_or_time) ||
             (after_time && (later.ends_with("ed") || (!tokens_[t].capitalized && is_folded(t, lex_.finite_forms_after_time))))))
            return true;
    }
    return false;
}

bool Finder::role_then_name(uint32_t first, uint32_t end) const {
    constexpr uint32_t kMaxRoleWords = 3;
    uint32_t t = first;
    bool role = false;
    while (t < end && t - first < kMaxRoleWords && is_word(t) && !tokens_[t].capitalized && !in_quote(t) &&
           !is_folded(t, lex_.auxiliaries) && !is_folded(t, lex_.clause_openers) && cue_strength(t) < kStrongCue) {
        role |= is_role_noun_or_plural(t);
        ++t;
    }
    if (!role || t == end) return false;
    for (; t < end; ++t)
        if (!((is_word(t) && tokens_[t].capitalized) || is_abbreviation_period(t))) return false;
    return true;
}

bool Finder::conjoins_subjects(uint32_t conjunction, uint32_t last, const Unit& unit) const {
    constexpr uint32_t kMaxFirstConjunct = 5;
    auto w = word(conjunction);
    if (!(w == "and" || w == "nor") || conjunction <= unit.begin || conjunction >= last) return false;
    const uint32_t next = conjunction + 1;
    // "teachers and union officials": a short run of common words naming people.
    constexpr uint32_t kMaxCommonSecondConjunct = 3;
    bool people_after = last - conjunction <= kMaxCommonSecondConjunct &&
                        (is_role_noun_or_plural(last) || names_several(last));
    for (uint32_t t = next; t <= last && people_after; ++t)
        people_after = is_word(t) && !tokens_[t].capitalized && !in_quote(t) && !is_folded(t, lex_.auxiliaries) &&
                       !is_folded(t, lex_.clause_openers) && !is_folded(t, lex_.adjunct_openers) &&
                       cue_strength(t) < kStrongCue;
    if (!(tokens_[next].capitalized || is_folded(next, lex_.determiners) || is_folded(next, lex_.noun_phrase_openers) ||
          people_after))
        return false;
    // The first conjunct opens the clause: a pronoun ("She and her aides") or a name, after
    // "Neither" or "Both". (The clause may follow an opening adverbial and its comma: "Since
    // earlier this year, Mr. Xi and other leaders"; or a conjunction: "But she and …".)
    uint32_t first = unit.begin;
    for (uint32_t t = conjunction; t > unit.begin && conjunction - t <= kMaxFirstConjunct;) {
        --t;
        if (word(t) == "," && !in_quote(t)) {
            first = t + 1;
            break;
        }
    }
    if (conjunction - first > kMaxFirstConjunct) return false;
    while (first + 1 < conjunction && is_folded(first, lex_.leading_conjunctions)) ++first;
    if (w == "nor" ? (word(first) == "Neither" || word(first) == "neither") : (word(first) == "Both" || word(first) == "both"))
        ++first;
    if (conjunction == first + 1 && lex_.pronouns_subject(word(first))) return true;
    // Or a short common noun phrase: "the senator and his allies", "many experts and some
    // lawmakers", "doctors and medical experts".
    constexpr uint32_t kMaxCommonConjunct = 3;
    if (first < conjunction && conjunction - first <= kMaxCommonConjunct && !tokens_[first].capitalized &&
        (is_determiner(first) || is_folded(first, lex_.noun_phrase_openers) ||
         (conjunction == first + 1 && (is_role_noun_or_plural(first) || (people_after && names_several(first)))))) {
        bool common = true;
        for (uint32_t t = first; t < conjunction && common; ++t)
            common = is_word(t) && !tokens_[t].capitalized && !in_quote(t) && !is_folded(t, lex_.auxiliaries) &&
                     !is_folded(t, lex_.clause_openers) && cue_strength(t) < kStrongCue;
        if (common) return true;
    }
    for (uint32_t t = first; t < conjunction; ++t)
        if (!(is_word(t) && tokens_[t].capitalized) && word(t) != ".") return false;
    return first < conjunction;
}

TokenRange Finder::with_leading_apposition_head(TokenRange source, const Unit& unit) const {
    if (source.empty() || source.begin < unit.begin + 2 || word(source.begin - 1) != ",") return source;
    const uint32_t comma = source.begin - 1;
    const TokenRange head = source_before(comma - 1, unit);
    if (head.empty() || head.begin != unit.begin || head.end != comma || head.end - head.begin < 2 ||
        !looks_like_noun_phrase(head))
        return source;
    // Not an adverbial opening the sentence ("In her New Year speech, Merkel,", "Speaking in
    // Harlem, Clinton,").
    const auto first = word(head.begin);
    if (is_folded(head.begin, lex_.sentence_adverbs) || is_folded(head.begin, lex_.adjunct_openers) ||
        first.ends_with("ing") || first.ends_with("ed"))
        return source;
    bool named = false;
    for (uint32_t t = head.begin; t < source.end && !named; ++t) named = t != unit.begin && tokens_[t].capitalized;
    return named ? TokenRange{head.begin, source.end} : source;
}

bool Finder::names_role_from_clause_start(uint32_t comma, const Unit& unit) const {
    constexpr uint32_t kMaxTokens = 12;
    if (comma <= unit.begin || comma - unit.begin > kMaxTokens) return false;
    bool role = false;
    for (uint32_t t = unit.begin; t < comma; ++t) {
        if (in_quote(t) || word(t) == "," || is_terminal_punct(t) || cue_strength(t) >= kStrongCue ||
            is_folded(t, lex_.auxiliaries))
            return false;
        if (tokens_[t].capitalized) continue;
        role |= is_role_noun_or_plural(t);
    }
    // It opens like a noun phrase ("The", "One of", "Clinton's"), not a participle or a
    // preposition ("Dashing into a luncheon of senators, Senator …").
    const uint32_t first = unit.begin;
    const bool possessive = first + 1 < comma && is_possessive(first + 1);
    return role && (is_folded(first, lex_.determiners) || is_folded(first, lex_.noun_phrase_openers) || possessive);
}

bool Finder::is_noun_phrase_after_quote(uint32_t comma, const Unit& unit) const {
    // A determiner's phrase is short ("the assailant"); one naming a role runs longer
    // ("California Rep. Duncan Hunter’s chief of staff, Joe Kasper, told").
    constexpr uint32_t kMaxTokens = 5, kMaxRoleTokens = 10;
    uint32_t first = comma;
    while (first > unit.begin && comma - first < kMaxRoleTokens + 1 && !in_quote(first - 1) && word(first - 1) != ",")
        --first;
    if (first >= comma || first <= unit.begin) return false;
    uint32_t mark = first - 1;
    if (word(mark) == "," && mark > unit.begin) --mark;
    if (!is_close_mark(mark)) return false;
    bool role = false;
    for (uint32_t t = first; t < comma; ++t) {
        if (is_abbreviation_period(t)) continue;
        if (!is_word(t) || is_verb_like(t) || is_folded(t, lex_.auxiliaries)) return false;
        role |= !tokens_[t].capitalized && is_role_noun_or_plural(t);
    }
    if (role) return true;
    return comma - first <= kMaxTokens && is_folded(first, lex_.determiners) &&
           !tokens_[first + 1 < comma ? first + 1 : first].capitalized;
}

long Finder::before_verb_chain(uint32_t verb, const Unit& unit, bool stop_at_quote) const {
    long p = static_cast<long>(verb) - 1;
    const auto floating = [&](long i) {  // "have all characterized"
        return i > static_cast<long>(unit.begin) && is_folded(static_cast<uint32_t>(i), lex_.floating_quantifiers) &&
               is_folded(static_cast<uint32_t>(i) - 1, lex_.auxiliaries);
    };
    const auto perfect_since = [&](long i) {  // "has since said": an adverb, not a clause opener
        return i > static_cast<long>(unit.begin) && word(static_cast<uint32_t>(i)) == "since" &&
               is_folded(static_cast<uint32_t>(i) - 1, lex_.auxiliaries);
    };
    const auto in_the_past = [&](long i) {  // "has in the past described": an adverbial of the chain
        return i >= static_cast<long>(unit.begin) + 2 && word(static_cast<uint32_t>(i)) == "past" &&
               word(static_cast<uint32_t>(i) - 1) == "the" &&
               (word(static_cast<uint32_t>(i) - 2) == "in" || word(static_cast<uint32_t>(i) - 2) == "In");
    };
    while (p >= static_cast<long>(unit.begin) && !(stop_at_quote && in_quote(static_cast<uint32_t>(p)))) {
        if (in_the_past(p))
            p -= 3;
        else if (is_folded(static_cast<uint32_t>(p), lex_.aux_adverbs) || is_ly_adverb(static_cast<uint32_t>(p)) ||
                 floating(p) || perfect_since(p))
            --p;
        else
            break;
    }
    return p;
}

bool Finder::names_state_of_place(uint32_t comma, uint32_t end) const {
    constexpr uint32_t kMaxStateTokens = 3;  // "South Carolina", "Mass .", "N.Y ."
    if (comma == 0 || comma + 1 >= end || end - comma - 1 > kMaxStateTokens) return false;
    if (!is_word(comma - 1) || !tokens_[comma - 1].capitalized) return false;
    // (The period of "Mass." before a comma is no abbreviation period to the sentence finder.)
    const auto attached_period = [&](uint32_t t) {
        return word(t) == "." && t > comma + 1 && tokens_[t].begin == tokens_[t - 1].end;
    };
    for (uint32_t t = comma + 1; t < end; ++t)
        if (!((is_word(t) && tokens_[t].capitalized) || attached_period(t))) return false;
    const uint32_t last = attached_period(end - 1) ? end - 2 : end - 1;
    return last > comma && is_folded(last, lex_.state_names);
}

long Finder::apposition_opening(uint32_t closing, const Unit& unit, bool nested) const {
    auto mark = word(closing);
    long j = static_cast<long>(closing) - 1;
    const long lo = static_cast<long>(unit.begin);
    while (j > lo && static_cast<long>(closing) - j <= kMaxAppositionTokens) {
        const auto at = static_cast<uint32_t>(j);
        if (in_quote(at)) {
            // "Hemsley, the co-author of “Going Viral,” about …,": a title inside it.
            const TokenRange title = quote_range(quote_of_[at]);
            if (!is_close_mark(at) || past_title(title.begin) != title.end) break;
            j = static_cast<long>(title.begin) - 1;
            continue;
        }
        // ("Mr. Daniloff, now 81 and retired in Cambridge, Mass., said": the comma between a
        // place and its state opens nothing.)
        if (word(at) == mark && !(mark == "," && names_state_of_place(at, closing))) break;
        --j;
    }
    if (j <= lo || word(static_cast<uint32_t>(j)) != mark || static_cast<long>(closing) - j > kMaxAppositionTokens) return -1;
    if (static_cast<uint32_t>(j) + 1 >= closing) return -1;
    // "A longtime JNF official, Howard Ingram,": a name in apposition to a role.
    {
        constexpr uint32_t kMaxNameTokens = 4;
        bool all_capitalised = closing - (static_cast<uint32_t>(j) + 1) <= kMaxNameTokens;
        for (uint32_t t = static_cast<uint32_t>(j) + 1; t < closing && all_capitalised; ++t)
            all_capitalised = (is_word(t) && tokens_[t].capitalized) || word(t) == ".";
        // ("A former candidate -- John McCain, who lost in 2008 --": the name and its relative
        // clause.)
        uint32_t name_end = static_cast<uint32_t>(j) + 1;
        while (name_end < closing && ((is_word(name_end) && tokens_[name_end].capitalized) || word(name_end) == "."))
            ++name_end;
        all_capitalised |= name_end > static_cast<uint32_t>(j) + 1 && name_end - (static_cast<uint32_t>(j) + 1) <= kMaxNameTokens &&
                           name_end + 1 < closing && word(name_end) == "," && is_relative_pronoun(name_end + 1);
        // ("Clinton's husband, Bill,": a relation noun too.)
        if (all_capitalised && j > lo &&
            (is_folded(static_cast<uint32_t>(j) - 1, lex_.role_nouns) || is_folded(static_cast<uint32_t>(j) - 1, lex_.relation_nouns)) &&
            !tokens_[static_cast<uint32_t>(j) - 1].capitalized)
            return j;
        // "The leader of the Anti-Defamation League, Jonathan Greenblatt,", "One of his
        // advisers, Tad Devine,": a noun phrase with a role in it opens the clause.
        if (all_capitalised && j > lo && names_role_from_clause_start(static_cast<uint32_t>(j), unit)) return j;
        if (all_capitalised && j > lo && is_noun_phrase_after_quote(static_cast<uint32_t>(j), unit)) return j;
        // "Giovanni Maria Vian, the editor in chief of the Vatican's newspaper, L'Osservatore
        // Romano, said": a name in apposition to the last noun of an apposition is part of it.
        // (One level only: each level scans back an apposition's length.)
        if (all_capitalised && !nested && j > lo && word(static_cast<uint32_t>(j)) == "," &&
            !tokens_[static_cast<uint32_t>(j) - 1].capitalized)
            if (const long outer = apposition_opening(static_cast<uint32_t>(j), unit, true); outer >= 0) return outer;
    }
    if (is_apposition(static_cast<uint32_t>(j), closing, unit)) return j;
    // "Michael Seaman, who lives outside the state capital, Sacramento, said": a relative
    // clause with commas of its own reaches back to the comma before its pronoun, when what
    // each inner comma adds is a name or a place ("…, a move" or "…, held up her signs" is
    // the sentence going on, not the clause).
    if (mark == ",") {
        constexpr long kMaxRelativeClauseTokens = 40;
        constexpr uint32_t kMaxAddedNameTokens = 4;
        const auto adds_a_name = [&](uint32_t comma, uint32_t next_comma) {
            if (comma + 1 >= next_comma || next_comma - (comma + 1) > kMaxAddedNameTokens) return false;
            for (uint32_t t = comma + 1; t < next_comma; ++t)
                if (!((is_word(t) && tokens_[t].capitalized) || word(t) == ".")) return false;
            return true;
        };
        uint32_t segment_end = closing;
        for (long r = j; r > lo && static_cast<long>(closing) - r <= kMaxRelativeClauseTokens; --r) {
            const auto at = static_cast<uint32_t>(r);
            if (in_quote(at) || (is_terminal_punct(at) && !is_abbreviation_period(at))) break;
            if (word(at) != ",") continue;
            if (at != static_cast<uint32_t>(j) && is_relative_pronoun(at + 1) && word(at + 1) != "which" &&
                is_apposition(at, closing, unit))
                return r;
            if (!adds_a_name(at, segment_end)) break;
            segment_end = at;
        }
    }
    return -1;
}

bool Finder::names_affiliation(uint32_t first, uint32_t end) const {
    if (first + 1 >= end || !(word(first) == "of" || word(first) == "at")) return false;
    uint32_t t = first + 1;
    if (is_determiner(t)) ++t;
    if (t >= end || !is_word(t) || !tokens_[t].capitalized) return false;
    for (; t < end; ++t) {
        const auto w = word(t);
        const bool connector = (w == "of" || w == "for" || w == "and" || w == "the" || w == "&") && t + 1 < end;
        if (!((is_word(t) && tokens_[t].capitalized) || is_abbreviation_period(t) || connector)) return false;
    }
    return is_word(end - 1) && tokens_[end - 1].capitalized;
}

bool Finder::is_apposition(uint32_t opening, uint32_t closing, const Unit& unit) const {
    const long lo = static_cast<long>(unit.begin);
    const long j = opening;
    uint32_t opener = opening + 1;
    if (opener >= closing || j <= lo) return false;
    // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton,": a relative clause after a
    // name belongs to the source, as PolNeAR marks it, whatever cue it holds of its own.
    // ("Jeb Bush, the former Florida governor, who has resented …,": after an apposition of the
    // name, too.)
    // ("An intelligence source, who was not authorized to speak,": "who" after a common noun,
    // which only a person takes.)
    if (is_relative_pronoun(opener) && j > lo &&
        (tokens_[static_cast<uint32_t>(j) - 1].capitalized || word(static_cast<uint32_t>(j) - 1) == ")" ||
         (word(opener) == "who" && is_word(static_cast<uint32_t>(j) - 1)) ||
         (word(static_cast<uint32_t>(j)) == "," && closes_apposition(static_cast<uint32_t>(j), unit))))
        return true;
    // It must open like an apposition: "a former official", "currently …", "58", "Twitter’s
    // director", a role; "Sanders stepped up …" is a clause.
    auto first_word = word(opener);
    bool appositive = is_folded(opener, lex_.apposition_openers) || tokens_[opener].kind == TokenKind::Number ||
                      is_party_tag(opener) ||  // "Sen. Rand Paul, R-Ky., told"
                      first_word.ends_with("'s") || first_word.ends_with("\xE2\x80\x99s") ||
                      (opener + 1 < closing && (word(opener + 1) == "'s" || word(opener + 1) == "\xE2\x80\x99s"));
    // "Mr. Mahaney, of RBC Capital Markets,", "Pantucci, at the Royal United Services
    // Institute,": where the person works.
    appositive = appositive || names_affiliation(opener, closing);
    // "Representative Peter T. King, Republican of New York,": a party and a state.
    appositive = appositive || (tokens_[opener].capitalized && is_folded(opener, lex_.party_words) &&
                                opener + 1 < closing && word(opener + 1) == "of");
    // "Fields, along with Washington Post reporter Ben Terris,", "Mrs. Clinton herself, as
    // well as her campaign,": others named with the subject.
    appositive = appositive || (opener + 1 < closing && ((first_word == "along" && word(opener + 1) == "with") ||
                                                         (first_word == "together" && word(opener + 1) == "with") ||
                                                         (first_word == "as" && word(opener + 1) == "well")));
    // "The survey, conducted by the Public Policy Institute of California,", "Clinton, pressed
    // by moderator Dana Bash …,": a participle that no cue lexicon entry makes a report.
    bool participle_apposition = false;
    {
        uint32_t participle = opener;
        if (is_ly_adverb(participle) && participle + 1 < closing) ++participle;  // "often conducted by"
        const auto pw = word(participle);
        participle_apposition = (is_word(participle) && !tokens_[participle].capitalized && pw.size() > 3 &&
                                    (pw.ends_with("ed") || is_folded(participle, lex_.irregular_participles)) &&
                                    cue_strength(participle) < kStrongCue && participle + 1 < closing &&
                                    // (Not before an object: "Melania, delivered a speech …" is a verb.)
                                    (word(participle + 1) == "by" || tokens_[participle + 1].kind == TokenKind::Number ||
                                     is_open_mark(participle + 1)));
        // (Not after an opening participle clause: "Burdened by mistrust, divided by
        // ideology, the leaders …".)
        if (participle_apposition) {
            uint32_t segment = opening;
            while (segment > unit.begin && word(segment - 1) != "," && opening - segment < kMaxAppositionTokens) --segment;
            const auto first_of_segment = word(segment);
            if (tokens_[segment].capitalized && (first_of_segment.ends_with("ed") || first_of_segment.ends_with("ing")))
                participle_apposition = false;
        }
        appositive = appositive || participle_apposition;
    }
    if (!appositive) {
        // "Jack Mozloom, Senior Fellow at …": a capitalised role anywhere; "Matdos Santos,
        // legal director for …": a role among the first words.
        constexpr uint32_t kRoleWithin = 4;
        uint32_t limit = tokens_[opener].capitalized ? closing : std::min(closing, opener + kRoleWithin);
        // A relation noun only as the head of a relation: "mother of …", "rVotes' owner",
        // "his wife" ("…, Clinton and husband Bill," is no apposition).
        const auto names_relation = [&](uint32_t t) {
            if (!is_folded(t, lex_.relation_nouns)) return false;
            if (t + 1 < closing && word(t + 1) == "of") return true;
            if (t == opener) return false;
            const auto previous = word(t - 1);
            return is_determiner(t - 1) || previous == "'" || previous == "'s" || previous == "\xE2\x80\x99" ||
                   previous == "\xE2\x80\x99s" || previous.ends_with("'s") || previous.ends_with("\xE2\x80\x99s");
        };
        for (uint32_t t = opener; t < limit && !appositive; ++t)
            appositive = is_folded(t, lex_.role_nouns) || names_relation(t);
    }
    if (!appositive) return false;
    uint32_t before = static_cast<uint32_t>(j - 1);
    // "James B. Comey Jr., the director of …,": the period of a name's suffix.
    if (word(before) == "." && static_cast<long>(before) > lo && tokens_[before - 1].end == tokens_[before].begin &&
        is_folded(before - 1, lex_.period_abbreviations))
        --before;
    // "Ramil Carr, 31, a Philadelphia photographer,": an age between the name and the role.
    bool age_before = tokens_[before].kind == TokenKind::Number && before >= unit.begin + 2 && word(before - 1) == "," &&
                      is_word(before - 2) && tokens_[before - 2].capitalized;
    // (A day is no name: "In an interview on Tuesday, Mayor Ruth Alm's husband, Olof,".)
    bool name_before = (is_word(before) && tokens_[before].capitalized && !is_folded(before, lex_.time_words)) ||
                       word(before) == ")" || age_before;
    // ("numerous military veterans …, including Mr. Jebens,": members named after any group.)
    // ("the field's biggest hawks, like Rubio and Bush,": examples named after any group;
    // "The former Heisman Trophy winner, now a guest speaker …,": what any noun phrase is now.)
    const bool temporal = (word(opener) == "now" || word(opener) == "currently" || word(opener) == "formerly") &&
                          opener + 1 < closing && (is_determiner(opener + 1) || is_role_noun_or_plural(opener + 1));
    if (!name_before && word(opener) != "including" && word(opener) != "like" && !temporal && !participle_apposition)
        return false;
    // An apposition is a noun phrase, not a clause with its own cue or verb: "Still, the
    // turnout was high, Smith said" (a verb inside a relative clause is the noun's).
    for (uint32_t t = static_cast<uint32_t>(j) + 1; t < closing; ++t) {
        if (cue_strength(t) >= kStrongCue) return false;
        if (is_relative_pronoun(t)) break;
        if (is_folded(t, lex_.auxiliaries)) return false;
    }
    return true;
}

// Scans back from `last` over the noun phrase a cue attaches to: "SDF spokesman Farhad
// Shami", "Col Myles Caggins, currently a military fellow at the Council on Foreign
// Relations,", "he". Stops at clause boundaries, quotations and non-appositive commas.
TokenRange Finder::source_before(uint32_t last, const Unit& unit) const {
    // Callers pass "the token before X", which at a unit's start lies outside it (or wraps).
    if (last < unit.begin || last >= unit.end) return {};
    // "Corey Lewandowski, in a statement released on Thursday, said": the adjunct between
    // the commas is part of neither source nor content. (Relative clauses, "Tom Burke, who
    // is coming from Grand Rapids, said", are part of the source, as PolNeAR marks them.)
    if (word(last) == "," && last > unit.begin) {
        long j = static_cast<long>(last) - 1;
        while (j > static_cast<long>(unit.begin) && word(static_cast<uint32_t>(j)) != "," && last - j <= kMaxAppositionTokens &&
               !in_quote(static_cast<uint32_t>(j)))
            --j;
        uint32_t opener = static_cast<uint32_t>(j) + 1;
        if (j > static_cast<long>(unit.begin) && word(static_cast<uint32_t>(j)) == "," && opener < last &&
            (is_folded(opener, lex_.sentence_adverbs) && !is_folded(opener, lex_.clause_openers)) &&
            (tokens_[static_cast<uint32_t>(j) - 1].capitalized || opener + 1 == last) && !names_affiliation(opener, last) &&
            // ("Mr. Sperling, then 38, said", "Smith, now a senator,": an apposition.)
            !(opener + 1 < last && is_folded(opener, lex_.apposition_openers) &&
              (is_determiner(opener + 1) || tokens_[opener + 1].kind == TokenKind::Number ||
               is_role_noun_or_plural(opener + 1))))  // ("Harman, now director of …,")
            last = static_cast<uint32_t>(j) - 1;
    }
    long k = static_cast<long>(last);
    const long lo = static_cast<long>(unit.begin);
    uint32_t verb_phrase_start = 0;  // "released a" in "The town released a statement"
    // "who said" / "which reported": the relative pronoun is the source.
    if (is_relative_pronoun(last) && word(last) != "whose" && word(last) != "whom") return {last, last + 1};
    // "Joe Scarborough, host of MSNBC’s “Morning Joe,” said": the comma closing the
    // apposition stands inside the title's marks.
    if (ends_title_with_comma(last)) {
        const uint32_t open = quotes_.quotes[quote_of_[last]].open_token;
        long j = static_cast<long>(open) - 1;
        while (j > lo && word(static_cast<uint32_t>(j)) != "," && !in_quote(static_cast<uint32_t>(j)) &&
               static_cast<long>(open) - j <= kMaxAppositionTokens)
            --j;
        // (Not a relative clause: the rules of raising and passive verbs read those apart.)
        if (j > lo && word(static_cast<uint32_t>(j)) == "," && !is_relative_pronoun(static_cast<uint32_t>(j) + 1) &&
            is_apposition(static_cast<uint32_t>(j), open, unit))
            k = j - 1;
    }
    while (k >= lo && last - k < kMaxSourceTokens) {
        uint32_t i = static_cast<uint32_t>(k);
        if (in_quote(i)) break;
        const Token& t = tokens_[i];
        auto w = word(i);
        if (t.kind == TokenKind::Punct) {
            if (w == ")") {
                long open = k - 1;
                while (open >= lo && word(static_cast<uint32_t>(open)) != "(" && k - open < 12) --open;
                if (open < lo || word(static_cast<uint32_t>(open)) != "(") break;
                k = open - 1;
                continue;
            }
            // The period of "Mr." or "Sen.", or of a suffix right before the cue ("Donald Trump
            // Jr. said" had no source).
            if (w == "." && k > lo && tokens_[i - 1].end == t.begin && is_word(i - 1) &&
                (k != static_cast<long>(last) || is_folded(i - 1, lex_.period_abbreviations))) {
                --k;
                continue;
            }
            // "Many speakers at the service — including Muslims, Christians, Jews — said": an
            // aside between dashes right before the cue is the subject's.
            // (Typed as a spaced hyphen, too: "Deborah Reynolds - Santilli's girlfriend - told".)
            auto is_aside_mark = [&](long m) { return is_dash(static_cast<uint32_t>(m)) || word(static_cast<uint32_t>(m)) == "-"; };
            if (is_aside_mark(k) && i == last && i > unit.begin) {
                long opening = k - 1;
                // (The period of "Mr." inside it does not end it.)
                while (opening > lo && !is_aside_mark(opening) && !in_quote(static_cast<uint32_t>(opening)) &&
                       !(is_terminal_punct(static_cast<uint32_t>(opening)) && !is_abbreviation_period(static_cast<uint32_t>(opening))) &&
                       k - opening <= kMaxAppositionTokens)
                    --opening;
                // (Not the dash of a dateline: "CLEVELAND - When …".)
                if (opening > lo && opening + 1 < k && is_aside_mark(opening) &&
                    after_dateline(unit.begin, static_cast<uint32_t>(k)) <= static_cast<uint32_t>(opening) &&
                    is_word(static_cast<uint32_t>(opening) - 1)) {
                    k = opening - 1;
                    continue;
                }
            }
            if (w == "," || is_dash(i)) {
                // A name between the comma and the cue stands alone: in "…, which is unpopular,
                // Doggett said" the relative clause is not Doggett's. (After a capitalised word
                // the name goes on with a place: "a salesman from Sumter, South Carolina".)
                // (A day is no place: "…, which votes on Tuesday, Ek said".)
                bool name_after = i < last && i > unit.begin &&
                                  (!tokens_[i - 1].capitalized || is_folded(i - 1, lex_.time_words)) && word(i - 1) != ")";
                for (uint32_t n = i + 1; n <= last && name_after; ++n)
                    name_after = (is_word(n) && tokens_[n].capitalized) || word(n) == ".";
                // So does a bare role or group noun: "…, the service it uses to organize its
                // rallies, sources said".
                name_after |= i + 1 == last && is_word(last) && !tokens_[last].capitalized &&
                              (is_role_noun_or_plural(last) || is_folded(last, lex_.collective_nouns));
                long opening = name_after ? -1 : apposition_opening(i, unit);
                // ("Jeb Bush, the former Florida governor, who …,": the relative clause's comma
                // closes an apposition before it.)
                for (long earlier = opening; earlier > lo && word(static_cast<uint32_t>(earlier)) == ",";) {
                    earlier = apposition_opening(static_cast<uint32_t>(earlier), unit);
                    if (earlier >= 0) opening = earlier;
                }
                if (opening >= 0) {
                    k = opening - 1;
                    continue;
                }
                // "Julianne Moore, Kerry Washington, Amy Schumer and Elizabeth Banks said": a list
                // of names, the last two joined by "and", is one source.
                if (w == "," && i > unit.begin && i < last && tokens_[i - 1].capitalized) {
                    bool names_after = true, joined = false;
                    for (uint32_t n = i + 1; n <= last && names_after; ++n) {
                        if (word(n) == "and" || word(n) == "or") joined |= n > i + 1 && tokens_[n - 1].capitalized;
                        else names_after = (is_word(n) && tokens_[n].capitalized) || word(n) == "." || word(n) == ",";
                    }
                    constexpr uint32_t kMaxListedName = 4;
                    uint32_t name_first = i;
                    while (name_first > unit.begin && i - name_first < kMaxListedName && is_word(name_first - 1) &&
                           tokens_[name_first - 1].capitalized && !in_quote(name_first - 1))
                        --name_first;
                    const bool listed = name_first < i && (name_first == unit.begin || word(name_first - 1) == ",") &&
                                        !is_folded(name_first, lex_.adjunct_openers) && !is_folded(name_first, lex_.clause_openers) &&
                                        !is_folded(name_first, lex_.sentence_adverbs);
                    if (names_after && joined && listed) {
                        --k;
                        continue;
                    }
                }
                // "Students at a school in Merrillville, Indiana, displayed": a place's state
                // between commas goes on with the phrase before it.
                // (Only right before the cue: "At a stop in Onawa, Iowa, the candidate said" opens
                // with an adverbial.)
                if (w == "," && i == last && i > unit.begin + 3) {
                    uint32_t place_comma = i - 1;
                    while (place_comma > unit.begin && i - place_comma <= 4 && word(place_comma) != ",") --place_comma;
                    if (word(place_comma) == "," && names_state_of_place(place_comma, i)) {
                        k = static_cast<long>(place_comma) - 1;
                        continue;
                    }
                }
                // "Stacy Baker of Columbia, South Carolina says": a place and its state, the
                // state's comma left out after it, inside a name's "of"/"from" phrase.
                // (Not "On the subject of Israel, Trump": the phrase is a name's or a person's.)
                if (w == "," && i > unit.begin + 2 && i < last && last - i <= 2 && names_state_of_place(i, last + 1)) {
                    bool place_before = false;
                    for (uint32_t n = i - 1; n > unit.begin + 1 && i - n <= 3 && !place_before; --n)
                        place_before = (word(n - 1) == "of" || word(n - 1) == "from") &&
                                       ((is_word(n - 2) && tokens_[n - 2].capitalized) || is_role_noun_or_plural(n - 2));
                    if (place_before) {
                        --k;
                        continue;
                    }
                }
                // The comma opening an age or a party already scanned over ("Jimmy Ghazal, 39,
                // a Lebanese man …,", "Chris Collins, R-NY,"). (Any apposition opening there,
                // "Mike Shields, president of the fund, a super PAC …,", cost more sources
                // than it mended on the tuning articles.)
                if (w == "," && i > unit.begin && i + 1 <= last && is_word(i - 1) && tokens_[i - 1].capitalized &&
                    (tokens_[i + 1].kind == TokenKind::Number || is_party_tag(i + 1))) {
                    --k;
                    continue;
                }
                break;
            }
            // ("Fight for $15 organizing director Kendall Fells said": a sum inside a name.)
            const bool sum = w == "$" && i < last && tokens_[i + 1].kind == TokenKind::Number;
            if (w == "&" || w == "'" || w == "/" || w == "%" || sum) {  // "47% say"
                --k;
                continue;
            }
            break;
        }
        if (t.kind == TokenKind::Quote) {
            // "Sanders’ aides say": the apostrophe of a plural possessive, no quotation mark.
            if (is_plural_possessive_mark(i) && i < last) {
                --k;
                continue;
            }
            break;
        }
        // (A cue word right after a determiner is a noun: "The petition accuses".)
        // ("she sent an email saying", "Sanders spent much of his campaign railing against",
        // "She began thinking about": a past form without -ed, before its object or right
        // before a participle cue.)
        const bool past_before_object =
            is_folded(i, lex_.object_taking_pasts) &&
            ((i + 1 <= last && is_word(i + 1) && !is_folded(i + 1, lex_.adjunct_openers) &&
              !is_folded(i + 1, lex_.cue_particles) && word(i + 1) != "by") ||
             (i == last && last + 1 < unit.end && word(last + 1).ends_with("ing")));
        const bool verb_before_object = ((w.size() > 3 && w.ends_with("ed") && i + 1 <= last && is_determiner(i + 1)) ||
                                         past_before_object) &&
                                        k > lo && (is_word(i - 1) || word(i - 1) == ")");
        // "Aides to Mr. Sanders", "advisers to the governor": a role and whom it serves;
        // "a source close to the senator": an adjective and what it is close to.
        const bool role_to = w == "to" && k > lo &&
                             (is_role_noun_or_plural(i - 1) || is_folded(i - 1, lex_.linking_adjectives)) && i + 1 <= last &&
                             (tokens_[i + 1].capitalized || is_folded(i + 1, lex_.determiners) ||
                              is_folded(i + 1, lex_.object_pronouns));  // not "members to endorse"
        if (t.kind == TokenKind::Word && !t.capitalized && !role_to &&
            (w == "to" || w == "what" || is_folded(i, lex_.auxiliaries) ||
             (cue_strength(i) >= kStrongCue && !(k > lo && is_folded(i - 1, lex_.determiners)) && !verb_before_object)))
            break;  // a verb phrase or infinitive: the noun phrase started after it
        // "The town released a statement saying": a verb and its object stand between the
        // subject and the cue noun; the source is the subject, the verb phrase joins the cue.
        if (t.kind == TokenKind::Word && !t.capitalized && verb_before_object) {
            verb_phrase_start = i;
            --k;
            continue;
        }
        // "Trump also struck populist notes": an adverb that no noun phrase holds; the verb
        // phrase after it is not the source's.
        if (t.kind == TokenKind::Word && !t.capitalized && i < last && k > lo && is_folded(i, lex_.predicate_adverbs)) {
            verb_phrase_start = i;
            --k;
            continue;
        }
        if (t.kind == TokenKind::Word && is_folded(i, lex_.clause_openers)) {
            // "Trump and Clinton said": coordination of names stays in the source.
            bool names_around = w == "and" && k > lo && (tokens_[i - 1].capitalized || word(i - 1) == ")") &&
                                i + 1 <= last && tokens_[i + 1].capitalized;  // also "Rand Paul (Ky.) and Marco Rubio"
            // "Scarborough and co-host Mika Brzezinski", "Clinton's chief pollster and strategist
            // Joel Benenson": a role before a name after "and", after a name or a role.
            const bool role_and_name_after = w == "and" && k > lo && role_then_name(i + 1, last + 1);
            names_around |= role_and_name_after &&
                            (tokens_[i - 1].capitalized || word(i - 1) == ")" || is_role_noun_or_plural(i - 1));
            // "a spokesman for Bernie Sanders": a role and whom it serves.
            bool role_for = w == "for" && k > lo && is_role_noun_or_plural(i - 1);
            // "More than six in 10", "fewer than half": a comparison of quantities.
            role_for |= w == "than" && k > lo && i + 1 <= last &&
                        (tokens_[i + 1].kind == TokenKind::Number || is_folded(i + 1, lex_.number_words)) &&
                        (word(i - 1) == "More" || word(i - 1) == "more" || word(i - 1) == "Fewer" ||
                         word(i - 1) == "fewer" || word(i - 1) == "Less" || word(i - 1) == "less");
            // "all but two": so is an exception from all.
            role_for |= w == "but" && k > lo && i + 1 <= last &&
                        (tokens_[i + 1].kind == TokenKind::Number || is_folded(i + 1, lex_.number_words)) &&
                        (word(i - 1) == "all" || word(i - 1) == "All");
            // "…, current and former officials said": two modifiers of one head, the phrase
            // opening after a comma, the unit's start or a determiner.
            const bool joined_modifiers =
                w == "and" && k > lo && i + 1 < last && is_word(i - 1) && !tokens_[i - 1].capitalized && is_word(i + 1) &&
                !tokens_[i + 1].capitalized && is_word(i + 2) && cue_strength(i - 1) < kStrongCue &&
                cue_strength(i + 1) < kStrongCue && !is_determiner(i + 1) && !is_folded(i + 1, lex_.adjunct_openers) &&
                !is_folded(i + 1, lex_.cue_particles) && !word(i - 1).ends_with("s") &&
                (i - 1 == unit.begin || word(i - 2) == "," || is_determiner(i - 2));
            if (!names_around && !role_for && !joined_modifiers && !(k > lo && conjoins_subjects(i, last, unit))) break;
        }
        --k;
    }
    TokenRange r{static_cast<uint32_t>(k + 1), last + 1};
    // "A producer for Yahoo Studios", "the senator and his allies": when the scan stopped at
    // "for" or "and" and the stretch from the sentence's start is one noun phrase (a
    // determiner or a name first; no verb, comma or quotation), the phrase is the source.
    if (k >= lo && verb_phrase_start == 0 && r.begin < last + 1) {
        const uint32_t stop = static_cast<uint32_t>(k);
        const auto sw = word(stop);
        // (Not "to": "… to the forum said" gave more wrong sources than right.)
        // ("Friends, lobbyists and former foes said", "45% of Republicans, 28% of independents
        // and 12% of Democrats said": after a comma, a list whose last items "and" joins.)
        bool joined_list = false;
        if (sw == ",")
            for (uint32_t t = r.begin + 1; t < r.end && !joined_list; ++t) joined_list = word(t) == "and" || word(t) == "or";
        const bool joint = !tokens_[stop].capitalized && (sw == "for" || sw == "and" || joined_list);
        uint32_t start = unit.begin;
        // ("“…,” Fight for Fifteen organizer Kendall Fells said": after a quotation and its
        // comma, too.)
        // (Looked for as far back as a source can reach: a sentence that never ends costs no
        // more per cue than a short one.)
        const uint32_t reach = std::max(unit.begin, last + 1 > kMaxSourceTokens ? last + 1 - kMaxSourceTokens : 0u);
        for (uint32_t t = stop; t > reach; --t)
            if (in_quote(t - 1) || tokens_[t - 1].kind == TokenKind::Quote) {
                start = t < stop && word(t) == "," ? t + 1 : t;
                if (t - 1 > unit.begin && word(t - 2) != "," && start == t) start = stop;  // no comma: no phrase
                break;
            }
        while (start < stop && is_folded(start, lex_.leading_conjunctions)) ++start;
        // A list's items are short noun phrases: none is a time or opens with a preposition,
        // and none holds a verb, a pronoun or a form in -ed ("Sunday, Mr. Rubio and …",
        // "Burdened by mistrust, … the leaders" are no lists).
        const auto lists_noun_phrases = [&](uint32_t from, uint32_t to) {
            constexpr uint32_t kMaxItemTokens = 5;
            uint32_t item = from;
            for (uint32_t t = from; t <= to; ++t) {
                if (t < to && word(t) != ",") continue;
                // (After the first, an item opened by an article is an apposition: "Donald Trump,
                // the front-runner and former host of …"; a capitalised word before an article
                // is a preposition.)
                if (t == item || t - item > kMaxItemTokens || is_folded(item, lex_.adjunct_openers) ||
                    is_folded(item, lex_.source_leading_prepositions) || is_folded(item, lex_.time_words) ||
                    is_folded(item, lex_.sentence_adverbs) || (item > from && is_determiner(item)) ||
                    (item + 1 < t && tokens_[item].capitalized && is_determiner(item + 1)))  // "Throughout the race,"
                    return false;
                for (uint32_t w = item; w < t; ++w)
                    if (is_word(w) && !tokens_[w].capitalized &&
                        (is_ed_form(w) || is_folded(w, lex_.auxiliaries) || lex_.pronouns_subject(word(w)) ||
                         cue_strength(w) >= kStrongCue || is_folded(w, lex_.time_words)))
                        return false;
                item = t + 1;
            }
            return true;
        };
        const bool counted = tokens_[start].kind == TokenKind::Number && (sw == "and" || joined_list);  // "89% of …"
        bool phrase = joint && start < stop && (is_determiner(start) || tokens_[start].capitalized || counted) &&
                      last + 1 - start <= kMaxSourceTokens && (!joined_list || lists_noun_phrases(start, stop));
        for (uint32_t t = start; phrase && t < stop; ++t) {
            if (in_quote(t) || tokens_[t].kind == TokenKind::Quote) phrase = false;
            else if (tokens_[t].kind == TokenKind::Punct)
                phrase = word(t) == "." || word(t) == "-" || word(t) == "’s" || word(t) == "'s" ||
                         ((joined_list || sw == "and") && word(t) == "," && lists_noun_phrases(start, stop)) ||
                         (counted && word(t) == "%");
            else if (!tokens_[t].capitalized && (is_folded(t, lex_.auxiliaries) || (cue_strength(t) >= kStrongCue && !(t > start && is_determiner(t - 1))) ||
                                                 is_folded(t, lex_.clause_openers) || lex_.pronouns_subject(word(t))))
                phrase = false;
        }
        if (phrase) r.begin = start;
    }
    if (verb_phrase_start > r.begin) r.end = verb_phrase_start;
    while (!r.empty() && (word(r.end - 1) == "," || is_dash(r.end - 1))) --r.end;
    // Sentence adverbs and conjunctions opening the sentence are not part of the source.
    while (!r.empty() && (is_folded(r.begin, lex_.aux_adverbs) || is_folded(r.begin, lex_.clause_openers) ||
                          word(r.begin) == "Meanwhile" || word(r.begin) == "However"))
        ++r.begin;
    // A pronoun takes no modifiers: "tweeted Tuesday night he considered" has the subject "he".
    if (r.end - r.begin >= 2 && lex_.pronouns_subject(word(r.end - 1)) && !tokens_[r.end - 1].capitalized &&
        !is_folded(r.end - 2, lex_.clause_openers) && word(r.end - 2) != "or")
        r.begin = r.end - 1;
    // A trailing time adjunct: "Trump on Tuesday said".
    if (r.end - r.begin >= 3 && is_folded(r.end - 1, lex_.time_words)) {
        uint32_t p = r.end - 2;
        if (p > r.begin && is_word(p - 1) && !tokens_[p - 1].capitalized && is_folded(p, lex_.time_words)) --p;
        if (is_word(p) && !tokens_[p].capitalized && is_folded(p, lex_.time_preludes))
            r.end = p;
    }
    // A noun phrase does not end with a preposition ("… Irene Rosenfeld in"): such a stretch
    // is a verb phrase's tail, not a source.
    if (!r.empty() && is_word(r.end - 1) && !tokens_[r.end - 1].capitalized && is_folded(r.end - 1, lex_.cue_particles))
        return {};
    if (r.empty() || r.end - r.begin > kMaxSourceTokens) return {};
    // A lone participle ("Nabisco, facing criticism for …") is a verb, not a source.
    if (r.end - r.begin == 1 && !tokens_[r.begin].capitalized &&
        (word(r.begin).ends_with("ing") || word(r.begin).ends_with("ed")))
        return {};
    if (!has_word(r)) return {};
    return r;
}

// The source after an inverted cue: "…,” said Jenna Golden, Twitter’s director of
// political advertising." It must open like a noun phrase.
TokenRange Finder::source_after(uint32_t first, const Unit& unit) const {
    if (first >= unit.end || !is_word(first)) return {};
    // "said Sunday", "said on Tuesday": the time of the speech comes before its speaker.
    if (word(first) == "on" && first + 1 < unit.end && is_folded(first + 1, lex_.time_words)) ++first;
    while (first < unit.end && is_word(first) && is_folded(first, lex_.time_words) && first + 1 < unit.end) ++first;
    if (first >= unit.end || !is_word(first)) return {};
    // ("…,” Blunt said of Cruz": a preposition opens no source.)
    if (!tokens_[first].capitalized && is_folded(first, lex_.cue_particles)) return {};
    bool np_start = tokens_[first].capitalized || is_folded(first, lex_.inverted_source_openers) ||
                    is_folded(first, lex_.role_nouns);
    // "said pollster Frank Luntz", "said retired neurosurgeon Ben Carson": lowercase titles
    // before a name; not "said Friday that Curiel …", a clause.
    // ("said former secretary of state Hillary Clinton": a longer title, without a verb.)
    constexpr uint32_t kMaxLowercaseTitle = 6;
    for (uint32_t k = first + 1; !np_start && !is_folded(first, lex_.clause_openers) && k < unit.end &&
                                 k <= first + kMaxLowercaseTitle && is_word(k);
         ++k) {
        if (k > first + 3 && (is_folded(k, lex_.clause_openers) || is_folded(k, lex_.auxiliaries))) break;
        np_start = tokens_[k].capitalized;
    }
    if (!np_start) return {};
    uint32_t end = first;
    bool before_comma = true;
    bool in_relative_clause = false;
    while (end < unit.end && end - first < kMaxSourceTokens) {
        if (in_quote(end) || (is_terminal_punct(end) && !is_phrase_period(end))) break;
        auto t = word(end);
        if (t == ";" || t == ":") break;
        if (t == ",") before_comma = false;
        // ("said a Mexican official who was not authorized to speak": a relative clause without
        // its comma is the noun phrase's too.)
        in_relative_clause |= end > first && (word(end - 1) == "," || word(end) == "who") && is_relative_pronoun(end);
        if (before_comma && !in_relative_clause && is_folded(end, lex_.auxiliaries)) return {};  // a clause, not a noun phrase
        // "said ACLU director Anthony Romero in a statement", "said James B. Comey on Monday":
        // the circumstance of the speech is not part of its source. (In "said Doley, who held
        // a fundraiser in October" it is the relative clause's.)
        if (end > first && !in_relative_clause && !tokens_[end].capitalized && is_folded(end, lex_.adjunct_openers) &&
            names_speech_event(end + 1, unit))
            break;
        // "said Dan Golvach when asked about Lindsey Graham", "said Eva Lind after the vote": a
        // clause of time is the circumstance too.
        if (end > first && !in_relative_clause && !tokens_[end].capitalized && t != "as" &&
            is_folded(end, lex_.time_clause_openers))
            break;
        if (t == "," && end + 1 < unit.end &&
            (is_folded(end + 1, lex_.clause_openers) || cue_strength(end + 1) >= kStrongCue))
            break;
        ++end;
    }
    while (end > first && word(end - 1) == ",") --end;
    return {first, end};
}

// "Washington (AFP) – Democrat Hillary Clinton has …", "WASHINGTON, Dec. 8 (UPI) — …": the
// place and agency of a dateline end at a dash, after capitalised words, numbers and
// punctuation only.
uint32_t Finder::after_dateline(uint32_t first, uint32_t limit) const {
    constexpr uint32_t kMaxDatelineTokens = 12;
    for (uint32_t t = first; t < limit && t - first < kMaxDatelineTokens; ++t) {
        if (in_quote(t)) return first;
        if (is_dash(t)) return t > first && (word(t - 1) == ")" || (is_word(t - 1) && text::is_all_caps(word(t - 1)))) ? t + 1 : first;
        bool fits = (is_word(t) && tokens_[t].capitalized) || tokens_[t].kind == TokenKind::Number || word(t) == "," ||
                    word(t) == "." || word(t) == "(" || word(t) == ")";
        if (!fits) return first;
    }
    return first;
}

TokenRange Finder::sentence_subject(const Unit& unit, uint32_t limit) const {
    uint32_t first = unit.begin;
    // "He proposes breaking up the banks; she backs tougher rules but embraces …": after a
    // semicolon the clause has its own subject. (Looked for within a clause's length, so
    // that a sentence with no end costs no more per cue.)
    constexpr uint32_t kMaxSemicolonScan = 60;
    for (uint32_t t = limit; t > unit.begin && limit - t < kMaxSemicolonScan;) {
        --t;
        if (word(t) == ";" && !in_quote(t)) {
            first = t + 1;
            break;
        }
    }
    while (first < limit && !is_word(first)) ++first;
    if (first >= limit || in_quote(first)) return {};
    first = after_dateline(first, limit);
    while (first < limit && !is_word(first)) ++first;
    if (first >= limit || in_quote(first)) return {};
    while (first + 1 < limit && is_folded(first, lex_.leading_conjunctions) && is_word(first + 1)) ++first;
    // "On Sunday morning Mr. Trump made …": an opening time adjunct without its comma.
    if (is_folded(first, lex_.adjunct_openers) && first + 1 < limit && is_folded(first + 1, lex_.time_words)) {
        uint32_t next = first + 1;
        while (next < limit && is_folded(next, lex_.time_words)) ++next;
        if (next < limit && is_word(next) && (tokens_[next].capitalized || lex_.pronouns_subject(word(next))) &&
            !is_folded(next, lex_.time_words))
            first = next;
    }
    // "In Iowa, Trump said …", "As the vote neared, Sanders …": the subject follows the
    // opening adverbial and its comma.
    // ("Ultimately, Mr. Yanukovych …": an adverb in -ly and its comma.)
    const bool ly_adverb = word(first).size() > 4 && word(first).ends_with("ly") && first + 1 < limit && word(first + 1) == ",";
    if (is_folded(first, lex_.sentence_adverbs) || word(first).ends_with("ing") || word(first) == "Here" ||
        word(first) == "There" || ly_adverb) {
        uint32_t comma = first;
        while (comma < limit && word(comma) != "," && !in_quote(comma) && comma - first < kMaxClauseTokens) ++comma;
        if (comma >= limit || word(comma) != ",") return {};
        comma = after_time_after_place(after_place_apposition(comma, limit), limit);  // "Speaking in Salem, New Hampshire, Trump …"
        first = comma + 1;
        while (first < limit && !is_word(first)) ++first;
        if (first >= limit || in_quote(first)) return {};
    }
    // "Last year, he …", "Outside the arena, about 200 protesters …": a capitalised word with
    // lowercase words after it, up to a comma, is an opening adverbial when a pronoun or a
    // name follows the comma.
    constexpr uint32_t kMaxOpenerTokens = 8;
    // "Also Monday, Goodlatte and Gowdy sent …", "Last Friday, she …": an opening time, with
    // its adverb, and its comma.
    bool after_time_opener = false;
    {
        constexpr uint32_t kMaxTimeOpener = 3;
        uint32_t t = first;
        bool time = false;
        while (t < limit && t - first < kMaxTimeOpener && is_word(t) &&
               (is_folded(t, lex_.aux_adverbs) || is_folded(t, lex_.time_preludes) || is_folded(t, lex_.time_words))) {
            time |= is_folded(t, lex_.time_words);
            ++t;
        }
        after_time_opener = time && t + 1 < limit && word(t) == "," && is_word(t + 1) && !in_quote(t + 1);
        if (after_time_opener) first = t + 1;
    }
    // ("Like Mr. Sanders, she …": a preposition before a name.)
    // (Not a name and its verb: "Trump spoke in Bangor, Maine, promising …".)
    const uint32_t after_first = first + 1;
    const bool name_then_verb = tokens_[first].capitalized && after_first < limit && is_word(after_first) &&
                                !tokens_[after_first].capitalized && !is_folded(first, lex_.adjunct_openers) &&
                                !is_folded(first, lex_.source_leading_prepositions) && !is_folded(first, lex_.number_words) &&
                                (is_folded(after_first, lex_.auxiliaries) || is_ed_form(after_first) ||
                                 is_folded(after_first, lex_.object_taking_pasts) || cue_strength(after_first) >= kStrongCue);
    if (!after_time_opener && first + 1 < limit && !name_then_verb && ((is_word(first + 1) && !tokens_[first + 1].capitalized) ||
                              tokens_[first + 1].kind == TokenKind::Number || is_folded(first, lex_.source_leading_prepositions))) {
        uint32_t comma = first + 1;
        while (comma < limit && comma - first <= kMaxOpenerTokens && word(comma) != "," && !in_quote(comma)) ++comma;
        if (comma < limit && word(comma) == ",") comma = after_time_after_place(after_place_apposition(comma, limit), limit);
        const uint32_t next = comma + 1;
        // (Or a noun phrase opened by a determiner, a quantifier or a number: "about 200
        // protesters", "many voters", "the crowd".)
        const bool counted = next + 1 < limit && (word(next) == "about" || word(next) == "nearly" ||
                                                  word(next) == "almost" || word(next) == "roughly") &&
                             tokens_[next + 1].kind == TokenKind::Number;
        const bool noun_phrase = next < limit && (is_determiner(next) || is_folded(next, lex_.subject_quantifiers) ||
                                                  tokens_[next].kind == TokenKind::Number || counted);
        if (comma < limit && word(comma) == "," && next < limit && (is_word(next) || noun_phrase) &&
            (tokens_[next].capitalized || lex_.pronouns_subject(word(next)) || noun_phrase) &&
            !is_folded(next, lex_.clause_openers))
            first = next;
    }
    auto w = word(first);
    if (lex_.pronouns_subject(w) && w != "you") return {first, first + 1};
    uint32_t end = first;
    if (w == "The" || w == "A" || w == "An") ++end;
    // ("about 200 protesters": the number and its adverb open the phrase as an article would.)
    if ((w == "about" || w == "nearly" || w == "almost" || w == "roughly") && first + 2 < limit &&
        tokens_[first + 1].kind == TokenKind::Number)
        end += 2;
    // The end of a run of capitalised words and initials' periods from `at`.
    const auto name_end = [&](uint32_t at) {
        while (at < limit && ((is_word(at) && tokens_[at].capitalized) || is_abbreviation_period(at))) ++at;
        return at;
    };
    // The end of a noun phrase's lowercase words from `at`, before the predicate, a clause, an
    // adjunct or a time.
    const auto lowercase_run_end = [&](uint32_t at) {
        while (at < limit && at - first < kMaxSubjectTokens && is_word(at) && !in_quote(at) && !opens_predicate(at) &&
               !is_folded(at, lex_.clause_openers) && !is_ly_adverb(at) && !is_folded(at, lex_.adjunct_openers) &&
               !is_folded(at, lex_.time_words))
            ++at;
        return at;
    };
    uint32_t names = name_end(end);
    // "Sen. Bernie Sanders (I-Vt.)", "Bernie Sanders and Ted Cruz": a name's party and state
    // in parentheses, and a second name joined by "and", are the subject's too.
    constexpr uint32_t kMaxJoinedNames = 3, kMaxTagTokens = 8;
    uint32_t joined_phrase = 0;
    for (uint32_t joined = 0; names > end && joined < kMaxJoinedNames; ++joined) {
        uint32_t at = names;
        if (at < limit && word(at) == "(") {
            uint32_t close = at + 1;
            bool tag = true;
            while (close < limit && close - at <= kMaxTagTokens && word(close) != ")" && tag) {
                tag = !in_quote(close) && ((is_word(close) && tokens_[close].capitalized) || tokens_[close].kind == TokenKind::Punct);
                ++close;
            }
            if (tag && close < limit && word(close) == ")" && close > at + 1) at = close + 1;
        }
        if (at + 1 < limit && word(at) == "and" && is_word(at + 1) && tokens_[at + 1].capitalized && !in_quote(at + 1)) {
            names = name_end(at + 1);
            continue;
        }
        // ("Hillary Clinton and her Democratic allies have argued": a common noun phrase after
        // "and", kept only if it runs to the predicate below.)
        if (at + 1 < limit && word(at) == "and" && is_determiner(at + 1) && !in_quote(at + 1)) joined_phrase = at + 1;
        names = at;
        break;
    }
    if (joined_phrase > 0) {
        const uint32_t verb = lowercase_run_end(joined_phrase + 1);
        if (verb > joined_phrase + 1 && verb < limit && opens_predicate(verb)) names = verb;
    }
    // "The former Republican presidential candidate continued, saying …", "Republican
    // presidential candidate Donald Trump issued a statement, …": the noun phrase runs on over
    // lowercase words to the first that opens the predicate.
    const uint32_t phrase = lowercase_run_end(names);
    if (phrase > names && phrase < limit && phrase > end && opens_predicate(phrase) && !is_folded(phrase - 1, lex_.determiners))
        names = phrase;
    // "The senator left the hall, saying …": a verb no list knows, told by the article after
    // it (not a preposition's: "The head of the party").
    if (names == end && phrase > end + 2)
        for (uint32_t t = end + 2; t < phrase; ++t)
            if (is_determiner(t)) {
                const uint32_t verb = t - 1;
                if (!tokens_[verb].capitalized && !is_folded(verb, lex_.adjunct_openers) &&
                    !is_folded(verb, lex_.cue_particles) && word(verb) != "by" && !is_folded(verb, lex_.determiners))
                    names = verb;
                break;
            }
    // ("Harbour board chair Eva Lind, noting …": a role inside the name's title, up to the
    // comma after the name.)
    if (phrase > names && phrase <= limit && phrase < unit.end && word(phrase) == "," && is_word(phrase - 1) &&
        tokens_[phrase - 1].capitalized) {
        bool role = false;
        for (uint32_t t = names; t < phrase && !role; ++t) role = !tokens_[t].capitalized && is_role_noun_or_plural(t);
        if (role) names = phrase;
    }
    if (names == end) return {};
    // "David Stockman, a former budget director, …": the name's apposition is the subject's.
    if (names < limit && word(names) == ",") {
        uint32_t closing = names + 1;
        while (closing < limit && word(closing) != "," && !in_quote(closing) && closing - names <= kMaxAppositionTokens)
            ++closing;
        if (closing < limit && word(closing) == "," && apposition_opening(closing, unit) == static_cast<long>(names))
            return {first, closing};
    }
    return {first, names};
}

TokenRange Finder::opening_recipient(const Unit& unit, uint32_t source_begin) const {
    uint32_t first = unit.begin;
    if (first + 3 >= source_begin || !is_word(first)) return {};
    if (!tokens_[first].capitalized || !is_folded(first, lex_.speaking_participles)) return {};
    if (!(word(first + 1) == "to" || word(first + 1) == "with")) return {};
    if (word(source_begin - 1) != ",") return {};
    TokenRange r{first + 2, source_begin - 1};
    for (uint32_t t = r.begin; t < r.end; ++t)
        if (word(t) == ",") return {};
    return r;
}

// The recipient right after a verb like "told": a pronoun, a known name, or "the crowd".
TokenRange Finder::recipient_at(uint32_t first, const Unit& unit) const {
    if (first >= unit.end || in_quote(first) || !is_word(first)) return {};
    // "told her supporters": "her" before a noun is its determiner, not the recipient.
    bool determines_noun = word(first) == "her" && first + 1 < unit.end && is_word(first + 1) && !in_quote(first + 1) &&
                           !tokens_[first + 1].capitalized && word(first + 1) != "that";
    if (is_folded(first, lex_.object_pronouns) && !determines_noun) return {first, first + 1};
    if (word(first) == "that") return {};
    // "told the crowd of supporters, “…”": a short phrase of words then a comma or colon and a
    // quotation is whom the quotation was told to, up to an adjunct ("on Monday, “…”"). (Before
    // a colon, only people or a name: "promised mass deportation: “…”" names a topic.)
    constexpr uint32_t kMaxBeforeQuotation = 6;
    const bool opens_with_preposition = is_folded(first, lex_.adjunct_openers) || word(first) == "of" || word(first) == "about";
    for (uint32_t i = first; !opens_with_preposition && i < unit.end && i <= first + kMaxBeforeQuotation; ++i) {
        if (i > first && i + 1 < unit.end && is_open_mark(i + 1) &&
            (word(i) == "," || (word(i) == ":" && (tokens_[i - 1].capitalized || is_role_noun_or_plural(i - 1)))))
            return {first, i};
        if (in_quote(i) || !(is_word(i) || is_abbreviation_period(i)) || word(i) == "that" ||
            (i > first && (is_folded(i, lex_.adjunct_openers) || is_folded(i, lex_.clause_openers) || cue_strength(i) >= kStrongCue)))
            break;
    }
    // Up to "that", when it comes soon: "told a rally in Ohio that …".
    for (uint32_t i = first; i < unit.end && i < first + 8; ++i) {
        if (word(i) == "that" && i > first) return {first, i};
        if (const uint32_t after_title = past_title(i); after_title > i && i > first) {  // "told ABC's “This Week” that"
            i = after_title - 1;
            continue;
        }
        if (in_quote(i) || word(i) == "," || word(i) == ":") break;
        // (Not across a clause of its own: "told MSNBC Monday when asked about concerns that …".)
        if (i > first && !tokens_[i].capitalized && (is_folded(i, lex_.clause_openers) || cue_strength(i) >= kStrongCue)) break;
    }
    // "told Chris Cuomo of CNN after the debate": and whom the recipient works for.
    const auto with_employer = [&](TokenRange name) -> TokenRange {
        constexpr uint32_t kMaxEmployerTokens = 4;
        const uint32_t of = name.end;
        if (of >= unit.end || word(of) != "of") return name;
        uint32_t org_end = of + 1;
        while (org_end < unit.end && org_end - of <= kMaxEmployerTokens && is_word(org_end) && !in_quote(org_end) &&
               tokens_[org_end].capitalized)
            ++org_end;
        return org_end > of + 1 ? TokenRange{name.begin, org_end} : name;
    };
    if (tokens_[first].capitalized) {
        // A capitalised run may run into the content ("told The National US forces will"):
        // prefer the longest prefix that the document uses elsewhere as a whole name.
        uint32_t run_end = first;
        while (run_end < unit.end && is_word(run_end) && (tokens_[run_end].capitalized || run_end == first)) ++run_end;
        for (uint32_t end = run_end; end > first + 1; --end) {
            std::string_view candidate(text_.data() + tokens_[first].begin, tokens_[end - 1].end - tokens_[first].begin);
            size_t at = text_.find(candidate);
            bool elsewhere = false;
            while (at != std::string_view::npos) {
                if (at != tokens_[first].begin) {
                    size_t after = at + candidate.size();
                    bool whole = after >= text_.size() || !text::is_letter(static_cast<unsigned char>(text_[after]));
                    // Followed elsewhere by a different word than here: a name boundary.
                    bool same_next_word = end < run_end && after + 1 + word(end).size() <= text_.size() &&
                                          text_[after] == ' ' && text_.substr(after + 1, word(end).size()) == word(end);
                    if (whole && !same_next_word) {
                        elsewhere = true;
                        break;
                    }
                }
                at = text_.find(candidate, at + 1);
            }
            if (elsewhere) return with_employer({first, end});
        }
        if (run_end - first <= 4 && (run_end >= unit.end || !tokens_[run_end].capitalized))
            return with_employer({first, run_end});
        return {first, first + 1};
    }
    auto w = word(first);
    if (w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their") {
        // "told the New York Daily News, …": a name after the article, whole.
        constexpr uint32_t kMaxRecipientName = 5;
        uint32_t name_end = first + 1;
        while (name_end < unit.end && name_end - first <= kMaxRecipientName && is_word(name_end) && !in_quote(name_end) &&
               tokens_[name_end].capitalized)
            ++name_end;
        if (name_end > first + 2) return {first, name_end};
        // "told his closest advisers as he labored …": a longer phrase naming people, up to a
        // clause or adjunct opening or the sentence's end.
        // ("told a Senate panel Wednesday": a name may modify the head, which then names a body.)
        constexpr uint32_t kMaxCommonRecipient = 4;
        uint32_t phrase_end = first + 1;
        bool named_modifier = false;
        while (phrase_end < unit.end && phrase_end - first < kMaxCommonRecipient && is_word(phrase_end) &&
               !in_quote(phrase_end) && (!tokens_[phrase_end].capitalized || (phrase_end == first + 1 && name_end == first + 2)) &&
               !is_folded(phrase_end, lex_.clause_openers) && !is_folded(phrase_end, lex_.adjunct_openers) &&
               !is_folded(phrase_end, lex_.auxiliaries) && cue_strength(phrase_end) < kStrongCue) {
            named_modifier |= tokens_[phrase_end].capitalized;
            ++phrase_end;
        }
        const bool names_recipient = named_modifier ? !tokens_[phrase_end - 1].capitalized && is_folded(phrase_end - 1, lex_.org_words)
                                                    : is_role_noun_or_plural(phrase_end - 1);
        if (phrase_end > first + 2 && names_recipient &&
            (phrase_end >= unit.end || (is_terminal_punct(phrase_end) && !is_abbreviation_period(phrase_end)) ||
             is_folded(phrase_end, lex_.clause_openers) || is_folded(phrase_end, lex_.adjunct_openers)))
            return {first, phrase_end};
        // "told the crowd he would win", "promised a new ferry by 2028": the two words are the
        // recipient only when what follows can open the content, not when it is the noun that
        // "a new" modifies.
        const uint32_t next = first + 2;
        if (next < unit.end && is_word(next) && !in_quote(next) && !tokens_[next].capitalized && !is_determiner(next) &&
            !lex_.pronouns_subject(word(next)) && !is_folded(next, lex_.object_pronouns) && word(next) != "that" &&
            word(next) != "to" && !is_folded(next, lex_.aux_adverbs) && !is_folded(next, lex_.adjunct_openers) &&
            tokens_[next].kind != TokenKind::Number)
            return {};
        return {first, std::min(first + 2, unit.end)};
    }
    return {};
}

// Skips a speech-event adjunct after a cue ("in a statement", "on Tuesday", "in a report on
// defence spending") when what follows it is the content or the end of the clause.
uint32_t Finder::skip_speech_adjunct(uint32_t first, const Unit& unit) const {
    if (first >= unit.end || !is_word(first) || in_quote(first)) return first;
    bool prep = is_folded(first, lex_.adjunct_openers);
    if (!prep) return first;
    // "vowed Tuesday to remain", "said Monday she would": a day named alone (with its part
    // of the day) is the whole adjunct, whatever clause follows it.
    if (tokens_[first].capitalized && word(first).ends_with("day") && is_folded(first, lex_.time_words)) {
        uint32_t end = first + 1;
        while (end < unit.end && !tokens_[end].capitalized && is_folded(end, lex_.time_words)) ++end;
        // ("said Tuesday in Paris, noting …": a phrase after the day goes on with its adjunct.)
        if (end >= unit.end || tokens_[end].capitalized || !is_folded(end, lex_.adjunct_openers) || word(end) == "to")
            return end;
    }
    // "reported at least six planes filled the skies": "at least" quantifies; it opens no adjunct.
    if (word(first) == "at" && first + 1 < unit.end && (word(first + 1) == "least" || word(first + 1) == "most")) return first;
    // "declined to comment", "refused to answer": an infinitive is what was (not) said.
    if (word(first) == "to" && first + 1 < unit.end && is_word(first + 1) && !tokens_[first + 1].capitalized &&
        info(first + 1).cue)
        return first;
    // "vowed to win the race": so is any word after "to" that cannot start a noun phrase
    // ("said to reporters", "told to the crowd" are adjuncts).
    if (word(first) == "to" && first + 1 < unit.end && is_word(first + 1) && !tokens_[first + 1].capitalized &&
        !is_determiner(first + 1) && !is_folded(first + 1, lex_.object_pronouns) &&
        !(word(first + 1).ends_with("s") && !word(first + 1).ends_with("ss")))
        return first;
    bool has_adjunct_noun = false;
    for (uint32_t i = first; i < unit.end && i < first + 12; ++i) {
        if (is_folded(i, lex_.speech_adjuncts) || is_folded(i, lex_.time_words)) has_adjunct_noun = true;
        // "said during a car ride in Cleveland.": a phrase running to the clause's end is the
        // circumstance of the speech, whatever its words.
        if (is_terminal_punct(i) && !is_abbreviation_period(i)) return i;
        // "said on NBC's “Meet the Press” that …": the show's name is the medium.
        if (const uint32_t after_title = past_title(i); after_title > i && i > first) {
            has_adjunct_noun = true;
            i = after_title - 1;
            continue;
        }
        // "says this is just a rough patch": a phrase with a finite verb is the clause said.
        if (i > first && !tokens_[i].capitalized && is_folded(i, lex_.auxiliaries)) return first;
        // ("on Monday when asked about …": a clause opener ends the adjunct too.)
        if (in_quote(i) || word(i) == "that" || word(i) == ":" || word(i) == "," || is_dash(i) ||
            (i > first && !tokens_[i].capitalized && is_folded(i, lex_.clause_openers) && word(i) != "and"))
            return has_adjunct_noun ? i : first;
    }
    return first;
}

// Content after a cue: to the end of the clause, leaving out the sentence's final stop and a
// trailing participle that starts another attribution (", adding …").
bool Finder::is_time_phrase(TokenRange r) const {
    uint32_t first = r.begin;
    if (!r.empty() && !tokens_[first].capitalized && is_folded(first, lex_.time_preludes)) ++first;
    if (first >= r.end) return false;
    // (Capitalised, only a day's name: "Kristen Day said" names a person.)
    for (uint32_t t = first; t < r.end; ++t)
        if (!is_folded(t, lex_.time_words) ||
            (tokens_[t].capitalized && !(word(t).size() > 3 && word(t).ends_with("day"))))
            return false;
    return true;
}

bool Finder::reports_after_with(uint32_t first, const Unit& unit) const {
    constexpr uint32_t kMaxSubjectTokens = 6;
    for (uint32_t t = first; t < unit.end && t - first <= kMaxSubjectTokens; ++t) {
        if (in_quote(t) || !(is_word(t) || tokens_[t].kind == TokenKind::Number || word(t) == "%")) return false;
        if (t > first && cue_strength(t) >= kStrongCue && word(t).ends_with("ing")) return true;
    }
    return false;
}

TokenRange Finder::content_after(uint32_t first, const Unit& unit, bool& starts_with_that) const {
    starts_with_that = false;
    uint32_t i = first;
    if (i < unit.end && (word(i) == ":" || word(i) == ",")) ++i;
    // "…, Fiorina said, adding that …": the participle starts an attribution of its own.
    // ("…, whom it has ignored, said Lars Dahl": nor does an inverted cue.)
    if (i > first && i < unit.end && !in_quote(i) && cue_strength(i) >= kStrongCue &&
        (word(i).ends_with("ing") || is_folded(i, lex_.inverting_verbs)))
        return {};
    if (i < unit.end && word(i) == "that" && !in_quote(i)) {
        starts_with_that = true;
        ++i;
    }
    uint32_t end = i;
    while (end < unit.end) {
        if (!in_quote(end)) {
            auto w = word(end);
            if (w == ";" || end - i >= kMaxClauseTokens) break;
            if (w == "," && end + 1 < unit.end && !in_quote(end + 1) &&
                (cue_strength(end + 1) >= kStrongCue && word(end + 1).ends_with("ing")))
                break;
            if (w == "," && end + 2 < unit.end && word(end + 1) == "according" && word(end + 2) == "to") break;
            // "…, with three in 10 saying …": a report of its own, of a subject after "with".
            if (w == "," && end + 2 < unit.end && word(end + 1) == "with" && reports_after_with(end + 2, unit)) break;
            // "Trump wants a wall on the border, he said.": the closing report is the
            // sentence's own attribution, not part of what the first cue introduces.
            if (w == "," && closes_with_report(end + 1, unit)) break;
            if (w == "," && end + 1 < unit.end && opens_conjoined_report(end + 1, unit)) break;
            // "He said the casino was doomed: “…,” Roffman predicted.": the quotation after the
            // colon has a report of its own.
            if (w == ":" && end + 1 < unit.end && is_open_mark(end + 1)) {
                uint32_t after = quote_range(quote_of_[end + 1]).end;
                if (after < unit.end && word(after) == ",") ++after;
                if (after < unit.end && closes_with_report(after, unit)) break;
            }
        } else if (is_close_mark(end) && end + 1 < unit.end && !in_quote(end + 1) && cue_strength(end + 1) >= kStrongCue &&
                   word(end + 1).ends_with("ing")) {
            ++end;  // "mocked the “consultation,” saying …": the comma inside the quotation
            break;
        } else if (is_close_mark(end) && end + 1 < unit.end && !in_quote(end + 1) && closes_with_report(end + 1, unit)) {
            // "The movement is about “people telling leaders …,” Wilcox said.": the report
            // after the quotation is the sentence's own, not part of this content.
            ++end;
            break;
        }
        ++end;
    }
    while (end > i && !in_quote(end - 1) && (is_terminal_punct(end - 1) || word(end - 1) == "," || is_dash(end - 1)))
        --end;
    TokenRange r{i, end};
    if (!has_word(r)) return {};
    return r;
}

// Content before a source or cue that ends its clause: the quotation just before
// ("“…,” Mr Shami said") or the clause from the start of the unit ("…, the SDF said").
TokenRange Finder::content_before(uint32_t boundary, const Unit& unit) const {
    if (boundary <= unit.begin) return {};
    uint32_t b = boundary - 1;
    if (is_close_mark(b)) return with_clause_before(quote_range(quote_of_[b]), unit);
    if (word(b) != "," && !is_dash(b)) return {};
    if (b == unit.begin) return {};
    uint32_t last = b - 1;
    if (is_close_mark(last)) return with_clause_before(quote_range(quote_of_[last]), unit);
    TokenRange r{std::max(unit.begin, b > kMaxClauseTokens ? b - kMaxClauseTokens : 0u), b};
    // A quotation inside the clause is content all the same; a colon before it is not.
    for (uint32_t i = b; i > r.begin; --i)
        if (!in_quote(i - 1) && (word(i - 1) == ":" || word(i - 1) == ";")) {
            r.begin = i;
            break;
        }
    if (!has_word(r)) return {};
    return r;
}

bool Finder::is_verbless_phrase_before(uint32_t boundary, const Unit& unit) const {
    const TokenRange before = content_before(boundary, unit);
    if (before.empty()) return false;
    for (uint32_t t = before.begin; t < before.end; ++t)
        if (in_quote(t) || is_verb_like(t) || is_folded(t, lex_.auxiliaries)) return false;
    return true;
}

TokenRange Finder::subject_before_adjunct(uint32_t comma, const Unit& unit) const {
    uint32_t opening = comma;
    // (A show's name inside the adjunct, its comma within the marks: "Berg, appearing on
    // CNN's “State of the Union,” said".)
    const bool closes_title = ends_title_with_comma(comma);
    if (closes_title) opening = quotes_.quotes[quote_of_[comma]].open_token;
    while (opening > unit.begin && comma - opening < kMaxAppositionTokens) {
        --opening;
        if (in_quote(opening) || (is_terminal_punct(opening) && !is_abbreviation_period(opening))) return {};  // "U.S. officials"
        if (word(opening) == ",") break;
    }
    if (opening <= unit.begin || word(opening) != ",") return {};
    // "Clinton, during a town hall in Columbus, Ohio, said": the state after the place is
    // inside the adjunct.
    if (opening > unit.begin + 1 && comma - opening <= 4 && is_word(opening + 1) && tokens_[opening + 1].capitalized &&
        is_word(opening - 1) && tokens_[opening - 1].capitalized) {
        uint32_t earlier = opening - 1;
        while (earlier > unit.begin && comma - earlier < kMaxAppositionTokens && word(earlier) != "," &&
               !in_quote(earlier) && !is_terminal_punct(earlier))
            --earlier;
        if (earlier > unit.begin && word(earlier) == "," && is_word(earlier + 1) && !tokens_[earlier + 1].capitalized &&
            !is_relative_pronoun(earlier + 1))
            opening = earlier;
    }
    // Not an apposition ("Sandra Inman, a Cruz supporter …,"), whose comma source_before
    // takes in: an adverbial ("for its part", "in fact", "only two months later").
    // (Nor a clause with a subject of its own: "In the world of politics, it is unusual for …,
    // said Matt Latimer".)
    uint32_t first = opening + 1;
    if (!is_word(first) || tokens_[first].capitalized || is_determiner(first) || lex_.pronouns_subject(word(first)) ||
        (!closes_title && closes_apposition(comma, unit)))
        return {};
    TokenRange subject = source_before(opening - 1, unit);
    if (subject.empty() || !looks_like_noun_phrase(subject)) return {};
    // It opens the sentence, or follows the quotation it speaks ("“…,” Blunt, after a long
    // pause, said").
    uint32_t before = subject.begin;
    if (before > unit.begin && word(before - 1) == ",") --before;
    const bool after_quote = before > unit.begin && is_close_mark(before - 1);
    if (subject.begin != after_dateline(unit.begin, opening) && !after_quote) return {};
    return subject;
}

TokenRange Finder::subject_before_relative(uint32_t object, const Unit& unit) const {
    constexpr uint32_t kMaxRelativeTokens = 8;
    for (uint32_t t = object; t > unit.begin + 1 && object - t < kMaxRelativeTokens;) {
        --t;
        if (in_quote(t) || word(t) == "," || is_terminal_punct(t)) return {};
        if (word(t) == "that" || word(t) == "who" || word(t) == "which") {
            TokenRange subject = source_before(t - 1, unit);
            return !subject.empty() && looks_like_noun_phrase(subject) ? subject : TokenRange{};
        }
    }
    return {};
}

bool Finder::names_no_speaker(TokenRange source) const {
    uint32_t words = 0;
    bool clitic = false;
    for (uint32_t t = source.begin; t < source.end; ++t) {
        auto w = word(t);
        if (w == "'s" || w == "\xE2\x80\x99s") clitic = true;
        else if (is_word(t) || tokens_[t].kind == TokenKind::Number) ++words;
    }
    if (words != 1 || !is_word(source.begin)) return false;
    auto first = word(source.begin);
    if (is_folded(source.begin, lex_.non_speakers)) return true;
    return clitic && (first == "it" || first == "It");  // "It's", not "its"
}

// "The bill's failure was “heartbreaking,” she said": a quotation ending the clause that it
// completes is a mixed statement from the clause's start.
TokenRange Finder::with_clause_before(TokenRange quote, const Unit& unit) const {
    if (quote.begin <= unit.begin || in_quote(quote.begin - 1)) return quote;
    uint32_t start = quote.begin - 1;
    // "The party, typically attended by hundreds, “allows us to get our message out,”": a
    // quotation opening in lowercase after a comma goes on with the clause before the comma.
    if (word(start) == "," && start > unit.begin && quote.begin + 1 < quote.end && is_word(quote.begin + 1) &&
        !tokens_[quote.begin + 1].capitalized && is_word(start - 1))
        --start;
    if (!is_word(start)) return quote;
    const auto walk_back = [&](uint32_t from) {
        while (from > unit.begin && !in_quote(from - 1) && word(from - 1) != ":" && word(from - 1) != ";" &&
               quote.begin - from < kMaxClauseTokens)
            --from;
        return from;
    };
    start = walk_back(start);
    while (start > unit.begin && in_quote(start - 1)) {
        // "“All that Glitters Is Not Gold” was to be a “cautionary tale,” said …": a quotation
        // opening the sentence is the subject of the same clause when no cue stands between;
        // otherwise it is another quotation's clause. So is one inside the clause, "Guns are “the
        // ultimate public health crisis” and “stunt children’s growth,” Dean proclaimed", and
        // the clause goes on before it.
        const TokenRange earlier = quote_range(quote_of_[start - 1]);
        for (uint32_t t = earlier.end; t < start; ++t)
            if (cue_strength(t) >= kStrongCue || word(t) == ",") return quote;
        if (earlier.begin == unit.begin) return {earlier.begin, quote.end};
        const uint32_t before = walk_back(earlier.begin);
        if (before == earlier.begin) return quote;
        start = before;
    }
    return {start, quote.end};
}

bool Finder::is_make(uint32_t i) const {
    const auto w = word(i);
    return w == "made" || w == "make" || w == "makes" || w == "making";
}

// "Berg made clear that …": the verb is the cue's ("made clear"), not the end of its source.
void Finder::take_made_into_cue(Candidate& c) const {
    if (c.source.end != c.cue.begin || c.source.end - c.source.begin < 2 || word(c.cue.begin) != "clear" ||
        !is_make(c.source.end - 1))
        return;
    --c.source.end;
    c.cue.begin = c.source.end;
}

// "It" as the source: a dummy subject names no one ("it appears that …", "it was said
// that …"), and in "she made it clear that …" the speaker is the subject of "made".
void Finder::resolve_dummy_it(Candidate& c) const {
    const uint32_t it = c.source.begin;
    bool passive = false;
    for (uint32_t t = c.cue.begin; t < c.cue.end; ++t) {
        auto w = word(t);
        passive |= is_folded(t, lex_.passive_auxiliaries);
        if (is_folded(t, lex_.impersonal_verbs) || (passive && t > c.cue.begin && (w.ends_with("ed") || w == "said"))) {
            c.source = {};
            return;
        }
    }
    if (it == 0 || c.cue.begin != it + 1 || word(c.cue.begin) != "clear" || !is_make(it - 1)) return;
    const Unit& unit = units_[unit_of_[it]];
    TokenRange subject = it - 1 > unit.begin ? source_before(it - 2, unit) : TokenRange{};
    c.source = !subject.empty() && looks_like_noun_phrase(subject) ? subject : TokenRange{};
    c.cue.begin = it - 1;
}

}  // namespace qg::attribution::detail
