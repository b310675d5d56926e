// `quotegraph eval`: scores predicted attributions against a gold directory in the
// PolNeAR layout (GOLD_DIR/text/NAME.txt + GOLD_DIR/attributions/NAME.ann), either by
// running the pipeline on each text or by reading predictions from a JSONL file, and
// formats the figures as a table or a JSON object.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/score.h"
#include "ingest/document.h"

namespace qg::eval {

// Makes the prediction object (the extract JSON contract) for one document.
using Predictor = std::function<nlohmann::json(const ingest::Document&)>;
// qg::pipeline::extract followed by qg::exporter::to_json.
Predictor pipeline_predictor();

struct Options {
    std::string gold_dir;
    std::string pred_path;    // JSONL of prediction objects; empty: run `predictor`
    std::string from, until;  // YYYY-MM-DD, inclusive bounds on the file name date; empty: open
    bool collect_errors = false;
    Predictor predictor;      // empty: pipeline_predictor()
};

struct Diagnostic {
    bool error = true;  // false: a warning
    std::string file;
    uint64_t line = 0;  // 1-based, 0 when not about a line
    std::string message;
    std::string to_string() const;  // "file:line: error: message"
};
using DiagnosticSink = std::function<void(const Diagnostic&)>;

// A span as shown in error listings: its extent and its text, whitespace folded and long
// texts shortened in the middle.
struct Shown {
    Span extent;
    std::string text;
};

struct ErrorItem {
    enum class Kind { Missed, FalseAlarm, WrongSource };
    Kind kind = Kind::Missed;
    std::string id;                      // gold E id (missed, wrong source) or prediction id
    Shown content;
    std::optional<Shown> source;         // the gold source; for a false alarm, the predicted one
    std::string pred_id;                 // wrong source: the prediction that found the content
    std::optional<Shown> pred_source;    // wrong source: its source (none when it has none)
    struct Nearby {
        std::string id;
        Shown content;
        std::optional<Shown> source;
        double covered = 0;  // share of the gold content's tokens it covers
    };
    std::vector<Nearby> nearby;          // missed: predictions overlapping or close by
};

struct DocumentErrorReport {
    std::string name;
    uint64_t gold = 0, pred = 0;
    std::vector<ErrorItem> items;
};

struct Report {
    std::string gold_dir, pred_path, from, until;
    bool fatal = false;  // nothing could be scored (no gold directory, unreadable predictions)
    Scores totals;
    uint64_t failed_documents = 0;      // unreadable or malformed gold, or the predictor failed
    uint64_t filtered_documents = 0;    // outside --from/--until
    uint64_t missing_predictions = 0;   // gold documents without a prediction (scored as empty)
    uint64_t error_count = 0, warning_count = 0;
    bool errors_collected = false;
    std::vector<DocumentErrorReport> errors;  // with collect_errors, documents with errors
    bool ok() const { return !fatal && error_count == 0; }
};

// Scores every selected gold document. Problems go to `on_diagnostic` as they are found
// and are counted in the report; a bad document does not stop the others.
Report run(const Options& options, const DiagnosticSink& on_diagnostic = {});

// A compact table whose last 8 lines are the headline figures; with errors collected, the
// per-document listing comes first.
std::string format_text(const Report& report);
// One object, keys in reading order: counts, then token, exact and found figures, then
// the error listing when collected.
nlohmann::ordered_json format_json(const Report& report);

// ---- building blocks, public for tests ----

// "2016-08-08": four-digit year, valid month and day.
bool is_valid_date(std::string_view date);
// The date in a PolNeAR file name "outlet_YYYY-MM-DD_slug", if there is one.
std::optional<std::string> document_date(std::string_view name);
// "a/b/text/NAME.txt" -> "NAME".
std::string document_name(std::string_view id);

struct Prediction {
    std::string id;                  // document.id as given
    std::optional<std::string> text; // document.text, when present
    std::vector<Attribution> attributions;
};
// Reads one prediction object. A malformed span is reported in `problems` and dropped;
// returns false (with a problem) when the object has no document.id.
bool parse_prediction(const nlohmann::json& object, Prediction& out, std::vector<std::string>& problems);

}  // namespace qg::eval
