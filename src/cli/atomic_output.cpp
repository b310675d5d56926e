#include "cli/atomic_output.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <limits.h>
#include <stdexcept>
#include <unistd.h>

namespace qg::cli {
namespace {

// Temporary files the signal handler removes. Preallocated and plain char arrays, because
// a handler may only touch lock-free atomics and call async-signal-safe functions (unlink).
constexpr int kSlots = 4;
char g_paths[kSlots][PATH_MAX];
std::atomic<bool> g_active[kSlots];
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void remove_temporaries_and_die(int signal_number) {
    for (int i = 0; i < kSlots; ++i)
        if (g_active[i].load()) ::unlink(g_paths[i]);
    // Die of the same signal, so the parent sees how the run ended.
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

void install_handlers_once() {
    static const bool installed = [] {
        for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
            struct sigaction action {};
            action.sa_handler = remove_temporaries_and_die;
            sigemptyset(&action.sa_mask);
            struct sigaction previous {};
            // A signal the caller chose to ignore (nohup, `trap '' INT`) stays ignored.
            if (sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
            sigaction(signal_number, &action, nullptr);
        }
        return true;
    }();
    (void)installed;
}

int claim_slot(const std::string& temp) {
    if (temp.size() >= PATH_MAX) return -1;
    for (int i = 0; i < kSlots; ++i) {
        if (g_active[i].load()) continue;
        std::memcpy(g_paths[i], temp.c_str(), temp.size() + 1);
        g_active[i].store(true);
        return i;
    }
    return -1;
}

void release_slot(int slot) {
    if (slot >= 0) g_active[slot].store(false);
}

}  // namespace

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
    temp_ = path_ + ".tmp." + std::to_string(::getpid());
    install_handlers_once();
    // Registered before the file exists, so no moment leaves it behind unregistered.
    slot_ = claim_slot(temp_);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        const int error = errno;
        release_slot(slot_);
        slot_ = -1;
        throw std::runtime_error(path_ + ": cannot write: " + std::strerror(error != 0 ? error : EACCES));
    }
}

AtomicOutput::~AtomicOutput() {
    if (committed_) return;
    out_.close();
    ::unlink(temp_.c_str());
    release_slot(slot_);
}

void AtomicOutput::commit() {
    out_.flush();
    const bool written = static_cast<bool>(out_);
    out_.close();
    if (!written || !out_) {
        const int error = errno;
        throw std::runtime_error(path_ + ": cannot write: " + std::strerror(error != 0 ? error : EIO));
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
        const int error = errno;
        throw std::runtime_error(path_ + ": cannot write: " + std::strerror(error));
    }
    // After the rename: a signal arriving in between only unlinks a name that is gone.
    committed_ = true;
    release_slot(slot_);
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path.empty() || path == "-") {
        write(std::cout);
        std::cout.flush();
        return;
    }
    AtomicOutput output(path);
    write(output.stream());
    output.commit();
}

}  // namespace qg::cli
