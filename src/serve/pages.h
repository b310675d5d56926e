// The HTML pages: each web/NAME.main.html (a first-line comment naming its title, its
// navigation entry and its scripts, then the page's <main> content) set into
// web/layout.html once, at first use. Only bundled text goes in; data never does: the
// pages' scripts fetch it as JSON.
#pragma once

#include <string>
#include <string_view>

namespace qg::serve {

// The whole page called `name` ("extract" for web/extract.main.html). Throws
// std::logic_error for a name with no page (a bug: routes name only bundled pages).
const std::string& page_html(std::string_view name);

}  // namespace qg::serve
