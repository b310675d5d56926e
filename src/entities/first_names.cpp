// First names and their usual gender, looked up in the table the build generates
// (first_name_table.h, cmake/first_names.cpp).
#include <cstring>

#include "entities/entities.h"
#include "entities/first_name_table.h"
#include "text/folded_map.h"

namespace qg::entities {

namespace {

namespace table = first_name_table;

std::string_view key_of(const table::Slot& s) { return std::string_view(table::keys + s.key_offset, s.key_size); }

// The slot of a folded name: its own, or the empty one where it would be.
const table::Slot& slot_of_folded(std::string_view folded) {
    const uint64_t hash = text::detail::hash_folded(folded);
    const uint32_t tag = table::tag_of(hash);
    const size_t mask = table::slot_count - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const table::Slot& s = table::slots[i];
        if (s.tag == 0 || (s.tag == tag && key_of(s) == folded)) return s;
    }
}

// The entry for `word` compared case-insensitively, or nullptr (as text::FoldedMap::find).
const table::Slot* find(std::string_view word) {
    if (word.empty()) return nullptr;
    uint64_t high_bits;
    const uint64_t hash = text::detail::hash_lowered(word, high_bits);
    if (high_bits != 0) {
        // Not ASCII: folded in full first (accents, typographic apostrophes).
        char buffer[128];
        const std::string_view folded = text::fold(word, buffer, sizeof buffer);
        if (folded.empty()) return nullptr;
        const table::Slot& s = slot_of_folded(folded);
        return s.tag != 0 ? &s : nullptr;
    }
    const uint32_t tag = table::tag_of(hash);
    const size_t mask = table::slot_count - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const table::Slot& s = table::slots[i];
        if (s.tag == 0) return nullptr;
        if (s.tag == tag && s.key_size == word.size() && text::detail::equals_lowered(key_of(s), word)) return &s;
    }
}

}  // namespace

Gender first_name_gender(std::string_view first_name) {
    const table::Slot* slot = find(first_name);
    return slot ? slot->gender : Gender::Unknown;
}

bool is_first_name(std::string_view word) { return find(word) != nullptr; }

}  // namespace qg::entities
