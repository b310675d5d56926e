// Cue words and the constructions they head: "SOURCE said CONTENT", "…, said SOURCE",
// passives, "according to", "Asked whether …", fronted cues and gerunds.
#include "attribution/finder.h"

namespace qg::attribution::detail {

const Candidate* Finder::previous_with_source(uint32_t cue, const Unit& unit) const {
    // found_ holds this unit's candidates at its end, so the scan back stops at the first
    // from an earlier unit.
    for (auto f = found_.rbegin(); f != found_.rend() && f->cue.begin >= unit.begin; ++f)
        if (f->cue.begin < cue && !f->source.empty()) return &*f;
    return nullptr;
}

// Whether words of a clause of its own (three at least, with no cue word or "that": "X said
// Tuesday that according to …" is not one) stand right before `i` in its unit.
bool Finder::ends_clause_before(uint32_t i, const Unit& unit) const {
    constexpr uint32_t kMinClauseWords = 3;
    uint32_t words = 0;
    for (uint32_t t = i; t > unit.begin && words < kMinClauseWords;) {
        --t;
        if (in_quote(t) || word(t) == ":" || word(t) == ";" || word(t) == ",") break;
        if (word(t) == "that" || cue_strength(t) >= kStrongCue) return false;
        words += is_word(t) && !is_folded(t, lex_.leading_conjunctions) && !is_folded(t, lex_.sentence_adverbs);
    }
    return words >= kMinClauseWords;
}

TokenRange Finder::as_reported_by(uint32_t as, const Unit& unit) const {
    uint32_t verb = as + 1;
    // ("as first reported by", "as previously described by": an adverb of the verb.)
    if (verb < unit.end && is_folded(verb, lex_.aux_adverbs) && !is_folded(verb, lex_.auxiliaries)) ++verb;
    if (verb + 2 >= unit.end || in_quote(verb) || !is_word(verb) || tokens_[verb].capitalized) return {};
    if (!word(verb).ends_with("ed") || cue_strength(verb) < kStrongCue || word(verb + 1) != "by") return {};
    return {as + 1, verb + 1};
}

void Finder::try_according_to(uint32_t according, TokenRange cue, uint32_t source_first, const Unit& unit) {
    Candidate c;
    c.cue = cue;
    uint32_t first = source_first;
    uint32_t end = first;
    // A title in quotation marks may be part of the source ("According to E. J. Fleming's
    // ''The Fixers'' and other sources,"), but not the source's first word.
    // (The period of "Rep." or "D.C." does not end it.)
    while (end < unit.end && (!in_quote(end) || end > first) &&
           (in_quote(end) ||
            (word(end) != "," && word(end) != ";" && word(end) != ":" &&
             (!is_terminal_punct(end) || is_abbreviation_period(end) || ends_abbreviation(end)))) &&
           end - first < kMaxSourceTokens)
        ++end;
    while (end > first && in_quote(end - 1) && !is_close_mark(end - 1)) --end;  // a quotation still open
    // "according to Brian Wieser, an analyst at Pivotal Research Group": the apposition is
    // the source's, as PolNeAR marks it (the comma closing it is not).
    // ("…, director of the Survey Center, which ran the poll,": and a relative clause after it.)
    // (Opening its sentence, the phrase has its statement after it: "According to Anna Berg,
    // the company earned money." has no apposition running to the sentence's end.)
    bool opens_sentence = true;
    for (uint32_t t = unit.begin; t < according && opens_sentence; ++t)
        opens_sentence = !is_word(t) || is_folded(t, lex_.leading_conjunctions) || is_folded(t, lex_.sentence_adverbs);
    for (int appositions = 0; appositions < 2 && end < unit.end && word(end) == "," && end > first; ++appositions) {
        uint32_t closing = end + 1;
        while (closing < unit.end && closing - end <= kMaxAppositionTokens && !in_quote(closing) && word(closing) != "," &&
               word(closing) != ";" && !is_terminal_punct(closing))
            ++closing;
        if (closing >= unit.end || closing - end > kMaxAppositionTokens || in_quote(closing) ||
            (opens_sentence && word(closing) != ",") || !is_apposition(end, closing, unit))
            break;
        end = closing;
    }
    // ("as described by FBI Director James Comey – many believe …": a dash ends it.)
    if (c.cue.begin != according)
        for (uint32_t t = first; t < end; ++t)
            if (is_dash(t)) {
                end = t;
                break;
            }
    // "as first reported by the New York Times on Tuesday": the time is the report's.
    if (c.cue.begin != according && end >= first + 3 && is_folded(end - 1, lex_.time_words) &&
        is_folded(end - 2, lex_.time_preludes) && !tokens_[end - 2].capitalized)
        end -= 2;
    c.source = {first, end};
    if (!has_word(c.source)) return;
    bool starts_with_that = false;
    TokenRange second_half;  // of a clause the source interrupts
    // "… “look for a psychiatrist,” according to Reuters": the comma is inside the quotation.
    // ("… including murder, rape and robbery — according to the FBI": or a dash.)
    bool after_comma = according > unit.begin && (word(according - 1) == "," || is_dash(according - 1) ||
                                                  (is_close_mark(according - 1) && according >= unit.begin + 2 &&
                                                   word(according - 2) == ","));
    // "Clinton leads Sanders by 271 delegates according to a count by The Associated Press,
    // but …": with no comma before it, the clause it ends is the statement, not what follows.
    const bool ends_clause = !after_comma && ends_clause_before(according, unit);
    if (after_comma) {
        c.content = content_before(according, unit);
        // "But, according to the poll, 46 percent …": what stands before is an opener, and
        // the statement follows the source.
        uint32_t words_before = 0;
        for (uint32_t t = c.content.begin; t < c.content.end; ++t) words_before += is_word(t);
        // ("The bridge, according to Berg, will reopen": a short subject is no opener; the
        // source interrupts its clause.)
        const bool opener_only = !c.content.empty() && (is_folded(c.content.begin, lex_.leading_conjunctions) ||
                                                        is_folded(c.content.begin, lex_.sentence_adverbs) ||
                                                        is_folded(c.content.begin, lex_.clause_openers));
        if (words_before <= 2 && end < unit.end && word(end) == ",") {
            TokenRange after = content_after(end + 1, unit, starts_with_that);
            if (!opener_only && !c.content.empty() && !after.empty() && !opens_with_own_cue(after))
                second_half = after;
            else if (!after.empty())
                c.content = after;
        } else if (end + 1 < unit.end && word(end) == "," && is_word(end + 1) && !tokens_[end + 1].capitalized &&
                   !is_folded(end + 1, lex_.clause_openers) && !is_relative_pronoun(end + 1) && !c.content.empty()) {
            // "At the heart of the trouble, according to Dennis Ross, was a decision …": the
            // source interrupts the clause it reports; the statement is both halves.
            second_half = content_after(end + 1, unit, starts_with_that);
            if (!second_half.empty() && opens_with_own_cue(second_half)) second_half = {};
        }
    } else if (!ends_clause && end < unit.end && (word(end) == "," || word(end) == ":")) {
        c.content = content_after(end + 1, unit, starts_with_that);
    } else if (according > unit.begin && is_word(according - 1)) {
        // "… 46 percent to 39 percent according to a CBS poll": the clause before, no comma.
        uint32_t start = according - 1;
        while (start > unit.begin && word(start - 1) != ":" && word(start - 1) != ";" && according - start < kMaxClauseTokens)
            --start;
        c.content = {start, according};
    }
    if (c.content.empty()) return;
    c.rule = Rule::AccordingTo;
    const size_t head = found_.size();
    add(c);
    if (!second_half.empty() && found_.size() > head) add_continuation(second_half, static_cast<int>(head), Rule::SplitClause);
}

void Finder::try_in_evidence(uint32_t in, const Unit& unit) {
    constexpr uint32_t kMaxEvidenceTokens = 12;
    uint32_t comma = in + 1;
    bool evidence = false;
    while (comma < unit.end && comma - in <= kMaxEvidenceTokens && word(comma) != "," && !in_quote(comma) &&
           !is_terminal_punct(comma)) {
        evidence |= is_folded(comma, lex_.evidence_nouns) && !tokens_[comma].capitalized;
        ++comma;
    }
    if (!evidence || comma >= unit.end || word(comma) != "," || !is_determiner_or_number(in + 1)) return;
    bool starts_with_that = false;
    TokenRange content = content_after(comma + 1, unit, starts_with_that);
    if (content.empty()) return;
    Candidate c;
    c.cue = {in, in + 1};
    c.source = {in + 1, comma};
    c.content = content;
    c.rule = Rule::InEvidence;
    add(c);
}

void Finder::try_trailing_evidence(uint32_t in, const Unit& unit) {
    constexpr uint32_t kMaxEvidenceTokens = 12;
    if (in == unit.begin || !is_word(in - 1) || in_quote(in - 1)) return;
    // The evidence noun ends the phrase, but for a short modifier ("a poll released Monday");
    // a verb after it makes the phrase a clause's subject ("voters in the poll were …").
    constexpr uint32_t kMaxAfterNoun = 3;
    uint32_t end = in + 1;
    uint32_t noun_end = 0;
    while (end < unit.end && end - in <= kMaxEvidenceTokens && word(end) != "," && word(end) != ";" && !in_quote(end) &&
           !is_terminal_punct(end)) {
        if (is_folded(end, lex_.auxiliaries)) return;
        if (is_folded(end, lex_.evidence_nouns) && !tokens_[end].capitalized) noun_end = end + 1;
        ++end;
    }
    bool ends_clause = end >= unit.end || word(end) == "," || is_terminal_punct(end) || word(end) == ";";
    // "in a more-recent survey from Florida Southern College": a prepositional phrase after
    // the noun may be as long as the phrase allows.
    const bool prepositional_tail = noun_end > 0 && noun_end < end &&
                                    (word(noun_end) == "from" || word(noun_end) == "of" || word(noun_end) == "by");
    if (noun_end == 0 || (end - noun_end > kMaxAfterNoun && !prepositional_tail) || !ends_clause ||
        !(is_determiner_or_number(in + 1) || is_folded(in + 1, lex_.evidence_nouns)))
        return;
    // The clause before: from the sentence's start, or from a clause opener after a comma
    // ("…, where he has had a big lead in the most recent polls").
    uint32_t start = in - 1;
    while (start > unit.begin && !in_quote(start - 1) && word(start - 1) != ";" && word(start - 1) != ":" &&
           !(word(start - 1) == "," && is_folded(start, lex_.clause_openers)) && in - start < kMaxClauseTokens)
        --start;
    if (is_folded(start, lex_.clause_openers)) ++start;
    TokenRange content{start, in};
    if (!has_word(content) || overlaps_found_content(content)) return;
    // "the committee said in a report": the report is the medium of a cue already there.
    for (uint32_t t = content.begin; t < content.end; ++t)
        if (cue_strength(t) >= kStrongCue) return;
    Candidate c;
    c.cue = {in, in + 1};
    // A name in a short modifier ("released Monday") is no speaker; a prepositional phrase
    // names whose survey it is.
    c.source = {in + 1, prepositional_tail ? end : noun_end};
    c.content = content;
    c.rule = Rule::InEvidence;
    add(c);
}

void Finder::try_asked(uint32_t asked, const Unit& unit) {
    uint32_t next = asked + 1;
    Candidate c;
    c.cue = {asked, asked + 1};
    if (next < unit.end && word(next) == "by") {
        uint32_t end = next + 1;
        while (end < unit.end && end - next <= kMaxSourceTokens && !in_quote(end) && word(end) != "," &&
               !is_terminal_punct(end) && !is_folded(end, lex_.adjunct_openers) && word(end) != "about" &&
               word(end) != "whether" && word(end) != "if" && word(end) != "to")
            ++end;
        if (end == next + 1) return;
        c.source = {next + 1, end};
        next = end;
    }
    // "Asked at a briefing Monday about the ferry,", "Asked on Monday whether Mr. Clinton
    // would …": the circumstance ends at the question.
    if (next < unit.end && is_folded(next, lex_.adjunct_openers) && word(next) != "to") {
        constexpr uint32_t kMaxCircumstanceTokens = 8;
        uint32_t question = next + 1;
        while (question < unit.end && question - next <= kMaxCircumstanceTokens && !in_quote(question) &&
               word(question) != "," && !is_terminal_punct(question) &&
               !(is_folded(question, lex_.question_openers) && word(question) != "to"))
            ++question;
        if (question < unit.end && is_folded(question, lex_.question_openers)) next = question;
    }
    if (next >= unit.end || !is_word(next) || in_quote(next) || !is_folded(next, lex_.question_openers)) return;
    uint32_t end = next;
    while (end < unit.end && end - next < kMaxClauseTokens) {
        // "Asked whether Clinton “has the integrity to serve,” 72 percent said yes": the
        // question runs on through a quotation in it, and ends with a comma the quotation closes on.
        if (is_open_mark(end) && end > next && word(end - 1) != ":") {
            const quotes::Quote& quote = quotes_.quotes[quote_of_[end]];
            if (!quote.closed || quote.end_token > unit.end) break;
            end = quote.end_token;
            if (word(quote.close_token - 1) == ",") break;
            continue;
        }
        if (in_quote(end) || word(end) == "," || word(end) == ";" || (end > next && is_dash(end) && in_quote(end - 1)) ||
            (is_terminal_punct(end) && !is_abbreviation_period(end) && !ends_abbreviation(end)))
            break;
        ++end;
    }
    if (end == next) return;
    c.content = {next, end};
    c.rule = Rule::Asked;
    add(c);
}

bool Finder::try_fronted_gerund(uint32_t gerund, const Unit& unit) {
    if (!word(gerund).ends_with("ing")) return false;
    // The clause's comma, and the comma inside the closing mark of a quotation that ends the
    // clause ("… their “reveries about … an entry-level job,” Will urged"): the first of them
    // that a subject and its verb follow ends the clause.
    const auto comma_closing_quote = [&](uint32_t t) {
        return word(t) == "," && in_quote(t) && t + 1 < unit.end && is_close_mark(t + 1);
    };
    uint32_t comma = gerund + 1;
    uint32_t quote_comma = 0;
    while (comma < unit.end && comma - gerund <= kMaxClauseTokens && (in_quote(comma) || word(comma) != ",")) {
        if (!in_quote(comma) && (word(comma) == ";" || word(comma) == ":" ||
                                 (is_terminal_punct(comma) && !is_abbreviation_period(comma) && !ends_abbreviation(comma))))
            break;
        if (quote_comma == 0 && comma_closing_quote(comma)) quote_comma = comma;
        ++comma;
    }
    if (quote_comma != 0 && try_fronted_gerund_clause(gerund, quote_comma + 2, quote_comma + 1, unit)) return true;
    return comma < unit.end && word(comma) == "," && !in_quote(comma) &&
           try_fronted_gerund_clause(gerund, comma, comma, unit);
}

// The participle clause [gerund + 1, clause_end), its comma (or the quotation's closing mark
// standing for it) at `comma`, then the main clause's subject.
bool Finder::try_fronted_gerund_clause(uint32_t gerund, uint32_t clause_end, uint32_t comma, const Unit& unit) {
    // "Noting that only one senator voted with them, Tester added: …": a participle opening
    // the sentence needs no opener before a that-clause, or when it is nearly always a cue
    // ("Emphasizing the urgency of the matter, Trump …"), or when its clause quotes someone
    // ("Citing the attack as a wake-up call for their “reveries about treating the presidency
    // as an entry-level job,” Will urged …").
    constexpr uint32_t kMinQuotedWords = 3;
    uint32_t quoted_words = 0;
    for (uint32_t t = gerund + 1; t < clause_end && quoted_words < kMinQuotedWords; ++t) quoted_words += in_quote(t) && is_word(t);
    const bool opens_sentence = gerund == after_dateline(unit.begin, unit.end) && tokens_[gerund].capitalized &&
                                gerund + 1 < unit.end &&
                                (word(gerund + 1) == "that" || lexicon_probability(gerund) >= kStrongCue ||
                                 quoted_words >= kMinQuotedWords);
    if (!opens_sentence) {
        if (gerund == unit.begin || tokens_[gerund].capitalized) return false;
        // The opener starts the sentence, or follows a conjunction that does ("But while saying …").
        const uint32_t opener = gerund - 1;
        if (opener > unit.begin && !(opener == unit.begin + 1 && is_folded(unit.begin, lex_.leading_conjunctions))) return false;
        if (!is_folded(opener, lex_.gerund_openers)) return false;
    }
    // The main clause's subject: a pronoun or a short capitalised name, then its verb.
    const uint32_t first = comma + 1;
    if (first >= unit.end || !is_word(first) || in_quote(first)) return false;
    constexpr uint32_t kMaxNameTokens = 5;
    const uint32_t end = short_subject_end(first, unit.end, kMaxNameTokens);
    if (end == first || end >= unit.end || (!opens_predicate(end) && !is_verb_like(end))) return false;
    uint32_t begin = skip_speech_adjunct(gerund + 1, unit);
    if (begin < clause_end && word(begin) == "that") ++begin;
    TokenRange content{gerund + 1, clause_end};
    if (begin < clause_end) content.begin = begin;
    if (!has_word(content) || overlaps_found_content(content)) return false;
    add({first, end}, {gerund, gerund + 1}, content, Rule::ParticipleSubject);
    return true;
}

void Finder::try_fronted_cue(uint32_t cue, const Unit& unit) {
    const CueEntry* entry = info(cue).cue;
    if (!entry || entry->probability < kStrongCue || !is_folded(cue, lex_.inverting_verbs)) return;
    TokenRange source = source_after(cue + 1, unit);
    if (source.empty() || source.end >= unit.end || word(source.end) != ",") return;
    bool starts_with_that = false;
    TokenRange content = content_after(source.end + 1, unit, starts_with_that);
    if (content.empty()) return;
    Candidate c;
    c.cue = {cue, cue + 1};
    c.source = source;
    c.content = content;
    c.rule = Rule::Inverted;
    add(c);
}

// "a spa called Bulgari Tower,": a naming verb with a bare name after it, to the clause's end.
bool Finder::names_what_follows(uint32_t verb, const Unit& unit) const {
    // (In a headline's title case "Called For Internment" is still a cue.)
    if (!is_folded(verb, lex_.naming_verbs) || verb + 1 >= unit.end || is_folded(verb + 1, lex_.cue_particles))
        return false;
    uint32_t t = verb + 1;
    while (t < unit.end && !in_quote(t) && ((is_word(t) && tokens_[t].capitalized) || ends_abbreviation(t))) ++t;
    if (t == verb + 1) return false;
    return t >= unit.end || word(t) == "," || word(t) == ";" || (is_terminal_punct(t) && !is_abbreviation_period(t));
}

std::optional<float> Finder::strength_as_cue(uint32_t cue, const Unit& unit) const {
    // A relative clause inside a source found already speaks for itself ("…,” said Army Capt.
    // Christian Pardo, who said he would not vote for either").
    if (in_source_[cue]) {
        const long p = before_verb_chain(cue, unit, false);
        if (!(p > static_cast<long>(unit.begin) && is_relative_pronoun(static_cast<uint32_t>(p)) &&
              word(static_cast<uint32_t>(p) - 1) == ","))
            return std::nullopt;
    }
    float strength = cue_strength(cue);
    // "Editor's note: …": a label after a possessive, not a report.
    if (cue > unit.begin && is_possessive(cue - 1) && cue + 1 < unit.end && word(cue + 1) == ":" &&
        is_folded(cue, lex_.label_nouns))
        return std::nullopt;
    // "recent polls show Clinton with a lead": after a noun of evidence a weak cue word is one.
    if (strength < kStrongCue && cue > unit.begin && is_folded(cue - 1, lex_.evidence_nouns)) strength = kStrongCue;
    // "…, the Daily Caller reports.": a weak cue word closing the sentence after a short
    // subject set off by a comma is the report's verb, whatever else the word can be.
    if (strength > 0.f && strength < kStrongCue && closes_sentence_after_comma(cue, unit)) strength = kStrongCue;
    // "the statement said": a weak cue word right before a strong one is the subject's noun,
    // and so is any cue word after a determiner ("His petition accuses").
    if (cue + 1 < unit.end && cue_strength(cue + 1) >= kStrongCue &&
        (strength < kStrongCue || (cue > unit.begin && is_folded(cue - 1, lex_.determiners))))
        return std::nullopt;
    // "has repeatedly denied": an adverb before a cue verb belongs to that verb's chain; it
    // heads no attribution of its own.
    if (is_ly_adverb(cue) && cue + 1 < unit.end && is_word(cue + 1) && !tokens_[cue + 1].capitalized &&
        cue_strength(cue + 1) >= kStrongCue)
        return std::nullopt;
    if (names_what_follows(cue, unit)) return std::nullopt;
    if (modifies_subject_of_later_cue(cue, unit)) return std::nullopt;
    if (introduces_object_with_cue(cue, unit)) return std::nullopt;
    // "is widely seen as": the adverb belongs to the passive after it, which makes the attribution.
    if (word(cue).ends_with("ly") && cue + 1 < unit.end && is_folded(cue + 1, lex_.belief_passives)) return std::nullopt;
    // "She appeared to suggest that …", "Obama is reported to have called …", "He went on to
    // say …": a raising verb, a passive or a verb and its particle join the cue after "to".
    // (Only a passive hands over past "have": "It appears to have declined" keeps its subject.)
    if (cue + 1 < unit.end && word(cue + 1) == "to") {
        const uint32_t taker = handed_over_cue(cue + 1, unit);
        if ((is_folded(cue, lex_.raising_verbs) && taker == cue + 2) ||
            (taker && cue > unit.begin && is_folded(cue - 1, lex_.passive_auxiliaries)))
            return std::nullopt;
    }
    if (cue + 2 < unit.end && is_folded(cue + 1, lex_.cue_particles) && word(cue + 2) == "to" &&
        handed_over_cue(cue + 2, unit) == cue + 3)
        return std::nullopt;
    return strength;
}

bool Finder::closes_sentence_after_comma(uint32_t verb, const Unit& unit) const {
    constexpr uint32_t kMaxSubjectTokens = 6;
    const auto w = word(verb);
    if (tokens_[verb].capitalized || !w.ends_with("s") || w.ends_with("ss")) return false;
    for (uint32_t t = verb + 1; t < unit.end; ++t)
        if (in_quote(t) || tokens_[t].kind != TokenKind::Punct || !is_terminal_punct(t)) return false;
    if (verb + 1 >= unit.end) return false;
    uint32_t comma = verb;
    while (comma > unit.begin && verb - comma <= kMaxSubjectTokens + 1 && word(comma - 1) != "," && !in_quote(comma - 1) &&
           is_word(comma - 1) && !is_folded(comma - 1, lex_.auxiliaries) && cue_strength(comma - 1) < kWeakCue)
        --comma;
    if (comma == verb || comma <= unit.begin + 1 || word(comma - 1) != ",") return false;
    // The subject names its speaker: capitalised words, with an article, a role or an
    // organisation's noun at most ("the Chicago Tribune", "Portuguese newspaper Correio").
    bool named = false;
    for (uint32_t t = comma; t < verb; ++t) {
        named |= tokens_[t].capitalized;
        if (!tokens_[t].capitalized && !is_determiner(t) && !is_role_noun_or_plural(t) && !is_folded(t, lex_.org_words) &&
            !is_abbreviation_period(t))
            return false;
    }
    return named;
}

Finder::CueSite Finder::cue_site(uint32_t cue, float strength, const Unit& unit) const {
    CueSite site{cue, strength, 0, 0, cue};
    // What stands right before the cue, past auxiliaries and adverbs ("has also said").
    long p = before_verb_chain(cue, unit, true);
    const long chain_start = p;  // before this verb's own auxiliaries (p may move back past "to")
    // "He went on to say", "declined to say": the subject stands before the verb chain.
    if (p > static_cast<long>(unit.begin) && word(static_cast<uint32_t>(p)) == "to") {
        long q = p - 1;
        // ("took to Twitter to say": a name after a preposition is the verb phrase's too.)
        while (q > static_cast<long>(unit.begin) && p - q < 5 && is_word(static_cast<uint32_t>(q)) &&
               (!tokens_[static_cast<uint32_t>(q)].capitalized ||
                is_folded(static_cast<uint32_t>(q) - 1, lex_.adjunct_openers)) &&
               !is_folded(static_cast<uint32_t>(q), lex_.clause_openers) &&
               !is_folded(static_cast<uint32_t>(q), lex_.object_pronouns) &&
               (lex_.pronouns_subject(word(static_cast<uint32_t>(q))) == false))
            --q;
        // "Its chief executive appeared to suggest": after a determiner the nouns before the
        // first verb are the subject's.
        bool nouns_after_determiner = false;
        if (q >= static_cast<long>(unit.begin) && is_folded(static_cast<uint32_t>(q), lex_.determiners)) {
            long verb = q + 1;
            while (verb < p && !is_verb_like(static_cast<uint32_t>(verb)) &&
                   !is_folded(static_cast<uint32_t>(verb), lex_.aux_adverbs))
                ++verb;
            if (verb > q + 1 && verb < p) {
                q = verb - 1;
                nouns_after_determiner = true;
            }
        }
        // (A participle opening the sentence is no subject: "Walking into the office to chants of".)
        if (q >= static_cast<long>(unit.begin) && q < p - 1 && !word(static_cast<uint32_t>(q)).ends_with("ing") &&
            (tokens_[static_cast<uint32_t>(q)].capitalized || lex_.pronouns_subject(word(static_cast<uint32_t>(q))) ||
             nouns_after_determiner)) {
            site.cue_begin = static_cast<uint32_t>(q) + 1;
            p = q;
        }
    }
    site.before_chain = p;
    site.chain_start = chain_start;
    return site;
}

void Finder::add_passive(Candidate c, float strength) {
    c.rule = Rule::Passive;
    c.weak_cue = strength < kStrongCue;
    add(c);
}

bool Finder::try_passive_of_telling(const CueSite& site, const Unit& unit) {
    const auto& [cue, strength, p, chain_start, cue_begin] = site;
    Candidate c = site.candidate();
    // "Reporters were told that …": the subject of a passive verb of telling is its recipient;
    // the source is not named. The statement is kept, with no source.
    // ("Clinton is telling customers that …" is progressive, not passive.)
    // ("Her advisers are not convinced that …": a participle of attitude keeps its subject as
    // the one who holds it.)
    if (is_folded(cue, lex_.recipient_verbs) && !word(cue).ends_with("ing") && !(cue + 1 < unit.end && word(cue + 1) == "by") &&
        !is_folded(cue, lex_.experiencer_participles)) {
        if (const long aux = passive_auxiliary_between(p, cue, true); aux >= 0) {
            bool starts_with_that = false;
            // (From the chain's first auxiliary: "has even been asked".)
            c.cue = {std::min(static_cast<uint32_t>(aux), static_cast<uint32_t>(chain_start + 1)), cue + 1};
            c.content = content_after(cue + 1, unit, starts_with_that);
            if (c.content.empty() || (strength < kStrongCue && !starts_with_that)) return true;
            add_passive(c, strength);
            return true;
        }
    }
    return false;
}

bool Finder::try_passive_with_agent(const CueSite& site, const Unit& unit) {
    const uint32_t cue = site.cue;
    const float strength = site.strength;
    const long p = site.before_chain;  // (plain copies: clang 14 cannot capture a structured binding)
    Candidate c = site.candidate();
    // "O’Malley’s move was first reported by MSNBC": the source follows "by", the content is
    // the subject.
    if (cue + 1 < unit.end && word(cue + 1) == "by" && word(cue).ends_with("ed") && p >= static_cast<long>(unit.begin) &&
        static_cast<long>(cue) - 1 > p) {
        // Not "being": "The concerns being expressed by many leaders go beyond …" is a reduced
        // relative, whose sentence goes on after the agent.
        if (passive_auxiliary_between(p, cue, false) >= 0) {
            // "She was asked by reporters whether she would run", "He was told by aides that
            // …": a verb of telling has its recipient for subject; the agent ends where what was
            // asked or told begins.
            const bool telling = is_folded(cue, lex_.recipient_verbs);
            auto opens_what_was_told = [&](uint32_t t) {
                return telling && t > cue + 2 && (word(t) == "that" || is_folded(t, lex_.question_openers));
            };
            uint32_t end = cue + 2;
            // ("was echoed by former Maryland Gov. Martin O’Malley": not at a title's period.)
            while (end < unit.end && !in_quote(end) && word(end) != "," && !(is_terminal_punct(end) && !is_phrase_period(end)) &&
                   word(end) != ";" && end - cue < kMaxSourceTokens && !opens_what_was_told(end))
                ++end;
            c.cue = {static_cast<uint32_t>(p) + 1, cue + 1};
            c.source = {cue + 2, end};
            // ("Sanders was asked by host Bill Maher, “Now, you famously said …”": or with the
            // quotation after the agent's comma or colon.)
            const bool quoted_after = telling && end + 1 < unit.end && (word(end) == "," || word(end) == ":") &&
                                      is_open_mark(end + 1);
            if (quoted_after && end > cue + 2) {
                c.recipient = source_before(static_cast<uint32_t>(p), unit);
                c.content = quote_range(quote_of_[end + 1]);
                add_passive(c, strength);
                return true;
            }
            if (end < unit.end && opens_what_was_told(end)) {
                bool starts_with_that = false;
                const TokenRange told = content_after(end, unit, starts_with_that);
                if (!told.empty()) {
                    c.recipient = source_before(static_cast<uint32_t>(p), unit);
                    c.content = told;
                    add_passive(c, strength);
                    return true;
                }
            }
            TokenRange content = source_before(static_cast<uint32_t>(p), unit);
            if (end > cue + 2 && !content.empty()) {
                c.content = content;
                add_passive(c, strength);
                return true;
            }
        }
    }
    return false;
}

bool Finder::try_subject_as_statement(const CueSite& site, const Unit& unit) {
    const auto& [cue, strength, p, chain_start, cue_begin] = site;
    Candidate c = site.candidate();
    // "The company is expected to generate …", "Twitter is increasingly seen as …": a passive
    // of belief names no believer; its subject begins what is believed, the rest after the
    // cue goes on with it.
    // So does a raising verb ("Trump's supporters seemed unperturbed"), unless a cue follows
    // its "to" ("She appeared to imply that …": she is the speaker).
    // (Not "appeared before the delegates", "appeared on television": a place or a time.)
    const uint32_t after = cue + 1;
    // (A raising verb with a cue after its "to" returned above.)
    const bool raising =
        is_folded(cue, lex_.raising_verbs) && after < unit.end && is_word(after) && !tokens_[after].capitalized &&
        (word(after) == "to" || (!is_folded(after, lex_.cue_particles) && !is_folded(after, lex_.adjunct_openers) &&
                                 !is_folded(after, lex_.determiners) && !is_folded(after, lex_.sentence_adverbs)));
    // And so does any passive without its agent ("Sanders was announced the winner", "Trump was
    // criticized for …": 103 of 134 such cues have no source in PolNeAR), but for a participle
    // of feeling, whose subject holds the attitude ("Voters were shocked that …").
    // (Not "Braynard is quoted as saying", "Obama is reported to have called …": a cue after
    // "as" or "to" is the subject's own.)
    const bool own_cue_follows = handed_over_cue(cue + 1, unit) != 0;
    const bool agentless_passive = strength >= kStrongCue && word(cue).ends_with("ed") && !is_folded(cue, lex_.experiencer_participles) &&
                                   !is_folded(cue, lex_.recipient_verbs) && !agent_follows(cue, unit) && !own_cue_follows;
    if ((raising || is_folded(cue, lex_.belief_passives) || agentless_passive) &&
        !(cue + 1 < unit.end && word(cue + 1) == "by") && p >= static_cast<long>(unit.begin)) {
        const bool passive = raising || passive_auxiliary_between(chain_start, cue, true) >= 0;
        TokenRange subject = passive ? source_before(static_cast<uint32_t>(p), unit) : TokenRange{};
        // (In "Dick Dever, who was listed on the slate, told …" the relative clause is the source's.)
        if (is_relative_source(subject)) subject = {};
        // A dummy subject ("It seems that …", "There appears to be …") is no part of it.
        if (subject.end == subject.begin + 1 && (is_folded(subject.begin, lex_.impersonal_subjects))) subject = {};
        bool starts_with_that = false;
        // ("The plan was announced on Monday.": a circumstance running to the clause's end
        // goes on with nothing.)
        const uint32_t after_adjunct = skip_speech_adjunct(cue + 1, unit);
        const bool only_circumstance = after_adjunct > cue + 1 && (after_adjunct >= unit.end || is_terminal_punct(after_adjunct));
        const TokenRange rest = subject.empty() ? TokenRange{} : content_after(cue + 1, unit, starts_with_that);
        if (!rest.empty()) {
            c.cue = {static_cast<uint32_t>(p) + 1, cue + 1};
            c.content = subject;
            const size_t head = found_.size();
            add_passive(c, strength);
            if (found_.size() > head && !only_circumstance) add_continuation(rest, static_cast<int>(head), Rule::SplitClause);
            return true;
        }
    }
    return false;
}

bool Finder::try_and_said(const CueSite& site, const Unit& unit) {
    const auto& [cue, strength, p, chain_start, cue_begin] = site;
    Candidate c = site.candidate();
    // "Mrs. Clinton shook her head and said", "Sullivan put off deciding … but said": the
    // sentence's subject.
    if (p > static_cast<long>(unit.begin) && (word(static_cast<uint32_t>(p)) == "and" || word(static_cast<uint32_t>(p)) == "but") &&
        strength >= kStrongCue) {
        TokenRange subject = sentence_subject(unit, static_cast<uint32_t>(p));
        // "“…,” he said at a news conference, and then predicted: “…”": when the sentence has
        // no subject to find, the speaker of its earlier statement.
        if (subject.empty())
            if (const Candidate* previous = previous_with_source(cue, unit)) subject = previous->source;
        if (!subject.empty()) {
            c.source = subject;
            c.cue.begin = std::min(c.cue.begin, static_cast<uint32_t>(p) + 1);  // "and has promised"
            bool starts_with_that = false;
            c.content = content_after(cue + 1, unit, starts_with_that);
            if (c.content.empty()) return true;
            c.rule = Rule::AndSaid;
            add(c);
            return true;
        }
    }
    return false;
}

Finder::CueContext Finder::cue_context(const CueSite& site, const Unit& unit) const {
    const auto& [cue, strength, p, chain_start, cue_begin] = site;
    CueContext context;
    bool participle = word(cue).ends_with("ing");
    // "Mr. McConnell deflected questions before saying, ''…''": a gerund after a preposition
    // is the sentence subject's, as a participle after a comma is.
    const bool gerund_after_preposition =
        participle && p > static_cast<long>(unit.begin) && is_word(static_cast<uint32_t>(p)) &&
        !tokens_[static_cast<uint32_t>(p)].capitalized &&
        (is_folded(static_cast<uint32_t>(p), lex_.adjunct_openers) || word(static_cast<uint32_t>(p)) == "by" ||
         word(static_cast<uint32_t>(p)) == "while" || word(static_cast<uint32_t>(p)) == "without");
    bool after_comma_or_quote = p < static_cast<long>(unit.begin) || word(static_cast<uint32_t>(p)) == "," ||
                                is_close_mark(static_cast<uint32_t>(p)) || gerund_after_preposition;
    // "Smith, a former official, said …": the comma closes an apposition of the source,
    // unless the cue is inverted ("…, said Smith, a former official.").
    TokenRange inverted_source;
    bool takes_object = is_folded(cue, lex_.recipient_verbs) && word(cue) != "asked";
    if (after_comma_or_quote && takes_object && p >= static_cast<long>(unit.begin) &&
        word(static_cast<uint32_t>(p)) == "," && closes_apposition(static_cast<uint32_t>(p), unit))
        after_comma_or_quote = false;
    // "Republicans, on the other hand, offered their thoughts": the comma closes an adverbial
    // after the subject, and the cue is not inverted.
    TokenRange subject_before_adverbial;
    if (after_comma_or_quote && p >= static_cast<long>(unit.begin) &&
        (word(static_cast<uint32_t>(p)) == "," || ends_title_with_comma(static_cast<uint32_t>(p)))) {
        subject_before_adverbial = subject_before_adjunct(static_cast<uint32_t>(p), unit);
        if (!subject_before_adverbial.empty() && !participle) after_comma_or_quote = false;
    }
    // Right after a closing quotation mark any strong cue verb may invert ("“…,” opined the
    // Plain Dealer"); after a plain comma only the verbs news English inverts do.
    const bool inverts = is_folded(cue, lex_.inverting_verbs) ||
                         (p >= static_cast<long>(unit.begin) && is_close_mark(static_cast<uint32_t>(p)) &&
                          strength >= kStrongCue && !word(cue).ends_with("ing"));
    if (after_comma_or_quote && !participle && inverts) {
        inverted_source = source_after(cue + 1, unit);
        uint32_t rest = inverted_source.end;
        while (rest < unit.end && !in_quote(rest) && (is_terminal_punct(rest) || word(rest) == ",")) ++rest;
        bool reaches_end = !inverted_source.empty() && rest >= unit.end;
        // "…, however, said they believed …": a pronoun with words after it is the subject of
        // the reported clause, not an inverted source ("…, said he." ends its sentence).
        if (!inverted_source.empty() && lex_.pronouns_subject(word(inverted_source.begin)) &&
            (!reaches_end || inverted_source.end - inverted_source.begin > 1))
            inverted_source = {};
        // "Mark Wynn, chairman of the GOP, said his district received …": after an apposition
        // of the subject, what follows the cue is the content unless it is a short noun
        // phrase or a name ("…, said the official.").
        // ("Congressman Chris Collins, a Trump supporter, said Trump campaign strategists plan
        // …": a capitalised clause is no name.)
        // ("…, whom he's alienated with his rhetoric, said Larry Sabato, director of …": a name
        // is short before its own apposition.)
        constexpr uint32_t kMaxInvertedName = 6;
        const uint32_t inverted_length = inverted_source.end - inverted_source.begin;
        uint32_t name_end = inverted_source.begin;
        while (name_end < inverted_source.end && word(name_end) != ",") ++name_end;
        bool short_source = !inverted_source.empty() &&
                            ((tokens_[inverted_source.begin].capitalized && name_end - inverted_source.begin <= kMaxInvertedName) ||
                             inverted_length <= 3);
        // ("Sen. Ted Cruz, a candidate for president, tweeted a warning.": nor when the short
        // phrase is headed by a word for what is said.)
        const uint32_t head = inverted_source.empty() ? 0 : inverted_source.end - 1;
        const bool names_what_is_said = !inverted_source.empty() && is_word(head) && !tokens_[head].capitalized &&
                                        (cue_strength(head) >= kWeakCue || is_folded(head, lex_.speech_adjuncts));
        if ((!reaches_end || !short_source || names_what_is_said) && p >= static_cast<long>(unit.begin) &&
            word(static_cast<uint32_t>(p)) == "," && closes_apposition(static_cast<uint32_t>(p), unit)) {
            after_comma_or_quote = false;
            if (names_what_is_said) inverted_source = {};
        }
        // "A local teacher, Stacy Baker, says the state needs jobs.": before the comma stands
        // a noun phrase with no verb, the subject, so what follows the cue is the statement
        // unless it is a name or a short phrase. (Not when a comma goes on with the clause
        // the phrase opens: "The contrast with Trump, said Doyle and others, would be clear".)
        if (!short_source && !inverted_source.empty() && p >= static_cast<long>(unit.begin) &&
            word(static_cast<uint32_t>(p)) == "," && is_verbless_phrase_before(cue, unit) &&
            !contains_word(inverted_source, ","))
            inverted_source = {};
        // "…, said his survey of Republicans showed …": a finite verb before any comma or
        // relative pronoun makes what follows the cue a clause, the statement, not its source.
        if (after_comma_or_quote && p >= static_cast<long>(unit.begin) && word(static_cast<uint32_t>(p)) == ",")
            for (uint32_t t = inverted_source.begin + 1; t < inverted_source.end; ++t) {
                if (word(t) == "," || is_relative_pronoun(t) || in_quote(t)) break;
                const bool finite = is_word(t) && !tokens_[t].capitalized && !is_determiner(t - 1) &&
                                    (is_folded(t, lex_.auxiliaries) || cue_strength(t) >= kStrongCue || is_ed_form(t));
                if (finite) {
                    inverted_source = {};
                    break;
                }
            }
    } else if (after_comma_or_quote && !participle && p >= static_cast<long>(unit.begin) &&
               word(static_cast<uint32_t>(p)) == "," && closes_apposition(static_cast<uint32_t>(p), unit)) {
        after_comma_or_quote = false;
    }
    context.participle = participle;
    context.gerund_after_preposition = gerund_after_preposition;
    context.after_comma_or_quote = after_comma_or_quote;
    context.inverted_source = inverted_source;
    context.subject_before_adverbial = subject_before_adverbial;
    return context;
}

TokenRange Finder::subject_of_joined_clause(uint32_t comma, const Unit& unit) const {
    // The last ", but", ", and", ", while" … before the comma that opens a clause of its own.
    for (uint32_t b = comma; b > unit.begin + 1;) {
        --b;
        if (in_quote(b)) return {};
        if (word(b - 1) != "," || !is_word(b) || tokens_[b].capitalized) continue;
        const auto w = word(b);
        if (!(w == "but" || w == "and" || w == "while" || w == "yet" || w == "as" || w == "although" || w == "though"))
            continue;
        const Unit clause{b + 1, unit.end, unit.paragraph};
        const TokenRange subject = sentence_subject(clause, comma);
        if (subject.empty() || subject.end >= comma || subject.begin != b + 1) return {};
        if (subject.end - subject.begin == 1 && is_folded(subject.begin, lex_.impersonal_subjects)) return {};
        // Its verb right after it: "but Sanders was in San Diego".
        const uint32_t verb = subject.end;
        if (!(is_folded(verb, lex_.auxiliaries) || is_verb_like(verb) || cue_strength(verb) >= kStrongCue)) return {};
        return subject;
    }
    return {};
}

TokenRange Finder::with_appositions_until(TokenRange subject, uint32_t comma) const {
    bool appositions_only = !subject.empty() && subject.end + 1 < comma && word(comma) == "," &&
                            (word(subject.end) == "," || word(subject.end) == "(") && comma - subject.end <= kMaxAppositionTokens;
    // ("a former director of the Office of Management and Budget": "and" inside a name.)
    const auto inside_name = [&](uint32_t t) {
        return t > subject.end && t + 1 < comma && is_word(t - 1) && tokens_[t - 1].capitalized && is_word(t + 1) &&
               tokens_[t + 1].capitalized;
    };
    for (uint32_t t = subject.end; appositions_only && t < comma; ++t)
        appositions_only = !in_quote(t) && !is_verb_like(t) && (!is_folded(t, lex_.clause_openers) || inside_name(t));
    // ("A Republican, however, would be praising", "Sanders, accordingly,": an adverb.)
    const uint32_t lone = subject.end + 1;
    if (appositions_only && lone + 1 == comma && (is_folded(lone, lex_.sentence_adverbs) || is_ly_adverb(lone)))
        appositions_only = false;
    return appositions_only ? TokenRange{subject.begin, comma} : subject;
}

bool Finder::attribute_after_comma(const CueSite& site, const CueContext& context, const Unit& unit, Candidate& c,
                                   TokenRange& second_half) {
    const auto& [cue, strength, p, chain_start, cue_begin] = site;
    const bool participle = context.participle;
    const bool gerund_after_preposition = context.gerund_after_preposition;
    const TokenRange inverted_source = context.inverted_source;
    // "“…,” said Smith." / "…, said the official." / "…, adding that …"
    TokenRange source = inverted_source;
    if (!source.empty() && p >= static_cast<long>(unit.begin)) {
        c.source = source;
        c.content = content_before(cue, unit);
        c.rule = Rule::Inverted;
        // "The contrast with Trump, said Doyle and others, would be clear …": an inverted
        // source and cue set off by commas inside the clause they report; the statement is
        // both halves.
        // The source ends at the comma before the rest of the clause's predicate, which opens
        // with an auxiliary ("would be clear", "is that", "doesn't forgive").
        for (uint32_t t = source.begin + 1; t + 1 < source.end && !c.content.empty() && !in_quote(c.content.begin); ++t) {
            const uint32_t next = t + 1;
            if (word(t) != "," || !is_word(next) || tokens_[next].capitalized || is_relative_pronoun(next)) continue;
            if (!is_folded(next, lex_.auxiliaries)) continue;  // ("…, papers and editorials" goes on with the source)
            bool starts_with_that = false;
            second_half = content_after(next, unit, starts_with_that);
            if (second_half.empty() || opens_with_own_cue(second_half)) {
                second_half = {};
                break;
            }
            c.source.end = t;
            break;
        }
    } else if (p >= static_cast<long>(unit.begin) &&
               (word(static_cast<uint32_t>(p)) == "," || gerund_after_preposition ||
                (participle && is_close_mark(static_cast<uint32_t>(p))))) {  // "the CNN “reporter,” saying, “…”"
        // A participle continuing the previous attribution of this unit ("…, adding that")
        // or the sentence's subject ("Sanders released a statement, insisting that …").
        const Candidate* previous = previous_with_source(cue, unit);
        bool starts_with_that = false;
        c.cue.end = joined_particle_end(cue, unit);  // ", referring to …"
        // "…, a Democrat from Rhode Island, has proposed": its auxiliaries and adverbs too.
        c.cue.begin = static_cast<uint32_t>(p) + 1;
        c.content = content_after(c.cue.end, unit, starts_with_that);
        if (previous) {
            c.source = previous->source;
            c.rule = Rule::ParticipleContinues;
        } else if (participle) {
            // "Trump, who has often struggled while talking about the issue, …": inside a
            // relative clause the participle is the relative pronoun's.
            c.source = relative_subject_before(static_cast<uint32_t>(p), unit);
            if (!c.source.empty()) c.content = before_closing_comma(c.content);
            // "It’s a big if, but Sanders was in San Diego on Tuesday, emphasizing …": after a
            // clause joined by a conjunction, the participle is that clause's subject's.
            if (c.source.empty()) c.source = subject_of_joined_clause(static_cast<uint32_t>(p), unit);
            // ("Sen. Richard J. Durbin (D-Ill.), noting …": with its appositions.)
            if (c.source.empty()) {
                c.source = with_appositions_until(sentence_subject(unit, static_cast<uint32_t>(p)), static_cast<uint32_t>(p));
                // Set off between the subject and its verb, the participle's clause ends at the
                // comma before that verb ("…, noting that the ferry was late, called for …").
                if (!c.source.empty() && c.source.end == static_cast<uint32_t>(p))
                    for (uint32_t t = c.content.begin; t + 1 < c.content.end; ++t) {
                        if (in_quote(t)) break;
                        if (word(t) == "," && (is_verb_like(t + 1) || is_folded(t + 1, lex_.auxiliaries)) &&
                            has_word({c.content.begin, t})) {
                            c.content.end = t;
                            break;
                        }
                    }
            }
            // "When he returned he began by saying, …": the subject of the verb before the
            // preposition, when the sentence's own is not found.
            if (c.source.empty() && gerund_after_preposition && p > static_cast<long>(unit.begin) + 1) {
                const long verb_start = before_verb_chain(static_cast<uint32_t>(p) - 1, unit, true);
                if (verb_start >= static_cast<long>(unit.begin)) {
                    const TokenRange subject = source_before(static_cast<uint32_t>(verb_start), unit);
                    if (!subject.empty() && subject.end - subject.begin <= 3 && looks_like_noun_phrase(subject))
                        c.source = subject;
                }
            }
            c.rule = Rule::ParticipleSubject;
        } else {
            // "Gov. John Kasich (R-OH), said, “…”": a comma between subject and verb.
            // The comma itself first, so that ", however," and the like are skipped.
            c.source = subject_before_adjunct(static_cast<uint32_t>(p), unit);
            if (c.source.empty()) c.source = source_before(static_cast<uint32_t>(p), unit);
            if (c.source.empty()) c.source = source_before(static_cast<uint32_t>(p) - 1, unit);
            // "Cory James, 22, of Flint, Mich., said": the sentence's subject and its
            // appositions, when only appositions (an age, a place) stand before the cue.
            if (c.source.empty()) {
                const TokenRange subject = sentence_subject(unit, static_cast<uint32_t>(p));
                const TokenRange with_appositions = with_appositions_until(subject, static_cast<uint32_t>(p));
                if (with_appositions.end != subject.end) c.source = with_appositions;
            }
            // "…, however, revealed", "…, celebrating his major accomplishments, dwelled": an
            // adverbial or a verb phrase before the comma is no subject; the sentence's is.
            if (!c.source.empty() && (!looks_like_noun_phrase(c.source) ||
                                      (c.source.end - c.source.begin == 1 && is_folded(c.source.begin, lex_.sentence_adverbs))))
                c.source = sentence_subject(unit, c.source.begin);
            c.source = with_leading_apposition_head(c.source, unit);
            c.rule = Rule::CommaSubject;
            // "“…,” Blunt, after a long pause, said of Cruz.": the quotation is the
            // statement, and whom it is about joins the cue.
            if (!c.content.empty() && is_folded(c.content.begin, lex_.cue_particles) && c.content.end - c.content.begin <= 5) {
                const TokenRange quote_before = content_before(cue, unit);
                if (!quote_before.empty() && in_quote(quote_before.begin)) {
                    c.cue.end = c.content.end;
                    c.content = quote_before;
                }
            }
        }
        if (c.source.empty()) return false;
    }
    return true;
}

bool Finder::attribute_subject_before_cue(const CueSite& site, const CueContext& context, const Unit& unit,
                                          Candidate& c, TokenRange& second_half) {
    const auto& [cue, strength, p, chain_start, cue_begin] = site;
    const TokenRange subject_before_adverbial = context.subject_before_adverbial;
    c.source = source_before(static_cast<uint32_t>(p), unit);
    if (c.source.empty()) c.source = subject_before_adverbial;
    if (c.source.empty()) return false;
    // "Marcus has been critical of Trump but on Tuesday wrote that …": a time is no subject;
    // the sentence's is.
    // (Only after a conjunction or comma: "a report issued earlier this year reported" has a
    // subject with the time inside it.)
    if (is_time_phrase(c.source) && c.source.begin > unit.begin &&
        (is_folded(c.source.begin - 1, lex_.clause_openers) || word(c.source.begin - 1) == ","))
        if (const TokenRange subject = sentence_subject(unit, c.source.begin); !subject.empty()) c.source = subject;
    // "progressive organizations that have endorsed him say": an object pronoun is no
    // subject; the subject stands before the relative clause that ends with it.
    if (c.source.end - c.source.begin == 1 && is_folded(c.source.begin, lex_.object_pronouns)) {
        TokenRange subject = subject_before_relative(c.source.begin, unit);
        if (!subject.empty()) c.source = subject;
    }
    // "Another intelligence source speaking to Fox News said": the scan stopped at the
    // addressee of a participle; the source stands before it.
    TokenRange addressee;
    if (c.source.begin >= unit.begin + 3 && word(c.source.begin - 1) == "to" &&
        word(c.source.begin - 2).ends_with("ing") && !tokens_[c.source.begin - 2].capitalized) {
        TokenRange subject = source_before(c.source.begin - 3, unit);
        if (!subject.empty() && looks_like_noun_phrase(subject)) {
            addressee = c.source;
            c.source = subject;
        }
    }
    // "Trump’s repeated calls": a participle after a possessive is an adjective.
    if (is_participle(cue) && is_possessive(c.source.end - 1))
        return false;
    // "The union objected, with its leader saying that …": the subject of a participle after
    // "with" is the noun phrase after it, not the sentence's.
    if (c.source.end - c.source.begin >= 2 && word(c.source.begin) == "with" && is_participle(cue) &&
        looks_like_noun_phrase({c.source.begin + 1, c.source.end}))
        ++c.source.begin;
    if (!looks_like_noun_phrase(c.source)) {
        // A verb phrase before the cue: its subject, when the sentence opens with one.
        TokenRange subject = sentence_subject(unit, c.source.begin);
        if (!subject.empty()) c.source = subject;
    }
    // "He made the observation that": the verb phrase before a cue noun is the cue's.
    if (const uint32_t last = c.source.end - 1; is_folded(last, lex_.dangling_source_ends) && !in_quote(last)) {
        uint32_t verb = c.source.begin + 1;
        while (verb < last && !is_verb_like(verb)) ++verb;
        if (verb < last) c.source.end = verb;
    }
    // Auxiliaries and adverbs between source and verb belong to the cue ("has also said"),
    // and so does a verb phrase before a cue noun ("released a statement").
    c.cue.begin = static_cast<uint32_t>(p) + 1;
    const auto words_only = [&](uint32_t from, uint32_t to) {
        for (uint32_t t = from; t < to; ++t)
            if (!is_word(t) || in_quote(t) || tokens_[t].capitalized || is_folded(t, lex_.clause_openers)) return false;
        return true;
    };
    if (c.source.end < c.cue.begin && word(c.source.end).ends_with("ed") && is_determiner(c.source.end + 1))
        c.cue.begin = c.source.end;
    // ("Sanders spent much of his campaign railing against": so does a past form without
    // -ed and its object, however long, if nothing but lower-case words.)
    constexpr uint32_t kMaxPastVerbPhrase = 8;
    if (c.source.end < c.cue.begin && c.cue.begin - c.source.end <= kMaxPastVerbPhrase &&
        is_folded(c.source.end, lex_.object_taking_pasts) && words_only(c.source.end, c.cue.begin))
        c.cue.begin = c.source.end;
    // "Trump also took multiple swipes at", "made no mention of": the words between the
    // subject and a cue noun are the cue's.
    constexpr uint32_t kMaxCueVerbPhrase = 4;  // measured against 2 and 6 on the tuning part
    if (c.source.end < c.cue.begin && c.cue.begin - c.source.end <= kMaxCueVerbPhrase && words_only(c.source.end, c.cue.begin))
        c.cue.begin = c.source.end;
    c.recipient = addressee.empty() ? opening_recipient(unit, c.source.begin) : addressee;
    uint32_t next = cue + 1;
    // ("Ackman is convinced Valeant will …": after "be", a participle of attitude has no one
    // it is told to.)
    const bool attitude = is_folded(cue, lex_.experiencer_participles) && passive_auxiliary_between(chain_start, cue, true) >= 0;
    if (c.recipient.empty() && is_folded(cue, lex_.recipient_verbs) && !attitude) {
        c.recipient = recipient_at(next, unit);
        if (!c.recipient.empty()) next = c.recipient.end;
    }
    if (c.recipient.empty()) {
        uint32_t particle_end = joined_particle_end(cue, unit);
        // "posted on Facebook that …", "wrote on Twitter: …": a joined preposition takes the
        // short name after it into the cue when the statement follows the name. (Not at the
        // clause's end: in "agrees with Dean." the name is what is said.)
        if (particle_end > next && is_folded(next, lex_.adjunct_openers) && word(next) != "to") {
            constexpr uint32_t kMaxMediumName = 3;
            uint32_t name_end = particle_end;
            while (name_end < unit.end && name_end - particle_end < kMaxMediumName && is_word(name_end) &&
                   tokens_[name_end].capitalized && !in_quote(name_end))
                ++name_end;
            // ("“…,” Berg wrote on Twitter.": after a quotation the statement is that, and the
            // medium closing the clause is the cue's, as PolNeAR marks it 35 times to 25.)
            // (So it is after a clause and its comma: "…, the church posted on Facebook.")
            bool statement_before = c.source.begin > unit.begin && word(c.source.begin - 1) == ",";
            for (uint32_t t = unit.begin; t < cue && !statement_before; ++t) statement_before = is_close_mark(t);
            const bool ends_clause = name_end < unit.end && is_terminal_punct(name_end) &&
                                     !is_abbreviation_period(name_end) && word(next) == "on";
            if (name_end > particle_end && name_end < unit.end &&
                (word(name_end) == "that" || word(name_end) == ":" || is_open_mark(name_end) ||
                 (statement_before && ends_clause)))
                particle_end = name_end;
        }
        next = c.cue.end = std::max(c.cue.end, particle_end);
    }
    uint32_t after_adjunct = skip_speech_adjunct(next, unit);
    // "said Tuesday that …": when the day is the whole adjunct, PolNeAR joins it to the cue
    // about half the time (78 of 163 on the tuning part), more than cue F1 loses by it.
    if (c.recipient.empty() && after_adjunct == next + 1 && c.cue.end == next && tokens_[next].capitalized &&
        is_folded(next, lex_.time_words) && word(next).ends_with("day"))
        c.cue.end = next + 1;
    for (uint32_t t = next; t < after_adjunct; ++t)
        if (is_folded(t, lex_.cue_media)) {
            // "said in a statement": the medium is part of the cue.
            if (c.recipient.empty()) c.cue.end = after_adjunct;
            break;
        }
    next = after_adjunct;
    // "has said repeatedly that …": an adverb between the cue and "that" is the cue's.
    // (Not "proposed just that in 2013", whose "that" is the object.)
    if (c.recipient.empty() && next == c.cue.end && next + 2 < unit.end && word(next + 1) == "that" &&
        is_word(next + 2) && !is_folded(next + 2, lex_.adjunct_openers) &&
        (is_ly_adverb(next) || is_folded(next, lex_.aux_adverbs))) {
        c.cue.end = next + 1;
        ++next;
    }
    // "It was unsafe, Berg said of the bridge.": a topic running to the clause's end is what
    // the statement before is about, not a statement.
    if (next < unit.end && word(next) == "of" && !in_quote(next)) {
        uint32_t topic_end = skip_topic(next, unit.end);
        if (topic_end == next) {
            topic_end = next + 1;
            while (topic_end < unit.end && topic_end - next <= kMaxTopicTokens && is_word(topic_end) &&
                   !in_quote(topic_end) && !is_folded(topic_end, lex_.auxiliaries))
                ++topic_end;
        }
        if (topic_end > next + 1 && topic_end < unit.end && is_terminal_punct(topic_end) &&
            !is_abbreviation_period(topic_end))
            next = topic_end;
    }
    bool starts_with_that = false;
    c.content = content_after(next, unit, starts_with_that);
    // "…,” Hillary Clinton declared in an interview Thursday, in the latest salvo.": after the
    // cue's comma, a phrase opened by a preposition with no verb is a circumstance.
    if (!c.content.empty() && next < unit.end && word(next) == "," && c.content.begin == next + 1 &&
        !in_quote(c.content.begin) && is_folded(c.content.begin, lex_.adjunct_openers) && word(c.content.begin) != "to" &&
        !is_folded(c.content.begin, lex_.cue_particles)) {  // ("in dismay, over the death of …": its topic)
        // (A verb here is an auxiliary, a form in -ed or a likely cue: a plural in -s is no verb,
        // "in her strongest words yet". A comma goes on to the object: "described, in blistering
        // terms, a set of practices".)
        bool verbless = true;
        for (uint32_t t = c.content.begin; t < c.content.end && verbless; ++t)
            verbless = !in_quote(t) && word(t) != "," && !is_folded(t, lex_.auxiliaries) && cue_strength(t) < kStrongCue &&
                       !(is_word(t) && !tokens_[t].capitalized && is_ed_form(t));
        if (verbless) c.content = {};
    }
    // "This is not about me, Obama told his advisers as he labored over the speech": after whom
    // it was told, a clause of time is the telling's circumstance; the statement is before.
    if (!c.recipient.empty() && !c.content.empty() && c.content.begin == c.recipient.end &&
        is_folded(c.content.begin, lex_.time_clause_openers) && c.source.begin > unit.begin &&
        word(c.source.begin - 1) == "," && !is_relative_source(c.source) && !holds_quote_or_colon(c.content))
        c.content = {};
    // "“We need real change,” Sanders told a crowd at Hamburger Mary's that spilled out onto
    // the street.": after a quotation and whom it was told, "that" opens a clause about the
    // recipient, when a verb follows it with no subject; the statement is the quotation.
    if (!c.recipient.empty() && starts_with_that && c.content.begin == c.recipient.end + 1 &&
        c.source.begin > unit.begin && is_close_mark(c.source.begin - 1) && !in_quote(c.content.begin) &&
        !tokens_[c.content.begin].capitalized &&
        (is_ed_form(c.content.begin) || is_folded(c.content.begin, lex_.auxiliaries))) {
        c.content = {};
        starts_with_that = false;
    }
    // A relative clause set off by commas ends at its closing comma: after ", who", or inside
    // an apposition to a name ("Tom Berg, the chairman of the board who has argued for …,").
    if (is_relative_source(c.source) && c.source.begin > unit.begin &&
        (word(c.source.begin - 1) == "," || in_apposition_to_name(c.source.begin, unit)))
        c.content = before_closing_comma(c.content);
    // "The plan, which islanders say could ruin the harbour, was dropped": what is said of the
    // relative pronoun before the source ends with its clause too.
    if (c.source.begin > unit.begin + 1 && is_relative_pronoun(c.source.begin - 1) && word(c.source.begin - 2) == "," &&
        word(c.source.begin - 1) != "whose")
        c.content = before_closing_comma(c.content);
    // "Bridging that gap means cutting costs, as Mr. McDonough suggested.": a report closing
    // its sentence after "as" reports the clause before it.
    // (Not after a report of its own: "“…,” Mrs. Clinton said, as the crowd applauded.")
    const auto reports_already = [&](TokenRange r) {
        for (uint32_t t = r.begin; t < r.end; ++t)
            if (in_cue_[t]) return true;
        return false;
    };
    // (Closing the sentence: "…, as he laments a …" is a clause of time; nor after a verbless
    // opener: "And, as … reported, …".)
    const bool as_clause = c.source.begin > unit.begin + 1 && word(c.source.begin - 1) == "as" &&
                           (word(c.source.begin - 2) == "," || is_close_mark(c.source.begin - 2)) && !starts_with_that &&
                           c.recipient.empty() && next < unit.end && is_terminal_punct(next) &&
                           !content_before(c.source.begin - 1, unit).empty() &&
                           !is_verbless_phrase_before(c.source.begin - 1, unit) &&
                           !reports_already(content_before(c.source.begin - 1, unit));
    if (as_clause) c.content = {};
    bool quoted = !c.content.empty() && in_quote(c.content.begin);
    // "“It's ambush journalism,” she says, “this new …”": the quotation before the source is
    // the statement; the one after is its second half (a continuation).
    // So does a quotation right before "SOURCE said" whatever follows the cue, unless it
    // is a that-clause or a colon: "“It's plagiarism,” David Axelrod said just after
    // midnight on CNN", "“…,” he said introducing Clinton as …".
    TokenRange before = content_before(c.source.begin, unit);
    // "On “Sunday Morning Futures,” Rep. Darrell Issa said …": a title is no statement.
    // (One opening its sentence is a statement, however short: "“Really,” she added when …".)
    const bool relative_source = is_relative_source(c.source);
    bool before_is_quote = !relative_source && !before.empty() && in_quote(before.begin) &&
                           !(is_title(before) && before.begin > unit.begin);
    bool after_colon = next < unit.end && word(next) == ":";
    // "…, the Congressional Budget Office reported on Tuesday -- a development that …": a
    // dash after the cue opens a comment on the statement before it.
    if (next > cue + 1 && next < unit.end && is_dash(next) && !before.empty() && !quoted) c.content = {};
    // "…, Mr. Rubio said in his 2012 book, “An American Son.”": a title after the medium is
    // the medium's name, part of the cue; the statement is the clause before.
    if (quoted && next > cue + 1 && !before.empty() && !in_quote(before.begin) && ends_unit(c.content, unit) &&
        is_title(c.content)) {
        c.cue.end = c.content.end;
        c.content = {};
        quoted = false;
    }
    if (before_is_quote && (quoted || (!starts_with_that && !after_colon))) {
        c.content = {};
        quoted = false;
        // "“It's unanimous,” Levine said of the council's vote.": what the quotation is said
        // of goes on with it, as PolNeAR's content does in 37 of 56 such cases on the
        // tuning articles.
        if (c.cue.end + 1 < unit.end && word(c.cue.end) == "of") second_half = said_of(c.cue.end, unit);
    }
    // "Sales were great, he said, wiping sweat off his face": a source and cue set off
    // by commas with a participle after them: the statement is the clause before. (Other
    // words after the second comma mostly go on with the clause the parenthesis
    // interrupts: "In his state, Christie said, nonviolent offenders are …".)
    const uint32_t after_comma = next + 1;
    const bool parenthesis = c.source.begin > unit.begin && word(c.source.begin - 1) == "," && next < unit.end &&
                             word(next) == "," && c.recipient.empty() && after_comma < unit.end &&
                             is_word(after_comma) && !tokens_[after_comma].capitalized &&
                             word(after_comma).ends_with("ing") && cue_strength(after_comma) < kStrongCue;
    if (parenthesis && !quoted && !starts_with_that && !before.empty()) c.content = {};
    // "If the law conflicts with God's orders, Rubio said, Christians must ignore the law":
    // a source and cue set off by commas inside the clause they report. The statement is
    // both halves, the second a continuation of the first.
    // (Not "…, he said, and then predicted: …", the next statement: the statement is the
    // clause before.)
    if (!parenthesis && strength >= kStrongCue && c.source.begin > unit.begin && word(c.source.begin - 1) == "," &&
        next < unit.end && word(next) == "," && c.recipient.empty() && !quoted && !starts_with_that &&
        !c.content.empty() && !before.empty() && !in_quote(before.begin)) {
        if (!opens_with_own_cue(c.content)) second_half = c.content;
        c.content = {};
    }
    // "Breitbart News responded:" closing its paragraph, the quotation opening the next.
    if (c.content.empty() && after_colon && next + 1 >= unit.end && unit_of_[next] + 1 < units_.size()) {
        const Unit& following = units_[unit_of_[next] + 1];
        if (is_open_mark(following.begin)) {
            c.content = quote_range(quote_of_[following.begin]);
            quoted = true;
        }
    }
    if (c.content.empty() && relative_source) return false;  // what precedes "who" is no statement of it
    if (c.content.empty()) {
        c.content = content_before(as_clause ? c.source.begin - 1 : c.source.begin, unit);
        quoted = !c.content.empty() && in_quote(c.content.begin);
        c.rule = quoted ? Rule::QuoteBeforeSource : Rule::ClauseBeforeSource;
        // "On the other side, Ted Cruz tweeted a warning.": a phrase opened by a preposition,
        // with no verb, is the circumstance of the report, not what was said. (Unless the
        // clause it opens goes on after the cue: "In his state, Christie said, offenders are …".)
        if (!quoted && second_half.empty() && !c.content.empty() && is_folded(c.content.begin, lex_.adjunct_openers) &&
            is_verbless_phrase_before(c.source.begin, unit))
            c.content = {};
    } else {
        c.rule = quoted ? Rule::QuoteAfterCue : starts_with_that ? Rule::ThatClause : Rule::ClauseAfterCue;
    }
    // ("Corporate lobbyists describe such work as “a different cup of tea”": a quotation
    // inside the predicate makes a weak cue word a report too.)
    // (Of three words or more, as for a quotation no rule attributes: "call themselves the
    // “sea party”" names, it does not report.)
    constexpr uint32_t kMinQuotedWords = 3;
    uint32_t quoted_words = 0;
    for (uint32_t t = c.content.begin; t < c.content.end && quoted_words < kMinQuotedWords; ++t)
        quoted_words += in_quote(t) && is_word(t);
    const bool holds_quote = quoted_words >= kMinQuotedWords && source_kind_of(c.source) == SourceKind::Name &&
                             is_finite_verb(cue, static_cast<uint32_t>(p), c.source) && !is_ly_adverb(cue);
    if (strength < kStrongCue && !(starts_with_that || quoted || holds_quote) &&
        !takes_clause(c.source, static_cast<uint32_t>(p), cue, c.content))
        return false;
    // "being pushed by Collins", "posted by CBN": a participle before its agent is no cue.
    if (!quoted && !starts_with_that && !c.content.empty() && word(c.content.begin) == "by") return false;
    return true;
}

TokenRange Finder::said_of(uint32_t of, const Unit& unit) const {
    uint32_t end = of + 1;
    while (end < unit.end && !in_quote(end) && (is_word(end) || is_abbreviation_period(end))) ++end;
    if (end == of + 1 || end >= unit.end || !is_terminal_punct(end)) return {};
    return {of + 1, end};
}

uint32_t Finder::label_dash(TokenRange content) const {
    constexpr uint32_t kMaxHeadlineTokens = 12;
    constexpr uint32_t kMaxLabelTokens = 6;
    for (uint32_t d = content.begin; d < content.end && d - content.begin <= kMaxHeadlineTokens; ++d) {
        if (in_quote(d)) break;
        if (!(is_dash(d) || word(d) == "-")) continue;
        uint32_t colon = d + 1;
        while (colon < content.end && colon - d <= kMaxLabelTokens && is_word(colon) && tokens_[colon].capitalized) ++colon;
        if (colon > d + 1 && colon + 1 < content.end && word(colon) == ":" && is_open_mark(colon + 1)) return d;
    }
    return content.end;
}

uint32_t Finder::subordinate_clause_end(uint32_t cue, TokenRange source, TokenRange content, const Unit& unit) const {
    uint32_t first = after_dateline(unit.begin, cue);
    while (first < cue && is_folded(first, lex_.leading_conjunctions)) ++first;
    // ("Ever since she endorsed …,", "Even as …,", "Only after …,")
    if (first + 1 < cue && (word(first) == "Ever" || is_folded(first, lex_.aux_adverbs)) &&
        is_folded(first + 1, lex_.subordinators))
        ++first;
    const bool subordinate = first < cue && is_folded(first, lex_.subordinators);
    // Any other phrase opening the sentence ahead of its subject ("In the Trump release
    // announcing his expanded role, Manafort described …") ends where a subject and its verb
    // follow its comma.
    // (A source found from the sentence's start may still hold the phrase's preposition: "In a
    // statement announcing …".)
    const bool opening_phrase = !subordinate && first < cue &&
                                (source.empty() || source.begin > first || is_folded(first, lex_.adjunct_openers) ||
                                 is_folded(first, lex_.source_leading_prepositions) || opens_with_participle(first));
    if ((!subordinate && !opening_phrase) || word(content.begin) == ",") return content.end;
    // (Not a cue past the clause's comma, "If elected, Trump said …", nor a statement after
    // it, "As Richards pointed out, the rulings have …".)
    for (uint32_t t = first + 1; t < content.begin; ++t)
        if (word(t) == "," && !in_quote(t)) return content.end;
    for (uint32_t t = content.begin + 1; t + 1 < content.end; ++t) {
        if (word(t) != "," || in_quote(t) || !is_word(t + 1)) continue;
        if (subordinate || opens_main_clause(t + 1, content.end)) return t;
        break;
    }
    return content.end;
}

// A participle opening the sentence ("Facing mounting criticism …,", "Asked about …,"), taken
// for a source's first word.
bool Finder::opens_with_participle(uint32_t first) const {
    const auto w = word(first);
    return is_word(first) && tokens_[first].capitalized && w.size() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
}

uint32_t Finder::short_subject_end(uint32_t first, uint32_t limit, uint32_t max_name_tokens) const {
    if (lex_.pronouns_subject(word(first))) return first + 1;
    uint32_t end = first;
    while (end < limit && end - first < max_name_tokens &&
           ((is_word(end) && tokens_[end].capitalized) || is_abbreviation_period(end)))
        ++end;
    return end;
}

bool Finder::opens_main_clause(uint32_t first, uint32_t limit) const {
    constexpr uint32_t kMaxNameTokens = 4;
    const uint32_t end = short_subject_end(first, limit, kMaxNameTokens);
    return end > first && end < limit && opens_predicate(end);
}

void Finder::try_cue(uint32_t cue, const Unit& unit) {
    const std::optional<float> strength = strength_as_cue(cue, unit);
    if (!strength) return;
    const CueSite site = cue_site(cue, *strength, unit);
    if (try_passive_of_telling(site, unit) || try_passive_with_agent(site, unit) || try_subject_as_statement(site, unit) ||
        try_and_said(site, unit))
        return;
    const CueContext context = cue_context(site, unit);
    Candidate c = site.candidate();
    TokenRange second_half;  // of a clause the source and cue interrupt
    const bool attributed = context.after_comma_or_quote ? attribute_after_comma(site, context, unit, c, second_half)
                                                         : attribute_subject_before_cue(site, context, unit, c, second_half);
    if (!attributed || c.content.empty()) return;
    // "Pollsters agree - Carl Bialik: “…”": the quotation after a newsletter's label is the
    // label's, and the headline's report ends before the dash.
    if (const uint32_t dash = label_dash(c.content); dash < c.content.end) {
        if (dash == c.content.begin) return;
        c.content.end = dash;
    }
    // "When Sanders accused Clinton of being too reliant on Wall Street, she said …": a report
    // in a subordinate clause opening the sentence ends with the clause's comma.
    if ((c.rule == Rule::ClauseAfterCue || c.rule == Rule::ThatClause) && !in_quote(c.content.begin))
        c.content.end = subordinate_clause_end(cue, c.source, c.content, unit);
    // "Appearing acutely aware of how voters view her, Mrs. Clinton said …": a participle
    // opening the sentence, an adverb or adjective after it, is no subject.
    if (c.source.end == c.source.begin + 1 && c.source.begin == after_dateline(unit.begin, cue) && c.source.end < cue &&
        tokens_[c.source.begin].capitalized && word(c.source.begin).size() > 5 && word(c.source.begin).ends_with("ing") &&
        is_word(c.source.end) && !tokens_[c.source.end].capitalized && !is_verb_like(c.source.end) &&
        !is_folded(c.source.end, lex_.auxiliaries))
        return;
    // ("Facing mounting criticism …, Mr. Trump released …": nor one right before a cue word in
    // -ing, which is no finite verb of it.)
    if (c.source.end == c.source.begin + 1 && c.source.begin == after_dateline(unit.begin, cue) &&
        c.cue.begin == c.source.end && opens_with_participle(c.source.begin) && word(c.source.begin).ends_with("ing") &&
        word(c.cue.begin).ends_with("ing"))
        return;
    // "Taylor Bush said he did not recognize …": inside a statement already found, only a
    // verb that is nearly always a cue starts one of its own.
    if (c.rule == Rule::ClauseAfterCue && site.strength < kNestedCue && overlaps_found_content({cue, cue + 1})) return;
    // "who has repeatedly pledged to ban …", "Obama will implicitly question …": an adverb
    // taken as the cue word hands the cue on to the verb after it, which the statement
    // had opened with.
    if (is_ly_adverb(cue) && c.cue.end == cue + 1 && c.content.begin == cue + 1 && c.content.end > cue + 2 &&
        is_word(cue + 1) && !in_quote(cue + 1) && !tokens_[cue + 1].capitalized &&
        (cue_strength(cue + 1) > 0.f || is_ed_form(cue + 1))) {
        c.cue.end = joined_particle_end(cue + 1, unit);
        c.content.begin = std::max(c.content.begin, c.cue.end);
        if (c.content.begin < c.content.end && word(c.content.begin) == "that" && c.content.begin + 1 < c.content.end)
            ++c.content.begin;
        if (c.content.begin >= c.content.end) return;
    }
    c.weak_cue = site.strength < kStrongCue;
    // Measured on the tuning articles (tools/calibrate), a weak cue word is right under a
    // quarter of the time when the construction itself is loose: leave those out.
    if (c.weak_cue && (c.rule == Rule::CommaSubject || c.rule == Rule::ParticipleSubject))
        return;
    const size_t head = found_.size();
    add(c);
    if (!second_half.empty() && found_.size() > head) add_continuation(second_half, static_cast<int>(head), Rule::SplitClause);
}

}  // namespace qg::attribution::detail
