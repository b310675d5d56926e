// Looking at the first bytes of an input: which format it is (detect_format in ingest.h)
// and whether it is text at all. Internal to ingest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qg::ingest {

// How much of an input is read before deciding its format; also the binary-check window.
inline constexpr size_t kSniffBytes = 4096;

// The largest document (file, or JSONL string value) read: offsets are 32-bit everywhere.
inline constexpr size_t kMaxDocumentBytes = 0xFFFFFFFEu;

// When `head` (the first bytes of a file) is clearly not UTF-8 text, the diagnostic that
// says so, e.g. "looks like a binary file (PNG image)"; nullopt for text.
std::optional<std::string> non_text_reason(std::string_view head);

}  // namespace qg::ingest
