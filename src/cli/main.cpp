#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
    CLI::App app{"quotegraph: who said what, to whom, for which organisation, and is the quote intact"};
    app.set_version_flag("--version", std::string("quotegraph ") + QG_VERSION);
    app.require_subcommand(1);

    qg::cli::Action action;
    qg::cli::register_text(app, action);
    qg::cli::register_extract(app, action);
    qg::cli::register_eval(app, action);
    qg::cli::register_graph(app, action);
    qg::cli::register_stats(app, action);
    qg::cli::register_audit(app, action);
    qg::cli::register_tracker(app, action);
    qg::cli::register_serve(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return e.get_exit_code() == 0 ? 0 : qg::cli::kExitUsage;
    }
    try {
        return action ? action() : qg::cli::kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "quotegraph: " << e.what() << '\n';
        return qg::cli::kExitUsage;
    }
}
