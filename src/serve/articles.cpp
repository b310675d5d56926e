#include "serve/articles.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "export/dot.h"
#include "export/formats.h"
#include "export/json.h"
#include "export/render.h"
#include "graph/build.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace qg::serve {
namespace {

// "Text/HTML; charset=utf-8" -> "text/html".
std::string media_type(std::string_view content_type) {
    std::string type(content_type.substr(0, content_type.find(';')));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return type;
}

std::string decoded_body(const Request& request) {
    std::string first_error;
    auto text = ingest::decode_utf8(request.body, false, "body", [&](const ingest::Diagnostic& d) {
        if (d.severity == ingest::Severity::Error && first_error.empty()) first_error = d.to_string();
    });
    if (!text) throw HttpError(400, "the body is not valid UTF-8: " + first_error);
    if (text->find_first_not_of(" \t\r\n") == std::string::npos)
        throw HttpError(400, "the body is empty: send the article as text/plain, text/html, or JSON {\"text\": ...}");
    return std::move(*text);
}

ingest::Document from_json(const std::string& body) {
    nlohmann::json record;
    try {
        record = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception& e) {
        throw HttpError(400, std::string("malformed JSON: ") + e.what());
    }
    if (record.is_object() && !record.contains("id")) record["id"] = kDefaultArticleId;
    try {
        return ingest::document_from_record(record);
    } catch (const std::invalid_argument& e) {
        throw HttpError(400, e.what());
    }
}

struct Extracted {
    ingest::Document document;
    pipeline::Result result;
};

Extracted extract(const Request& request) {
    Extracted extracted{article_from_request(request), {}};
    extracted.result = pipeline::extract(extracted.document);
    return extracted;
}

Response attachment(std::string body, std::string content_type, const std::string& file_name) {
    Response response;
    response.body = std::move(body);
    response.content_type = std::move(content_type);
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    return response;
}

}  // namespace

ingest::Document article_from_request(const Request& request) {
    std::string body = decoded_body(request);
    std::string type = media_type(request.content_type);
    if (type != "text/plain" && type != "text/html" && type != "application/json") {
        switch (ingest::detect_format("", std::string_view(body).substr(0, 4096))) {
            case ingest::InputFormat::Html: type = "text/html"; break;
            case ingest::InputFormat::Jsonl: type = "application/json"; break;
            default: type = "text/plain"; break;
        }
    }
    if (type == "application/json") return from_json(body);
    if (type == "text/html") return ingest::parse_html(body, kDefaultArticleId);
    return ingest::make_text_document(std::move(body), kDefaultArticleId);
}

Response extract_article(const Request& request) {
    const Extracted extracted = extract(request);
    Response response = json_response("");
    exporter::write_json(extracted.document, extracted.result, response.body);
    return response;
}

Response export_article(const Request& request) {
    const std::string format = request.param("format", "json");
    if (format != "json" && format != "text" && format != "brat" && format != "dot" && format != "svg")
        throw HttpError(400, "format must be json, text, brat, dot or svg, not “" + format + "”");
    const Extracted extracted = extract(request);
    const auto& [document, result] = extracted;
    if (format == "json") {
        std::string json;
        exporter::write_json(document, result, json, 2);
        return attachment(std::move(json), "application/json; charset=utf-8", "quotegraph.json");
    }
    if (format == "text")
        return attachment(exporter::to_text(document, result), "text/plain; charset=utf-8", "quotegraph.txt");
    if (format == "brat")
        return attachment(exporter::to_brat(document, result), "text/plain; charset=utf-8", "quotegraph.ann");
    const graph::Graph g = graph::build(document, result);
    if (format == "dot") return attachment(exporter::to_dot(g), "text/vnd.graphviz; charset=utf-8", "quotegraph.dot");
    try {
        return attachment(exporter::render(g, "svg"), "image/svg+xml", "quotegraph.svg");
    } catch (const exporter::TooLarge& e) {
        throw HttpError(400, e.what());
    }
}

Response audit_article(const Request& request) {
    Extracted extracted = extract(request);
    audit::Auditor auditor;
    auditor.add(extracted.document, extracted.result);
    return json_response(audit::to_json(auditor.finish()).dump());
}

}  // namespace qg::serve
