#include "graph/names.h"

#include <vector>

#include "text/lexicon.h"
#include "text/text.h"

namespace qg::graph {

namespace {

std::string folded(std::string_view s) {
    // fold() lower-cases in place code point by code point; four bytes each is enough.
    std::string buffer(s.size() * 4 + 4, '\0');
    return std::string(text::fold(s, buffer.data(), buffer.size()));
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        size_t start = i;
        while (i < s.size() && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

bool starts_upper(std::string_view word) {
    uint32_t pos = 0;
    return !word.empty() && text::is_upper(text::decode_at(word, pos));
}

bool is_title(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    return text::honorific_set().contains(word);
}

// Lower-case words that belong inside names ("Ursula von der Leyen", "Ahmed al Sharaa").
bool is_name_particle(std::string_view word) {
    static constexpr std::string_view particles[] = {"al", "bin", "bint", "ibn", "da", "de", "del", "della", "der",
                                                     "di", "dos", "du", "el", "la", "le", "van", "von", "y"};
    for (auto p : particles)
        if (word == p) return true;
    return false;
}

// Titles and determiners before the name proper.
std::vector<std::string_view> name_words(std::string_view name) {
    auto ws = words(name);
    size_t first = 0;
    while (first + 1 < ws.size() && is_title(ws[first])) ++first;
    return {ws.begin() + static_cast<std::ptrdiff_t>(first), ws.end()};
}

}  // namespace

std::string name_key(std::string_view name) {
    std::string joined;
    for (auto w : words(name)) {
        if (!joined.empty()) joined += ' ';
        joined += w;
    }
    return folded(joined);
}

bool is_acronym(std::string_view name) {
    int capitals = 0;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') {
            ++capitals;
        } else if (!(c == '.' || c == '&' || (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return capitals >= 2;
}

bool is_proper_name(std::string_view name) {
    auto ws = words(name);
    for (size_t i = 0; i < ws.size(); ++i) {
        if (i == 0 && (ws[i] == "The" || ws[i] == "A" || ws[i] == "An")) continue;
        if (starts_upper(ws[i])) return true;
    }
    return false;
}

std::optional<std::string> full_name(std::string_view name) {
    auto ws = name_words(name);
    if (ws.size() < 2 || is_title(ws.front())) return std::nullopt;
    if (!starts_upper(ws.front()) || !starts_upper(ws.back())) return std::nullopt;
    static constexpr std::string_view determiners[] = {"The", "A", "An", "This", "That"};
    for (auto d : determiners)
        if (ws.front() == d) return std::nullopt;
    std::string out;
    for (auto w : ws) {
        if (!starts_upper(w) && !is_name_particle(w)) return std::nullopt;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

std::string strip_titles(std::string_view name) {
    std::string out;
    for (auto w : name_words(name)) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

std::string surname(std::string_view name) {
    auto ws = name_words(name);
    return ws.empty() ? std::string() : std::string(ws.back());
}

std::string claim_key(std::string_view content) {
    std::string out;
    out.reserve(content.size());
    bool pending_space = false;
    uint32_t pos = 0;
    while (pos < content.size()) {
        uint32_t start = pos;
        char32_t c = text::decode_at(content, pos);
        if (text::is_quote_mark(c)) continue;
        if (text::is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(content.substr(start, pos - start));
    }
    while (!out.empty() && (out.back() == ',' || out.back() == '.' || out.back() == ';' || out.back() == ':' ||
                            out.back() == ' '))
        out.pop_back();
    return folded(out);
}

std::vector<MergeKey> merge_keys(MergeKind kind, const std::string& name, const std::vector<std::string>& aliases) {
    std::vector<MergeKey> keys;
    const char prefix = kind == MergeKind::Person ? 'p' : 'o';
    auto add = [&](const std::string& form, bool from_alias, bool acronym) {
        std::string key = prefix + name_key(form);
        for (const auto& k : keys)
            if (k.key == key) return;
        keys.push_back({std::move(key), form, from_alias, acronym});
    };
    if (kind == MergeKind::Person) {
        if (auto full = full_name(name)) add(*full, false, false);
        for (const auto& alias : aliases)
            if (auto full = full_name(alias)) add(*full, true, false);
    } else if (kind == MergeKind::Organisation) {
        if (is_proper_name(name)) add(name, false, is_acronym(name));
        for (const auto& alias : aliases)
            if (is_acronym(alias)) add(alias, true, true);
    }
    return keys;
}

std::string merge_reason(const MergeKey& key, bool other_from_alias) {
    if (!key.from_alias && !other_from_alias) return "same name";
    return key.acronym ? "the acronym “" + key.shown + "” names both" : "the full name “" + key.shown + "” names both";
}

}  // namespace qg::graph
