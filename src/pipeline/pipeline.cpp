#include "pipeline/pipeline.h"

#include "quotes/quotes.h"
#include "text/text.h"

namespace qg::pipeline {

Result extract(const ingest::Document& document) {
    // Per-thread scratch buffers: the stages reuse them, so a stream of documents does
    // not allocate per token.
    thread_local text::Analysis analysis;
    thread_local quotes::QuoteAnalysis quotes;
    Result result;
    text::analyze(document.text, analysis);
    quotes::find_quotes(document.text, analysis, quotes);
    attribution::find_attributions(document.text, analysis, quotes, result.attributions);
    entities::resolve(document.text, analysis, document.links, result.attributions, result.entities);
    return result;
}

}  // namespace qg::pipeline
