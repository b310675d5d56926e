// The document model every later stage reads: decoded UTF-8 text plus what ingestion
// learned about its structure (paragraphs, links) and where each character came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace qg::ingest {

// Half-open range of Unicode code point offsets into Document::text.
struct CharSpan {
    uint32_t start = 0;
    uint32_t end = 0;
    friend bool operator==(const CharSpan&, const CharSpan&) = default;
};

// An <a href> found in HTML input; later stages use anchors as entity hints.
struct Link {
    CharSpan anchor;
    std::string href;
};

enum class SourceFormat { Text, Html, Jsonl };

struct Document {
    std::string id;       // path as given on the command line, or the JSONL "id"
    std::string text;     // valid UTF-8; offsets everywhere index its code points
    std::string title, url, date, outlet;  // metadata when the input carries it
    SourceFormat format = SourceFormat::Text;

    // Paragraph boundaries known from the markup (HTML block elements). For plain text
    // this is empty: the text stage finds blank-line paragraphs itself.
    std::vector<CharSpan> paragraphs;
    std::vector<Link> links;

    // For HTML input: source_offsets[i] is the byte offset in the input file (or JSONL
    // string value) of the markup that produced code point i; size() == code points + 1
    // with the last entry one past the end. Empty for plain text, where code point i's
    // byte is found through the text itself.
    std::vector<uint32_t> source_offsets;
};

}  // namespace qg::ingest
