// `quotegraph serve`: the web page and JSON API (src/serve), until SIGINT or SIGTERM.
#include <csignal>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <thread>

#include "cli/commands.h"
#include "cli/tracker.h"
#include "serve/server.h"

namespace qg::cli {

namespace {

int run_server(const serve::Options& options) {
    // The signals are blocked in every thread (the worker pool inherits the mask) and taken
    // by one thread with sigwait, which may call stop(); a handler could not.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    serve::Server server(options);
    int port;
    try {
        port = server.bind();
    } catch (const std::exception& e) {
        std::cerr << "quotegraph serve: " << e.what() << '\n';
        return kExitUsage;
    }
    std::cout << "quotegraph serve: listening on http://" << options.host << ':' << port << "/ (tracker: "
              << options.db << (options.allow_ingest ? ", ingest allowed" : ", read-only") << "); Ctrl-C stops"
              << std::endl;

    std::thread waiter([&] {
        int received = 0;
        sigwait(&stop_signals, &received);
        server.stop();
    });
    server.run();
    // run() also returns when listening fails; wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::cout << "quotegraph serve: stopped" << std::endl;
    return kExitOk;
}

}  // namespace

void register_serve(CLI::App& root, Action& action) {
    auto options = std::make_shared<serve::Options>();
    auto* command = root.add_subcommand("serve", "The web page and JSON API: paste an article, browse the tracker");
    add_db_option(*command, options->db);
    command->add_option("--host", options->host, "Address to listen on (default 127.0.0.1: this machine only)");
    command->add_option("--port", options->port, "Port (default 8080; 0: any free port)")->check(CLI::Range(0, 65535));
    command->add_flag("--allow-ingest", options->allow_ingest, "Let the page store articles in the tracker");
    command->add_option("--max-body", options->max_body, "Largest request body in bytes (default 10 MB; larger: 413)")
        ->check(CLI::PositiveNumber);
    command->add_option("--threads", options->threads, "Worker threads (default: two per core, at least 16; each keep-alive connection holds one)");
    command->callback([&action, options] {
        action = [options] {
            // No database yet is an empty tracker: /extract works all the same.
            options->db = db_path(options->db);
            return run_server(*options);
        };
    });
}

}  // namespace qg::cli
