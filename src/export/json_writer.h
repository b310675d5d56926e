// A streaming JSON writer for the hot output path (one extract record per article): it
// appends straight to a string, with no document tree, in exactly nlohmann::json's dump()
// layout (compact or indented), so the two can be used interchangeably. Keys are written in
// the order given: callers give them sorted, as nlohmann's objects are.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace qg::exporter {

class JsonWriter {
public:
    // indent < 0: compact, as dump(); otherwise as dump(indent). Appends to `out`, which
    // holds spare capacity while the writer lives and has its final size once it is gone
    // (or after finish()).
    JsonWriter(std::string& out, int indent);
    ~JsonWriter() { finish(); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    void finish();

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view name);  // a plain ASCII name, written unescaped
    // The same for a name given as a literal: inline, with a copy of known size, since an
    // extract record has a dozen keys per statement and per mention (a call and a memcpy
    // of unknown size each were a quarter of the writer).
    template <size_t N>
    void key(const char (&name)[N]) {
        static_assert(N >= 1);
        before_value();
        char* p = reserve(N + 3);
        *p++ = '"';
        std::memcpy(p, name, N - 1);
        p += N - 1;
        *p++ = '"';
        *p++ = ':';
        if (indent_ >= 0) *p++ = ' ';
        cursor_ = p;
        after_key_ = true;
    }
    // Makes room for `n` more bytes at once (a caller that knows the output's size spares
    // the writer growing, zero-filling and copying it several times).
    void reserve_more(size_t n) { reserve(n); }

    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(bool b);
    void value(uint64_t n);
    void value(double d);
    void null();

private:
    // The writer keeps its own position in `out_` and grows it geometrically, so that the
    // many small writes (a key, a comma, a number) are plain stores rather than calls into
    // std::string.
    char* reserve(size_t n) {
        if (static_cast<size_t>(limit_ - cursor_) < n) grow(n);
        return cursor_;
    }
    void grow(size_t n);
    void put(char c) { *reserve(1) = c, ++cursor_; }
    void put(std::string_view s) {
        std::memcpy(reserve(s.size()), s.data(), s.size());
        cursor_ += s.size();
    }
    void put_string(std::string_view s);

    // Inline: called for every key and value, and most of its work is one branch.
    void before_value() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        const uint64_t bit = uint64_t{1} << (depth_ - 1);
        if (has_element_ & bit) put(',');
        has_element_ |= bit;
        if (indent_ >= 0) newline_and_indent(depth_);
    }
    void open(char bracket);
    void close(char bracket);
    void newline_and_indent(size_t depth);

    std::string& out_;
    char* cursor_ = nullptr;
    char* limit_ = nullptr;
    int indent_;
    // Bit d - 1: whether the container open at depth d has had an element yet. The records
    // written are a few levels deep; open() refuses more than 64.
    uint64_t has_element_ = 0;
    unsigned depth_ = 0;
    bool after_key_ = false;
    bool finished_ = false;
};

// Appends `s` as a JSON string literal, escaped as nlohmann::json does (UTF-8 kept as is).
void append_json_string(std::string& out, std::string_view s);

}  // namespace qg::exporter
