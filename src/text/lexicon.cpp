#include "text/lexicon.h"

#include <string>

#include "text/text.h"

namespace qg::text {

WordSet::WordSet(std::string_view data) {
    // (A list may carry counts after a tab, as learned lists do: the word is the first field.)
    for_each_data_line(data, [&](std::string_view line) { words_[line.substr(0, line.find('\t'))]; });
}

WordTable::WordTable(std::string_view data) {
    for_each_data_line(data, [&](std::string_view line) {
        size_t tab = line.find('\t');
        std::string_view key = line.substr(0, tab);
        if (table_.find(key)) return;  // the first entry of a key wins
        table_[key] = tab == std::string_view::npos ? std::string_view{} : line.substr(tab + 1);
    });
}

}  // namespace qg::text
