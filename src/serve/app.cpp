#include "serve/app.h"

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "ingest/utf8.h"
#include "serve/articles.h"
#include "serve/assets.h"
#include "serve/pages.h"
#include "serve/tracker.h"

namespace qg::serve {
namespace {

// "/speakers/p3/" -> {"speakers", "p3"}; routing by segments, not by regular expression.
std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start < path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (end > start) parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

Response asset_response(std::string_view name) {
    // Only the exact names of bundled files exist; ".." and the like are refused outright.
    if (name.find("..") != std::string_view::npos || name.find('/') != std::string_view::npos ||
        name.find('\\') != std::string_view::npos)
        throw HttpError(400, "not a static file name");
    const Asset* asset = find_asset(name);
    if (!asset) throw HttpError(404, "no such static file");
    Response response;
    response.content_type = std::string(asset->content_type);
    response.body = std::string(asset->bytes);
    response.headers.emplace_back("Cache-Control", "no-cache");
    return response;
}

Response page(std::string_view name) {
    Response response;
    response.content_type = "text/html; charset=utf-8";
    response.body = page_html(name);
    return response;
}

void check_utf8(const Request& request) {
    auto valid = [](std::string_view s) { return ingest::utf8::find_invalid(s) == s.size(); };
    if (!valid(request.path)) throw HttpError(400, "the path is not valid UTF-8");
    for (const auto& [name, value] : request.query)
        if (!valid(name) || !valid(value)) throw HttpError(400, "a query parameter is not valid UTF-8");
}

Response method_not_allowed(std::string_view allowed) {
    Response response = error_response(405, "method not allowed here; use " + std::string(allowed));
    response.headers.emplace_back("Allow", std::string(allowed));
    return response;
}

}  // namespace

App::App(const Options& options) : options_(options), tracker_(std::make_unique<Tracker>(options.db, options.allow_ingest)) {}
App::~App() = default;

Response App::handle(const Request& request) const {
    try {
        check_utf8(request);
        return route(request);
    } catch (const HttpError& e) {
        return error_response(e.status, e.what());
    } catch (const std::exception& e) {
        return error_response(500, std::string("internal error: ") + e.what());
    }
}

Response App::tracker_get(const Request& request, const std::vector<std::string_view>& parts) const {
    if (parts.size() == 2) {
        if (parts[1] == "tracker") return tracker_->summary();
        if (parts[1] == "attributions") return tracker_->attributions(request);
        if (parts[1] == "speakers") return tracker_->speakers(request);
        if (parts[1] == "graph") return tracker_->graph(request);
        if (parts[1] == "audit") return tracker_->audit(request);
    }
    if (parts.size() == 3 && parts[1] == "speakers") return tracker_->entity(request, parts[2], false);
    if (parts.size() == 3 && parts[1] == "organisations") return tracker_->entity(request, parts[2], true);
    if (parts.size() == 3 && parts[1] == "claims") return tracker_->claim(parts[2]);
    // Document ids may hold '/' ("2024/03/article.html"): the rest of the path is the id.
    constexpr std::string_view documents = "/api/documents/";
    if (parts.size() >= 3 && parts[1] == "documents" && request.path.starts_with(documents))
        return tracker_->document(std::string_view(request.path).substr(documents.size()));
    throw HttpError(404, "no such endpoint (see docs/api.md)");
}

Response App::route(const Request& request) const {
    const std::vector<std::string_view> parts = segments(request.path);
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";

    if (!parts.empty() && parts[0] == "api") {
        if (parts.size() == 2 && (parts[1] == "extract" || parts[1] == "export" || parts[1] == "ingest")) {
            if (!post) return method_not_allowed("POST");
            if (parts[1] == "ingest") return tracker_->ingest(request);
            return parts[1] == "extract" ? extract_article(request) : export_article(request);
        }
        // POST: the audit of the article in the body; GET: the tracker's cross-document audit.
        if (parts.size() == 2 && parts[1] == "audit" && post) return audit_article(request);
        if (!get) return method_not_allowed(parts.size() == 2 && parts[1] == "audit" ? "GET, POST" : "GET");
        return tracker_->cached(request, [&] { return tracker_get(request, parts); });
    }

    if (!get) return method_not_allowed("GET");
    if (parts.empty()) return page("index");
    if (parts.size() == 1 && parts[0] == "extract") return page("extract");
    if (parts.size() == 1 && (parts[0] == "graph" || parts[0] == "audit")) return page(parts[0]);
    if (parts.size() == 2 && (parts[0] == "speakers" || parts[0] == "organisations")) return page("entity");
    if (parts.size() >= 2 && parts[0] == "documents") return page("document");  // ids may hold '/'

    if (parts.size() == 2 && parts[0] == "claims") return page("claim");
    if (parts.size() == 2 && parts[0] == "static") return asset_response(parts[1]);
    if (parts.size() == 1 && parts[0] == "favicon.ico") return asset_response("favicon.svg");
    if (parts[0] == "static") throw HttpError(400, "not a static file name");
    throw HttpError(404, "no such page");
}

}  // namespace qg::serve
