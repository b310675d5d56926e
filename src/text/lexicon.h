// Word lists compiled into the binary (src/*/data/*.txt): one entry per line, '#' starts a
// comment, entries compared case-insensitively. Lookups never allocate.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "text/folded_map.h"

namespace qg::text {

// Lets string-keyed maps be searched with a string_view without building a string.
struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class WordSet {
public:
    WordSet() = default;
    explicit WordSet(std::string_view data);
    bool contains(std::string_view word) const { return words_.contains(word); }  // case-insensitive
    size_t size() const { return words_.size(); }
    // Calls f(folded entry) for each entry, in no particular order.
    template <class F>
    void for_each(F&& f) const {
        words_.for_each([&](std::string_view folded, const Unit&) { f(folded); });
    }

private:
    struct Unit {};
    FoldedMap<Unit> words_;
};

// Lines of the form "key<TAB>value" (value may be empty); keys folded.
class WordTable {
public:
    WordTable() = default;
    explicit WordTable(std::string_view data);
    // The value for `word`, or nullptr.
    const std::string_view* find(std::string_view word) const { return table_.find(word); }
    size_t size() const { return table_.size(); }

private:
    FoldedMap<std::string_view> table_;
};

// The text stage's own lists, for later stages: titles written before names
// (data/honorifics.txt) and words that typically open a sentence (data/sentence_openers.txt).
const WordSet& honorific_set();
const WordSet& opener_set();
// Whether `w` in lowercase is an ordinary English word (Debian's wamerican, its all-lowercase
// entries: src/CMakeLists.txt): "Dropped" and "Ferry" are, "Carson" and "Kelly" are not.
bool is_english_word(std::string_view w);

// Calls f(line) for every non-empty, non-comment line of embedded data, trimmed.
template <class F>
void for_each_data_line(std::string_view data, F&& f) {
    while (!data.empty()) {
        size_t nl = data.find('\n');
        std::string_view line = data.substr(0, nl);
        data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
        if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (!line.empty()) f(line);
    }
}

}  // namespace qg::text
