// One small hand-written article per construction of reported speech
// (fixtures/constructions/): each must give the right content, cue and speaker.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/json.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

nlohmann::json extract_fixture(const std::string& name) {
    std::string path = std::string(QG_SOURCE_DIR "/fixtures/constructions/") + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto document = qg::ingest::make_text_document(buffer.str(), path);
    return qg::exporter::to_json(document, qg::pipeline::extract(document));
}

// The name of the entity an attribution's "speaker" or "recipient" points at; "" when none.
std::string entity_name(const nlohmann::json& out, const nlohmann::json& id) {
    for (const auto& entity : out["entities"])
        if (entity["id"] == id) return entity["name"];
    return "";
}

// The first attribution whose content contains `words`; null when there is none.
const nlohmann::json* attribution_with(const nlohmann::json& out, const char* words) {
    for (const auto& a : out["attributions"])
        if (std::string(a["content"]["text"]).find(words) != std::string::npos) return &a;
    return nullptr;
}

// The speaker's name of the attribution whose content contains `words`, which must exist.
std::string speaker_of(const nlohmann::json& out, const char* words) {
    const auto* a = attribution_with(out, words);
    REQUIRE(a);
    return entity_name(out, (*a)["speaker"]);
}

// The attribution whose content contains `words` has exactly this content and source.
void check_spans(const nlohmann::json& out, const char* words, const char* content, const char* source) {
    const auto* a = attribution_with(out, words);
    REQUIRE(a);
    CHECK((*a)["content"]["text"] == content);
    CHECK((*a)["source"]["text"] == source);
}

// ... and this cue.
void check_spans(const nlohmann::json& out, const char* words, const char* content, const char* source,
                 const char* cue) {
    check_spans(out, words, content, source);
    CHECK((*attribution_with(out, words))["cue"]["text"] == cue);
}

struct Expected {
    const char* fixture;
    const char* content;  // the content must contain this
    const char* kind;
    const char* cue;      // "" for a continuation
    const char* source;   // exact source text; "" for a continuation
    const char* speaker;  // the speaker entity's name
};

}  // namespace

TEST_CASE("each construction of reported speech is attributed", "[constructions]") {
    const Expected cases[] = {
        {"direct-quote-then-cue.txt", "We will go back to work on Monday", "direct", "said", "Maria Lindqvist", "Maria Lindqvist"},
        {"cue-colon-then-quote.txt", "The strike goes on", "direct", "said", "Tom Berg, the union’s leader,", "Tom Berg"},
        // A predicate with no cue word in it, ending with the colon before a whole quotation.
        {"cue-colon-then-quote.txt", "The council has betrayed", "direct", "went a step further:",
         "the ferry captain Lena Holm", "Lena Holm"},
        // A person's full name before the colon inside the sentence, the quotation ending it.
        {"cue-colon-then-quote.txt", "Nobody builds a quay", "direct", ":", "the harbour economist Lars Vik", "Lars Vik"},
        // A name's party and state in parentheses do not make it too long to label a quotation.
        {"cue-colon-then-quote.txt", "The quay must be saved", "direct", ":", "Sen. Maja Lind (D-N.Y.)", "Maja Lind"},
        // "put it:": the verb and its object are the cue, the source ends before the verb.
        {"cue-colon-then-quote.txt", "The island lives by its boats", "direct", "put it:", "the ferry historian Nils Berg",
         "Nils Berg"},
        // Two quotations in the clause before the source: the clause is the statement, not the last quotation.
        {"quotations-in-one-clause.txt", "Ferries are “the lifeline of the islands” and “keep the schools open,”", "mixed",
         "proclaimed on Monday", "the harbour master Eva Lind", "Eva Lind"},
        {"quotations-in-one-clause.txt", "The tram is “a waste of money,”", "mixed", "said", "Nils Berg", "Nils Berg"},
        {"inverted-cue.txt", "The talks have failed", "direct", "said",
         "Anna Kowalski, a spokeswoman for the Port Authority", "Anna Kowalski"},
        // After a name and its apposition, a clause that opens with capitals is the content,
        // not an inverted source.
        {"inverted-cue.txt", "Harbour Board engineers plan to rebuild the old pier", "indirect", "said",
         "Councillor Maja Lind, a ferry campaigner,", "Maja Lind"},
        // A finite verb after the cue makes a clause, not an inverted source; a role, then a
        // name and where it is from, is the person named.
        {"inverted-cue.txt", "her survey of the berth showed deep cracks", "indirect", "said",
         "Another spokeswoman, Lina Dahl of the port office,", "Lina Dahl"},
        // A clause between commas after an opening adverbial is the statement's, not an
        // adverbial between a subject and its verb: the cue is inverted.
        {"inverted-cue.txt", "it is rare for a new route to open in winter", "indirect", "said",
         "Pia Strand, a planner who worked at the port for years", "Pia Strand"},
        {"indirect-that.txt", "the clinics would reopen", "indirect", "said", "Health Minister Sara Quinn", "Sara Quinn"},
        // A rare inflection of a cue verb is a cue: "warns" takes the figures of "warned",
        // "warning" (tools/learn-cues pools a verb's forms).
        {"indirect-that.txt", "the north pier will close for the winter", "indirect", "warns",
         "The port spokesman, Olle Dahl,", "Olle Dahl"},
        {"indirect-without-that.txt", "profits fell by 12 percent", "indirect", "said", "The Norrland Paper Company",
         "Norrland Paper Company"},
        {"according-to.txt", "inflation fell to 3.5 percent", "indirect", "According to", "the Ministry of Finance",
         "Ministry of Finance"},
        {"according-to.txt", "Prices rose again in April", "indirect", "according to", "the central bank", "central bank"},
        // With no comma before it, the clause it ends; after a dash, the clause before it.
        {"according-to.txt", "The ferry carried 9,000 passengers in May", "indirect", "according to", "the harbour board",
         "harbour board"},
        {"according-to.txt", "the island had 40 storms", "indirect", "according to", "the weather service",
         "weather service"},
        {"told-recipient.txt", "the old bridge was unsafe", "indirect", "told", "Jonas Meyer", "Jonas Meyer"},
        {"told-recipient.txt", "ferry fares would rise in the spring", "indirect", "told", "Eva Holm", "Eva Holm"},
        // Whom it was told, then a clause of time: the statement is the clause before.
        {"told-recipient.txt", "The pier will not reopen this year", "indirect", "told", "harbour master Nils Ek", "Nils Ek"},
        {"mixed-quote.txt", "reckless and unworkable", "mixed", "described", "Opposition leader Greta Holm", "Greta Holm"},
        {"continuation-quote.txt", "We are ready for the final", "direct", "said", "coach Lena Park", "Lena Park"},
        {"continuation-quote.txt", "The players have trained", "direct", "", "", "Lena Park"},
        // A short quotation that is its whole sentence continues the speaker too.
        {"continuation-quote.txt", "Period.", "direct", "", "", "Eva Holm"},
        {"quote-across-paragraphs.txt", "The second part is about the people", "direct", "said", "Dr. Ahmed Khan", "Ahmed Khan"},
        {"quote-across-paragraphs.txt", "The first part of the report", "direct", "", "", "Ahmed Khan"},
        {"pronoun-source.txt", "the vote on the budget would be delayed", "indirect", "said", "She", "Helen Ruiz"},
        // An honorific says whom "she" can be when no first name does.
        {"pronoun-source.txt", "the ferry contract would be signed", "indirect", "said", "She", "Okonkwo"},
        {"wrong-way-marks.txt", "It is over for this council", "direct", "said", "the mayor", "mayor"},
        // A quotation opening the sentence is the subject of the clause a later quotation ends:
        // the statement is the whole clause, not a continuation of the previous speaker.
        {"quoted-title-subject.txt", "“Salt and Tar” was to be a “warning to the town,”", "mixed", "said",
         "Britt Lund, the book’s editor", "Britt Lund"},
        // A closing glyph that starts a line opens the quotation, even with a space after it;
        // any strong cue verb inverts after a closing mark.
        {"wrong-way-marks.txt", "the ferry has already left the harbour", "direct", "wrote", "the Island Courier",
         "Island Courier"},
        {"wrong-way-marks.txt", "Gun owners should leave", "direct", "opined", "the Island Courier", "Island Courier"},
        {"nested-quote.txt", "He told me ‘never again’ and then he left the room", "direct", "said", "Paul Adams", "Paul Adams"},
        {"speaking-to.txt", "prices would fall next winter", "indirect", "said", "Energy Secretary Mark Dale", "Mark Dale"},
        {"source-with-modifiers.txt", "the tariffs were a mistake", "indirect", "said",
         "Edward Alden of the Council on Foreign Relations in Washington", "Edward Alden"},
        // A comparison of quantities is one source.
        {"source-with-modifiers.txt", "the ferry was too slow", "indirect", "said", "More than six in 10",
         "More than six in 10"},
        // A noun and an adjective with its complement ("close to", "familiar with"); a plural
        // without -s.
        {"source-close-to.txt", "The council will cut the ferry budget", "indirect", "said", "a source close to the mayor",
         "source close to the mayor"},
        {"source-close-to.txt", "the harbour deal was near", "indirect", "said", "People familiar with the talks",
         "People familiar with the talks"},
        {"source-close-to.txt", "He will close the depot in June", "indirect", "said", "people", "people"},
        // A share in per cent says what its respondents say.
        {"source-close-to.txt", "the night ferry should run all year", "indirect", "say", "47%", "47%"},
        // An aside between dashes before the cue is part of the source, its closing dash too; a
        // short lowercase phrase naming several is a source.
        {"source-aside-in-dashes.txt", "the new parking rules were driving customers away", "indirect", "said",
         "Harbour traders in the old town — bakers, fishmongers and a single bookseller —",
         "Harbour traders in the old town"},
        {"source-aside-in-dashes.txt", "The ferry will not run on Sundays", "indirect", "say", "port safety inspectors",
         "port safety inspectors"},
        {"source-aside-in-dashes.txt", "the channel was silting up", "indirect", "told",
         "Mara Quist - the harbour's longest-serving pilot -", "Mara Quist"},
        // "SUBJECT did this but said …": the sentence's subject.
        {"but-said.txt", "the board would decide before the summer", "indirect", "said", "Councillor Ruth Amsel",
         "Ruth Amsel"},
        {"participle-cue.txt", "the city budget was balanced", "indirect", "insisting", "Mayor Ken Ito", "Ken Ito"},
        // A gerund after a preposition, or a participle after a closing quotation mark, is
        // the sentence subject's as a participle after a comma is.
        {"participle-cue.txt", "We will decide in the spring.", "direct", "saying", "The mayor", "mayor"},
        {"participle-cue.txt", "Nobody asked the fishermen.", "direct", "saying", "Councillor Ivo Rask", "Ivo Rask"},
        // "As SOURCE put it, “…”".
        {"as-clause-quote.txt", "Every cut to the ferry is a cut to the island.", "direct", "put it",
         "the harbour historian Eva Brandt", "Eva Brandt"},
        // The sentence's subject is a noun phrase of lowercase words, up to its verb.
        {"participle-cue.txt", "The tides have changed", "direct", "saying", "The former harbour master",
         "harbour master"},
        {"participle-cue.txt", "the reservoir was below a third", "indirect", "warning", "The regional water board",
         "regional water board"},
        {"split-quote.txt", "The risk", "direct", "said", "Ana Ortiz, the fund’s chief economist,", "Ana Ortiz"},
        // A weak cue word of belief or intention before its clause, with no "that".
        {"belief-without-that.txt", "the new quay will bring more ferries", "indirect", "thinks", "Councillor Ingrid Sol",
         "Ingrid Sol"},
        {"belief-without-that.txt", "the old pier repaired before winter", "indirect", "want", "The farmers",
         "farmers"},
        // A quantifier and a plural head make a subject too.
        {"belief-without-that.txt", "the new quay is too far from the market", "indirect", "believe", "Most fishermen",
         "Most fishermen"},
        // So does a short phrase headed by a plural that heads sources (data/source_heads.tsv),
        // after an opening adverbial.
        {"belief-without-that.txt", "the quay will take their trade", "indirect", "fear", "Labour activists",
         "Labour activists"},
        // A relative clause after a name is part of the source, even with a cue of its own.
        {"relative-clause-source.txt", "the first trams would run in the spring", "indirect", "said",
         "Council leader Mira Olsen, who has backed the line since 2019,", "Mira Olsen"},
        {"relative-clause-source.txt", "We are ready to build.", "direct", "told",
         "Jonas Meyer, who chairs the transport committee,", "Jonas Meyer"},
        // After a common noun too, when the pronoun is "who"; the pronoun's speaker is the
        // source its clause belongs to, not the last name before it.
        {"relative-clause-source.txt", "the rails had already been ordered", "indirect", "said",
         "A council engineer, who asked not to be named because the survey is not yet public,", "council engineer"},
        {"relative-clause-source.txt", "not to be named", "indirect", "asked", "who", "council engineer"},
        // A relative clause whose place is named after a comma of its own.
        {"relative-clause-source.txt", "the fares were too high", "indirect", "said",
         "Nina Berg, who lives on a farm outside the county town, Ringsted,", "Nina Berg"},
        // "According to Rep. …": a title's period does not end the source.
        {"according-to-title.txt", "the new berth will cost twice the first estimate", "indirect", "According to",
         "Rep. Lena Holm", "Lena Holm"},
        // A day of the week in a source is no speaker.
        {"according-to-title.txt", "Ferry fares would rise by a tenth", "indirect", "according to",
         "a report the port board released Tuesday", "report the port board released Tuesday"},
        // An opening adverbial before the subject of "… and said" ("Last year, Mayor …").
        {"opening-adverbial.txt", "it was too short for the new ferries", "indirect", "said", "Mayor Sven Berg",
         "Sven Berg"},
        // An opening time adjunct without its comma ("On Sunday morning Mayor …").
        {"opening-adverbial.txt", "the planks would be replaced in March", "indirect", "said", "Mayor Sven Berg",
         "Sven Berg"},
        // A cue word after a determiner is the subject's noun, not a cue of its own.
        {"cue-noun-subject.txt", "the board of hiding the cost of the new berth", "indirect", "accuses", "The petition",
         "petition"},
        {"cue-noun-subject.txt", "the board ignored three warnings", "indirect", "says", "Their statement", "statement"},
        // A source and cue between commas, a participle after them: the clause before.
        {"parenthetical-cue.txt", "Ticket sales were strong", "indirect", "said", "the ferry operator", "ferry operator"},
        // A sentence opening with an adverbial and a comma: no apposition of the source.
        {"parenthetical-cue.txt", "Still, the waiting lists were long", "indirect", "said", "port director Hanna Vik",
         "Hanna Vik"},
        // A relative clause before "…, Vik said" is the content's, not the source's.
        {"parenthetical-cue.txt", "The ferries will need a second berth, which the town cannot pay for yet", "indirect",
         "said", "Vik", "Hanna Vik"},
        {"split-quote.txt", "is that we lose everything we saved", "direct", "", "", "Ana Ortiz"},
        // A source and cue inside the clause they report: both halves, the second continuing.
        {"split-clause.txt", "If the funding arrives in time", "indirect", "said", "harbour master Nils Ek", "Nils Ek"},
        {"split-clause.txt", "the first ferries will dock in May", "indirect", "", "", "Nils Ek"},
        // The same with the cue before its source, which ends where the predicate goes on.
        {"split-clause.txt", "The cost of the delay", "indirect", "said", "Per Holm, the board's treasurer,", "Per Holm"},
        {"split-clause.txt", "would fall on the island towns", "indirect", "", "", "Per Holm"},
        // An infinitive after the cue is what was (not) said.
        {"split-clause.txt", "to comment on the cost", "indirect", "declined", "Karin Lund, a spokeswoman for the board,",
         "Karin Lund"},
        {"quotation-mark-styles.txt", "« We will not back down. »", "direct", "said", "The French minister Pierre Lambert",
         "Pierre Lambert"},
        {"quotation-mark-styles.txt", "„We can manage this“", "direct", "said", "Chancellor Angela Merkel", "Angela Merkel"},
        {"quotation-mark-styles.txt", "‘The strike goes on until the pay offer improves.’", "direct", "said", "Tom Berg",
         "Tom Berg"},
        {"quotation-mark-styles.txt", "「We will open the market next year,」", "direct", "said",
         "Kenji Sato, the trade minister", "Kenji Sato"},
        {"quotation-mark-styles.txt", "\"We are ready,\"", "direct", "said", "Maria Lindqvist", "Maria Lindqvist"},
        {"question-then-cue.txt", "Who will pay our rent", "direct", "asked", "Erik Sandvik", "Erik Sandvik"},
        // A source with a title and an apposition after "!”" is still the quotation's; the
        // topic after the cue is not a statement.
        {"question-then-cue.txt", "Nobody asked us!", "direct", "said", "Sen. Maria Ek, D-Lund,", "Maria Ek"},
        {"question-then-cue.txt", "We are not going anywhere!", "direct", "shouted", "the crowd outside the gates",
         "crowd outside the gates"},
        {"split-quote-with-adjunct.txt", "The line will be finished by 2027", "direct", "said", "council leader Mira Olsen",
         "Mira Olsen"},
        {"split-quote-with-adjunct.txt", "and the first trams will run that spring", "direct", "", "", "Mira Olsen"},
        // Whatever stands between the cue and the comma before the second half interrupts
        // one statement: a recipient and a year, a topic with a relative clause.
        // A plural possessive's apostrophe is no quotation mark: the source goes on before it.
        {"plural-possessive-source.txt", "the new timetable breaks the agreement", "indirect", "says", "The workers’ union", "workers’ union"},
        {"plural-possessive-source.txt", "the appeal would be filed in May", "indirect", "said", "Lars Dahls' lawyers", "Lars Dahls' lawyers"},
        {"split-quote-with-adjunct.txt", "and we will not wait another decade", "direct", "", "", "Mira Olsen"},
        {"split-quote-with-adjunct.txt", "but the new one is worse", "direct", "", "", "Mira Olsen"},
        {"apposition-after-quote.txt", "The company broke the agreement twice", "direct", "said",
         "Lotta Berg, legal director for the Forest Workers Union,", "Lotta Berg"},
        // The role may come fourth in an apposition with no article.
        {"apposition-after-quote.txt", "The inspections come too late", "direct", "said",
         "Nora Vik, harbour safety program director at the Island Council,", "Nora Vik"},
        // A title in quotation marks inside the apposition.
        {"apposition-after-quote.txt", "the yard would close", "indirect", "said",
         "Ola Strand, the author of “The Last Ferry,” about the island's shipyards,", "Ola Strand"},
        // A statement ends where a conjoined clause with a cue of its own begins.
        {"conjoined-report.txt", "the morning ferry would run on time", "indirect", "said", "Council leader Nora Falk", "Nora Falk"},
        {"conjoined-report.txt", "the fares would rise in March", "indirect", "said", "she", "Nora Falk"},
        // Two modifiers joined by "and" before one head: one source.
        {"conjoined-report.txt", "The night ferry will stop at the north quay", "indirect", "said",
         "current and former harbour officials", "current and former harbour officials"},
        // Opening the sentence, the phrase takes no apposition running to the sentence's end
        // (the clause after it had been read as one, and nothing was attributed).
        {"according-to.txt", "the north pier needed new piles", "indirect", "According to", "harbour master Nils Ek",
         "Nils Ek"},
        // A name's suffix and its period right before the cue; a party tag's state after its
        // hyphen; a suffix after a word that is also a role noun ("King Jr." is no king).
        {"name-suffixes.txt", "the pier would be rebuilt in stone", "indirect", "said", "Nils Ek Jr.", "Nils Ek Jr."},
        {"name-suffixes.txt", "The pier is safe for now", "direct", "said", "Rep. Anna Holt (D-Calif.)", "Anna Holt"},
        {"name-suffixes.txt", "the work would take a year", "indirect", "said", "Erik King Jr., the harbour master,",
         "Erik King Jr."},
        // A name's first word opening a sentence: not an English word and never written in
        // lowercase in the article, it is the name's ("Northwind Bank" had been "Bank"); an
        // ordinary word opening the sentence is not ("Presumptive").
        {"sentence-opening-names.txt", "it expected trade on the island to slow", "indirect", "said", "The bank",
         "Northwind Bank"},
        {"sentence-opening-names.txt", "the fare rise would hurt commuters most", "indirect", "said",
         "Tavish Rennick, a lecturer in economics at the island college,", "Tavish Rennick"},
        {"sentence-opening-names.txt", "The ferry is the only road we have", "direct", "said", "Mr. Rennick",
         "Tavish Rennick"},
        {"sentence-opening-names.txt", "the fares would fall if he won", "indirect", "said",
         "Presumptive Harbour Party nominee Nils Ek", "Nils Ek"},
        // After a quotation closed by its comma: a verb the lexicon does not list closing the
        // sentence; an organisation's name with "for" and a sum in it before a role and a
        // name; a title's period before "and"; a show's title after the one told is no
        // statement of its own.
        {"closing-sources.txt", "Only the ferry keeps this island alive", "direct", "states",
         "a voice-over in the union's new ad", "voice-over in the union's new ad"},
        {"closing-sources.txt", "We will strike again in May", "direct", "said",
         "Fight for $20 organizing director Lena Berg", "Lena Berg"},
        {"closing-sources.txt", "The pier needs new piles", "direct", "wrote",
         "Nils Dahl of the Centre for Harbour Engineering Studies", "Nils Dahl"},
        {"closing-sources.txt", "The tunnel will never be built", "direct", "said",
         "former Island Gov. and Harbour Board Chairman Ola Lund", "Ola Lund"},
        // After "said": a relative clause without its comma, a lowercase title of five words.
        {"closing-sources.txt", "The quay was never safe for the night ferries", "direct", "said",
         "a harbour official who was not authorized to speak publicly", "harbour official"},
        {"closing-sources.txt", "We need the ferry every single day", "direct", "said",
         "former island secretary of transport Eva Lind", "Eva Lind"},
        // A statement ends before a colon whose quotation has a report of its own; an
        // inverted verb in -ed the lexicon does not list.
        {"closing-sources.txt", "the old ferry was finished", "indirect", "said", "Dahl", "Nils Dahl"},
        {"closing-sources.txt", "Once the winter storms come", "direct", "predicted", "Berg", "Lena Berg"},
        {"closing-sources.txt", "It is about time the island had a new quay", "direct", "exhorted",
         "harbour campaigner Mia Holm", "Mia Holm"},
        // A weak cue word ("reports" is a noun more often) closing the sentence after a named
        // subject and its comma.
        {"closing-sources.txt", "The ferry union plans to strike in June", "indirect", "reports", "the Island Herald",
         "Island Herald"},
        // (One person with two roles is found by the first.)
        {"closing-sources.txt", "The fares will come down next spring", "direct", "told", "the mayor and ferry board chair",
         "mayor"},
        // The name after a noun's preposition is whom the speaker serves or belongs to, not the
        // speaker ("A spokesman for Mayor Anna Holt" had been Anna Holt, with the role spokesman).
        {"whom-the-source-serves.txt", "the vote would be delayed", "indirect", "said", "A spokesman for Mayor Anna Holt",
         "spokesman for Mayor Anna Holt"},
        {"whom-the-source-serves.txt", "the family would sue the council", "indirect", "said", "The brother of Nils Ek",
         "brother of Nils Ek"},
        {"whom-the-source-serves.txt", "the council would vote in May", "indirect", "said", "Her spokeswoman, Lina Dahl,",
         "Lina Dahl"},
        // An adverb read as the cue word hands the cue on to the verb after it.
        {"adverb-before-cue.txt", "to keep the old ferry", "indirect", "has repeatedly pledged", "who", "Anna Holt"},
        // Whom the recipient works for is the recipient's ("told Nils Dahl of Harbour Radio"),
        // not the start of the statement.
        {"recipient-employer.txt", "the ferry would run all winter", "indirect", "told", "She", "Lena Berg"},
        // After the cue's comma, a phrase opened by a preposition with no verb is the report's
        // circumstance; the statement is the clause before. So is it for a report closing its
        // sentence after "as".
        {"as-reports.txt", "ruined by the new fares", "mixed", "declared", "Lena Berg", "Lena Berg"},
        {"as-reports.txt", "Freezing the fares means cutting the timetable", "indirect", "suggested", "Nils Dahl",
         "Nils Dahl"},
        // A quotation inside the predicate makes a verb that is only sometimes a cue a report
        // ("describe … as “…”"); without one it is not ("The pilots want changes.").
        {"quotation-in-predicate.txt", "a death trap", "mixed", "describe", "Harbour pilots", "Harbour pilots"},
        // A participle opening the sentence is no subject of the adjective after it, and a
        // role's noun phrase after a quotation closes an apposition before an inverting verb.
        {"opening-participles.txt", "the ferry must stay cheap", "direct", "said", "Lena Berg", "Lena Berg"},
        {"opening-participles.txt", "The deal will be signed in May", "direct", "told",
         "Mayor Anna Holt’s chief of staff, Nils Dahl,", "Nils Dahl"},
        // A participle after the sentence's predicate is its subject's: past an opening
        // place and a counted noun phrase ("Outside the town hall …, about 200 fishermen"),
        // past a verb no list knows before its object ("The mayor left the hall, saying …").
        {"participle-subjects.txt", "Save the quay", "direct", "chanting", "about 200 fishermen", "about 200 fishermen"},
        {"participle-subjects.txt", "the vote was a disgrace", "indirect", "saying", "The mayor", "mayor"},
        // (Past a place and its state's abbreviation, and past a preposition before a name.)
        {"participle-subjects.txt", "an old ferry song", "indirect", "quoting", "the harbour master", "harbour master"},
        // (Past a place, its state and a time: "in Bangor, Maine, on Sunday,".)
        {"participle-subjects.txt", "the island needed a second ferry", "indirect", "saying", "Anna Holt", "Anna Holt"},
        // (After a semicolon the clause has a subject of its own.)
        {"participle-subjects.txt", "the old pier must be mended first", "indirect", "says", "Ola Ek", "Ola Ek"},
        // A name in apposition to the last noun of an apposition is part of it.
        {"participle-subjects.txt", "the council had lost its way", "indirect", "said",
         "Nils Dahl, the editor of the island's weekly newspaper, the Nordby Post,", "Nils Dahl"},
        // After a subject and its apposition, a verb that inverts elsewhere ("…, tweeted Berg.")
        // takes what it reports as its object: "a warning" is no source.
        {"object-of-report.txt", "a warning", "indirect", "tweeted", "Lena Berg, the harbour master,", "Lena Berg"},
        // (The interrupted clause keeps its opening phrase: "In his village, Ola Ek said, …".)
        {"object-of-report.txt", "In his village", "indirect", "said", "Ola Ek", "Ola Ek"},
        {"object-of-report.txt", "the old quay has already flooded", "indirect", "", "", "Ola Ek"},
        // A participle of attitude after "be" ("is convinced") keeps its subject as the one who
        // holds it, and takes no one it was told to; a passive of telling names no source.
        {"attitude-passives.txt", "the new ferry will pay for itself", "indirect", "is convinced", "Lena Berg",
         "Lena Berg"},
        {"attitude-passives.txt", "the council will agree", "indirect", "are not convinced", "Her advisers", "advisers"},
        // A belief verb that is only sometimes a cue ("think", "believe"), with the clause it
        // takes: after a quantified plural opening the clause behind an adverb or "But", after a
        // quantifier standing alone, and before "this" and a noun (not a time: "this week").
        {"quantified-believers.txt", "the vote will fail", "indirect", "think", "some harbour officials",
         "harbour officials"},
        {"quantified-believers.txt", "the ferry can run through the winter", "indirect", "believe", "Few", "Few"},
        {"quantified-believers.txt", "the bridge would ruin the harbour", "indirect", "believe", "many voters",
         "many voters"},
        {"quantified-believers.txt", "this plan is too expensive", "indirect", "believes",
         "Lena Berg, who runs the ferry company,", "Lena Berg"},
        // A relative clause after the source holding a report of its own ("who warned that …")
        // is that report's, with "who" its source; one without a report stays in the source.
        {"reporting-relative-clause.txt", "The fares will double by spring", "direct", "said", "Nils Dahl", "Nils Dahl"},
        {"reporting-relative-clause.txt", "the island would lose its school", "indirect", "warned", "who", "Nils Dahl"},
        {"reporting-relative-clause.txt", "the new quay was welcome", "indirect", "said", "Lena Berg", "Lena Berg"},
        {"reporting-relative-clause.txt", "We never wanted the bridge", "direct", "said",
         "Ola Ek, who has lived on the island since 1970", "Ola Ek"},
        // (What a source wrote, "from" a name, is that name's.)
        {"whom-the-source-serves.txt", "the quay had been unsafe for years", "indirect", "said", "A letter from Nils Ek",
         "Nils Ek"},
        // "The company", "the newspaper", "the group": the nearest organisation named before
        // whose name ends like one of its kind (data/organisation_kinds.tsv).
        {"organisation-descriptions.txt", "orders for new ferries had collapsed", "indirect", "said", "The company",
         "Varnholt Marine Inc"},
        {"organisation-descriptions.txt", "the yard would close by spring", "indirect", "said", "The newspaper",
         "Island Herald"},
        {"organisation-descriptions.txt", "it would ask the council to step in", "indirect", "said", "The group",
         "Harbour Workers Foundation"},
        // After a quotation, the medium closing the clause is the cue's.
        {"particle-after-cue.txt", "The timetable is final", "direct", "wrote on Facebook", "Nora Falk", "Nora Falk"},
        // "As reported by SOURCE, …" and "…, as first reported by SOURCE": as "according to".
        {"as-reported-by.txt", "the ferry company lost money for a third year", "indirect", "reported",
         "the Island Herald", "Island Herald"},
        {"as-reported-by.txt", "The north harbour will close in winter", "indirect", "first reported", "the Coast Times",
         "Coast Times"},
        // The time inside an inverted source's relative clause is the clause's.
        {"conjoined-report.txt", "The school will open in the spring", "direct", "said",
         "Ivar Dahl, who held a fundraiser for the harbour school in October", "Ivar Dahl"},
        // After a quotation, a noun phrase and the name in apposition to it.
        {"apposition-after-quote.txt", "The ferry was late again", "direct", "told", "the skipper, Jonas Ek,", "Jonas Ek"},
        // A quotation trailing off in an ellipsis, its attribution after it.
        {"apposition-after-quote.txt", "We will look at every bid we get", "direct", "said", "Mayor Anna Holt", "Anna Holt"},
        // A quotation in the predicate of a verb that is not a cue word on its own.
        // A paragraph opening with a name and a colon: a transcript's turn, a headline's speaker.
        {"speaker-turns.txt", "We never planned to close the school. The budget was always there", "indirect", ":",
         "Karlsson", "Karlsson"},
        {"speaker-turns.txt", "Parents say the letter came too late", "indirect", ":", "Moderator Eva Lind", "Eva Lind"},
        // A headline's turn that opens with a quotation and goes on after it.
        {"speaker-turns.txt", "‘No Doubt’ The New Quay Will Open In May", "mixed", ":", "Mayor Anna Holt", "Anna Holt"},
        // A cue word in a headline in title case.
        {"headline-cue.txt", "The Bridge Will Reopen In March", "indirect", "Says", "Amara Okafor", "Amara Okafor"},
        // An inverted cue opening its sentence.
        {"fronted-cue.txt", "We have money for one new bus, not two.", "direct", "Said", "treasurer Nils Berg", "Nils Berg"},
        // "But, according to SOURCE, CONTENT": the statement follows the source.
        {"according-to-after-opener.txt", "most tenants have not been told about them", "indirect", "according to",
         "the housing office", "housing office"},
        // A short subject before it is no opener: the source interrupts the clause.
        {"according-to-after-opener.txt", "The deposit", "indirect", "according to", "the housing office",
         "housing office"},
        {"according-to-after-opener.txt", "will double in June", "indirect", "", "", "housing office"},
        // A joined preposition takes the name of the medium into the cue.
        {"according-to-after-opener.txt", "the night ferry would sail", "indirect", "posted on Facebook",
         "Captain Eva Holm", "Eva Holm"},
        // "according to NAME, APPOSITION": the apposition is the source's; inside a clause,
        // the clause's second half continues the statement.
        {"according-to-apposition.txt", "At the heart of the dispute", "indirect", "according to",
         "Lena Holm, a lawyer for the port,", "Lena Holm"},
        {"according-to-apposition.txt", "was a contract signed in 2019", "indirect", "", "", "Lena Holm"},
        {"according-to-apposition.txt", "Ferry traffic fell by a third", "indirect", "according to",
         "Per Ek, the harbour master", "Per Ek"},
        // After an apposition of the subject, the clause after the cue is the content.
        {"apposition-then-clause.txt", "his office received forty new applications", "indirect", "said",
         "Mark Wynn, chairman of the district party,", "Mark Wynn"},
        // A role, then the name in apposition to it.
        {"role-then-name.txt", "the group gave the mayor its award in 1982", "indirect", "said",
         "A longtime union official, Howard Ingram,", "Howard Ingram"},
        // A title with "of" in it, then the name.
        {"role-then-name.txt", "the ferry treaty would be signed in June", "indirect", "said",
         "Former Secretary of State Lena Holm", "Lena Holm"},
        {"role-then-name.txt", "We are not ready", "direct", "said", "Chief of Staff Karin Dahl", "Karin Dahl"},
        // Initials and titles inside a name; an age or a party between a name and the cue.
        {"source-initials-and-commas.txt", "The talks will fail", "direct", "said",
         "Mikhail B. Pogrebinsky, a political analyst in Kiev", "Mikhail B. Pogrebinsky"},
        {"source-initials-and-commas.txt", "the rule would cost small shops dearly", "indirect", "said",
         "Jack Mozloom, a spokesman for the federation,", "Jack Mozloom"},
        {"source-initials-and-commas.txt", "the bill would pass", "indirect", "said", "Rep. Chris Collins, R-NY,",
         "Chris Collins"},
        {"source-initials-and-commas.txt", "the plan was dead", "indirect", "said", "Mr. Bush", "Bush"},
        // An age and a place with an abbreviated state after the name.
        {"source-initials-and-commas.txt", "the ferry fares had doubled", "indirect", "said", "Ola Berntsen, 64, of Tromso, Norw.,",
         "Ola Berntsen"},
        // A verb phrase before a cue noun is part of the cue, not the source; the circumstance
        // of the speech after an inverted source is not part of it.
        {"verb-phrase-and-adjunct.txt", "the pool would stay closed until June", "indirect", "released a statement",
         "The town", "town"},
        {"verb-phrase-and-adjunct.txt", "We will not give up", "direct", "said", "union director Anthony Romero",
         "Anthony Romero"},
        // A day named alone after the cue is its adjunct, whatever clause follows it.
        {"verb-phrase-and-adjunct.txt", "to keep the ferry running", "indirect", "vowed Tuesday", "Harbour master Lena Berg",
         "Lena Berg"},
        // "said of X" at the clause's end names the topic of the clause before.
        {"verb-phrase-and-adjunct.txt", "The old quay was unsafe", "indirect", "said", "Lena Berg", "Lena Berg"},
        // A name after a preposition is part of the verb phrase before "to say".
        {"verb-phrase-and-adjunct.txt", "the night ferry would run", "indirect", "took to Twitter to say", "Mayor Eva Lind",
         "Eva Lind"},
        // An adjunct between subject and cue whose show's name holds its closing comma.
        {"verb-phrase-and-adjunct.txt", "the night ferry was too expensive", "indirect", "said", "Per Dahl", "Per Dahl"},
        // A past form without -ed and its object, before a participle cue, are the cue's; the
        // source is the subject before them (data/object_taking_pasts.txt).
        {"past-verb-phrase-cue.txt", "the new ferry timetable", "indirect", "spent most of the harbour meeting railing against",
         "Councillor Ola Ek", "Ola Ek"},
        {"past-verb-phrase-cue.txt", "the vote had been rigged", "indirect", "sent an email saying", "she", "Ola Ek"},
        {"past-verb-phrase-cue.txt", "the quay would close by March", "indirect", "began warning", "Mayor Eva Lind", "Eva Lind"},
        {"past-verb-phrase-cue.txt", "whether the night ferry would survive the cuts", "indirect", "kept asking",
         "The Harbour Workers Union", "Harbour Workers Union"},
        // An inverted name is short before its own apposition, even after a relative clause
        // whose commas close like an apposition's.
        {"inverted-after-relative.txt", "also lacks support from her colleagues", "indirect", "said",
         "Nils Dahl, director of the Lund Institute for Local Politics", "Nils Dahl"},
        // Two speakers' turns in one paragraph: the first ends where the second's label starts.
        {"speaker-turns-in-one-paragraph.txt", "The ferry must run every night", "direct", ":", "Lind", "Lind"},
        {"speaker-turns-in-one-paragraph.txt", "We cannot pay for a night ferry", "direct", ":", "Berg", "Berg"},
        // A floating quotation goes on with the quotation of the sentence before, not with a
        // report of someone else inside that sentence.
        {"continuation-after-inner-report.txt", "I will not let the harbour down", "direct", "", "", "Eva Lind"},
        // A name and its verb open no adverbial: after "in Salem, Oregon," the participle is
        // still the subject's, not the place's.
        {"participle-after-place.txt", "to keep the night ferry running", "indirect", "promising", "Lind", "Eva Lind"},
        {"participle-after-place.txt", "the quay would close in March", "indirect", "warning", "Berg",
         "Ola Berg"},
        // The sentence's subject keeps its party and state in parentheses.
        {"subject-party-tag-and-joined-name.txt", "to keep the night ferry running", "indirect", "promising",
         "Sen. Eva Lind (D-Wash.)", "Eva Lind"},
        // A participle opening the sentence with a that-clause: the main clause's subject said it.
        {"opening-participle-that.txt", "the night ferry had been late all week", "indirect", "Noting", "Mayor Eva Lind",
         "Eva Lind"},
        {"opening-participle-that.txt", "the quay needed repairs", "indirect", "Conceding", "she", "Eva Lind"},
        // (Without "that", when the participle is nearly always a cue.)
        {"opening-participle-that.txt", "the urgency of the repairs", "indirect", "Emphasizing", "Harbour Director Ola Berg",
         "Ola Berg"},
        // A name's suffix keeps its period before an apposition ("Comey Jr., the director of …,"),
        // and a middle initial that is also a word ("A.") stays inside the name.
        {"suffix-and-plural-role-subject.txt", "The ferry will run all winter", "direct", "said",
         "Carl A. Lind Jr., the director of the Harbour Authority,", "Carl A. Lind Jr."},
        // A name joined to a plural role is a subject of a weak cue ("believe").
        {"suffix-and-plural-role-subject.txt", "the quay can reopen by March", "indirect", "believe",
         "Mayor Eva Berg and her aides", "Mayor Eva Berg and her aides"},
        // An opening participle's clause ends with the comma inside a quotation's closing mark,
        // though the sentence has a comma of its own further on.
        {"participle-clause-closing-quote.txt", "the “harbour that waits for the next disaster,”", "mixed", "Citing",
         "Mayor Eva Lind", "Eva Lind"},
        // A quotation signed by the paragraph after it: "- Eva Lind."
        {"signed-quotation.txt", "must run every day of the winter", "direct", "-", "Eva Lind", "Eva Lind"},
        {"signed-quotation.txt", "paid for a ticket twice", "direct", "-", "Ola Berg", "Ola Berg"},
        // A report in a subordinate clause opening the sentence ends with the clause's comma;
        // the main clause's report is its own.
        {"report-in-subordinate-clause.txt", "the council of neglecting the quay", "indirect", "accused", "Mayor Eva Lind",
         "Eva Lind"},
        {"report-in-subordinate-clause.txt", "the repairs would begin in March", "indirect", "said", "the harbour master",
         "harbour master"},
        // (Not the statement after the clause: "As Ola Berg pointed out, …".)
        {"report-in-subordinate-clause.txt", "has run late all week, and the morning ferry too", "indirect", "pointed out",
         "Ola Berg", "Ola Berg"},
        // A newsletter's headline, a dash, then the label of whom it quotes: the quotation is the label's.
        {"newsletter-label.txt", "until the last ferry leaves", "direct", ":", "Nina Berg", "Nina Berg"},
        {"newsletter-label.txt", "waited for a storm", "direct", ":", "Ferry Weekly", "Ferry Weekly"},
        // A pronoun's antecedent is never a name inside its own quotation.
        {"pronoun-not-named-in-own-quote.txt", "will never close this quay", "direct", "said", "he", "John Berg"},
        // A surname alone is the person of that name the article has named most, not the latest.
        {"surname-of-the-most-named.txt", "The ferry is back for good", "direct", "said", "Berg", "Carl Berg"},
        // Evidence reports what it shows.
        {"evidence.txt", "Clinton with a double-digit lead in New York", "indirect", "show", "Recent polls",
         "Recent polls"},
        {"evidence.txt", "46 percent of voters backed the plan", "indirect", "In", "the latest survey", "latest survey"},
        {"evidence.txt", "The mayor has a clear lead", "indirect", "in", "the latest poll", "latest poll"},
        {"evidence.txt", "The mayor moved from third to second", "indirect", "in",
         "a new survey by the Nordic Polling Institute", "Nordic Polling Institute"},
        {"quote-in-predicate.txt", "to make the crossing “cheaper for every family on the island”", "mixed", "pledged",
         "Board chair Ingrid Dahl", "Ingrid Dahl"},
        // A sentence closing on a quotation, after the speaker's quotation in the sentence before.
        {"mixed-continuation.txt", "Now, “most of the boats want the pier built before the winter.”", "mixed", "", "",
         "Nora Falk"},
        // "has since said": "since" after an auxiliary is an adverb of the verb, not a clause opener.
        {"has-since-said.txt", "the winter timetable would stay", "indirect", "has since said", "Port director Nora Falk",
         "Nora Falk"},
        // A plural role or group noun after an apposition's comma is the source on its own.
        {"has-since-said.txt", "The company will open a night crossing, the service it runs for hospital staff", "indirect",
         "said", "sources", "sources"},
        // A word that is a cue with its particle though mostly not alone ("points out").
        {"phrasal-cue.txt", "the old pier is older than the town itself", "indirect", "points out", "Board chair Nora Falk",
         "Nora Falk"},
        // A relative pronoun is the source, with its auxiliary in one token too; its speaker is
        // the name before its comma. A participle inside the relative clause is the pronoun's.
        {"relative-pronoun-contracted.txt", "the plan for a new pier", "indirect", "previously endorsed", "who’d", "Tom Berg"},
        {"relative-pronoun-contracted.txt", "the budget", "indirect", "talking about", "who", "Lena Holm"},
        // "he began by saying": the gerund is the subject's of the verb before its preposition
        // (and "began by" is no cue of its own before a cue word).
        {"gerund-after-verb.txt", "The pier will be rebuilt before the winter", "direct", "saying", "she", "Eva Lind"},
        // A relative clause after an apposition of the name is part of the source too.
        {"apposition-and-relative-clause.txt", "the pier “a waste of public money.”", "mixed", "called",
         "Tom Berg, the union’s leader, who has fought the plan for years,", "Tom Berg"},
        // A relative clause on an object ("…, whom it has ignored,") is no adverbial after the
        // sentence's subject: the cue after it is inverted.
        {"apposition-and-relative-clause.txt", "lacks support from the dock unions", "indirect", "said", "Lars Dahl",
         "Lars Dahl"},
        // "promised a new ferry": an article and an adjective are the content's, no recipient;
        // "told the crowd she would stay": the crowd is the recipient.
        {"recipient-or-object.txt", "a new ferry by 2028", "indirect", "promised", "Mayor Eva Lind", "Eva Lind"},
        {"recipient-or-object.txt", "she would stay until the pier was built", "indirect", "told", "She", "Eva Lind"},
        // A recipient does not run on to a "that" across a clause of its own ("when asked …").
        {"recipient-or-object.txt", "The pier is safe", "direct", "told", "Lind, 64,", "Eva Lind"},
        // A noun phrase from the sentence's start through "for" or "and" is the source whole.
        {"noun-phrase-with-for-and.txt", "the old pier was built in 1890", "indirect", "noted", "The Center for Harbour Studies",
         "Center for Harbour Studies"},
        {"noun-phrase-with-for-and.txt", "the ferry will run all winter", "indirect", "say", "The mayor and her advisers",
         "mayor and her advisers"},
        // A list of names is one source; an opening place before its comma is not part of it.
        {"list-of-names.txt", "the old pier was unsafe", "indirect", "said", "Tom Berg, Lena Holm and Per Ek", "Tom Berg"},
        {"list-of-names.txt", "the ferry would run", "indirect", "said", "Berg and Holm", "Lena Holm"},
        // Conjoined subjects after an opening adverbial and its comma.
        {"list-of-names.txt", "the quay is safe", "indirect", "say", "Mr. Ek and other engineers", "Mr. Ek and other engineers"},
        // Two common nouns naming people, joined after the clause they report.
        {"list-of-names.txt", "The old quay will close in May", "indirect", "said", "nurses and hospital managers",
         "nurses and hospital managers"},
        // The verb phrase between the subject and a cue noun is part of the cue.
        {"cue-noun-verb-phrase.txt", "the ferry company", "indirect", "also took several swipes at", "Mayor Eva Lind",
         "Eva Lind"},
        // A source ending with an article took in the verb phrase before the cue noun.
        {"cue-noun-after-article.txt", "the old pier could not take another winter", "indirect", "made the observation",
         "The harbour master", "harbour master"},
        // An aside between dashes before the cue is the subject's, with titles' periods inside it.
        {"aside-with-abbreviations.txt", "the pier must be rebuilt", "indirect", "agreed",
         "The three harbour engineers — Mr. Berg, Ms. Holm and Mr. Ek —", "three harbour engineers"},
        {"aside-with-abbreviations.txt", "the ferry would run all winter", "indirect", "declared",
         "Mayor Eva Lind - in a speech that seemed aimed at Mr. Berg -", "Eva Lind"},
        // A verbless noun phrase before "NAME, says CLAUSE" is the subject, not the statement.
        {"appositions-of-subject.txt", "the cranes need new cables", "indirect", "says", "A harbour electrician, Nora Falk,",
         "Nora Falk"},
        {"appositions-of-subject.txt", "the port lost a dozen contracts", "indirect", "says", "Per Ek of Malmo, Sweden,",
         "Per Ek"},
        // A relation noun opens an apposition as a role does; "then AGE" is one too; "like
        // NAMES" after a group names its examples.
        {"appositions-of-subject.txt", "the board's account", "indirect", "rejected",
         "Karin Dahl, widow of the late harbour master Lars Dahl,", "Karin Dahl"},
        {"appositions-of-subject.txt", "the pier had been built too low", "indirect", "said", "Mr. Berg, then 41,", "Berg"},
        {"appositions-of-subject.txt", "the strike should end", "indirect", "say",
         "The union's oldest members, like Eva Lind and Tom Holm,", "union's oldest members"},
        // A participle set off after the subject: the subject with its party tag, and the
        // participle's clause up to the comma before the main verb.
        {"appositions-of-subject.txt", "the ferry was late again", "indirect", "noting", "Sen. Lena Holm (D-Minn.)",
         "Lena Holm"},
        // "Mr." and "Mrs." keep two people of one surname apart, however the surname alone
        // was first met ("Mr. and Mrs. Berg").
        {"namesakes-by-honorific.txt", "the market would stay where it was", "indirect", "said", "Mr. Berg", "Tomas Berg"},
        {"namesakes-by-honorific.txt", "the fish market needed a roof", "indirect", "said", "Mrs. Berg", "Lena Berg"},
        // A law named like a person is no antecedent of "he".
        {"laws-are-not-people.txt", "the rule was clear", "indirect", "said", "He", "Tomas Ek"},
        // A place and its state, the state's closing comma left out.
        {"appositions-of-subject.txt", "the ferry is always late", "indirect", "says", "Lena Berg of Columbia, South Carolina",
         "Lena Berg"},
        // The comma between a place and its state inside an apposition opens nothing.
        {"appositions-of-subject.txt", "The quay will hold", "direct", "said", "Per Holm, a welder in Cambridge, Mass.,",
         "Per Holm"},
        // "and" inside a name in an apposition; "now ROLE of …" is an apposition too.
        {"appositions-of-subject.txt", "a new quay", "indirect", "has been quietly pushing for",
         "Erik Sund, a former director of the Office of Ports and Harbours,", "Erik Sund"},
        {"appositions-of-subject.txt", "to wait", "indirect", "urged", "Karin Lund, now director of the Ferry Institute,",
         "Karin Lund"},
        // A role and a name after "and", after a name or a role, are one source with what is
        // before it; a role after a hyphen is a role ("co-host").
        {"appositions-of-subject.txt", "the new timetable", "indirect", "have rejected", "Dahl and co-host Eva Strand",
         "Eva Strand"},
        {"appositions-of-subject.txt", "the quay was safe", "indirect", "said",
         "former port spokesman and ferry captain Nils Ek", "Nils Ek"},
        // "now a …" after any noun phrase is an apposition; the role nominal is the person
        // introduced with that role.
        {"appositions-of-subject.txt", "the winter schedule", "indirect", "endorsed",
         "The former ferry captain, now a guest speaker at the harbour school,", "Nils Ek"},
        // A party and its state; others named "along with" the subject; a participle with
        // its agent; where the person works, after "of" or "at".
        {"appositions-of-subject.txt", "the ferry subsidy would pass", "indirect", "said",
         "Representative Anna Vik, Republican of Maine,", "Anna Vik"},
        {"appositions-of-subject.txt", "the channel is too shallow", "indirect", "says",
         "Lars Dahl, along with harbour pilot Mia Ek,", "Lars Dahl"},
        {"appositions-of-subject.txt", "most islanders want a bridge", "indirect", "finds",
         "The survey, conducted by the Island Research Institute,", "survey"},
        {"appositions-of-subject.txt", "the quay would pay for itself", "indirect", "said", "Mr. Moberg, of Nordic Port Capital,",
         "Moberg"},
        // A lowercase role inside the title before the name ("board chair").
        {"appositions-of-subject.txt", "the delays", "indirect", "noting", "Harbour board chair Karin Holm", "Karin Holm"},
        // The comma closing an apposition inside a title's quotation marks.
        {"appositions-of-subject.txt", "the quay would reopen in May", "indirect", "said",
         "Tom Ek, host of Radio Nord’s “Harbour Hour,”", "Tom Ek"},
        // "…, including NAME,": members named after a group are part of its source.
        {"including-apposition.txt", "the quay was too short", "indirect", "said",
         "Several fishermen at the meeting, including Nora Falk,", "Several fishermen at the meeting"},
        // A title after the medium of the speech is part of the cue; the statement is before it.
        {"title-after-medium.txt", "The first ferry sailed in 1990", "indirect", "wrote in her 2012 book, “Harbour Lights.”",
         "Nora Falk", "Nora Falk"},
        // "at least" after the cue quantifies the statement; it is no adjunct of the speech.
        {"at-least-after-cue.txt", "at least six boats sank in the harbour overnight", "indirect", "reported",
         "The Harbour Post", "Harbour Post"},
        // A gerund in an opening adverbial clause is the main clause subject's.
        {"fronted-gerund.txt", "the volunteers who built the quay", "indirect", "praising", "Mayor Eva Lind", "Eva Lind"},
        {"fronted-gerund.txt", "the budget was tight", "indirect", "saying", "she", "Eva Lind"},
        {"fronted-gerund.txt", "the new timetable", "indirect", "announcing", "Harbour Director Ola Berg", "Ola Berg"},
        // A predicate coordinated after a comma still has the sentence's subject.
        {"coordinated-predicate-colon.txt", "This harbour belongs to all of us", "direct", "thundered:", "Mayor Eva Lind",
         "Eva Lind"},
        // The auxiliaries of a second predicate are the cue's; so is a verb's clitic fused to
        // its pronoun, and the pronoun with it still resolves.
        {"cue-auxiliaries.txt", "a second ferry by 2028", "indirect", "has promised", "Mayor Eva Lind", "Eva Lind"},
        // An adverb between the cue and "that" is the cue's.
        {"cue-auxiliaries.txt", "the quay is safe", "indirect", "has said repeatedly", "Harbour master Nils Berg",
         "Nils Berg"},
        {"cue-auxiliaries.txt", "the pier is unsafe", "indirect", "’ve already said", "They", "engineers"},
        {"cue-auxiliaries.txt", "the quay floods every spring", "indirect", "has in the past warned", "Captain Lena Holm",
         "Lena Holm"},
        // "…, and then predicted:" in a sentence opening with a quotation: the earlier speaker's.
        {"cue-auxiliaries.txt", "The new one will open by winter", "direct", "then predicted", "Mayor Eva Lind",
         "Eva Lind"},
    };
    for (const auto& e : cases) {
        INFO(e.fixture << ": " << e.content);
        const auto out = extract_fixture(e.fixture);
        const nlohmann::json* match = nullptr;
        for (const auto& a : out["attributions"])
            if (std::string(a["content"]["text"]).find(e.content) != std::string::npos) match = &a;
        REQUIRE(match != nullptr);
        const auto& a = *match;
        CHECK(a["kind"] == e.kind);
        if (std::string(e.cue).empty()) {
            CHECK(a["continuation"] == true);
            CHECK(a["source"].is_null());
        } else {
            REQUIRE(a["cue"].is_object());
            CHECK(std::string(a["cue"]["text"]).find(e.cue) != std::string::npos);
            REQUIRE(a["source"].is_object());
            CHECK(a["source"]["text"] == e.source);
        }
        REQUIRE_FALSE(a["speaker"].is_null());
        CHECK(entity_name(out, a["speaker"]) == e.speaker);
    }
}

TEST_CASE("offsets are code points into the text, end exclusive", "[constructions]") {
    const auto out = extract_fixture("nested-quote.txt");
    const std::string text = out["document"]["text"];
    // Rebuild each span's text from code point offsets and compare with the reported text.
    auto code_points = [&](size_t start, size_t end) {
        std::string result;
        size_t index = 0;
        for (size_t i = 0; i < text.size();) {
            size_t len = (static_cast<unsigned char>(text[i]) < 0x80) ? 1 : (static_cast<unsigned char>(text[i]) < 0xE0) ? 2
                         : (static_cast<unsigned char>(text[i]) < 0xF0) ? 3 : 4;
            if (index >= start && index < end) result += text.substr(i, len);
            i += len;
            ++index;
        }
        return result;
    };
    for (const auto& a : out["attributions"])
        for (const char* role : {"content", "cue", "source"}) {
            if (a[role].is_null()) continue;
            CHECK(code_points(a[role]["start"], a[role]["end"]) == a[role]["text"]);
        }
}

TEST_CASE("a noun before a verb is no cue, and a relative clause's cue ends at its comma", "[constructions]") {
    // "Wage talks resumed …": "talks" is a noun here. "who has backed the line since 2019":
    // the relative clause's own statement does not run into the main clause.
    // "Fifteen percent of voters in the poll were undecided": the poll is where they were
    // counted, not the statement's evidence.
    const auto evidence = extract_fixture("evidence.txt");
    for (const auto& a : evidence["attributions"]) CHECK(std::string(a["content"]["text"]) != "Fifteen percent of voters");
    const auto talks = extract_fixture("belief-without-that.txt");
    for (const auto& a : talks["attributions"]) CHECK(std::string(a["content"]["text"]).find("resumed") == std::string::npos);
    const auto relative = extract_fixture("relative-clause-source.txt");
    for (const auto& a : relative["attributions"]) {
        if (a["source"].is_null() || a["source"]["text"] != "who") continue;
        CHECK(std::string(a["content"]["text"]).find("said") == std::string::npos);
        CHECK(std::string(a["content"]["text"]).find("told") == std::string::npos);
    }
    // "told reporters, “…”": the recipient is the reporters, the content the quotation.
    bool told = false;
    for (const auto& a : relative["attributions"])
        if (a["cue"].is_object() && a["cue"]["text"] == "told") {
            told = true;
            CHECK(std::string(a["content"]["text"]).rfind("\"We are ready", 0) == 0);
        }
    CHECK(told);
}

TEST_CASE("what is said of a relative pronoun ends with its clause", "[constructions]") {
    check_spans(extract_fixture("relative-clause-source.txt"), "could ruin the harbour", "could ruin the harbour",
                "islanders");
}

TEST_CASE("a party's members are a group, a party is named with its label, and a state speaks as an organisation", "[constructions]") {
    const auto out = extract_fixture("group-and-place-names.txt");
    const auto type_of_speaker = [&](const char* words) -> std::string {
        const auto* a = attribution_with(out, words);
        REQUIRE(a);
        for (const auto& entity : out["entities"])
            if (entity["id"] == (*a)["speaker"]) return entity["type"];
        return "";
    };
    CHECK(type_of_speaker("the budget was too small") == "group");
    CHECK(type_of_speaker("it would appeal the ruling") == "organisation");
    // An outlet or a platform named alone (data/known_organisations.txt).
    CHECK(type_of_speaker("the ferry had been sold") == "organisation");
    CHECK(type_of_speaker("the account was suspended") == "organisation");
    // A party label is part of the party's name: two parties, not one "Party".
    const auto* fair = attribution_with(out, "the ferry vote was fair");
    const auto* wrong = attribution_with(out, "the count was wrong");
    REQUIRE(fair);
    REQUIRE(wrong);
    CHECK(entity_name(out, (*fair)["speaker"]) == "Democratic Party");
    CHECK(entity_name(out, (*wrong)["speaker"]) == "Republican Party");
    // "None of the ferry captains": the captains, not a "None".
    const auto* pier = attribution_with(out, "the pier was safe");
    REQUIRE(pier);
    CHECK((*pier)["source"]["text"] == "None of the ferry captains");
    CHECK(entity_name(out, (*pier)["speaker"]) == "ferry captains");
}

TEST_CASE("a preposition is no part of a name, and a name stops at a line break", "[constructions]") {
    const auto out = extract_fixture("names-after-prepositions.txt");
    std::vector<std::string> names;
    for (const auto& entity : out["entities"]) names.push_back(entity["name"]);
    CHECK(std::count(names.begin(), names.end(), "Nina Berg") == 1);
    for (const auto& name : names) {
        CHECK(name.find('\n') == std::string::npos);
        CHECK_FALSE(name.starts_with("By "));
        CHECK_FALSE(name.starts_with("To "));
        CHECK_FALSE(name.starts_with("Even "));
    }
    const auto* reckless = attribution_with(out, "the change is reckless");
    REQUIRE(reckless);
    CHECK(entity_name(out, (*reckless)["speaker"]) == "Nina Berg");
}

TEST_CASE("a role's organisation is an organisation, not a group named with its noun", "[constructions]") {
    const auto out = extract_fixture("role-organisation.txt");
    const auto* tour = attribution_with(out, "the tour would go ahead");
    REQUIRE(tour);
    bool has_role = false;
    for (const auto& entity : out["entities"]) {
        if (entity["id"] != (*tour)["speaker"]) continue;
        for (const auto& role : entity["roles"]) {
            has_role |= std::string(role["title"]).ends_with("manager");
            if (!role["organisation"].is_null()) CHECK(entity_name(out, role["organisation"]) != "campaign staffers");
        }
    }
    CHECK(has_role);
}

TEST_CASE("an event is not a speaker", "[constructions]") {
    // "The flood showed …": the clause is evidence, not a statement, and a flood says nothing.
    const auto out = extract_fixture("event-not-a-source.txt");
    bool mayor = false;
    for (const auto& a : out["attributions"]) {
        REQUIRE(a["source"].is_object());
        CHECK(a["source"]["text"] != "The flood");
        mayor |= a["source"]["text"] == "mayor Anna Lind";
    }
    CHECK(mayor);
}

TEST_CASE("a dummy \"it\" names no speaker; the subject of \"made it clear\" does", "[constructions]") {
    const auto out = extract_fixture("dummy-it.txt");
    bool clear = false, appears = false, swipes = false;
    for (const auto& a : out["attributions"]) {
        const std::string content = a["content"]["text"];
        if (content.find("night crossing") != std::string::npos) {
            clear = true;
            CHECK(a["cue"]["text"] == "made it clear");
            CHECK(a["source"]["text"] == "Board chair Ingrid Dahl");
        } else if (content.find("morning ferry") != std::string::npos) {
            appears = true;
            CHECK(a["source"].is_null());
            CHECK(a["speaker"].is_null());
        } else if (content.find("harbour plan") != std::string::npos) {
            // "Dahl also took several swipes at": the source ends before "also".
            swipes = true;
            CHECK(a["source"]["text"] == "Dahl");
        }
    }
    CHECK(clear);
    CHECK(appears);
    CHECK(swipes);
}

TEST_CASE("a verb that names (\"a firm called Harbour Analytics\") is no cue", "[constructions]") {
    const auto out = extract_fixture("naming-not-speech.txt");
    bool verdict = false;
    for (const auto& a : out["attributions"]) {
        if (!a["cue"].is_object() || a["cue"]["text"] != "called") continue;
        const std::string content = a["content"]["text"];
        CHECK(content.rfind("Harbour Analytics", 0) != 0);
        if (content == "the report a fair warning") {
            verdict = true;
            CHECK(a["source"]["text"] == "Board chair Ingrid Dahl");
        }
    }
    CHECK(verdict);
}

TEST_CASE("an adverb before a cue verb is part of its cue, not a cue of its own", "[constructions]") {
    const auto out = extract_fixture("cue-auxiliaries.txt");
    int denials = 0;
    for (const auto& a : out["attributions"])
        if (std::string(a["content"]["text"]).find("any wrongdoing") != std::string::npos) {
            ++denials;
            CHECK(a["cue"]["text"] == "has repeatedly denied");
            CHECK(a["content"]["text"] == "any wrongdoing");
        }
    CHECK(denials == 1);
}

TEST_CASE("a day after the cue is not the start of the content", "[constructions]") {
    const auto out = extract_fixture("verb-phrase-and-adjunct.txt");
    // Nor is a show's name between the cue and "that": it names the medium, and is no
    // statement of its own.
    check_spans(out, "the old quay would close", "the old quay would close", "Mayor Eva Lind");
    for (const auto& a : out["attributions"])
        CHECK(std::string(a["content"]["text"]).find("Harbour Week") == std::string::npos);
    const auto* vote = attribution_with(out, "vote against the budget");
    REQUIRE(vote);
    CHECK((*vote)["content"]["text"] == "he would vote against the budget");
    CHECK((*vote)["source"]["text"] == "Councillor Per Dahl");
}

TEST_CASE("a recipient named after its article is whole, not the start of the content", "[constructions]") {
    const auto out = extract_fixture("told-recipient.txt");
    const auto* fares = attribution_with(out, "ferry fares would rise");
    REQUIRE(fares);
    CHECK((*fares)["content"]["text"] == "ferry fares would rise in the spring");
    REQUIRE_FALSE((*fares)["recipient"].is_null());
    CHECK(entity_name(out, (*fares)["recipient"]) == "Harbour Island Gazette");
}

TEST_CASE("the recipient is the name heading the mention, and not the speaker", "[constructions]") {
    const auto out = extract_fixture("recipient-head.txt");
    // A name modifying the people told is not the recipient.
    const auto* timetable = attribution_with(out, "The timetable will change");
    REQUIRE(timetable);
    CHECK(entity_name(out, (*timetable)["speaker"]) == "Lena Park");
    CHECK((*timetable)["recipient"].is_null());
    // A name before the head noun gives way to the name the noun leads to.
    const auto* safe = attribution_with(out, "the pier was safe");
    REQUIRE(safe);
    REQUIRE_FALSE((*safe)["recipient"].is_null());
    CHECK(entity_name(out, (*safe)["recipient"]) == "Tomas Berg");
    // A pronoun source is not the person it speaks to, though that person was named last.
    const auto* friday = attribution_with(out, "We will sail on Friday");
    REQUIRE(friday);
    CHECK(entity_name(out, (*friday)["recipient"]) == "Tomas Berg");
    CHECK(entity_name(out, (*friday)["speaker"]) == "Nils Ek");
}

TEST_CASE("an opening adverbial is not the subject of \"… and said\"", "[constructions]") {
    const auto out = extract_fixture("opening-adverbial.txt");
    const auto* banners = attribution_with(out, "the plan ignored them");
    REQUIRE(banners);
    CHECK((*banners)["source"]["text"] == "they");
}

TEST_CASE("the subject of a passive verb of telling is not the source", "[constructions]") {
    // "Reporters were told that …": the statement is reported, its source is not named, and the
    // reporters who heard it are not its speaker.
    const auto out = extract_fixture("passive-told.txt");
    bool found = false;
    for (const auto& a : out["attributions"]) {
        if (std::string(a["content"]["text"]).find("the vote would take place") == std::string::npos) continue;
        found = true;
        CHECK(a["source"].is_null());
        CHECK(a["speaker"].is_null());
        CHECK(a["cue"]["text"] == "were told");
    }
    CHECK(found);
    // The whole verb chain is the cue: "have even been asked".
    const auto* chain = attribution_with(out, "to sail at night");
    REQUIRE(chain);
    CHECK((*chain)["cue"]["text"] == "have even been asked");
    CHECK((*chain)["source"].is_null());
}

TEST_CASE("a question put to a speaker is the asker's statement", "[constructions]") {
    // "Asked whether …, X said …": the question has no named asker; "when asked by reporters
    // about …" names them.
    const auto out = extract_fixture("asked.txt");
    std::string lind;
    for (const auto& e : out["entities"])
        if (e["name"] == "Eva Lind") lind = e["id"];
    bool unnamed = false, by_reporters = false, answer = false, at_briefing = false, whom = false, on_monday = false,
         passive = false;
    for (const auto& a : out["attributions"]) {
        const std::string content = a["content"]["text"];
        if (content == "whether she would run again") {
            unnamed = true;
            CHECK(a["cue"]["text"] == "Asked");
            CHECK(a["source"].is_null());
        } else if (content == "about the budget") {
            by_reporters = true;
            CHECK(a["source"]["text"] == "reporters");
        } else if (content.find("she had not decided") != std::string::npos) {
            answer = true;
            CHECK(a["source"]["text"] == "Mayor Eva Lind");
        } else if (content == "about the ferry fares") {
            // The circumstance of the question ("at a briefing on Tuesday") ends at it.
            at_briefing = true;
            CHECK(a["source"].is_null());
        } else if (content == "whom she would back") {
            whom = true;
        } else if (content == "whether Mr. Ek would stay") {
            // A time before the question, and an abbreviation's period inside it.
            on_monday = true;
            CHECK(a["source"].is_null());
        } else if (content == "whether the ferry would run in May") {
            // "X was asked by Y whether …": Y asked it of X; "by" is no part of the cue.
            passive = true;
            CHECK(a["source"]["text"] == "reporters");
            CHECK(a["cue"]["text"] == "was asked");
            CHECK(a["recipient"] == lind);
        }
    }
    CHECK(on_monday);
    CHECK(passive);
    CHECK(unnamed);
    CHECK(by_reporters);
    CHECK(answer);
    CHECK(at_briefing);
    CHECK(whom);
    // "X, asked whether …, said …": the question between the commas, asked of X by no one named.
    const auto* fares = attribution_with(out, "whether the fares would rise");
    REQUIRE(fares);
    CHECK((*fares)["content"]["text"] == "whether the fares would rise");
    CHECK((*fares)["source"].is_null());
    const auto* answer_after = attribution_with(out, "they would not");
    REQUIRE(answer_after);
    CHECK((*answer_after)["source"]["text"] == "The treasurer");
}

TEST_CASE("a passive of belief names no believer: its subject begins what is believed", "[constructions]") {
    // "The terminal is expected to open in May": no source; the statement is the subject and,
    // as its continuation, what follows the cue.
    const auto out = extract_fixture("belief-passive.txt");
    const auto& atts = out["attributions"];
    auto find = [&](const std::string& text) -> const nlohmann::json* {
        for (const auto& a : atts)
            if (a["content"]["text"] == text) return &a;
        return nullptr;
    };
    // The head (the subject, with the cue and no source) and its continuation.
    auto check_belief = [&](const std::string& subject, const std::string& cue, const std::string& rest) {
        INFO(subject);
        const auto* head = find(subject);
        REQUIRE(head != nullptr);
        CHECK((*head)["cue"]["text"] == cue);
        CHECK((*head)["source"].is_null());
        const auto* continuation = find(rest);
        REQUIRE(continuation != nullptr);
        CHECK((*continuation)["continuation"] == true);
        CHECK((*continuation)["continues"] == (*head)["id"]);
    };
    check_belief("The new ferry terminal", "is expected", "to open in May, two months ahead of the first plan");
    check_belief("The old quay", "is widely seen", "as too small for the larger ships");
    // A raising verb too ("seemed reluctant"), but not before "to" and a cue of its own, where
    // its subject speaks, nor "appeared before the council", a place.
    check_belief("The ferry company", "seemed", "reluctant to raise fares");
    // Any passive of saying without its agent names no speaker; one of feeling keeps its
    // subject as the source ("The crews were shocked that …").
    check_belief("The new timetable", "was announced", "without fanfare");
    check_belief("The ferry chief", "was said", "to be furious");
    // A circumstance after the cue, running to the clause's end, goes on with nothing.
    const auto* schedule = find("The winter schedule");
    REQUIRE(schedule != nullptr);
    CHECK((*schedule)["cue"]["text"] == "was announced");
    for (const auto& a : atts) CHECK(a["content"]["text"] != "on Monday");
    bool crews = false;
    for (const auto& a : atts)
        if (a["content"]["text"] == "the ice held so late") crews = a["source"]["text"] == "The crews";
    CHECK(crews);
    bool chief = false;
    for (const auto& a : atts) {
        CHECK(std::string(a["content"]["text"]).find("before the council") == std::string::npos);
        if (std::string(a["content"]["text"]).find("prices would hold") != std::string::npos)
            chief = !a["source"].is_null() && a["source"]["text"] == "Its chief executive";
    }
    CHECK(chief);
    // The adverb before the participle makes no attribution of its own ("The old quay —
    // is widely — seen as …").
    for (const auto& a : atts) CHECK((a["cue"].is_null() || a["cue"]["text"] != "is widely"));
    // Ordinary reported speech beside it is untouched.
    bool ek = false;
    for (const auto& a : atts)
        if (std::string(a["content"]["text"]).find("crews had worked through the winter") != std::string::npos)
            ek = a["source"]["text"] == "Harbour master Nils Ek";
    CHECK(ek);
}

TEST_CASE("a question after \"Asked\" runs on through the quotation in it", "[constructions]") {
    const auto out = extract_fixture("asked-with-quotation.txt");
    bool closing_comma = false, inner = false;
    for (const auto& a : out["attributions"]) {
        const std::string content = a["content"]["text"];
        if (content == "whether the mayor “keeps her promises,”") {
            closing_comma = true;
            CHECK(a["cue"]["text"] == "Asked");
            CHECK(a["source"].is_null());
        }
        if (content == "whether the “new” ferry would run in winter") inner = true;
        // The answer is no part of the question.
        CHECK(content.find("percent") == std::string::npos);
    }
    CHECK(closing_comma);
    CHECK(inner);
}

TEST_CASE("a mixed continuation stays within its paragraph", "[constructions]") {
    const auto out = extract_fixture("mixed-continuation.txt");
    for (const auto& a : out["attributions"]) {
        const std::string content = a["content"]["text"];
        if (content.find("a question for the spring") != std::string::npos) CHECK_FALSE(a["continuation"].get<bool>());
    }
}

TEST_CASE("a plural role is a group, never the antecedent of he or she", "[constructions]") {
    const auto out = extract_fixture("has-since-said.txt");
    for (const auto& e : out["entities"])
        if (e["name"] == "officials") CHECK(e["type"] == "group");
    bool she = false;
    for (const auto& a : out["attributions"]) {
        if (a["source"].is_null() || a["source"]["text"] != "She") continue;
        she = true;
        CHECK(a["cue"]["text"] == "has since said");
        CHECK(a["speaker"].is_null());
    }
    CHECK(she);
}

TEST_CASE("a phrasal cue needs its particle", "[constructions]") {
    const auto out = extract_fixture("phrasal-cue.txt");
    bool phrasal = false;
    for (const auto& a : out["attributions"]) {
        if (a["cue"].is_null()) continue;
        const std::string cue = a["cue"]["text"];
        if (cue == "points out") phrasal = true;
        CHECK(cue != "points");  // "The points on the agenda": a noun
    }
    CHECK(phrasal);
}

TEST_CASE("a title that is part of a cue is no statement of its own", "[constructions]") {
    const auto out = extract_fixture("title-after-medium.txt");
    CHECK(out["attributions"].size() == 1);
}

TEST_CASE("a show's title after the one told is no statement, and no sentence-ending verb closes a name", "[constructions]") {
    const auto out = extract_fixture("closing-sources.txt");
    CHECK(out["attributions"].size() == 11);
    for (const auto& a : out["attributions"]) {
        CHECK(std::string(a["content"]["text"]).find("Morning Show") == std::string::npos);
        CHECK_FALSE(a["continuation"].get<bool>());
    }
    for (const auto& e : out["entities"]) CHECK(std::string(e["name"]).find("Gov") == std::string::npos);
}

TEST_CASE("a title after a place or an opener is the title of the name after it, and its role", "[constructions]") {
    const auto out = extract_fixture("title-after-place.txt");
    const nlohmann::json* lowry = nullptr;
    const nlohmann::json* vance = nullptr;
    for (const auto& e : out["entities"]) {
        // Neither "Coastal Gov" nor "Sen" is anyone.
        CHECK(std::string(e["name"]).find("Gov") == std::string::npos);
        CHECK(e["name"] != "Sen");
        if (e["name"] == "Tamsin Lowry") lowry = &e;
        if (e["name"] == "Oskar Vance") vance = &e;
    }
    REQUIRE(lowry);
    REQUIRE(vance);
    CHECK((*lowry)["type"] == "person");
    CHECK((*vance)["type"] == "person");
    const auto has_alias = [](const nlohmann::json& e, const char* alias) {
        return std::find(e["aliases"].begin(), e["aliases"].end(), alias) != e["aliases"].end();
    };
    CHECK(has_alias(*lowry, "Gov Tamsin Lowry"));
    CHECK(has_alias(*vance, "Sen Oskar Vance"));
    // The title says what each is (data/title_roles.tsv).
    const auto has_role = [](const nlohmann::json& e, const char* title) {
        for (const auto& role : e["roles"])
            if (role["title"] == title) return true;
        return false;
    };
    CHECK(has_role(*lowry, "governor"));
    CHECK(has_role(*vance, "senator"));
    for (const char* words : {"the state would ask", "We cannot wait"}) {
        const auto* a = attribution_with(out, words);
        REQUIRE(a);
        CHECK(entity_name(out, (*a)["speaker"]) == "Tamsin Lowry");
    }
    for (const char* words : {"the fund was already empty", "the request would be heard"}) {
        const auto* a = attribution_with(out, words);
        REQUIRE(a);
        CHECK(entity_name(out, (*a)["speaker"]) == "Oskar Vance");
    }
}

TEST_CASE("a closing report is the sentence's attribution, not part of an inner content", "[constructions]") {
    const auto out = extract_fixture("closing-report.txt");
    const std::pair<const char*, const char*> inner[] = {{"wants", "a new pier at the harbour"},
                                                         {"hopes", "to open it in May"}};
    for (const auto& [cue, content] : inner) {
        bool found = false;
        for (const auto& a : out["attributions"])
            if (!a["cue"].is_null() && a["cue"]["text"] == cue) {
                found = true;
                CHECK(a["content"]["text"] == content);
            }
        CHECK(found);
    }
    const auto* holm = attribution_with(out, "The council wants a new pier");
    REQUIRE(holm);
    CHECK((*holm)["source"]["text"] == "Lena Holm");
    const auto* she = attribution_with(out, "The harbour board hopes");
    REQUIRE(she);
    CHECK(entity_name(out, (*she)["speaker"]) == "Lena Holm");
}

TEST_CASE("a statement read through two cues of one chain is one statement", "[constructions]") {
    const auto out = extract_fixture("one-statement-read-once.txt");
    const auto count_with = [&](const char* words) {
        int n = 0;
        for (const auto& a : out["attributions"])
            n += std::string(a["content"]["text"]).find(words) != std::string::npos;
        return n;
    };
    CHECK(count_with("whether the budget would pass") == 1);
    CHECK(count_with("the port will reopen") == 1);
    const auto* refused = attribution_with(out, "whether the budget would pass");
    REQUIRE(refused);
    CHECK((*refused)["cue"]["text"] == "refused");
    CHECK((*refused)["content"]["text"] == "to say whether the budget would pass before the summer");
    // "made clear": the verb belongs to the cue, not to the source.
    const auto* clear = attribution_with(out, "the union would strike");
    REQUIRE(clear);
    CHECK((*clear)["source"]["text"] == "Lena Holm");
    CHECK((*clear)["cue"]["text"] == "made clear");
}

TEST_CASE("a lone surname the name finder passed over is the person named in full with it", "[constructions]") {
    // A headline in title case: "Holm" opens it, so it is not read as a name there.
    const auto out = extract_fixture("headline-surname.txt");
    const auto* headline = attribution_with(out, "The Old Pier Must Close");
    REQUIRE(headline);
    CHECK((*headline)["source"]["text"] == "Holm");
    CHECK(entity_name(out, (*headline)["speaker"]) == "Lena Holm");
    for (const auto& e : out["entities"]) CHECK(e["name"] != "Holm");
}

TEST_CASE("\"who\" with no comma before it refers to the phrase it follows", "[constructions]") {
    const auto out = extract_fixture("who-antecedent.txt");
    std::vector<std::string> speakers;  // of the "who" sources, in text order
    for (const auto& a : out["attributions"])
        if (!a["source"].is_null() && a["source"]["text"] == "who") speakers.push_back(entity_name(out, a["speaker"]));
    // An apposition to a name: the name, not a name inside the apposition; an indefinite
    // role introduces someone new, not the last person named.
    CHECK(speakers == std::vector<std::string>{"Lena Holm", "ferry captain"});
    // The relative clause inside the apposition ends at the apposition's closing comma.
    for (const auto& a : out["attributions"])
        if (!a["cue"].is_null() && a["cue"]["text"] == "has argued for") CHECK(a["content"]["text"] == "a new quay");
    const auto* vote = attribution_with(out, "the vote would be close");
    REQUIRE(vote);
    CHECK((*vote)["cue"]["text"] == "said");
}

TEST_CASE("a quotation no rule attributes is still a statement, its source the sentence's subject or none",
          "[constructions]") {
    const auto out = extract_fixture("unattributed-quotation.txt");
    // Opening the article, with no speaker before it: listed with no source and no speaker.
    const auto* alone = attribution_with(out, "Nobody in this town");
    REQUIRE(alone);
    CHECK((*alone)["source"].is_null());
    CHECK((*alone)["speaker"].is_null());
    CHECK((*alone)["cue"].is_null());
    CHECK((*alone)["kind"] == "direct");
    // Two words are a statement when they are a sentence of their own.
    const auto* short_sentence = attribution_with(out, "Not again.");
    REQUIRE(short_sentence);
    CHECK((*short_sentence)["source"].is_null());
    // In a predicate whose verb no rule knows: the subject of its sentence.
    check_spans(out, "a reckless attack", "“a reckless attack on the island economy.”", "Councillor Eva Lind");
    CHECK(entity_name(out, (*attribution_with(out, "a reckless attack"))["speaker"]) == "Eva Lind");
    // After a verb the cue lexicon knows, in no construction of its rules: that verb's subject and the verb.
    const auto* leaflet = attribution_with(out, "never listens to islanders");
    REQUIRE(leaflet);
    CHECK((*leaflet)["source"]["text"] == "The new campaign leaflet");
    CHECK((*leaflet)["cue"]["text"] == "targets");
    // A scare quote of two words is no statement.
    CHECK(attribution_with(out, "sea party") == nullptr);
}

TEST_CASE("a particle the cue usually takes is the cue's, not the statement's", "[constructions]") {
    const auto out = extract_fixture("particle-after-cue.txt");
    // Left opening the content by the passive rule: "was asked | about the loan".
    const auto* asked = attribution_with(out, "the loan from the port fund");
    REQUIRE(asked);
    CHECK((*asked)["cue"]["text"] == "was asked about");
    CHECK((*asked)["content"]["text"] == "the loan from the port fund");
    // After a particle already joined: "has spoken out | against …".
    const auto* spoken = attribution_with(out, "the new ferry timetable");
    REQUIRE(spoken);
    CHECK((*spoken)["cue"]["text"] == "has spoken out against");
    CHECK((*spoken)["source"]["text"] == "Nora Falk");
}

TEST_CASE("an adjunct's preposition is no part of a source, and a source is never a bare article", "[constructions]") {
    const auto out = extract_fixture("adjunct-before-source.txt");
    // "In a | swipe against …" was read as a statement whose source was "In a".
    for (const auto& a : out["attributions"])
        if (a["source"].is_object()) CHECK(a["source"]["text"] != "In a");
    check_spans(out, "the ferry would run all winter", "the ferry would run all winter", "Mayor Eva Lind");
    // "…, with former harbour master Per Ek calling it a disaster": the source starts after "with".
    check_spans(out, "it a disaster", "it a disaster", "former harbour master Per Ek");
    // A participle after "with" is the noun phrase's after it, not the sentence subject's.
    check_spans(out, "the deal was unfair", "the deal was unfair", "their leader");
    // A participle after a clause that a conjunction opens is that clause's subject's.
    check_spans(out, "the night boat would sail", "the night boat would sail", "Mayor Eva Lind");
    // "Likewise," opens a sentence as "However," does.
    check_spans(out, "a second inquiry", "a second inquiry", "the ferry captains");
    // A title's period, a web address's and a name suffix's end no source.
    check_spans(out, "The ferry plan", "The ferry plan", "former Maine Gov. Anna Vik");
    check_spans(out, "The quay will hold", "“The quay will hold,”", "Tomas Ek, the harbour director for PortWatch.org");
    check_spans(out, "We will sail", "“We will sail,”", "Olof Alm Jr.");
    // A participle before a time ("released Friday") is the source's, not a cue of its own;
    // "last week" before the verb is the poll's, not the cue's.
    check_spans(out, "most ferries ran late", "most ferries ran late", "A harbour survey released Friday");
    CHECK((*attribution_with(out, "most ferries ran late"))["cue"]["text"] == "found");
    CHECK(attribution_with(out, "found that most ferries") == nullptr);
    check_spans(out, "the bridge plan was unpopular", "the bridge plan was unpopular", "An island poll last week");
    CHECK((*attribution_with(out, "the bridge plan was unpopular"))["cue"]["text"] == "found");
    // The comma after an opening adverb is not the source's first token.
    check_spans(out, "the ferry is too slow", "the ferry is too slow", "52 percent of the islanders");
}

TEST_CASE("a verb of saying in a title-case headline ends the name before it", "[constructions]") {
    const auto out = extract_fixture("headline-verb-ends-name.txt");
    bool found_person = false;
    for (const auto& e : out["entities"]) {
        CHECK(std::string(e["name"]).find("Slams") == std::string::npos);
        found_person |= e["name"] == "Tomas Ek";
    }
    CHECK(found_person);
}

TEST_CASE("a relation and the name in apposition to it are the source, and a day before them is no name",
          "[constructions]") {
    const auto out = extract_fixture("appositions-of-subject.txt");
    check_spans(out, "a new vote", "a new vote", "Mayor Ruth Alm's husband, Olof,");
}

TEST_CASE("an editor's note is a label, not a report of its editor", "[constructions]") {
    const auto out = extract_fixture("label-not-a-report.txt");
    CHECK(attribution_with(out, "refused to publish its ferry contracts") == nullptr);
    for (const auto& e : out["entities"]) CHECK(e["name"] != "Editor’s");
    const auto* chairman = attribution_with(out, "the contracts were confidential");
    REQUIRE(chairman);
    CHECK(entity_name(out, (*chairman)["speaker"]) == "Lars Dahl");
}

TEST_CASE("a closing report with a lowercase subject ends the statement before it", "[constructions]") {
    const auto out = extract_fixture("conjoined-report.txt");
    // "The board has approved a later boat …, officials said.": the verb inside is a cue of its
    // own, and its statement stops before the report.
    const nlohmann::json* approved = nullptr;
    for (const auto& a : out["attributions"])
        if (a["cue"].is_object() && a["cue"]["text"] == "has approved") approved = &a;
    REQUIRE(approved);
    CHECK((*approved)["content"]["text"] == "a later boat for the summer");
    check_spans(out, "The board has approved", "The board has approved a later boat for the summer", "officials");
}

TEST_CASE("each attribution says how strong its cue is and what its source is", "[constructions]") {
    const auto out = extract_fixture("reporting-relative-clause.txt");
    const auto* said = attribution_with(out, "The fares will double by spring");
    REQUIRE(said);
    CHECK((*said)["cue_strength"] == "strong");
    CHECK((*said)["source_kind"] == "name");
    const auto* warned = attribution_with(out, "the island would lose its school");
    REQUIRE(warned);
    CHECK((*warned)["source_kind"] == "pronoun");
    // Its confidence is that of its rule's cell (data/confidence.tsv), not its rule alone.
    for (const auto& a : out["attributions"]) {
        const std::string strength = a["cue_strength"], kind = a["source_kind"];
        CHECK((strength == "none" || strength == "weak" || strength == "middling" || strength == "strong"));
        CHECK((kind == "none" || kind == "pronoun" || kind == "noun" || kind == "name"));
        CHECK((a["cue"].is_null() == (strength == "none")));
        CHECK((a["source"].is_null() == (kind == "none")));
    }
}

TEST_CASE("a passive of telling names no source, and one of attitude no recipient", "[constructions]") {
    const auto out = extract_fixture("attitude-passives.txt");
    const auto* told = attribution_with(out, "the vote would be delayed");
    REQUIRE(told);
    CHECK((*told)["source"].is_null());
    CHECK((*told)["cue"]["text"] == "were told");
    const auto* convinced = attribution_with(out, "the new ferry will pay for itself");
    REQUIRE(convinced);
    CHECK((*convinced)["recipient"].is_null());
}

TEST_CASE("a phrase opened by a preposition is no statement of the report after it", "[constructions]") {
    const auto out = extract_fixture("object-of-report.txt");
    // "On the other side, Nils Dahl tweeted a reply.": what he tweeted is the reply.
    CHECK_FALSE(attribution_with(out, "On the other side"));
    const nlohmann::json* dahl = nullptr;
    for (const auto& a : out["attributions"])
        if (a["source"].is_object() && a["source"]["text"] == "Nils Dahl") dahl = &a;
    REQUIRE(dahl);
    CHECK((*dahl)["content"]["text"] == "a reply");
}

TEST_CASE("a participle opening the sentence reports nothing of its own", "[constructions]") {
    const auto out = extract_fixture("opening-participles.txt");
    for (const auto& a : out["attributions"])
        if (a["source"].is_object()) CHECK(a["source"]["text"] != "Appearing");
    const auto* told = attribution_with(out, "The deal will be signed in May");
    REQUIRE(told);
    CHECK(entity_name(out, (*told)["recipient"]) == "Island Herald");
}

TEST_CASE("a verb that is only sometimes a cue reports nothing without a clause or a quotation", "[constructions]") {
    const auto out = extract_fixture("quotation-in-predicate.txt");
    CHECK_FALSE(attribution_with(out, "changes"));
}

TEST_CASE("a recipient's employer after \"of\" is part of the recipient", "[constructions]") {
    const auto out = extract_fixture("recipient-employer.txt");
    check_spans(out, "the ferry would run all winter", "the ferry would run all winter", "She");
    const auto* told = attribution_with(out, "the ferry would run all winter");
    REQUIRE(told);
    CHECK(entity_name(out, (*told)["recipient"]) == "Nils Dahl");
}

TEST_CASE("an opening preposition and its name are no subject of a participle", "[constructions]") {
    const auto out = extract_fixture("participle-subjects.txt");
    const auto* calling = attribution_with(out, "the quay plan a disgrace");
    REQUIRE(calling);
    CHECK((*calling)["source"]["text"] == "she");
}

TEST_CASE("a role finished after \"of\" keeps its whole title", "[constructions]") {
    const auto out = extract_fixture("role-of-staff.txt");
    const auto has_role = [&](const char* name, const char* title) {
        for (const auto& e : out["entities"])
            if (e["name"] == name)
                for (const auto& role : e["roles"])
                    if (role["title"] == title) return true;
        return false;
    };
    // "chief of staff", not "chief" with "staff" read as its organisation (data/role_complements.txt).
    CHECK(has_role("Nils Dahl", "chief of staff"));
    CHECK(has_role("Lena Berg", "deputy chief of staff"));
    // A title in a relative clause starts after "as" ("who served as harbour director").
    CHECK(has_role("Ola Ek", "harbour director"));
}

TEST_CASE("a body named by a capitalised modifier is whom it was told", "[constructions]") {
    const auto out = extract_fixture("recipient-named-body.txt");
    // "told a Council committee Tuesday": the committee is the recipient, the clause before the statement.
    check_spans(out, "The harbour will stay open through the winter", "The harbour will stay open through the winter",
                "Harbour Director Ola Berg");
    const auto* told = attribution_with(out, "The harbour will stay open");
    REQUIRE(told);
    CHECK_FALSE((*told)["recipient"].is_null());
    for (const auto& a : out["attributions"]) CHECK(std::string(a["content"]["text"]).find("committee") == std::string::npos);
}

TEST_CASE("a subject of two names joined by \"and\" is whole", "[constructions]") {
    const auto out = extract_fixture("subject-party-tag-and-joined-name.txt");
    check_spans(out, "it would not last the winter", "it would not last the winter", "Ola Berg and Nils Dahl");
    // A common noun phrase after "and", up to the predicate.
    check_spans(out, "the quay would be sold", "the quay would be sold", "Nils Dahl and his fellow fishermen");
}

TEST_CASE("a list of noun phrases joined by \"and\" at its end is one source", "[constructions]") {
    const auto out = extract_fixture("listed-sources.txt");
    check_spans(out, "the harbour master would be missed", "the harbour master would be missed",
                "Friends, neighbours and former rivals");
    check_spans(out, "they backed the plan", "they backed the plan",
                "Forty percent of fishermen, 30 percent of ferry workers and 12 percent of shop owners");
    // An opening time and its comma are no item of the list.
    const auto* urged = attribution_with(out, "to keep the night ferry");
    REQUIRE(urged);
    CHECK((*urged)["source"]["text"] == "Mayor Eva Lind and Councillor Ola Berg");
}

TEST_CASE("a question quoted after a passive of asking and its agent is the agent's", "[constructions]") {
    const auto out = extract_fixture("asked-by-agent-quote.txt");
    // "X was asked by Y, “…”": Y asked it, X was asked; the subject is no statement.
    check_spans(out, "Will the night ferry run", "\"Will the night ferry run this winter?\"", "host Nils Dahl");
    const auto* asked = attribution_with(out, "Will the night ferry run");
    REQUIRE(asked);
    CHECK(entity_name(out, (*asked)["speaker"]) == "Nils Dahl");
    CHECK(entity_name(out, (*asked)["recipient"]) == "Eva Lind");
    for (const auto& a : out["attributions"]) CHECK(a["content"]["text"] != "Mayor Eva Lind");
}

TEST_CASE("a title with \"of\" in it is the title of the name after it, not a name of its own", "[constructions]") {
    const auto out = extract_fixture("titles-with-of.txt");
    std::vector<std::string> names;
    for (const auto& entity : out["entities"]) names.push_back(entity["name"]);
    for (const char* name : {"Lena Holm", "Anna Lind", "Eva Berg", "Council of the Northern Harbour Schools"})
        CHECK(std::count(names.begin(), names.end(), name) == 1);
    for (const auto& name : names) {
        CHECK(name != "Speaker");
        CHECK_FALSE(name.starts_with("of "));
        CHECK_FALSE(name.ends_with(" Chief"));
    }
    const auto* winter = attribution_with(out, "the night ferry would run all winter");
    REQUIRE(winter);
    CHECK(entity_name(out, (*winter)["speaker"]) == "Lena Holm");
    bool chief_of_staff = false;
    for (const auto& entity : out["entities"])
        if (entity["id"] == (*winter)["speaker"])
            for (const auto& role : entity["roles"])
                chief_of_staff |= role["title"] == "chief of staff" && !role["organisation"].is_null() &&
                                  entity_name(out, role["organisation"]) == "Harbour Board";
    CHECK(chief_of_staff);
    const auto* march = attribution_with(out, "the quay would reopen in March");
    REQUIRE(march);
    CHECK(entity_name(out, (*march)["speaker"]) == "Anna Lind");
    const auto* budget = attribution_with(out, "the budget was settled");
    REQUIRE(budget);
    CHECK(entity_name(out, (*budget)["speaker"]) == "Eva Berg");
}

TEST_CASE("a day's possessive is a day, not a name", "[constructions]") {
    const auto out = extract_fixture("day-possessive.txt");
    for (const auto& entity : out["entities"]) CHECK(entity["name"] != "Thursday");
    REQUIRE(attribution_with(out, "the ferry talks will go on"));
}

TEST_CASE("a report in an opening subordinate clause ends with the clause", "[constructions]") {
    const auto out = extract_fixture("report-in-subordinate-clause.txt");
    check_spans(out, "neglecting the quay", "the council of neglecting the quay", "Mayor Eva Lind");
    // (After an adverb before the subordinator, too.)
    check_spans(out, "the ferry plan", "the ferry plan this month", "Anna Holm");
    // A phrase opening the sentence ends where a subject and its verb follow its comma.
    check_spans(out, "the new timetable", "the new timetable", "a statement");
    check_spans(out, "stop at Visby", "the night ferry would stop at Visby", "Mayor Eva Lind");
    // An opening participle is no source, and its phrase ends before the main clause.
    check_spans(out, "the timetable was final", "the timetable was final", "Mayor Eva Lind");
    for (const auto& a : out["attributions"])
        if (!a["source"].is_null()) CHECK(a["source"]["text"] != "Facing");
}

TEST_CASE("a preposition or an answer opening the sentence is no source", "[constructions]") {
    const auto out = extract_fixture("preposition-not-source.txt");
    for (const auto& a : out["attributions"]) {
        if (a["source"].is_null()) continue;
        CHECK(a["source"]["text"] != "Across");
        CHECK(a["source"]["text"] != "Yes");
    }
}

TEST_CASE("a law, a treaty or a venue is not a person", "[constructions]") {
    const auto out = extract_fixture("names-of-things.txt");
    for (const auto& entity : out["entities"]) {
        const std::string name = entity["name"];
        if (name.ends_with("Agreement") || name.ends_with("Act") || name.ends_with("Garden")) CHECK(entity["type"] != "person");
    }
    const auto* ferry = attribution_with(out, "would bring the ferry back");
    REQUIRE(ferry);
    CHECK(entity_name(out, (*ferry)["speaker"]) == "Eva Lind");
}

TEST_CASE("a month after a preposition is a date, not a first name", "[constructions]") {
    const auto out = extract_fixture("month-before-name.txt");
    for (const auto& entity : out["entities"]) CHECK(entity["name"] != "June Lind");
    const auto* reopen = attribution_with(out, "the quay would reopen");
    REQUIRE(reopen);
    CHECK(entity_name(out, (*reopen)["speaker"]) == "Eva Lind");
}

TEST_CASE("a state's abbreviation is a place, no antecedent of \"he\"", "[constructions]") {
    const auto out = extract_fixture("state-abbreviation.txt");
    for (const auto& entity : out["entities"])
        if (entity["name"] == "Wis") CHECK(entity["type"] != "person");
    const auto* mill = attribution_with(out, "the paper mill would stay open");
    REQUIRE(mill);
    CHECK(entity_name(out, (*mill)["speaker"]) == "Barack Obama");
}

TEST_CASE("capitals in a title-case headline make no name of an ordinary word", "[constructions]") {
    const auto out = extract_fixture("title-case-headline-words.txt");
    std::set<std::string> names;
    for (const auto& entity : out["entities"]) {
        const std::string name = entity["name"];
        names.insert(name);
        for (const char* ordinary : {"Just", "Dropped", "Bombshell", "Quietly", "Plan", "Ferry"})
            CHECK(name.find(ordinary) == std::string::npos);
    }
    // A name the article writes in running text, and a surname after a first name, stay.
    for (const char* name : {"Tomas Ek", "Rosa Berg", "Hans Field", "Chad Moss", "Harbour Board"}) CHECK(names.count(name) == 1);
    const auto* headline = attribution_with(out, "Her Plan For Vik");
    REQUIRE(headline);
    CHECK((*headline)["source"]["text"] == "Rosa Berg");
    CHECK((*headline)["cue"]["text"] == "Quietly Reveals");
    CHECK(speaker_of(out, "the island needed a bridge") == "Rosa Berg");
}

TEST_CASE("a headline in title case may leave its prepositions in lowercase", "[constructions]") {
    const auto out = extract_fixture("headline-lowercase-prepositions.txt");
    check_spans(out, "Raising Ferry Fees", "Harbour Board for Raising Ferry Fees after Storm", "Mayor Tomas Ek", "Blasts");
}

TEST_CASE("a medium closing the sentence after a clause and its comma is the cue's", "[constructions]") {
    const auto out = extract_fixture("medium-after-clause.txt");
    check_spans(out, "will stop running in May", "The ferry to Vik will stop running in May", "the Harbour Board",
                "posted on Facebook");
    // (An abbreviated title's period ends no clause.)
    check_spans(out, "to reopen the quay", "Island Gov. Eva Lind to reopen the quay", "Mayor Tomas Ek", "called on");
}

TEST_CASE("what a quotation is said of goes on with it", "[constructions]") {
    const auto out = extract_fixture("said-of.txt");
    const auto* vote = attribution_with(out, "the council’s vote on the ferry");
    REQUIRE(vote);
    CHECK((*vote)["content"]["text"] == "the council’s vote on the ferry");
    CHECK((*vote)["continues"] == (*attribution_with(out, "It is unanimous"))["id"]);
    CHECK(entity_name(out, (*vote)["speaker"]) == "Eva Lind");
    // (Not when the sentence goes on: the participle after the comma is a statement of its own.)
    CHECK(attribution_with(out, "the harbour festival") == nullptr);
    check_spans(out, "never been busier", "it had never been busier", "Mayor Tomas Ek");
}

TEST_CASE("a doubled opening mark opens one quotation", "[constructions]") {
    const auto out = extract_fixture("doubled-opening-mark.txt");
    check_spans(out, "We will not close the quay", "\"“We will not close the quay,”", "Mayor Tomas Ek");
    CHECK((*attribution_with(out, "We will not close the quay"))["kind"] == "direct");
    check_spans(out, "The ferry stays", "““The ferry stays,”", "councillor Eva Lind");
}

TEST_CASE("\"who\" after an apposition to a source is that source's person", "[constructions]") {
    const auto out = extract_fixture("who-after-apposition.txt");
    CHECK(speaker_of(out, "the quay would stay open") == "Eva Lind");
    CHECK(speaker_of(out, "fares would rise") == "Tomas Ek");
}

TEST_CASE("\"who\" after a plural with no name is not the nearest person", "[constructions]") {
    const auto out = extract_fixture("who-after-plural.txt");
    for (const char* words : {"the ferry had been too slow", "the old pier was unsafe"})
        CHECK(speaker_of(out, words) != "Tomas Ek");
    // (A singular stays with the person just named.)
    CHECK(speaker_of(out, "the quay would last a century") == "Tomas Ek");
}

TEST_CASE("a name with its middle initial and without it is one person, unless two such are named", "[constructions]") {
    const auto out = extract_fixture("middle-names.txt");
    CHECK(speaker_of(out, "the ferry would run twice a day") == "Eva M. Lind");
    int dahls = 0;
    for (const auto& entity : out["entities"]) {
        CHECK(entity["name"] != "Eva Lind");
        dahls += std::string(entity["name"]).ends_with("Dahl");
    }
    CHECK(dahls == 3);  // "Nils Dahl" may be either brother
}

TEST_CASE("three typewriter apostrophes after a word close the single quote, then the double", "[constructions]") {
    const auto out = extract_fixture("nested-typewriter-close.txt");
    check_spans(out, "We cannot wait another winter",
                "''I told the ferry company, 'We cannot wait another winter,'''", "Eva Lind, who chairs the board");
    CHECK(speaker_of(out, "The quay is falling apart") == "Eva Lind");
    check_spans(out, "Harbour Lights", "'''Harbour Lights,'''", "Mayor Tomas Ek");
}

TEST_CASE("a quotation's unlisted closing verb may be followed by a time", "[constructions]") {
    const auto out = extract_fixture("unlisted-verb-then-time.txt");
    check_spans(out, "a show of good faith", "“That would have been a show of good faith,”", "councillor Eva Lind",
                "fumed");
    check_spans(out, "We will build it anyway", "“We will build it anyway,”", "Mayor Tomas Ek", "scoffed");
}

TEST_CASE("a quotation in a weak cue's predicate ends before the report that closes its sentence", "[constructions]") {
    const auto out = extract_fixture("quote-in-predicate-then-report.txt");
    check_spans(out, "The ferry campaign is about",
                "The ferry campaign is about “people telling the board, 'we need a boat,'”", "councillor Eva Lind", "said");
    for (const auto& a : out["attributions"])
        CHECK(std::string(a["content"]["text"]).find("Lind said") == std::string::npos);
    CHECK(speaker_of(out, "a revolt of the islanders") == "Eva Lind");
}

TEST_CASE("after a quotation and its recipient, \"that\" before a verb opens a clause about the recipient", "[constructions]") {
    const auto out = extract_fixture("recipient-relative-that.txt");
    check_spans(out, "keep the ferry running", "\"We will keep the ferry running every day of the year,\"",
                "Mayor Tomas Ek", "told");
    CHECK(attribution_with(out, "had waited since noon") == nullptr);
    // (Before a subject it is what was told.)
    check_spans(out, "the board would vote in May", "the board would vote in May", "councillor Eva Lind", "told");
}

TEST_CASE("a quotation after \"X said when asked about Y\" goes on with X's statement", "[constructions]") {
    const auto out = extract_fixture("continuation-after-asked.txt");
    CHECK(speaker_of(out, "possible for anybody to change") == "Tomas Ek");
    CHECK(speaker_of(out, "I do not see evidence") == "Tomas Ek");
}

TEST_CASE("a clause of time after an inverted source is not part of it", "[constructions]") {
    const auto out = extract_fixture("inverted-source-time-clause.txt");
    check_spans(out, "founders of this town", "“The founders of this town would agree,”", "ferry captain Nils Dahl");
    CHECK(speaker_of(out, "founders of this town") == "Nils Dahl");
    check_spans(out, "a fine day for the island", "“It is a fine day for the island,”", "Mayor Tomas Ek");
    check_spans(out, "We waited long enough", "“We waited long enough,”", "councillor Eva Lind");
}

TEST_CASE("a relative clause ending in a day, before a name and its cue, is not the name's", "[constructions]") {
    const auto out = extract_fixture("relative-clause-ending-in-day.txt");
    check_spans(out, "the ferry would run all winter", "the ferry would run all winter", "Mayor Tomas Ek", "said");
    CHECK(speaker_of(out, "the ferry would run all winter") == "Tomas Ek");
    check_spans(out, "the pier should stay", "the pier should stay", "Eva Lind", "argued");
}

TEST_CASE("a count in a joined clause is its own source (\"and nearly three in five said\", \"all but two said\")", "[constructions]") {
    const auto out = extract_fixture("counted-sources.txt");
    check_spans(out, "they would vote for the new pier", "they would vote for the new pier", "Two in three", "said");
    check_spans(out, "they would use the ferry less", "they would use the ferry less", "nearly three in five", "said");
    check_spans(out, "the board should act before winter", "the board should act before winter", "all but two", "said");
}

TEST_CASE("an approximate count is a source, and a \"with\" clause's report ends the statement before it", "[constructions]") {
    const auto out = extract_fixture("approximate-counts.txt");
    check_spans(out, "they would use the new ferry", "they would use the new ferry", "about two-thirds of voters", "said");
    check_spans(out, "they would use it every day", "they would use it every day", "about three in 10", "saying");
    check_spans(out, "themselves as regular passengers", "themselves as regular passengers", "Nearly half", "described");
}

TEST_CASE("a time after a conjunction is no source, and a plural with whom it serves is one", "[constructions]") {
    const auto out = extract_fixture("time-or-plural-before-cue.txt");
    const nlohmann::json* wrote = nullptr;
    for (const auto& a : out["attributions"])
        if (!a["cue"].is_null() && a["cue"]["text"] == "wrote") wrote = &a;
    REQUIRE(wrote);
    CHECK((*wrote)["source"]["text"] == "The columnist Eva Lind");
    check_spans(out, "they needed more time", "they needed more time", "attorneys for the board", "said");
}

TEST_CASE("an opening time and its comma come before the sentence's subject", "[constructions]") {
    const auto out = extract_fixture("opening-time-and-comma.txt");
    check_spans(out, "more answers about the pier", "more answers about the pier", "board chairman Nils Dahl", "seeking");
    check_spans(out, "Ek should be given a medal", "Ek should be given a medal", "she", "saying");
}

TEST_CASE("a role before a name in any sentence lets the role alone find the person later", "[constructions]") {
    const auto out = extract_fixture("roles-outside-sources.txt");
    CHECK(speaker_of(out, "the ferry would keep running") == "Nils Dahl");
    CHECK(speaker_of(out, "the pier would be rebuilt") == "Eva Lind");
    // (An indefinite phrase introduces someone new.)
    CHECK(speaker_of(out, "the fares would rise") != "Nils Dahl");
}

TEST_CASE("a pronoun source opening its sentence is the earlier sentence's speaker or subject, not its last name", "[constructions]") {
    const auto out = extract_fixture("pronoun-after-subject.txt");
    CHECK(speaker_of(out, "The ferry must run every day") == "Dahl");
    CHECK(speaker_of(out, "the quay was safer than ever") == "Lind");
    // (With no statement in the earlier sentence, its first person.)
    CHECK(speaker_of(out, "the boats were ready") == "Per Holm");
    // (A pronoun speaker in the sentence before carries on: "He said …. “…,” he said.")
    CHECK(speaker_of(out, "the pier was empty that night") == "Lars Berg");
    CHECK(speaker_of(out, "It is our bad luck") == "Lars Berg");
}

TEST_CASE("a party word alone is no person", "[constructions]") {
    const auto out = extract_fixture("party-word-alone.txt");
    CHECK(speaker_of(out, "the ferry would run all winter") == "Eva Lind");
    for (const auto& entity : out["entities"])
        if (entity["name"] == "Democratic") CHECK(entity["type"] != "person");
}

TEST_CASE("\"I\" or \"we\" outside a quotation is the writer, no person the text names", "[constructions]") {
    const auto out = extract_fixture("first-person-source.txt");
    check_spans(out, "the ferry would never run on time", "the ferry would never run on time", "I", "told");
    CHECK((*attribution_with(out, "the ferry would never run on time"))["speaker"].is_null());
}

TEST_CASE("A question ending a sentence is not joined to a next sentence that reports its own statement", "[constructions]") {
    const auto out = extract_fixture("question-then-own-report.txt");
    check_spans(out, "Where is the timetable", "“Where is the timetable?”", "Harbour master Ivo Brandt", "told");
    check_spans(out, "would come in May", "the timetable would come in May", "Greta Holm", "then replied");
    check_spans(out, "Is the quay ready", "“Is the quay ready?”", "Brandt", "asked");
}

TEST_CASE("\"They\" after two people joined by \"and\" is those people, not an organisation named after them", "[constructions]") {
    const auto out = extract_fixture("they-after-two-people.txt");
    check_spans(out, "would not pass another winter", "the old hull would not pass another winter", "They");
    CHECK((*attribution_with(out, "would not pass another winter"))["speaker"].is_null());
    CHECK(speaker_of(out, "its boats were safe") == "Northern Shipping Company");
    CHECK(speaker_of(out, "would sail on") == "Northern Shipping Company");
}

TEST_CASE("A role named in other words finds the person of the title (\"Rep.\" then \"the congresswoman\")", "[constructions]") {
    const auto out = extract_fixture("role-in-other-words.txt");
    CHECK(speaker_of(out, "would need federal money") == "Maja Lund");
    CHECK(speaker_of(out, "he agreed") == "Erik Sjoberg");
    CHECK(speaker_of(out, "the harbour was safe") == "Anders Falk");
}

TEST_CASE("\"The Maine senator\" is the senator the text places in Maine, never one it places elsewhere", "[constructions]") {
    const auto out = extract_fixture("senator-of-another-state.txt");
    CHECK(speaker_of(out, "the quotas were too low") == "Ruth Carver");
    CHECK(speaker_of(out, "they were too high") == "Dale Whitman");
    const std::string texan = speaker_of(out, "the hearing ran late");
    CHECK(texan != "Ruth Carver");
    CHECK(texan != "Dale Whitman");
    CHECK(texan != "Nora Pike");
}

TEST_CASE("A report conjoined by \"and\" may open with a title and its period", "[constructions]") {
    const auto out = extract_fixture("conjoined-report-with-title.txt");
    check_spans(out, "the marina was full", "the marina was full", "Ms. Vera Lind", "said");
    check_spans(out, "half empty", "the marina was half empty", "Dr. Jonas Ek", "said");
}
