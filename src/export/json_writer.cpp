#include "export/json_writer.h"

#include <charconv>
#include <cstring>
#include <cmath>
#include <stdexcept>

#include "ingest/json_record.h"

namespace qg::exporter {

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    size_t run = 0;  // start of the stretch that needs no escaping
    size_t i = 0;
    while (i < s.size()) {
        // Eight bytes at a time while none needs escaping: most text never does.
        if (i + 8 <= s.size()) {
            uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (!ingest::has_json_special_byte(word)) {
                i += 8;
                continue;
            }
        }
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        run = ++i;
        switch (c) {
            case '"': out.append("\\\""); break;
            case '\\': out.append("\\\\"); break;
            case '\b': out.append("\\b"); break;
            case '\f': out.append("\\f"); break;
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            default: {
                const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                out.append(escaped, 6);
            }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

void JsonWriter::newline_and_indent(size_t depth) {
    out_.push_back('\n');
    out_.append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::key(std::string_view name) {
    // Keys are the contract's own names: plain ASCII words that never need escaping. Built
    // whole on the stack, so the output grows by one append.
    before_value();
    char buffer[64];
    if (name.size() + 4 > sizeof buffer) throw std::length_error("JSON key too long: " + std::string(name));
    buffer[0] = '"';
    std::memcpy(buffer + 1, name.data(), name.size());
    size_t n = name.size() + 1;
    buffer[n++] = '"';
    buffer[n++] = ':';
    if (indent_ >= 0) buffer[n++] = ' ';
    out_.append(buffer, n);
    after_key_ = true;
}

void JsonWriter::open(char bracket) {
    before_value();
    if (depth_ == 64) throw std::length_error("JSON nested more than 64 levels deep");
    out_.push_back(bracket);
    ++depth_;
    has_element_ &= ~(uint64_t{1} << (depth_ - 1));
}

void JsonWriter::close(char bracket) {
    const bool had = has_element_ & (uint64_t{1} << (depth_ - 1));
    --depth_;
    if (had && indent_ >= 0) newline_and_indent(depth_);
    out_.push_back(bracket);
}

void JsonWriter::value(std::string_view s) {
    before_value();
    append_json_string(out_, s);
}

void JsonWriter::value(bool b) {
    before_value();
    out_.append(b ? "true" : "false");
}

void JsonWriter::value(uint64_t n) {
    before_value();
    char buffer[24];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, n);
    out_.append(buffer, end);
}

void JsonWriter::value(double d) {
    before_value();
    if (!std::isfinite(d)) {
        out_.append("null");  // as nlohmann::json writes NaN and infinities
        return;
    }
    // Shortest round-trip digits, as nlohmann's dtoa; a whole number keeps its ".0".
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, d);
    std::string_view digits(buffer, static_cast<size_t>(end - buffer));
    out_.append(digits);
    if (digits.find_first_of(".e") == std::string_view::npos) out_.append(".0");
}

void JsonWriter::null() {
    before_value();
    out_.append("null");
}

}  // namespace qg::exporter
