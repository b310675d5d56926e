// The store's records as text, JSON and CSV, shared by the CLI and the web server so both
// print the same fields under the same names (docs/tracker.md).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace qg::store {

enum class Format { Text, Json, Jsonl, Csv };
// "text", "json", "jsonl", "csv"; throws std::invalid_argument for anything else.
Format parse_format(std::string_view name);

nlohmann::json to_json(const Role& role);
nlohmann::json to_json(const Statement& statement);
nlohmann::json to_json(const Entity& entity);
nlohmann::json to_json(const Change& change);
nlohmann::json to_json(const Revision& revision);
nlohmann::json to_json(const Document& document);
nlohmann::json to_json(const DocumentSummary& document);
nlohmann::json to_json(const TimelinePoint& point);
nlohmann::json to_json(const Claim& claim);
nlohmann::json to_json(const Counts& counts);

// "spokesman, Syrian Democratic Forces" / "former minister" ("" for no title and no organisation).
std::string role_text(const Role& role);

// One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled.
std::string csv_field(std::string_view value);

// Whole outputs in one format. JSON is one array; JSONL one object per line; CSV a header
// row and one row per record, CRLF line ends (RFC 4180); text one readable line per record.
void write_statements(std::ostream& out, const std::vector<Statement>& statements, Format format);
void write_speakers(std::ostream& out, const std::vector<Speaker>& speakers, Format format);
void write_timeline(std::ostream& out, const std::vector<TimelinePoint>& points, Format format);
void write_claim(std::ostream& out, const Claim& claim, Format format);
void write_history(std::ostream& out, const Document& document, Format format);

}  // namespace qg::store
