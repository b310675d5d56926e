// The command-line front end: each subcommand registers its options on the root app and
// the action to run when it is chosen. Commands only parse a request and call the library.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace qg::cli {

// Exit statuses shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // the command ran, and found problems in its input
inline constexpr int kExitUsage = 2;     // bad usage, unreadable input, or not built yet

using Action = std::function<int()>;

// Each registers one subcommand and stores in `action` what runs when it is selected.
void register_text(CLI::App& root, Action& action);
void register_extract(CLI::App& root, Action& action);
void register_eval(CLI::App& root, Action& action);
void register_graph(CLI::App& root, Action& action);
void register_stats(CLI::App& root, Action& action);
void register_audit(CLI::App& root, Action& action);
// ingest, query, speakers, timeline, history, reindex: the tracker (docs/tracker.md).
void register_tracker(CLI::App& root, Action& action);
void register_serve(CLI::App& root, Action& action);

}  // namespace qg::cli
