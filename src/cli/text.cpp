// `quotegraph text`: what ingestion makes of an input, as plain text or with structure.
#include <iostream>
#include <memory>

#include "cli/inputs.h"
#include "export/text_json.h"
#include "text/text.h"

namespace qg::cli {

void register_text(CLI::App& root, Action& action) {
    auto options = std::make_shared<InputOptions>();
    auto as_json = std::make_shared<bool>(false);
    auto* command = root.add_subcommand("text", "Print the plain text extracted from articles (with --json: "
                                                "paragraphs, sentences and links with code point offsets)");
    add_input_options(*command, *options);
    command->add_flag("--json", *as_json, "One JSON object per document with its structure");
    command->callback([&action, options, as_json] {
        action = [options, as_json] {
            text::Analysis analysis;
            bool first = true;
            bool ok = for_each_document(*options, [&](ingest::Document&& document) {
                if (*as_json) {
                    text::analyze(document.text, analysis);
                    std::cout << exporter::text_structure_json(document, analysis).dump() << '\n';
                } else {
                    if (!first) std::cout << '\n';
                    std::cout << document.text << '\n';
                }
                first = false;
            });
            std::cout.flush();
            return ok ? kExitOk : kExitUsage;
        };
    });
}

}  // namespace qg::cli
