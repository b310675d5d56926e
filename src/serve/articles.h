// The article a POST carries (/api/extract, /api/export, /api/audit, /api/ingest): plain
// text, HTML, or a JSON object like one JSONL line; and what is computed from it.
#pragma once

#include "ingest/document.h"
#include "serve/http.h"

namespace qg::serve {

// The id of an article whose request gives none.
inline constexpr const char* kDefaultArticleId = "article";

// Reads the body as its Content-Type says (text/plain, text/html, application/json; any
// other type is sniffed). Throws HttpError 400 for an empty body, invalid UTF-8 or a JSON
// body that is not an article.
ingest::Document article_from_request(const Request& request);

// The extract JSON contract (docs/output-format.md) of the article, one line.
Response extract_article(const Request& request);

// The article's extraction as a download: ?format=json|text|brat|dot|svg.
Response export_article(const Request& request);

// The quote audit of the article alone (docs/audit.md), as audit JSON.
Response audit_article(const Request& request);

}  // namespace qg::serve
