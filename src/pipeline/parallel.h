// Runs a per-document job on worker threads and hands the results back in input order, so
// output is the same whatever the number of threads. The caller's thread produces items
// (reads input) and consumes results (writes output); at most `max_in_flight` items are
// held at once, so memory stays bounded by the documents in flight, not the corpus.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace qg::pipeline {

// The number of worker threads for `-j 0` (all cores).
inline unsigned default_threads() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

template <class Item, class Output>
class OrderedRunner {
public:
    using Work = std::function<Output(Item&)>;
    using Consume = std::function<void(Item&, Output&)>;

    // `threads` <= 1 runs everything on the caller's thread.
    OrderedRunner(unsigned threads, Work work, Consume consume)
        : work_(std::move(work)), consume_(std::move(consume)), max_in_flight_(threads * kInFlightPerThread) {
        if (threads > 1)
            for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { run_worker(); });
    }
    OrderedRunner(const OrderedRunner&) = delete;
    OrderedRunner& operator=(const OrderedRunner&) = delete;
    ~OrderedRunner() { stop(); }

    // Queues one item; consumes whatever results are ready in order, and when too many are
    // in flight waits until half of them are consumed.
    void push(Item&& item) {
        if (workers_.empty()) {
            Output output = work_(item);
            consume_(item, output);
            return;
        }
        std::unique_lock lock(mutex_);
        slots_.push_back(Slot{std::move(item), std::nullopt, nullptr, false});
        pending_.push_back(slots_.size() - 1 + consumed_);
        work_ready_.notify_one();
        // Past the window, wait until half of it is consumed rather than for one result:
        // the reading thread then sleeps once per half window, not once per document,
        // which on two cores was a tenth of the workers' time in wake-ups.
        drain(lock, slots_.size() > max_in_flight_ ? max_in_flight_ / 2 : max_in_flight_);
    }

    // Waits for every queued item and consumes the rest. Rethrows the first exception a
    // job threw, after the results before it were consumed.
    void finish() {
        if (workers_.empty()) return;
        std::unique_lock lock(mutex_);
        drain(lock, 0);
        lock.unlock();
        stop();
    }

private:
    static constexpr size_t kInFlightPerThread = 8;
    struct Slot {
        Item item;
        std::optional<Output> output;
        std::exception_ptr error;
        bool done;
    };

    // Consumes finished results in order until at most `keep` remain in flight.
    void drain(std::unique_lock<std::mutex>& lock, size_t keep) {
        for (;;) {
            while (!slots_.empty() && slots_.front().done) {
                Slot slot = std::move(slots_.front());
                slots_.pop_front();
                ++consumed_;
                lock.unlock();
                if (slot.error) {
                    lock.lock();
                    std::rethrow_exception(slot.error);
                }
                consume_(slot.item, *slot.output);
                lock.lock();
            }
            if (slots_.size() <= keep) return;
            // Sleep until the oldest result and the last one needed are both in, so that one
            // wake-up consumes a run of results rather than one.
            awaited_ = consumed_ + (slots_.size() - keep) - 1;
            result_ready_.wait(lock, [this] { return awaited_results_ready(); });
            awaited_ = kNone;
        }
    }

    bool awaited_results_ready() const {
        return awaited_ != kNone && slots_.front().done && slots_[awaited_ - consumed_].done;
    }

    void run_worker() {
        std::unique_lock lock(mutex_);
        for (;;) {
            work_ready_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
            if (pending_.empty()) return;
            size_t sequence = pending_.front();
            pending_.pop_front();
            // Slots only move when consumed, and a slot is consumed only once done, so the
            // reference stays valid while the lock is released.
            Slot& slot = slots_[sequence - consumed_];
            lock.unlock();
            std::optional<Output> output;
            std::exception_ptr error;
            try {
                output.emplace(work_(slot.item));
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            Slot& same = slots_[sequence - consumed_];
            same.output = std::move(output);
            same.error = error;
            same.done = true;
            // Waking the caller before what it waits for is in would only send it back to
            // sleep, taking a core from the workers.
            if (awaited_results_ready()) result_ready_.notify_one();
        }
    }

    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        work_ready_.notify_all();
        for (auto& worker : workers_)
            if (worker.joinable()) worker.join();
        workers_.clear();
    }

    Work work_;
    Consume consume_;
    size_t max_in_flight_;
    std::mutex mutex_;
    std::condition_variable work_ready_, result_ready_;
    std::deque<Slot> slots_;      // in input order; front is the oldest not yet consumed
    std::deque<size_t> pending_;  // sequence numbers not yet taken by a worker
    size_t consumed_ = 0;
    static constexpr size_t kNone = static_cast<size_t>(-1);
    size_t awaited_ = kNone;  // while the caller sleeps: the sequence number it waits for
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace qg::pipeline
