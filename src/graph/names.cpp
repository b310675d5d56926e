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

// Split at any white space, the no-break space of pasted names included ("James\u00a0Comey").
std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    uint32_t pos = 0;
    size_t start = 0;
    bool in_word = false;
    while (pos < s.size()) {
        const uint32_t here = pos;
        const bool space = text::is_space(text::decode_at(s, pos));
        if (space && in_word) out.push_back(s.substr(start, here - start));
        if (!space && !in_word) start = here;
        in_word = !space;
    }
    if (in_word) out.push_back(s.substr(start));
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

namespace {

// "J.", "J", "H.W.": capitals each followed by a period, or one capital alone.
bool is_initial(std::string_view word) {
    if (word.size() == 1) return word[0] >= 'A' && word[0] <= 'Z';
    if (word.size() % 2 != 0) return false;
    for (size_t i = 0; i < word.size(); i += 2)
        if (!(word[i] >= 'A' && word[i] <= 'Z') || word[i + 1] != '.') return false;
    return true;
}

MergeKey initials_key(std::string key, const std::string& shown, bool from_alias, MergeKey::Use use, std::string unless,
                      std::string on_conflict) {
    MergeKey k;
    k.key = std::move(key);
    k.shown = shown;
    k.from_alias = from_alias;
    k.use = use;
    k.unless = std::move(unless);
    k.on_conflict = std::move(on_conflict);
    k.middle_initials = true;
    return k;
}

}  // namespace

std::optional<std::string> without_middle_initials(std::string_view full) {
    auto ws = words(full);
    if (ws.size() < 3) return std::nullopt;
    std::string out(ws.front());
    bool dropped = false;
    for (size_t i = 1; i + 1 < ws.size(); ++i) {
        if (is_initial(ws[i])) {
            dropped = true;
            continue;
        }
        out += ' ';
        out += ws[i];
    }
    if (!dropped || is_initial(ws.front())) return std::nullopt;
    out += ' ';
    out += ws.back();
    return out;
}

std::vector<MergeKey> merge_keys(MergeKind kind, const std::string& name, const std::vector<std::string>& aliases) {
    std::vector<MergeKey> keys;
    std::vector<MergeKey> later;  // probes and marks, tried after every key that matches outright
    const char prefix = kind == MergeKind::Person ? 'p' : 'o';
    auto add = [&](const std::string& form, bool from_alias, bool acronym) {
        std::string key = prefix + name_key(form);
        for (const auto& k : keys)
            if (k.key == key) return;
        MergeKey k;
        k.key = std::move(key);
        k.shown = form;
        k.from_alias = from_alias;
        k.acronym = acronym;
        keys.push_back(std::move(k));
    };
    auto add_later = [&](MergeKey k) {
        for (const auto& other : later)
            if (other.key == k.key && other.use == k.use) return;
        later.push_back(std::move(k));
    };
    // The keys of middle-initial forms: "m" + the name without them is recorded by the first
    // such form, "x" + it once a second, different one is seen.
    auto add_initials_keys = [&](const std::string& full, bool from_alias) {
        if (auto plain = without_middle_initials(full)) {
            const std::string key = name_key(*plain);
            add_later(initials_key(prefix + key, *plain, from_alias, MergeKey::Use::Probe, "m" + key, {}));
            add_later(initials_key("m" + key, *plain, from_alias, MergeKey::Use::Mark, {}, "x" + key));
        } else {
            const std::string key = name_key(full);
            add_later(initials_key("m" + key, full, from_alias, MergeKey::Use::Probe, "x" + key, {}));
        }
    };
    if (kind == MergeKind::Person) {
        if (auto full = full_name(name)) {
            add(*full, false, false);
            add_initials_keys(*full, false);
        }
        for (const auto& alias : aliases)
            if (auto full = full_name(alias)) {
                add(*full, true, false);
                add_initials_keys(*full, true);
            }
    } else if (kind == MergeKind::Organisation) {
        if (is_proper_name(name)) add(name, false, is_acronym(name));
        for (const auto& alias : aliases)
            if (is_acronym(alias)) add(alias, true, true);
    }
    for (auto& k : later) {
        bool duplicate = false;
        for (const auto& m : keys) duplicate |= m.key == k.key && m.use == MergeKey::Use::Match;
        if (!duplicate) keys.push_back(std::move(k));
    }
    return keys;
}

std::string merge_reason(const MergeKey& key, bool other_from_alias) {
    if (key.middle_initials) return "both are “" + key.shown + "”, one with middle initials";
    if (!key.from_alias && !other_from_alias) return "same name";
    return key.acronym ? "the acronym “" + key.shown + "” names both" : "the full name “" + key.shown + "” names both";
}

}  // namespace qg::graph
