#include "text/lexicon.h"

#include <algorithm>
#include <string>
#include <vector>

#include "text/text.h"

namespace qg::text {
namespace data {
extern const std::string_view english_words_txt_data;  // generated: src/CMakeLists.txt
}


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

// A binary search of the sorted list (64,000 entries, indexed on first use).
bool is_english_word(std::string_view w) {
    static const std::vector<std::string_view> words = [] {
        std::vector<std::string_view> lines;
        std::string_view data = data::english_words_txt_data;
        for (size_t at = 0; at < data.size();) {
            size_t end = data.find('\n', at);
            if (end == std::string_view::npos) end = data.size();
            if (end > at) lines.push_back(data.substr(at, end - at));
            at = end + 1;
        }
        return lines;
    }();
    char buffer[64];
    if (w.size() > sizeof buffer) return false;
    for (size_t i = 0; i < w.size(); ++i) buffer[i] = ascii_lower(w[i]);
    return std::binary_search(words.begin(), words.end(), std::string_view(buffer, w.size()));
}

}  // namespace qg::text
