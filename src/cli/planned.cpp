// Subcommands that belong to later work: they exist so `--help` shows the whole tool, and
// say plainly that they are not built yet.
#include <iostream>

#include "cli/commands.h"

namespace qg::cli {

void register_planned(CLI::App& root, Action& action) {
    struct Planned {
        const char* name;
        const char* summary;
    };
    static constexpr Planned planned[] = {
        {"audit", "Audit quotes: broken marks, unattributed or altered quotes, conflicts"},
    };
    for (const auto& p : planned) {
        auto* sub = root.add_subcommand(p.name, std::string(p.summary) + " (not built yet)");
        sub->allow_extras();
        sub->callback([&action, name = std::string(p.name)] {
            action = [name] {
                std::cerr << "quotegraph " << name << ": not built yet in this version\n";
                return kExitUsage;
            };
        });
    }
}

}  // namespace qg::cli
