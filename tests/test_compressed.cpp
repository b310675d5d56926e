// gzip and zstd compressed inputs: read as the plain file would be, and a truncated one
// reported with its name, never half-read in silence.
#include <zlib.h>
#include <zstd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"

using namespace qg;

namespace {

const std::string kDir = QG_BINARY_DIR "/compressed-test";

std::string jsonl(int documents) {
    std::string out;
    for (int i = 0; i < documents; ++i)
        out += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"“We will win,” said Anna Berg, number " +
               std::to_string(i) + ".\"}\n";
    return out;
}

void write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string gzip(const std::string& data) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, data.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string zstd(const std::string& data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const size_t size = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
    REQUIRE(!ZSTD_isError(size));
    out.resize(size);
    return out;
}

struct Read {
    std::vector<std::string> ids;
    std::vector<std::string> errors;
    bool ok = false;
};

Read read(const std::string& path) {
    Read r;
    r.ok = ingest::read_input(
        path, {}, [&](ingest::Document&& d) { r.ids.push_back(d.id); },
        [&](const ingest::Diagnostic& d) {
            if (d.severity == ingest::Severity::Error) r.errors.push_back(d.to_string());
        });
    return r;
}

}  // namespace

TEST_CASE("gzip and zstd JSONL read as the plain file", "[store][ingest]") {
    std::filesystem::create_directories(kDir);
    // Larger than one decompression block, so the stream is read in pieces.
    const std::string plain = jsonl(3000);
    REQUIRE(plain.size() > (1u << 17));
    write(kDir + "/corpus.jsonl", plain);
    write(kDir + "/corpus.jsonl.gz", gzip(plain));
    write(kDir + "/corpus.jsonl.zst", zstd(plain));
    write(kDir + "/corpus-no-suffix", zstd(plain));  // known by its magic bytes
    const Read expected = read(kDir + "/corpus.jsonl");
    REQUIRE(expected.ok);
    REQUIRE(expected.ids.size() == 3000);
    for (const char* name : {"/corpus.jsonl.gz", "/corpus.jsonl.zst", "/corpus-no-suffix"}) {
        const Read got = read(kDir + name);
        CHECK(got.ok);
        CHECK(got.errors.empty());
        CHECK(got.ids == expected.ids);
    }
    // Two gzip members one after the other (cat a.gz b.gz) are one stream.
    write(kDir + "/two.jsonl.gz", gzip(jsonl(2)) + gzip(jsonl(3)));
    CHECK(read(kDir + "/two.jsonl.gz").ids.size() == 5);
}

TEST_CASE("a truncated or corrupt compressed file is reported with its name", "[store][ingest]") {
    std::filesystem::create_directories(kDir);
    const std::string plain = jsonl(3000);
    for (const auto& [name, bytes] : {std::pair{std::string("/cut.jsonl.gz"), gzip(plain)},
                                      std::pair{std::string("/cut.jsonl.zst"), zstd(plain)}}) {
        write(kDir + name, bytes.substr(0, bytes.size() / 2));
        const Read got = read(kDir + name);
        CHECK(!got.ok);
        REQUIRE(!got.errors.empty());
        CHECK(got.errors.back().find(name.substr(1)) != std::string::npos);
        CHECK(got.errors.back().find("truncated") != std::string::npos);
        CHECK(got.ids.size() < 3000);
    }
    std::string corrupt = gzip(plain);
    for (size_t i = 100; i < 140; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
    write(kDir + "/corrupt.jsonl.gz", corrupt);
    const Read got = read(kDir + "/corrupt.jsonl.gz");
    CHECK(!got.ok);
    REQUIRE(!got.errors.empty());
    CHECK(got.errors.back().find("corrupt gzip data") != std::string::npos);
}
