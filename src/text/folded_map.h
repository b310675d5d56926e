// A hash map from case-folded words to values, built once from data and then only read:
// open addressing in one flat array, keys held in the map's own arena, and lookups that
// fold an ASCII word while hashing it, so a lookup neither copies nor allocates. Word lists,
// the cue lexicon and the first-name tables are all read through it, once per token or
// more, which made std::unordered_map's node chasing and std::hash a tenth of extraction.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace qg::text {

namespace detail {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

// FNV-1a over the folded bytes of an ASCII word, or over an already folded word.
inline uint64_t hash_folded(std::string_view folded) {
    uint64_t h = 1469598103934665603ull;
    for (char c : folded) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}
inline uint64_t hash_ascii_lowered(std::string_view word) {
    uint64_t h = 1469598103934665603ull;
    for (char c : word) h = (h ^ static_cast<unsigned char>(ascii_lower(c))) * 1099511628211ull;
    return h;
}
inline bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace detail

template <class Value>
class FoldedMap {
public:
    // Inserts or finds `word` (folded first); returns its value.
    Value& operator[](std::string_view word) {
        char buffer[kMaxWord];
        std::string_view folded = fold(word, buffer, sizeof buffer);
        if (folded.empty() && !word.empty()) folded = word;  // too long to fold: kept as is
        if ((size_ + 1) * 2 > slots_.size()) grow();
        size_t i = find_slot(folded, detail::hash_folded(folded));
        if (!slots_[i].used) {
            keys_.emplace_back(folded);
            slots_[i] = Slot{keys_.back(), Value{}, true};
            ++size_;
        }
        return slots_[i].value;
    }

    // The value for `word` compared case-insensitively, or nullptr.
    const Value* find(std::string_view word) const {
        if (slots_.empty() || word.empty()) return nullptr;
        if (detail::is_ascii(word)) {
            size_t mask = slots_.size() - 1;
            for (size_t i = detail::hash_ascii_lowered(word) & mask;; i = (i + 1) & mask) {
                const Slot& s = slots_[i];
                if (!s.used) return nullptr;
                if (s.key.size() == word.size() && equals_lowered(s.key, word)) return &s.value;
            }
        }
        char buffer[kMaxWord];
        std::string_view folded = fold(word, buffer, sizeof buffer);
        if (folded.empty()) return nullptr;
        const Slot& s = slots_[find_slot(folded, detail::hash_folded(folded))];
        return s.used ? &s.value : nullptr;
    }
    bool contains(std::string_view word) const { return find(word) != nullptr; }
    size_t size() const { return size_; }

    // Calls f(folded key, value) for every entry, in no particular order.
    template <class F>
    void for_each(F&& f) const {
        for (const auto& s : slots_)
            if (s.used) f(s.key, s.value);
    }

private:
    static constexpr size_t kMaxWord = 128;
    struct Slot {
        std::string_view key;
        Value value{};
        bool used = false;
    };

    static bool equals_lowered(std::string_view folded, std::string_view word) {
        for (size_t i = 0; i < word.size(); ++i)
            if (folded[i] != detail::ascii_lower(word[i])) return false;
        return true;
    }

    size_t find_slot(std::string_view folded, uint64_t hash) const {
        size_t mask = slots_.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask)
            if (!slots_[i].used || slots_[i].key == folded) return i;
    }

    void grow() {
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        for (auto& s : old)
            if (s.used) slots_[find_slot(s.key, detail::hash_folded(s.key))] = std::move(s);
    }

    std::vector<Slot> slots_;
    std::deque<std::string> keys_;  // a deque, so keys never move as it grows
    size_t size_ = 0;
};

}  // namespace qg::text
