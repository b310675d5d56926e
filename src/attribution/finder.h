// Internal to the attribution stage: the Finder, which finder.cpp, finder_phrases.cpp,
// finder_cues.cpp and finder_quotes.cpp implement together (attribution.h is the stage's
// public interface).
//
// A sieve of attribution rules over cue words learned from PolNeAR (data/cues.tsv):
//  1. every cue word outside a quotation is tried against the constructions of reported
//     speech: "SOURCE cue (RECIPIENT) (that) CONTENT", "CONTENT, SOURCE cue",
//     "CONTENT, cue SOURCE", "according to SOURCE, CONTENT", "…, adding CONTENT";
//  2. quotations left over are attributed through a colon ("SOURCE: “…”") or, when they
//     open a sentence, as continuations of the previous speaker.
// Everything works on token indices of the text stage; spans become bytes at the end.
#pragma once

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>
#include "attribution/attribution.h"
#include "attribution/lexicon.h"

namespace qg::attribution::detail {


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
    // The lexicon's P(cue | word) for the word at i, capitalised or not; 0 for a word it lacks.
    // (cue_strength gives 0 for capitalised words, names mostly.)
    float lexicon_probability(uint32_t i) const {
        const CueEntry* entry = info(i).cue;
        return entry ? entry->probability : 0.f;
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
    // (In a title-case headline capitals are no names: "Rosa Berg Quietly Reveals", but
    // "Megyn Kelly Was Spotted".)
    bool is_ly_adverb(uint32_t i) const {
        auto w = word(i);
        return is_word(i) && w.size() > 4 && w.ends_with("ly") &&
               (!tokens_[i].capitalized || (in_title_case_headline(i) && text::is_english_word(w)));
    }
    // Whether token `i` is inside a headline in title case, past its first word.
    bool in_title_case_headline(uint32_t i) const {
        return !title_case_.empty() && title_case_[unit_of_[i]] && i > units_[unit_of_[i]].begin;
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
    // A period inside a word, spaces on neither side ("MoveOn.org", "ouest-france.fr").
    bool is_inner_period(uint32_t i) const {
        return word(i) == "." && i > 0 && i + 1 < tokens_.size() && tokens_[i - 1].end == tokens_[i].begin &&
               tokens_[i].end == tokens_[i + 1].begin && is_word(i - 1) && is_word(i + 1);
    }
    // A period that ends no sentence inside a noun phrase: an abbreviation's or a word's.
    bool is_phrase_period(uint32_t i) const {
        return is_abbreviation_period(i) || ends_abbreviation(i) || is_inner_period(i) || is_title_period_before_and(i);
    }
    // "former Pennsylvania Gov. and DNC Chairman Ed Rendell": a title's period before "and".
    bool is_title_period_before_and(uint32_t i) const {
        return word(i) == "." && i > 0 && i + 1 < tokens_.size() && tokens_[i - 1].end == tokens_[i].begin &&
               word(i + 1) == "and" && text::honorific_set().contains(word(i - 1)) &&
               (unit_of_.empty() || unit_of_[i] == unit_of_[i + 1]);
    }
    // The period of a state or party abbreviation before a comma or a closing parenthesis:
    // "of Tampa, Fla., who …", "(D-Conn.)".
    bool ends_abbreviation(uint32_t i) const {
        constexpr size_t kMaxAbbreviation = 6;
        if (word(i) != "." || i == 0 || i + 1 >= tokens_.size()) return false;
        const Token& before = tokens_[i - 1];
        // (Of "D-Calif." the state's part after the party's hyphen.)
        auto abbreviation = word(i - 1);
        if (const size_t hyphen = abbreviation.rfind('-'); hyphen != std::string_view::npos)
            abbreviation.remove_prefix(hyphen + 1);
        return before.end == tokens_[i].begin && is_word(i - 1) && before.capitalized &&
               abbreviation.size() <= kMaxAbbreviation && (word(i + 1) == "," || word(i + 1) == ")");
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
    // The apostrophe closing "Sanders’" or "the workers'": attached to a word in -s, followed
    // by a space and a word, and not a mark of any quotation.
    bool is_plural_possessive_mark(uint32_t i) const {
        if (in_quote(i) || i == 0 || i + 1 >= tokens_.size() || !is_word(i - 1) || !is_word(i + 1)) return false;
        const auto mark = word(i);
        if (mark != "'" && mark != "\xE2\x80\x99") return false;
        return tokens_[i - 1].end == tokens_[i].begin && tokens_[i].end < tokens_[i + 1].begin &&
               (word(i - 1).ends_with('s') || word(i - 1).ends_with('S'));
    }
    bool holds_quote_or_colon(TokenRange range) const {
        for (uint32_t t = range.begin; t < range.end; ++t)
            if (in_quote(t) || word(t) == ":") return true;
        return false;
    }
    // A past form in -ed, not a short word that happens to end so ("bed", "red").
    bool is_ed_form(uint32_t i) const { return word(i).size() > 3 && word(i).ends_with("ed"); }
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
    // Whether the verb in -s `verb` ends its sentence after a short named subject set off by a
    // comma ("…, the Daily Caller reports.").
    bool closes_sentence_after_comma(uint32_t verb, const Unit& unit) const;
    // Whether tokens [first, end) open with a short capitalised source and then a cue word.
    bool opens_with_source_and_cue(uint32_t first, uint32_t end) const;
    bool introduces_own_content(uint32_t cue, uint32_t end) const;
    // Whether the unit ends, from `first`, with a short clause of source and cue.
    bool closes_with_report(uint32_t first, const Unit& unit) const;
    // ", but he said …", ", and more than 4 in 10 said …", ", while Trump vowed …": a
    // conjunction and a clause with a cue verb of its own after a short subject, the next
    // statement, where the one before it ends.
    bool opens_conjoined_report(uint32_t conjunction, const Unit& unit) const;
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
    // The last attribution of this unit with a source whose cue comes before `cue`.
    const Candidate* previous_with_source(uint32_t cue, const Unit& unit) const;
    void try_cue(uint32_t cue, const Unit& unit);
    // The cue word's strength where it stands, or none when it is no cue there (a noun before
    // a cue, a raising verb handing over to the cue after its "to", …).
    std::optional<float> strength_as_cue(uint32_t cue, const Unit& unit) const;
    CueSite cue_site(uint32_t cue, float strength, const Unit& unit) const;
    void add_passive(Candidate c, float strength);  // rule Passive, weak when the cue word is
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
    // "according to SOURCE, …" and "as (first) reported by SOURCE, …": the phrase opens at
    // `opening`, its cue is `cue`, and its source starts at `source_first`.
    void try_according_to(uint32_t opening, TokenRange cue, uint32_t source_first, const Unit& unit);
    // The cue of "as (first) reported by", "as described by": the participle with its adverb,
    // or empty when `as` opens no such phrase.
    TokenRange as_reported_by(uint32_t as, const Unit& unit) const;
    // "Said Comey, “The thought …”": an inverting cue opening the sentence.
    void try_fronted_cue(uint32_t cue, const Unit& unit);
    // "After thanking the crowd, he touted …": a gerund in an opening adverbial clause is the
    // main clause subject's; true when it attributes one.
    // Where a report inside a subordinate clause or phrase opening the sentence ends (its
    // comma), or content.end.
    uint32_t subordinate_clause_end(uint32_t cue, TokenRange source, TokenRange content, const Unit& unit) const;
    // Whether a subject (a pronoun or a short name) and its verb start at `first`.
    bool opens_main_clause(uint32_t first, uint32_t limit) const;
    // The end of a subject pronoun, or of a run of at most `max_name_tokens` capitalised
    // words and initials' periods, starting at `first`; `first` when none starts there.
    uint32_t short_subject_end(uint32_t first, uint32_t limit, uint32_t max_name_tokens) const;
    // In a report's content, the dash between a newsletter's headline and the label of whom
    // it quotes ("Pollsters agree - Carl Bialik: “…”"), or content.end.
    uint32_t label_dash(TokenRange content) const;
    // The words a quotation is said of after the cue's "of" at `of` ("said of the council's
    // vote."), to the sentence's end; empty when other than words stand there.
    TokenRange said_of(uint32_t of, const Unit& unit) const;
    bool opens_with_participle(uint32_t first) const;
    bool try_fronted_gerund(uint32_t gerund, const Unit& unit);
    bool try_fronted_gerund_clause(uint32_t gerund, uint32_t clause_end, uint32_t comma, const Unit& unit);
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
    // Quotations of a few words that no rule attributes, kept as statements with no source.
    void keep_unattributed_quotes();
    TokenRange subject_of_verb_before(TokenRange quote, const Unit& unit, TokenRange& verb_chain) const;
    // For each candidate found, the one it repeats with a longer cue (-1 when none).
    std::vector<int> duplicate_reads() const;
    // "Matthews: Well, speculation is bad.", "Q: You were 14 years old.", "Rubio: I Still
    // Believe …": a paragraph opening with a short name and a colon is that name's turn.
    void attribute_speaker_turns();
    void attribute_signed_quotes();
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
    // Whether `i` closes a title in quotation marks with a comma inside them ("on CNN's
    // “State of the Union,” said"): the comma of the clause around it.
    bool ends_title_with_comma(uint32_t i) const {
        if (!is_close_mark(i) || i == 0 || word(i - 1) != ",") return false;
        const auto& q = quotes_.quotes[quote_of_[i]];
        return q.open_token < i && is_title({q.open_token + 1, i - 1});
    }
    // Past a show's or a book's name in quotation marks opening at `i` ("on NBC's “Meet the
    // Press” that …"); `i` itself when no title opens there.
    uint32_t past_title(uint32_t i) const {
        if (!is_open_mark(i)) return i;
        const TokenRange quote = quote_range(quote_of_[i]);
        // (A capitalised first word: "promises to “end” the Common Core" quotes a word.)
        const bool capitalised = i + 1 < quote.end && is_word(i + 1) && tokens_[i + 1].capitalized;
        return quotes_.quotes[quote_of_[i]].closed && capitalised && is_title(quote) ? quote.end : i;
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
    // "“…,” a voice-over in the ad states.": a quotation closed by its comma, then a subject
    // and one verb the lexicon does not list closing the sentence.
    bool attribute_through_closing_unlisted_verb(TokenRange quote, const Unit& unit);
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
    // The comma after a time that follows a place's comma ("in Ames, Iowa, on Sunday,"), or
    // `comma` itself.
    uint32_t after_time_after_place(uint32_t comma, uint32_t limit) const;
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
    // Lowercase words holding a role, then a name, from `first` to `end` ("co-host Mika Brzezinski").
    bool role_then_name(uint32_t first, uint32_t end) const;
    // "the director of the FBI, James B. Comey, said": a source between commas whose clause
    // opens with a noun phrase is that noun phrase's apposition, and the source is both.
    TokenRange with_leading_apposition_head(TokenRange source, const Unit& unit) const;
    // Whether the unit opens with a noun phrase holding a role noun that runs up to `comma`.
    bool names_role_from_clause_start(uint32_t comma, const Unit& unit) const;
    // Whether a short noun phrase opened by a determiner runs from a closing quotation mark
    // (and its comma) up to `comma`: "“He deserved it,” the assailant, John McGraw, told".
    bool is_noun_phrase_after_quote(uint32_t comma, const Unit& unit) const;
    // The source as PolNeAR marks it: with the comma that closes an apposition ("Jim Prosser,
    // a Twitter spokesman, said": 768 times against 72 on the tuning part).
    TokenRange as_marked_source(TokenRange source) const;
    // "SOURCE said: CONTENT" with "…, who warned that …" in SOURCE: the source without that
    // relative clause, which is a report of its own.
    TokenRange without_reporting_relative_clause(TokenRange source) const;
    // What the confidence of an attribution depends on besides its rule (attribution.h).
    CueStrength cue_strength_of(TokenRange cue) const;
    SourceKind source_kind_of(TokenRange source) const;
    // Whether the word could be the finite verb of a predicate: a form in -ed or -s, a
    // participle after an auxiliary, or any word the cue lexicon knows.
    bool is_verb_like(uint32_t i) const;
    // A noun naming several: a plural ("voters", "fishermen") or a collective noun.
    bool names_several(uint32_t i) const {
        const auto w = word(i);
        return (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss")) || (w.size() > 4 && w.ends_with("men")) ||
               is_folded(i, lex_.collective_nouns);
    }
    // A role noun, or its plural ("aides", "advisers").
    bool is_role_noun_or_plural(uint32_t i) const {
        if (!is_word(i)) return false;
        if (is_folded(i, lex_.role_nouns)) return true;
        auto w = word(i);
        // "co-host", "ex-spokesman": the role after the hyphen (lowercase, as the list is).
        if (const size_t hyphen = w.rfind('-'); hyphen != std::string_view::npos && !tokens_[i].capitalized)
            w.remove_prefix(hyphen + 1);
        if (lex_.role_nouns.contains(w)) return true;
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
    // A number, a number word, or a fraction spelled with one ("two-thirds").
    bool is_count(uint32_t i) const;
    bool looks_like_noun_phrase(TokenRange source) const;

    TokenRange source_before(uint32_t last, const Unit& unit) const;
    // For a comma (or dash) closing an apposition ("NAME, a former official,"), the index of
    // the comma opening it; -1 when it closes none.
    long apposition_opening(uint32_t closing, const Unit& unit, bool nested = false) const;
    // Whether the tokens from `comma` to `end` are a US state after a place ("Cambridge, Mass.").
    bool names_state_of_place(uint32_t comma, uint32_t end) const;
    // Whether the stretch between the commas (or dashes) `opening` and `closing` is an
    // apposition to the name before `opening`: a role, an age, a relative clause.
    bool is_apposition(uint32_t opening, uint32_t closing, const Unit& unit) const;
    // "of RBC Capital Markets", "at the Royal United Services Institute" from `first` to `end`.
    bool names_affiliation(uint32_t first, uint32_t end) const;
    bool closes_apposition(uint32_t closing, const Unit& unit) const { return apposition_opening(closing, unit) >= 0; }
    // What content_before(boundary) finds is an unquoted phrase with no verb-like word.
    bool is_verbless_phrase_before(uint32_t boundary, const Unit& unit) const;
    // The sentence's subject and what stands between it and the comma before its cue, when
    // that is only appositions ("Cory James, 22, of Flint, Mich.", "Durbin (D-Ill.)").
    TokenRange with_appositions_until(TokenRange subject, uint32_t comma) const;
    // The subject of the clause a conjunction after a comma opens before `comma` (", but Sanders was …").
    TokenRange subject_of_joined_clause(uint32_t comma, const Unit& unit) const;
    TokenRange source_after(uint32_t first, const Unit& unit) const;
    // The subject opening a unit: a name or a pronoun before its first verb.
    TokenRange sentence_subject(const Unit& unit, uint32_t limit) const;
    // A word that starts a verb phrase: an auxiliary ("has", "was"), an adverb of the verb
    // chain ("also"), a cue word, or a lowercase form in -ed.
    bool opens_predicate(uint32_t i) const {
        if (!is_word(i) || tokens_[i].capitalized) return false;
        return is_folded(i, lex_.auxiliaries) || is_folded(i, lex_.aux_adverbs) || info(i).cue || is_ed_form(i);
    }
    uint32_t after_dateline(uint32_t first, uint32_t limit) const;
    // "on Tuesday", "last week", "Monday": a time and nothing else.
    bool is_time_phrase(TokenRange r) const;
    // A subject and a participle cue from `first` ("three in 10 saying"), the report of
    // a clause opened by "with".
    bool reports_after_with(uint32_t first, const Unit& unit) const;
    TokenRange content_after(uint32_t first, const Unit& unit, bool& starts_with_that) const;
    TokenRange content_before(uint32_t boundary, const Unit& unit) const;
    TokenRange with_clause_before(TokenRange quote, const Unit& unit) const;
    // Whether token `i` stands in an apposition to a name: after "Name, " with only words
    // between ("Tom Berg, the chairman of the harbour board who").
    bool in_apposition_to_name(uint32_t i, const Unit& unit) const {
        for (uint32_t t = i; t > unit.begin + 1 && i - t < kMaxAppositionTokens;) {
            --t;
            if (in_quote(t)) return false;
            if (word(t) == ",") return is_word(t - 1) && tokens_[t - 1].capitalized && is_determiner(t + 1);
            if (!is_word(t)) return false;
        }
        return false;
    }
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
    bool interrupts_quote(const Candidate& first_half, uint32_t from, uint32_t open) const;
    bool ends_clause_before(uint32_t i, const Unit& unit) const;
    // Past "of NOUN PHRASE" up to the comma before `limit` ("said of Trump, “…”"), or `of`
    // itself when a verb or quotation stands in between.
    static constexpr uint32_t kMaxTopicTokens = 8;
    uint32_t skip_topic(uint32_t of, uint32_t limit) const {
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
    bool contains_word(TokenRange r, std::string_view w) const {
        for (uint32_t i = r.begin; i < r.end; ++i)
            if (word(i) == w) return true;
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
    bool is_make(uint32_t i) const;  // a form of "make"
    void take_made_into_cue(Candidate& c) const;
    void resolve_dummy_it(Candidate& c) const;
    // For an object pronoun ending a relative clause ("organizations that have endorsed
    // him"), the noun phrase the clause modifies; empty when there is none.
    TokenRange subject_before_relative(uint32_t object, const Unit& unit) const;
    // "The administration, for its part, expressed …": before the comma ending an adjunct
    // between subject and verb, the subject opening the sentence; empty when there is none.
    TokenRange subject_before_adjunct(uint32_t comma, const Unit& unit) const;
    // Trims what a rule's scan took in around a source, and gives it the period of its last
    // abbreviation; false when what is left is no source.
    bool trim_source(Candidate& c) const;
    // Moves to the cue a particle the annotators usually join to it (data/particle_joins.tsv).
    void join_particle_to_cue(Candidate& c) const;
    // Moves "last week" and the like from a cue's start to its source after a poll, or out.
    void move_time_out_of_cue(Candidate& c) const;
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

}  // namespace qg::attribution::detail
