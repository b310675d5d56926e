// Requests and responses as the web application sees them, independent of the HTTP
// library: the server adapts cpp-httplib to these, and tests can call the application
// directly as well as over a socket.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qg::serve {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string path;    // percent-decoded, without the query
    std::multimap<std::string, std::string> query;
    std::string content_type;  // the Content-Type header, parameters included
    std::string body;

    // The query parameter's value, or `fallback` when it is absent.
    std::string param(const std::string& name, const std::string& fallback = "") const;
    bool has_param(const std::string& name) const { return query.count(name) != 0; }
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// {"error": {"status": 400, "message": "..."}} with that status.
Response error_response(int status, std::string_view message);
Response json_response(std::string body, int status = 200);

// Headers every response carries: a Content-Security-Policy allowing only the server's own
// scripts, styles and connections (no inline script, no external anything), and no
// MIME sniffing, framing or referrer leaks.
const std::vector<std::pair<std::string, std::string>>& security_headers();

}  // namespace qg::serve

namespace qg::serve {

// Thrown by handlers for a request that cannot be served (bad parameter, unknown id, body
// too large); becomes an error response with that status. Anything else thrown is a bug
// and becomes a 500.
struct HttpError : std::runtime_error {
    HttpError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
    int status;
};

}  // namespace qg::serve
