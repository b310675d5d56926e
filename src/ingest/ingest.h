// Ingestion: files in the forms users hold them (plain text, HTML pages and fragments,
// JSONL batches) turned into Documents, streamed one at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/document.h"

namespace qg::ingest {

enum class InputFormat { Auto, Text, Html, Jsonl };

// Parses "auto", "text", "html", "jsonl"; nullopt for anything else.
std::optional<InputFormat> parse_input_format(std::string_view name);

struct Options {
    InputFormat format = InputFormat::Auto;
    // Replace invalid UTF-8 with U+FFFD (and warn) instead of rejecting the document.
    bool lenient = false;
};

enum class Severity { Warning, Error };

// A problem found while reading, precise enough for a user to open the file at the spot.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    uint64_t line = 0;         // 1-based line of the file (JSONL record), 0 when not meaningful
    uint64_t byte_offset = 0;  // byte offset in the file (or in the JSONL line's value)
    bool has_offset = false;
    std::string message;
    // "file:line: byte N: message" in the style compilers use.
    std::string to_string() const;
};

using DocumentSink = std::function<void(Document&&)>;
using DiagnosticSink = std::function<void(const Diagnostic&)>;

// Reads one input ("-" is standard input) and hands each document to `on_document` as
// soon as it is complete, so a JSONL corpus is never held in memory. Problems go to
// `on_diagnostic`; a bad JSONL line does not stop the lines after it.
// Returns false if any error was reported.
bool read_input(const std::string& path, const Options& options, const DocumentSink& on_document,
                const DiagnosticSink& on_diagnostic);

// Sniffs the format of a file's first bytes when the extension does not say.
InputFormat detect_format(std::string_view path, std::string_view head);

// Decoding building blocks, exposed for tests and for callers with bytes in memory.
// Validates UTF-8 and strips a leading BOM. On invalid UTF-8: in strict mode returns
// nullopt and reports the byte offset of the first bad sequence; in lenient mode
// substitutes U+FFFD for each bad sequence and reports a warning.
std::optional<std::string> decode_utf8(std::string_view bytes, bool lenient, const std::string& file,
                                       const DiagnosticSink& on_diagnostic);

// Parses HTML (a whole page or a fragment) with an HTML5 parser into a Document whose text
// has entities decoded, non-content elements dropped, paragraph breaks ("\n\n") between
// block elements, inline elements joined without invented spaces, and runs of whitespace
// folded to one space. `html` must be valid UTF-8.
Document parse_html(std::string_view html, std::string id);

// Builds a plain-text Document: text exactly as given (no normalisation).
Document make_text_document(std::string text, std::string id);

// One article as a JSON object, the form of a JSONL line: "id", "text" or "html", and the
// optional "title", "url", "date" and "outlet" (moved out of `record`). Throws
// std::invalid_argument naming what is wrong. Strings must be valid UTF-8.
Document document_from_record(nlohmann::json& record);

}  // namespace qg::ingest
