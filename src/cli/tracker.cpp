// The tracker's commands: ingest, query, speakers, timeline, history, reindex. Each opens
// the store (--db, $QUOTEGRAPH_DB, ./quotegraph.db), asks it, and prints what it returns.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/inputs.h"
#include "cli/throughput.h"
#include "cli/tracker.h"
#include "store/render.h"

namespace qg::cli {

void add_db_option(CLI::App& command, std::string& db) {
    command.add_option("--db", db, "The tracker database (default: $QUOTEGRAPH_DB, else quotegraph.db)");
}

std::string db_path(const std::string& option) { return option.empty() ? store::default_path() : option; }

std::string environment_db() {
    const char* env = std::getenv("QUOTEGRAPH_DB");
    return env ? env : "";
}

void add_filter_options(CLI::App& command, TrackerFilters& f, std::initializer_list<std::string_view> except) {
    auto wanted = [&](std::string_view name) { return std::find(except.begin(), except.end(), name) == except.end(); };
    auto add = [&](const char* name, auto& value, const char* help) {
        return wanted(name) ? command.add_option(name, value, help) : nullptr;
    };
    add("--speaker", f.filters.speaker, "Statements of this person or organisation (any alias)");
    add("--org", f.filters.org, "Statements of this organisation and of its people");
    add("--text", f.filters.text, "Full-text words, all required");
    add("--outlet", f.filters.outlet, "Only this outlet");
    // A mistyped date would otherwise compare as text and silently select nothing (or all).
    const CLI::Validator date(
        [](std::string& text) {
            return store::valid_date(text) ? std::string() : "not a date (YYYY-MM-DD, YYYY-MM or YYYY): " + text;
        },
        "DATE");
    if (auto* since = add("--since", f.filters.since, "From this day (YYYY-MM-DD, YYYY-MM or YYYY), inclusive"))
        since->check(date);
    if (auto* until = add("--until", f.filters.until, "Up to this day (YYYY-MM-DD, YYYY-MM or YYYY), inclusive"))
        until->check(date);
    if (auto* kind = add("--kind", f.filters.kind, "direct, indirect or mixed"))
        kind->check(CLI::IsMember({"direct", "indirect", "mixed"}));
    if (auto* confidence = add("--min-confidence", f.filters.min_confidence, "Only statements at least this confident (0-1)"))
        confidence->check(CLI::Range(0.0, 1.0));
    add("--document", f.filters.document, "Only this document (its id)");
    add("--limit", f.filters.limit, "At most N records (default: all)");
    if (auto* order = add("--order", f.order, "date (oldest first), latest, or confidence (highest first)"))
        order->check(CLI::IsMember({"date", "latest", "confidence"}));
}

store::Filters TrackerFilters::resolved() const {
    store::Filters out = filters;
    out.order = order == "confidence" ? store::Order::Confidence : store::Order::Date;
    out.newest_first = order == "latest";
    return out;
}

namespace {

void add_format_option(CLI::App& command, std::string& format) {
    command.add_option("--format", format, "text (default), json (one array), jsonl, csv (RFC 4180, header row)")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}));
}

// Runs a read-only command: a store that cannot be opened is a usage error with its reason.
int with_store(const std::string& db, const char* command, const std::function<int(store::Store&)>& run,
               store::Mode mode = store::Mode::ReadOnly) {
    try {
        auto s = store::Store::open(db_path(db), mode);
        return run(s);
    } catch (const store::Error& e) {
        std::cerr << "quotegraph " << command << ": " << e.what() << '\n';
        return kExitUsage;
    }
}

struct IngestOptions {
    InputOptions input;
    ThroughputOptions throughput;
    std::string db;
    bool explain = false;
    size_t batch = 1024;
};

int run_ingest(IngestOptions& o) {
    return with_store(
        o.db, "ingest",
        [&](store::Store& s) {
            if (o.explain) {
                s.on_decision([](const graph::MergeDecision& d) {
                    if (d.merged)
                        std::cerr << "merged: “" << d.name << "” (" << d.document << ") into “" << d.other
                                  << "” (first seen in " << d.other_document << "): " << d.reason << '\n';
                    else
                        std::cerr << "kept apart: “" << d.name << "” (" << d.document << ") and “" << d.other << "” ("
                                  << d.other_document << "): " << d.reason << '\n';
                });
            }
            store::Ingester ingester(s, o.batch);
            o.input.on_diagnostic = [&](const ingest::Diagnostic& d) {
                if (d.severity == ingest::Severity::Error) ingester.fail();
            };
            // The rows are prepared on the workers: the writing thread runs only SQL. A
            // document stored with the same text before this run is not extracted again.
            const store::KnownTexts known = s.known_texts();
            const bool ok = process_documents<store::PreparedDocument>(
                o.input, o.throughput, [&known](ingest::Document& d) { return store::prepare_unless_known(d, known); },
                [&](ingest::Document& d, store::PreparedDocument& p) { ingester.add(d, p); });
            ingester.finish();
            const auto& t = ingester.totals();
            std::cout << "documents: " << t.added << " added, " << t.unchanged << " unchanged, " << t.revised
                      << " revised, " << t.failed << " failed\n";
            return ok ? kExitOk : kExitUsage;
        },
        store::Mode::ReadWrite);
}

struct QueryOptions {
    std::string db;
    std::string format = "text";
    TrackerFilters filters;
};

struct TimelineOptions {
    std::string db;
    std::string format = "text";
    TrackerFilters filters;
    int64_t claim = 0;
    std::string by = "day";
};

struct HistoryOptions {
    std::string db;
    std::string format = "text";
    std::string document;
};

struct ReindexOptions {
    std::string db;
    ThroughputOptions throughput;
    bool all = false;
};

}  // namespace

void register_tracker(CLI::App& root, Action& action) {
    {
        auto o = std::make_shared<IngestOptions>();
        auto* command = root.add_subcommand(
            "ingest", "Extract articles and record them in the tracker (new, unchanged or revised documents)");
        add_input_options(*command, o->input);
        add_throughput_options(*command, o->throughput);
        add_db_option(*command, o->db);
        command->add_flag("--explain", o->explain, "Print each cross-document merge of entities, and why, to stderr");
        command->add_option("--batch", o->batch, "Documents per transaction (default 1024)")->check(CLI::PositiveNumber);
        command->callback([&action, o] { action = [o] { return run_ingest(*o); }; });
    }
    {
        auto o = std::make_shared<QueryOptions>();
        auto* command = root.add_subcommand("query", "Statements in the tracker matching filters");
        add_db_option(*command, o->db);
        add_format_option(*command, o->format);
        add_filter_options(*command, o->filters);
        command->callback([&action, o] {
            action = [o] {
                return with_store(o->db, "query", [&](store::Store& s) {
                    store::write_statements(std::cout, s.statements(o->filters.resolved()), store::parse_format(o->format));
                    return kExitOk;
                });
            };
        });
    }
    {
        auto o = std::make_shared<QueryOptions>();
        auto* command = root.add_subcommand(
            "speakers", "People and organisations ranked by statements, with roles, first and last seen, outlets");
        add_db_option(*command, o->db);
        add_format_option(*command, o->format);
        add_filter_options(*command, o->filters);
        command->callback([&action, o] {
            action = [o] {
                return with_store(o->db, "speakers", [&](store::Store& s) {
                    store::write_speakers(std::cout, s.speakers(o->filters.resolved()), store::parse_format(o->format));
                    return kExitOk;
                });
            };
        });
    }
    {
        auto o = std::make_shared<TimelineOptions>();
        auto* command = root.add_subcommand(
            "timeline", "Statements over time; for a claim (--claim ID), every document that carried it, first first");
        add_db_option(*command, o->db);
        add_format_option(*command, o->format);
        add_filter_options(*command, o->filters);
        command->add_option("--claim", o->claim, "A claim's id (from `query --format json`): its propagation");
        command->add_option("--by", o->by, "day (default), week (ISO) or month")
            ->check(CLI::IsMember({"day", "week", "month"}));
        command->callback([&action, o] {
            action = [o] {
                const auto& f = o->filters.filters;
                if (o->claim == 0 && f.speaker.empty() && f.org.empty() && f.text.empty()) {
                    std::cerr << "quotegraph timeline: give --speaker, --org, --text or --claim\n";
                    return kExitUsage;
                }
                return with_store(o->db, "timeline", [&](store::Store& s) {
                    const auto format = store::parse_format(o->format);
                    if (o->claim != 0) {
                        auto claim = s.claim(o->claim);
                        if (!claim) {
                            std::cerr << "quotegraph timeline: no claim " << o->claim << " in " << s.path() << '\n';
                            return kExitUsage;
                        }
                        store::write_claim(std::cout, *claim, format);
                        return kExitOk;
                    }
                    const auto period = o->by == "week"    ? store::Period::Week
                                        : o->by == "month" ? store::Period::Month
                                                           : store::Period::Day;
                    store::write_timeline(std::cout, s.timeline(o->filters.resolved(), period), format);
                    return kExitOk;
                });
            };
        });
    }
    {
        auto o = std::make_shared<HistoryOptions>();
        auto* command = root.add_subcommand(
            "history", "The revisions of one document, with the statements added, removed and reworded in each");
        command->add_option("document", o->document, "The document's id")->required();
        add_db_option(*command, o->db);
        add_format_option(*command, o->format);
        command->callback([&action, o] {
            action = [o] {
                return with_store(o->db, "history", [&](store::Store& s) {
                    auto document = s.document(o->document);
                    if (!document) {
                        std::cerr << "quotegraph history: no document “" << o->document << "” in " << s.path() << '\n';
                        return kExitUsage;
                    }
                    store::write_history(std::cout, *document, store::parse_format(o->format));
                    return kExitOk;
                });
            };
        });
    }
    {
        auto o = std::make_shared<ReindexOptions>();
        auto* command = root.add_subcommand(
            "reindex", "Re-extract stored texts with this quotegraph's extractor, keeping earlier extractions as history");
        add_db_option(*command, o->db);
        add_throughput_options(*command, o->throughput);
        command->add_flag("--all", o->all, "Re-extract every document, not only those another extractor produced");
        command->callback([&action, o] {
            action = [o] {
                return with_store(
                    o->db, "reindex",
                    [&](store::Store& s) {
                        const size_t done = s.reindex(o->throughput.threads, o->all);
                        std::cout << "documents re-extracted: " << done << '\n';
                        return kExitOk;
                    },
                    store::Mode::ReadWrite);
            };
        });
    }
}

}  // namespace qg::cli
