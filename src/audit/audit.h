// Quote audit: what a careful editor would flag in articles, with the place of each
// finding. Within an article: broken and wrong-way quotation marks, unattributed and
// ambiguous quotes, vague sources, editorial alterations. Across articles: one quote given
// to different speakers (conflict) or worded differently (variant). Against a source
// (a transcript): each quote verbatim, altered or not found, and misattributions.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "pipeline/pipeline.h"

namespace qg::audit {

enum class Severity : uint8_t { Info, Warning, Error };
const char* severity_name(Severity severity);  // "info", "warning", "error"
std::optional<Severity> parse_severity(std::string_view name);

enum class Check : uint8_t {
    UnclosedQuote,    // error: a quotation opened and never closed
    UnbalancedMark,   // error: a quotation mark that closes nothing
    MismatchedMarks,  // error: opened and closed with marks of different families (« … ”)
    WrongWayMark,     // warning (style): ” used to open, “ to close, ‘ as an apostrophe
    MixedMarks,       // warning (style): a curly mark closed by a straight one, or the reverse
    Unattributed,     // warning: a quotation with no cue and no previous speaker
    Ambiguous,        // warning: two candidate speakers, or confidence below the minimum
    VagueSource,      // info: "officials said", "people familiar with the matter"
    Alteration,       // info: [brackets], ellipses, sic inside a quotation
    Conflict,         // error: the same quote given to different speakers in different documents
    Variant,          // warning: one speaker's quote worded differently in different documents
    Verbatim,         // info: the quote is in the source word for word
    Altered,          // warning: the source's best-aligned passage differs
    NotFound,         // error: nothing in the source is close to the quote
    Misattribution,   // error: the source gives the quote to someone else
};
inline constexpr int kCheckCount = 15;
const char* check_name(Check check);  // "unclosed-quote", …
Severity severity_of(Check check);

// A place in a document: code point offsets into document.text (end exclusive), with the
// 1-based line and column (in code points) of the start.
struct Place {
    std::string document;
    uint32_t start = 0, end = 0;
    uint32_t line = 0, column = 0;
    std::string text;     // the text at the place (a quotation, a mark, a source phrase)
    std::string speaker;  // who the document gives it to, when that matters
};

struct DiffPiece {
    enum class Op : uint8_t { Equal, Delete, Insert };
    Op op = Op::Equal;
    std::string text;  // words joined by spaces
};

struct Finding {
    Check check = Check::Unattributed;
    Severity severity = Severity::Info;
    Place where;  // in the audited document; for a cross-document finding, the first occurrence
    std::string message;
    std::vector<std::string> candidates;  // ambiguous: the candidate speakers
    // Conflict and variant: every occurrence (document, speaker, quote). Against a source:
    // the best-aligned passage of the source, with the speaker the source gives it to.
    std::vector<Place> occurrences;
    double similarity = -1;       // variant, altered, verbatim: 2·common words / (words of both)
    std::vector<DiffPiece> diff;  // from the first occurrence (or the source) to the other (or the quote)
};

struct DocumentReport {
    std::string id;
    uint32_t quotes = 0;         // quotations (top level)
    uint32_t attributed = 0;     // of which attributed to a speaker
    uint32_t vague_sources = 0;  // vague or anonymous sources
    std::vector<Finding> findings;
};

struct Report {
    std::vector<DocumentReport> documents;
    std::vector<Finding> cross_document;  // conflicts and variants
    std::vector<std::string> sources;     // the documents quotes were checked against
    size_t count(Severity severity) const;
    bool fails(Severity fail_on) const;   // a finding at or above `fail_on`
};

struct Options {
    double min_confidence = 0.5;  // attributions less sure than this are ambiguous
    double min_similarity = 0.5;  // below it a passage is not the quote (variants, --against)
    // Shorter quotations (titles, scare quotes) are not reported as unattributed nor
    // compared across documents.
    uint32_t min_quote_words = 4;
};

// Audits a stream of documents. Keeps per document only its findings and what the
// cross-document checks need (normalised quote word ids, MinHash signatures, speaker,
// offsets), never the document itself.
class Auditor {
public:
    explicit Auditor(Options options = {});
    ~Auditor();
    Auditor(const Auditor&) = delete;
    Auditor& operator=(const Auditor&) = delete;

    // A source (transcript, statement) to check quotes against; add sources before articles.
    // `NAME: …` lines mark who speaks.
    void add_source(const ingest::Document& source);
    // Audits one article.
    void add(const ingest::Document& article);
    // The same with the article's extraction done already (on another thread, say).
    void add(const ingest::Document& article, const pipeline::Result& extracted);
    // Runs the cross-document checks and returns the report.
    Report finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Reports: readable text (file:line:column: severity: check: message), JSON, Markdown
// and a self-contained HTML page, diffs highlighted.
std::string to_text(const Report& report);
nlohmann::json to_json(const Report& report);
// The same JSON streamed: one document or finding a line, never the whole tree in memory.
void write_json(const Report& report, std::ostream& out);
std::string to_markdown(const Report& report);
std::string to_html(const Report& report);

}  // namespace qg::audit
