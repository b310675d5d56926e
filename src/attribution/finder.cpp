// A sieve of attribution rules over cue words learned from PolNeAR (data/cues.tsv):
//  1. every cue word outside a quotation is tried against the constructions of reported
//     speech: "SOURCE cue (RECIPIENT) (that) CONTENT", "CONTENT, SOURCE cue",
//     "CONTENT, cue SOURCE", "according to SOURCE, CONTENT", "…, adding CONTENT";
//  2. quotations left over are attributed through a colon ("SOURCE: “…”") or, when they
//     open a sentence, as continuations of the previous speaker.
// Everything works on token indices of the text stage; spans become bytes at the end.
#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>

#include "attribution/attribution.h"
#include "attribution/lexicon.h"

namespace qg::attribution {

namespace {

using text::Token;
using text::TokenKind;

// Thresholds on P(cue | word) from data/cues.tsv, chosen on the tuning part of PolNeAR
// (articles before 2016-08-08; docs/accuracy.md).
constexpr float kStrongCue = 0.4f;  // a word this likely to be a cue is one wherever the syntax fits
constexpr float kWeakCue = 0.25f;   // below kStrongCue: a cue only before "that", a quotation or a clause
constexpr float kNestedCue = 0.6f;     // inside another statement's content
constexpr float kPredicateCue = 0.1f;  // a verb around a quotation with no other attribution
constexpr uint32_t kMaxSourceTokens = 30;
constexpr uint32_t kMaxAppositionTokens = 20;
// A subject found from the start of its sentence ("The former Republican presidential
// candidate") is a short noun phrase.
constexpr uint32_t kMaxSubjectTokens = 8;
// How far a clause taken as content (and the scan for an opening adverbial) may run
// outside a quotation: far beyond any sentence, and a bound, so that a text that never
// ends its sentence (10 MB without a full stop) costs time and output in proportion to
// its length rather than to its square.
constexpr uint32_t kMaxClauseTokens = 250;
constexpr uint32_t kContinuationUnits = 4;  // how far back a floating quote looks for its speaker
constexpr uint32_t kMixedContinuationLead = 15;  // words before the quotation of a mixed continuation

struct TokenRange {
    uint32_t begin = 0;
    uint32_t end = 0;  // exclusive
    bool empty() const { return end <= begin; }
};

// A stretch of text that is attributed as a whole: a sentence, widened so that no
// quotation crosses its edges (the sentence splitter cuts multi-sentence quotes).
struct Unit {
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t paragraph = 0;
};

struct Candidate {
    TokenRange content, cue, source, recipient;
    Rule rule = Rule::ClauseAfterCue;
    bool weak_cue = false;
    bool continuation = false;
    int continues = -1;
};

class Finder {
public:
    Finder(std::string_view text, const text::Analysis& analysis, const quotes::QuoteAnalysis& quotes)
        : text_(text), tokens_(analysis.tokens), analysis_(analysis), quotes_(quotes), lex_(Lexicon::get()) {
        words_.resize(tokens_.size());
    }

    void run(std::vector<Attribution>& out);

private:
    std::string_view text_;
    const std::vector<Token>& tokens_;
    const text::Analysis& analysis_;
    const quotes::QuoteAnalysis& quotes_;
    const Lexicon& lex_;

    std::vector<int> quote_of_;  // per token: the top-level quote containing it (marks included), or -1
    std::vector<Unit> units_;
    std::vector<uint32_t> unit_of_;
    std::vector<bool> title_case_;  // per unit: a headline in title case
    std::vector<Candidate> found_;
    std::unordered_set<uint64_t> found_contents_;  // (begin << 32 | end) of every found_ content
    // Fenwick tree over content begin tokens holding the largest content end, so that
    // "does any found content overlap this range" is a prefix maximum, not a scan.
    std::vector<uint32_t> content_end_tree_;
    std::vector<bool> in_source_;  // tokens already used as a source
    std::vector<bool> in_cue_;     // tokens already used in a cue
    // Per token: what the lexicon knows of its word, with kLooked in `lists` once looked up.
    // Each word is looked up at most once, and only when a rule asks: words inside
    // quotations and capitalised words are rarely asked about, and looking up every token
    // was a fifth of the stage.
    mutable std::vector<Lexicon::WordInfo> words_;
    static constexpr uint64_t kLooked = uint64_t{1} << 63;
    const Lexicon::WordInfo& info(uint32_t i) const {
        Lexicon::WordInfo& w = words_[i];
        if (!(w.lists & kLooked)) {
            if (tokens_[i].kind == TokenKind::Word) w = lex_.info(word(i));
            w.lists |= kLooked;
        }
        return w;
    }

    std::string_view word(uint32_t i) const { return text::token_text(text_, tokens_[i]); }
    bool is(uint32_t i, std::string_view s) const { return i < tokens_.size() && word(i) == s; }
    bool is_word(uint32_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::Word; }
    bool in_quote(uint32_t i) const { return quote_of_[i] >= 0; }
    bool is_open_mark(uint32_t i) const {
        return in_quote(i) && quotes_.quotes[quote_of_[i]].open_token == i;
    }
    bool is_close_mark(uint32_t i) const {
        return in_quote(i) && quotes_.quotes[quote_of_[i]].closed && quotes_.quotes[quote_of_[i]].close_token == i;
    }
    bool is_folded(uint32_t i, const text::WordSet& set) const {
        return is_word(i) && (info(i).lists & lex_.list_bit(set)) != 0;
    }
    bool is_ly_adverb(uint32_t i) const {
        auto w = word(i);
        return is_word(i) && !tokens_[i].capitalized && w.size() > 4 && w.ends_with("ly");
    }
    bool is_terminal_punct(uint32_t i) const {
        auto w = word(i);
        return tokens_[i].kind == TokenKind::Punct &&
               (w == "." || w == "!" || w == "?" || w == "\xE2\x80\xA6" || w.starts_with(".."));
    }
    // The period of an initial or a title inside a name ("Mikhail B. Pogrebinsky", "Sen. Susan
    // Collins"): attached to a short capitalised word and followed by a capitalised one.
    bool is_abbreviation_period(uint32_t i) const {
        if (word(i) != "." || i == 0 || i + 1 >= tokens_.size()) return false;
        const Token& before = tokens_[i - 1];
        return before.end == tokens_[i].begin && is_word(i - 1) && before.capitalized && word(i - 1).size() <= 4 &&
               is_word(i + 1) && tokens_[i + 1].capitalized && tokens_[i + 1].newlines_before == 0 &&
               (unit_of_.empty() || unit_of_[i] == unit_of_[i + 1]);
    }
    // The period of a state or party abbreviation before a comma or a closing parenthesis:
    // "of Tampa, Fla., who …", "(D-Conn.)".
    bool ends_abbreviation(uint32_t i) const {
        constexpr size_t kMaxAbbreviation = 6;
        if (word(i) != "." || i == 0 || i + 1 >= tokens_.size()) return false;
        const Token& before = tokens_[i - 1];
        return before.end == tokens_[i].begin && is_word(i - 1) && before.capitalized &&
               word(i - 1).size() <= kMaxAbbreviation && (word(i + 1) == "," || word(i + 1) == ")");
    }
    // A party and state after a name: "R-NY", "D-Calif.".
    bool is_party_tag(uint32_t i) const {
        if (!is_word(i) || !tokens_[i].capitalized) return false;
        auto w = word(i);
        if (w.size() >= 3 && w[1] == '-') return true;  // one token: "R-NY"
        return w.size() == 1 && i + 1 < tokens_.size() && (word(i + 1) == "-" || word(i + 1) == "\xE2\x80\x93");
    }
    // Whether a speech adjunct's noun or a time follows within a few words ("in a statement",
    // "on Monday", "in an interview with CNN").
    bool names_speech_event(uint32_t first, const Unit& unit) const {
        constexpr uint32_t kWithin = 3;
        for (uint32_t t = first; t < unit.end && t < first + kWithin; ++t)
            if (is_folded(t, lex_.speech_adjuncts) || is_folded(t, lex_.time_words)) return true;
        return false;
    }
    bool is_relative_pronoun(uint32_t i) const {
        auto w = word(i);
        return is_word(i) && w != "Who" && w != "Which" && is_relative_pronoun_word(w);
    }
    // A source that is only "who", "whose" or "which": a relative clause's subject.
    // The relative pronoun opening the clause that `at` is in ("…, who has often struggled
    // while"), after its comma; empty when the clause is no relative one.
    TokenRange relative_subject_before(uint32_t at, const Unit& unit) const {
        constexpr uint32_t kMaxRelativeTokens = 12;
        for (uint32_t t = at + 1; t > unit.begin + 1 && at + 1 - t < kMaxRelativeTokens;) {
            --t;
            if (in_quote(t) || is_terminal_punct(t) || word(t) == "," || word(t) == ";") return {};
            if (is_relative_pronoun(t) && word(t) != "whose")
                return word(t - 1) == "," ? TokenRange{t, t + 1} : TokenRange{};
        }
        return {};
    }
    bool is_relative_source(TokenRange source) const {
        return source.end - source.begin == 1 && is_relative_pronoun(source.begin);
    }
    bool is_possessive(uint32_t i) const {
        auto w = word(i);
        return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s");
    }
    bool is_participle(uint32_t i) const {
        auto w = word(i);
        return is_word(i) && w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
    }
    bool is_determiner(uint32_t i) const {
        return is_word(i) && !tokens_[i].capitalized && is_folded(i, lex_.determiners);
    }
    bool is_dash(uint32_t i) const {
        auto w = word(i);
        return w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "--";
    }

    void index_quotes();
    void build_units();
    float cue_strength(uint32_t i) const;
    // Whether tokens [first, end) open with a short capitalised source and then a cue word.
    bool opens_with_source_and_cue(uint32_t first, uint32_t end) const;
    // A cue word and the verb chain it heads: "has also said", "went on to say".
    struct CueSite {
        uint32_t cue;
        float strength;     // of the cue word here (a noun of evidence before it makes it strong)
        long before_chain;  // the token before the chain, past auxiliaries, adverbs and "to"
        long chain_start;   // the token before the cue word's own auxiliaries
        uint32_t cue_begin; // where the cue span begins ("went on to say" from "went")
        Candidate candidate() const {
            Candidate c;
            c.cue = {cue_begin, cue + 1};
            return c;
        }
    };
    // How the words before the cue read: a comma or quotation right before it (an inverted
    // source, a comma-set subject or a participle follows) or a subject.
    struct CueContext {
        bool participle = false;
        bool gerund_after_preposition = false;
        bool after_comma_or_quote = false;
        TokenRange inverted_source;           // "…, said Smith."
        TokenRange subject_before_adverbial;  // "Republicans, on the other hand, offered"
    };
    // A cue word in the body of a sentence: which construction it is in decides where its
    // source and its statement are. Each try_ below returns true when the construction is
    // its own (attributed or not), and the cue needs no further reading.
    void try_cue(uint32_t cue, const Unit& unit);
    // The cue word's strength where it stands, or none when it is no cue there (a noun before
    // a cue, a raising verb handing over to the cue after its "to", …).
    std::optional<float> strength_as_cue(uint32_t cue, const Unit& unit) const;
    CueSite cue_site(uint32_t cue, float strength, const Unit& unit) const;
    bool try_passive_of_telling(const CueSite& site, const Unit& unit);  // "Reporters were told that …"
    bool try_passive_with_agent(const CueSite& site, const Unit& unit);  // "… was first reported by MSNBC"
    // "The company is expected to generate …": the subject begins the statement.
    bool try_subject_as_statement(const CueSite& site, const Unit& unit);
    bool try_and_said(const CueSite& site, const Unit& unit);  // "… shook her head and said"
    CueContext cue_context(const CueSite& site, const Unit& unit) const;
    // "“…,” said Smith.", "…, adding that …", "Kasich (R-OH), said": false when nothing is
    // attributed.
    bool attribute_after_comma(const CueSite& site, const CueContext& context, const Unit& unit, Candidate& c,
                               TokenRange& second_half);
    // "SOURCE said CONTENT", "“…,” SOURCE said.": false when nothing is attributed.
    bool attribute_subject_before_cue(const CueSite& site, const CueContext& context, const Unit& unit, Candidate& c,
                                      TokenRange& second_half);
    void try_according_to(uint32_t according, const Unit& unit);
    // "Said Comey, “The thought …”": an inverting cue opening the sentence.
    void try_fronted_cue(uint32_t cue, const Unit& unit);
    // "After thanking the crowd, he touted …": a gerund in an opening adverbial clause is the
    // main clause subject's; true when it attributes one.
    bool try_fronted_gerund(uint32_t gerund, const Unit& unit);
    // "In the poll, Clinton's support has risen": a sentence opening with evidence.
    void try_in_evidence(uint32_t in, const Unit& unit);
    // "Trump has a decisive lead in the polls": a clause ending with the evidence for it.
    void try_trailing_evidence(uint32_t in, const Unit& unit);
    // "Asked whether he would run, Reid said …", "when asked by Ingraham about …": the
    // question is a statement of whoever asked it (named after "by", or not at all).
    void try_asked(uint32_t asked, const Unit& unit);
    bool names_what_follows(uint32_t verb, const Unit& unit) const;
    bool is_determiner_or_number(uint32_t i) const {
        return is_determiner(i) || tokens_[i].kind == TokenKind::Number || (is_word(i) && tokens_[i].capitalized);
    }
    void attribute_leftover_quotes();
    // "Matthews: Well, speculation is bad.", "Q: You were 14 years old.", "Rubio: I Still
    // Believe …": a paragraph opening with a short name and a colon is that name's turn.
    void attribute_speaker_turns();
    bool looks_like_speaker_label(uint32_t first, uint32_t colon) const;
    // A short quotation in title case ("Sunday Morning Futures"): the name of a show, a book
    // or a slogan rather than a statement.
    bool is_title(TokenRange quote) const {
        uint32_t words = 0;
        for (uint32_t t = quote.begin; t < quote.end; ++t) {
            if (!is_word(t)) continue;
            if (!tokens_[t].capitalized && word(t).size() > 3) return false;
            ++words;
        }
        return words > 0 && words <= 6;
    }
    // Whether only punctuation outside quotations follows `range` to the unit's end.
    bool ends_unit(TokenRange range, const Unit& unit) const {
        uint32_t rest = range.end;
        while (rest < unit.end && !in_quote(rest) && tokens_[rest].kind == TokenKind::Punct) ++rest;
        return rest >= unit.end;
    }
    bool attribute_through_predicate_colon(TokenRange quote, uint32_t colon, const Unit& unit);
    bool attribute_through_as_clause(TokenRange quote, uint32_t comma, const Unit& unit);
    // Adds "SOURCE CUE QUOTE" found through a verb the lexicon does not list; true.
    bool add_through_unlisted_verb(TokenRange source, TokenRange cue, TokenRange quote);
    bool attribute_through_unlisted_verb(TokenRange quote, const Unit& unit);
    bool attribute_through_predicate(TokenRange quote, const Unit& unit);
    // The token before the auxiliaries and adverbs that lead up to a verb ("he has also
    // said"), unit.begin - 1 if they open the unit; with stop_at_quote a quoted word ends them.
    long before_verb_chain(uint32_t verb, const Unit& unit, bool stop_at_quote) const;
    // "Clinton issued a statement saying …": the verb and its object join the participle's
    // cue, which makes the attribution.
    bool introduces_object_with_cue(uint32_t cue, const Unit& unit) const;
    // The comma after "Salem, New Hampshire," when `comma` is the one after "Salem"; else
    // `comma`.
    uint32_t after_place_apposition(uint32_t comma, uint32_t limit) const;
    // The first passive auxiliary ("was", "been", "got"; "being" only `with_being`) after
    // `from` and before `verb`, or -1.
    long passive_auxiliary_between(long from, uint32_t verb, bool with_being) const;
    // The strong cue a verb hands its statement over to after "to" or "as", past "have"
    // ("appeared to suggest", "is reported to have called", "is quoted as saying"), or 0.
    uint32_t handed_over_cue(uint32_t after, const Unit& unit) const;
    // Whether "by" and the agent follow a participle within its clause ("was first reported on
    // Tuesday by MSNBC").
    bool agent_follows(uint32_t participle, const Unit& unit) const;
    // "and then predicted: …": a clause that opens with a conjunction and a cue of its own,
    // the same subject's next statement rather than the rest of the one before.
    bool opens_with_own_cue(TokenRange clause) const;
    // "A new poll released Thursday shows that …", "House Republicans supporting the bill
    // said": a participle right after the subject, with a finite cue later in the clause, is
    // the subject's modifier, not a cue.
    bool modifies_subject_of_later_cue(uint32_t cue, const Unit& unit) const;
    // Whether the "and" (or "nor") at `conjunction` joins two subjects, the first opening the
    // unit: "She and her aides said", "Neither Mr. Comey nor other officials said".
    bool conjoins_subjects(uint32_t conjunction, uint32_t last, const Unit& unit) const;
    // "the director of the FBI, James B. Comey, said": a source between commas whose clause
    // opens with a noun phrase is that noun phrase's apposition, and the source is both.
    TokenRange with_leading_apposition_head(TokenRange source, const Unit& unit) const;
    // Whether the unit opens with a noun phrase holding a role noun that runs up to `comma`.
    bool names_role_from_clause_start(uint32_t comma, const Unit& unit) const;
    // The source as PolNeAR marks it: with the comma that closes an apposition ("Jim Prosser,
    // a Twitter spokesman, said": 768 times against 72 on the tuning part).
    TokenRange as_marked_source(TokenRange source) const;
    // Whether the word could be the finite verb of a predicate: a form in -ed or -s, a
    // participle after an auxiliary, or any word the cue lexicon knows.
    bool is_verb_like(uint32_t i) const;
    // A role noun, or its plural ("aides", "advisers").
    bool is_role_noun_or_plural(uint32_t i) const {
        if (!is_word(i)) return false;
        if (is_folded(i, lex_.role_nouns)) return true;
        const auto w = word(i);
        return w.size() > 3 && w.ends_with('s') && lex_.role_nouns.contains(w.substr(0, w.size() - 1));
    }
    // Whether a source found by scanning back from a verb looks like the sentence's subject:
    // a pronoun, a name (with its titles and appositions), or a short "the NOUN".
    bool is_subject_phrase(TokenRange source) const;
    // "They think the progress is real", "Rubio wants to emerge as …": a weak cue word
    // (a verb of belief or intention) whose clause follows it without "that".
    bool takes_clause(TokenRange source, uint32_t before_cue, uint32_t cue, TokenRange content) const;
    // Whether the cue word reads as the finite verb of `source`, with `before_cue` the last
    // token before its auxiliaries and adverbs.
    bool is_finite_verb(uint32_t cue, uint32_t before_cue, TokenRange source) const;
    // Whether a stretch found by scanning back from a cue can be a noun phrase at all: it
    // opens with a capital, a number, a determiner or a pronoun, names someone, or is a
    // bare plural ("analysts say"); "placed national newspaper ads" is a verb phrase.
    bool looks_like_noun_phrase(TokenRange source) const;

    TokenRange source_before(uint32_t last, const Unit& unit) const;
    // For a comma (or dash) closing an apposition ("NAME, a former official,"), the index of
    // the comma opening it; -1 when it closes none.
    long apposition_opening(uint32_t closing, const Unit& unit) const;
    // Whether the stretch between the commas (or dashes) `opening` and `closing` is an
    // apposition to the name before `opening`: a role, an age, a relative clause.
    bool is_apposition(uint32_t opening, uint32_t closing, const Unit& unit) const;
    bool closes_apposition(uint32_t closing, const Unit& unit) const { return apposition_opening(closing, unit) >= 0; }
    TokenRange source_after(uint32_t first, const Unit& unit) const;
    // The subject opening a unit: a name or a pronoun before its first verb.
    TokenRange sentence_subject(const Unit& unit, uint32_t limit) const;
    // A word that starts a verb phrase: an auxiliary ("has", "was"), an adverb of the verb
    // chain ("also"), a cue word, or a lowercase form in -ed.
    bool opens_predicate(uint32_t i) const {
        if (!is_word(i) || tokens_[i].capitalized) return false;
        return is_folded(i, lex_.auxiliaries) || is_folded(i, lex_.aux_adverbs) || info(i).cue ||
               (word(i).size() > 3 && word(i).ends_with("ed"));
    }
    uint32_t after_dateline(uint32_t first, uint32_t limit) const;
    TokenRange content_after(uint32_t first, const Unit& unit, bool& starts_with_that) const;
    TokenRange content_before(uint32_t boundary, const Unit& unit) const;
    TokenRange with_clause_before(TokenRange quote, const Unit& unit) const;
    // "…, who has endorsed Clinton, said …": a relative clause's content ends at the comma
    // that closes it.
    TokenRange before_closing_comma(TokenRange content) const {
        for (uint32_t t = content.begin; t < content.end; ++t)
            if (word(t) == "," && !in_quote(t)) return has_word({content.begin, t}) ? TokenRange{content.begin, t} : TokenRange{};
        return content;
    }
    TokenRange recipient_at(uint32_t first, const Unit& unit) const;
    // "Speaking to The National, SDF spokesman Farhad Shami said": the addressee named by a
    // participle opening the sentence, when the source follows its comma.
    TokenRange opening_recipient(const Unit& unit, uint32_t source_begin) const;
    uint32_t skip_speech_adjunct(uint32_t first, const Unit& unit) const;
    // Past "of NOUN PHRASE" up to the comma before `limit` ("said of Trump, “…”"), or `of`
    // itself when a verb or quotation stands in between.
    uint32_t skip_topic(uint32_t of, uint32_t limit) const {
        constexpr uint32_t kMaxTopicTokens = 8;
        uint32_t t = of + 1;
        while (t < limit && t - of <= kMaxTopicTokens && word(t) != "," && !in_quote(t) && !is_folded(t, lex_.auxiliaries))
            ++t;
        return t < limit && word(t) == "," ? t : of;
    }
    // The end of a cue word and the particle the annotators usually join to it ("talked
    // about", "called for", "referring to"; data/particle_joins.tsv).
    uint32_t joined_particle_end(uint32_t cue, const Unit& unit) const {
        uint32_t next = cue + 1;
        if (next < unit.end && is_word(next) && next + 1 < unit.end && !in_quote(next) &&
            (lex_.particle_joins(word(cue), word(next)) || Lexicon::phrasal_cue(info(cue), word(next))))
            return next + 1;
        return next;
    }
    TokenRange quote_range(int quote) const {
        const auto& q = quotes_.quotes[quote];
        return {q.open_token, q.end_token};
    }
    bool has_word(TokenRange r) const {
        for (uint32_t i = r.begin; i < r.end; ++i)
            if (tokens_[i].kind == TokenKind::Word || tokens_[i].kind == TokenKind::Number) return true;
        return false;
    }
    bool overlaps_found_content(TokenRange r) const {
        // Some content begins before r ends and ends after r begins.
        uint32_t furthest_end = 0;
        for (size_t i = std::min<size_t>(r.end, tokens_.size()); i > 0; i -= i & (~i + 1))
            furthest_end = std::max(furthest_end, content_end_tree_[i]);
        return furthest_end > r.begin;
    }
    // A source that is only a determiner, a clause opener or "It's": no one spoke.
    bool names_no_speaker(TokenRange source) const;
    void resolve_dummy_it(Candidate& c) const;
    // For an object pronoun ending a relative clause ("organizations that have endorsed
    // him"), the noun phrase the clause modifies; empty when there is none.
    TokenRange subject_before_relative(uint32_t object, const Unit& unit) const;
    // "The administration, for its part, expressed …": before the comma ending an adjunct
    // between subject and verb, the subject opening the sentence; empty when there is none.
    TokenRange subject_before_adjunct(uint32_t comma, const Unit& unit) const;
    void add(Candidate c);
    void add(TokenRange source, TokenRange cue, TokenRange content, Rule rule) {
        Candidate c;
        c.source = source;
        c.cue = cue;
        c.content = content;
        c.rule = rule;
        add(c);
    }
    // A quotation continuing found_[of] (or what that one continues itself).
    void add_continuation(TokenRange content, int of, Rule rule) {
        Candidate c;
        c.content = content;
        c.continuation = true;
        c.continues = found_[of].continuation ? found_[of].continues : of;
        c.rule = rule;
        add(c);
    }
    ByteSpan bytes(TokenRange r) const {
        if (r.empty()) return {};
        return {tokens_[r.begin].begin, tokens_[r.end - 1].end};
    }
};

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
            // "“Is it over?” Trump asked.": the splitter ends a sentence at a question or
            // exclamation inside a quotation; a short source-and-cue sentence after it is
            // the quotation's attribution.
            if (!merge && last.paragraph == s.paragraph && q >= 0 && quotes_.quotes[q].closed &&
                quotes_.quotes[q].close_token + 1 == last.end && last.end >= 2 &&
                (word(last.end - 2) == "?" || word(last.end - 2) == "!"))
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
        uint32_t long_words = 0, capitalised = 0;
        for (uint32_t t = units_[u].begin; t < units_[u].end; ++t) {
            unit_of_[t] = u;
            if (is_word(t) && word(t).size() > 3) {
                ++long_words;
                capitalised += tokens_[t].capitalized;
            }
        }
        constexpr uint32_t kMinHeadlineWords = 4;
        title_case_[u] = long_words >= kMinHeadlineWords && capitalised == long_words;
    }
}

bool Finder::opens_with_source_and_cue(uint32_t first, uint32_t end) const {
    constexpr uint32_t kMaxSourceWords = 6;
    if (first >= end || !is_word(first) || !tokens_[first].capitalized) return false;
    for (uint32_t t = first + 1; t < end && t <= first + kMaxSourceWords; ++t) {
        if (!is_word(t) || in_quote(t)) return false;
        if (cue_strength(t) >= kStrongCue) return true;
    }
    return false;
}

float Finder::cue_strength(uint32_t i) const {
    if (!is_word(i) || in_quote(i)) return 0.f;
    // Names are not cues; in a headline in title case ("Trump Says He Never Pledged …") a
    // capitalised cue word still is, unless it opens it.
    if (tokens_[i].capitalized && !(!title_case_.empty() && title_case_[unit_of_[i]] && i > units_[unit_of_[i]].begin))
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
    // The capitalised words before the comma name the place the state or country follows.
    const bool place_before = comma > 0 && is_word(comma - 1) && tokens_[comma - 1].capitalized;
    // and a subject follows ("…, New Hampshire, Trump went"; not "… in Iowa, Clinton, the
    // once-presumptive nominee, …", a name and its apposition).
    if (place_before && t > comma + 1 && t < limit && word(t) == "," && t + 1 < limit && is_word(t + 1) &&
        (tokens_[t + 1].capitalized || lex_.pronouns_subject(word(t + 1))))
        return t;
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
        if (cue_strength(t) >= kStrongCue && (later == "said" || (later.ends_with("s") && after_name_or_time)))
            return true;
    }
    return false;
}

bool Finder::conjoins_subjects(uint32_t conjunction, uint32_t last, const Unit& unit) const {
    constexpr uint32_t kMaxFirstConjunct = 5;
    auto w = word(conjunction);
    if (!(w == "and" || w == "nor") || conjunction <= unit.begin || conjunction >= last) return false;
    const uint32_t next = conjunction + 1;
    if (!(tokens_[next].capitalized || is_folded(next, lex_.determiners) || is_folded(next, lex_.noun_phrase_openers)))
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
         (conjunction == first + 1 && is_role_noun_or_plural(first)))) {
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
    while (p >= static_cast<long>(unit.begin) && !(stop_at_quote && in_quote(static_cast<uint32_t>(p))) &&
           (is_folded(static_cast<uint32_t>(p), lex_.aux_adverbs) || is_ly_adverb(static_cast<uint32_t>(p)) || floating(p) ||
            perfect_since(p)))
        --p;
    return p;
}

long Finder::apposition_opening(uint32_t closing, const Unit& unit) const {
    auto mark = word(closing);
    long j = static_cast<long>(closing) - 1;
    const long lo = static_cast<long>(unit.begin);
    while (j > lo && word(static_cast<uint32_t>(j)) != mark && static_cast<long>(closing) - j <= kMaxAppositionTokens &&
           !in_quote(static_cast<uint32_t>(j)))
        --j;
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
        if (all_capitalised && j > lo && is_folded(static_cast<uint32_t>(j) - 1, lex_.role_nouns) &&
            !tokens_[static_cast<uint32_t>(j) - 1].capitalized)
            return j;
        // "The leader of the Anti-Defamation League, Jonathan Greenblatt,", "One of his
        // advisers, Tad Devine,": a noun phrase with a role in it opens the clause.
        if (all_capitalised && j > lo && names_role_from_clause_start(static_cast<uint32_t>(j), unit)) return j;
    }
    return is_apposition(static_cast<uint32_t>(j), closing, unit) ? j : -1;
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
    if (is_relative_pronoun(opener) && j > lo &&
        (tokens_[static_cast<uint32_t>(j) - 1].capitalized || word(static_cast<uint32_t>(j) - 1) == ")" ||
         (word(static_cast<uint32_t>(j)) == "," && closes_apposition(static_cast<uint32_t>(j), unit))))
        return true;
    // It must open like an apposition: "a former official", "currently …", "58", "Twitter’s
    // director", a role; "Sanders stepped up …" is a clause.
    auto first_word = word(opener);
    bool appositive = is_folded(opener, lex_.apposition_openers) || tokens_[opener].kind == TokenKind::Number ||
                      is_party_tag(opener) ||  // "Sen. Rand Paul, R-Ky., told"
                      first_word.ends_with("'s") || first_word.ends_with("\xE2\x80\x99s") ||
                      (opener + 1 < closing && (word(opener + 1) == "'s" || word(opener + 1) == "\xE2\x80\x99s"));
    if (!appositive) {
        // "Jack Mozloom, Senior Fellow at …": a capitalised role anywhere; "Matdos Santos,
        // legal director for …": a role among the first words.
        constexpr uint32_t kRoleWithin = 3;
        uint32_t limit = tokens_[opener].capitalized ? closing : std::min(closing, opener + kRoleWithin);
        for (uint32_t t = opener; t < limit && !appositive; ++t) appositive = is_folded(t, lex_.role_nouns);
    }
    if (!appositive) return false;
    uint32_t before = static_cast<uint32_t>(j - 1);
    // "Ramil Carr, 31, a Philadelphia photographer,": an age between the name and the role.
    bool age_before = tokens_[before].kind == TokenKind::Number && before >= unit.begin + 2 && word(before - 1) == "," &&
                      is_word(before - 2) && tokens_[before - 2].capitalized;
    bool name_before = (is_word(before) && tokens_[before].capitalized) || word(before) == ")" || age_before;
    // ("numerous military veterans …, including Mr. Jebens,": members named after any group.)
    if (!name_before && word(opener) != "including") return false;
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
            (tokens_[static_cast<uint32_t>(j) - 1].capitalized || opener + 1 == last))
            last = static_cast<uint32_t>(j) - 1;
    }
    long k = static_cast<long>(last);
    const long lo = static_cast<long>(unit.begin);
    uint32_t verb_phrase_start = 0;  // "released a" in "The town released a statement"
    // "who said" / "which reported": the relative pronoun is the source.
    if (is_relative_pronoun(last) && word(last) != "whose") return {last, last + 1};
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
            if (w == "." && k > lo && tokens_[i - 1].end == t.begin && is_word(i - 1) && k != static_cast<long>(last)) {
                --k;  // the period of "Mr." or "Sen."
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
                bool name_after = i < last && i > unit.begin && !tokens_[i - 1].capitalized && word(i - 1) != ")";
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
            if (w == "&" || w == "'" || w == "/" || w == "%") {  // "47% say"
                --k;
                continue;
            }
            break;
        }
        if (t.kind == TokenKind::Quote) break;
        // (A cue word right after a determiner is a noun: "The petition accuses".)
        const bool verb_before_object = w.size() > 3 && w.ends_with("ed") && i + 1 <= last && is_determiner(i + 1) &&
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
            // "a spokesman for Bernie Sanders": a role and whom it serves.
            bool role_for = w == "for" && k > lo && is_role_noun_or_plural(i - 1);
            if (!names_around && !role_for && !(k > lo && conjoins_subjects(i, last, unit))) break;
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
        const bool joint = !tokens_[stop].capitalized && (sw == "for" || sw == "and");
        uint32_t start = unit.begin;
        while (start < stop && is_folded(start, lex_.leading_conjunctions)) ++start;
        bool phrase = joint && start < stop && (is_determiner(start) || tokens_[start].capitalized) &&
                      last + 1 - start <= kMaxSourceTokens;
        for (uint32_t t = start; phrase && t < stop; ++t) {
            if (in_quote(t) || tokens_[t].kind == TokenKind::Quote) phrase = false;
            else if (tokens_[t].kind == TokenKind::Punct) phrase = word(t) == "." || word(t) == "-" || word(t) == "’s" || word(t) == "'s";
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
    for (uint32_t k = first + 1; !np_start && !is_folded(first, lex_.clause_openers) && k < unit.end && k < first + 4 && is_word(k); ++k)
        np_start = tokens_[k].capitalized;
    if (!np_start) return {};
    uint32_t end = first;
    bool before_comma = true;
    while (end < unit.end && end - first < kMaxSourceTokens) {
        if (in_quote(end) || (is_terminal_punct(end) && !is_abbreviation_period(end) && !ends_abbreviation(end))) break;
        auto t = word(end);
        if (t == ";" || t == ":") break;
        if (t == ",") before_comma = false;
        if (before_comma && is_folded(end, lex_.auxiliaries)) return {};  // a clause, not a noun phrase
        // "said ACLU director Anthony Romero in a statement", "said James B. Comey on Monday":
        // the circumstance of the speech is not part of its source.
        if (end > first && !tokens_[end].capitalized && is_folded(end, lex_.adjunct_openers) &&
            names_speech_event(end + 1, unit))
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
        comma = after_place_apposition(comma, limit);  // "Speaking in Salem, New Hampshire, Trump …"
        // "At an event in Ames, Iowa, on Sunday, Mrs. Clinton …": and a time after it.
        if (comma + 2 < limit && (is_folded(comma + 1, lex_.time_preludes) || is_folded(comma + 1, lex_.time_words))) {
            uint32_t next = comma + 2;
            while (next < limit && next - comma <= 4 && is_word(next) && word(next) != ",") ++next;
            if (next < limit && word(next) == "," && is_folded(next - 1, lex_.time_words)) comma = next;
        }
        first = comma + 1;
        while (first < limit && !is_word(first)) ++first;
        if (first >= limit || in_quote(first)) return {};
    }
    // "Last year, he …", "Outside the arena, about 200 protesters …": a capitalised word with
    // lowercase words after it, up to a comma, is an opening adverbial when a pronoun or a
    // name follows the comma.
    constexpr uint32_t kMaxOpenerTokens = 8;
    if (first + 1 < limit && ((is_word(first + 1) && !tokens_[first + 1].capitalized) ||
                              tokens_[first + 1].kind == TokenKind::Number)) {
        uint32_t comma = first + 1;
        while (comma < limit && comma - first <= kMaxOpenerTokens && word(comma) != "," && !in_quote(comma)) ++comma;
        const uint32_t next = comma + 1;
        if (comma < limit && word(comma) == "," && next < limit && is_word(next) &&
            (tokens_[next].capitalized || lex_.pronouns_subject(word(next))) && !is_folded(next, lex_.clause_openers))
            first = next;
    }
    auto w = word(first);
    if (lex_.pronouns_subject(w) && w != "you") return {first, first + 1};
    uint32_t end = first;
    if (w == "The" || w == "A" || w == "An") ++end;
    uint32_t names = end;
    while (names < limit && ((is_word(names) && tokens_[names].capitalized) || is_abbreviation_period(names))) ++names;
    // "The former Republican presidential candidate continued, saying …", "Republican
    // presidential candidate Donald Trump issued a statement, …": the noun phrase runs on over
    // lowercase words to the first that opens the predicate.
    uint32_t phrase = names;
    while (phrase < limit && phrase - first < kMaxSubjectTokens && is_word(phrase) && !in_quote(phrase) &&
           !opens_predicate(phrase) && !is_folded(phrase, lex_.clause_openers) && !is_ly_adverb(phrase) &&
           !is_folded(phrase, lex_.adjunct_openers) && !is_folded(phrase, lex_.time_words))
        ++phrase;
    if (phrase > names && phrase < limit && phrase > end && opens_predicate(phrase) && !is_folded(phrase - 1, lex_.determiners))
        names = phrase;
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
    // Up to "that", when it comes soon: "told a rally in Ohio that …".
    for (uint32_t i = first; i < unit.end && i < first + 8; ++i) {
        if (word(i) == "that" && i > first) return {first, i};
        if (in_quote(i) || word(i) == "," || word(i) == ":") break;
        // (Not across a clause of its own: "told MSNBC Monday when asked about concerns that …".)
        if (i > first && !tokens_[i].capitalized && (is_folded(i, lex_.clause_openers) || cue_strength(i) >= kStrongCue)) break;
    }
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
            if (elsewhere) return {first, end};
        }
        if (run_end - first <= 4 && (run_end >= unit.end || !tokens_[run_end].capitalized)) return {first, run_end};
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
    // "reported at least six planes filled the skies": "at least" quantifies; it opens no adjunct.
    if (word(first) == "at" && first + 1 < unit.end && (word(first + 1) == "least" || word(first + 1) == "most")) return first;
    // "declined to comment", "refused to answer": an infinitive is what was (not) said.
    if (word(first) == "to" && first + 1 < unit.end && is_word(first + 1) && !tokens_[first + 1].capitalized &&
        info(first + 1).cue)
        return first;
    bool has_adjunct_noun = false;
    for (uint32_t i = first; i < unit.end && i < first + 12; ++i) {
        if (is_folded(i, lex_.speech_adjuncts) || is_folded(i, lex_.time_words)) has_adjunct_noun = true;
        // "said during a car ride in Cleveland.": a phrase running to the clause's end is the
        // circumstance of the speech, whatever its words.
        if (is_terminal_punct(i) && !is_abbreviation_period(i)) return i;
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
TokenRange Finder::content_after(uint32_t first, const Unit& unit, bool& starts_with_that) const {
    starts_with_that = false;
    uint32_t i = first;
    if (i < unit.end && (word(i) == ":" || word(i) == ",")) ++i;
    // "…, Fiorina said, adding that …": the participle starts an attribution of its own.
    if (i > first && i < unit.end && !in_quote(i) && cue_strength(i) >= kStrongCue && word(i).ends_with("ing"))
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
        } else if (is_close_mark(end) && end + 1 < unit.end && !in_quote(end + 1) && cue_strength(end + 1) >= kStrongCue &&
                   word(end + 1).ends_with("ing")) {
            ++end;  // "mocked the “consultation,” saying …": the comma inside the quotation
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

TokenRange Finder::subject_before_adjunct(uint32_t comma, const Unit& unit) const {
    uint32_t opening = comma;
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
        closes_apposition(comma, unit))
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
    while (start > unit.begin && !in_quote(start - 1) && word(start - 1) != ":" && word(start - 1) != ";" &&
           quote.begin - start < kMaxClauseTokens)
        --start;
    if (start > unit.begin && in_quote(start - 1)) return quote;  // another quotation's clause
    return {start, quote.end};
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
    if (it == 0 || c.cue.begin != it + 1 || word(c.cue.begin) != "clear") return;
    auto verb = word(it - 1);
    if (verb != "made" && verb != "make" && verb != "makes" && verb != "making") return;
    const Unit& unit = units_[unit_of_[it]];
    TokenRange subject = it - 1 > unit.begin ? source_before(it - 2, unit) : TokenRange{};
    c.source = !subject.empty() && looks_like_noun_phrase(subject) ? subject : TokenRange{};
    c.cue.begin = it - 1;
}

void Finder::add(Candidate c) {
    if (!c.source.empty() && names_no_speaker(c.source)) {
        // "The email goes on to say": the noun taken for the cue's first word is the source's.
        if (c.source.end != c.cue.begin || c.cue.end - c.cue.begin < 2) return;
        c.source.end = ++c.cue.begin;
    }
    if (c.source.end == c.source.begin + 1 && (word(c.source.begin) == "it" || word(c.source.begin) == "It"))
        resolve_dummy_it(c);
    // "the attack showed …": an event is not a speaker.
    if (!c.source.empty() && c.source.end - c.source.begin <= 3 && is_folded(c.source.end - 1, lex_.event_nouns)) {
        bool named = false;
        for (uint32_t t = c.source.begin + 1; t < c.source.end; ++t) named |= tokens_[t].capitalized;
        if (!named) return;
    }
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

void Finder::try_according_to(uint32_t according, const Unit& unit) {
    Candidate c;
    c.cue = {according, according + 2};
    uint32_t first = according + 2;
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
    for (int appositions = 0; appositions < 2 && end < unit.end && word(end) == "," && end > first; ++appositions) {
        uint32_t closing = end + 1;
        while (closing < unit.end && closing - end <= kMaxAppositionTokens && !in_quote(closing) && word(closing) != "," &&
               word(closing) != ";" && !is_terminal_punct(closing))
            ++closing;
        if (closing >= unit.end || closing - end > kMaxAppositionTokens || in_quote(closing) ||
            !is_apposition(end, closing, unit))
            break;
        end = closing;
    }
    c.source = {first, end};
    if (!has_word(c.source)) return;
    bool starts_with_that = false;
    TokenRange second_half;  // of a clause the source interrupts
    // "… “look for a psychiatrist,” according to Reuters": the comma is inside the quotation.
    bool after_comma = according > unit.begin && (word(according - 1) == "," ||
                                                  (is_close_mark(according - 1) && according >= unit.begin + 2 &&
                                                   word(according - 2) == ","));
    if (after_comma) {
        c.content = content_before(according, unit);
        // "But, according to the poll, 46 percent …": what stands before is an opener, and
        // the statement follows the source.
        uint32_t words_before = 0;
        for (uint32_t t = c.content.begin; t < c.content.end; ++t) words_before += is_word(t);
        if (words_before <= 2 && end < unit.end && word(end) == ",") {
            TokenRange after = content_after(end + 1, unit, starts_with_that);
            if (!after.empty()) c.content = after;
        } else if (end + 1 < unit.end && word(end) == "," && is_word(end + 1) && !tokens_[end + 1].capitalized &&
                   !is_folded(end + 1, lex_.clause_openers) && !is_relative_pronoun(end + 1) && !c.content.empty()) {
            // "At the heart of the trouble, according to Dennis Ross, was a decision …": the
            // source interrupts the clause it reports; the statement is both halves.
            second_half = content_after(end + 1, unit, starts_with_that);
            if (!second_half.empty() && opens_with_own_cue(second_half)) second_half = {};
        }
    } else if (end < unit.end && (word(end) == "," || word(end) == ":")) {
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
    if (gerund == unit.begin || !word(gerund).ends_with("ing") || tokens_[gerund].capitalized) return false;
    // The opener starts the sentence, or follows a conjunction that does ("But while saying …").
    const uint32_t opener = gerund - 1;
    if (opener > unit.begin && !(opener == unit.begin + 1 && is_folded(unit.begin, lex_.leading_conjunctions))) return false;
    if (!is_folded(opener, lex_.gerund_openers)) return false;
    uint32_t comma = gerund + 1;
    while (comma < unit.end && comma - gerund <= kMaxClauseTokens && (in_quote(comma) || word(comma) != ",")) {
        if (!in_quote(comma) && (word(comma) == ";" || word(comma) == ":" ||
                                 (is_terminal_punct(comma) && !is_abbreviation_period(comma) && !ends_abbreviation(comma))))
            return false;
        ++comma;
    }
    if (comma >= unit.end || word(comma) != ",") return false;
    // The main clause's subject: a pronoun or a short capitalised name, then its verb.
    uint32_t first = comma + 1;
    if (first >= unit.end || !is_word(first) || in_quote(first)) return false;
    uint32_t end = first;
    if (lex_.pronouns_subject(word(first))) {
        end = first + 1;
    } else {
        constexpr uint32_t kMaxNameTokens = 5;
        while (end < unit.end && end - first < kMaxNameTokens &&
               ((is_word(end) && tokens_[end].capitalized) || (word(end) == "." && is_abbreviation_period(end))))
            ++end;
    }
    if (end == first || end >= unit.end || (!opens_predicate(end) && !is_verb_like(end))) return false;
    uint32_t begin = skip_speech_adjunct(gerund + 1, unit);
    if (begin < comma && word(begin) == "that") ++begin;
    TokenRange content{gerund + 1, comma};
    if (begin < comma) content.begin = begin;
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
    // "recent polls show Clinton with a lead": after a noun of evidence a weak cue word is one.
    if (strength < kStrongCue && cue > unit.begin && is_folded(cue - 1, lex_.evidence_nouns)) strength = kStrongCue;
    // "the statement said": a weak cue word right before a strong one is the subject's noun,
    // and so is any cue word after a determiner ("His petition accuses").
    if (cue + 1 < unit.end && cue_strength(cue + 1) >= kStrongCue &&
        (strength < kStrongCue || (cue > unit.begin && is_folded(cue - 1, lex_.determiners))))
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

Finder::CueSite Finder::cue_site(uint32_t cue, float strength, const Unit& unit) const {
    CueSite site{cue, strength, 0, 0, cue};
    // What stands right before the cue, past auxiliaries and adverbs ("has also said").
    long p = before_verb_chain(cue, unit, true);
    const long chain_start = p;  // before this verb's own auxiliaries (p may move back past "to")
    // "He went on to say", "declined to say": the subject stands before the verb chain.
    if (p > static_cast<long>(unit.begin) && word(static_cast<uint32_t>(p)) == "to") {
        long q = p - 1;
        while (q > static_cast<long>(unit.begin) && p - q < 5 && is_word(static_cast<uint32_t>(q)) &&
               !tokens_[static_cast<uint32_t>(q)].capitalized && !is_folded(static_cast<uint32_t>(q), lex_.clause_openers) &&
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

bool Finder::try_passive_of_telling(const CueSite& site, const Unit& unit) {
    const auto& [cue, strength, p, chain_start, cue_begin] = site;
    Candidate c = site.candidate();
    // "Reporters were told that …": the subject of a passive verb of telling is its recipient;
    // the source is not named. The statement is kept, with no source.
    // ("Clinton is telling customers that …" is progressive, not passive.)
    if (is_folded(cue, lex_.recipient_verbs) && !word(cue).ends_with("ing") && !(cue + 1 < unit.end && word(cue + 1) == "by")) {
        if (const long aux = passive_auxiliary_between(p, cue, true); aux >= 0) {
            bool starts_with_that = false;
            c.cue = {static_cast<uint32_t>(aux), cue + 1};
            c.content = content_after(cue + 1, unit, starts_with_that);
            if (c.content.empty() || (strength < kStrongCue && !starts_with_that)) return true;
            c.rule = Rule::Passive;
            c.weak_cue = strength < kStrongCue;
            add(c);
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
            while (end < unit.end && !in_quote(end) && word(end) != "," && !is_terminal_punct(end) && word(end) != ";" &&
                   end - cue < kMaxSourceTokens && !opens_what_was_told(end))
                ++end;
            if (end < unit.end && opens_what_was_told(end)) {
                bool starts_with_that = false;
                const TokenRange told = content_after(end, unit, starts_with_that);
                if (!told.empty()) {
                    c.cue = {static_cast<uint32_t>(p) + 1, cue + 1};
                    c.source = {cue + 2, end};
                    c.recipient = source_before(static_cast<uint32_t>(p), unit);
                    c.content = told;
                    c.rule = Rule::Passive;
                    c.weak_cue = strength < kStrongCue;
                    add(c);
                    return true;
                }
            }
            TokenRange content = source_before(static_cast<uint32_t>(p), unit);
            if (end > cue + 2 && !content.empty()) {
                c.cue = {static_cast<uint32_t>(p) + 1, cue + 1};
                c.source = {cue + 2, end};
                c.content = content;
                c.rule = Rule::Passive;
                c.weak_cue = strength < kStrongCue;
                add(c);
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
        const TokenRange rest = subject.empty() ? TokenRange{} : content_after(cue + 1, unit, starts_with_that);
        if (!rest.empty()) {
            c.cue = {static_cast<uint32_t>(p) + 1, cue + 1};
            c.content = subject;
            c.rule = Rule::Passive;
            c.weak_cue = strength < kStrongCue;
            const size_t head = found_.size();
            add(c);
            if (found_.size() > head) add_continuation(rest, static_cast<int>(head), Rule::SplitClause);
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
        if (!subject.empty()) {
            c.source = subject;
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
    if (after_comma_or_quote && p >= static_cast<long>(unit.begin) && word(static_cast<uint32_t>(p)) == ",") {
        subject_before_adverbial = subject_before_adjunct(static_cast<uint32_t>(p), unit);
        if (!subject_before_adverbial.empty() && !participle) after_comma_or_quote = false;
    }
    if (after_comma_or_quote && !participle && is_folded(cue, lex_.inverting_verbs)) {
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
        constexpr uint32_t kMaxInvertedName = 6;
        const uint32_t inverted_length = inverted_source.end - inverted_source.begin;
        bool short_source = !inverted_source.empty() &&
                            ((tokens_[inverted_source.begin].capitalized && inverted_length <= kMaxInvertedName) ||
                             inverted_length <= 3);
        if ((!reaches_end || !short_source) && p >= static_cast<long>(unit.begin) &&
            word(static_cast<uint32_t>(p)) == "," && closes_apposition(static_cast<uint32_t>(p), unit))
            after_comma_or_quote = false;
        // "…, said his survey of Republicans showed …": a finite verb before any comma or
        // relative pronoun makes what follows the cue a clause, the statement, not its source.
        if (after_comma_or_quote && p >= static_cast<long>(unit.begin) && word(static_cast<uint32_t>(p)) == ",")
            for (uint32_t t = inverted_source.begin + 1; t < inverted_source.end; ++t) {
                if (word(t) == "," || is_relative_pronoun(t) || in_quote(t)) break;
                const bool finite = is_word(t) && !tokens_[t].capitalized && !is_determiner(t - 1) &&
                                    (is_folded(t, lex_.auxiliaries) || cue_strength(t) >= kStrongCue ||
                                     (word(t).size() > 3 && word(t).ends_with("ed")));
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
        // The last such: found_ holds this unit's candidates at its end, so the scan
        // back stops at the first from an earlier unit.
        const Candidate* previous = nullptr;
        for (auto f = found_.rbegin(); f != found_.rend() && f->cue.begin >= unit.begin && !previous; ++f)
            if (f->cue.begin < cue && !f->source.empty()) previous = &*f;
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
            if (c.source.empty()) c.source = sentence_subject(unit, static_cast<uint32_t>(p));
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
                bool appositions_only = !subject.empty() && subject.end < static_cast<uint32_t>(p) &&
                                        word(subject.end) == "," && p - subject.end <= kMaxAppositionTokens;
                for (uint32_t t = subject.end; appositions_only && t < static_cast<uint32_t>(p); ++t)
                    appositions_only = !in_quote(t) && !is_verb_like(t) && !is_folded(t, lex_.clause_openers);
                if (appositions_only) c.source = {subject.begin, static_cast<uint32_t>(p)};
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
    if (c.source.end < c.cue.begin && word(c.source.end).ends_with("ed") && is_determiner(c.source.end + 1))
        c.cue.begin = c.source.end;
    // "Trump also took multiple swipes at", "made no mention of": the words between the
    // subject and a cue noun are the cue's.
    constexpr uint32_t kMaxCueVerbPhrase = 4;  // measured against 2 and 6 on the tuning part
    if (c.source.end < c.cue.begin && c.cue.begin - c.source.end <= kMaxCueVerbPhrase) {
        bool words_only = true;
        for (uint32_t t = c.source.end; t < c.cue.begin && words_only; ++t)
            words_only = is_word(t) && !in_quote(t) && !tokens_[t].capitalized && !is_folded(t, lex_.clause_openers);
        if (words_only) c.cue.begin = c.source.end;
    }
    c.recipient = addressee.empty() ? opening_recipient(unit, c.source.begin) : addressee;
    uint32_t next = cue + 1;
    if (c.recipient.empty() && is_folded(cue, lex_.recipient_verbs)) {
        c.recipient = recipient_at(next, unit);
        if (!c.recipient.empty()) next = c.recipient.end;
    }
    if (c.recipient.empty()) next = c.cue.end = std::max(c.cue.end, joined_particle_end(cue, unit));
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
    bool starts_with_that = false;
    c.content = content_after(next, unit, starts_with_that);
    if (is_relative_source(c.source) && c.source.begin > unit.begin &&
        word(c.source.begin - 1) == ",")
        c.content = before_closing_comma(c.content);
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
        c.content = content_before(c.source.begin, unit);
        quoted = !c.content.empty() && in_quote(c.content.begin);
        c.rule = quoted ? Rule::QuoteBeforeSource : Rule::ClauseBeforeSource;
    } else {
        c.rule = quoted ? Rule::QuoteAfterCue : starts_with_that ? Rule::ThatClause : Rule::ClauseAfterCue;
    }
    if (strength < kStrongCue && !(starts_with_that || quoted) &&
        !takes_clause(c.source, static_cast<uint32_t>(p), cue, c.content))
        return false;
    // "being pushed by Collins", "posted by CBN": a participle before its agent is no cue.
    if (!quoted && !starts_with_that && !c.content.empty() && word(c.content.begin) == "by") return false;
    return true;
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
    // "Taylor Bush said he did not recognize …": inside a statement already found, only a
    // verb that is nearly always a cue starts one of its own.
    if (c.rule == Rule::ClauseAfterCue && site.strength < kNestedCue && overlaps_found_content({cue, cue + 1})) return;
    c.weak_cue = site.strength < kStrongCue;
    // Measured on the tuning articles (tools/calibrate), a weak cue word is right under a
    // quarter of the time when the construction itself is loose: leave those out.
    if (c.weak_cue && (c.rule == Rule::CommaSubject || c.rule == Rule::ParticipleSubject))
        return;
    const size_t head = found_.size();
    add(c);
    if (!second_half.empty() && found_.size() > head) add_continuation(second_half, static_cast<int>(head), Rule::SplitClause);
}

bool Finder::attribute_through_unlisted_verb(TokenRange quote, const Unit& unit) {
    for (uint32_t t = quote.begin; t > unit.begin + 1 && quote.begin - t < 25;) {
        --t;
        if (in_quote(t) || word(t) == ";" || is_terminal_punct(t)) return false;
        if (word(t) != "that" && word(t) != ":") continue;
        uint32_t verb = t - 1;
        if (!is_word(verb) || tokens_[verb].capitalized || is_folded(verb, lex_.auxiliaries) ||
            is_folded(verb, lex_.clause_openers) || is_folded(verb, lex_.aux_adverbs))
            return false;
        const long p = before_verb_chain(verb, unit, false);
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
    auto names_several = [&](uint32_t t) {
        auto w = word(t);
        return (w.ends_with("s") && !w.ends_with("ss")) || is_folded(t, lex_.collective_nouns);
    };
    if ((names_several(first) || is_role_noun_or_plural(first)) && first + 1 < source.end &&
        is_folded(first + 1, lex_.linking_adjectives))
        return true;
    // "law enforcement officials", "three-quarters of the voters": a short phrase whose head
    // names several.
    // (Not a prepositional phrase: "at small-scale campaign events".)
    if (is_folded(first, lex_.adjunct_openers) || is_folded(first, lex_.cue_particles)) return false;
    return source.end - first <= 4 && names_several(source.end - 1);
}

bool Finder::is_subject_phrase(TokenRange source) const {
    if (source.end - source.begin == 1 && lex_.pronouns_subject(word(source.begin))) return true;
    if (!tokens_[source.begin].capitalized || is_folded(source.begin, lex_.adjunct_openers) ||
        is_folded(source.begin, lex_.sentence_adverbs))
        return false;
    uint32_t head_end = source.begin;
    while (head_end < source.end && word(head_end) != "," && word(head_end) != "(") ++head_end;
    uint32_t last = head_end - 1;
    for (uint32_t t = source.begin + 1; t < head_end; ++t)
        if (is_word(t) && !tokens_[t].capitalized && (word(t).ends_with("ed") || is_folded(t, lex_.adjunct_openers)))
            return false;
    if (tokens_[last].capitalized || is_folded(last, lex_.role_nouns)) return true;
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
    auto last = word(source.end - 1);
    return lex_.pronouns_subject(last) || (last.size() > 3 && last.ends_with("s") && !last.ends_with("ss"));
}

bool Finder::takes_clause(TokenRange source, uint32_t before_cue, uint32_t cue, TokenRange content) const {
    constexpr uint32_t kMinClauseTokens = 2;
    if (content.end - content.begin < kMinClauseTokens) return false;
    // "spoke in the lobby", "celebrated in Florida": an adjunct, not a clause ("to" stays:
    // "wants to emerge").
    if (word(content.begin) != "to" && is_folded(content.begin, lex_.adjunct_openers)) return false;
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
            is_folded(source.begin, lex_.noun_phrase_openers) || is_folded(source.begin, lex_.adjunct_openers))
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
    for (size_t q = 0; q < quotes_.quotes.size(); ++q) {
        const auto& quote = quotes_.quotes[q];
        if (quote.depth != 0 || quote.words < 1) continue;
        TokenRange range{quote.open_token, quote.end_token};
        if (overlaps_found_content(range)) continue;
        // (A title that is part of a cue, "said in his book, “An American Son.”", is no statement.)
        if (in_cue_[range.begin]) continue;
        const Unit& unit = units_[unit_of_[quote.open_token]];
        if (quote.words < 3) {
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
            if (opens && source.end - source.begin <= 8) {
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
        for (size_t f = 0; f < found_.size(); ++f)
            if (found_[f].content.end <= open && (previous < 0 || found_[f].content.end >= found_[previous].content.end))
                previous = static_cast<int>(f);
        if (previous < 0) continue;
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
    for (uint32_t u = 0; u < units_.size(); ++u) {
        const Unit& unit = units_[u];
        if (u > 0 && units_[u - 1].paragraph == unit.paragraph) continue;  // not a paragraph's first
        uint32_t first = unit.begin;
        if (!is_word(first) || !tokens_[first].capitalized || in_quote(first)) continue;
        uint32_t colon = first;
        bool name = true;
        while (colon < unit.end && colon - first <= kMaxNameTokens && word(colon) != ":") {
            const Token& t = tokens_[colon];
            // Capitalised words, initials' periods and short joining words ("Mukasey at RNC").
            bool fits = (t.kind == TokenKind::Word && (t.capitalized || word(colon).size() <= 3)) ||
                        word(colon) == "." || word(colon) == "-" || word(colon) == "'s" || word(colon) == "\xE2\x80\x99s";
            if (!fits || in_quote(colon) || cue_strength(colon) >= kWeakCue) {
                name = false;
                break;
            }
            ++colon;
        }
        if (!name || colon >= unit.end || word(colon) != ":" || colon == first) continue;
        if (!looks_like_speaker_label(first, colon)) continue;
        uint32_t begin = colon + 1;
        if (begin >= unit.end) continue;
        uint32_t end = unit.end;
        for (uint32_t v = u + 1; v < units_.size() && units_[v].paragraph == unit.paragraph; ++v) end = units_[v].end;
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
                try_according_to(i, unit);
                ++i;
                continue;
            }
            if (word(i) == "Asked" ? i == unit.begin
                                    : word(i) == "asked" && i > unit.begin &&
                                          (word(i - 1) == "when" || word(i - 1) == "When" || word(i - 1) == "after")) {
                try_asked(i, unit);
                continue;
            }
            if (i == unit.begin && tokens_[i].capitalized) {
                try_fronted_cue(i, unit);
                if (word(i) == "In") try_in_evidence(i, unit);
            }
            if (word(i) == "in") try_trailing_evidence(i, unit);
            if (cue_strength(i) >= kWeakCue && try_fronted_gerund(i, unit)) continue;
            if (cue_strength(i) >= kWeakCue) try_cue(i, unit);
        }
    }
    attribute_speaker_turns();
    attribute_leftover_quotes();

    std::vector<size_t> order(found_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return found_[a].content.begin < found_[b].content.begin; });
    std::vector<int> new_index(found_.size());
    for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = static_cast<int>(i);
    for (size_t i : order) {
        const Candidate& c = found_[i];
        Attribution a;
        a.content = bytes(c.content);
        a.cue = bytes(c.cue);
        a.source = bytes(as_marked_source(c.source));
        // "She’ll", "they've" (one token): the subject is the pronoun, the clitic the verb's.
        if (c.source.end == c.source.begin + 1) {
            const auto w = word(c.source.begin);
            const size_t mark = std::min(w.find('\''), w.find("\xE2\x80\x99"));
            if (mark != std::string_view::npos && mark > 0 && lex_.pronouns_subject(w.substr(0, mark)))
                a.source.end = a.source.begin + static_cast<uint32_t>(mark);
        }
        a.recipient_mention = bytes(c.recipient);
        a.continuation = c.continuation;
        a.continues = c.continues >= 0 ? new_index[c.continues] : -1;
        a.rule = c.rule;
        a.weak_cue = c.weak_cue;
        a.confidence = lex_.confidence(c.rule, c.weak_cue);
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

}  // namespace

void find_attributions(std::string_view text, const text::Analysis& analysis, const quotes::QuoteAnalysis& quotes,
                       std::vector<Attribution>& out) {
    Finder(text, analysis, quotes).run(out);
}

}  // namespace qg::attribution
