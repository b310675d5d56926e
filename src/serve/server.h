// `quotegraph serve`'s HTTP server: cpp-httplib's listener and worker pool in front of the
// web application (app.h). Bodies over the limit get 413 before they are read; HTTP-level
// errors (a malformed request line, say) get the same JSON errors as the application's.
#pragma once

#include <memory>

#include "serve/app.h"

namespace qg::serve {

class Server {
public:
    explicit Server(const Options& options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds options.host:options.port (port 0: any free port) and returns the port.
    // Throws std::runtime_error when the address cannot be bound.
    int bind();
    // Serves until stop(); returns once the requests in flight have been answered.
    void run();
    // Stops accepting connections; safe from any thread (not from a signal handler).
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qg::serve
