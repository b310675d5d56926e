// The tracker's side of the web application: the JSON behind /, /speakers/{id},
// /organisations/{id}, /documents/{id}, /claims/{id}, /graph and /audit, read from the
// store (src/store). With no database yet the tracker is empty and every list is.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <unordered_map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "serve/http.h"

namespace qg::store {
class Store;
}

namespace qg::serve {

class Tracker {
public:
    // Opens `path` read-only (read-write, creating it, with `allow_ingest`). No path, or a
    // missing file without `allow_ingest`: an empty tracker. Throws store::Error when the
    // file is not a quotegraph database or is newer than this build.
    Tracker(const std::string& path, bool allow_ingest);
    ~Tracker();

    Response summary() const;                                          // GET /api/tracker
    Response attributions(const Request& request) const;              // GET /api/attributions
    Response speakers(const Request& request) const;                  // GET /api/speakers
    // GET /api/speakers/{id} (any entity that speaks) and /api/organisations/{id}.
    Response entity(const Request& request, std::string_view id, bool organisation_only) const;
    Response document(std::string_view id) const;                     // GET /api/documents/{id}
    Response claim(std::string_view id) const;                        // GET /api/claims/{id}
    Response graph(const Request& request) const;                     // GET /api/graph
    Response audit(const Request& request) const;                     // GET /api/audit
    Response ingest(const Request& request);                          // POST /api/ingest

    // The answer of `compute` for this GET, from a cache while the database files are
    // unchanged: the store's rankings and counts take seconds on a large tracker, and a
    // tracker changes only when something ingests. Only 200 answers are kept.
    Response cached(const Request& request, const std::function<Response()>& compute) const;

private:
    class Connection;
    // A read connection for the request in hand: SQLite connections are not shared between
    // threads, so each worker takes one from the pool (opening one when none is free).
    Connection borrow() const;

    std::string path_;
    bool allow_ingest_;
    bool exists_ = false;
    mutable std::mutex pool_mutex_;
    mutable std::vector<std::unique_ptr<store::Store>> pool_;
    // When the database or its WAL changes (an ingest, here or in another process), the
    // cache is emptied.
    struct Stamp {
        std::filesystem::file_time_type db, wal;
        uintmax_t db_size = 0, wal_size = 0;
        friend bool operator==(const Stamp&, const Stamp&) = default;
    };
    Stamp stamp() const;
    mutable std::mutex cache_mutex_;
    mutable Stamp cache_stamp_;
    mutable std::unordered_map<std::string, Response> cache_;
    std::mutex writer_mutex_;
    std::unique_ptr<store::Store> writer_;
};

}  // namespace qg::serve
