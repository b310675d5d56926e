#include "ingest/json_record.h"

#include <cstring>

namespace qg::ingest {
namespace {

// Deeper nesting than this (in members nobody reads) is left to nlohmann.
constexpr int kMaxDepth = 64;

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        const char bytes[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(bytes, 2);
    } else if (cp < 0x10000) {
        const char bytes[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                               static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(bytes, 3);
    } else {
        const char bytes[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                               static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(bytes, 4);
    }
}

class RecordParser {
public:
    explicit RecordParser(std::string_view line) : s_(line) {}

    bool parse(RecordFields& fields) {
        skip_space();
        if (!consume('{')) return false;
        skip_space();
        if (consume('}')) return at_end();
        for (;;) {
            if (!peek('"')) return false;
            std::string_view key;
            if (!read_key(key)) return false;
            skip_space();
            if (!consume(':')) return false;
            skip_space();
            if (std::optional<std::string>* field = field_for(fields, key)) {
                if (peek('"')) {
                    std::string& value = field->emplace();
                    if (!read_string(&value)) return false;
                } else if (consume_word("null")) {
                    field->reset();
                } else {
                    return false;  // the full parser names the wrong type
                }
            } else if (!skip_value(0)) {
                return false;
            }
            skip_space();
            if (consume('}')) return at_end();
            if (!consume(',')) return false;
            skip_space();
        }
    }

private:
    static std::optional<std::string>* field_for(RecordFields& f, std::string_view key) {
        if (key == "text") return &f.text;
        if (key == "id") return &f.id;
        if (key == "html") return &f.html;
        if (key == "title") return &f.title;
        if (key == "url") return &f.url;
        if (key == "date") return &f.date;
        if (key == "outlet") return &f.outlet;
        return nullptr;
    }

    bool at_end() {
        skip_space();
        return i_ == s_.size();
    }
    bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
    bool consume(char c) {
        if (!peek(c)) return false;
        ++i_;
        return true;
    }
    bool consume_word(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }
    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }

    // A key without escapes is a view of the line; one with escapes is decoded.
    bool read_key(std::string_view& key) {
        const size_t start = i_ + 1;
        const size_t close = s_.find_first_of("\"\\", start);
        if (close != std::string_view::npos && s_[close] == '"') {
            key = s_.substr(start, close - start);
            for (char c : key)
                if (static_cast<unsigned char>(c) < 0x20) return false;
            i_ = close + 1;
            return true;
        }
        key_scratch_.clear();
        if (!read_string(&key_scratch_)) return false;
        key = key_scratch_;
        return true;
    }

    // At an opening '"': reads the string to its closing quote, appending its decoded
    // value to `out` unless `out` is null.
    bool read_string(std::string* out) {
        ++i_;
        size_t run = i_;  // start of the bytes not yet copied
        for (;;) {
            i_ += plain_json_prefix(s_.data() + i_, s_.size() - i_);
            if (i_ >= s_.size()) return false;
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                if (out) out->append(s_.data() + run, i_ - run);
                ++i_;
                return true;
            }
            if (c < 0x20) return false;
            if (c != '\\') {
                ++i_;
                continue;
            }
            if (out) out->append(s_.data() + run, i_ - run);
            if (!read_escape(out)) return false;
            run = i_;
        }
    }

    // At a '\\': reads one escape.
    bool read_escape(std::string* out) {
        if (i_ + 1 >= s_.size()) return false;
        const char kind = s_[i_ + 1];
        i_ += 2;
        char plain;
        switch (kind) {
            case '"': plain = '"'; break;
            case '\\': plain = '\\'; break;
            case '/': plain = '/'; break;
            case 'b': plain = '\b'; break;
            case 'f': plain = '\f'; break;
            case 'n': plain = '\n'; break;
            case 'r': plain = '\r'; break;
            case 't': plain = '\t'; break;
            case 'u': {
                uint32_t cp;
                if (!read_hex4(cp)) return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t low;
                    if (!consume('\\') || !consume('u') || !read_hex4(low) || low < 0xDC00 || low > 0xDFFF)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                if (out) append_utf8(*out, cp);
                return true;
            }
            default: return false;
        }
        if (out) out->push_back(plain);
        return true;
    }

    bool read_hex4(uint32_t& cp) {
        if (i_ + 4 > s_.size()) return false;
        cp = 0;
        for (int k = 0; k < 4; ++k) {
            const int d = hex_digit(s_[i_ + k]);
            if (d < 0) return false;
            cp = cp * 16 + static_cast<uint32_t>(d);
        }
        i_ += 4;
        return true;
    }

    bool skip_value(int depth) {
        if (i_ >= s_.size()) return false;
        switch (s_[i_]) {
            case '"': return read_string(nullptr);
            case '{': return skip_container(depth, '}', true);
            case '[': return skip_container(depth, ']', false);
            case 't': return consume_word("true");
            case 'f': return consume_word("false");
            case 'n': return consume_word("null");
            default: return skip_number();
        }
    }

    bool skip_container(int depth, char close, bool is_object) {
        if (depth >= kMaxDepth) return false;
        ++i_;
        skip_space();
        if (consume(close)) return true;
        for (;;) {
            if (is_object) {
                if (!peek('"') || !read_string(nullptr)) return false;
                skip_space();
                if (!consume(':')) return false;
                skip_space();
            }
            if (!skip_value(depth + 1)) return false;
            skip_space();
            if (consume(close)) return true;
            if (!consume(',')) return false;
            skip_space();
        }
    }

    size_t digits() {
        const size_t start = i_;
        while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
        return i_ - start;
    }

    // JSON's number grammar. Exponents of three digits or more (which overflow a double)
    // are left to nlohmann, so both parsers agree on what they accept.
    bool skip_number() {
        consume('-');
        if (consume('0')) {
            if (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') return false;
        } else if (digits() == 0) {
            return false;
        }
        if (consume('.') && digits() == 0) return false;
        if (peek('e') || peek('E')) {
            ++i_;
            if (!consume('+')) consume('-');
            const size_t n = digits();
            if (n == 0 || n > 2) return false;
        }
        return true;
    }

    std::string_view s_;
    size_t i_ = 0;
    std::string key_scratch_;
};

}  // namespace

bool parse_record_fast(std::string_view line, RecordFields& fields) { return RecordParser(line).parse(fields); }

}  // namespace qg::ingest
