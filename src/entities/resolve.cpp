// Entities of one document and the resolution of attribution sources to them.
//
// Names are capitalised runs ("Syrian Democratic Forces", "Council on Foreign Relations"),
// typed by their words (organisation head words, honorifics, first names) and merged
// conservatively: a surname joins the full name it ends, a defined acronym joins the name
// it abbreviates. Sources then resolve through the name they contain, their role noun
// ("the SDF spokesman"), their head noun ("the committee") or, for pronouns, the nearest
// compatible antecedent.
#include <algorithm>
#include <array>
#include <climits>
#include <memory_resource>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "attribution/lexicon.h"
#include "entities/entities.h"
#include "text/folded_map.h"
#include "text/lexicon.h"

namespace qg::entities {

namespace data {
extern const std::string_view pronouns_txt_data;
extern const std::string_view determiners_txt_data;
extern const std::string_view name_modifiers_txt_data;
extern const std::string_view name_particles_txt_data;
extern const std::string_view day_names_txt_data;
extern const std::string_view thing_heads_txt_data;
extern const std::string_view months_txt_data;
extern const std::string_view title_roles_tsv_data;
extern const std::string_view honorific_genders_tsv_data;
extern const std::string_view group_names_txt_data;
extern const std::string_view place_names_txt_data;
extern const std::string_view name_joiners_txt_data;
extern const std::string_view quantifiers_txt_data;
extern const std::string_view known_organisations_txt_data;
extern const std::string_view name_suffixes_txt_data;
extern const std::string_view message_nouns_txt_data;
extern const std::string_view role_complements_txt_data;
extern const std::string_view role_equivalents_tsv_data;
extern const std::string_view us_states_tsv_data;
extern const std::string_view former_markers_txt_data;
extern const std::string_view indefinite_openers_txt_data;
extern const std::string_view organisation_kinds_tsv_data;  // generated: src/CMakeLists.txt
}  // namespace data

namespace {

using attribution::Attribution;
using attribution::ByteSpan;
using text::Token;
using text::TokenKind;

struct Lexicons {
    text::WordTable pronouns{data::pronouns_txt_data};
    text::WordSet determiners{data::determiners_txt_data};
    text::WordSet name_modifiers{data::name_modifiers_txt_data};
    text::WordSet name_particles{data::name_particles_txt_data};
    text::WordSet day_names{data::day_names_txt_data};
    text::WordSet thing_heads{data::thing_heads_txt_data};
    text::WordSet months{data::months_txt_data};
    text::WordTable title_roles{data::title_roles_tsv_data};
    text::WordTable honorific_genders{data::honorific_genders_tsv_data};
    text::WordSet group_names{data::group_names_txt_data};
    text::WordSet place_names{data::place_names_txt_data};
    text::WordSet name_joiners{data::name_joiners_txt_data};
    text::WordSet quantifiers{data::quantifiers_txt_data};
    text::WordSet known_organisations{data::known_organisations_txt_data};
    text::WordSet name_suffixes{data::name_suffixes_txt_data};
    text::WordSet message_nouns{data::message_nouns_txt_data};
    text::WordSet role_complements{data::role_complements_txt_data};
    text::WordTable role_equivalents{data::role_equivalents_tsv_data};
    text::WordTable us_states{data::us_states_tsv_data};
    text::WordSet former_markers{data::former_markers_txt_data};
    text::WordSet indefinite_openers{data::indefinite_openers_txt_data};
    text::WordTable organisation_kinds{data::organisation_kinds_tsv_data};
};

const Lexicons& lexicons() {
    static const Lexicons instance;
    return instance;
}

// Whether `test` holds for one of the space-separated words of a data table's value.
template <class Test>
bool any_of_words(std::string_view words, Test&& test) {
    for (size_t at = 0; at < words.size();) {
        size_t next = words.find(' ', at);
        if (next == std::string_view::npos) next = words.size();
        if (test(words.substr(at, next - at))) return true;
        at = next + 1;
    }
    return false;
}

// The word lists name finding tests token after token, merged into one table so that each
// token is looked up once (Resolver::lists_).
enum ListBit : uint16_t {
    kHonorific = 1 << 0,
    kOrgWord = 1 << 1,
    kOpener = 1 << 2,
    kRoleNoun = 1 << 3,
    kNameModifier = 1 << 4,
    kNameParticle = 1 << 5,
    kDeterminer = 1 << 6,
    kAuxAdverb = 1 << 7,
    kDayName = 1 << 8,
    kNameSuffix = 1 << 9,
    kFormer = 1 << 10,
    kIndefinite = 1 << 11,
};

const text::FoldedMap<uint16_t>& list_table() {
    static const text::FoldedMap<uint16_t> instance = [] {
        text::FoldedMap<uint16_t> table;
        const auto& alex = attribution::Lexicon::get();
        const auto& lex = lexicons();
        const std::pair<const text::WordSet*, uint16_t> lists[] = {
            {&text::honorific_set(), kHonorific}, {&alex.org_words, kOrgWord},        {&text::opener_set(), kOpener},
            {&alex.role_nouns, kRoleNoun},        {&lex.name_modifiers, kNameModifier}, {&lex.name_particles, kNameParticle},
            {&lex.determiners, kDeterminer},      {&alex.aux_adverbs, kAuxAdverb},
            {&lex.day_names, kDayName},           {&lex.name_suffixes, kNameSuffix},
            {&lex.former_markers, kFormer},       {&lex.indefinite_openers, kIndefinite}};
        for (const auto& [list, bit] : lists) list->for_each([&, bit = bit](std::string_view w) { table[w] |= bit; });
        return table;
    }();
    return instance;
}

bool is_preposition(std::string_view w) {
    return w == "at" || w == "of" || w == "for" || w == "with" || w == "in" || w == "on" || w == "from" || w == "to";
}

using text::is_all_caps;

// "US-backed", "Kurdish-led": capitalised, but a modifier rather than part of a name.
// A mark that sets off an aside in a source: an em or en dash, or a dash typed as "--" or a
// spaced hyphen ("Deborah Reynolds - Santilli's girlfriend - told").
bool is_aside_mark(std::string_view w) { return w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "--" || w == "-"; }

bool is_hyphenated_modifier(std::string_view w) {
    size_t dash = w.rfind('-');
    return dash != std::string_view::npos && dash + 1 < w.size() && w[dash + 1] >= 'a' && w[dash + 1] <= 'z';
}

// Whether `name` ends with the word `w` ("Donald Trump", "Trump"): its surname.
bool ends_with_word(std::string_view name, std::string_view w) {
    return name.size() > w.size() && name.ends_with(w) && name[name.size() - w.size() - 1] == ' ';
}

// Whether `name` starts with the word `w` ("Hillary Clinton", "Hillary").
bool starts_with_word(std::string_view name, std::string_view w) {
    return name.size() > w.size() && name.starts_with(w) && name[w.size()] == ' ';
}

// Drops a possessive ending ("SDF’s", "Obama's").
std::string_view strip_possessive(std::string_view w) {
    if (w.ends_with("'s")) return w.substr(0, w.size() - 2);
    if (w.ends_with("\xE2\x80\x99s")) return w.substr(0, w.size() - 4);
    return w;
}

using text::ascii_lower;

std::string ascii_lowercase(std::string_view w) {
    std::string lowered(w);
    for (char& c : lowered) c = ascii_lower(c);
    return lowered;
}

std::string lower(std::string_view s) {
    char buffer[256];
    std::string_view folded = text::fold(s, buffer, sizeof buffer);
    return folded.empty() ? std::string(s) : std::string(folded);
}

// A map from views of the document's text to counts, compared byte for byte: open
// addressing in one array and the word lists' 8-byte hash, for the two per-document maps
// that see every capitalised word (std::unordered_map's hashing and node handling were a
// tenth of the stage).
class ViewCounts {
public:
    uint32_t& operator[](std::string_view key) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        const uint64_t hash = hash_of(key);
        Slot& s = slots_[find_slot(key, hash)];
        if (s.tag == 0) {
            s = Slot{key.data(), static_cast<uint32_t>(key.size()), tag_of(hash), 0};
            ++size_;
        }
        return s.count;
    }
    // The count of `key`, 0 when absent.
    uint32_t count(std::string_view key) const {
        if (slots_.empty()) return 0;
        const Slot& s = slots_[find_slot(key, hash_of(key))];
        return s.tag == 0 ? 0 : s.count;
    }
    bool contains(std::string_view key) const {
        return !slots_.empty() && slots_[find_slot(key, hash_of(key))].tag != 0;
    }
    // Room for `n` keys at once: growing from the smallest table by doubling, with a rehash
    // each time, cost more than the counting itself.
    void reserve(size_t n) {
        size_t slots = slots_.empty() ? 64 : slots_.size();
        while ((n + 1) * 2 > slots) slots *= 2;
        if (slots > slots_.size()) rehash(slots);
    }

private:
    struct Slot {
        const char* data = nullptr;
        uint32_t size = 0;
        uint32_t tag = 0;  // 0: empty
        uint32_t count = 0;
    };
    static uint64_t hash_of(std::string_view key) {
        uint64_t high_bits;
        return text::detail::hash_lowered(key, high_bits);
    }
    static uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1u; }
    size_t find_slot(std::string_view key, uint64_t hash) const {
        const size_t mask = slots_.size() - 1;
        const uint32_t tag = tag_of(hash);
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.tag == 0 || (s.tag == tag && std::string_view(s.data, s.size) == key)) return i;
        }
    }
    void grow() { rehash(slots_.empty() ? 64 : slots_.size() * 2); }
    void rehash(size_t slots) {
        std::vector<Slot> old(slots);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.tag != 0) {
                const std::string_view key(s.data, s.size);
                slots_[find_slot(key, hash_of(key))] = s;
            }
    }
    std::vector<Slot> slots_;
    size_t size_ = 0;
};

// The (entity, begin, end) of every mention added, so that a repeated mention is told in
// constant time: open addressing in one array (a std::set node per mention, and its tree
// walk, were most of add_mention).
class MentionKeys {
public:
    // Whether the key is new; adds it.
    bool insert(int entity, uint32_t begin, uint32_t end) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        const Key key{static_cast<uint32_t>(entity), begin, end};
        Slot& s = slots_[find_slot(key)];
        if (s.used) return false;
        s = Slot{key, true};
        ++size_;
        return true;
    }

private:
    struct Key {
        uint32_t entity = 0, begin = 0, end = 0;
        bool operator==(const Key&) const = default;
    };
    struct Slot {
        Key key;
        bool used = false;
    };
    size_t find_slot(const Key& key) const {
        const size_t mask = slots_.size() - 1;
        const uint64_t hash =
            text::detail::mix(((uint64_t{key.begin} << 32) | key.end) * 0x9E3779B97F4A7C15ull ^ key.entity);
        for (size_t i = hash & mask;; i = (i + 1) & mask)
            if (!slots_[i].used || slots_[i].key == key) return i;
    }
    void grow() {
        std::vector<Slot> old(slots_.empty() ? 64 : slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.used) slots_[find_slot(s.key)] = s;
    }
    std::vector<Slot> slots_;
    size_t size_ = 0;
};

struct NameMention {
    uint32_t first = 0, end = 0;  // tokens
    ByteSpan span;                // bytes, possessive excluded
    std::string_view honorific;   // "Mr", "Col" when one precedes the name
    std::string_view acronym;     // "SDF" when "(SDF)" follows
    // A capitalised title opening the run ("Health Minister Sara Quinn"): tokens
    // [title_first, first) name the person's role.
    uint32_t title_first = 0;
    bool has_title = false;
    int entity = -1;
};

class Resolver {
public:
    Resolver(std::string_view text, const text::Analysis& analysis, const std::vector<ingest::Link>& links,
             std::vector<Attribution>& attributions, std::vector<Entity>& entities)
        : text_(text), tokens_(analysis.tokens), analysis_(analysis), links_(links), attributions_(attributions),
          entities_(entities), alex_(attribution::Lexicon::get()), lex_(lexicons()) {
        lists_.assign(tokens_.size(), 0);
    }

    void run();

private:
    std::string_view text_;
    const std::vector<Token>& tokens_;
    const text::Analysis& analysis_;
    const std::vector<ingest::Link>& links_;
    std::vector<Attribution>& attributions_;
    std::vector<Entity>& entities_;
    const attribution::Lexicon& alex_;
    const Lexicons& lex_;

    // Per token: the ListBits of the lists holding its word, with kLooked once looked up.
    // Looked up on first use: only capitalised words and the words of sources are ever
    // asked about, and looking up every token was a tenth of the stage.
    mutable std::vector<uint16_t> lists_;
    static constexpr uint16_t kLooked = 1 << 15;
    bool in(uint32_t t, uint16_t list) const {
        const uint16_t bits = lists_[t];
        return ((bits & kLooked ? bits : look_up(t)) & list) != 0;
    }
    uint16_t look_up(uint32_t t) const {
        uint16_t bits = kLooked;
        if (tokens_[t].kind == TokenKind::Word)
            if (const uint16_t* found = list_table().find(word(t))) bits |= *found;
        return lists_[t] = bits;
    }

    // The node-based containers below allocate a node per element (a mention), a tenth of
    // the stage in malloc and free: their nodes come from one arena that lives as long as
    // the document's resolver and is released at once.
    std::pmr::monotonic_buffer_resource arena_{16384};
    std::vector<NameMention> names_;
    std::vector<bool> sentence_initial_;
    // Per token: whether it reads as part of a name (reads_as_name), worked out once, since
    // name finding asks it of most tokens several times.
    std::vector<uint8_t> name_token_;
    ViewCounts capitalized_mid_sentence_;  // how often each word is, past a sentence's start
    // Per token: a sentence opener never written in lowercase in the document, before another
    // capitalised word ("Northwind Bank cut rates."): the name's first word.
    std::vector<bool> opener_in_name_;
    void find_openers_in_names();
    // In a headline set in title case ("Ben Carson Just Dropped A Bombshell") capitals say
    // nothing, so there an ordinary English word is read as a name only where the article
    // capitalises it in running text too, or as the surname after a first name ("Glenn Beck").
    void drop_ordinary_headline_words();
    // Whether token `i` comes right after a first name that opens a name, or after such a
    // first name and a middle initial.
    bool follows_opening_first_name(uint32_t i) const {
        if (i < 1) return false;
        uint32_t first = i - 1;
        if (word(first) == "." && first >= 2 && word(first - 1).size() == 1 && tokens_[first - 1].capitalized) first -= 2;
        return is_name_token(first) && is_first_name(strip_possessive(word(first))) && !(first > 0 && is_name_token(first - 1));
    }
    // The lowercase noun a preposition follows in tokens [first, end) ("spokesman" in "a
    // spokesman for Bernie Sanders", "critics" in "critics of the plan"), or `end`.
    uint32_t noun_before_preposition(uint32_t first, uint32_t end) const {
        for (uint32_t t = first + 1; t + 1 < end; ++t)
            if (is_preposition(word(t)) && is_word(t - 1) && !tokens_[t - 1].capitalized && !in(t - 1, kDeterminer))
                return t - 1;
        return end;
    }
    bool reads_as_first_word(uint32_t t) const;
    // Whether the capitalised words from `t` hold an organisation's head word ("Marine Inc").
    bool opens_organisation_name(uint32_t t) const;
    // The organisation "the company" or "the newspaper" refers to: the nearest named before
    // token `before` whose name ends like one of its kind (data/organisation_kinds.tsv); -1.
    int named_organisation_of_kind(std::string_view noun, uint32_t before) const;
    std::vector<Gender> gender_;  // per entity
    // Entity mentions in text order, for pronoun antecedents: (byte offset, entity). A set,
    // so that it stays ordered as sources add mentions (sorting it per source was quadratic).
    std::pmr::set<std::pair<uint32_t, int>> mention_order_{&arena_};
    // Sources resolved so far, by where they start: (byte begin, byte end, speaker). A
    // relative pronoun inside one ("A council engineer, who asked not to be named, said")
    // refers to that source's speaker.
    std::pmr::set<std::tuple<uint32_t, uint32_t, int>> resolved_sources_{&arena_};
    MentionKeys mention_keys_;
    // How often each name text occurs among names_.
    ViewCounts name_text_count_;
    // How far back antecedent searches look: further than any article needs, and a bound,
    // so that a pronoun no mention fits costs the same in a 100 MB text as in an article.
    static constexpr size_t kMaxAntecedentMentions = 500;
    // How many of the latest entities a name or description is compared with: four times the
    // most any of the 840 PolNeAR articles has (255), and a bound, so that a document naming
    // a million different people costs per name what an article does (every name compared
    // with every entity was quadratic).
    static constexpr size_t kMaxEntitiesScanned = 1000;
    size_t first_recent_entity() const {
        return entities_.size() > kMaxEntitiesScanned ? entities_.size() - kMaxEntitiesScanned : 0;
    }
    std::span<const Entity> recent_entities() const {
        return std::span<const Entity>(entities_).subspan(first_recent_entity());
    }

    std::string_view word(uint32_t i) const { return text::token_text(text_, tokens_[i]); }
    std::string_view span_text(ByteSpan s) const { return text_.substr(s.begin, s.end - s.begin); }
    bool is_word(uint32_t i) const { return tokens_[i].kind == TokenKind::Word; }
    bool reads_as_name(uint32_t i) const {
        // ("Thursday’s meeting": a day's possessive is a day too.)
        return tokens_[i].kind == TokenKind::Word && tokens_[i].capitalized && !is_hyphenated_modifier(word(i)) &&
               !in(i, kDayName) && !lexicons().day_names.contains(strip_possessive(word(i)));
    }
    bool is_name_token(uint32_t i) const { return name_token_[i] != 0; }
    // A capitalised verb of saying in -s ("Says", "Slams", "Praises"): the cue lexicon knows
    // its lowercase form as a cue more often than not a third of the time.
    bool is_headline_verb(uint32_t i) const {
        const std::string_view w = word(i);
        if (w.size() < 4 || w.back() != 's' || w.ends_with("ss") || w.ends_with("us") || !tokens_[i].capitalized) return false;
        constexpr float kMinHeadlineCue = 0.3f;  // not the learned lexicon's noise ("reynolds", "sessions")
        const attribution::CueEntry* cue = alex_.cue(w);  // (the lexicon folds case itself)
        return cue && cue->probability >= kMinHeadlineCue;
    }
    // Whether the name token `next` after the title at `title` is a person's name the title
    // belongs to: an abbreviated title ("Gov.") inside the sentence, or a known first name
    // ("Justice Sonia"), so that title-case headlines ("President Of The") and titles that
    // are also ordinary words ("General Hospital") are left alone. A title that is also a role
    // noun ("Vice President Joe Biden") is left to the title reading, which gives a role.
    bool names_after_title(uint32_t title, uint32_t next) const {
        if (in(title, kRoleNoun) || in(next, kHonorific) || in(next, kOpener) || in(next, kOrgWord) ||
            sentence_initial_[next])
            return false;
        return next > title + 1 || is_first_name(strip_possessive(word(next)));
    }
    // The first name of the person a title with "of" in it belongs to, the title's "of" at
    // `of`: "Chief of Staff Denis McDonough", "Secretary of State John Kerry", "Speaker of the
    // House Rep. Paul Ryan" (up to three capitalised words after "of" and "the", then perhaps
    // an abbreviated title); 0 if no such name follows.
    uint32_t name_after_title_tail(uint32_t of) const {
        constexpr uint32_t kMaxTitleTail = 3;
        const uint32_t n = static_cast<uint32_t>(tokens_.size());
        if (word(of) != "of") return 0;
        uint32_t t = of + 1;
        if (t < n && word(t) == "the") ++t;
        const uint32_t tail_first = t;
        // (The tail's first word may look like a first name too: "of the Island Assembly …".)
        while (t < n && t - tail_first < kMaxTitleTail && is_name_token(t) && (t == tail_first || !is_first_name(word(t))) &&
               !in(t, kHonorific) && tokens_[t].newlines_before == 0)
            ++t;
        if (t == tail_first) return 0;
        // (After an abbreviated title any name will do: "… Rep. Ola Lind".)
        bool titled = false;
        if (t < n && in(t, kHonorific) && tokens_[t].newlines_before == 0) {
            titled = true;
            ++t;
            if (t < n && word(t) == ".") ++t;
        }
        const bool named = t + 1 < n && is_name_token(t) && (titled || is_first_name(word(t))) && is_name_token(t + 1) &&
                           tokens_[t].newlines_before == 0;
        return named ? t : 0;
    }
    // Index range of the names starting at tokens [first, end): names_ is in text order
    // and its names never overlap, so a binary search replaces a scan of every name.
    std::pair<size_t, size_t> names_starting_in(uint32_t first, uint32_t end) const {
        const auto by_first = [](const NameMention& m, uint32_t t) { return m.first < t; };
        const auto lo = std::lower_bound(names_.begin(), names_.end(), first, by_first);
        const auto hi = std::lower_bound(lo, names_.end(), std::max(first, end), by_first);
        return {static_cast<size_t>(lo - names_.begin()), static_cast<size_t>(hi - names_.begin())};
    }
    uint32_t token_at(uint32_t byte) const {
        auto it = std::lower_bound(tokens_.begin(), tokens_.end(), byte,
                                   [](const Token& t, uint32_t b) { return t.end <= b; });
        return static_cast<uint32_t>(it - tokens_.begin());
    }

    void find_names();
    void type_and_merge_names();
    void read_premodifier_roles();
    int entity_for_name(const NameMention& m, EntityType type);
    int find_or_add_entity(const NameMention& m, EntityType type);
    int add_entity(EntityType type, std::string name);
    void add_alias(int entity, std::string_view alias);
    // "Donald J. Trump" and "Donald Trump", "Hillary Rodham Clinton" and "Hillary Clinton":
    // the person entity whose name is this one with middle names added or taken away, when
    // exactly one such is in the article (the longer form then names it); -1 else.
    int same_person_with_middle_names(const NameMention& m);
    void add_mention(int entity, ByteSpan span);
    EntityType guess_type(const NameMention& m) const;
    // A name ending like a law's, a building's or a venue's (data/thing_heads.txt).
    bool names_thing(const NameMention& m) const;
    // A country or US state, or an outlet or platform, named alone (data/place_names.txt,
    // data/known_organisations.txt), unless it ends the name of a person of the article.
    bool is_listed_organisation(const NameMention& m) const;
    // "Green Bay, Wis.", "San Bernardino, Calif.": a state's AP abbreviation (the attribution
    // stage's period_abbreviations), a place like the states of data/place_names.txt.
    bool is_state_abbreviation(const NameMention& m) const;
    // An HTML link around exactly this name: the page itself marks it as an entity.
    bool is_link_anchor(ByteSpan span) const {
        return std::find(link_spans_.begin(), link_spans_.end(), span) != link_spans_.end();
    }
    // Only links to a tag or topic page say "this is an entity"; others link to articles.
    std::vector<ByteSpan> link_spans_;
    int resolve_source(Attribution& a);
    // The entity of a name used as (part of) a source, made on first use.
    int entity_of_mention(NameMention& m);
    // The nearest entity before `before` that a pronoun of `kind` can refer to, other than
    // `excluded` (the one the statement was made to: "he told Rubio" is not Rubio), nor a
    // name inside `own_content`, the statement the pronoun is the source of ("“Donald Trump
    // has his share of support in our district,” he said": not Trump).
    int resolve_pronoun(std::string_view kind, uint32_t before, int excluded = -1, ByteSpan own_content = {}) const;
    // Whether two people joined by "and" are named from the sentence before the one holding
    // byte `before` up to it, and the nearest organisation (at `nearest_at`) is not in that sentence.
    bool names_people_together(uint32_t before, uint32_t nearest_at) const;
    // The sentence holding byte `byte`.
    uint32_t sentence_at(uint32_t byte) const;
    int resolve_recipient(const Attribution& a);
    // `indefinite`: the phrase introduces someone ("a diplomacy chief who …"), so no earlier
    // person with its role is looked for.
    int resolve_description(uint32_t first, uint32_t end, uint32_t at, bool indefinite = false);
    // The state (data/us_states.tsv, its last word in lowercase) that token `t` names: by its
    // name, or, when `abbreviations`, by its abbreviation after a party or town; "" if none.
    std::string_view state_named_at(uint32_t t, bool abbreviations) const;
    // Whether a state other than `state`, and not `state` itself, is named close to one of
    // the person's mentions: "the Vermont senator" is not the senator from Arizona.
    bool from_other_state(int person, std::string_view state) const;
    // The entity "who" (no comma before it) refers to, when the phrase before it says; -1 else.
    int antecedent_of_who(uint32_t who);
    // The person an already resolved source ending at the comma `comma`, and holding the
    // byte `holding`, names; -1 when there is none.
    int person_of_source_ending_at(uint32_t comma, uint32_t holding) const;
    // A role of `person`, merged with one of the same title (which gains the organisation).
    void add_role(int person, std::string title, int org, bool former);
    // (`may_add_organisations`: whether a name not yet an entity may become the role's
    // organisation; not for names outside sources, which would add every place as one.)
    void read_roles(int person, uint32_t first, uint32_t head_first, uint32_t head_end, uint32_t end,
                    bool may_add_organisations = true);
    // The end of "of staff" after a role noun ending at `after_role`, or `after_role`.
    uint32_t role_complement_end(uint32_t after_role, uint32_t limit) const;
    int org_for_words(uint32_t first, uint32_t end, bool may_add = true);
};

void Resolver::find_names() {
    const size_t n = tokens_.size();
    sentence_initial_.assign(n, false);
    for (const auto& s : analysis_.sentences) {
        uint32_t first = s.first_token;
        while (first < s.end_token && tokens_[first].kind == TokenKind::Quote) ++first;
        if (first < s.end_token) sentence_initial_[first] = true;
    }
    name_token_.resize(n);
    size_t name_tokens = 0;
    for (uint32_t i = 0; i < n; ++i) {
        name_token_[i] = reads_as_name(i);
        name_tokens += name_token_[i];
    }
    capitalized_mid_sentence_.reserve(name_tokens);
    for (uint32_t i = 0; i < n; ++i)
        if (!sentence_initial_[i] && is_name_token(i)) ++capitalized_mid_sentence_[strip_possessive(word(i))];
    drop_ordinary_headline_words();
    find_openers_in_names();
    for (uint32_t i = 0; i < n; ++i) {
        if (!is_name_token(i)) continue;
        // The headline verb that ended the name before it opens no name ("Glenn Beck Blasts
        // Drudge": "Drudge", not "Blasts Drudge").
        if (i >= 2 && is_name_token(i - 1) && is_name_token(i - 2) && is_headline_verb(i)) continue;
        NameMention m;
        uint32_t start = i;
        if (in(i, kHonorific) && i + 1 < n) {
            uint32_t next = i + 1;
            if (word(next) == "." && next + 1 < n) ++next;
            if (is_name_token(next) && !in(next, kHonorific)) {
                m.honorific = word(i);
                start = next;
            } else if (is_name_token(next)) {
                start = next;  // "Lt. Gen. Smith": keep the innermost title only
                m.honorific = word(i);
                while (start < n && in(start, kHonorific) && start + 1 < n && is_name_token(start + 1)) {
                    m.honorific = word(start);
                    ++start;
                }
            } else {
                continue;
            }
        }
        // A capitalised sentence opener ("The", "In", "He", "Former") is not a name by itself:
        // a word capitalised only where sentences start is an ordinary word.
        bool ordinary_opener = sentence_initial_[start] && !capitalized_mid_sentence_.contains(word(start)) &&
                               !is_all_caps(word(start)) && !is_first_name(word(start)) &&
                               !in(start, kOrgWord) && !in(start, kHonorific) && !opener_in_name_[start];
        // (Nor is a preposition opening a run inside a title-case headline: "Skewered By Carly
        // Fiorina".)
        if (ordinary_opener || (sentence_initial_[start] && in(start, kOpener)) ||
            lex_.name_joiners.contains(word(start))) {
            if (start + 1 < n && is_name_token(start + 1) && tokens_[start + 1].space_before) {
                ++start;
            } else {
                i = start;
                continue;
            }
        }
        // "In June Trump said", "since March Sanders has": a month after a preposition is a date.
        if (start > 0 && lex_.months.contains(word(start)) && is_word(start - 1) &&
            (is_preposition(lower(word(start - 1))) || in(start - 1, kDeterminer) || lower(word(start - 1)) == "since" ||
             lower(word(start - 1)) == "until" || lower(word(start - 1)) == "by" || lower(word(start - 1)) == "last")) {
            if (start + 1 < n && is_name_token(start + 1) && tokens_[start + 1].newlines_before == 0) {
                ++start;
            } else {
                i = start;
                continue;
            }
        }
        // "Secretary of State John Kerry", "Chief of Staff Katie Walsh": the capitalised words
        // between a title's "of" and a known first name finish the title; the name starts at
        // the first name (it was "State John Kerry").
        // ("Speaker of the House Paul Ryan": after "of the", too.)
        if (const uint32_t of = start >= 3 && word(start - 1) == "the" ? start - 2 : start - 1;
            of >= 1 && start >= 2 && word(of) == "of" && tokens_[of - 1].capitalized && in(of - 1, kRoleNoun)) {
            if (const uint32_t name_first = name_after_title_tail(of); name_first > start) {
                start = name_first;
                // ("… Rep. Paul Ryan": the abbreviated title before the name is its honorific.)
                const uint32_t title = word(start - 1) == "." ? start - 2 : start - 1;
                if (in(title, kHonorific)) m.honorific = word(title);
            }
        }
        // "But Sen. Pat Toomey", "Vermont Sen. Bernie Sanders" at a sentence start: the title
        // after the opener.
        if (m.honorific.empty() && start != i && in(start, kHonorific)) {
            uint32_t next = start + 1;
            if (next < n && word(next) == ".") ++next;
            if (next < n && is_name_token(next) && names_after_title(start, next)) {
                m.honorific = word(start);
                start = next;
            }
        }
        uint32_t end = start + 1;
        bool org_like = in(start, kOrgWord);
        while (end < n) {
            // "Florida Gov. Jeb Bush", "Texas Sen. Ted Cruz": a title after a place is the
            // title of the name after it, and the place is not a name of its own.
            if (in(end, kHonorific) && m.honorific.empty()) {
                uint32_t next = end + 1;
                if (next < n && word(next) == ".") ++next;
                if (next < n && is_name_token(next) && names_after_title(end, next) &&
                    tokens_[next].newlines_before == 0) {
                    m.honorific = word(end);
                    start = next;
                    end = next + 1;
                    org_like = in(start, kOrgWord);
                    continue;
                }
            }
            // (A name never runs on over a line break: a headline's last words and the
            // paragraph after it are two names.)
            // ("Hillary Clinton Slams Donald Trump", "Donald Trump Praises Breitbart": in a
            // title-case headline a verb of saying in -s after a name of two words ends it.)
            if (is_name_token(end) && end - start >= 2 && !org_like && is_headline_verb(end)) break;
            // A middle initial that is also a word: "Richard A. Posner", "Samuel A. Alito Jr.".
            if (word(end).size() == 1 && tokens_[end].capitalized && tokens_[end].newlines_before == 0 && end + 2 < n &&
                word(end + 1) == "." && tokens_[end + 1].begin == tokens_[end].end && is_name_token(end + 2) &&
                tokens_[end + 2].newlines_before == 0 && !org_like) {
                end += 3;
                continue;
            }
            if (is_name_token(end) && !in(end, kOpener) && tokens_[end].newlines_before == 0) {
                org_like |= in(end, kOrgWord);
                ++end;
                continue;
            }
            auto w = word(end);
            // A middle initial: "Mikhail B. Pogrebinsky", "Lindsey O. Graham".
            if (w == "." && word(end - 1).size() == 1 && tokens_[end].begin == tokens_[end - 1].end && end + 1 < n &&
                is_name_token(end + 1) && tokens_[end + 1].newlines_before == 0) {
                end += 2;
                continue;
            }
            // "Department of Defence", "Council on Foreign Relations", "Coalition to Defeat ISIS"
            bool connector = (w == "of" || w == "on" || w == "for" || w == "to" || w == "and") && end + 1 < n &&
                             is_name_token(end + 1);
            if (connector && (org_like || in(end + 1, kOrgWord))) {
                ++end;
                continue;
            }
            // ("Council of the Great City Schools": "the" is no name token, so the test of
            // `connector` above does not hold here.)
            if ((w == "of" || w == "on") && end + 2 < n && word(end + 1) == "the" && is_name_token(end + 2) &&
                tokens_[end + 2].newlines_before == 0 && org_like) {
                end += 2;
                continue;
            }
            break;
        }
        // "former Pennsylvania Gov. and DNC Chairman Ed Rendell": a title ending the run names
        // no one ("Pennsylvania Gov" is nobody); the place before it is a name of its own.
        if (end > start + 1 && in(end - 1, kHonorific) && end < n && word(end) == "." &&
            tokens_[end].begin == tokens_[end - 1].end)
            --end;
        // "Chief of Staff Denis McDonough", "Speaker of the House Rep. Paul Ryan": a capitalised
        // role before such a title's "of" is the title's first word, no name of its own.
        if (end == start + 1 && m.honorific.empty() && in(start, kRoleNoun) && end < n && name_after_title_tail(end)) {
            i = end - 1;
            continue;
        }
        // "Donald Trump Jr.": a suffix's period is the name's.
        if (end > start + 1 && end < n && in(end - 1, kNameSuffix) && word(end) == "." &&
            tokens_[end].begin == tokens_[end - 1].end)
            ++end;
        // The possessive "’s" of the last word ends the name.
        for (uint32_t t = start; t < end; ++t)
            if (strip_possessive(word(t)).size() != word(t).size()) {
                end = t + 1;
                break;
            }
        // "Health Minister Sara Quinn", "Energy Secretary Mark Dale": the run up to its last
        // role noun is a title, the rest the name.
        // A party label before a name is not part of it ("Democrat Clinton"), but it is part of
        // an organisation's name ("Democratic Party", "Republican National Committee").
        bool organisation_name = false;
        for (uint32_t t = start + 1; t < end && !organisation_name; ++t) organisation_name = in(t, kOrgWord);
        while (!organisation_name && start + 1 < end && in(start, kNameModifier) && is_name_token(start + 1)) ++start;
        for (uint32_t t = end - 1; t > start; --t) {
            if (!in(t - 1, kRoleNoun)) continue;
            if (in(t, kNameSuffix)) break;  // "Martin Luther King Jr.": no title "King" before a name "Jr."
            // ("White House Chief of Staff Denis McDonough": the title runs on past its "of".)
            const uint32_t name_first = word(t) == "of" ? name_after_title_tail(t) : t;
            if (name_first == 0 || name_first >= end) break;
            if (!is_first_name(word(name_first)) && end - name_first < 2) break;
            m.has_title = true;
            m.title_first = start;
            start = name_first;
            break;
        }
        m.first = start;
        m.end = end;
        m.span = {tokens_[start].begin, tokens_[end - 1].begin +
                                            static_cast<uint32_t>(strip_possessive(word(end - 1)).size())};
        if (end + 2 < n && word(end) == "(" && word(end + 2) == ")" && is_all_caps(word(end + 1)))
            m.acronym = word(end + 1);
        names_.push_back(m);
        i = end - 1;
    }
}

void Resolver::drop_ordinary_headline_words() {
    // A headline: four words of more than three letters at least, all capitalised but for
    // prepositions and other words a headline leaves in lowercase ("Calls for Special
    // Prosecutor after Report Reveals …").
    constexpr uint32_t kMinHeadlineWords = 4;
    constexpr size_t kMinLongWord = 4;
    std::vector<uint8_t> title_case;
    std::vector<const text::Sentence*> candidates;
    for (const auto& s : analysis_.sentences) {
        uint32_t capitalised = 0;
        bool running_text = false;
        for (uint32_t t = s.first_token; t < s.end_token && !running_text; ++t) {
            if (!is_word(t) || word(t).size() < kMinLongWord) continue;
            capitalised += tokens_[t].capitalized;
            running_text = !tokens_[t].capitalized && !in(t, kOpener) && !is_preposition(word(t));
        }
        if (running_text || capitalised < kMinHeadlineWords) continue;
        if (title_case.empty()) title_case.assign(tokens_.size(), 0);
        std::fill(title_case.begin() + s.first_token, title_case.begin() + s.end_token, 1);
        candidates.push_back(&s);
    }
    if (candidates.empty()) return;
    // Capitalised in running text: more often past a sentence's start than in the headlines.
    ViewCounts in_headlines;
    for (const text::Sentence* s : candidates)
        for (uint32_t i = s->first_token; i < s->end_token; ++i)
            if (!sentence_initial_[i] && is_name_token(i)) ++in_headlines[strip_possessive(word(i))];
    std::string title_cased;
    const auto capitalised_elsewhere = [&](std::string_view w) {
        // ("TRUMP" in an all-capitals headline is the "Trump" of the text.)
        if (is_all_caps(w)) {
            title_cased.assign(w);
            for (size_t k = 1; k < title_cased.size(); ++k) title_cased[k] = ascii_lower(title_cased[k]);
            w = title_cased;
        }
        return capitalized_mid_sentence_.count(w) > in_headlines.count(w);
    };
    const auto ordinary = [&](uint32_t i) {
        // (Capitalised in running text, a word is a name there; otherwise only a word the
        // English word list does not know, "Carson" but not "Dropped" nor "Ferry".)
        const std::string_view w = strip_possessive(word(i));
        // ("Just", "Isn’t", "The": words of grammar are ordinary whatever the word list says.)
        if (in(i, kAuxAdverb) || in(i, kOpener) || in(i, kDeterminer)) return !capitalised_elsewhere(w);
        if (!text::is_english_word(w) || in(i, kHonorific) || lex_.place_names.contains(w)) return false;
        // (The surname after a first name that opens a name stays: "Glenn Beck Blasts
        // Drudge", "George W. Bush".)
        if (follows_opening_first_name(i) && !is_headline_verb(i)) return false;
        return !capitalised_elsewhere(w);
    };
    // A list of names is capitalised throughout too ("Chad Connelly, Chip Felkel, …"); a
    // headline has ordinary words among its capitals, one in seven of its long words at least.
    constexpr uint32_t kOrdinaryShare = 7;
    for (const text::Sentence* s : candidates) {
        uint32_t long_words = 0, ordinary_words = 0;
        for (uint32_t t = s->first_token; t < s->end_token; ++t) {
            if (!is_word(t) || word(t).size() < kMinLongWord) continue;
            ++long_words;
            ordinary_words += is_name_token(t) && ordinary(t);
        }
        if (ordinary_words * kOrdinaryShare < long_words) continue;
        // (Asked again, in order: a word dropped changes whether the next is a surname.)
        for (uint32_t t = s->first_token; t < s->end_token; ++t)
            if (is_name_token(t) && ordinary(t)) name_token_[t] = 0;
    }
}

// Whether the sentence opener `t`, before another capitalised word, may be the first word of
// a name rather than a description of it: not an ordinary English word ("Presumptive
// Republican nominee", "Comedian Sarah Silverman", "Continued Stone"), a listed opener,
// title or place ("Wisconsin Republican"), and not before a first name (unless an
// organisation's name goes on: "Varnholt Marine Inc.") or a group's name ("Several
// Democrats"), which start names of their own.
bool Resolver::reads_as_first_word(uint32_t t) const {
    // ("Pro-Islamic State forums": a hyphenated word is as ordinary as its first part.)
    auto first_part = [](std::string_view w) { return w.substr(0, w.find('-')); };
    const auto w = word(t);
    const auto next = word(t + 1);
    // (Only words in ASCII letters are judged: the word list is English, and "Ο Νίκος" opens
    // with the Greek article.)
    const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii && w.size() > 1 && !is_all_caps(w) && !is_all_caps(next) && !in(t, kOpener) && !in(t, kHonorific) && !in(t, kNameModifier) &&
           !lex_.place_names.contains(w) && !text::is_english_word(first_part(strip_possessive(w))) &&
           (!is_first_name(next) || opens_organisation_name(t + 1)) &&
           !lex_.group_names.contains(strip_possessive(next));
}

bool Resolver::opens_organisation_name(uint32_t t) const {
    constexpr uint32_t kMaxNameWords = 5;
    for (uint32_t k = t; k < tokens_.size() && k - t < kMaxNameWords && is_name_token(k); ++k)
        if (in(k, kOrgWord)) return true;
    return false;
}

void Resolver::find_openers_in_names() {
    const size_t n = tokens_.size();
    opener_in_name_.assign(n, false);
    std::vector<uint32_t> candidates;
    for (uint32_t t = 0; t + 1 < n; ++t)
        if (sentence_initial_[t] && is_name_token(t) && is_name_token(t + 1) && tokens_[t + 1].space_before &&
            tokens_[t + 1].newlines_before == 0 && !capitalized_mid_sentence_.contains(word(t)) &&
            reads_as_first_word(t))
            candidates.push_back(t);
    if (candidates.empty()) return;
    // Each distinct candidate word once, lowercased; only tokens whose first byte is a
    // candidate's are looked up (a hash of every word was a tenth of name finding).
    std::unordered_map<std::string, bool, text::TransparentHash, std::equal_to<>> lowercase_seen;
    std::vector<const bool*> seen_of_candidate;
    seen_of_candidate.reserve(candidates.size());
    std::array<bool, 256> first_bytes{};
    for (uint32_t t : candidates) {
        std::string lowered = ascii_lowercase(word(t));
        first_bytes[static_cast<unsigned char>(lowered[0])] = true;
        seen_of_candidate.push_back(&lowercase_seen.emplace(std::move(lowered), false).first->second);
    }
    for (uint32_t t = 0; t < n; ++t) {
        const auto& token = tokens_[t];
        if (token.capitalized || token.kind != TokenKind::Word ||
            !first_bytes[static_cast<unsigned char>(text_[token.begin])])
            continue;
        if (auto it = lowercase_seen.find(word(t)); it != lowercase_seen.end()) it->second = true;
    }
    for (size_t c = 0; c < candidates.size(); ++c) opener_in_name_[candidates[c]] = !*seen_of_candidate[c];
}

bool listed_as_organisation(std::string_view name) {
    return lexicons().place_names.contains(name) || lexicons().known_organisations.contains(name);
}

bool Resolver::is_state_abbreviation(const NameMention& m) const {
    return m.end - m.first == 1 && m.honorific.empty() && !in(m.first, kNameSuffix) &&
           alex_.period_abbreviations.contains(word(m.first)) && m.end < tokens_.size() && word(m.end) == ".";
}

bool Resolver::is_listed_organisation(const NameMention& m) const {
    if (is_state_abbreviation(m)) return true;
    const std::string_view name = span_text(m.span);
    if (m.end - m.first == 1 && is_all_caps(name)) return false;  // an organisation already ("POLITICO")
    if (!listed_as_organisation(name)) return false;
    // A lone word that ends a person's name in the article is that person ("Jordan" after
    // "Jim Jordan").
    if (m.end - m.first == 1)
        for (const auto& e : recent_entities())
            if (e.type == EntityType::Person && ends_with_word(e.name, name)) return false;
    return true;
}

EntityType Resolver::guess_type(const NameMention& m) const {
    std::string_view name = span_text(m.span);
    // A word without a possessive ending has its lists looked up already (kOrgWord is
    // org_words'); only "SDF's" needs a lookup of its stripped form.
    for (uint32_t t = m.first; t < m.end; ++t) {
        const std::string_view w = word(t), stripped = strip_possessive(w);
        if (stripped.size() == w.size() ? in(t, kOrgWord) : alex_.org_words.contains(stripped))
            return EntityType::Organisation;
    }
    if (m.end - m.first == 1 && is_all_caps(name)) return EntityType::Organisation;
    if (is_state_abbreviation(m)) return EntityType::Organisation;
    if (!m.honorific.empty()) return EntityType::Person;
    // "Democrats", "Nevada Democrats", "North Carolina", "Reuters": a group, or a place speaking
    // for its government, or an outlet.
    if (lexicons().group_names.contains(strip_possessive(word(m.end - 1)))) return EntityType::Group;
    // ("Democratic" alone, from "a Democratic pollster": a party word is its people, no one
    // person, unless a person is named with it, "Grant Green".)
    if (m.end - m.first == 1 && in(m.first, kNameModifier)) {
        bool surname = false;
        for (const auto& e : recent_entities()) surname |= e.type == EntityType::Person && ends_with_word(e.name, name);
        if (!surname) return EntityType::Group;
    }
    if (is_listed_organisation(m)) return EntityType::Organisation;
    if (name.starts_with("The ") && !sentence_initial_[m.first]) return EntityType::Organisation;
    if (names_thing(m)) return EntityType::Organisation;
    return EntityType::Person;
}

bool Resolver::names_thing(const NameMention& m) const {
    // (A first name and a surname that is such a word too are a person: "Lena Park".)
    if (m.end - m.first == 2 && is_first_name(word(m.first))) return false;
    return m.end - m.first >= 2 && m.honorific.empty() && lexicons().thing_heads.contains(strip_possessive(word(m.end - 1)));
}

int Resolver::add_entity(EntityType type, std::string name) {
    Entity e;
    e.type = type;
    e.name = std::move(name);
    entities_.push_back(std::move(e));
    Gender g = Gender::Unknown;
    if (type == EntityType::Person) {
        size_t space = entities_.back().name.find(' ');
        if (space != std::string::npos) g = first_name_gender(std::string_view(entities_.back().name).substr(0, space));
    }
    gender_.push_back(g);
    return static_cast<int>(entities_.size() - 1);
}

void Resolver::add_alias(int entity, std::string_view alias) {
    auto& e = entities_[entity];
    if (alias.empty() || alias == e.name) return;
    if (std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) e.aliases.emplace_back(alias);
}

void Resolver::add_mention(int entity, ByteSpan span) {
    if (!mention_keys_.insert(entity, span.begin, span.end)) return;
    entities_[entity].mentions.push_back(span);
    mention_order_.emplace(span.begin, entity);
}

Gender honorific_gender(std::string_view honorific) {
    const std::string_view* kind = lexicons().honorific_genders.find(honorific);
    if (!kind) return Gender::Unknown;
    return *kind == "m" ? Gender::Male : Gender::Female;
}

// Finds or creates the entity a name mention refers to. An honorific that says the
// person's sex ("Mr.", "Mrs.", "Ms.") gives a gender the first name did not ("Mr. Brafman":
// "she" is not him).
int Resolver::entity_for_name(const NameMention& m, EntityType type) {
    const int entity = find_or_add_entity(m, type);
    if (entity >= 0 && gender_[entity] == Gender::Unknown && entities_[entity].type == EntityType::Person &&
        !m.honorific.empty())
        gender_[entity] = honorific_gender(m.honorific);
    return entity;
}

int Resolver::find_or_add_entity(const NameMention& m, EntityType type) {
    std::string_view name = span_text(m.span);
    auto last_word = [](std::string_view s) {
        size_t space = s.rfind(' ');
        return space == std::string_view::npos ? s : s.substr(space + 1);
    };
    // An honorific that says the person's sex never joins one of the other ("Mr. Trump" and
    // "Mrs. Trump", the surname alias of both).
    const Gender honorific = m.honorific.empty() ? Gender::Unknown : honorific_gender(m.honorific);
    const auto other_sex = [&](size_t e) {
        return honorific != Gender::Unknown && gender_[e] != Gender::Unknown && gender_[e] != honorific;
    };
    for (size_t e = first_recent_entity(); e < entities_.size(); ++e) {
        const auto& entity = entities_[e];
        if (other_sex(e)) continue;
        if (entity.name == name) return static_cast<int>(e);
        for (const auto& alias : entity.aliases)
            if (alias == name) return static_cast<int>(e);
    }
    // A surname, or the end of a longer name ("Abdul Awwad" of "Mohammed Abdul Awwad"),
    // joins the full name it ends.
    bool single = name.find(' ') == std::string_view::npos;
    if (type == EntityType::Person && m.end - m.first >= 2)
        if (const int same = same_person_with_middle_names(m); same >= 0) return same;
    if (type == EntityType::Person) {
        // The full name the surname ends that the article has named most so far (the latest
        // of those, on a tie): "Trump" after "Donald Trump" and a first mention of "Ivanka
        // Trump" is still Donald Trump. But the one already called so with this honorific
        // first, and never one of the other sex ("Mr. Trump" after "Ivana Trump" is still
        // Donald J. Trump).
        std::string with_honorific;
        if (!m.honorific.empty()) with_honorific = std::string(m.honorific) + ' ' + std::string(name);
        int chosen = -1;
        for (size_t e = entities_.size(); e-- > first_recent_entity();) {
            const auto& entity = entities_[e];
            if (entity.type != EntityType::Person || entity.name.size() <= name.size() + 1 ||
                entity.name[entity.name.size() - name.size() - 1] != ' ' || !entity.name.ends_with(name))
                continue;
            if (other_sex(e)) continue;
            if (!with_honorific.empty() &&
                std::find(entity.aliases.begin(), entity.aliases.end(), with_honorific) != entity.aliases.end())
                return static_cast<int>(e);
            if (chosen < 0 || entity.mentions.size() > entities_[chosen].mentions.size()) chosen = static_cast<int>(e);
        }
        if (chosen >= 0) return chosen;
    }
    // A full name whose surname was seen alone before upgrades that entity, unless their
    // genders disagree ("Mr. Berg", then "Lena Berg": namesakes).
    const auto disagree = [&](size_t e) {
        const Gender first_name = first_name_gender(name.substr(0, name.find(' ')));
        return first_name != Gender::Unknown && gender_[e] != Gender::Unknown && gender_[e] != first_name;
    };
    if (!single && type == EntityType::Person) {
        for (size_t e = first_recent_entity(); e < entities_.size(); ++e) {
            auto& entity = entities_[e];
            if (entity.type == EntityType::Person && entity.name.find(' ') == std::string::npos &&
                entity.name == last_word(name) && !disagree(e)) {
                entity.aliases.push_back(entity.name);
                entity.name = std::string(name);
                // (A gender an honorific gave stays when the first name tells none.)
                if (const Gender g = first_name_gender(name.substr(0, name.find(' '))); g != Gender::Unknown) gender_[e] = g;
                return static_cast<int>(e);
            }
        }
    }
    return add_entity(type, std::string(name));
}

namespace {

// The word of `name` at byte `at` (words part at spaces and no-break spaces), moving `at`
// past it; empty at the end.
std::string_view next_name_word(std::string_view name, size_t& at) {
    const auto is_break = [&](size_t i) { return name[i] == ' ' || name.compare(i, 2, "\xC2\xA0") == 0; };
    while (at < name.size() && is_break(at)) at += name[at] == ' ' ? 1 : 2;
    const size_t begin = at;
    while (at < name.size() && !is_break(at)) ++at;
    return name.substr(begin, at - begin);
}

struct NameShape {
    std::string_view first, last;
    size_t words = 0;
};

NameShape shape_of(std::string_view name) {
    NameShape shape;
    size_t at = 0;
    for (std::string_view w = next_name_word(name, at); !w.empty(); w = next_name_word(name, at)) {
        if (shape.words++ == 0) shape.first = w;
        shape.last = w;
    }
    return shape;
}

bool same_words(std::string_view a, std::string_view b) {
    size_t at_a = 0, at_b = 0;
    for (;;) {
        const std::string_view x = next_name_word(a, at_a), y = next_name_word(b, at_b);
        if (x != y) return false;
        if (x.empty()) return true;
    }
}

}  // namespace

int Resolver::same_person_with_middle_names(const NameMention& m) {
    const std::string_view name = span_text(m.span);
    const NameShape shape = shape_of(name);
    if (shape.words < 2 || in(m.end - 1, kNameSuffix)) return -1;
    // The person entities named with the same first and last word; one of the two names must
    // be those two words alone, and only one longer form may be in the article.
    int match = -1;
    size_t match_words = 0;
    for (size_t e = first_recent_entity(); e < entities_.size(); ++e) {
        const auto& entity = entities_[e];
        if (entity.type != EntityType::Person) continue;
        const NameShape other = shape_of(entity.name);
        if (other.words < 2 || other.first != shape.first || other.last != shape.last) continue;
        if (other.words == shape.words) {
            if (!same_words(entity.name, name)) return -1;  // "George W. Bush", "George H.W. Bush": two people
            // ("Donald\u00A0Trump" is "Donald Trump", named with the plain space.)
            if (entity.name.find("\xC2\xA0") != std::string::npos && name.find("\xC2\xA0") == std::string_view::npos) {
                entities_[e].aliases.push_back(entity.name);
                entities_[e].name = std::string(name);
            }
            return static_cast<int>(e);
        }
        if (std::min(other.words, shape.words) != 2) return -1;
        if (match >= 0) return -1;  // "George Bush" after both of them: either one
        match = static_cast<int>(e);
        match_words = other.words;
    }
    if (match < 0) return -1;
    // The longest full form names the entity; the other is an alias.
    auto& entity = entities_[match];
    if (shape.words > match_words) {
        entity.aliases.push_back(entity.name);
        entity.name = std::string(name);
    } else {
        add_alias(match, name);
    }
    return match;
}

void Resolver::type_and_merge_names() {
    // Names are moved to names_ one by one as they are typed; a split name's second part is
    // typed next. (Inserting it into names_ in place was quadratic in the number of splits.)
    std::vector<NameMention> input;
    input.swap(names_);
    names_.reserve(input.size());
    std::optional<NameMention> split_rest;
    for (size_t next = 0; split_rest || next < input.size();) {
        NameMention current = split_rest ? *split_rest : input[next++];
        split_rest.reset();
        // A run that starts with a name already known and goes on ("The National US forces"
        // in "told The National US forces will …") is that name followed by another.
        for (const auto& e : recent_entities()) {
            std::string_view run = span_text(current.span);
            if (run.size() <= e.name.size() + 1 || run[e.name.size()] != ' ' || !run.starts_with(e.name)) continue;
            NameMention rest = current;
            uint32_t cut = current.first;
            while (cut < current.end && tokens_[cut].end <= current.span.begin + e.name.size()) ++cut;
            if (cut == current.first || cut >= current.end) continue;
            // ("Council of the Great City Schools" goes on with its "of"; "House and Senate" is
            // one name or two, the second after "and"; a run ending with its joiner, the next
            // name after a line break, ends before it.)
            const auto joiner = word(cut);
            const bool joins = joiner == "of" || joiner == "on" || joiner == "for" || joiner == "to" ||
                               joiner == "the" || joiner == "and" || joiner == "&";
            const auto end_current_at_cut = [&] {
                --name_text_count_[run];
                current.end = cut;
                current.span.end = tokens_[cut - 1].end;
                current.acronym = {};
                ++name_text_count_[span_text(current.span)];
            };
            if (joins && cut + 1 == current.end) {
                end_current_at_cut();
                break;
            }
            if (joins && joiner != "and" && joiner != "&") continue;
            const uint32_t rest_first = joins ? cut + 1 : cut;
            // ("Trayvon Martin Foundation": a name that goes on with an organisation word is
            // the organisation's.)
            bool org_rest = true;
            for (uint32_t t = rest_first; t < current.end && org_rest; ++t) org_rest = in(t, kOrgWord);
            if (org_rest) continue;
            end_current_at_cut();
            rest.first = rest_first;
            rest.span.begin = tokens_[rest_first].begin;
            rest.honorific = {};
            ++name_text_count_[span_text(rest.span)];
            split_rest = rest;
            break;
        }
        names_.push_back(current);
        auto& m = names_.back();
        std::string_view name = span_text(m.span);
        EntityType type = guess_type(m);
        bool single = m.end - m.first == 1;
        bool known_first_name = !single && is_first_name(word(m.first)) && !in(m.first, kNameParticle);
        // (A place or outlet is an entity only when a source needs it, as before it was typed.)
        bool confident = (type == EntityType::Organisation && !is_listed_organisation(m) && !names_thing(m)) ||
                         !m.honorific.empty() || (known_first_name && !names_thing(m)) || m.has_title || is_link_anchor(m.span);
        if (!confident) {
            // Unknown words (places, products) become entities only when a name already
            // known ends with them (a surname) or a source later needs them.
            bool surname_of_known = false;
            for (const auto& e : recent_entities())
                if (e.type == EntityType::Person && ends_with_word(e.name, name)) surname_of_known = true;
            if (!surname_of_known) continue;
        }
        m.entity = entity_for_name(m, type);
        add_mention(m.entity, m.span);
        if (!m.honorific.empty()) {
            std::string alias(m.honorific);
            alias += ' ';
            alias += name;
            add_alias(m.entity, alias);
            // "Sen. Bernie Sanders": a title that says what the person is is a role
            // (data/title_roles.tsv), former after "former".
            if (const std::string_view* role = lex_.title_roles.find(m.honorific);
                role && entities_[m.entity].type == EntityType::Person) {
                uint32_t title = m.first > 0 ? m.first - 1 : 0;
                if (title > 0 && word(title) == ".") --title;
                const bool former = title > 0 && in(title - 1, kFormer);
                add_role(m.entity, std::string(*role), -1, former);
            }
        }
        if (!m.acronym.empty()) add_alias(m.entity, m.acronym);
        if (m.has_title && entities_[m.entity].type == EntityType::Person) {
            // "Mondelez CEO Irene Rosenfeld": the role words make the title (acronyms keep
            // their case), a name before them the organisation.
            uint32_t role_first = m.first;
            // ("White House Chief of Staff Denis McDonough": the title runs from its role noun
            // through "of".)
            for (uint32_t t = m.first; t >= m.title_first + 2; --t)
                if (word(t - 1) == "of" && in(t - 2, kRoleNoun)) {
                    role_first = t - 2;
                    break;
                }
            while (role_first > m.title_first && in(role_first - 1, kRoleNoun)) --role_first;
            std::string title;
            for (uint32_t t = role_first; t < m.first; ++t) {
                if (!title.empty()) title += ' ';
                title += is_all_caps(word(t)) ? std::string(word(t)) : lower(word(t));
            }
            int org = -1;
            if (role_first > m.title_first && !in(m.title_first, kNameModifier)) {
                NameMention org_name = m;
                org_name.first = m.title_first;
                org_name.end = role_first;
                org_name.span = {tokens_[m.title_first].begin, tokens_[role_first - 1].end};
                org_name.honorific = {};
                org_name.acronym = {};
                org_name.has_title = false;
                // Only a name that reads as an organisation ("Mondelez", "Energy Department"),
                // not a descriptive word ("Health Minister").
                std::string_view org_text = span_text(org_name.span);
                bool named_elsewhere = is_all_caps(org_text) || in(role_first - 1, kOrgWord);
                if (!named_elsewhere) {
                    const uint32_t others = name_text_count_.count(org_text);
                    named_elsewhere = others > (span_text(m.span) == org_text ? 1u : 0u);
                }
                if (named_elsewhere) {
                    org = entity_for_name(org_name, EntityType::Organisation);
                    add_mention(org, org_name.span);
                }
            }
            if (org < 0) {
                std::string prefix;
                for (uint32_t t = m.title_first; t < role_first; ++t)
                    if (!in(t, kNameModifier)) prefix += lower(word(t)) + " ";
                title = title.empty() && !prefix.empty() ? prefix.substr(0, prefix.size() - 1) : prefix + title;
            }
            bool known = false;
            for (const auto& r : entities_[m.entity].roles) known |= r.title == title;
            if (!known) entities_[m.entity].roles.push_back({title, org, false});
        }
    }
    // Acronyms used alone ("the SDF") now find their definition (the last entity with
    // that alias, looked up rather than searched for each name).
    std::pmr::unordered_map<std::string_view, int> alias_owner{&arena_};
    for (size_t e = 0; e < entities_.size(); ++e)
        for (const auto& alias : entities_[e].aliases) alias_owner[alias] = static_cast<int>(e);
    for (auto& m : names_) {
        if (m.entity >= 0) continue;
        const auto owner = alias_owner.find(span_text(m.span));
        if (owner != alias_owner.end()) m.entity = owner->second;
        if (m.entity >= 0) add_mention(m.entity, m.span);
    }
}

uint32_t Resolver::sentence_at(uint32_t byte) const {
    const auto& sentences = analysis_.sentences;
    const auto after = std::upper_bound(sentences.begin(), sentences.end(), byte, [&](uint32_t b, const text::Sentence& s) {
        return s.first_token < tokens_.size() && b < tokens_[s.first_token].begin;
    });
    return static_cast<uint32_t>(after == sentences.begin() ? 0 : after - sentences.begin() - 1);
}

bool Resolver::names_people_together(uint32_t before, uint32_t nearest_at) const {
    // "Anna Berg and Tomas Ek met the port authority. They said …": "they" are the two people,
    // whom no one entity stands for, not the organisation named after them. (Not when that
    // organisation is in the pronoun's own sentence: "The authority, they said, …".)
    const uint32_t own_sentence = sentence_at(before);
    const uint32_t from_sentence = own_sentence > 0 ? own_sentence - 1 : 0;
    if (nearest_at >= tokens_[analysis_.sentences[own_sentence].first_token].begin && nearest_at < before) return false;
    const uint32_t from = tokens_[analysis_.sentences[from_sentence].first_token].begin;
    uint32_t previous_person_end = 0;
    for (auto it = mention_order_.lower_bound({from, INT_MIN}); it != mention_order_.end() && it->first < before; ++it) {
        const Entity& e = entities_[it->second];
        if (e.type != EntityType::Person) {
            previous_person_end = 0;
            continue;
        }
        if (previous_person_end > 0) {
            std::string_view between = text_.substr(previous_person_end, it->first - previous_person_end);
            while (!between.empty() && (between.front() == ' ' || between.front() == ',')) between.remove_prefix(1);
            while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
            // (A title may come before the second name: "Anna Berg and Governor Tomas Ek".)
            if (between == "and") return true;
            if (between.starts_with("and ")) {
                between.remove_prefix(4);
                const uint32_t first_after = token_at(previous_person_end - 1) + 2;  // past "and"
                bool only_titles = true;
                for (uint32_t t = first_after; t < tokens_.size() && tokens_[t].begin < it->first && only_titles; ++t)
                    only_titles = tokens_[t].capitalized || word(t) == ".";
                if (only_titles && !between.empty()) return true;
            }
        }
        previous_person_end = 0;
        for (const ByteSpan& m : e.mentions)
            if (m.begin == it->first) previous_person_end = m.end;
    }
    return false;
}

int Resolver::resolve_pronoun(std::string_view kind, uint32_t before, int excluded, ByteSpan own_content) const {
    if (kind == "s") return -1;  // "I", "we", "you": the writer or the reader
    const auto fits = [&](int entity) {
        const Entity& e = entities_[entity];
        if (kind == "o" || kind == "g") return e.type != EntityType::Person;
        if (e.type != EntityType::Person) return false;
        if (kind == "m" && gender_[entity] == Gender::Female) return false;
        if (kind == "f" && gender_[entity] == Gender::Male) return false;
        return true;
    };
    size_t looked = 0;
    int nearest = -1;
    uint32_t nearest_at = 0;
    for (auto it = mention_order_.lower_bound({before, INT_MIN});
         it != mention_order_.begin() && looked++ < kMaxAntecedentMentions;) {
        auto [at, entity] = *--it;
        if (entity == excluded || (own_content.begin <= at && at < own_content.end)) continue;
        if (!fits(entity)) continue;
        nearest = entity;
        nearest_at = at;
        break;
    }
    if (kind == "g" && names_people_together(before, nearest_at)) return -1;
    if (nearest < 0 || kind == "o" || kind == "g") return nearest;
    // "Mr. Hoenlein described the leaders' meeting with Mr. Obama. “…,” he recalled.": a
    // person in the sentence before is that sentence's first speaker, or else the first person
    // it names (its subject, most often), not the last.
    // (Only for the sentence right before: further back, the nearest is the likelier, unless
    // the sentence before has a speaker of its own, named by a pronoun: "He said …. “…,” he
    // said.")
    const uint32_t sentence = sentence_at(nearest_at), own_sentence = sentence_at(before);
    if (sentence == own_sentence || own_sentence == 0) return nearest;
    const auto& s = analysis_.sentences[own_sentence - 1];
    const uint32_t sentence_begin = tokens_[s.first_token].begin, sentence_end = tokens_[s.end_token - 1].end;
    // The main clause: after the comma that closes an opening subordinate clause ("When Trump
    // suggested …, Rubio fired back", "Asked by Stephanopoulos …, Carson said").
    uint32_t main_begin = sentence_begin;
    if (const uint32_t opener = s.first_token;
        alex_.subordinators.contains(word(opener)) || text::equals_ascii_folded(word(opener), "asked"))
        for (uint32_t t = opener + 1; t < s.end_token; ++t)
            if (word(t) == ",") {
                main_begin = tokens_[t].end;
                break;
            }
    // Its first speaker, from the main clause first: the main clause's comes before those of
    // clauses inside it ("Carson turned the story back on the Post, pointing out that the
    // paper's Robert Costa had reported …").
    const uint32_t starts[] = {main_begin, sentence_begin};
    const std::span<const uint32_t> froms(starts, main_begin == sentence_begin ? 1 : 2);
    for (const uint32_t from : froms)
        for (auto it = resolved_sources_.lower_bound({from, 0, INT_MIN});
             it != resolved_sources_.end() && std::get<0>(*it) < sentence_end; ++it)
            if (const int speaker = std::get<2>(*it); speaker >= 0 && speaker != excluded && fits(speaker)) return speaker;
    if (sentence + 1 != own_sentence) return nearest;
    for (const uint32_t from : froms)
        for (auto it = mention_order_.lower_bound({from, INT_MIN}); it != mention_order_.end() && it->first <= nearest_at; ++it)
            if (it->second != excluded && !(own_content.begin <= it->first && it->first < own_content.end) && fits(it->second))
                return it->second;
    return nearest;
}

// The organisation named by the words [first, end): a name mention among them, or a
// lowercase organisation noun ("coalition") matched against known organisations.
int Resolver::org_for_words(uint32_t first, uint32_t end, bool may_add) {
    const auto [lo, hi] = names_starting_in(first, end);
    for (size_t k = lo; k < hi; ++k) {
        const auto& m = names_[k];
        if (m.end <= end && m.entity >= 0 && entities_[m.entity].type != EntityType::Person) return m.entity;
    }
    for (size_t k = lo; k < hi && may_add; ++k) {
        const auto& m = names_[k];
        if (m.end <= end && m.entity < 0) {
            NameMention copy = m;
            int e = entity_for_name(copy, EntityType::Organisation);
            add_mention(e, m.span);
            return e;
        }
    }
    for (uint32_t t = first; t < end; ++t) {
        if (tokens_[t].capitalized || !in(t, kOrgWord)) continue;
        std::string noun = lower(word(t));
        for (size_t e = first_recent_entity(); e < entities_.size(); ++e)
            // (An organisation, not a group described with the noun: "campaign staffers".)
            if (entities_[e].type == EntityType::Organisation && lower(entities_[e].name).find(noun) != std::string::npos)
                return static_cast<int>(e);
    }
    return -1;
}

// Roles from pre-modifiers ("Former coalition spokesman Col Myles Caggins") and from an
// apposition ("…, currently a military fellow at the Council on Foreign Relations").
void Resolver::add_role(int person, std::string title, int org, bool former) {
    if (title.empty()) return;
    auto& roles = entities_[person].roles;
    for (auto& r : roles)
        if (r.title == title && (r.organisation == org || org < 0 || r.organisation < 0)) {
            if (r.organisation < 0) r.organisation = org;
            r.former |= former;  // ("former coalition spokesman", however it was read first)
            return;
        }
    roles.push_back({std::move(title), org, former});
}

uint32_t Resolver::role_complement_end(uint32_t after_role, uint32_t limit) const {
    // "chief | of staff": "of" and a word that finishes the title, lowercase.
    // (Not a word modifying a longer phrase: "director of state campaigns".)
    const uint32_t end = after_role + 2;
    const bool modifies_more = end < tokens_.size() && is_word(end) && !tokens_[end].capitalized && !is_preposition(word(end)) &&
                               word(end) != "and";
    if (after_role + 1 < limit && word(after_role) == "of" && is_word(after_role + 1) && !tokens_[after_role + 1].capitalized &&
        !modifies_more && lex_.role_complements.contains(lower(word(after_role + 1))))
        return end;
    return after_role;
}

// "State Department spokesman John Kirby spoke …", "former secretary of state Hillary
// Clinton": a lowercase role before a name says what the person is wherever the name stands,
// not only in a source, so that "the spokesman" later finds the person.
void Resolver::read_premodifier_roles() {
    constexpr uint32_t kMaxPremodifierTokens = 8;
    for (const auto& m : names_) {
        if (m.entity < 0 || entities_[m.entity].type != EntityType::Person) continue;
        // "Former Secretary of State Hillary Clinton": a capitalised title with its "of" that
        // the name finder left before the name.
        if (const uint32_t of = m.first >= 3 ? m.first - 2 : 0; of > 0 && word(of) == "of" && tokens_[of + 1].capitalized &&
                                                               in(of - 1, kRoleNoun) && tokens_[of - 1].capitalized) {
            const bool former = of >= 2 && in(of - 2, kFormer);
            add_role(m.entity, lower(word(of - 1)) + " of " + lower(word(of + 1)), -1, former);
            continue;
        }
        uint32_t head_first = m.has_title ? m.title_first : m.first;
        if (!m.honorific.empty()) {  // "Sen. Bernie Sanders": the roles stand before the title
            if (head_first > 0 && word(head_first - 1) == ".") --head_first;
            if (head_first > 0) --head_first;
        }
        uint32_t first = head_first;
        bool role = false;
        while (first > 0 && head_first - first < kMaxPremodifierTokens) {
            const uint32_t t = first - 1;
            if (!is_word(t) || tokens_[first].newlines_before > 0 || in(t, kDeterminer)) break;
            // (A capitalised word before the role is whom it serves, "State Department", and so
            // is a lowercase organisation word, "former coalition spokesman".)
            const std::string_view w = word(t);
            if (!tokens_[t].capitalized && in(t, kRoleNoun)) role = true;
            else if (!in(t, kFormer) &&
                     !(tokens_[t].capitalized ? role
                                              : w == "of" || lex_.role_complements.contains(w) || in(t, kOrgWord)))
                break;
            first = t;
        }
        if (role) read_roles(m.entity, first, head_first, m.end, m.end, false);
    }
}

void Resolver::read_roles(int person, uint32_t first, uint32_t head_first, uint32_t head_end, uint32_t end,
                          bool may_add_organisations) {
    auto add_role = [&](std::string title, int org, bool former) {
        this->add_role(person, std::move(title), org, former);
    };
    // Pre-modifiers: words before the name.
    {
        bool former = false;
        std::string title;
        uint32_t role_end = head_first;
        for (uint32_t t = first; t < head_first; ++t) {
            std::string w = lower(word(t));
            if (in(t, kFormer)) former = true;
            if (alex_.role_nouns.contains(w) && !tokens_[t].capitalized) {
                title = title.empty() ? w : title + " " + w;
                role_end = t + 1;
                if (const uint32_t complement_end = role_complement_end(role_end, head_first); complement_end > role_end) {
                    title += " of " + lower(word(complement_end - 1));
                    role_end = t = complement_end;
                    --t;
                }
            }
        }
        if (!title.empty()) add_role(title, org_for_words(first, role_end, may_add_organisations), former);
    }
    // Appositions after the name.
    uint32_t t = head_end;
    while (t < end) {
        if (word(t) == "," || word(t) == "(" || word(t) == ")" || is_aside_mark(word(t))) {
            ++t;
            continue;
        }
        uint32_t segment_end = t;
        while (segment_end < end && word(segment_end) != "," && word(segment_end) != ")" && !is_aside_mark(word(segment_end)))
            ++segment_end;
        // The role: the first role noun with the modifiers before it ("a military fellow").
        uint32_t role = t;
        while (role < segment_end && !(in(role, kRoleNoun) && !tokens_[role].capitalized)) ++role;
        if (role < segment_end) {
            bool former = false;
            uint32_t title_first = role;
            // (Nor past "as" or a relative pronoun: "who served as labor secretary" is a
            // labor secretary.)
            const auto ends_title = [&](uint32_t k) {
                const auto w = word(k);
                return w == "as" || w == "who" || w == "which" || w == "that" || w == "whom" || w == "whose";
            };
            while (title_first > t && is_word(title_first - 1) && !tokens_[title_first - 1].capitalized &&
                   !in(title_first - 1, kDeterminer) && !in(title_first - 1, kAuxAdverb) &&
                   !word(title_first - 1).ends_with("ly") && !is_preposition(word(title_first - 1)) &&
                   !ends_title(title_first - 1))
                --title_first;
            uint32_t title_end = role + 1;
            while (title_end < segment_end && in(title_end, kRoleNoun) && !tokens_[title_end].capitalized)
                ++title_end;
            title_end = std::max(title_end, role_complement_end(title_end, segment_end));
            for (uint32_t k = t; k < title_first; ++k)
                if (in(k, kFormer)) former = true;
            std::string title;
            for (uint32_t k = title_first; k < title_end; ++k) {
                if (!title.empty()) title += ' ';
                title += lower(word(k));
            }
            // A role names its organisation after "at/of/for" or before itself ("Twitter’s director").
            int org = org_for_words(title_end, segment_end, may_add_organisations);
            if (org < 0) org = org_for_words(t, title_first, may_add_organisations);
            add_role(title, org, former);
        }
        t = segment_end;
    }
}

// A source without a name: a role noun ("the SDF spokesman"), an organisation noun ("the
// committee") or a group ("officials", "critics of the plan").
namespace {

// Whether a description's head noun names a person who holds `title`: the title's own head
// ("the senator", "the deputy spokesman"), or a role in other words (data/role_equivalents.tsv:
// "the congresswoman" of a representative).
bool names_role(std::string_view head_word, std::string_view title) {
    if (title.ends_with(head_word)) return true;
    const std::string_view* equivalents = lexicons().role_equivalents.find(head_word);
    if (!equivalents) return false;
    return any_of_words(*equivalents, [&](std::string_view role) { return title.ends_with(role); });
}

}  // namespace

std::string_view Resolver::state_named_at(uint32_t t, bool abbreviations) const {
    std::string_view w = word(t);
    // ("R-Ariz.": a party and a state in one word.)
    const size_t hyphen = w.rfind('-');
    const bool after_party = hyphen != std::string_view::npos || (t > 0 && (word(t - 1) == "-" || word(t - 1) == ","));
    if (hyphen != std::string_view::npos) w.remove_prefix(hyphen + 1);
    const std::string_view* state = lex_.us_states.find(w);
    if (!state) return {};
    // An abbreviation only after a party or a town ("R-Miss.", "Jackson, Miss."): "Miss" and
    // "La" are other words too.
    if (!text::equals_ascii_folded(w, *state) && !(abbreviations && after_party)) return {};
    return *state;
}

bool Resolver::from_other_state(int person, std::string_view state) const {
    // The state a mention says the person is from: in the mention ("the Ohio senator"), before
    // its title ("Florida Sen. Marco Rubio"), after "of" ("Sen. Eva Holm of Vermont") or with
    // a party ("Sen. Joni Ernst, R-Iowa", "(R-Ariz.)"). Not any state near it: "Kasich, who
    // came second in New Hampshire".
    constexpr uint32_t kMaxTitleTokens = 3;
    bool other = false;
    const auto says = [&](std::string_view named) {
        if (named.empty()) return false;
        if (named == state) return true;
        other = true;
        return false;
    };
    for (const ByteSpan& m : entities_[person].mentions) {
        const uint32_t first = token_at(m.begin), last = token_at(m.end - 1);
        for (uint32_t t = first; t <= last; ++t)
            if (says(state_named_at(t, false))) return false;
        for (uint32_t t = first; t > 0 && first - t < kMaxTitleTokens;) {
            --t;
            if (!tokens_[t].capitalized && word(t) != ".") break;
            if (says(state_named_at(t, false))) return false;
        }
        uint32_t after = last + 1;
        if (after < tokens_.size() && (word(after) == "," || word(after) == "(")) ++after;
        if (after + 1 < tokens_.size() && word(after) == "of") ++after;
        if (after < tokens_.size() && says(state_named_at(after, word(after).find('-') != std::string_view::npos)))
            return false;
        // ("R-Ariz." may be three tokens: "R", "-", "Ariz".)
        if (after + 2 < tokens_.size() && word(after + 1) == "-" && says(state_named_at(after + 2, true))) return false;
    }
    return other;
}

int Resolver::resolve_description(uint32_t first, uint32_t end, uint32_t at, bool indefinite) {
    // "the Florida senator and Republican presidential candidate": one person with two roles
    // (no determiner after "and": not "the senator and his wife"), found by the first.
    for (uint32_t t = first + 1; t + 1 < end; ++t)
        if (word(t) == "and" && in(t - 1, kRoleNoun) && !in(t + 1, kDeterminer) && is_word(t + 1))
            return resolve_description(first, t, at, indefinite);
    // The head noun: the last word, or the noun a preposition follows ("a spokesman for the
    // campaign" is a spokesman).
    // "A reporter", "Every recent GOP nominee", "another spokesman": a phrase that introduces
    // someone, or speaks of many, is no one named before.
    indefinite |= in(first, kIndefinite);
    const uint32_t noun = noun_before_preposition(first, end);
    uint32_t head = noun < end ? noun : end - 1;
    std::string head_word = lower(strip_possessive(word(head)));
    uint32_t content_first = first;
    while (content_first < end && in(content_first, kDeterminer)) ++content_first;
    if (content_first >= end) return -1;
    std::string_view description =
        text_.substr(tokens_[content_first].begin, tokens_[end - 1].end - tokens_[content_first].begin);
    // "officials", "spokespeople": a plural role is a group of people, not one person ("she"
    // after "…, officials said" is someone else).
    const bool plural_role = head_word.ends_with("people") ||
                             (head_word.size() > 3 && head_word.ends_with('s') &&
                              alex_.role_nouns.contains(std::string_view(head_word).substr(0, head_word.size() - 1)));
    if (alex_.role_nouns.contains(head_word) && !plural_role) {
        int org = org_for_words(first, end);
        // ("A spokeswoman for Janney": whom the role serves is named, and is no organisation
        // the people of the article serve; someone new.)
        const auto [served_lo, served_hi] = names_starting_in(noun < end ? noun + 1 : end, end);
        const bool serves_named = served_lo < served_hi;
        // ("the Vermont senator": a state before the role.)
        std::string_view state;
        for (uint32_t t = content_first; t < head && state.empty(); ++t)
            if (tokens_[t].capitalized) state = state_named_at(t, false);
        // The person last introduced with this role (and organisation, when one is named).
        size_t looked = 0;
        for (auto it = mention_order_.lower_bound({tokens_[first].begin, INT_MIN});
             !indefinite && !(serves_named && org < 0) && it != mention_order_.begin() && looked++ < kMaxAntecedentMentions;) {
            int e = (--it)->second;
            if (entities_[e].type != EntityType::Person || (!state.empty() && from_other_state(e, state))) continue;
            for (const auto& role : entities_[e].roles)
                // ("secretary of state" is a secretary.)
                if (names_role(head_word, std::string_view(role.title).substr(0, role.title.find(" of "))) &&
                    (org < 0 || role.organisation == org || role.organisation < 0)) {
                    add_alias(e, span_text({tokens_[first].begin, tokens_[end - 1].end}));
                    return e;
                }
        }
        (void)at;
        int e = add_entity(EntityType::Person, std::string(description));
        if (org >= 0) entities_[e].roles.push_back({head_word, org, false});
        return e;
    }
    const bool definite = word(first) == "the" || word(first) == "The" || word(first) == "this" || word(first) == "This";
    if (definite && end - first == 2)
        if (const int named = named_organisation_of_kind(head_word, first); named >= 0) {
            add_alias(named, span_text({tokens_[first].begin, tokens_[end - 1].end}));
            return named;
        }
    if (alex_.org_words.contains(head_word)) {
        if (definite && end - first == 2) {
            size_t looked = 0;
            for (auto it = mention_order_.lower_bound({tokens_[first].begin, INT_MIN});
                 it != mention_order_.begin() && looked++ < kMaxAntecedentMentions;) {
                int e = (--it)->second;
                if (entities_[e].type == EntityType::Person) continue;
                if (lower(entities_[e].name).find(head_word) != std::string::npos) {
                    add_alias(e, span_text({tokens_[first].begin, tokens_[end - 1].end}));
                    return e;
                }
            }
        }
        for (size_t e = first_recent_entity(); e < entities_.size(); ++e)
            if (entities_[e].name == description) return static_cast<int>(e);
        return add_entity(EntityType::Organisation, std::string(description));
    }
    for (size_t e = first_recent_entity(); e < entities_.size(); ++e)
        if (entities_[e].name == description) return static_cast<int>(e);
    // "Trump Says He Never Pledged …" (a headline), "Hillary failed to mention …": a lone
    // capitalised word the name finder passed over where sentences start is the surname or
    // first name of the one person the article names in full with it.
    // (A full name of two to four capitalised words: not a headline taken for one.)
    const auto full_name = [](std::string_view name) {
        constexpr int kMaxNameWords = 4;
        int words = 0;
        for (size_t at = 0; at < name.size();) {
            const unsigned char c = static_cast<unsigned char>(name[at]);
            if (c < 0x80 && !(c >= 'A' && c <= 'Z')) return false;
            ++words;
            const size_t space = name.find(' ', at);
            at = space == std::string_view::npos ? name.size() : space + 1;
        }
        return words >= 2 && words <= kMaxNameWords;
    };
    if (end - content_first == 1 && tokens_[content_first].capitalized && !is_all_caps(description) &&
        strip_possessive(description).size() == description.size()) {
        // A surname first (a headline's "Holm Says" may read as a name too), then a first name.
        int by_surname = -1, by_first_name = -1;
        bool surnames_agree = true, first_names_agree = true;
        for (size_t e = first_recent_entity(); e < entities_.size(); ++e) {
            const auto& name = entities_[e].name;
            if (entities_[e].type != EntityType::Person || !full_name(name)) continue;
            const int person = static_cast<int>(e);
            if (ends_with_word(name, description)) {
                surnames_agree &= by_surname < 0;
                by_surname = person;
            } else if (starts_with_word(name, description)) {
                first_names_agree &= by_first_name < 0;
                by_first_name = person;
            }
        }
        if (by_surname >= 0) {
            if (surnames_agree) return by_surname;
        } else if (by_first_name >= 0 && first_names_agree) {
            return by_first_name;
        }
    }
    // ("Reuters said …" opening a sentence: a place or an outlet is an organisation.)
    if (listed_as_organisation(description)) return add_entity(EntityType::Organisation, std::string(description));
    return add_entity(EntityType::Group, std::string(description));
}

int Resolver::named_organisation_of_kind(std::string_view noun, uint32_t before) const {
    const std::string_view* kinds = lex_.organisation_kinds.find(noun);
    if (!kinds) return -1;
    // (An organisation whose name holds the noun itself is found by the caller: "the bank".)
    size_t looked = 0;
    for (auto it = mention_order_.lower_bound({tokens_[before].begin, INT_MIN});
         it != mention_order_.begin() && looked++ < kMaxAntecedentMentions;) {
        const int e = (--it)->second;
        if (entities_[e].type != EntityType::Organisation) continue;
        std::string_view name = entities_[e].name;
        if (lower(name).find(noun) != std::string::npos) return -1;
        while (!name.empty() && name.back() == '.') name.remove_suffix(1);
        const size_t space = name.rfind(' ');
        const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
        if (any_of_words(*kinds, [&](std::string_view kind) { return kind == last; })) return e;
    }
    return -1;
}

int Resolver::entity_of_mention(NameMention& m) {
    if (m.entity < 0) {
        EntityType type = guess_type(m);
        if (m.end - m.first == 1 && !in(m.first, kHonorific) && type == EntityType::Person && m.honorific.empty()) {
            // A lone capitalised word as a source: a surname or an organisation.
            type = is_all_caps(span_text(m.span)) ? EntityType::Organisation : EntityType::Person;
        }
        m.entity = entity_for_name(m, type);
        add_mention(m.entity, m.span);
    }
    return m.entity;
}

int Resolver::person_of_source_ending_at(uint32_t comma, uint32_t holding) const {
    const uint32_t before_comma = tokens_[comma - 1].end, after_comma = tokens_[comma].end;
    constexpr int kMaxLooked = 4;  // sources begin in text order; the one wanted is among the last
    auto it = resolved_sources_.lower_bound({before_comma, 0, INT_MIN});
    for (int looked = 0; it != resolved_sources_.begin() && looked < kMaxLooked; ++looked) {
        const auto& [begin, end, speaker] = *--it;
        if (end < before_comma || end > after_comma) continue;
        return speaker >= 0 && begin <= holding && entities_[speaker].type == EntityType::Person ? speaker : -1;
    }
    return -1;
}

int Resolver::antecedent_of_who(uint32_t who) {
    // The noun phrase before "who", from its determiner ("a retired general who"), past a
    // prepositional phrase after its head ("the billionaire owner of the Dallas Mavericks who").
    constexpr uint32_t kMaxPhraseTokens = 10;
    uint32_t phrase = who, head = who - 1;
    for (uint32_t t = who; t > 0 && who - t < kMaxPhraseTokens && is_word(t - 1) && !sentence_initial_[t];) {
        --t;
        // (An article or possessive: "former" and "late" are the phrase's own words.)
        if (!alex_.determiners.contains(word(t))) continue;
        phrase = t;
        if (t < 3 || !is_preposition(word(t - 1))) break;
        head = t - 2;  // the noun before the preposition; its own determiner is further back
    }
    if (phrase == who || who - phrase < 2) return -1;  // "those who" is no phrase
    // The person named right before `end` ("Gov. John Kasich of Ohio,": past where he is from).
    const auto mention_ending_at = [&](uint32_t end) -> NameMention* {
        const auto [lo, hi] = names_starting_in(0, end);
        return hi > lo && names_[hi - 1].end == end ? &names_[hi - 1] : nullptr;
    };
    const auto person_ending_at = [&](uint32_t end) -> int {
        NameMention* m = mention_ending_at(end);
        if (!m || (m->end - m->first == 1 && in(m->first, kOpener))) return -1;  // "This is a man who"
        if (m->first >= 2 && is_preposition(word(m->first - 1)))
            if (NameMention* before = mention_ending_at(m->first - 1)) m = before;
        const int entity = entity_of_mention(*m);
        return entities_[entity].type == EntityType::Person ? entity : -1;
    };
    // "Parker Eaton, a nominal Republican who voted for JFK": an apposition to a name.
    if (phrase >= 2 && word(phrase - 1) == ",") return person_ending_at(phrase - 1);
    // "Crenshaw is only the 17th judge who …": the subject the phrase is said of.
    if (phrase >= 2 && (word(phrase - 1) == "is" || word(phrase - 1) == "was")) return person_ending_at(phrase - 1);
    // "a retired general who suggested", "Republicans who say": the phrase itself, when its
    // head names people.
    if (in(head, kRoleNoun) && !tokens_[head].capitalized) {
        const bool indefinite = word(phrase) == "a" || word(phrase) == "an";
        return resolve_description(phrase, head + 1, tokens_[who].begin, indefinite);
    }
    return -1;
}

int Resolver::resolve_source(Attribution& a) {
    if (a.source.empty()) return -1;
    uint32_t first = token_at(a.source.begin);
    uint32_t end = token_at(a.source.end - 1) + 1;
    if (end - first > 1 && word(end - 1) == ",") --end;  // the comma closing an apposition
    if (first >= end) return -1;
    // "None of the candidates", "Three of his aides": the speaker is the group the quantifier
    // picks from, not a "None". (Not "most of them", "each of whom": the pronoun's antecedent
    // is not the group.)
    if (first + 2 < end && word(first + 1) == "of" && lex_.quantifiers.contains(word(first)) &&
        !lex_.pronouns.find(word(first + 2)) && !attribution::is_relative_pronoun_word(word(first + 2)))
        first += 2;
    // The head part: up to the first comma or bracket (appositions follow it).
    uint32_t head_end = first + 1;
    // (Or a relative clause without its comma: "a Mexican official who was not authorized …".)
    while (head_end < end && word(head_end) != "," && word(head_end) != "(" && !is_aside_mark(word(head_end)) &&
           !(word(head_end) != "that" && attribution::is_relative_pronoun_word(word(head_end))))
        ++head_end;
    // ("Those who …", "some who …": a determiner alone is no head; the clause says who.)
    bool determiners_only = true;
    for (uint32_t t = first; t < head_end && determiners_only; ++t) determiners_only = in(t, kDeterminer);
    if (determiners_only && head_end < end && word(head_end) != ",")
        while (head_end < end && word(head_end) != "," && word(head_end) != "(" && !is_aside_mark(word(head_end)))
            ++head_end;
    // "Edward Alden of the Council on Foreign Relations in Washington": the head is the
    // name before the first preposition outside a name.
    // ("Former Secretary of State Madeleine Albright": not the "of" of a title before the
    // person named at the end.)
    const auto [tail_lo, tail_hi] = names_starting_in(first, head_end);
    const bool title_then_name = tail_hi > tail_lo && names_[tail_hi - 1].end == head_end &&
                                 (is_first_name(word(names_[tail_hi - 1].first)) || !names_[tail_hi - 1].honorific.empty());
    // ("Fight for Fifteen organizing director Kendall Fells": nor a preposition inside the
    // organisation a role before the person's name belongs to.)
    const bool role_then_name = title_then_name && names_[tail_hi - 1].first > first &&
                                (in(names_[tail_hi - 1].first - 1, kRoleNoun) || names_[tail_hi - 1].has_title);
    for (uint32_t t = first + 1; t + 1 < head_end; ++t) {
        if (!is_preposition(word(t)) || !tokens_[t - 1].capitalized) continue;
        if (title_then_name && word(t) == "of" && in(t - 1, kRoleNoun) && names_[tail_hi - 1].first > t) continue;
        if (role_then_name && names_[tail_hi - 1].first > t + 1) continue;
        const size_t after = names_starting_in(0, t).second;  // names_[after - 1] starts before t
        const bool inside_name = after > 0 && t < names_[after - 1].end;
        if (!inside_name) {
            head_end = t;
            break;
        }
    }
    if (end - first == 1 && word(first) != "whose" && attribution::is_relative_pronoun_word(word(first))) {
        // "Collins, who had endorsed Bush, …": the name right before the comma.
        if (first >= 2 && word(first - 1) == ",") {
            const auto [lo, hi] = names_starting_in(0, first - 1);
            if (hi > lo && names_[hi - 1].end == first - 1) {
                // ("said Alfonso Aguilar, the director of the Latino Partnership for
                // Conservative Principles, who also said": when a source found already ends at
                // the comma, the name is in its apposition and "who" is the source's person.)
                if (word(first) == "who")
                    if (const int person = person_of_source_ending_at(first - 1, names_[hi - 1].span.begin); person >= 0)
                        return person;
                return entity_of_mention(names_[hi - 1]);
            }
            // "A council engineer, who asked not to be named, said": the source the relative
            // clause belongs to (the nearest that starts before it and takes it in).
            constexpr int kMaxEnclosingLooked = 4;
            auto it = resolved_sources_.lower_bound({a.source.begin, 0, INT_MIN});
            for (int looked = 0; it != resolved_sources_.begin() && looked < kMaxEnclosingLooked; ++looked) {
                const auto& [begin, source_end, speaker] = *--it;
                if (source_end >= a.source.end && speaker >= 0) return speaker;
            }
        }
        if (word(first) == "who" && first >= 1 && word(first - 1) != ",") {
            if (const int antecedent = antecedent_of_who(first); antecedent >= 0) return antecedent;
            // "people who oppose same-sex marriage", "voters who say", "those who": several
            // people no name stands for are whom "who" is; the nearest person is not. (A
            // singular stays with the nearest: "… racist, misogynist and birther who has
            // repeatedly pledged" is the man just named.)
            const auto before = word(first - 1);
            const bool plural = (before.size() > 3 && before.ends_with('s') && !before.ends_with("ss")) ||
                                alex_.collective_nouns.contains(before) || lex_.quantifiers.contains(before) ||
                                before == "those";
            if (is_word(first - 1) && !tokens_[first - 1].capitalized && !in(first - 1, kRoleNoun) && plural) return -1;
        }
        return resolve_pronoun(word(first) == "which" || word(first) == "Which" ? "o" : "p", a.source.begin,
                               a.recipient);
    }
    if (end - first == 1)  // ("They’ve already said": the pronoun of a fused clitic)
        if (const auto* kind = lex_.pronouns.find(attribution::without_clitic(word(first))))
            return resolve_pronoun(*kind, a.source.begin, a.recipient, a.content);
    // The last name in the head part, when the head part ends with it.
    const NameMention* head_name = nullptr;
    const auto [head_lo, head_hi] = names_starting_in(first, head_end);
    for (size_t k = head_lo; k < head_hi; ++k)
        if (auto& m = names_[k]; m.end <= head_end) {
            entity_of_mention(m);
            head_name = &m;
        }
    uint32_t last = head_end - 1;
    bool ends_with_name = head_name && (head_name->end == head_end || head_name->end == last + 1 ||
                                        (head_name->end == last && word(last) == ")"));
    // "A spokesman for Bernie Sanders", "the ex-wife of Alan Grayson": the name after a noun's
    // preposition is whom the speaker serves or belongs to, not the speaker.
    // (Not a title's own "of": "secretary of transport Eva Lind".)
    if (ends_with_name) {
        const uint32_t noun = noun_before_preposition(first, head_name->end);
        uint32_t name_first = head_name->has_title ? head_name->title_first : head_name->first;
        if (!head_name->has_title && !head_name->honorific.empty()) {  // "for Sen. Bernie Sanders"
            if (name_first > first && word(name_first - 1) == ".") --name_first;
            if (name_first > first) --name_first;
        }
        // (A share of a group speaks for it: "72 percent of Democrats".)
        if ((noun + 2 == name_first || (noun + 3 == name_first && in(noun + 2, kDeterminer))) &&
            !lex_.quantifiers.contains(word(noun)) &&
            !((lex_.message_nouns.contains(word(noun)) || alex_.evidence_nouns.contains(word(noun))) &&
              (word(noun + 1) == "from" || word(noun + 1) == "by")))
            ends_with_name = false;
    }
    // "A longtime JNF official, Howard Ingram": a role, then the name in apposition to it.
    uint32_t roles_first = head_name ? head_name->first - (head_name->honorific.empty() ? 0 : 1) : first;
    if (!ends_with_name && head_end < end && word(head_end) == ",") {
        const uint32_t segment = head_end + 1;
        uint32_t segment_end = segment;
        while (segment_end < end && word(segment_end) != "," && word(segment_end) != "(") ++segment_end;
        bool role_before = false;
        for (uint32_t t = first; t < head_end; ++t) role_before |= in(t, kRoleNoun) && !tokens_[t].capitalized;
        // ("A harbour electrician, Nora Falk,": any description with an article and no name.)
        role_before |= !head_name && in(first, kDeterminer);
        const auto [lo, hi] = names_starting_in(segment, segment_end);
        for (size_t k = lo; k < hi && role_before; ++k)
            // (The name may go on with where it is from: "Another spokeswoman, Lina Dahl of the
            // port office,".)
            if (auto& m = names_[k]; m.first == segment &&
                                     (m.end == segment_end || (m.end < segment_end && is_preposition(word(m.end)))) &&
                                     guess_type(m) == EntityType::Person) {
                if (m.entity < 0) {
                    m.entity = entity_for_name(m, EntityType::Person);
                    add_mention(m.entity, m.span);
                }
                head_name = &m;
                ends_with_name = true;
                roles_first = head_end;  // the role words stand before the comma
                head_end = segment_end;
                break;
            }
    }
    int entity;
    if (ends_with_name) {
        entity = head_name->entity;
        if (entities_[entity].type == EntityType::Person) read_roles(entity, first, roles_first, head_name->end, end);
    } else {
        entity = resolve_description(first, head_end, a.source.begin);
    }
    if (entity >= 0) {
        std::string_view mention = span_text({tokens_[first].begin, tokens_[head_end - 1].end});
        if (head_name && ends_with_name) {
            std::string_view name_text = span_text(head_name->span);
            if (name_text != entities_[entity].name) add_alias(entity, name_text);
        } else if (lex_.pronouns.find(mention) == nullptr) {
            add_alias(entity, mention);
        }
        add_mention(entity, {tokens_[first].begin, tokens_[head_end - 1].end});
    }
    return entity;
}

// The name heading the recipient mention ("Chris Cuomo of CNN", "The National", "Fox News
// anchor Megyn Kelly"); not a name that only modifies the people after it ("told Trump
// supporters", "Iowa voters").
int Resolver::resolve_recipient(const Attribution& a) {
    if (a.recipient_mention.empty()) return -1;
    uint32_t first = token_at(a.recipient_mention.begin);
    uint32_t end = token_at(a.recipient_mention.end - 1) + 1;
    const auto [lo, hi] = names_starting_in(first, end);
    for (size_t k = lo; k < hi; ++k) {
        auto& m = names_[k];
        if (m.end > end) continue;
        if (m.end < end && is_word(m.end) && !tokens_[m.end].capitalized && !is_preposition(word(m.end))) {
            const bool later_name = k + 1 < hi && names_[k + 1].end <= end;
            if (later_name) continue;
            const auto next = word(m.end);
            if (in(m.end, kRoleNoun) || (next.size() > 3 && next.ends_with('s') && !next.ends_with("ss"))) return -1;
        }
        if (m.entity < 0) {
            m.entity = entity_for_name(m, span_text(m.span).starts_with("The ") ? EntityType::Organisation : guess_type(m));
            add_mention(m.entity, m.span);
        }
        return m.entity;
    }
    return -1;
}

void Resolver::run() {
    entities_.clear();
    if (!links_.empty()) {
        text::OffsetIndex index(text_);
        for (const auto& link : links_)
            if (link.href.find("/tags/") != std::string::npos || link.href.find("/topics/") != std::string::npos ||
                link.href.find("/people/") != std::string::npos || link.href.find("/organizations/") != std::string::npos)
                link_spans_.push_back({index.to_byte(link.anchor.start), index.to_byte(link.anchor.end)});
    }
    find_names();
    name_text_count_.reserve(names_.size());
    for (const auto& m : names_) ++name_text_count_[span_text(m.span)];
    type_and_merge_names();
    read_premodifier_roles();
    // Sources in text order, so pronouns see the speakers before them.
    std::vector<size_t> order(attributions_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto position = [&](size_t i) {
        const auto& a = attributions_[i];
        return a.source.empty() ? a.content.begin : a.source.begin;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return position(x) < position(y); });
    for (size_t i : order) {
        auto& a = attributions_[i];
        if (a.continuation) continue;
        a.recipient = resolve_recipient(a);
        a.speaker = resolve_source(a);
        if (!a.source.empty()) resolved_sources_.emplace(a.source.begin, a.source.end, a.speaker);
    }
    for (auto& a : attributions_)
        if (a.continuation && a.continues >= 0) a.speaker = attributions_[a.continues].speaker;
    // Mentions in text order; a name inside a longer mention of the same entity ("Shami" in
    // "Mr Shami") is one mention, not two.
    for (auto& e : entities_) {
        std::sort(e.mentions.begin(), e.mentions.end(), [](const ByteSpan& x, const ByteSpan& y) {
            return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
        });
        std::vector<ByteSpan> kept;
        for (const auto& m : e.mentions)
            if (kept.empty() || m.begin >= kept.back().end) kept.push_back(m);
        e.mentions = std::move(kept);
    }
}

}  // namespace

void resolve(std::string_view text, const text::Analysis& analysis, const std::vector<ingest::Link>& links,
             std::vector<Attribution>& attributions, std::vector<Entity>& out) {
    Resolver(text, analysis, links, attributions, out).run();
}

}  // namespace qg::entities
