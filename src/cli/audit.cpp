// `quotegraph audit`: what a careful editor would flag in articles (docs/audit.md).
#include <iostream>
#include <memory>

#include "audit/audit.h"
#include "cli/inputs.h"
#include "cli/throughput.h"
#include "cli/tracker.h"
#include "pipeline/pipeline.h"

namespace qg::cli {

void register_audit(CLI::App& root, Action& action) {
    struct Options {
        InputOptions inputs;
        ThroughputOptions throughput;
        std::vector<std::string> against;
        std::string format = "text";
        std::string fail_on = "error";
        audit::Options audit;
        std::string db;
        TrackerFilters filters;
    };
    auto o = std::make_shared<Options>();
    auto* command = root.add_subcommand(
        "audit", "Audit quotes: broken marks, unattributed or altered quotes, vague sources, conflicts across documents");
    add_input_options(*command, o->inputs);
    add_throughput_options(*command, o->throughput);
    command->get_option("files")->required(false);
    command->add_option("--db", o->db, "Audit the tracker's stored documents (with the filters below) instead of files");
    add_filter_options(*command, o->filters, {"--min-confidence", "--limit", "--order"});
    command->add_option("--against", o->against,
                        "Check every quote against this source (transcript: text, HTML, or JSONL of several); "
                        "`NAME: ...` lines mark speakers. May be repeated");
    command->add_option("--format", o->format, "text (default), json, md, html (self-contained)")
        ->check(CLI::IsMember({"text", "json", "md", "html"}));
    command->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at least this severe: info, warning, error (default)")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    command->add_option("--min-confidence", o->audit.min_confidence,
                        "Attributions less confident than this are ambiguous (default 0.5)")
        ->check(CLI::Range(0.0, 1.0));
    command->add_option("--min-similarity", o->audit.min_similarity,
                        "Least similarity for a variant or an altered quote; below it a source passage is not the quote "
                        "(default 0.5)")
        ->check(CLI::Range(0.0, 1.0));
    command->callback([&action, o] {
        action = [o] {
            // With no input named, the tracker of $QUOTEGRAPH_DB, as for the tracker's own commands.
            if (o->inputs.paths.empty() && o->db.empty()) o->db = environment_db();
            if (o->inputs.paths.empty() && o->db.empty()) {
                std::cerr << "quotegraph audit: give articles (FILE...) or --db PATH (or set QUOTEGRAPH_DB)\n";
                return kExitUsage;
            }
            audit::Auditor auditor(o->audit);
            InputOptions sources = o->inputs;
            sources.paths = o->against;
            sources.format = "auto";
            bool ok = for_each_document(sources, [&](ingest::Document&& d) { auditor.add_source(d); });
            // Extraction runs on the workers; the audit sees articles in input order.
            ok &= process_documents<pipeline::Result>(
                o->inputs, o->throughput, [](ingest::Document& d) { return pipeline::extract(d); },
                [&](ingest::Document& d, pipeline::Result& extracted) { auditor.add(d, extracted); });
            if (!o->db.empty()) {
                try {
                    store::Store::open(db_path(o->db), store::Mode::ReadOnly)
                        .for_each_document(o->filters.resolved(),
                                           [&](const ingest::Document& d, const pipeline::Result& r) { auditor.add(d, r); },
                                           true);
                } catch (const store::Error& e) {
                    std::cerr << "quotegraph audit: " << e.what() << '\n';
                    return kExitUsage;
                }
            }
            const audit::Report report = auditor.finish();
            if (o->format == "json")
                audit::write_json(report, std::cout);
            else if (o->format == "md")
                std::cout << audit::to_markdown(report);
            else if (o->format == "html")
                std::cout << audit::to_html(report);
            else
                std::cout << audit::to_text(report);
            std::cout.flush();
            if (!ok) return kExitUsage;
            return report.fails(*audit::parse_severity(o->fail_on)) ? kExitFindings : kExitOk;
        };
    });
}

}  // namespace qg::cli
