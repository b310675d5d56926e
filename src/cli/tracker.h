// Options every tracker command shares: --db and the statement filters of `query`, which
// `speakers`, `timeline` (and graph, audit and stats with --db) accept too.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "store/store.h"

namespace qg::cli {

struct TrackerFilters {
    store::Filters filters;
    std::string order = "date";
    store::Filters resolved() const;  // with --order applied
};

// Adds --db PATH.
void add_db_option(CLI::App& command, std::string& db);
// The --db value, else $QUOTEGRAPH_DB, else quotegraph.db.
std::string db_path(const std::string& option);
// $QUOTEGRAPH_DB, or "" when it is unset or empty: the tracker graph, stats and audit read
// when given no FILE, --from-jsonl or --db.
std::string environment_db();
// Adds --speaker, --org, --text, --outlet, --since, --until, --kind, --min-confidence,
// --document, --limit and --order, but those in `except` (a command's own option of the name).
void add_filter_options(CLI::App& command, TrackerFilters& filters, std::initializer_list<std::string_view> except = {});

}  // namespace qg::cli
