#include "ingest/compressed.h"

#include <zlib.h>
#include <zstd.h>

#include <streambuf>
#include <vector>

namespace qg::ingest {

Compression detect_compression(std::string_view head) {
    if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b)
        return Compression::Gzip;
    if (head.size() >= 4 && head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) return Compression::Zstd;
    return Compression::None;
}

std::string_view without_compression_suffix(std::string_view path) {
    for (std::string_view suffix : {".gz", ".zst", ".zstd"})
        if (path.size() > suffix.size() && path.substr(path.size() - suffix.size()) == suffix)
            return path.substr(0, path.size() - suffix.size());
    return path;
}

class DecompressingStream::Buffer : public std::streambuf {
public:
    Buffer(Compression compression, std::string head, std::istream& raw)
        : compression_(compression), raw_(raw), input_(std::move(head)), output_(kBlock) {
        if (compression_ == Compression::Gzip) {
            // 15 + 32: a gzip (or zlib) header, detected automatically.
            if (inflateInit2(&zlib_, 15 + 32) != Z_OK) error_ = "cannot start gzip decompression";
        } else {
            zstd_ = ZSTD_createDStream();
            if (!zstd_ || ZSTD_isError(ZSTD_initDStream(zstd_))) error_ = "cannot start zstd decompression";
        }
    }
    ~Buffer() override {
        if (compression_ == Compression::Gzip) inflateEnd(&zlib_);
        ZSTD_freeDStream(zstd_);
    }
    const std::string& error() const { return error_; }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        while (error_.empty() && !finished_) {
            // A full output block may leave more output inside the decoder: drain it before
            // asking for input.
            if (consumed_ == input_.size() && !output_full_ && !refill()) {
                error_ = "truncated " + name() + " data (the file ends inside a compressed block)";
                break;
            }
            const size_t produced = decompress();
            output_full_ = produced == output_.size();
            if (produced > 0) {
                setg(output_.data(), output_.data(), output_.data() + produced);
                return traits_type::to_int_type(*gptr());
            }
        }
        return traits_type::eof();
    }

private:
    static constexpr size_t kBlock = 1 << 17;

    std::string name() const { return compression_ == Compression::Gzip ? "gzip" : "zstd"; }

    bool refill() {
        offset_ += input_.size();
        input_.resize(kBlock);
        raw_.read(input_.data(), static_cast<std::streamsize>(input_.size()));
        input_.resize(static_cast<size_t>(raw_.gcount()));
        consumed_ = 0;
        return !input_.empty();
    }

    // Decompresses from the unconsumed input into output_; returns the bytes produced.
    size_t decompress() {
        const size_t available = input_.size() - consumed_;
        if (compression_ == Compression::Gzip) {
            zlib_.next_in = reinterpret_cast<Bytef*>(input_.data() + consumed_);
            zlib_.avail_in = static_cast<uInt>(available);
            zlib_.next_out = reinterpret_cast<Bytef*>(output_.data());
            zlib_.avail_out = static_cast<uInt>(output_.size());
            const int rc = inflate(&zlib_, Z_NO_FLUSH);
            consumed_ = input_.size() - zlib_.avail_in;
            const size_t produced = output_.size() - zlib_.avail_out;
            if (rc == Z_STREAM_END) {
                // Concatenated gzip members (as `cat a.gz b.gz` makes) are one stream.
                if (consumed_ < input_.size() || refill_peek()) {
                    inflateReset(&zlib_);
                } else {
                    finished_ = true;
                }
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                error_ = "corrupt gzip data near compressed byte " + std::to_string(offset_ + consumed_) +
                         (zlib_.msg ? std::string(" (") + zlib_.msg + ")" : "");
            }
            return produced;
        }
        ZSTD_inBuffer in{input_.data() + consumed_, available, 0};
        ZSTD_outBuffer out{output_.data(), output_.size(), 0};
        const size_t rc = ZSTD_decompressStream(zstd_, &out, &in);
        consumed_ += in.pos;
        if (ZSTD_isError(rc)) {
            error_ = "corrupt zstd data near compressed byte " + std::to_string(offset_ + consumed_) + " (" +
                     ZSTD_getErrorName(rc) + ")";
        } else if (rc == 0 && consumed_ == input_.size() && !refill_peek()) {
            finished_ = true;  // a frame ended exactly at the end of the input
        }
        return out.pos;
    }

    // Whether more compressed input follows (reads it in if so).
    bool refill_peek() {
        if (consumed_ < input_.size()) return true;
        return refill();
    }

    Compression compression_;
    std::istream& raw_;
    std::string input_;
    size_t consumed_ = 0;
    uint64_t offset_ = 0;  // compressed bytes before input_
    std::vector<char> output_;
    z_stream zlib_{};
    ZSTD_DStream* zstd_ = nullptr;
    bool finished_ = false;
    bool output_full_ = false;
    std::string error_;
};

DecompressingStream::DecompressingStream(Compression compression, std::string head, std::istream& raw)
    : std::istream(nullptr), buffer_(std::make_unique<Buffer>(compression, std::move(head), raw)) {
    rdbuf(buffer_.get());
}

DecompressingStream::~DecompressingStream() = default;

const std::string& DecompressingStream::error() const { return buffer_->error(); }

}  // namespace qg::ingest
