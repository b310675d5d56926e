// The fast path of JSONL reading: one record, a JSON object whose fields of interest are
// strings, parsed in a single pass that copies each wanted string once and skips every
// other member after checking it is valid JSON. nlohmann's lexer reads a byte at a time
// into a growing buffer and builds a tree for the whole line; on article text that was a
// fifth of extraction. Anything this parser does not fully accept (malformed JSON, a wanted
// field that is not a string, a lone surrogate, nesting deeper than it follows) is handed
// back, and the reader parses the line with nlohmann instead, which either accepts it with
// the same result or reports the error exactly as before.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/document.h"

namespace qg::ingest {

// Whether any of the 8 bytes of `word` is one a JSON string cannot hold as is: a control
// character, '"' or '\\' (the classic SWAR tests for a byte below a bound or equal to a
// given one). Reading and writing JSON both skip eight ordinary bytes at a time with it.
inline bool has_json_special_byte(uint64_t word) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t below_space = (word - ones * 0x20) & ~word;
    const uint64_t quote = word ^ (ones * '"');
    const uint64_t backslash = word ^ (ones * '\\');
    const uint64_t is_quote = (quote - ones) & ~quote;
    const uint64_t is_backslash = (backslash - ones) & ~backslash;
    return ((below_space | is_quote | is_backslash) & highs) != 0;
}

// The members of a JSONL record that ingestion reads. A member given as null is absent;
// when a member repeats, the last one counts (as with nlohmann::json).
struct RecordFields {
    std::optional<std::string> id, text, html, title, url, date, outlet;
};

// The document a record describes: checks that it has a non-empty "id" and exactly one of
// "text" and "html". Throws std::invalid_argument naming what is wrong.
Document document_from_fields(RecordFields&& fields);

// Parses `line` (valid UTF-8, no line break) into `fields`. Returns false, with `fields` in
// an unspecified state, when the line needs the full parser.
bool parse_record_fast(std::string_view line, RecordFields& fields);

}  // namespace qg::ingest
