// UTF-8 validation internals shared by the ingest readers (not part of the public API).
// The validator follows Unicode Table 3-7 (well-formed byte sequences), so overlongs,
// surrogates, code points above U+10FFFF and truncated sequences are all rejected; repair
// replaces each "maximal subpart" with one U+FFFD, the substitution practice Unicode and
// the WHATWG decoder recommend, so lenient output matches what browsers show.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace qg::ingest::utf8 {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Byte offset of the first ill-formed sequence at or after `from`, or bytes.size().
size_t find_invalid(std::string_view bytes, size_t from = 0);

// Length (1..3) of the ill-formed maximal subpart starting at `pos`.
size_t invalid_length(std::string_view bytes, size_t pos);

// Why the sequence at `pos` is ill-formed, for diagnostics ("overlong encoding", ...).
std::string describe_invalid(std::string_view bytes, size_t pos);

// Replaces every ill-formed subpart of `bytes` with U+FFFD, scanning from `first_bad`
// (which must be the first ill-formed offset). Returns the number of replacements.
size_t repair(std::string& bytes, size_t first_bad);

// Number of code points in valid UTF-8.
size_t count_code_points(std::string_view text);

// Appends code point `c` (at most U+10FFFF, not a surrogate) to `out` as UTF-8.
inline void append_code_point(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
        return;
    }
    char buffer[4];
    size_t length;
    if (c < 0x800) {
        buffer[0] = static_cast<char>(0xC0 | (c >> 6));
        length = 2;
    } else if (c < 0x10000) {
        buffer[0] = static_cast<char>(0xE0 | (c >> 12));
        length = 3;
    } else {
        buffer[0] = static_cast<char>(0xF0 | (c >> 18));
        length = 4;
    }
    for (size_t k = 1; k < length; ++k)
        buffer[k] = static_cast<char>(0x80 | ((c >> (6 * (length - 1 - k))) & 0x3F));
    out.append(buffer, length);
}

// Byte length of the sequence introduced by lead byte `lead` in valid UTF-8.
inline size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

// Whether bytes that are not valid UTF-8 (the first bad sequence at `first_bad`) read as
// Windows-1252 instead: no byte that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
// 0x90, 0x9D), at least one byte 0x80-0x9F (the curly quotes, dashes and ellipsis that
// only Windows-1252 puts there: a file without them may as well be broken UTF-8), and
// fewer well-formed UTF-8 multi-byte sequences than ill-formed ones (a mostly UTF-8 file
// with a bad byte is broken UTF-8, not another encoding). One pass over the bytes.
bool looks_like_windows_1252(std::string_view bytes, size_t first_bad);

// Converts Windows-1252 bytes to UTF-8 in place (0x80-0x9F through the Windows-1252
// table, 0xA0-0xFF as Latin-1).
void windows_1252_to_utf8(std::string& bytes);

// The work behind decode_utf8, done in place so a 100 MB input is not copied: strips a
// leading BOM (its length goes to `bom_length`), then validates; on invalid input either
// reports an error and returns false or repairs and warns. With `allow_windows_1252`, input
// that looks_like_windows_1252 is converted from it instead, with a warning. `line` is put
// in diagnostics (0 for whole files); offsets reported are relative to the bytes as given,
// BOM included.
bool decode_in_place(std::string& bytes, bool lenient, const std::string& file, uint64_t line,
                     const DiagnosticSink& on_diagnostic, size_t& bom_length, bool allow_windows_1252 = false);

}  // namespace qg::ingest::utf8
