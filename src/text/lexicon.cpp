#include "text/lexicon.h"

#include <string>

#include "text/text.h"

namespace qg::text {

namespace {
constexpr size_t kFoldCapacity = 128;
}

WordSet::WordSet(std::string_view data) {
    for_each_data_line(data, [&](std::string_view line) {
        char buffer[kFoldCapacity];
        std::string_view folded = fold(line, buffer, sizeof buffer);
        if (folded == line) {
            words_.insert(line);
        } else {
            auto [it, inserted] = owned_.emplace(folded);
            words_.insert(*it);
        }
    });
}

bool WordSet::contains(std::string_view word) const {
    char buffer[kFoldCapacity];
    std::string_view folded = fold(word, buffer, sizeof buffer);
    return !folded.empty() && words_.count(folded) != 0;
}

WordTable::WordTable(std::string_view data) {
    for_each_data_line(data, [&](std::string_view line) {
        size_t tab = line.find('\t');
        std::string_view key = line.substr(0, tab);
        std::string_view value = tab == std::string_view::npos ? std::string_view{} : line.substr(tab + 1);
        char buffer[kFoldCapacity];
        table_.emplace(std::string(fold(key, buffer, sizeof buffer)), value);
    });
}

const std::string_view* WordTable::find(std::string_view word) const {
    char buffer[kFoldCapacity];
    std::string_view folded = fold(word, buffer, sizeof buffer);
    if (folded.empty()) return nullptr;
    auto it = table_.find(folded);
    return it == table_.end() ? nullptr : &it->second;
}

}  // namespace qg::text
