// `quotegraph eval GOLD_DIR [--pred PRED.jsonl] [--errors] [--format text|json]
//                  [--from DATE] [--until DATE]`: the front end of qg::eval.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "eval/eval.h"

namespace qg::cli {

void register_eval(CLI::App& root, Action& action) {
    struct Request {
        eval::Options options;
        std::string format = "text";
    };
    auto request = std::make_shared<Request>();

    auto* sub = root.add_subcommand(
        "eval", "Score attributions against a gold directory in the PolNeAR layout (text/NAME.txt, attributions/NAME.ann)");
    sub->add_option("GOLD_DIR", request->options.gold_dir, "Gold directory with text/ and attributions/")->required();
    sub->add_option("--pred", request->options.pred_path,
                    "JSONL of prediction objects (extract output), matched by document id; default: run the pipeline");
    sub->add_flag("--errors", request->options.collect_errors,
                  "List missed attributions, false alarms and wrong sources per document");
    sub->add_option("--format", request->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    const CLI::Validator date(
        [](std::string& value) {
            return eval::is_valid_date(value) ? std::string() : "not a date (expected YYYY-MM-DD): " + value;
        },
        "DATE");
    sub->add_option("--from", request->options.from, "Only documents dated on or after DATE (from the file name)")
        ->check(date);
    sub->add_option("--until", request->options.until, "Only documents dated on or before DATE")->check(date);

    sub->callback([&action, request] {
        action = [request]() -> int {
            const auto& o = request->options;
            if (!o.from.empty() && !o.until.empty() && o.until < o.from) {
                std::cerr << "quotegraph eval: --from " << o.from << " is after --until " << o.until << '\n';
                return kExitUsage;
            }
            eval::Report report = eval::run(o, [](const eval::Diagnostic& d) {
                std::cerr << "quotegraph eval: " << d.to_string() << '\n';
            });
            if (report.fatal) return kExitUsage;
            if (request->format == "json")
                std::cout << eval::format_json(report).dump(2) << '\n';
            else
                std::cout << eval::format_text(report);
            std::cout.flush();
            return report.ok() ? kExitOk : kExitUsage;
        };
    });
}

}  // namespace qg::cli
