#include "export/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <cmath>
#include <stdexcept>

#include "ingest/json_record.h"

namespace qg::exporter {

JsonWriter::JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {
    const size_t used = out_.size();
    out_.resize(used + 4096);
    cursor_ = out_.data() + used;
    limit_ = out_.data() + out_.size();
}

void JsonWriter::grow(size_t n) {
    const size_t used = static_cast<size_t>(cursor_ - out_.data());
    out_.resize(std::max(out_.size() * 2, used + n + 4096));
    cursor_ = out_.data() + used;
    limit_ = out_.data() + out_.size();
}

void JsonWriter::finish() {
    if (finished_) return;
    finished_ = true;
    out_.resize(static_cast<size_t>(cursor_ - out_.data()));
}

void JsonWriter::put_string(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    // Room for the text unescaped and its quotes; each escape reserves its own few bytes.
    reserve(s.size() + 2);
    *cursor_++ = '"';
    size_t i = 0;
    for (;;) {
        // Most text never needs escaping: copied a run at a time up to the next byte that does.
        const size_t plain = ingest::plain_json_prefix(s.data() + i, s.size() - i);
        std::memcpy(cursor_, s.data() + i, plain);
        cursor_ += plain;
        i += plain;
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i++]);
        // The escape takes at most 6 bytes where the character took 1; the rest of the
        // text (and the closing quote) still has its room after it.
        reserve(6 + (s.size() - i) + 1);
        switch (c) {
            case '"': put("\\\""); break;
            case '\\': put("\\\\"); break;
            case '\b': put("\\b"); break;
            case '\f': put("\\f"); break;
            case '\n': put("\\n"); break;
            case '\r': put("\\r"); break;
            case '\t': put("\\t"); break;
            default: {
                const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                put(std::string_view(escaped, 6));
            }
        }
    }
    *cursor_++ = '"';
}

void append_json_string(std::string& out, std::string_view s) {
    JsonWriter writer(out, -1);
    writer.value(s);
}

void JsonWriter::newline_and_indent(size_t depth) {
    put('\n');
    const size_t width = depth * static_cast<size_t>(indent_);
    std::memset(reserve(width), ' ', width);
    cursor_ += width;
}

void JsonWriter::key(std::string_view name) {
    // Keys are the contract's own names: plain ASCII words that never need escaping.
    before_value();
    char* p = reserve(name.size() + 4);
    *p++ = '"';
    std::memcpy(p, name.data(), name.size());
    p += name.size();
    *p++ = '"';
    *p++ = ':';
    if (indent_ >= 0) *p++ = ' ';
    cursor_ = p;
    after_key_ = true;
}

void JsonWriter::open(char bracket) {
    before_value();
    if (depth_ == 64) throw std::length_error("JSON nested more than 64 levels deep");
    put(bracket);
    ++depth_;
    has_element_ &= ~(uint64_t{1} << (depth_ - 1));
}

void JsonWriter::close(char bracket) {
    const bool had = has_element_ & (uint64_t{1} << (depth_ - 1));
    --depth_;
    if (had && indent_ >= 0) newline_and_indent(depth_);
    put(bracket);
}

void JsonWriter::value(std::string_view s) {
    before_value();
    put_string(s);
}

void JsonWriter::value(bool b) {
    before_value();
    put(b ? "true" : "false");
}

void JsonWriter::value(uint64_t n) {
    before_value();
    // Straight into the output: a number is written per offset, several per statement and
    // mention, and a copy of unknown length from a buffer was a call to memcpy each.
    constexpr size_t kMaxDigits = 20;
    char* p = reserve(kMaxDigits);
    cursor_ = std::to_chars(p, p + kMaxDigits, n).ptr;
}

void JsonWriter::value(double d) {
    before_value();
    if (!std::isfinite(d)) {
        put("null");  // as nlohmann::json writes NaN and infinities
        return;
    }
    // Shortest round-trip digits, as nlohmann's dtoa; a whole number keeps its ".0".
    // Values that are thousandths in [0, 1] (every confidence the records hold) have their
    // digits remembered per thread: std::to_chars took 600 instructions each.
    struct Digits {
        char text[14];
        uint8_t size = 0;  // 0: not computed yet
    };
    thread_local Digits thousandths[1001];
    Digits* cached = nullptr;
    if (d >= 0.0 && d <= 1.0 && !std::signbit(d)) {
        const double scaled = d * 1000.0;
        const auto k = static_cast<unsigned>(scaled);
        if (static_cast<double>(k) == scaled && static_cast<double>(k) / 1000.0 == d) cached = &thousandths[k];
    }
    if (cached && cached->size) {
        put(std::string_view(cached->text, cached->size));
        return;
    }
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, d);
    std::string_view digits(buffer, static_cast<size_t>(end - buffer));
    char* start = cursor_;
    put(digits);
    if (digits.find_first_of(".e") == std::string_view::npos) put(".0");
    const auto size = static_cast<size_t>(cursor_ - start);
    if (cached && size <= sizeof cached->text) {
        std::memcpy(cached->text, start, size);
        cached->size = static_cast<uint8_t>(size);
    }
}

void JsonWriter::null() {
    before_value();
    put("null");
}

}  // namespace qg::exporter
