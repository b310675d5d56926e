// gzip and zstd compressed input, internal to ingest: read_input recognises either by its
// magic bytes and reads the rest through a decompressing stream, one block at a time.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace qg::ingest {

enum class Compression { None, Gzip, Zstd };

// By magic bytes: 1f 8b (gzip), 28 b5 2f fd (zstd).
Compression detect_compression(std::string_view head);

// "corpus.jsonl.gz" -> "corpus.jsonl": the name whose extension says the format inside.
std::string_view without_compression_suffix(std::string_view path);

// A stream of the decompressed bytes of `head` (bytes already read from `raw`) followed by
// the rest of `raw`. Corrupt or truncated data ends the stream early and sets error().
class DecompressingStream : public std::istream {
public:
    DecompressingStream(Compression compression, std::string head, std::istream& raw);
    ~DecompressingStream() override;
    // What went wrong, with the compressed byte offset; empty when all is well.
    const std::string& error() const;

private:
    class Buffer;
    std::unique_ptr<Buffer> buffer_;
};

}  // namespace qg::ingest
