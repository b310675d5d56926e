// The web pages' files (HTML shells, scripts, styles and the npm libraries they use),
// compiled into the binary: the server never reads a file to answer a request, so no
// request can reach a file outside this set.
#pragma once

#include <string_view>

namespace qg::serve {

struct Asset {
    std::string_view name;  // as in /static/NAME
    std::string_view content_type;
    std::string_view bytes;
};

// The bundled file called exactly `name`, or nullptr.
const Asset* find_asset(std::string_view name);

}  // namespace qg::serve
