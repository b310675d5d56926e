// Byte <-> code point offsets: every span everywhere depends on them.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "text/text.h"

TEST_CASE("offset index agrees with a character-by-character count", "[text]") {
    const std::vector<std::string> pieces = {"a", "Z", " ", "\xC3\xA9", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xF0\x9F\x98\x80", "\n"};
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        std::string text;
        size_t length = random() % 600;
        for (size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        // The naive tables.
        std::vector<uint32_t> start_of_char, char_of_byte;
        for (uint32_t b = 0; b < text.size(); ++b) {
            if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) start_of_char.push_back(b);
            char_of_byte.push_back(static_cast<uint32_t>(start_of_char.size()) - 1);
        }
        qg::text::OffsetIndex index(text);
        REQUIRE(index.char_count() == start_of_char.size());
        REQUIRE(index.byte_count() == text.size());
        for (uint32_t b = 0; b < text.size(); ++b) REQUIRE(index.to_char(b) == char_of_byte[b]);
        CHECK(index.to_char(static_cast<uint32_t>(text.size())) == start_of_char.size());
        for (uint32_t c = 0; c < start_of_char.size(); ++c) REQUIRE(index.to_byte(c) == start_of_char[c]);
        CHECK(index.to_byte(static_cast<uint32_t>(start_of_char.size())) == text.size());
    }
}
