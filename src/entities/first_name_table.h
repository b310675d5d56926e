// The first-name table's layout, shared by the build tool that writes it
// (cmake/first_names.cpp, from the npm package's tables) and first_names.cpp, which looks
// names up in it. Building it at start-up (87,000 names folded, hashed and placed) was 33 M
// instructions of every process that met a capitalised word; built at compile time, it is
// read-only data that costs nothing until a page of it is touched.
//
// Open addressing with linear probing over a power-of-two number of slots, at most half
// full: a name is placed from text::detail::hash_folded(folded name), so a lookup hashes
// the word as text::FoldedMap does and probes from the same slot.
#pragma once

#include <cstddef>
#include <cstdint>

#include "entities/entities.h"

namespace qg::entities::first_name_table {

struct Slot {
    uint32_t tag = 0;         // 0: empty; else (hash >> 32) | 1
    uint32_t key_offset = 0;  // the folded name: keys + key_offset, key_size bytes
    uint8_t key_size = 0;
    Gender gender = Gender::Unknown;  // Unknown also for a name listed with both genders
};

// Defined in the generated source.
extern const Slot slots[];
extern const size_t slot_count;  // a power of two
extern const char keys[];

inline uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1u; }

}  // namespace qg::entities::first_name_table
