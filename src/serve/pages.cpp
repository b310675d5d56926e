#include "serve/pages.h"

#include <array>
#include <map>
#include <stdexcept>
#include <utility>

#include "serve/assets.h"

namespace qg::serve {
namespace {

constexpr std::array<std::string_view, 7> kPages = {"index", "extract", "document", "entity", "claim", "graph", "audit"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kNavigation = {
    {{"tracker", "/"}, {"extract", "/extract"}, {"graph", "/graph"}, {"audit", "/audit"}}};

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// "title: Extract | nav: extract | scripts: a.js b.js" -> {"title": "Extract", ...}
std::map<std::string_view, std::string_view> header_fields(std::string_view header) {
    std::map<std::string_view, std::string_view> fields;
    while (!header.empty()) {
        const size_t bar = header.find('|');
        const std::string_view field = header.substr(0, bar);
        const size_t colon = field.find(':');
        if (colon != std::string_view::npos) fields[trim(field.substr(0, colon))] = trim(field.substr(colon + 1));
        if (bar == std::string_view::npos) break;
        header.remove_prefix(bar + 1);
    }
    return fields;
}

void replace(std::string& text, std::string_view placeholder, std::string_view value) {
    const size_t at = text.find(placeholder);
    if (at == std::string::npos) throw std::logic_error("web/layout.html lacks " + std::string(placeholder));
    text.replace(at, placeholder.size(), value);
}

std::string assemble(std::string_view name) {
    const Asset* source = find_asset(std::string(name) + ".main.html");
    const Asset* layout = find_asset("layout.html");
    if (!source || !layout) throw std::logic_error("no bundled page " + std::string(name));
    std::string_view main = source->bytes;
    const size_t end = main.find("-->\n");
    if (!main.starts_with("<!--") || end == std::string_view::npos)
        throw std::logic_error("web/" + std::string(name) + ".main.html lacks its header comment");
    auto fields = header_fields(main.substr(4, end - 4));
    main.remove_prefix(end + 4);

    std::string navigation;
    for (const auto& [key, href] : kNavigation) {
        const std::string_view label = key == "tracker" ? "Tracker" : key == "extract" ? "Extract" : key == "graph" ? "Graph" : "Audit";
        navigation += "<a href=\"" + std::string(href) + "\"" + (fields["nav"] == key ? " aria-current=\"page\"" : "") +
                      ">" + std::string(label) + "</a>";
    }
    std::string scripts;
    std::string_view list = fields["scripts"];
    while (!list.empty()) {
        const size_t space = list.find(' ');
        const std::string_view script = list.substr(0, space);
        if (!script.empty()) scripts += "<script src=\"/static/" + std::string(script) + "\"></script>\n";
        if (space == std::string_view::npos) break;
        list.remove_prefix(space + 1);
    }
    std::string title(fields["title"]);
    if (name != "index") title += " — quotegraph";

    std::string page(layout->bytes);
    replace(page, "{{title}}", title);
    replace(page, "{{nav}}", navigation);
    replace(page, "{{main}}", main);
    replace(page, "{{scripts}}", scripts);
    return page;
}

}  // namespace

const std::string& page_html(std::string_view name) {
    static const std::map<std::string_view, std::string> pages = [] {
        std::map<std::string_view, std::string> all;
        for (std::string_view page : kPages) all.emplace(page, assemble(page));
        return all;
    }();
    const auto it = pages.find(name);
    if (it == pages.end()) throw std::logic_error("no page " + std::string(name));
    return it->second;
}

}  // namespace qg::serve
