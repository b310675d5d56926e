// Quotations no cue word attributed: through a predicate, a colon or an as-clause, as
// continuations of the previous speaker, and speaker turns of interviews.
#include "attribution/finder.h"

namespace qg::attribution::detail {

bool Finder::attribute_through_unlisted_verb(TokenRange quote, const Unit& unit) {
    for (uint32_t t = quote.begin; t > unit.begin + 1 && quote.begin - t < 25;) {
        --t;
        if (in_quote(t) || word(t) == ";" || is_terminal_punct(t)) return false;
        if (word(t) != "that" && word(t) != ":") continue;
        uint32_t verb = t - 1;
        if (!is_word(verb) || tokens_[verb].capitalized || is_folded(verb, lex_.auxiliaries) ||
            is_folded(verb, lex_.clause_openers) || is_folded(verb, lex_.aux_adverbs))
            return false;
        // "As Professor Foner put it:": the verb is before its object, and the cue holds both.
        const uint32_t head = verb > unit.begin + 1 && word(verb) == "it" && is_verb_like(verb - 1) ? verb - 1 : verb;
        const long p = before_verb_chain(head, unit, false);
        if (p < static_cast<long>(unit.begin)) return false;
        Candidate c;
        c.source = source_before(static_cast<uint32_t>(p), unit);
        if (c.source.empty()) return false;
        bool starts_with_that = false;
        c.content = content_after(t, unit, starts_with_that);
        if (c.content.empty() || c.content.begin > quote.begin || c.content.end < quote.end) return false;
        c.cue = {static_cast<uint32_t>(p) + 1, verb + 1};
        c.rule = Rule::UnlistedVerb;
        add(c);
        return true;
    }
    return false;
}

bool Finder::attribute_through_closing_unlisted_verb(TokenRange quote, const Unit& unit) {
    constexpr uint32_t kMaxSubjectTokens = 8;
    const uint32_t closing = quote.end - 1;
    uint32_t first = quote.end;
    if (!(closing > quote.begin && word(closing - 1) == ",")) {
        if (first >= unit.end || word(first) != ",") return false;
        ++first;
    }
    // "…,” exhorted actress Jamie Lee Curtis.": inverted, the verb in -ed and its subject
    // running to the sentence's end.
    if (first + 1 < unit.end && is_verb_like(first) && word(first).size() > 4 && word(first).ends_with("ed") &&
        cue_strength(first) < kWeakCue) {
        const TokenRange source = source_after(first + 1, unit);
        uint32_t after = source.end;
        while (after < unit.end && !in_quote(after) && tokens_[after].kind == TokenKind::Punct) ++after;
        if (!source.empty() && source.end < unit.end && is_terminal_punct(source.end) &&
            (after >= unit.end || in_quote(after)) && looks_like_noun_phrase(source))
            return add_through_unlisted_verb(source, {first, first + 1}, quote);
    }
    // The verb closes the sentence: the word before its last punctuation.
    uint32_t end = first;
    while (end < unit.end && end - first <= kMaxSubjectTokens + 1 && !in_quote(end) &&
           !(is_terminal_punct(end) && !is_abbreviation_period(end)))
        ++end;
    if (end >= unit.end || in_quote(end) || end - first < 2 || end - first > kMaxSubjectTokens + 1) return false;
    // (Only closing punctuation after it, a few tokens at most: the sentence ends there.)
    constexpr uint32_t kMaxClosingPunct = 3;
    if (unit.end - end > kMaxClosingPunct + 1 || !ends_unit({end, end + 1}, unit)) return false;
    // "…,” Toomey fumed on Tuesday.": a time adjunct may follow the verb; it is no part of
    // the cue.
    uint32_t verb = end - 1;
    if (verb > first + 1 && is_folded(verb, lex_.time_words)) {
        uint32_t t = verb;
        while (t > first + 1 && is_folded(t - 1, lex_.time_words)) --t;
        if (t > first + 1 && is_folded(t - 1, lex_.time_preludes) && !tokens_[t - 1].capitalized) --t;
        verb = t - 1;
    }
    const auto w = word(verb);
    if (!is_verb_like(verb) || !(w.ends_with("s") || w.ends_with("ed")) || cue_strength(verb) >= kWeakCue ||
        w.size() < 4 || is_title(quote))
        return false;
    const TokenRange source = source_before(verb - 1, unit);
    if (source.empty() || source.begin != first || source.end != verb) return false;
    return add_through_unlisted_verb(source, {verb, verb + 1}, quote);
}

// "Trump went even further: “If he goes forward …”", "Clinton has since apologized for what
// happened: "Yes, I should have …"": a whole quotation after the colon that ends a predicate,
// whose subject opens the sentence. PolNeAR's cue is the predicate with its colon.
bool Finder::attribute_through_predicate_colon(TokenRange quote, uint32_t colon, const Unit& unit) {
    constexpr uint32_t kMaxPredicateTokens = 12;
    if (!ends_unit(quote, unit)) return false;
    const TokenRange subject = sentence_subject(unit, colon);
    if (subject.empty() || subject.end >= colon) return false;
    // "Trump gestured as if to stop the ruckus, then leaned in and boomed:": a predicate
    // coordinated after commas still has the sentence's subject.
    const bool coordinated = colon - subject.end >= 3 && (word(colon - 2) == "and" || word(colon - 2) == "then");
    if (colon - subject.end > (coordinated ? 2 * kMaxPredicateTokens : kMaxPredicateTokens)) return false;
    const uint32_t verb = subject.end;
    if (!is_word(verb) || tokens_[verb].capitalized || is_folded(verb, lex_.determiners) ||
        is_folded(verb, lex_.adjunct_openers) || is_folded(verb, lex_.clause_openers) ||
        is_folded(verb, lex_.leading_conjunctions) || is_folded(verb, lex_.object_pronouns) ||
        is_folded(verb, lex_.role_nouns) || is_folded(verb, lex_.speech_adjuncts))  // "Former secretary of state X:"
        return false;
    for (uint32_t t = verb; t < colon; ++t)
        if (in_quote(t) || (tokens_[t].kind == TokenKind::Punct && !is_abbreviation_period(t) && !(coordinated && word(t) == ",")))
            return false;
    return add_through_unlisted_verb(subject, {coordinated ? colon - 1 : verb, colon}, quote);
}

bool Finder::add_through_unlisted_verb(TokenRange source, TokenRange cue, TokenRange quote) {
    add(source, cue, quote, Rule::UnlistedVerb);
    return true;
}

// "As Vulture put it, “Hello, it’s the Biebs.”", "As the columnist Louella Parsons had written
// a few years earlier, ''…''": a clause of "as" naming the speaker and the verb, then the
// quotation after its comma.
bool Finder::attribute_through_as_clause(TokenRange quote, uint32_t comma, const Unit& unit) {
    constexpr uint32_t kMaxAsClauseTokens = 30;
    uint32_t as = comma;
    while (as > unit.begin && comma - as < kMaxAsClauseTokens) {
        --as;
        if (!in_quote(as) && (is_terminal_punct(as) || word(as) == ";" || word(as) == ":")) return false;
        if (!in_quote(as) && (word(as) == "As" || word(as) == "as")) break;
    }
    if (word(as) != "As" && word(as) != "as") return false;
    // It opens the sentence or follows a comma or conjunction ("because, as Forbes put it,").
    if (as > unit.begin && word(as - 1) != "," && !is_folded(as - 1, lex_.leading_conjunctions)) return false;
    uint32_t verb = as + 1;
    // (Not a particle the lexicon lists for its cues: "as a couple with one income, …".)
    while (verb < comma && (in_quote(verb) || !is_word(verb) || tokens_[verb].capitalized || !opens_predicate(verb) ||
                            is_folded(verb, lex_.cue_particles)))
        ++verb;
    if (verb >= comma || verb == as + 1) return false;
    uint32_t verb_end = verb + 1;
    while (verb_end < comma && is_word(verb_end) && !in_quote(verb_end) &&
           (is_folded(verb_end - 1, lex_.auxiliaries) || is_folded(verb_end - 1, lex_.aux_adverbs)))
        ++verb_end;  // "had written"
    if (verb_end < comma && (word(verb_end) == "it" || word(verb_end) == "so")) ++verb_end;  // "put it"
    TokenRange source{as + 1, verb};
    while (!source.empty() && word(source.end - 1) == ",") --source.end;
    if (source.empty() || !looks_like_noun_phrase(source)) return false;
    return add_through_unlisted_verb(source, {verb, verb_end}, quote);
}

bool Finder::is_verb_like(uint32_t i) const {
    if (!is_word(i) || tokens_[i].capitalized || in_quote(i)) return false;
    if (is_folded(i, lex_.auxiliaries) || is_folded(i, lex_.clause_openers) || is_folded(i, lex_.aux_adverbs) ||
        is_folded(i, lex_.adjunct_openers) || is_folded(i, lex_.object_pronouns) || is_folded(i, lex_.cue_particles) ||
        is_folded(i, lex_.determiners) || is_ly_adverb(i))  // not "his", "its" (in -s)
        return false;
    if (info(i).cue) return true;
    auto w = word(i);
    if (w.size() < 3) return false;
    if (w.ends_with("ed")) return true;
    if (w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("'s") && !w.ends_with("\xE2\x80\x99s"))
        return true;
    return w.ends_with("ing") && i > 0 && is_folded(i - 1, lex_.auxiliaries);
}

bool Finder::is_count(uint32_t i) const {
    if (tokens_[i].kind == TokenKind::Number) return true;
    if (!is_word(i)) return false;
    const auto w = word(i);
    const size_t hyphen = w.find('-');  // "two-thirds"
    return hyphen == std::string_view::npos ? is_folded(i, lex_.number_words) : lex_.number_words.contains(w.substr(0, hyphen));
}

bool Finder::looks_like_noun_phrase(TokenRange source) const {
    const uint32_t first = source.begin;
    // A noun phrase does not end with a determiner ("set his") nor open with a participle
    // ("tangled with Cruz").
    if (is_determiner(source.end - 1)) return false;
    if (is_word(first) && !tokens_[first].capitalized && source.end - first >= 2 &&
        (word(first).ends_with("ed") || word(first).ends_with("ing")))
        return false;
    if (!is_word(first) || tokens_[first].capitalized) return true;
    if (tokens_[first].kind == TokenKind::Number) return true;
    auto w = word(first);
    if (lex_.pronouns_subject(w) || is_folded(first, lex_.object_pronouns) || is_determiner(first) ||
        is_folded(first, lex_.noun_phrase_openers) || is_relative_source(source))
        return true;
    for (uint32_t t = first; t < source.end; ++t)
        if (is_word(t) && tokens_[t].capitalized) return true;
    // "people familiar with the talks", "aides close to him": a head noun naming people and
    // an adjective that takes a complement.
    if ((names_several(first) || is_role_noun_or_plural(first)) && first + 1 < source.end &&
        is_folded(first + 1, lex_.linking_adjectives))
        return true;
    // "law enforcement officials", "three-quarters of the voters": a short phrase whose head
    // names several.
    // "attorneys for the department", "officials at the agency", "members of the board": a
    // plural head and a phrase naming whom they are with.
    if (names_several(first) && first + 2 < source.end &&
        (word(first + 1) == "for" || word(first + 1) == "of" || word(first + 1) == "at" || word(first + 1) == "from") &&
        (is_determiner(first + 2) || tokens_[first + 2].capitalized))
        return true;
    // "about two-thirds of voters", "nearly three in five": a count, however approximate.
    if (source.end - first >= 2 && is_folded(first, lex_.count_approximators) && is_count(first + 1)) return true;
    // (Not a prepositional phrase: "at small-scale campaign events".)
    if (is_folded(first, lex_.adjunct_openers) || is_folded(first, lex_.cue_particles)) return false;
    // "nearly three in five", "about 40": a short count.
    constexpr uint32_t kMaxCountTokens = 5;
    if (source.end - first <= kMaxCountTokens &&
        is_count(source.end - 1) && word(source.end - 1) != "one" && word(source.end - 1) != "One")  // (a pronoun too)
        return true;
    return source.end - first <= 4 && names_several(source.end - 1);
}

bool Finder::is_subject_phrase(TokenRange source) const {
    if (source.end - source.begin == 1 && lex_.pronouns_subject(word(source.begin))) return true;
    uint32_t head_end = source.begin;
    while (head_end < source.end && word(head_end) != "," && word(head_end) != "(") ++head_end;
    uint32_t last = head_end - 1;
    const auto plain_head = [&](uint32_t from) {  // no participle or preposition inside
        for (uint32_t t = from; t < head_end; ++t)
            if (is_word(t) && !tokens_[t].capitalized &&
                (word(t).ends_with("ed") || is_folded(t, lex_.adjunct_openers)))
                return false;
        return true;
    };
    // "Trump supporters believe", "Clinton allies fear", "But supporters hope …", "In South
    // Florida, …, developers see …": a short phrase opening its clause, headed by a plural
    // that heads sources in the annotations (data/source_heads.tsv).
    const bool opens_clause = [&] {
        const Unit& unit = units_[unit_of_[source.begin]];
        uint32_t before = source.begin;
        while (before > unit.begin && is_folded(before - 1, lex_.leading_conjunctions)) --before;
        return before == after_dateline(unit.begin, source.begin) || (before > unit.begin && word(before - 1) == ",");
    }();
    constexpr uint32_t kMaxPluralSubjectTokens = 3;
    // ("Privately, some Democratic officials think …", "But many economists believe …": a
    // quantifier may open it.)
    if (opens_clause && head_end == source.end && head_end - source.begin <= kMaxPluralSubjectTokens && is_word(last) &&
        !tokens_[last].capitalized && is_folded(last, lex_.source_heads) && !is_determiner(source.begin) &&
        plain_head(source.begin) && !is_folded(source.begin, lex_.sentence_adverbs) &&
        (!is_folded(source.begin, lex_.noun_phrase_openers) ||
         (last > source.begin && is_folded(source.begin, lex_.subject_quantifiers))))
        return true;
    // (A phrase of other words after a comma, "Now, one kind-hearted Canadian wants", was
    // measured: as many of the statements it adds are wrong as right.)
    if (!tokens_[source.begin].capitalized || is_folded(source.begin, lex_.adjunct_openers) ||
        is_folded(source.begin, lex_.sentence_adverbs))
        return false;
    if (!plain_head(source.begin + 1)) return false;
    if (tokens_[last].capitalized || is_role_noun_or_plural(last)) return true;
    // "Many voters", "Most economists": a quantifier and the plural it counts.
    constexpr uint32_t kMaxQuantifiedTokens = 3;
    if (head_end - source.begin <= kMaxQuantifiedTokens && is_folded(source.begin, lex_.subject_quantifiers) &&
        last > source.begin && names_several(last))
        return true;
    // "The ad", "The Florida senator": a determiner and a short noun phrase.
    auto first = word(source.begin);
    bool determiner = first == "The" || first == "This" || first == "That" || first == "Its" || first == "His" ||
                      first == "Her" || first == "Their";
    return determiner && head_end - source.begin <= 4;
}

bool Finder::is_finite_verb(uint32_t cue, uint32_t before_cue, TokenRange source) const {
    if (!is_verb_like(cue) || is_determiner(cue)) return false;
    auto w = word(cue);
    if (w.ends_with("ed") || (w.ends_with("s") && !w.ends_with("ss"))) return true;
    // A base form is a verb after a modal or auxiliary ("might seem", "don't know"), a
    // plural subject ("Voters view") or a pronoun ("I think").
    if (before_cue + 1 < cue) return true;
    // ("Few believe", "Both think": a quantifier standing alone is a plural subject.)
    return lex_.pronouns_subject(word(source.end - 1)) || names_several(source.end - 1) ||
           (source.end == source.begin + 1 && is_folded(source.begin, lex_.subject_quantifiers));
}

bool Finder::takes_clause(TokenRange source, uint32_t before_cue, uint32_t cue, TokenRange content) const {
    constexpr uint32_t kMinClauseTokens = 2;
    if (content.end - content.begin < kMinClauseTokens) return false;
    // "spoke in the lobby", "celebrated in Florida": an adjunct, not a clause ("to" stays:
    // "wants to emerge").
    // ("believes this is unsafe", "this bridge": "this" opens an adjunct only before a time,
    // "this week".)
    const bool demonstrative = word(content.begin) == "this" && content.begin + 1 < content.end &&
                               !is_folded(content.begin + 1, lex_.time_words);
    if (word(content.begin) != "to" && !demonstrative && is_folded(content.begin, lex_.adjunct_openers)) return false;
    if (cue + 1 < content.end && word(cue + 1) == "of") return false;  // "allegations of"
    // "Wage talks resumed in Tallinn": a verb right after the cue word makes that a noun.
    if (is_word(content.begin) && !tokens_[content.begin].capitalized &&
        (word(content.begin).ends_with("ed") || is_folded(content.begin, lex_.auxiliaries)))
        return false;
    if (!is_subject_phrase(source) || !is_finite_verb(cue, before_cue, source)) return false;
    // A lone capitalised word is a name only if it is not an adverb or determiner opening
    // the sentence ("Unnervingly", "Their").
    if (source.end - source.begin == 1 && !lex_.pronouns_subject(word(source.begin))) {
        auto w = word(source.begin);
        if ((w.size() > 4 && w.ends_with("ly")) || is_folded(source.begin, lex_.determiners) ||
            (is_folded(source.begin, lex_.noun_phrase_openers) && !is_folded(source.begin, lex_.subject_quantifiers)) ||
            is_folded(source.begin, lex_.adjunct_openers))
            return false;
    }
    return true;
}

// "Trump pledged to make Apple “build their damn computers …”", "Merkel heralded the deal
// as a “breakthrough.”": a quotation inside the predicate of a verb the lexicon does not
// list as a cue, whose subject opens the sentence (PolNeAR annotates these as mixed
// attributions of that subject). The verb is the nearest before the quotation that has a
// subject noun phrase right before it.
bool Finder::attribute_through_predicate(TokenRange quote, const Unit& unit) {
    constexpr uint32_t kMaxPredicateTokens = 20;
    for (uint32_t verb = quote.begin; verb > unit.begin + 1 && quote.begin - verb < kMaxPredicateTokens;) {
        --verb;
        if (in_quote(verb) || word(verb) == ";" || word(verb) == ":" || is_terminal_punct(verb) || is_dash(verb))
            return false;
        // A verb the lexicon never saw in a cue may still be one ("Cruz chided Trump for …"); one
        // it saw often outside cues is not.
        if (!is_verb_like(verb) || (info(verb).cue && info(verb).cue->probability < kPredicateCue)) continue;
        const long p = before_verb_chain(verb, unit, true);
        if (p < static_cast<long>(unit.begin)) return false;
        // "criticised the mayor for making “very rude statements”": a gerund after a
        // preposition is inside the predicate; its verb stands further back.
        if (word(verb).ends_with("ing") && is_folded(static_cast<uint32_t>(p), lex_.cue_particles)) continue;
        TokenRange source = source_before(static_cast<uint32_t>(p), unit);
        if (source.empty()) continue;
        // The subject opens the sentence, or follows an opening adverbial and its comma.
        uint32_t before = source.begin;
        while (before > unit.begin && is_folded(before - 1, lex_.leading_conjunctions)) --before;
        if (before != unit.begin && word(before - 1) != ",") continue;
        if (!is_subject_phrase(source)) continue;
        // A verb unknown to the lexicon needs a plain finite form after a clear subject: not
        // "it", not a lone capitalised word opening the sentence ("Both houses now seem", "One
        // dresses"), no auxiliary ("was being treated").
        if (!info(verb).cue) {
            bool auxiliary = false;  // adverbs may stand between ("Trump also criticised")
            for (uint32_t t = static_cast<uint32_t>(p) + 1; t < verb; ++t) auxiliary |= is_folded(t, lex_.auxiliaries);
            if (is_determiner(verb) || auxiliary) continue;
            const bool pronoun = source.end - source.begin == 1 && lex_.pronouns_subject(word(source.begin));
            if (pronoun ? (word(source.begin) == "it" || word(source.begin) == "It")
                        : (source.end - source.begin == 1 && before == unit.begin))
                continue;
        }
        bool starts_with_that = false;
        TokenRange content = content_after(verb + 1, unit, starts_with_that);
        if (content.empty() || content.begin > quote.begin || content.end < quote.end) return false;
        Candidate c;
        c.source = source;
        c.cue = {static_cast<uint32_t>(p) + 1, verb + 1};
        c.content = content;
        c.rule = Rule::Predicate;
        add(c);
        return true;
    }
    return false;
}

void Finder::attribute_leftover_quotes() {
    // Between a cue and the statement after it: a title there is the speech's medium.
    constexpr uint32_t kMaxGap = 16;  // an adjunct and a recipient
    std::vector<bool> before_content(tokens_.size() + 1, false);
    for (const Candidate& c : found_) {
        if (!c.cue.empty() && c.cue.end <= c.content.begin && c.content.begin - c.cue.end <= kMaxGap)
            for (uint32_t t = c.cue.end; t < c.content.begin; ++t) before_content[t] = true;
        // "…,” Sanders told ABC's “Good Morning America.”": and right after the one it was
        // told to.
        if (!c.recipient.empty()) before_content[c.recipient.end] = true;
    }
    for (size_t q = 0; q < quotes_.quotes.size(); ++q) {
        const auto& quote = quotes_.quotes[q];
        if (quote.depth != 0 || quote.words < 1) continue;
        TokenRange range{quote.open_token, quote.end_token};
        if (overlaps_found_content(range)) continue;
        // (A title that is part of a cue, "said in his book, “An American Son.”", is no statement,
        // nor one between the cue and what was said, "said on NBC's “Meet the Press” that …".)
        if (in_cue_[range.begin]) continue;
        const Unit& unit = units_[unit_of_[quote.open_token]];
        if (is_title(range) && before_content[range.begin]) continue;
        // (A short quotation that is its whole sentence, "“Period.”", is a statement all the same.)
        if (quote.words < 3 && !(range.begin == unit.begin && ends_unit(range, unit))) {
            attribute_through_predicate(range, unit);
            continue;
        }
        uint32_t open = quote.open_token;
        if (open > unit.begin + 1 && word(open - 1) == ":" && attribute_through_predicate_colon(range, open - 1, unit)) continue;
        if (open > unit.begin + 3 && word(open - 1) == "," && attribute_through_as_clause(range, open - 1, unit)) continue;
        // "SOURCE: “…”"
        if (open > unit.begin && word(open - 1) == ":") {
            TokenRange source = source_before(open - 2, unit);
            // "SOURCE:" opening the sentence, or after a dash or "More from" within it ("… are
            // particularly problematic - Pew Research: “…”").
            bool opens = !source.empty() &&
                         (source.begin == unit.begin || is_dash(source.begin - 1) || word(source.begin - 1) == "-" ||
                          word(source.begin - 1) == "from");
            // Or a person's full name within it, the quotation ending the sentence ("… doesn’t
            // surprise Republican pollster Daron Shaw: “…”").
            if (!opens && !source.empty() && source.end - source.begin >= 2 && tokens_[source.end - 1].capitalized &&
                tokens_[source.end - 2].capitalized && is_word(source.end - 2) && !is_folded(source.end - 2, lex_.org_words) &&
                !is_folded(source.end - 1, lex_.org_words)) {
                opens = ends_unit(range, unit);
            }
            // ("Rep. Trey Gowdy (R-S.C.):" is as short: the party and state do not count.)
            uint32_t name_end = source.end;
            if (name_end > source.begin + 2 && word(name_end - 1) == ")")
                while (name_end > source.begin + 1 && word(name_end - 1) != "(") --name_end;
            if (opens && name_end - source.begin <= 8) {
                Candidate c;
                c.source = source;
                c.cue = {open - 1, open};
                c.content = range;
                c.rule = Rule::Colon;
                add(c);
                continue;
            }
        }
        // "Walter Hewlett sniped that Fiorina was “learning on the job”": a verb the lexicon
        // does not list, before a that-clause or colon holding the quotation, after a subject.
        if (attribute_through_unlisted_verb(range, unit)) continue;
        if (attribute_through_closing_unlisted_verb(range, unit)) continue;
        if (attribute_through_predicate(range, unit)) continue;
        // A quote opening its sentence with no cue of its own continues the last speaker, and
        // so does the second half of a split quote ("“A,” she said, “B.”").
        int previous = -1;
        bool split_quote = false;
        for (size_t f = 0; f < found_.size(); ++f) {
            uint32_t end = std::max({found_[f].cue.end, found_[f].source.end, found_[f].recipient.end});
            if (end > open || end < unit.begin) continue;
            // "“A,” Trumka said in March, “B.”": the circumstance of the speech may sit between,
            // and so may its topic ("“A,” he said of Trump, “B.”").
            if (open - end > 2) end = skip_speech_adjunct(end, unit);
            if (open - end > 2 && end < open && word(end) == "of") end = skip_topic(end, open);
            if (end < open && open - end > 2 && interrupts_quote(found_[f], end, open)) end = open - 1;
            if (end > open || open - end > 2) continue;
            bool only_punctuation = true;
            for (uint32_t t = end; t < open; ++t) only_punctuation &= tokens_[t].kind == TokenKind::Punct;
            if (only_punctuation) {
                previous = static_cast<int>(f);
                split_quote = true;
            }
        }
        if (split_quote) {
            add_continuation(range, previous, Rule::SplitQuote);
            continue;
        }
        // The first paragraphs of a quotation running over several: attributed with the
        // paragraph that closes it.
        if (!quote.closed && q + 1 < quotes_.quotes.size() && quotes_.quotes[q + 1].continues_previous) {
            TokenRange next{quotes_.quotes[q + 1].open_token, quotes_.quotes[q + 1].end_token};
            int owner = -1;
            for (size_t f = 0; f < found_.size(); ++f)
                if (found_[f].content.begin < next.end && next.begin < found_[f].content.end) owner = static_cast<int>(f);
            if (owner >= 0) {
                add_continuation(range, owner, Rule::EarlierParagraph);
                continue;
            }
        }
        // "But “Donald Trump’s candidacy is strengthened …”": a conjunction may open it.
        bool after_conjunction = open == unit.begin + 1 && is_folded(unit.begin, lex_.leading_conjunctions);
        // "… after a forum in Fort Mill, S.C. “It seems …”": a sentence the splitter did not cut
        // at an abbreviation's period.
        bool after_stop = open > unit.begin && (is_terminal_punct(open - 1) || word(open - 1).ends_with("."));
        const bool mid_sentence = open != unit.begin && !after_conjunction && !after_stop;
        if (mid_sentence && !ends_unit(range, unit)) continue;
        if (after_conjunction) range.begin = unit.begin;
        // ("“…,” he said when asked about the ferry. “But …”": what an unnamed questioner asked
        // about is no statement to go on with.)
        for (size_t f = 0; f < found_.size(); ++f)
            if (found_[f].content.end <= open && !(found_[f].rule == Rule::Asked && found_[f].source.empty()) &&
                (previous < 0 || found_[f].content.end >= found_[previous].content.end))
                previous = static_cast<int>(f);
        if (previous < 0) continue;
        // "“Your reputation is amazing,” Trump assured Jones, after Jones assured Trump that …
        // “I will not let you down.”": a quotation goes on with the quotation of its sentence,
        // not with a report of what someone else said around it.
        if (const Candidate& last = found_[previous]; !in_quote(last.content.begin)) {
            const uint32_t last_unit = unit_of_[last.content.end - 1];
            for (size_t f = 0; f < found_.size(); ++f)
                if (static_cast<int>(f) != previous && !found_[f].content.empty() && in_quote(found_[f].content.begin) &&
                    found_[f].content.end <= last.content.begin && unit_of_[found_[f].content.begin] == last_unit &&
                    !found_[f].source.empty() && !last.source.empty() && found_[f].source.end <= last.source.begin)
                    previous = static_cast<int>(f);
        }
        if (mid_sentence) {
            // "“It’s an enormous moment,” said X. Unless rivals quit, “it’s very difficult …”":
            // a sentence closing on a quotation, right after a quotation with its speaker in the
            // sentence before, carries that statement on though the quotation does not open it.
            const Candidate& last = found_[previous];
            TokenRange sentence{unit.begin, range.end};
            uint32_t last_unit = unit_of_[last.content.end - 1];
            if (unit_of_[open] != last_unit + 1 || units_[last_unit].paragraph != unit.paragraph) continue;
            if (open - unit.begin > kMixedContinuationLead || is_title(range)) continue;
            if (overlaps_found_content(sentence)) continue;
            add_continuation(sentence, previous, Rule::MixedContinuation);
            continue;
        }
        uint32_t previous_unit = unit_of_[found_[previous].content.end - 1];
        if (unit_of_[open] - previous_unit > kContinuationUnits) continue;
        add_continuation(range, previous, Rule::Continuation);
    }
}

// "called ''our No. 1 geopolitical foe.''", a tweet quoted on its own, a slogan on a sign:
// a quotation that no rule attributes is still someone's words, and a reader auditing quotes
// needs it listed. On the tuning articles about half of such quotations of three words or
// more lie in an annotated statement (86 of 156 of four or more, 17 of 35 of three), fewer
// of two words (docs/accuracy.md); titles are names of works, not statements.
// The subject of the nearest verb before a quotation in its clause ("The ad targets a “…”",
// "a country that Mitt Romney called ''…''"), or none.
TokenRange Finder::subject_of_verb_before(TokenRange quote, const Unit& unit, TokenRange& verb_chain) const {
    constexpr uint32_t kMaxPredicateTokens = 20;
    for (uint32_t verb = quote.begin; verb > unit.begin + 1 && quote.begin - verb < kMaxPredicateTokens;) {
        --verb;
        if (in_quote(verb) || word(verb) == ";" || word(verb) == ":" || is_terminal_punct(verb) || is_dash(verb))
            return {};
        // (A word in -s the cue lexicon never saw is as often a plural: "Sanders protesters".)
        if (!is_verb_like(verb) || !(info(verb).cue || word(verb).ends_with("ed"))) continue;
        const long p = before_verb_chain(verb, unit, true);
        if (p < static_cast<long>(unit.begin)) return {};
        const TokenRange source = source_before(static_cast<uint32_t>(p), unit);
        if (!source.empty() && is_subject_phrase(source)) {
            verb_chain = {static_cast<uint32_t>(p) + 1, verb + 1};
            return source;
        }
    }
    return {};
}

void Finder::keep_unattributed_quotes() {
    constexpr uint32_t kMinWords = 3;
    for (size_t q = 0; q < quotes_.quotes.size(); ++q) {
        const auto& quote = quotes_.quotes[q];
        if (quote.depth != 0 || quote.words == 0) continue;
        const TokenRange range{quote.open_token, quote.end_token};
        // (Two words make a statement when they are a sentence of their own: “Not again.”)
        const bool sentence = quote.closed && quote.close_token > range.begin + 1 && is_terminal_punct(quote.close_token - 1);
        if (quote.words < kMinWords && !(sentence && quote.words + 1 >= kMinWords)) continue;
        if (in_cue_[range.begin] || overlaps_found_content(range) || is_title(range)) continue;
        Candidate c;
        c.content = range;
        c.rule = Rule::Unattributed;
        // Within a sentence, the quotation is most often in its subject's predicate.
        const Unit& unit = units_[unit_of_[range.begin]];
        if (range.begin > unit.begin) {
            TokenRange subject = subject_of_verb_before(range, unit, c.cue);
            if (subject.empty()) subject = sentence_subject(unit, range.begin);
            const bool dummy = subject.end == subject.begin + 1 && is_folded(subject.begin, lex_.impersonal_subjects);
            if (!subject.empty() && !dummy && is_subject_phrase(subject))
                c.source = subject;
            else
                c.cue = {};
        }
        const size_t count = found_.size();
        add(c);
        // (A subject that names no speaker, "the attack", leaves the quotation without one.)
        if (found_.size() == count && !c.source.empty()) {
            c.source = c.cue = {};
            add(c);
        }
    }
}

// "“A,” Duncan told The New York Times in 2012, “B.”", "“A,” he said of people whose rights
// were restored, “B.”": whatever follows the speaker and cue of a quotation that ends in a
// comma, up to the comma before the next quotation, interrupts one statement, so long as it
// holds no sentence end, quotation or clause break of its own.
bool Finder::interrupts_quote(const Candidate& first_half, uint32_t from, uint32_t open) const {
    constexpr uint32_t kMaxInterruptionTokens = 16;
    const TokenRange& quote = first_half.content;
    if (quote.empty() || !is_close_mark(quote.end - 1) || quote.end > first_half.source.begin ||
        quote.end > first_half.cue.begin || quote.end - quote.begin < 2 || word(quote.end - 2) != ",")
        return false;
    if (open - from > kMaxInterruptionTokens || word(open - 1) != ",") return false;
    for (uint32_t t = from; t + 1 < open; ++t)
        if (in_quote(t) || is_terminal_punct(t) || word(t) == ";" || word(t) == ":" || is_dash(t) || in_cue_[t])
            return false;
    return true;
}

bool Finder::looks_like_speaker_label(uint32_t first, uint32_t colon) const {
    const uint32_t last = colon - 1;
    if (!tokens_[last].capitalized) return false;
    // "Q:" and "A:" of interviews are annotated now and then only; "The Latest:", "Revealed:",
    // "STAT OF THE WEEK:" are section labels, not names.
    if (colon - first == 1 && word(first).size() == 1) return false;
    if (word(first) == "The") return false;
    auto tail = word(last);
    if (tail.ends_with("ed") || tail.ends_with("ing") || tail.ends_with("ED") || tail.ends_with("ING")) return false;
    for (uint32_t t = first; t < colon; ++t) {
        auto w = word(t);
        if (w == "THE" || w == "OF" || w == "AND" || w == "FOR" || w == "IN" || w == "ON") return false;
    }
    return true;
}

void Finder::attribute_speaker_turns() {
    constexpr uint32_t kMaxNameTokens = 6;
    // The colon of a unit opening with a speaker's label ("Clinton: …"), or 0.
    const auto label_colon = [&](const Unit& unit) -> uint32_t {
        const uint32_t first = unit.begin;
        if (!is_word(first) || !tokens_[first].capitalized || in_quote(first)) return 0;
        uint32_t colon = first;
        while (colon < unit.end && colon - first <= kMaxNameTokens && word(colon) != ":") {
            const Token& t = tokens_[colon];
            // Capitalised words, initials' periods and short joining words ("Mukasey at RNC").
            bool fits = (t.kind == TokenKind::Word && (t.capitalized || word(colon).size() <= 3)) ||
                        word(colon) == "." || word(colon) == "-" || word(colon) == "'s" || word(colon) == "\xE2\x80\x99s";
            if (!fits || in_quote(colon) || cue_strength(colon) >= kWeakCue) return 0;
            ++colon;
        }
        if (colon >= unit.end || word(colon) != ":" || colon == first || colon + 1 >= unit.end) return 0;
        return looks_like_speaker_label(first, colon) ? colon : 0;
    };
    // A turn opens its paragraph, or follows a turn in it: "Clinton: “…” Bush: “…”" holds two,
    // the first ending where the second's label starts.
    bool after_turn = false;
    for (uint32_t u = 0; u < units_.size(); ++u) {
        const Unit& unit = units_[u];
        const bool paragraph_first = u == 0 || units_[u - 1].paragraph != unit.paragraph;
        if (paragraph_first) after_turn = false;
        if (!paragraph_first && !after_turn) continue;
        const uint32_t colon = label_colon(unit);
        if (colon == 0) {
            after_turn = false;
            continue;
        }
        after_turn = true;
        const uint32_t first = unit.begin;
        uint32_t begin = colon + 1;
        uint32_t end = unit.end;
        for (uint32_t v = u + 1; v < units_.size() && units_[v].paragraph == unit.paragraph && label_colon(units_[v]) == 0; ++v)
            end = units_[v].end;
        while (end > begin && !in_quote(end - 1) && is_terminal_punct(end - 1)) --end;
        // "Rubio: “…”" is the colon rule's; a headline's "Bernie Sanders: ‘Of Course’ Hillary
        // Clinton Is Qualified" is a turn with a quotation in it.
        if (is_open_mark(begin) && quote_range(quote_of_[begin]).end >= end) continue;
        TokenRange content{begin, end};
        uint32_t words = 0;
        for (uint32_t t = begin; t < end && words < 3; ++t) words += is_word(t);
        if (words < 3 || in_source_[first]) continue;  // "Sanders: 46", "Contributing: Deborah Berry"
        add({first, colon}, {colon, colon + 1}, content, Rule::SpeakerTurn);
    }
}

// A paragraph that is a quotation, signed by the next: "“I will look into it.”" then
// "- Hillary Clinton." (or "-President Obama, tweeting after Clinton's speech."). The name
// after the dash is the source, the dash the cue, as PolNeAR marks them.
void Finder::attribute_signed_quotes() {
    constexpr uint32_t kMaxSignatureTokens = 14;
    constexpr uint32_t kMaxNameTokens = 6;
    for (uint32_t u = 1; u < units_.size(); ++u) {
        const Unit& signature = units_[u];
        if (units_[u - 1].paragraph == signature.paragraph) continue;  // the signature opens its paragraph
        const uint32_t dash = signature.begin;
        if (!(is_dash(dash) || word(dash) == "-") || dash + 1 >= signature.end) continue;
        // The whole paragraph is short: the name and perhaps a few words about it.
        uint32_t paragraph_end = signature.end;
        for (uint32_t v = u + 1; v < units_.size() && units_[v].paragraph == signature.paragraph; ++v)
            paragraph_end = units_[v].end;
        if (paragraph_end - dash > kMaxSignatureTokens) continue;
        uint32_t name_end = dash + 1;
        while (name_end < signature.end && name_end - dash <= kMaxNameTokens &&
               ((is_word(name_end) && tokens_[name_end].capitalized) || is_abbreviation_period(name_end)))
            ++name_end;
        if (name_end == dash + 1 || name_end - dash > kMaxNameTokens || name_end >= signature.end) continue;
        if (!(word(name_end) == "," || is_terminal_punct(name_end))) continue;
        // The paragraph before is one quotation, or quotations, from its first token to its last.
        const uint32_t previous_paragraph = units_[u - 1].paragraph;
        uint32_t first_unit = u - 1;
        while (first_unit > 0 && units_[first_unit - 1].paragraph == previous_paragraph) --first_unit;
        const uint32_t begin = units_[first_unit].begin;
        uint32_t end = units_[u - 1].end;
        while (end > begin && !in_quote(end - 1) && is_terminal_punct(end - 1)) --end;
        if (!is_open_mark(begin) || end <= begin || !is_close_mark(end - 1)) continue;
        const TokenRange content{begin, end};
        if (overlaps_found_content(content) || in_source_[dash + 1]) continue;
        add({dash + 1, name_end}, {dash, dash + 1}, content, Rule::SpeakerTurn);
    }
}

}  // namespace qg::attribution::detail
