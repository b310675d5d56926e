#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "entities/entities.h"
#include "text/folded_map.h"
#include "text/lexicon.h"

namespace qg::entities {

namespace data {
extern const std::string_view en_js_data;
extern const std::string_view fr_js_data;
extern const std::string_view es_js_data;
extern const std::string_view it_js_data;
extern const std::string_view de_js_data;
extern const std::string_view tr_js_data;
}  // namespace data

namespace {

// Whether an ASCII word has no capitals, eight bytes at a time: such a name is its own
// folded form, and folding the 87,000 names byte by byte was a sixth of loading them.
bool is_ascii_lowercase(std::string_view w) {
    size_t i = 0;
    for (; i + 8 <= w.size(); i += 8) {
        uint64_t chunk;
        std::memcpy(&chunk, w.data() + i, 8);
        if ((chunk & 0x8080808080808080ull) != 0 || text::detail::lower_ascii_word(chunk) != chunk) return false;
    }
    const uint64_t tail = text::detail::load_tail(w.data() + i, w.size() - i);
    return (tail & 0x8080808080808080ull) == 0 && text::detail::lower_ascii_word(tail) == tail;
}

// The first-name tables hold 87,000 names, and loading them into a text::FoldedMap (each
// name looked up, folded, hashed and copied twice, the table rehashed as it grew) was
// 80 M instructions of every process's start-up, as much as extracting 250 KB of text.
// This table is sized once from the data, hashes each name once, and keeps its keys as
// views into the embedded data (they are already folded); lookups answer exactly as
// FoldedMap::find does.
class GenderTable {
public:
    explicit GenderTable(size_t expected) {
        size_t slots = 64;
        while (slots < expected * 2) slots *= 2;
        slots_.resize(slots);
        tags_.assign(slots, 0);
    }

    // Records `name`'s gender: a name already listed with another gender becomes Unknown
    // (given to both).
    void add(std::string_view name, Gender gender) {
        char buffer[kMaxWord];
        std::string_view folded = name;
        if (!is_ascii_lowercase(name)) {
            folded = text::fold(name, buffer, sizeof buffer);
            if (folded.empty() && !name.empty()) folded = name;  // too long to fold: kept as is
            if (folded.data() == buffer) folded = folded == name ? name : std::string_view(owned_.emplace_back(folded));
        }
        if ((size_ + 1) * 2 > slots_.size()) grow();
        const uint64_t hash = text::detail::hash_folded(folded);
        const size_t i = find_slot(folded, hash);
        if (tags_[i] == 0) {
            slots_[i] = Slot{folded, gender};
            tags_[i] = tag_of(hash);
            ++size_;
        } else if (slots_[i].gender != gender) {
            slots_[i].gender = Gender::Unknown;
        }
    }

    // The entry for `word` compared case-insensitively, or nullptr (as FoldedMap::find).
    const Gender* find(std::string_view word) const {
        if (word.empty()) return nullptr;
        uint64_t high_bits;
        const uint64_t hash = text::detail::hash_lowered(word, high_bits);
        if (high_bits != 0) return find_folding(word);
        const size_t mask = slots_.size() - 1;
        const uint32_t tag = tag_of(hash);
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            if (tags_[i] == 0) return nullptr;
            if (tags_[i] != tag) continue;
            const Slot& s = slots_[i];
            if (s.key.size() == word.size() && text::detail::equals_lowered(s.key, word)) return &s.gender;
        }
    }

private:
    static constexpr size_t kMaxWord = 128;
    struct Slot {
        std::string_view key;
        Gender gender = Gender::Unknown;
    };

    [[gnu::noinline]] const Gender* find_folding(std::string_view word) const {
        char buffer[kMaxWord];
        std::string_view folded = text::fold(word, buffer, sizeof buffer);
        if (folded.empty()) return nullptr;
        const size_t i = find_slot(folded, text::detail::hash_folded(folded));
        return tags_[i] != 0 ? &slots_[i].gender : nullptr;
    }

    size_t find_slot(std::string_view folded, uint64_t hash) const {
        const size_t mask = slots_.size() - 1;
        const uint32_t tag = tag_of(hash);
        for (size_t i = hash & mask;; i = (i + 1) & mask)
            if (tags_[i] == 0 || (tags_[i] == tag && slots_[i].key == folded)) return i;
    }

    static uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1u; }

    // Only when the data holds more entries than lines counted, which it cannot.
    void grow() {
        std::vector<Slot> old_slots(slots_.size() * 2);
        std::vector<uint32_t> old_tags(slots_.size() * 2, 0);
        old_slots.swap(slots_);
        old_tags.swap(tags_);
        for (size_t k = 0; k < old_slots.size(); ++k)
            if (old_tags[k] != 0) {
                const uint64_t hash = text::detail::hash_folded(old_slots[k].key);
                const size_t i = find_slot(old_slots[k].key, hash);
                slots_[i] = old_slots[k];
                tags_[i] = old_tags[k];
            }
    }

    std::vector<Slot> slots_;
    std::vector<uint32_t> tags_;     // per slot: 0 when empty, else bits of the key's hash
    std::deque<std::string> owned_;  // the few keys that folding changed
    size_t size_ = 0;
};

Gender gender_in(std::string_view line) {
    return line.find("'female'") != std::string_view::npos ? Gender::Female
           : line.find("'male'") != std::string_view::npos ? Gender::Male
                                                           : Gender::Unknown;
}

// The tables are JavaScript Map literals, one `['name', 'male'],` entry per line. Read
// as text::for_each_data_line would (a line is trimmed and must open with "['"), but with
// one scan per line: the tables hold no '#' comments, which is checked once.
void load_js_map(std::string_view js, GenderTable& table) {
    const auto add_line = [&](std::string_view line) {
        if (!line.starts_with("['")) return;
        const size_t name_end = line.find('\'', 2);
        if (name_end == std::string_view::npos) return;
        const std::string_view rest = line.substr(name_end);
        // The usual tails first; anything else is searched as before.
        const Gender gender = rest.starts_with("', 'male']")     ? Gender::Male
                              : rest.starts_with("', 'female']") ? Gender::Female
                                                                 : gender_in(rest);
        table.add(line.substr(2, name_end - 2), gender);
    };
    if (js.find('#') != std::string_view::npos) {
        text::for_each_data_line(js, add_line);
        return;
    }
    size_t pos = 0;
    while (pos < js.size()) {
        size_t nl = js.find('\n', pos);
        if (nl == std::string_view::npos) nl = js.size();
        size_t begin = pos;
        pos = nl + 1;
        while (begin < nl && (js[begin] == ' ' || js[begin] == '\t')) ++begin;
        add_line(js.substr(begin, nl - begin));
    }
}

const GenderTable& table() {
    static const GenderTable instance = [] {
        const std::string_view tables[] = {data::en_js_data, data::fr_js_data, data::es_js_data,
                                           data::it_js_data, data::de_js_data, data::tr_js_data};
        // An entry line is at least 16 bytes ("  ['al', 'male'],"): room for every entry
        // without counting lines first.
        size_t bytes = 0;
        for (auto js : tables) bytes += js.size();
        GenderTable t(bytes / 16);
        for (auto js : tables) load_js_map(js, t);
        return t;
    }();
    return instance;
}

}  // namespace

Gender first_name_gender(std::string_view first_name) {
    const Gender* gender = table().find(first_name);
    return gender ? *gender : Gender::Unknown;
}

bool is_first_name(std::string_view word) { return table().find(word) != nullptr; }

}  // namespace qg::entities
