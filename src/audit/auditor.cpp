// The auditor: runs the pipeline on each article, the checks of one article, and feeds
// the cross-document index and the source comparison.
#include <algorithm>

#include "audit/detail.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace qg::audit {

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::Info: return "info";
        case Severity::Warning: return "warning";
        default: return "error";
    }
}

std::optional<Severity> parse_severity(std::string_view name) {
    for (auto s : {Severity::Info, Severity::Warning, Severity::Error})
        if (name == severity_name(s)) return s;
    return std::nullopt;
}

namespace {

struct CheckInfo {
    const char* name;
    Severity severity;
};
constexpr CheckInfo kChecks[kCheckCount] = {
    {"unclosed-quote", Severity::Error},   {"unbalanced-mark", Severity::Error}, {"mismatched-marks", Severity::Error},
    {"wrong-way-mark", Severity::Warning}, {"mixed-marks", Severity::Warning},   {"unattributed", Severity::Warning},
    {"ambiguous", Severity::Warning},      {"vague-source", Severity::Info},     {"alteration", Severity::Info},
    {"conflict", Severity::Error},         {"variant", Severity::Warning},       {"verbatim", Severity::Info},
    {"altered", Severity::Warning},        {"not-found", Severity::Error},       {"misattribution", Severity::Error},
};

}  // namespace

const char* check_name(Check check) { return kChecks[static_cast<int>(check)].name; }
Severity severity_of(Check check) { return kChecks[static_cast<int>(check)].severity; }

size_t Report::count(Severity severity) const {
    size_t n = 0;
    for (const auto& d : documents)
        n += static_cast<size_t>(std::count_if(d.findings.begin(), d.findings.end(),
                                               [&](const Finding& f) { return f.severity == severity; }));
    n += static_cast<size_t>(std::count_if(cross_document.begin(), cross_document.end(),
                                           [&](const Finding& f) { return f.severity == severity; }));
    return n;
}

bool Report::fails(Severity fail_on) const {
    for (auto s : {Severity::Info, Severity::Warning, Severity::Error})
        if (s >= fail_on && count(s) > 0) return true;
    return false;
}

struct Auditor::Impl {
    Options options;
    detail::Vocabulary vocabulary;
    detail::CorpusIndex corpus;
    detail::SourceIndex sources;
    Report report;
};

Auditor::Auditor(Options options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
Auditor::~Auditor() = default;

void Auditor::add_source(const ingest::Document& source) {
    impl_->sources.add(source, impl_->vocabulary);
    impl_->report.sources.push_back(source.id);
}

void Auditor::add(const ingest::Document& document) { add(document, pipeline::extract(document)); }

void Auditor::add(const ingest::Document& document, const pipeline::Result& result) {
    Impl& m = *impl_;
    thread_local text::Analysis analysis;
    thread_local quotes::QuoteAnalysis quotes;
    thread_local detail::Words words;
    text::analyze(document.text, analysis);
    quotes::find_quotes(document.text, analysis, quotes);
    const detail::Placer placer(document.text, document.id);
    const detail::Article article(document, analysis, quotes, result, placer);

    DocumentReport out;
    out.id = document.id;
    detail::check_marks(article, out.findings);
    detail::check_attributions(article, m.options, out);
    detail::check_sources(article, out);
    detail::check_alterations(article, out.findings);

    for (size_t k = 0; k < quotes.quotes.size(); ++k) {
        const quotes::Quote& q = quotes.quotes[k];
        if (q.depth > 0) continue;
        auto [first, last] = article.inner_tokens(q);
        words.clear();
        detail::collect_words(document.text, analysis.tokens, first, last, m.vocabulary, words);
        if (words.size() == 0) continue;
        Place place = placer.place(q.begin, q.end);
        place.speaker = article.speaker_name(article.attribution_of_quote[k]);
        if (!place.speaker.empty() && words.size() >= m.options.min_quote_words) m.corpus.add(words, place);
        if (!m.sources.empty()) m.sources.check(document.text, words, place, m.options, out.findings);
    }
    std::stable_sort(out.findings.begin(), out.findings.end(), [](const Finding& a, const Finding& b) {
        return a.where.start != b.where.start ? a.where.start < b.where.start : a.severity > b.severity;
    });
    m.report.documents.push_back(std::move(out));
}

Report Auditor::finish() {
    impl_->corpus.finish(impl_->options, impl_->vocabulary, impl_->report.cross_document);
    return std::move(impl_->report);
}

}  // namespace qg::audit
