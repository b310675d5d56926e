// A hash map from case-folded words to values, built once from data and then only read:
// open addressing in one flat array, keys held in the map's own arena, and lookups that
// fold an ASCII word while hashing it, so a lookup neither copies nor allocates. Word lists,
// the cue lexicon and the first-name tables are all read through it, once per token or
// more, which made std::unordered_map's node chasing and std::hash a tenth of extraction.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace qg::text {

namespace detail {

// The final mix (splitmix64's) spreads every input bit over the bits the table uses.
inline uint64_t mix(uint64_t h) {
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 29);
}

// Eight bytes with ASCII capitals lowered, every other byte (non-ASCII ones included) kept.
inline uint64_t lower_ascii_word(uint64_t word) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t low7 = word & ~highs;
    const uint64_t at_least_a = low7 + ones * (0x80 - 'A');
    const uint64_t beyond_z = low7 + ones * (0x80 - 'Z' - 1);
    const uint64_t capitals = at_least_a & ~beyond_z & ~word & highs;
    return word | (capitals >> 2);
}

// The last `n` < 8 bytes at `p` as the low bytes of a word, the rest zero: fixed-size loads
// (a memcpy of variable length is a call).
inline uint64_t load_tail(const char* p, size_t n) {
    uint64_t v = 0;
    unsigned shift = 0;
    if (n & 4) {
        uint32_t x;
        std::memcpy(&x, p, 4);
        v = x;
        p += 4;
        shift = 32;
    }
    if (n & 2) {
        uint16_t x;
        std::memcpy(&x, p, 2);
        v |= uint64_t{x} << shift;
        p += 2;
        shift += 16;
    }
    if (n & 1) v |= uint64_t{static_cast<unsigned char>(*p)} << shift;
    return v;
}

// A hash of `word` with ASCII capitals lowered, eight bytes at a time (a byte at a time
// was a tenth of extraction: every token is looked up in several lists). Sets `high_bits`
// to the OR of its bytes' top bits, which is nonzero when the word is not ASCII, and
// `last_lowered` to its last (up to) eight bytes lowered, zero-padded: for a word of eight
// bytes or fewer, the whole word, which a lookup can compare with a key in one step.
inline uint64_t hash_lowered(std::string_view word, uint64_t& high_bits, uint64_t& last_lowered) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ word.size();
    uint64_t high = 0, lowered = 0;
    size_t i = 0;
    for (; i + 8 <= word.size(); i += 8) {
        uint64_t chunk;
        std::memcpy(&chunk, word.data() + i, 8);
        high |= chunk;
        lowered = lower_ascii_word(chunk);
        h = (h ^ lowered) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 32;
    }
    if (i < word.size()) {
        const uint64_t chunk = load_tail(word.data() + i, word.size() - i);
        high |= chunk;
        lowered = lower_ascii_word(chunk);
        h = (h ^ lowered) * 0xbf58476d1ce4e5b9ull;
    }
    high_bits = high & 0x8080808080808080ull;
    last_lowered = lowered;
    return mix(h);
}
inline uint64_t hash_lowered(std::string_view word, uint64_t& high_bits) {
    uint64_t last_lowered;
    return hash_lowered(word, high_bits, last_lowered);
}

// A folded key's first (up to) eight bytes, zero-padded: what hash_lowered's
// `last_lowered` is for an ASCII word of that key's size, when the key has eight bytes or
// fewer.
inline uint64_t head_of(std::string_view folded) {
    if (folded.size() >= 8) {
        uint64_t head;
        std::memcpy(&head, folded.data(), 8);
        return head;
    }
    return load_tail(folded.data(), folded.size());
}

// The hash of a word already folded.
inline uint64_t hash_folded(std::string_view folded) {
    uint64_t high_bits;
    return hash_lowered(folded, high_bits);
}

// `word` (ASCII) equals the folded key once its capitals are lowered; same sizes.
inline bool equals_lowered(std::string_view folded, std::string_view word) {
    size_t i = 0;
    for (; i + 8 <= word.size(); i += 8) {
        uint64_t a, b;
        std::memcpy(&a, folded.data() + i, 8);
        std::memcpy(&b, word.data() + i, 8);
        if (a != lower_ascii_word(b)) return false;
    }
    const size_t rest = word.size() - i;
    return load_tail(folded.data() + i, rest) == lower_ascii_word(load_tail(word.data() + i, rest));
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
            slots_[i] = Slot{keys_.back(), detail::head_of(keys_.back()), Value{}, true};
            tags_[i] = tag_of(hash);
            ++size_;
        }
        return slots_[i].value;
    }

    // The value for `word` compared case-insensitively, or nullptr.
    const Value* find(std::string_view word) const {
        if (slots_.empty() || word.empty()) return nullptr;
        // One pass hashes the lower-cased bytes and notes whether any is not ASCII.
        uint64_t high_bits, last_lowered;
        const uint64_t hash = detail::hash_lowered(word, high_bits, last_lowered);
        if (high_bits == 0) {
            size_t mask = slots_.size() - 1;
            uint32_t tag = tag_of(hash);
            // The tags are a small array that stays in cache; a slot is read only when its
            // tag matches. Most words are eight bytes or fewer: one compare of the lowered
            // bytes against the key's head decides.
            for (size_t i = hash & mask;; i = (i + 1) & mask) {
                if (tags_[i] == 0) return nullptr;
                if (tags_[i] != tag) continue;
                const Slot& s = slots_[i];
                if (s.key.size() != word.size()) continue;
                if (word.size() <= 8 ? s.head == last_lowered : detail::equals_lowered(s.key, word)) return &s.value;
            }
        }
        return find_folding(word);
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

    // The rare non-ASCII lookup, out of line so that the common path needs no buffer.
    [[gnu::noinline]] const Value* find_folding(std::string_view word) const {
        char buffer[kMaxWord];
        std::string_view folded = fold(word, buffer, sizeof buffer);
        if (folded.empty()) return nullptr;
        const Slot& s = slots_[find_slot(folded, detail::hash_folded(folded))];
        return s.used ? &s.value : nullptr;
    }
    struct Slot {
        std::string_view key;
        uint64_t head = 0;  // detail::head_of(key)
        Value value{};
        bool used = false;
    };


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
