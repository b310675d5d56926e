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

// FNV-1a's low bits cluster for short words; a final mix spreads them over the table.
inline uint64_t mix(uint64_t h) {
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 29);
}

// FNV-1a over a folded word, mixed.
inline uint64_t hash_folded(std::string_view folded) {
    uint64_t h = 1469598103934665603ull;
    for (char c : folded) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return mix(h);
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
        uint64_t hash = detail::hash_folded(folded);
        size_t i = find_slot(folded, hash);
        if (!slots_[i].used) {
            keys_.emplace_back(folded);
            slots_[i] = Slot{keys_.back(), Value{}, true};
            tags_[i] = tag_of(hash);
            ++size_;
        }
        return slots_[i].value;
    }

    // The value for `word` compared case-insensitively, or nullptr.
    const Value* find(std::string_view word) const {
        if (slots_.empty() || word.empty()) return nullptr;
        // One pass hashes the lower-cased bytes and notes whether any is not ASCII.
        uint64_t hash = 1469598103934665603ull;
        unsigned char seen = 0;
        for (char c : word) {
            seen |= static_cast<unsigned char>(c);
            hash = (hash ^ static_cast<unsigned char>(detail::ascii_lower(c))) * 1099511628211ull;
        }
        if (seen < 0x80) {
            hash = detail::mix(hash);
            size_t mask = slots_.size() - 1;
            uint32_t tag = tag_of(hash);
            // The tags are a small array that stays in cache; a slot is read only when its
            // tag matches.
            for (size_t i = hash & mask;; i = (i + 1) & mask) {
                if (tags_[i] == 0) return nullptr;
                if (tags_[i] != tag) continue;
                const Slot& s = slots_[i];
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

    // Never 0, which marks an empty slot.
    static uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1u; }

    void grow() {
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        tags_.assign(slots_.size(), 0);
        for (auto& s : old)
            if (s.used) {
                uint64_t hash = detail::hash_folded(s.key);
                size_t i = find_slot(s.key, hash);
                slots_[i] = std::move(s);
                tags_[i] = tag_of(hash);
            }
    }

    std::vector<Slot> slots_;
    std::vector<uint32_t> tags_;  // per slot: 0 when empty, else bits of the key's hash
    std::deque<std::string> keys_;  // a deque, so keys never move as it grows
    size_t size_ = 0;
};

}  // namespace qg::text
