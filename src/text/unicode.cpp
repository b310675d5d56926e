// UTF-8 decoding and the few character classes news text needs. Classification is
// deliberately coarse outside Latin, Greek and Cyrillic: any other non-punctuation,
// non-space code point is treated as a letter, which is what a tokenizer wants.
#include <algorithm>
#include <bit>
#include <cstring>

#include "text/text.h"

namespace qg::text {

char32_t decode_multibyte_at(std::string_view s, uint32_t& pos) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const uint32_t n = static_cast<uint32_t>(s.size());
    unsigned char b0 = p[pos];
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : 0;
    if (extra == 0 || pos + extra >= n) {
        ++pos;
        return b0;
    }
    for (int i = 1; i <= extra; ++i) {
        if ((p[pos + i] & 0xC0) != 0x80) {
            ++pos;
            return b0;
        }
    }
    char32_t c = b0 & (0x3F >> extra);
    for (int i = 1; i <= extra; ++i) c = (c << 6) | (p[pos + i] & 0x3F);
    pos += extra + 1;
    return c;
}

char32_t decode_before(std::string_view s, uint32_t& pos) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    uint32_t start = pos - 1;
    while (start > 0 && (p[start] & 0xC0) == 0x80 && pos - start < 4) --start;
    uint32_t cursor = start;
    char32_t c = decode_at(s, cursor);
    pos = start;
    return c;
}

bool is_space_beyond_ascii(char32_t c) {
    return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF;
}


bool is_quote_mark(char32_t c) {
    switch (c) {
        case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
        case 0x201E: case 0x201F: case 0x201A: case 0x201B: case 0x2039: case 0x203A: case 0x300C:
        case 0x300D: case 0x300E: case 0x300F: case 0x2032: case 0x2033: case 0xFF02:
            return true;
        default:
            return false;
    }
}

bool is_dash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

static bool is_general_punctuation(char32_t c) {
    return (c >= 0x2010 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x00A1 && c <= 0x00BF) ||
           c == 0x00D7 || c == 0x00F7 || (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2190 && c <= 0x2BFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0x1F000 && c <= 0x1FAFF) ||
           (c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD || c == 0x02BC;
}

bool is_letter_beyond_ascii(char32_t c) {
    if (is_space(c) || is_quote_mark(c) || is_general_punctuation(c)) return false;
    if (c >= 0x0300 && c <= 0x036F) return true;  // combining marks stay inside words
    return true;
}

bool is_upper_beyond_ascii(char32_t c) {
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) return (c & 1) == 0 && c != 0x138;
    if (c >= 0x391 && c <= 0x3AB) return true;
    if (c >= 0x400 && c <= 0x42F) return true;
    return false;
}

bool is_lower(char32_t c) { return is_letter(c) && !is_upper(c); }

// Maps an upper-case Latin-1 / Latin Extended-A / Greek / Cyrillic letter to lower case.
static char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F && (c & 1) == 0 && c != 0x138) return c + 1;
    if (c >= 0x391 && c <= 0x3AB) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

static size_t encode(char32_t c, char* out) {
    if (c < 0x80) {
        out[0] = static_cast<char>(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = static_cast<char>(0xC0 | (c >> 6));
        out[1] = static_cast<char>(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (c >> 12));
        out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (c >> 18));
    out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (c & 0x3F));
    return 4;
}

std::string_view fold(std::string_view word, char* buffer, size_t capacity) {
    // Most words are ASCII: lower-case them byte by byte, decoding only when needed.
    size_t ascii = 0;
    while (ascii < word.size() && static_cast<unsigned char>(word[ascii]) < 0x80) ++ascii;
    if (ascii == word.size()) {
        if (word.size() > capacity) return {};
        for (size_t i = 0; i < word.size(); ++i) {
            char c = word[i];
            buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
        }
        return {buffer, word.size()};
    }
    size_t used = 0;
    uint32_t pos = 0;
    while (pos < word.size()) {
        char32_t c = decode_at(word, pos);
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032) c = '\'';
        c = to_lower(c);
        if (used + 4 > capacity) return {};
        used += encode(c, buffer + used);
    }
    return {buffer, used};
}

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

uint32_t count_chars(std::string_view s) {
    uint32_t n = 0;
    for (char c : s) n += !is_continuation(c);
    return n;
}

// The continuation bytes (10xxxxxx) among 8, counted at once: a byte's top bit set and the
// bit below it clear. The flags are summed by one multiply (std::popcount is a library call
// on CPUs the build does not assume).
uint32_t continuation_bytes(uint64_t word) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t flags = (word & ~(word << 1) & highs) >> 7;
    return static_cast<uint32_t>((flags * ones) >> 56);
}

}  // namespace

void OffsetIndex::reset(std::string_view utf8) {
    text_ = utf8;
    chars_before_.clear();
    static_assert(kStride == 16, "a block is two 8-byte words");
    // One pass counts characters per block; an all-ASCII text keeps no blocks at all.
    const size_t whole_blocks = utf8.size() / kStride;
    chars_before_.reserve(whole_blocks + 1);
    uint32_t count = 0;
    uint64_t any_high = 0;
    for (size_t block = 0; block < whole_blocks; ++block) {
        uint64_t first, second;
        std::memcpy(&first, utf8.data() + block * kStride, 8);
        std::memcpy(&second, utf8.data() + block * kStride + 8, 8);
        chars_before_.push_back(count);
        any_high |= first | second;
        count += kStride - continuation_bytes(first) - continuation_bytes(second);
    }
    const std::string_view tail = utf8.substr(whole_blocks * kStride);
    chars_before_.push_back(count);
    for (char c : tail) any_high |= static_cast<unsigned char>(c);
    count += count_chars(tail);
    ascii_ = (any_high & 0x8080808080808080ull) == 0;
    if (ascii_) chars_before_.clear();
    char_count_ = count;
}

uint32_t OffsetIndex::to_char(uint32_t byte) const {
    if (ascii_) return std::min(byte, char_count_);
    if (byte >= text_.size()) return char_count_;
    uint32_t block = byte / kStride;
    const uint32_t in_block = byte - block * kStride;
    uint32_t chars;
    if constexpr (std::endian::native == std::endian::little) {
        // `byte` < size, so its block is whole unless it is the last: the bytes before
        // `byte` are counted as the block's two words masked to them (a count a byte at a
        // time was most of a lookup, and every span of the output is two lookups).
        if (block * kStride + kStride <= text_.size()) {
            uint64_t first, second;
            std::memcpy(&first, text_.data() + block * kStride, 8);
            std::memcpy(&second, text_.data() + block * kStride + 8, 8);
            const uint64_t first_mask = in_block >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * in_block)) - 1;
            const uint64_t second_mask = in_block <= 8 ? 0 : (uint64_t{1} << (8 * (in_block - 8))) - 1;
            chars = chars_before_[block] + in_block - continuation_bytes(first & first_mask) -
                    continuation_bytes(second & second_mask);
        } else {
            chars = chars_before_[block] + count_chars(text_.substr(block * kStride, in_block));
        }
    } else {
        chars = chars_before_[block] + count_chars(text_.substr(block * kStride, in_block));
    }
    // A byte inside a multi-byte character belongs to that character.
    return is_continuation(text_[byte]) ? chars - 1 : chars;
}

uint32_t OffsetIndex::to_byte(uint32_t ch) const {
    if (ascii_) return std::min(ch, byte_count());
    if (ch >= char_count_) return byte_count();
    // The last block starting at or before code point `ch`, then a walk within it.
    auto it = std::upper_bound(chars_before_.begin(), chars_before_.end(), ch);
    uint32_t block = static_cast<uint32_t>(it - chars_before_.begin()) - 1;
    uint32_t chars = chars_before_[block];
    uint32_t byte = block * kStride;
    while (byte < text_.size() && (is_continuation(text_[byte]) || chars < ch)) {
        if (!is_continuation(text_[byte])) ++chars;
        ++byte;
    }
    while (byte < text_.size() && is_continuation(text_[byte])) ++byte;
    return byte;
}

}  // namespace qg::text
