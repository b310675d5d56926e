// Output files that are either complete or absent: written to a temporary file beside the
// target ("FILE.tmp.<pid>") and renamed over it only when the command succeeds in writing.
// A run that fails, throws or is interrupted (SIGINT, SIGTERM, SIGHUP) leaves no
// half-written file behind: the temporary file is removed, by the destructor or, for a
// signal, by an async-signal-safe handler that unlinks it before the process dies.
#pragma once

#include <fstream>
#include <functional>
#include <ostream>
#include <string>

namespace qg::cli {

class AtomicOutput {
public:
    // Opens the temporary file; throws std::runtime_error naming `path` when it cannot.
    explicit AtomicOutput(std::string path);
    ~AtomicOutput();  // removes the temporary file unless commit() succeeded
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    std::ostream& stream() { return out_; }
    const std::string& path() const { return path_; }
    const std::string& temp_path() const { return temp_; }

    // Flushes, closes and renames the temporary file over the target; throws
    // std::runtime_error naming the target when any of it fails (nothing is left behind).
    void commit();

private:
    std::string path_;
    std::string temp_;
    std::ofstream out_;
    int slot_ = -1;  // where the signal handler finds temp_
    bool committed_ = false;
};

// Writes `path` atomically with `write`, or standard output for "" and "-".
void write_output(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace qg::cli
