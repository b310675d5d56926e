#include "serve/server.h"

#include <httplib.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace qg::serve {
namespace {

std::string transport_error_message(int status) {
    switch (status) {
        case 400: return "malformed HTTP request";
        case 413: return "the request body is larger than the server's limit (--max-body)";
        case 414: return "the request line is too long";
        case 416: return "unsatisfiable range";
        default: return "HTTP error " + std::to_string(status);
    }
}

}  // namespace

struct Server::Impl {
    Options options;
    App app;
    httplib::Server http;

    explicit Impl(const Options& o) : options(o), app(o) {}

    static Request adapt(const httplib::Request& from) {
        Request request;
        request.method = from.method;
        request.path = from.path;
        request.query.insert(from.params.begin(), from.params.end());
        request.content_type = from.get_header_value("Content-Type");
        request.body = from.body;
        return request;
    }

    static void answer(const Response& response, httplib::Response& to) {
        to.status = response.status;
        for (const auto& [name, value] : response.headers) to.set_header(name, value);
        to.set_content(response.body, response.content_type);
    }
};

Server::Server(const Options& options) : impl_(std::make_unique<Impl>(options)) {
    auto& http = impl_->http;
    // httplib gives each connection a worker for as long as it is kept alive, so there are
    // more workers than cores: enough for a few browsers' parallel connections each.
    const size_t threads =
        options.threads ? options.threads : std::max<size_t>(16, 2 * std::thread::hardware_concurrency());
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(options.max_body);
    http.set_keep_alive_max_count(1000);
    // Headers and body go out in separate writes; without this, Nagle's algorithm holds the
    // body until the client's delayed ACK (40 ms on Linux) on every keep-alive request.
    http.set_tcp_nodelay(true);
    httplib::Headers defaults;
    for (const auto& [name, value] : security_headers()) defaults.emplace(name, value);
    http.set_default_headers(defaults);

    // Every GET and HEAD is answered here, before httplib's regular-expression routes; a
    // POST needs its body, which httplib reads only for a route, so POSTs take the one below.
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "POST") return httplib::Server::HandlerResponse::Unhandled;
        Impl::answer(impl_->app.handle(Impl::adapt(req)), res);
        return httplib::Server::HandlerResponse::Handled;
    });
    http.Post("/.*", [this](const httplib::Request& req, httplib::Response& res) {
        Impl::answer(impl_->app.handle(Impl::adapt(req)), res);
    });
    // httplib's own errors (malformed request, body too large) carry no body: give them one.
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Impl::answer(error_response(res.status, transport_error_message(res.status)), res);
        return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Impl::answer(error_response(500, "internal error"), res);
    });
}

Server::~Server() = default;

int Server::bind() {
    auto& http = impl_->http;
    const auto& o = impl_->options;
    if (o.port == 0) {
        const int port = http.bind_to_any_port(o.host);
        if (port < 0) throw std::runtime_error("cannot listen on " + o.host);
        return port;
    }
    if (!http.bind_to_port(o.host, o.port))
        throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                 " (in use? try --port)");
    return o.port;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace qg::serve
