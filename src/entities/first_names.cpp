#include <string>
#include <unordered_map>

#include "entities/entities.h"
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

using GenderTable = std::unordered_map<std::string, Gender, text::TransparentHash, std::equal_to<>>;

// The tables are JavaScript Map literals, one `['name', 'male'],` entry per line.
void load_js_map(std::string_view js, GenderTable& table) {
    text::for_each_data_line(js, [&](std::string_view line) {
        if (!line.starts_with("['")) return;
        size_t name_end = line.find('\'', 2);
        if (name_end == std::string_view::npos) return;
        std::string_view name = line.substr(2, name_end - 2);
        Gender gender = line.find("'female'") != std::string_view::npos ? Gender::Female
                        : line.find("'male'") != std::string_view::npos  ? Gender::Male
                                                                         : Gender::Unknown;
        auto [it, inserted] = table.emplace(std::string(name), gender);
        if (!inserted && it->second != gender) it->second = Gender::Unknown;  // given to both
    });
}

const GenderTable& table() {
    static const GenderTable instance = [] {
        GenderTable t;
        t.reserve(80000);
        for (auto js : {data::en_js_data, data::fr_js_data, data::es_js_data, data::it_js_data, data::de_js_data,
                        data::tr_js_data})
            load_js_map(js, t);
        return t;
    }();
    return instance;
}

}  // namespace

Gender first_name_gender(std::string_view first_name) {
    char buffer[64];
    std::string_view folded = text::fold(first_name, buffer, sizeof buffer);
    if (folded.empty()) return Gender::Unknown;
    auto it = table().find(folded);
    return it == table().end() ? Gender::Unknown : it->second;
}

bool is_first_name(std::string_view word) {
    char buffer[64];
    std::string_view folded = text::fold(word, buffer, sizeof buffer);
    return !folded.empty() && table().count(folded) != 0;
}

}  // namespace qg::entities
