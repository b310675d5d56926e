// The web application of `quotegraph serve`: every page and JSON endpoint, as a function
// from a request to a response. Pages are static shells whose scripts fetch the JSON API,
// so article text only ever reaches a page as JSON data, shown with textContent.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "serve/http.h"

namespace qg::serve {

class Tracker;

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;                     // 0: any free port
    std::string db;                      // the tracker database; none, or no such file: an empty tracker
    bool allow_ingest = false;           // POST /api/ingest stores articles (else read-only)
    size_t max_body = 10 * 1024 * 1024;  // larger request bodies get 413
    size_t threads = 0;                  // worker threads; 0: two per core, at least 16
};

class App {
public:
    // Throws store::Error when options.db is not a quotegraph database this build can read.
    explicit App(const Options& options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Never throws: a request that cannot be served gets a JSON error with a 4xx status.
    Response handle(const Request& request) const;

private:
    Response route(const Request& request) const;
    Response tracker_get(const Request& request, const std::vector<std::string_view>& parts) const;
    Options options_;
    std::unique_ptr<Tracker> tracker_;
};

}  // namespace qg::serve
