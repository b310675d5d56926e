#include "cli/throughput.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace qg::cli {

void add_throughput_options(CLI::App& command, ThroughputOptions& options) {
    command.add_option("-j,--threads", options.threads, "Worker threads (default 0: all cores); output order never changes");
    command.add_flag("-q,--quiet", options.quiet, "No progress line on a terminal");
}

Progress::Progress(const std::vector<std::string>& paths, bool quiet)
    : enabled_(!quiet && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()), last_draw_(start_) {
    if (!enabled_) return;
    for (const auto& path : paths) {
        std::error_code error;
        if (path == "-" || !std::filesystem::is_regular_file(path, error)) {
            total_bytes_ = 0;  // a stream of unknown length: no ETA
            break;
        }
        total_bytes_ += std::filesystem::file_size(path, error);
    }
}

Progress::~Progress() { finish(); }

void Progress::add(size_t text_bytes) {
    ++documents_;
    bytes_ += text_bytes;
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ >= std::chrono::milliseconds(250)) {
        last_draw_ = now;
        draw(false);
    }
}

void Progress::finish() {
    if (!enabled_) return;
    if (documents_ > 0) draw(true);
    enabled_ = false;
}

void Progress::draw(bool final) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (seconds <= 0) seconds = 1e-9;
    double mb = static_cast<double>(bytes_) / 1e6;
    char eta[48] = "";
    // Article text is a little smaller than the files it comes from (markup, JSON
    // escaping), so the estimate errs on the short side.
    if (!final && total_bytes_ > bytes_ && bytes_ > 0) {
        double remaining = seconds * static_cast<double>(total_bytes_ - bytes_) / static_cast<double>(bytes_);
        std::snprintf(eta, sizeof eta, ", ETA ~%.0f s", remaining);
    }
    std::fprintf(stderr, "\r%llu documents, %.1f MB, %.0f documents/s, %.1f MB/s%s\x1b[K%s",
                 static_cast<unsigned long long>(documents_), mb, static_cast<double>(documents_) / seconds, mb / seconds,
                 eta, final ? "\n" : "");
    std::fflush(stderr);
}

}  // namespace qg::cli
