// `quotegraph extract`: every attribution of every input document.
#include <iostream>
#include <memory>

#include "cli/inputs.h"
#include "export/formats.h"
#include "export/json.h"
#include "pipeline/pipeline.h"

namespace qg::cli {

void register_extract(CLI::App& root, Action& action) {
    auto options = std::make_shared<InputOptions>();
    auto format = std::make_shared<std::string>("json");
    auto* command = root.add_subcommand("extract", "Find every attribution (who said what, to whom) in articles");
    add_input_options(*command, *options);
    command->add_option("--format", *format,
                        "json: one object per document (indented); jsonl: one object per line; "
                        "text: speaker — cue — content; brat: PolNeAR/brat standoff (.ann)")
        ->check(CLI::IsMember({"json", "jsonl", "text", "brat"}));
    command->callback([&action, options, format] {
        action = [options, format] {
            bool pretty = *format == "json";
            bool ok = for_each_document(*options, [&](ingest::Document&& document) {
                auto result = pipeline::extract(document);
                if (*format == "text") {
                    std::cout << exporter::to_text(document, result);
                } else if (*format == "brat") {
                    std::cout << exporter::to_brat(document, result);
                } else {
                    auto json = exporter::to_json(document, result);
                    std::cout << (pretty ? json.dump(2) : json.dump()) << '\n';
                }
            });
            std::cout.flush();
            return ok ? kExitOk : kExitUsage;
        };
    });
}

}  // namespace qg::cli
