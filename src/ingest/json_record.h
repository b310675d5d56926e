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
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/document.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qg::ingest {

// Whether any of the 8 bytes of `word` is one a JSON string cannot hold as is: a control
// character, '"' or '\\' (the classic SWAR tests for a byte below a bound or equal to a
// given one): the eight-byte step of plain_json_prefix below.
inline bool has_json_special_byte(uint64_t word) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t below_space = (word - ones * 0x20) & ~word;
    const uint64_t quote = word ^ (ones * '"');
    const uint64_t backslash = word ^ (ones * '\\');
    const uint64_t is_quote = (quote - ones) & ~quote;
    const uint64_t is_backslash = (backslash - ones) & ~backslash;
    return ((below_space | is_quote | is_backslash) & highs) != 0;
}

// How many bytes from `p` (of `n`) a JSON string holds as they are: the position of the
// first control character, '"' or '\\', or `n`. Sixteen bytes a step with SSE2 (article
// text runs a few dozen bytes between quotation marks and line breaks, and finding the
// exact byte spares a byte-by-byte walk after each eight-byte hit), eight without.
inline size_t plain_json_prefix(const char* p, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // v >= 0x20 unsigned exactly where max(v, 0x20) == v.
        const __m128i printable = _mm_cmpeq_epi8(_mm_max_epu8(v, space), v);
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_andnot_si128(printable, _mm_set1_epi8(-1)));
        if (const int mask = _mm_movemask_epi8(special)) return i + static_cast<size_t>(__builtin_ctz(mask));
    }
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (has_json_special_byte(word)) break;
    }
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x20 || c == '"' || c == '\\') return i;
    }
    return n;
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
