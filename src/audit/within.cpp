// The checks of one article: quotation marks, attributions, sources, alterations.
#include <algorithm>

#include "audit/detail.h"
#include "graph/names.h"

namespace qg::audit {

namespace data {
extern const std::string_view vague_sources_txt_data;
extern const std::string_view anonymity_phrases_txt_data;
extern const std::string_view editorial_markers_tsv_data;
}  // namespace data

namespace detail {

namespace {

using attribution::ByteSpan;
using quotes::Mark;
using quotes::MarkRole;
using quotes::Quote;
using text::Token;
using text::TokenKind;

// Quotation mark families: marks of one family pair with each other.
enum class Family : uint8_t { StraightDouble, CurlyDouble, Guillemet, Corner, WhiteCorner, StraightSingle, CurlySingle, AngleSingle };

Family family_of(char32_t c) {
    switch (c) {
        case '"': return Family::StraightDouble;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: return Family::CurlyDouble;
        case 0x00AB: case 0x00BB: return Family::Guillemet;
        case 0x300C: case 0x300D: return Family::Corner;
        case 0x300E: case 0x300F: return Family::WhiteCorner;
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return Family::CurlySingle;
        case 0x2039: case 0x203A: return Family::AngleSingle;
        default: return Family::StraightSingle;
    }
}

bool is_straight(Family f) { return f == Family::StraightDouble || f == Family::StraightSingle; }

std::string glyph_text(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

// The glyph that plays `role` in the family of `c` ("”" used to open → "“").
char32_t proper_glyph(char32_t c, bool opening) {
    switch (c) {
        case 0x201C: case 0x201D: return opening ? 0x201C : 0x201D;
        case 0x2018: case 0x2019: return opening ? 0x2018 : 0x2019;
        case 0x00AB: case 0x00BB: return opening ? 0x00AB : 0x00BB;
        case 0x2039: case 0x203A: return opening ? 0x2039 : 0x203A;
        default: return c;
    }
}

Finding make(Check check, Place where, std::string message) {
    Finding f;
    f.check = check;
    f.severity = severity_of(check);
    f.where = std::move(where);
    f.message = std::move(message);
    return f;
}

const Mark* mark_at(const quotes::QuoteAnalysis& quotes, uint32_t token) {
    auto it = std::lower_bound(quotes.marks.begin(), quotes.marks.end(), token,
                               [](const Mark& m, uint32_t t) { return m.token < t; });
    return it != quotes.marks.end() && it->token == token ? &*it : nullptr;
}

size_t first_token_at(const std::vector<Token>& tokens, uint32_t byte) {
    return static_cast<size_t>(std::lower_bound(tokens.begin(), tokens.end(), byte,
                                                [](const Token& t, uint32_t b) { return t.begin < b; }) -
                               tokens.begin());
}

bool overlaps(ByteSpan a, uint32_t begin, uint32_t end) { return a.begin < end && begin < a.end; }

std::string single_quoted(std::string_view s) { return "‘" + std::string(s) + "’"; }


// An opening quotation mark (as a word "‘" inside a word) used as an apostrophe: It‘s.
bool has_wrong_way_apostrophe(std::string_view word) {
    for (size_t i = 1; i + 3 <= word.size(); ++i)
        if (word.compare(i, 3, "\xE2\x80\x98") == 0) return true;
    return false;
}

// A name that is nothing but a vague phrase ("Officials" taken for a person's name).
bool is_vague_name(const PhraseList& vague, std::string_view name) {
    thread_local std::vector<Token> tokens;
    text::tokenize(name, tokens);
    size_t words = static_cast<size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token& t) {
        return t.kind == TokenKind::Word;
    }));
    return words > 0 && vague.match(name, tokens, 0, tokens.size()) == words;
}

}  // namespace

Article::Article(const ingest::Document& d, const text::Analysis& a, const quotes::QuoteAnalysis& q,
                 const pipeline::Result& r, const Placer& p)
    : document(d), analysis(a), quotes(q), result(r), placer(p) {
    attribution_of_quote.assign(quotes.quotes.size(), -1);
    for (size_t k = 0; k < quotes.quotes.size(); ++k) {
        const Quote& quote = quotes.quotes[k];
        int best = -1;
        uint32_t best_size = UINT32_MAX;
        for (size_t i = 0; i < result.attributions.size(); ++i) {
            const ByteSpan c = result.attributions[i].content;
            if (c.begin <= quote.begin && quote.end <= c.end && c.end - c.begin < best_size)
                best = static_cast<int>(i), best_size = c.end - c.begin;
        }
        // Otherwise a content that takes in most of the quotation (its final stop left out).
        for (size_t i = 0, best_overlap = 0; best_size == UINT32_MAX && i < result.attributions.size(); ++i) {
            const ByteSpan c = result.attributions[i].content;
            if (!overlaps(c, quote.begin, quote.end)) continue;
            size_t overlap = std::min(c.end, quote.end) - std::max(c.begin, quote.begin);
            if (2 * overlap > quote.end - quote.begin && overlap > best_overlap) best = static_cast<int>(i), best_overlap = overlap;
        }
        attribution_of_quote[k] = best;
    }
}

std::pair<size_t, size_t> Article::inner_tokens(const Quote& q) const {
    size_t last = q.closed ? q.close_token : q.end_token;
    return {q.open_token + 1, std::max<size_t>(last, q.open_token + 1)};
}

std::string Article::speaker_name(int attribution) const {
    if (attribution < 0) return {};
    int speaker = result.attributions[attribution].speaker;
    if (speaker < 0 || speaker >= static_cast<int>(result.entities.size())) return {};
    return result.entities[speaker].name;
}

void check_marks(const Article& article, std::vector<Finding>& out) {
    const auto& tokens = article.analysis.tokens;
    const auto& quotes = article.quotes.quotes;
    auto mark_place = [&](uint32_t token) { return article.placer.place(tokens[token].begin, tokens[token].end); };

    for (size_t k = 0; k < quotes.size(); ++k) {
        const Quote& q = quotes[k];
        if (!q.closed) {
            // An unclosed quotation continued by one opening the next paragraph is the
            // convention for quotations over several paragraphs, not an error.
            bool continued = std::any_of(quotes.begin(), quotes.end(), [&](const Quote& r) {
                return r.continues_previous && r.open_token == q.end_token;
            });
            if (continued) continue;
            const Mark* next = q.end_token < tokens.size() ? mark_at(article.quotes, q.end_token) : nullptr;
            bool interrupted = next && next->role == MarkRole::Open && tokens[q.end_token].newlines_before < 2;
            Finding f = make(Check::UnclosedQuote, mark_place(q.open_token),
                             interrupted ? "quotation opened here is not closed before the next one opens"
                                         : "quotation opened here is never closed (it runs to the end of its paragraph)");
            f.where.text = shorten(article.placer.place(q.begin, q.end).text);
            out.push_back(std::move(f));
            continue;
        }
        const Mark* open = mark_at(article.quotes, q.open_token);
        const Mark* close = mark_at(article.quotes, q.close_token);
        if (!open || !close) continue;
        Family fo = family_of(open->glyph), fc = family_of(close->glyph);
        if (fo == fc) continue;
        Place where = article.placer.place(q.begin, q.end);
        std::string marks = glyph_text(open->glyph) + " … " + glyph_text(close->glyph);
        where.text = shorten(where.text);
        if (is_straight(fo) != is_straight(fc) && (fo == Family::StraightDouble || fo == Family::CurlyDouble) ==
                                                     (fc == Family::StraightDouble || fc == Family::CurlyDouble)) {
            out.push_back(make(Check::MixedMarks, std::move(where),
                               "quotation opened and closed in different styles (" + marks + ")"));
        } else {
            out.push_back(make(Check::MismatchedMarks, std::move(where),
                               "quotation opened and closed with marks that do not pair (" + marks + ")"));
        }
    }

    // A mark's finding shows the start of its quotation for context.
    auto with_context = [&](uint32_t token) {
        Place p = mark_place(token);
        for (const Quote& q : quotes)
            if (q.open_token == token || q.close_token == token) p.text = shorten(article.placer.place(q.begin, q.end).text, 60);
        return p;
    };
    for (const Mark& mark : article.quotes.marks) {
        const std::string glyph = glyph_text(mark.glyph);
        if (mark.role == MarkRole::Stray) {
            out.push_back(make(Check::UnbalancedMark, mark_place(mark.token),
                               "quotation mark " + glyph + " closes no open quotation"));
        } else if (mark.wrong_way && (mark.role == MarkRole::Open || mark.role == MarkRole::Close)) {
            bool opening = mark.role == MarkRole::Open;
            out.push_back(make(Check::WrongWayMark, with_context(mark.token),
                               glyph + " used to " + (opening ? "open" : "close") + " a quotation (the " +
                                   (opening ? "opening" : "closing") + " mark is " +
                                   glyph_text(proper_glyph(mark.glyph, opening)) + ")"));
        } else if (mark.role == MarkRole::Apostrophe && mark.glyph == 0x2018 && tokens[mark.token].length() == 3) {
            out.push_back(make(Check::WrongWayMark, mark_place(mark.token), "‘ used as an apostrophe (the apostrophe is ’)"));
        }
    }
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::Word) continue;
        std::string_view word = text::token_text(article.document.text, t);
        if (has_wrong_way_apostrophe(word))
            out.push_back(make(Check::WrongWayMark, article.placer.place(t.begin, t.end),
                               "‘ used as an apostrophe in " + single_quoted(word) + " (the apostrophe is ’)"));
    }
}

void check_attributions(const Article& article, const Options& options, DocumentReport& out) {
    const auto& quotes = article.quotes.quotes;
    const auto& atts = article.result.attributions;
    const auto& entities = article.result.entities;
    const auto& tokens = article.analysis.tokens;
    const std::string_view text = article.document.text;

    std::vector<char> audited(atts.size(), 0);
    auto inside_quote = [&](ByteSpan span) {
        return std::any_of(quotes.begin(), quotes.end(), [&](const Quote& q) { return q.begin <= span.begin && span.end <= q.end; });
    };
    // People other than `speaker` named in [begin, end) outside quotations.
    auto people_between = [&](uint32_t begin, uint32_t end, int speaker, bool he, bool she, std::vector<std::string>& names) {
        for (size_t e = 0; e < entities.size(); ++e) {
            const auto& entity = entities[e];
            if (static_cast<int>(e) == speaker || entity.type != entities::EntityType::Person) continue;
            if (he || she) {
                std::string name = graph::strip_titles(entity.name);
                auto gender = entities::first_name_gender(name.substr(0, name.find(' ')));
                if ((he && gender == entities::Gender::Female) || (she && gender == entities::Gender::Male)) continue;
            }
            bool named = std::any_of(entity.mentions.begin(), entity.mentions.end(), [&](ByteSpan m) {
                return m.begin >= begin && m.end <= end && !inside_quote(m);
            });
            if (named && std::find(names.begin(), names.end(), entity.name) == names.end()) names.push_back(entity.name);
        }
    };
    auto sentence_of = [&](uint32_t byte) -> size_t {
        size_t token = first_token_at(tokens, byte);
        const auto& sentences = article.analysis.sentences;
        auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                                   [](size_t t, const text::Sentence& s) { return t < s.end_token; });
        return std::min(static_cast<size_t>(it - sentences.begin()), sentences.empty() ? 0 : sentences.size() - 1);
    };

    for (size_t k = 0; k < quotes.size(); ++k) {
        const Quote& q = quotes[k];
        if (q.depth > 0) continue;
        ++out.quotes;
        int a = article.attribution_of_quote[k];
        // A quotation kept as a statement with no source is as unattributed as one not kept.
        const bool sourceless = a >= 0 && atts[a].rule == attribution::Rule::Unattributed && atts[a].source.empty();
        if (a < 0 || sourceless) {
            if (q.words >= options.min_quote_words) {
                Place where = article.placer.place(q.begin, q.end);
                where.text = shorten(where.text);
                out.findings.push_back(make(Check::Unattributed, std::move(where),
                                            "quotation with no cue and no previous speaker to give it to"));
            }
            continue;
        }
        ++out.attributed;
        if (audited[a]) continue;
        audited[a] = 1;
        const auto& att = atts[a];
        const std::string speaker = article.speaker_name(a);
        std::vector<std::string> candidates;
        if (!speaker.empty()) candidates.push_back(speaker);
        std::string why;
        char buffer[16];
        std::string_view source = text.substr(att.source.begin, att.source.end - att.source.begin);
        std::string_view folded = att.source.empty() ? std::string_view{} : text::fold(source, buffer, sizeof buffer);
        if (folded == "he" || folded == "she") {
            // A pronoun with more than one person it could stand for in the sentence
            // before it and its own sentence.
            size_t s = sentence_of(att.source.begin);
            uint32_t from = article.analysis.sentence_begin(article.analysis.sentences[s > 0 ? s - 1 : 0]);
            people_between(from, att.source.begin, att.speaker, folded == "he", folded == "she", candidates);
            if (candidates.size() >= 2) why = "‘" + std::string(source) + "’ could be more than one person";
        } else if (att.continuation && att.continues >= 0) {
            // Someone else named between the continued statement and this quotation.
            const auto& previous = atts[att.continues];
            uint32_t from = std::max(previous.content.end, previous.source.end);
            people_between(from, att.content.begin, att.speaker, false, false, candidates);
            if (candidates.size() >= 2) why = "a quotation continuing " + (speaker.empty() ? std::string("a speaker") : speaker) +
                                              " after someone else is named";
        }
        if (att.confidence < options.min_confidence) {
            if (!why.empty()) why += "; ";
            why += "confidence " + two_decimals(att.confidence) + " (" + attribution::rule_name(att.rule) +
                   ") below the minimum " + two_decimals(options.min_confidence);
        }
        if (why.empty()) continue;
        Place where = article.placer.place(q.begin, q.end);
        where.text = shorten(where.text);
        where.speaker = speaker;
        Finding f = make(Check::Ambiguous, std::move(where), "ambiguous attribution: " + why);
        f.candidates = std::move(candidates);
        out.findings.push_back(std::move(f));
    }
}

void check_sources(const Article& article, DocumentReport& out) {
    static const PhraseList vague(data::vague_sources_txt_data);
    static const PhraseList anonymity(data::anonymity_phrases_txt_data);
    const auto& tokens = article.analysis.tokens;
    const std::string_view text = article.document.text;
    const auto& atts = article.result.attributions;
    const auto& entities = article.result.entities;

    std::vector<ByteSpan> flagged;
    for (size_t i = 0; i < atts.size(); ++i) {
        const auto& att = atts[i];
        if (att.source.empty()) continue;
        if (att.speaker >= 0 && entities[att.speaker].type == entities::EntityType::Person &&
            !is_vague_name(vague, entities[att.speaker].name))
            continue;  // a named person, whatever the phrase around the name ("Ana Ortiz, a senior official")
        if (std::find(flagged.begin(), flagged.end(), att.source) != flagged.end()) continue;
        size_t first = first_token_at(tokens, att.source.begin), last = first_token_at(tokens, att.source.end);
        for (size_t t = first; t < last; ++t) {
            size_t n = vague.match(text, tokens, t, last);
            if (n == 0) continue;
            Place where = article.placer.place(att.source.begin, att.source.end);
            where.speaker = article.speaker_name(static_cast<int>(i));
            std::string phrase(text.substr(tokens[t].begin, tokens[t + n - 1].end - tokens[t].begin));
            std::string message = "vague source " + single_quoted(where.text) +
                                  (phrase == where.text ? std::string() : " (" + phrase + ")") + ": no named speaker";
            out.findings.push_back(make(Check::VagueSource, std::move(where), std::move(message)));
            flagged.push_back(att.source);
            ++out.vague_sources;
            break;
        }
    }
    // Anonymity wherever it is stated outside quotations.
    size_t q = 0;
    const auto& quotes = article.quotes.quotes;
    for (size_t t = 0; t < tokens.size(); ++t) {
        while (q < quotes.size() && quotes[q].end <= tokens[t].begin) ++q;
        if (q < quotes.size() && quotes[q].begin <= tokens[t].begin) continue;
        size_t n = anonymity.match(text, tokens, t, tokens.size());
        if (n == 0) continue;
        uint32_t begin = tokens[t].begin, end = tokens[t + n - 1].end;
        bool known = std::any_of(flagged.begin(), flagged.end(), [&](ByteSpan s) { return overlaps(s, begin, end); });
        if (!known) {
            out.findings.push_back(make(Check::VagueSource, article.placer.place(begin, end),
                                        "anonymous source: " + single_quoted(text.substr(begin, end - begin))));
            ++out.vague_sources;
            flagged.push_back({begin, end});
        }
        t += n - 1;
    }
}

void check_alterations(const Article& article, std::vector<Finding>& out) {
    static const text::WordTable markers(data::editorial_markers_tsv_data);
    const auto& tokens = article.analysis.tokens;
    const std::string_view text = article.document.text;
    for (size_t k = 0; k < article.quotes.quotes.size(); ++k) {
        const Quote& q = article.quotes.quotes[k];
        if (q.depth > 0) continue;
        auto [first, last] = article.inner_tokens(q);
        for (size_t t = first; t < last; ++t) {
            const std::string_view* kind = markers.find(text::token_text(text, tokens[t]));
            if (!kind) continue;
            uint32_t begin = tokens[t].begin, end = tokens[t].end;
            std::string message;
            if (*kind == "bracket") {
                size_t close = t + 1;
                while (close < last && text::token_text(text, tokens[close]) != "]") ++close;
                if (close == last) continue;
                end = tokens[close].end;
                const std::string_view* inner = close == t + 2 ? markers.find(text::token_text(text, tokens[t + 1])) : nullptr;
                message = inner && *inner == "sic" ? "[sic]: an error kept as the speaker's"
                                                   : "words in brackets are the editor's, not the speaker's";
                t = close;
            } else if (*kind == "ellipsis") {
                message = "ellipsis: words of the speaker left out";
            } else if (*kind == "sic") {
                if (t > first && t + 1 < last && text::token_text(text, tokens[t - 1]) == "(" &&
                    text::token_text(text, tokens[t + 1]) == ")")
                    begin = tokens[t - 1].begin, end = tokens[t + 1].end;
                message = "sic: an error kept as the speaker's";
            } else {
                continue;
            }
            Finding f = make(Check::Alteration, article.placer.place(begin, end), std::move(message));
            f.where.speaker = article.speaker_name(article.attribution_of_quote[k]);
            out.push_back(std::move(f));
        }
    }
}

}  // namespace detail
}  // namespace qg::audit
