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

using GenderTable = text::FoldedMap<Gender>;

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
        if (const Gender* known = table.find(name); known && *known != gender) {
            table[name] = Gender::Unknown;  // given to both
        } else if (!known) {
            table[name] = gender;
        }
    });
}

const GenderTable& table() {
    static const GenderTable instance = [] {
        GenderTable t;
        for (auto js : {data::en_js_data, data::fr_js_data, data::es_js_data, data::it_js_data, data::de_js_data,
                        data::tr_js_data})
            load_js_map(js, t);
        return t;
    }();
    return instance;
}

}  // namespace

Gender first_name_gender(std::string_view first_name) {
    const Gender* gender = table().find(first_name);
    return gender ? *gender : Gender::Unknown;
}

bool is_first_name(std::string_view word) { return table().contains(word); }

}  // namespace qg::entities
