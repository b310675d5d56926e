#include "serve/http.h"

#include <nlohmann/json.hpp>

namespace qg::serve {

std::string Request::param(const std::string& name, const std::string& fallback) const {
    const auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
}

Response error_response(int status, std::string_view message) {
    nlohmann::json error = {{"error", {{"status", status}, {"message", message}}}};
    // Messages may quote a bad request's bytes: replaced, never a reason to fail.
    return json_response(error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
}

Response json_response(std::string body, int status) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    response.content_type = "application/json; charset=utf-8";
    return response;
}

const std::vector<std::pair<std::string, std::string>>& security_headers() {
    static const std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
         "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
    };
    return headers;
}

}  // namespace qg::serve
