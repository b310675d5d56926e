// `quotegraph extract`: every attribution of every input document.
#include <iostream>
#include <memory>

#include "cli/inputs.h"
#include "export/json.h"
#include "pipeline/pipeline.h"

namespace qg::cli {

void register_extract(CLI::App& root, Action& action) {
    auto options = std::make_shared<InputOptions>();
    auto format = std::make_shared<std::string>("json");
    auto* command = root.add_subcommand("extract", "Find every attribution (who said what, to whom) in articles");
    add_input_options(*command, *options);
    command->add_option("--format", *format, "Output: json (one object; with several documents one per line), jsonl")
        ->check(CLI::IsMember({"json", "jsonl"}));
    command->callback([&action, options, format] {
        action = [options, format] {
            bool pretty = *format == "json";
            bool ok = for_each_document(*options, [&](ingest::Document&& document) {
                auto result = pipeline::extract(document);
                auto json = exporter::to_json(document, result);
                std::cout << (pretty ? json.dump(2) : json.dump()) << '\n';
            });
            std::cout.flush();
            return ok ? kExitOk : kExitUsage;
        };
    });
}

}  // namespace qg::cli
