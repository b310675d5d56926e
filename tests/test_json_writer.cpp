// The streaming extract writer must give byte for byte what nlohmann::json's dump() gives
// for the same record, compact and indented, whatever the text holds.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "export/json.h"
#include "export/json_writer.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace {

void require_same_as_nlohmann(const qg::ingest::Document& document) {
    auto result = qg::pipeline::extract(document);
    for (int indent : {-1, 2, 4}) {
        std::string written;
        qg::exporter::write_json(document, result, written, indent);
        auto parsed = nlohmann::json::parse(written);
        INFO(document.id << " indent " << indent);
        CHECK(parsed.dump(indent) == written);
    }
}

}  // namespace

TEST_CASE("the extract record is written exactly as nlohmann::json dumps it", "[export]") {
    SECTION("the seed and every construction fixture") {
        for (const char* name : {"fixtures/the-national-2022-hassakeh.html", "fixtures/constructions/split-quote.txt",
                                 "fixtures/constructions/quotation-mark-styles.txt",
                                 "fixtures/constructions/nested-quote.txt"}) {
            std::ifstream in(std::string(QG_SOURCE_DIR "/") + name, std::ios::binary);
            REQUIRE(in);
            std::stringstream buffer;
            buffer << in.rdbuf();
            std::string path = name;
            auto document = path.ends_with(".html") ? qg::ingest::parse_html(buffer.str(), path)
                                                    : qg::ingest::make_text_document(buffer.str(), path);
            require_same_as_nlohmann(document);
        }
    }
    SECTION("control characters, backslashes, quotes and metadata") {
        auto document = qg::ingest::make_text_document(
            "“We will\tstay,” said Ana \\ Ortiz.\r\nBell\x07 and \x1f units “left” early, he said.\n", "odd.txt");
        document.title = "A \"title\"";
        document.url = "https://example.org/a?b=1&c=\\";
        document.date = "2024-01-02";
        document.outlet = "Outlet";
        require_same_as_nlohmann(document);
    }
    SECTION("a long text where nearly every character is escaped (the buffer grows mid-string)") {
        std::string text;
        for (int i = 0; i < 6000; ++i) text += i % 7 == 0 ? "said “x”.\n" : "\"\\\x01\té";
        require_same_as_nlohmann(qg::ingest::make_text_document(text, "escapes.txt"));
        std::string out = "prefix ";
        qg::exporter::append_json_string(out, text);
        CHECK(out == "prefix " + nlohmann::json(text).dump());
    }
    SECTION("an empty document") {
        require_same_as_nlohmann(qg::ingest::make_text_document("", "empty.txt"));
    }
}

TEST_CASE("numbers are written as nlohmann::json writes them", "[export]") {
    for (double d : {0.0, 1.0, 0.5, 0.943, 0.1, 0.787, 1e-7, 123456789.0, 2.5e21}) {
        std::string out;
        qg::exporter::JsonWriter w(out, -1);
        w.value(d);
        w.finish();  // the string has its final size
        CHECK(out == nlohmann::json(d).dump());
    }
}
