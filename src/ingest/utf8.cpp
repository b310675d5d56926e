#include "ingest/utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace qg::ingest::utf8 {
namespace {

// Allowed range of the second byte after lead byte `lead` (Unicode Table 3-7). The
// narrowed ranges are what exclude overlongs (E0, F0), surrogates (ED) and code points
// above U+10FFFF (F4).
struct ByteRange {
    unsigned char lo = 0x80, hi = 0xBF;
};
inline ByteRange second_byte_range(unsigned char lead) {
    switch (lead) {
        case 0xE0: return {0xA0, 0xBF};
        case 0xED: return {0x80, 0x9F};
        case 0xF0: return {0x90, 0xBF};
        case 0xF4: return {0x80, 0x8F};
        default: return {};
    }
}

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the well-formed multi-byte sequence at p[0..avail), or 0 when ill-formed.
inline size_t valid_multibyte(const unsigned char* p, size_t avail) {
    const unsigned char lead = p[0];
    if (lead < 0xC2 || lead > 0xF4) return 0;
    const size_t need = sequence_length(lead);
    if (avail < need) return 0;
    const ByteRange second = second_byte_range(lead);
    if (p[1] < second.lo || p[1] > second.hi) return 0;
    for (size_t k = 2; k < need; ++k)
        if (!is_continuation(p[k])) return 0;
    return need;
}

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

}  // namespace

size_t find_invalid(std::string_view bytes, size_t from) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    size_t i = from;
    constexpr uint64_t kHighBits = 0x8080808080808080ULL;
    while (i < n) {
        // News text is mostly ASCII: skip it eight bytes per step.
        while (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, p + i, 8);
            if (word & kHighBits) break;
            i += 8;
        }
        while (i < n && p[i] < 0x80) ++i;
        if (i >= n) break;
        const size_t len = valid_multibyte(p + i, n - i);
        if (len == 0) return i;
        i += len;
    }
    return n;
}

size_t invalid_length(std::string_view bytes, size_t pos) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + pos;
    const size_t avail = bytes.size() - pos;
    const unsigned char lead = p[0];
    if (lead < 0xC2 || lead > 0xF4) return 1;
    const ByteRange second = second_byte_range(lead);
    if (avail < 2 || p[1] < second.lo || p[1] > second.hi) return 1;
    const size_t need = sequence_length(lead);
    for (size_t k = 2; k < need; ++k)
        if (k >= avail || !is_continuation(p[k])) return k;
    return need;  // only reached if called on a valid sequence
}

std::string describe_invalid(std::string_view bytes, size_t pos) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + pos;
    const size_t avail = bytes.size() - pos;
    const unsigned char lead = p[0];
    if (is_continuation(lead)) return "unexpected continuation byte " + hex_byte(lead);
    if (lead == 0xC0 || lead == 0xC1) return "overlong encoding (lead byte " + hex_byte(lead) + ")";
    if (lead >= 0xF5 && lead <= 0xF7) return "code point above U+10FFFF";
    if (lead >= 0xF8) return "byte " + hex_byte(lead) + " never appears in UTF-8";
    const size_t need = sequence_length(lead);
    for (size_t k = 1; k < need; ++k) {
        if (k >= avail) return "truncated sequence at end of input";
        if (!is_continuation(p[k]))
            return "truncated sequence (expected a continuation byte, found " + hex_byte(p[k]) + ")";
        if (k == 1) {
            const ByteRange second = second_byte_range(lead);
            if (p[1] < second.lo || p[1] > second.hi) {
                if (lead == 0xED) return "UTF-16 surrogate code point";
                if (lead == 0xF4) return "code point above U+10FFFF";
                return "overlong encoding";
            }
        }
    }
    return "ill-formed sequence";
}

size_t repair(std::string& bytes, size_t first_bad) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8 + 16);
    out.append(bytes, 0, first_bad);
    size_t replaced = 0;
    size_t i = first_bad;
    while (i < bytes.size()) {
        i += invalid_length(bytes, i);
        out += kReplacement;
        ++replaced;
        const size_t next_bad = find_invalid(bytes, i);
        out.append(bytes, i, next_bad - i);
        i = next_bad;
    }
    bytes.swap(out);
    return replaced;
}

size_t count_code_points(std::string_view text) {
    size_t count = 0;
    for (unsigned char b : text) count += !is_continuation(b);
    return count;
}

namespace {

// Windows-1252 0x80-0x9F; 0 where the encoding leaves the byte undefined.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t windows_1252_code_point(unsigned char b) {
    return (b >= 0x80 && b < 0xA0) ? kWindows1252High[b - 0x80] : b;
}

}  // namespace

bool looks_like_windows_1252(std::string_view bytes, size_t first_bad) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    bool has_c1 = false;
    for (size_t i = first_bad; i < n; ++i) {
        if (p[i] < 0x80 || p[i] >= 0xA0) continue;
        if (kWindows1252High[p[i] - 0x80] == 0) return false;
        has_c1 = true;
    }
    // Before first_bad everything is valid UTF-8, whose bytes 0x80-0x9F are continuation
    // bytes: nothing there can be undefined Windows-1252 as a character of its own.
    if (!has_c1) return false;
    size_t well_formed = 0, ill_formed = 0;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            ++i;
        } else if (const size_t len = valid_multibyte(p + i, n - i)) {
            ++well_formed;
            i += len;
        } else {
            ++ill_formed;
            i += invalid_length(bytes, i);
        }
    }
    return well_formed < ill_formed;
}

void windows_1252_to_utf8(std::string& bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (unsigned char b : bytes) append_code_point(out, windows_1252_code_point(b));
    bytes.swap(out);
}

bool decode_in_place(std::string& bytes, bool lenient, const std::string& file, uint64_t line,
                     const DiagnosticSink& on_diagnostic, size_t& bom_length, bool allow_windows_1252) {
    bom_length = std::string_view(bytes).starts_with(kBom) ? kBom.size() : 0;
    if (bom_length) bytes.erase(0, bom_length);
    const size_t bad = find_invalid(bytes);
    if (bad == bytes.size()) return true;

    Diagnostic diagnostic;
    diagnostic.file = file;
    diagnostic.line = line;
    diagnostic.byte_offset = bad + bom_length;
    diagnostic.has_offset = true;
    if (allow_windows_1252 && looks_like_windows_1252(bytes, bad)) {
        const unsigned char first = static_cast<unsigned char>(bytes[bad]);
        diagnostic.severity = Severity::Warning;
        diagnostic.message = "not UTF-8 (byte " + hex_byte(first) +
                             " here) but looks like Windows-1252: decoded as Windows-1252; offsets index the "
                             "decoded text";
        windows_1252_to_utf8(bytes);
        if (on_diagnostic) on_diagnostic(diagnostic);
        return true;
    }
    if (!lenient) {
        diagnostic.severity = Severity::Error;
        diagnostic.message = "invalid UTF-8: " + describe_invalid(bytes, bad);
        if (on_diagnostic) on_diagnostic(diagnostic);
        return false;
    }
    const std::string first_reason = describe_invalid(bytes, bad);
    const size_t replaced = repair(bytes, bad);
    diagnostic.severity = Severity::Warning;
    diagnostic.message = "replaced " + std::to_string(replaced) + " invalid UTF-8 sequence" +
                         (replaced == 1 ? "" : "s") + " with U+FFFD (first: " + first_reason + ")";
    if (on_diagnostic) on_diagnostic(diagnostic);
    return true;
}

}  // namespace qg::ingest::utf8

namespace qg::ingest {

std::optional<std::string> decode_utf8(std::string_view bytes, bool lenient, const std::string& file,
                                       const DiagnosticSink& on_diagnostic) {
    std::string text(bytes);
    size_t bom_length = 0;
    if (!utf8::decode_in_place(text, lenient, file, 0, on_diagnostic, bom_length)) return std::nullopt;
    return text;
}

}  // namespace qg::ingest
