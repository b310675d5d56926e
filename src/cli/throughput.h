// What every corpus-reading command shares for speed: `-j N` worker threads with output in
// input order, and a progress line on a terminal. Commands hand their per-document work
// and their in-order consumer to process_documents.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/inputs.h"
#include "pipeline/parallel.h"

namespace qg::cli {

struct ThroughputOptions {
    unsigned threads = 0;  // 0: all cores
    bool quiet = false;
};

// Adds -j/--threads and --quiet to `command`.
void add_throughput_options(CLI::App& command, ThroughputOptions& options);

// A progress line on stderr, redrawn at most a few times a second, only when stderr is a
// terminal and not --quiet: documents, MB, documents/s, MB/s, and an ETA when the inputs
// are regular files whose total size is known.
class Progress {
public:
    Progress(const std::vector<std::string>& paths, bool quiet);
    ~Progress();
    void add(size_t text_bytes);
    void finish();

private:
    void draw(bool final);
    bool enabled_ = false;
    uint64_t documents_ = 0, bytes_ = 0, total_bytes_ = 0;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

// Streams every document of every input through `work` on the requested threads and hands
// each result, in input order, to `consume` on the calling thread. Returns false if any
// input had an error (the other documents are still processed).
template <class Output>
bool process_documents(const InputOptions& inputs, const ThroughputOptions& throughput,
                       const std::function<Output(ingest::Document&)>& work,
                       const std::function<void(ingest::Document&, Output&)>& consume) {
    Progress progress(inputs.paths, throughput.quiet);
    unsigned threads = throughput.threads == 0 ? pipeline::default_threads() : throughput.threads;
    pipeline::OrderedRunner<ingest::Document, Output> runner(
        threads, work, [&](ingest::Document& document, Output& output) {
            consume(document, output);
            progress.add(document.text.size());
        });
    bool ok = for_each_document(inputs, [&](ingest::Document&& document) { runner.push(std::move(document)); });
    runner.finish();
    progress.finish();
    return ok;
}

}  // namespace qg::cli
