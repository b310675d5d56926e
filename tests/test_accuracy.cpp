// Accuracy on the held-back part of the PolNeAR train split (articles dated 2016-08-08 on,
// never looked at while tuning). Skips with a message when ../shared is not beside the
// checkout (a user's clone); CI has it.
//
// These are regression guards at the level measured when they were last raised
// (docs/accuracy.md): a change that lowers accuracy fails here. The attribution issue's
// targets are higher (content/source F1 0.80, cue F1 0.75, quoted found 0.97 with the
// source right on 0.92); raise each guard as the engine reaches its target.
#include <catch2/catch.hpp>
#include <filesystem>

#include "eval/eval.h"

TEST_CASE("accuracy on the held-back PolNeAR articles does not regress", "[accuracy]") {
    const std::string corpus = QG_SOURCE_DIR "/../shared/corpora/polnear/train";
    if (!std::filesystem::is_directory(corpus + "/text")) {
        WARN("skipped: " << corpus << " is not there (it is beside the checkout in CI only)");
        return;
    }
    qg::eval::Options options;
    options.gold_dir = corpus;
    options.from = "2016-08-08";
    const auto report = qg::eval::run(options);
    REQUIRE(report.ok());
    const auto& s = report.totals;
    REQUIRE(s.documents == 84);
    INFO("content F1 " << s.content.f1() << ", source F1 " << s.source.f1() << ", cue F1 " << s.cue.f1()
                       << ", quoted found " << s.quoted.found_rate() << ", quoted source right "
                       << s.quoted.source_rate());
    CHECK(s.content.f1() >= 0.835);
    CHECK(s.source.f1() >= 0.696);
    CHECK(s.cue.f1() >= 0.590);
    CHECK(s.quoted.found_rate() >= 0.970);
    CHECK(s.quoted.source_rate() >= 0.920);
}
