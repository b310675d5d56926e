// What each libFuzzer target does with one input (docs/robustness.md). Header-only so
// that the fuzz targets (tests/fuzz/fuzz_*.cpp, built with QG_FUZZ=ON) and the regression
// tests of the normal suite (tests/test_hostile.cpp, which replays the seed corpora and
// every crasher under tests/fuzz/regressions/) run the very same code. A crash, a
// sanitizer report or a broken FUZZ_CHECK (an exception, uncaught in a fuzz target) is a
// finding.
#pragma once

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "export/dot.h"
#include "export/formats.h"
#include "export/json.h"
#include "graph/build.h"
#include "ingest/ingest.h"
#include "ingest/json_record.h"
#include "ingest/jsonl.h"
#include "ingest/utf8.h"
#include "pipeline/pipeline.h"
#include "quotes/quotes.h"
#include "text/text.h"

namespace qg::fuzz {

// Like assert, but also in release builds, and naming the broken invariant.
#define FUZZ_CHECK(condition)                                                                        \
    do {                                                                                             \
        if (!(condition))                                                                            \
            throw std::logic_error(std::string(__FILE__) + ":" + std::to_string(__LINE__) +        \
                                   ": invariant broken: " #condition);                               \
    } while (0)

inline std::string_view as_view(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline bool is_valid_utf8(std::string_view s) { return ingest::utf8::find_invalid(s) == s.size(); }

// The fuzz input as the pipeline would get it: decoded as read_input decodes a file
// (Windows-1252 detection, then U+FFFD for what is still invalid), never failing.
inline std::string decoded_text(std::string_view bytes) {
    std::string text(bytes);
    size_t bom = 0;
    ingest::utf8::decode_in_place(text, true, "fuzz", 0, nullptr, bom, true);
    FUZZ_CHECK(is_valid_utf8(text));
    return text;
}

inline size_t code_points(std::string_view s) { return ingest::utf8::count_code_points(s); }


// Plain-text and UTF-8 decoding: strict, lenient and Windows-1252 paths, format sniffing
// and the binary check, on arbitrary bytes.
inline void run_utf8(const uint8_t* data, size_t size) {
    const std::string_view bytes = as_view(data, size);
    std::vector<ingest::Diagnostic> diagnostics;
    const auto sink = [&](const ingest::Diagnostic& d) { diagnostics.push_back(d); };

    const auto strict = ingest::decode_utf8(bytes, false, "f", sink);
    const std::string_view without_bom =
        bytes.starts_with(ingest::utf8::kBom) ? bytes.substr(ingest::utf8::kBom.size()) : bytes;
    if (strict) {
        // Valid input comes back unchanged, less its BOM, and without a diagnostic.
        FUZZ_CHECK(*strict == without_bom);
        FUZZ_CHECK(diagnostics.empty());
    } else {
        FUZZ_CHECK(diagnostics.size() == 1);
        FUZZ_CHECK(diagnostics[0].severity == ingest::Severity::Error);
        FUZZ_CHECK(diagnostics[0].byte_offset < size);
        // The offset names the first bad byte: everything before it is valid.
        const size_t bad = diagnostics[0].byte_offset - (size - without_bom.size());
        FUZZ_CHECK(is_valid_utf8(without_bom.substr(0, bad)));
    }

    diagnostics.clear();
    const auto lenient = ingest::decode_utf8(bytes, true, "f", sink);
    FUZZ_CHECK(lenient.has_value());
    FUZZ_CHECK(is_valid_utf8(*lenient));
    FUZZ_CHECK(diagnostics.size() == (strict ? 0u : 1u));
    if (strict) FUZZ_CHECK(*lenient == *strict);

    // What read_input does with a whole file: Windows-1252 or U+FFFD, always valid after.
    const std::string text = decoded_text(bytes);
    if (strict) FUZZ_CHECK(text == *strict);
    if (ingest::utf8::looks_like_windows_1252(without_bom, ingest::utf8::find_invalid(without_bom))) {
        std::string converted(without_bom);
        ingest::utf8::windows_1252_to_utf8(converted);
        FUZZ_CHECK(is_valid_utf8(converted));
        FUZZ_CHECK(code_points(converted) == without_bom.size());
    }

    // Sniffing never fails, whatever the bytes.
    (void)ingest::detect_format("", bytes);
    (void)ingest::detect_format("x.html", bytes);
    FUZZ_CHECK(code_points(text) <= text.size());
}


// HTML ingestion: gumbo plus our walk over its tree, on arbitrary markup. Checks the
// Document invariants later stages rely on.
inline void run_html(const uint8_t* data, size_t size) {
    const std::string html = decoded_text(as_view(data, size));
    const ingest::Document d = ingest::parse_html(html, "fuzz");
    FUZZ_CHECK(is_valid_utf8(d.text));
    const size_t chars = code_points(d.text);
    FUZZ_CHECK(d.source_offsets.size() == chars + 1);
    // Every offset is inside the input. (Not in increasing order: the HTML5 parser moves
    // text found inside a table in front of it, "foster parenting", so text order and
    // source order differ.)
    for (const uint32_t offset : d.source_offsets) FUZZ_CHECK(offset <= html.size());
    FUZZ_CHECK(d.source_offsets.back() <= html.size());
    // Breaks never stand at either end; whitespace is folded.
    if (!d.text.empty()) {
        FUZZ_CHECK(d.text.front() != ' ' && d.text.front() != '\n');
        FUZZ_CHECK(d.text.back() != ' ' && d.text.back() != '\n');
    }
    FUZZ_CHECK(d.text.find("  ") == std::string::npos);
    uint32_t previous_end = 0;
    for (const auto& p : d.paragraphs) {
        FUZZ_CHECK(p.start < p.end && p.end <= chars);
        FUZZ_CHECK(p.start >= previous_end);
        previous_end = p.end;
    }
    for (const auto& link : d.links) FUZZ_CHECK(link.anchor.start <= link.anchor.end && link.anchor.end <= chars);
    FUZZ_CHECK(is_valid_utf8(d.title));
}


// JSONL reading: line splitting across the sniffed head, UTF-8 checks per line, JSON
// parsing and record validation. Every line is either a document or a diagnostic.
// The fast JSONL record parser must never accept a line nlohmann rejects, nor read one
// differently: wherever it answers, nlohmann parses an object with the same string fields
// (null and absent alike). What it hands back, nlohmann decides. `line` is valid UTF-8.
inline void check_record_parsers_agree(std::string_view line) {
    ingest::RecordFields fast;
    if (!ingest::parse_record_fast(line, fast)) return;
    nlohmann::json full;
    try {
        full = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
        FUZZ_CHECK(!"the fast parser accepted a line nlohmann rejects");
    }
    FUZZ_CHECK(full.is_object());
    const auto same = [&](const char* name, const std::optional<std::string>& value) {
        const auto it = full.find(name);
        if (it == full.end() || it->is_null()) return !value.has_value();
        return it->is_string() && value && *value == it->get_ref<const std::string&>();
    };
    FUZZ_CHECK(same("id", fast.id) && same("text", fast.text) && same("html", fast.html));
    FUZZ_CHECK(same("title", fast.title) && same("url", fast.url) && same("date", fast.date));
    FUZZ_CHECK(same("outlet", fast.outlet));
}

inline void run_jsonl(const uint8_t* data, size_t size) {
    if (size == 0) return;
    // The first byte picks where the head (bytes already read while sniffing) ends and the
    // mode, so head/stream joins and lenient repair are both exercised.
    const bool lenient = data[0] & 1;
    const std::string_view bytes = as_view(data + 1, size - 1);
    const size_t head_size = std::min<size_t>(bytes.size(), data[0] >> 1);
    std::istringstream rest{std::string(bytes.substr(head_size))};
    ingest::Options options;
    options.lenient = lenient;
    size_t documents = 0, errors = 0;
    const bool ok = ingest::read_jsonl(
        rest, std::string(bytes.substr(0, head_size)), "fuzz.jsonl", options,
        [&](ingest::Document&& d) {
            ++documents;
            FUZZ_CHECK(!d.id.empty());
            FUZZ_CHECK(is_valid_utf8(d.text));
            if (d.format == ingest::SourceFormat::Jsonl && !d.source_offsets.empty())
                FUZZ_CHECK(d.source_offsets.size() == code_points(d.text) + 1);
        },
        [&](const ingest::Diagnostic& d) {
            FUZZ_CHECK(d.file == "fuzz.jsonl");
            FUZZ_CHECK(!d.message.empty());
            if (d.severity == ingest::Severity::Error) ++errors;
            (void)d.to_string();
        });
    FUZZ_CHECK(ok == (errors == 0));
    for (size_t start = 0; start <= bytes.size();) {
        size_t end = std::min(bytes.find('\n', start), bytes.size());
        const std::string_view line = bytes.substr(start, end - start);
        if (is_valid_utf8(line)) check_record_parsers_agree(line);
        start = end + 1;
    }
    // No more records than lines.
    FUZZ_CHECK(documents <= static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
}


// Quote-mark pairing (and the tokenizer and sentence splitter under it) on arbitrary text.
inline void run_quotes(const uint8_t* data, size_t size) {
    const std::string text = decoded_text(as_view(data, size));
    const text::Analysis analysis = text::analyze(text);
    const auto& tokens = analysis.tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
        FUZZ_CHECK(tokens[i].begin < tokens[i].end && tokens[i].end <= text.size());
        if (i > 0) FUZZ_CHECK(tokens[i].begin >= tokens[i - 1].end);
    }
    uint32_t next_token = 0;
    for (const auto& s : analysis.sentences) {
        FUZZ_CHECK(s.first_token == next_token && s.first_token < s.end_token);
        next_token = s.end_token;
    }
    FUZZ_CHECK(next_token == tokens.size());

    quotes::QuoteAnalysis q;
    quotes::find_quotes(text, analysis, q);
    for (const auto& mark : q.marks) FUZZ_CHECK(mark.token < tokens.size() && tokens[mark.token].kind == text::TokenKind::Quote);
    for (size_t i = 0; i < q.quotes.size(); ++i) {
        const auto& quote = q.quotes[i];
        FUZZ_CHECK(quote.open_token < quote.end_token && quote.end_token <= tokens.size());
        FUZZ_CHECK(quote.begin < quote.end && quote.end <= text.size());
        if (quote.closed) FUZZ_CHECK(quote.close_token + 1 == quote.end_token);
        if (i > 0) FUZZ_CHECK(q.quotes[i - 1].open_token <= quote.open_token);
        FUZZ_CHECK(quote.words < quote.end_token - quote.open_token + 1);
    }
}


// The whole `extract` pipeline, text or HTML, and every output format, on arbitrary bytes.
inline void run_extract(const uint8_t* data, size_t size) {
    if (size == 0) return;
    const bool html = data[0] & 1;
    std::string text = decoded_text(as_view(data + 1, size - 1));
    const ingest::Document document =
        html ? ingest::parse_html(text, "fuzz.html") : ingest::make_text_document(std::move(text), "fuzz.txt");
    const pipeline::Result result = pipeline::extract(document);
    const auto bytes = static_cast<uint32_t>(document.text.size());
    for (const auto& a : result.attributions) {
        for (const auto& span : {a.content, a.cue, a.source, a.recipient_mention})
            FUZZ_CHECK(span.begin <= span.end && span.end <= bytes);
        FUZZ_CHECK(!a.content.empty());
        FUZZ_CHECK(a.speaker < static_cast<int>(result.entities.size()));
        FUZZ_CHECK(a.recipient < static_cast<int>(result.entities.size()));
        FUZZ_CHECK(a.continues < static_cast<int>(result.attributions.size()));
    }
    for (const auto& e : result.entities)
        for (const auto& m : e.mentions) FUZZ_CHECK(m.begin <= m.end && m.end <= bytes);
    const std::string json = exporter::to_json(document, result).dump();
    FUZZ_CHECK(is_valid_utf8(json));
    FUZZ_CHECK(is_valid_utf8(exporter::to_text(document, result)));
    FUZZ_CHECK(is_valid_utf8(exporter::to_brat(document, result)));
}


// DOT export of a graph built from fuzzed text: up to four documents (split at form feeds)
// extracted and merged into one graph, written through cgraph and read back.
inline void run_dot(const uint8_t* data, size_t size) {
    const std::string text = decoded_text(as_view(data, size));
    graph::Builder builder;
    size_t start = 0;
    for (int n = 0; n < 4 && start <= text.size(); ++n) {
        size_t end = text.find('\f', start);
        if (end == std::string::npos || n == 3) end = text.size();
        const ingest::Document document =
            ingest::make_text_document(text.substr(start, end - start), "doc" + std::to_string(n));
        builder.add(document, pipeline::extract(document));
        start = end + 1;
    }
    const graph::Graph g = builder.finish();
    exporter::DotOptions options;
    options.cluster_by_document = size % 2 == 1;
    const std::string dot = exporter::to_dot(g, options);
    FUZZ_CHECK(is_valid_utf8(dot));
    // What we write, Graphviz reads back.
    Agraph_t* parsed = agmemread(dot.c_str());
    FUZZ_CHECK(parsed != nullptr);
    agclose(parsed);
}


}  // namespace qg::fuzz
