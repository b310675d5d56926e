// The Finder's set-up (quotations, units) and its run over a document (finder.h).
#include "attribution/finder.h"

#include <unordered_map>

namespace qg::attribution {

namespace detail {

void Finder::index_quotes() {
    quote_of_.assign(tokens_.size(), -1);
    // Top-level single quotes can overlap: tokens already given a quote are jumped over
    // (next_free, path-compressed), so each token is written once.
    std::vector<uint32_t> next_free(tokens_.size() + 1);
    for (uint32_t t = 0; t <= tokens_.size(); ++t) next_free[t] = t;
    const auto find_free = [&](uint32_t t) {
        uint32_t root = t;
        while (next_free[root] != root) root = next_free[root];
        while (next_free[t] != root) t = std::exchange(next_free[t], root);
        return root;
    };
    for (size_t q = 0; q < quotes_.quotes.size(); ++q) {
        const auto& quote = quotes_.quotes[q];
        if (quote.depth != 0) continue;
        const uint32_t end = std::min<uint32_t>(quote.end_token, static_cast<uint32_t>(tokens_.size()));
        for (uint32_t t = find_free(std::min(quote.open_token, end)); t < end; t = find_free(t + 1)) {
            quote_of_[t] = static_cast<int>(q);
            next_free[t] = t + 1;
        }
    }
}

void Finder::build_units() {
    units_.clear();
    unit_of_.assign(tokens_.size(), 0);
    for (const auto& s : analysis_.sentences) {
        bool merge = false;
        if (!units_.empty()) {
            const Unit& last = units_.back();
            int q = quote_of_[last.end - 1];
            merge = q >= 0 && quotes_.quotes[q].end_token > last.end && last.paragraph == s.paragraph;
            // "“Is it over?” Trump asked.": the splitter ends a sentence at a question,
            // exclamation or trailing-off ellipsis inside a quotation; a short source-and-cue
            // sentence after it is the quotation's attribution.
            if (!merge && last.paragraph == s.paragraph && q >= 0 && quotes_.quotes[q].closed &&
                quotes_.quotes[q].close_token + 1 == last.end && last.end >= 2 &&
                is_terminal_punct(last.end - 2) && word(last.end - 2) != ".")
                merge = opens_with_source_and_cue(s.first_token, s.end_token);
        }
        if (merge) {
            units_.back().end = s.end_token;
        } else {
            units_.push_back({s.first_token, s.end_token, s.paragraph});
        }
    }
    title_case_.assign(units_.size(), false);
    for (uint32_t u = 0; u < units_.size(); ++u) {
        uint32_t capitalised = 0;
        bool running_text = false;
        for (uint32_t t = units_[u].begin; t < units_[u].end; ++t) {
            unit_of_[t] = u;
            if (!is_word(t) || word(t).size() <= 3) continue;
            if (tokens_[t].capitalized) {
                ++capitalised;
                continue;
            }
            // (A headline leaves prepositions in lowercase: "Calls for Special Prosecutor
            // after Report Reveals …"; any other lowercase word makes running text.)
            running_text = running_text || !(is_folded(t, lex_.adjunct_openers) || text::opener_set().contains(word(t)));
        }
        constexpr uint32_t kMinHeadlineWords = 4;
        title_case_[u] = !running_text && capitalised >= kMinHeadlineWords;
    }
}

bool Finder::trim_source(Candidate& c) const {
    // "Still, 52 percent of voters say": the comma after an opening adverb.
    while (!c.source.empty() && word(c.source.begin) == "," && !in_quote(c.source.begin)) ++c.source.begin;
    // "…, with former Maryland Gov. Martin O’Malley calling": an adjunct's preposition. ("In |
    // declaring …, the pope": only the preposition, and the statement keeps no source.)
    if (!c.source.empty() && !in_quote(c.source.begin) && is_folded(c.source.begin, lex_.source_leading_prepositions))
        ++c.source.begin;
    // "In a | swipe against …", "of the | claim": ending with an article or a preposition and
    // holding no name, it is no noun phrase, and the reading is wrong. (With a name it is only
    // too long: "Steven Brill, author of “…,” said"; and a quotation is a statement whoever
    // the source, kept for the rules of quotations to read again.)
    if (!c.source.empty() && !in_quote(c.source.end - 1) && is_folded(c.source.end - 1, lex_.dangling_source_ends)) {
        bool named = false;
        for (uint32_t t = c.source.begin; t < c.source.end && !named; ++t)
            named = is_word(t) && tokens_[t].capitalized && !is_folded(t, lex_.dangling_source_ends) &&
                    !is_folded(t, lex_.source_leading_prepositions) && !is_determiner(t);
        if (!named && !in_quote(c.content.begin)) return false;
    }
    // "Joseph R. Biden Jr.", "of Meridian, Ind.": the period of a name's suffix or a state's
    // abbreviation (data/period_abbreviations.txt) is the source's, though it ends the
    // sentence too.
    if (!c.source.empty() && c.source.end < tokens_.size() && word(c.source.end) == "." &&
        tokens_[c.source.end - 1].end == tokens_[c.source.end].begin && !in_quote(c.source.end) &&
        is_folded(c.source.end - 1, lex_.period_abbreviations))
        ++c.source.end;
    return true;
}

void Finder::move_time_out_of_cue(Candidate& c) const {
    // "A Washington Post-ABC News poll last week found", "Sen. Feinstein last week said": the
    // time before the verb is no part of the cue (annotated so 2 times in 14 on the tuning
    // articles); after a poll or a participle it is the source's ("A poll conducted last
    // week": 6 of the 14).
    if (c.cue.end - c.cue.begin < 3 || in_quote(c.cue.begin)) return;
    const auto first = word(c.cue.begin);
    if (!(first == "last" || first == "this" || first == "Last" || first == "This")) return;
    if (!is_folded(c.cue.begin + 1, lex_.time_words)) return;
    const uint32_t after = c.cue.begin + 2;
    const bool source_before = !c.source.empty() && c.source.end == c.cue.begin;
    c.cue.begin = after;
    if (source_before) {
        const uint32_t last = c.source.end - 1;
        if (is_folded(last, lex_.evidence_nouns) || (word(last).ends_with("ed") && !tokens_[last].capitalized))
            c.source.end = after;
    }
}

void Finder::join_particle_to_cue(Candidate& c) const {
    // "was asked about the loan", "has spoken out about …": left opening the content by the
    // rule that found it. (Not "to" nor "with", which open what is said as often: "urged
    // voters to …".)
    if (!c.cue.empty() && c.content.begin == c.cue.end && c.content.end > c.content.begin + 1 && is_word(c.content.begin) &&
        !in_quote(c.content.begin) && is_word(c.content.begin + 1) && word(c.content.begin) != "to" &&
        word(c.content.begin) != "with" && lex_.particle_joins(word(c.cue.end - 1), word(c.content.begin))) {
        ++c.cue.end;
        ++c.content.begin;
    }
}

void Finder::add(Candidate c) {
    if (!c.source.empty() && names_no_speaker(c.source)) {
        // "The email goes on to say": the noun taken for the cue's first word is the source's.
        if (c.source.end != c.cue.begin || c.cue.end - c.cue.begin < 2) return;
        c.source.end = ++c.cue.begin;
    }
    if (!trim_source(c)) return;
    if (c.source.end == c.source.begin + 1 && (word(c.source.begin) == "it" || word(c.source.begin) == "It"))
        resolve_dummy_it(c);
    take_made_into_cue(c);
    // "the attack showed …": an event is not a speaker.
    if (!c.source.empty() && c.source.end - c.source.begin <= 3 && is_folded(c.source.end - 1, lex_.event_nouns)) {
        bool named = false;
        for (uint32_t t = c.source.begin + 1; t < c.source.end; ++t) named |= tokens_[t].capitalized;
        if (!named) return;
    }
    join_particle_to_cue(c);
    move_time_out_of_cue(c);
    if (!found_contents_.insert(uint64_t{c.content.begin} << 32 | c.content.end).second) return;
    for (size_t i = c.content.begin + 1; i < content_end_tree_.size(); i += i & (~i + 1))
        content_end_tree_[i] = std::max(content_end_tree_[i], c.content.end);
    // "She added: “…”": PolNeAR marks the colon that introduces the content as part of the cue.
    if (!c.cue.empty() && c.cue.end < tokens_.size() && word(c.cue.end) == ":" && c.content.begin > c.cue.end &&
        (c.source.empty() || c.source.begin < c.cue.begin))
        ++c.cue.end;
    for (uint32_t i = c.source.begin; i < c.source.end; ++i) in_source_[i] = true;
    for (uint32_t i = c.cue.begin; i < c.cue.end; ++i) in_cue_[i] = true;
    found_.push_back(c);
}

CueStrength Finder::cue_strength_of(TokenRange cue) const {
    if (cue.empty()) return CueStrength::None;
    float likeliest = 0.f;
    for (uint32_t t = cue.begin; t < cue.end; ++t)
        if (is_word(t))
            if (const CueEntry* entry = info(t).cue) likeliest = std::max(likeliest, entry->probability);
    constexpr float kStrongShare = 0.8f, kMiddlingShare = 0.5f;
    return likeliest >= kStrongShare ? CueStrength::Strong
           : likeliest >= kMiddlingShare ? CueStrength::Middling
                                         : CueStrength::Weak;
}

SourceKind Finder::source_kind_of(TokenRange source) const {
    if (source.empty()) return SourceKind::None;
    if (source.end == source.begin + 1) {
        const auto w = without_clitic(word(source.begin));
        if (lex_.pronouns_subject(w) || is_relative_pronoun(source.begin))
            return SourceKind::Pronoun;
    }
    // ("The union" opening a sentence has a capital but no name.)
    for (uint32_t t = source.begin; t < source.end; ++t)
        if (is_word(t) && tokens_[t].capitalized && !is_folded(t, lex_.determiners)) return SourceKind::Name;
    return SourceKind::Noun;
}

std::vector<int> Finder::duplicate_reads() const {
    // "The minister refused to say whether …" read twice, as "refused | to say whether …" and
    // "refused to say | whether …": one statement, kept with the shorter cue.
    std::vector<int> same_as(found_.size(), -1);
    // By source, cue start and content end, hashed into one key (a collision only misses a
    // pair: the fields themselves are compared).
    std::unordered_map<uint64_t, size_t> shortest_cue;
    for (size_t i = 0; i < found_.size(); ++i) {
        const Candidate& c = found_[i];
        if (c.source.empty() || c.cue.empty() || c.continuation) continue;
        const uint64_t key =
            (uint64_t{c.cue.begin} << 32 | c.content.end) ^ (uint64_t{c.source.begin} << 16) ^ c.source.end;
        auto [it, added] = shortest_cue.emplace(key, i);
        if (added) continue;
        const Candidate& o = found_[it->second];
        if (o.source.begin != c.source.begin || o.source.end != c.source.end || o.cue.begin != c.cue.begin ||
            o.content.end != c.content.end)
            continue;
        if (c.cue.end < o.cue.end && c.content.begin < o.content.begin) {
            same_as[it->second] = static_cast<int>(i);
            it->second = i;
        } else if (o.cue.end < c.cue.end && o.content.begin < c.content.begin) {
            same_as[i] = static_cast<int>(it->second);
        }
    }
    return same_as;
}

void Finder::run(std::vector<Attribution>& out) {
    out.clear();
    if (tokens_.empty()) return;
    index_quotes();
    build_units();
    in_source_.assign(tokens_.size(), false);
    in_cue_.assign(tokens_.size(), false);
    content_end_tree_.assign(tokens_.size() + 1, 0);
    for (const Unit& unit : units_) {
        for (uint32_t i = unit.begin; i < unit.end; ++i) {
            if (in_quote(i) || !is_word(i)) continue;
            if ((word(i) == "according" || word(i) == "According") && is(i + 1, "to")) {
                try_according_to(i, {i, i + 2}, i + 2, unit);
                ++i;
                continue;
            }
            if (word(i) == "as" || word(i) == "As") {
                if (const TokenRange cue = as_reported_by(i, unit); !cue.empty()) {
                    try_according_to(i, cue, cue.end + 1, unit);
                    i = cue.end;
                    continue;
                }
            }
            if (word(i) == "Asked" ? i == unit.begin
                                    : word(i) == "asked" && i > unit.begin &&
                                          (word(i - 1) == "when" || word(i - 1) == "When" || word(i - 1) == "after")) {
                try_asked(i, unit);
                continue;
            }
            // "Berg, asked whether the bridge was safe, said it was": a parenthesis of its
            // own, with the question as its content and no asker named.
            if (word(i) == "asked" && i > unit.begin && word(i - 1) == "," && i + 1 < unit.end &&
                word(i + 1) != "to" && is_folded(i + 1, lex_.question_openers)) {
                try_asked(i, unit);
                continue;
            }
            if (i == unit.begin && tokens_[i].capitalized) {
                try_fronted_cue(i, unit);
                if (word(i) == "In") try_in_evidence(i, unit);
            }
            if (word(i) == "in") try_trailing_evidence(i, unit);
            // (A capitalised word is no cue, but a participle opening the sentence may be one:
            // "Noting that …, Tester added".)
            const bool opening_cue = tokens_[i].capitalized && lexicon_probability(i) >= kWeakCue;
            if ((cue_strength(i) >= kWeakCue || opening_cue) && try_fronted_gerund(i, unit)) continue;
            if (const float strength = cue_strength(i);
                strength >= kWeakCue || (strength > 0.f && closes_sentence_after_comma(i, unit)))
                try_cue(i, unit);
        }
    }
    attribute_speaker_turns();
    attribute_signed_quotes();
    attribute_leftover_quotes();
    keep_unattributed_quotes();

    const std::vector<int> same_as = duplicate_reads();
    std::vector<size_t> order;
    order.reserve(found_.size());
    for (size_t i = 0; i < found_.size(); ++i)
        if (same_as[i] < 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return found_[a].content.begin < found_[b].content.begin; });
    std::vector<int> new_index(found_.size(), -1);
    for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = static_cast<int>(i);
    for (size_t i = 0; i < found_.size(); ++i) {
        size_t kept = i;
        while (same_as[kept] >= 0) kept = static_cast<size_t>(same_as[kept]);
        new_index[i] = new_index[kept];
    }
    for (size_t i : order) {
        const Candidate& c = found_[i];
        Attribution a;
        a.content = bytes(c.content);
        a.cue = bytes(c.cue);
        a.source = bytes(as_marked_source(without_reporting_relative_clause(c.source)));
        // "She’ll", "they've" (one token): the subject is the pronoun, the clitic the verb's.
        if (c.source.end == c.source.begin + 1) {
            const auto w = word(c.source.begin);
            const auto pronoun = without_clitic(w);
            if (pronoun.size() < w.size() && lex_.pronouns_subject(pronoun)) {
                a.source.end = a.source.begin + static_cast<uint32_t>(pronoun.size());
                if (!c.cue.empty() && c.cue.begin == c.source.end) a.cue.begin = a.source.end;  // "they | ’ve said"
            }
        }
        a.recipient_mention = bytes(c.recipient);
        a.continuation = c.continuation;
        a.continues = c.continues >= 0 ? new_index[c.continues] : -1;
        a.rule = c.rule;
        a.weak_cue = c.weak_cue;
        a.cue_strength = cue_strength_of(c.cue);
        a.source_kind = source_kind_of(c.source);
        a.confidence = lex_.confidence(c.rule, c.weak_cue, a.cue_strength, a.source_kind);
        bool has_quote = false, whole_quote = false;
        for (uint32_t t = c.content.begin; t < c.content.end; ++t)
            if (in_quote(t)) {
                has_quote = true;
                const auto& q = quotes_.quotes[quote_of_[t]];
                whole_quote = q.open_token == c.content.begin && q.end_token >= c.content.end;
                break;
            }
        a.kind = whole_quote ? Kind::Direct : has_quote ? Kind::Mixed : Kind::Indirect;
        out.push_back(a);
    }
}

}  // namespace detail

void find_attributions(std::string_view text, const text::Analysis& analysis, const quotes::QuoteAnalysis& quotes,
                       std::vector<Attribution>& out) {
    detail::Finder(text, analysis, quotes).run(out);
}

}  // namespace qg::attribution
