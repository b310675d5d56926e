// Microbenchmarks of each hot stage on real article text: the PolNeAR train articles when
// ../shared is beside the checkout (QG_BENCH_CORPUS overrides), else the seed article.
// Throughput is reported in bytes of article text per second.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "attribution/attribution.h"
#include "entities/entities.h"
#include "export/json.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Up to 200 articles, so that every run reads the same text.
const std::vector<std::string>& articles() {
    static const std::vector<std::string> texts = [] {
        std::vector<std::string> out;
        const char* env = std::getenv("QG_BENCH_CORPUS");
        std::filesystem::path dir = env ? env : QG_SOURCE_DIR "/../shared/corpora/polnear/train/text";
        std::error_code error;
        if (std::filesystem::is_directory(dir, error)) {
            std::vector<std::filesystem::path> paths;
            for (const auto& entry : std::filesystem::directory_iterator(dir)) paths.push_back(entry.path());
            std::sort(paths.begin(), paths.end());
            for (size_t i = 0; i < paths.size() && out.size() < 200; ++i) out.push_back(read_file(paths[i]));
        }
        if (out.empty())
            out.push_back(qg::ingest::parse_html(read_file(QG_SOURCE_DIR "/fixtures/the-national-2022-hassakeh.html"), "seed").text);
        return out;
    }();
    return texts;
}

int64_t total_bytes() {
    int64_t n = 0;
    for (const auto& t : articles()) n += static_cast<int64_t>(t.size());
    return n;
}

void BM_decode_utf8(benchmark::State& state) {
    for (auto _ : state)
        for (const auto& t : articles())
            benchmark::DoNotOptimize(qg::ingest::decode_utf8(t, false, "bench", [](const qg::ingest::Diagnostic&) {}));
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_parse_html(benchmark::State& state) {
    std::string html = read_file(QG_SOURCE_DIR "/fixtures/the-national-2022-hassakeh.html");
    for (auto _ : state) benchmark::DoNotOptimize(qg::ingest::parse_html(html, "seed"));
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(html.size()));
}

void BM_tokenize_and_split(benchmark::State& state) {
    qg::text::Analysis analysis;
    for (auto _ : state)
        for (const auto& t : articles()) {
            qg::text::analyze(t, analysis);
            benchmark::DoNotOptimize(analysis.tokens.data());
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_quote_pairing(benchmark::State& state) {
    std::vector<qg::text::Analysis> analyses(articles().size());
    for (size_t i = 0; i < analyses.size(); ++i) qg::text::analyze(articles()[i], analyses[i]);
    qg::quotes::QuoteAnalysis quotes;
    for (auto _ : state)
        for (size_t i = 0; i < analyses.size(); ++i) {
            qg::quotes::find_quotes(articles()[i], analyses[i], quotes);
            benchmark::DoNotOptimize(quotes.quotes.data());
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

struct Prepared {
    qg::text::Analysis analysis;
    qg::quotes::QuoteAnalysis quotes;
    std::vector<qg::attribution::Attribution> attributions;
};

std::vector<Prepared> prepare() {
    std::vector<Prepared> out(articles().size());
    for (size_t i = 0; i < out.size(); ++i) {
        qg::text::analyze(articles()[i], out[i].analysis);
        qg::quotes::find_quotes(articles()[i], out[i].analysis, out[i].quotes);
        qg::attribution::find_attributions(articles()[i], out[i].analysis, out[i].quotes, out[i].attributions);
    }
    return out;
}

void BM_attribution(benchmark::State& state) {
    auto prepared = prepare();
    std::vector<qg::attribution::Attribution> attributions;
    for (auto _ : state)
        for (size_t i = 0; i < prepared.size(); ++i) {
            qg::attribution::find_attributions(articles()[i], prepared[i].analysis, prepared[i].quotes, attributions);
            benchmark::DoNotOptimize(attributions.data());
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_entities(benchmark::State& state) {
    auto prepared = prepare();
    const std::vector<qg::ingest::Link> no_links;
    for (auto _ : state)
        for (size_t i = 0; i < prepared.size(); ++i) {
            auto attributions = prepared[i].attributions;
            std::vector<qg::entities::Entity> entities;
            qg::entities::resolve(articles()[i], prepared[i].analysis, no_links, attributions, entities);
            benchmark::DoNotOptimize(entities.data());
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_whole_extract(benchmark::State& state) {
    std::vector<qg::ingest::Document> documents;
    for (const auto& t : articles()) documents.push_back(qg::ingest::make_text_document(t, "bench"));
    for (auto _ : state)
        for (const auto& d : documents) benchmark::DoNotOptimize(qg::pipeline::extract(d));
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_write_json(benchmark::State& state) {
    std::vector<qg::ingest::Document> documents;
    std::vector<qg::pipeline::Result> results;
    for (const auto& t : articles()) {
        documents.push_back(qg::ingest::make_text_document(t, "bench"));
        results.push_back(qg::pipeline::extract(documents.back()));
    }
    std::string out;
    for (auto _ : state)
        for (size_t i = 0; i < documents.size(); ++i) {
            out.clear();
            qg::exporter::write_json(documents[i], results[i], out);
            benchmark::DoNotOptimize(out.data());
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

}  // namespace

BENCHMARK(BM_decode_utf8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_parse_html)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_tokenize_and_split)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_quote_pairing)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_attribution)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_entities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_write_json)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_whole_extract)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
