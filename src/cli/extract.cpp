// `quotegraph extract`: every attribution of every input document.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/atomic_output.h"
#include "cli/inputs.h"
#include "cli/throughput.h"
#include "export/formats.h"
#include "export/json.h"
#include "pipeline/pipeline.h"

namespace qg::cli {

void register_extract(CLI::App& root, Action& action) {
    auto options = std::make_shared<InputOptions>();
    auto format = std::make_shared<std::string>("json");
    auto output = std::make_shared<std::string>();
    auto throughput = std::make_shared<ThroughputOptions>();
    auto* command = root.add_subcommand("extract", "Find every attribution (who said what, to whom) in articles");
    add_input_options(*command, *options);
    add_throughput_options(*command, *throughput);
    command->add_option("--format", *format,
                        "json: one object per document (indented); jsonl: one object per line; "
                        "text: speaker — cue — content; brat: PolNeAR/brat standoff (.ann)")
        ->check(CLI::IsMember({"json", "jsonl", "text", "brat"}));
    command->add_option("-o,--output", *output,
                        "Write to this file instead of standard output; it appears only once complete "
                        "(with the documents that could be read, even when others failed)");
    command->callback([&action, options, format, output, throughput] {
        action = [options, format, output, throughput] {
            // The file is created up front so that an unwritable path fails before any work.
            std::optional<AtomicOutput> file;
            if (!output->empty() && *output != "-") file.emplace(*output);
            std::ostream& out = file ? file->stream() : std::cout;
            const bool pretty = *format == "json";
            // Extraction and rendering run on the worker threads; only writing is in order.
            const bool ok = process_documents<std::string>(
                *options, *throughput,
                [&](ingest::Document& document) {
                    auto result = pipeline::extract(document);
                    if (*format == "text") return exporter::to_text(document, result);
                    if (*format == "brat") return exporter::to_brat(document, result);
                    std::string rendered;
                    exporter::write_json(document, result, rendered, pretty ? 2 : -1);
                    rendered += '\n';
                    return rendered;
                },
                [&](ingest::Document&, std::string& rendered) { out << rendered; });
            // The good documents' results are kept even when some inputs failed.
            if (file) {
                file->commit();
            } else {
                std::cout.flush();
            }
            return ok ? kExitOk : kExitUsage;
        };
    });
}

}  // namespace qg::cli
