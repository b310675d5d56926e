// The keys cross-document merging compares: names and claims normalised so that spelling
// noise (curly apostrophes, doubled spaces, quotation mark styles, case) does not keep
// apart what is the same, while nothing weaker than a full name or an acronym joins people.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qg::graph {

// Whitespace collapsed, typographic apostrophes folded to ', ASCII case folded.
std::string name_key(std::string_view name);

// "SDF", "U.S.", "AT&T": two or more capitals, nothing lower-case, no space.
bool is_acronym(std::string_view name);

// Whether a name has a capitalised word besides a leading determiner: "US government" and
// "The National" do, "city council" and "the committee" (which name different bodies in
// different articles) do not.
bool is_proper_name(std::string_view name);

// The name without titles ("Col Myles Caggins" -> "Myles Caggins") when what is left is a
// full name: two or more words, the first and last capitalised. A bare surname, "Mr Shami"
// or "the SDF spokesman" gives nullopt.
std::optional<std::string> full_name(std::string_view name);

// The name without the titles before it ("Col Myles Caggins" -> "Myles Caggins",
// "Mr Caggins" -> "Caggins"), whatever is left.
std::string strip_titles(std::string_view name);

// The last word of a person's name with titles removed ("Ms Berg" -> "Berg").
std::string surname(std::string_view name);

// A claim's identity across documents: quotation marks removed whatever their style,
// case folded, whitespace collapsed, and the punctuation a quote ends with in running text
// (",", ".") trimmed, so “It is over,” and "it is over." are the same claim.
std::string claim_key(std::string_view content);

// What two entities of different documents must share to be merged: for a person, a full
// name (titles removed); for an organisation, its name when it is a proper name, or a
// defined acronym. Groups ("officials") never merge: two documents' officials are rarely
// the same people. Keys of different kinds never meet (they are prefixed).
//
// A full name with middle initials ("Donald J. Trump") is also the same person as the name
// without them ("Donald Trump"), as long as only one middle-initial form of that name is
// known: "George W. Bush" and "George H.W. Bush" are two people, and once both are known
// a bare "George Bush" joins neither (unless it already had). That takes keys that are only
// looked up (probes) or only recorded (marks) as well as the usual ones, which are both.
enum class MergeKind { Person, Organisation, Group };

struct MergeKey {
    enum class Use {
        Match,  // looked up, and recorded for the entity it ends in
        Probe,  // looked up, unless `unless` is recorded; never recorded
        Mark,   // recorded only; when another entity holds it, `on_conflict` is recorded instead
    };
    std::string key;
    std::string shown;  // the form shown in --explain
    bool from_alias = false;
    bool acronym = false;
    Use use = Use::Match;
    std::string unless;       // Probe
    std::string on_conflict;  // Mark
    bool middle_initials = false;  // the key joins a name with middle initials to one without
};

std::vector<MergeKey> merge_keys(MergeKind kind, const std::string& name, const std::vector<std::string>& aliases);

// Whether a key is looked up / recorded (Probe keys are not recorded, Mark keys not looked up).
inline bool is_looked_up(const MergeKey& k) { return k.use != MergeKey::Use::Mark; }
inline bool is_recorded(const MergeKey& k) { return k.use != MergeKey::Use::Probe; }

// The full name without its middle initials ("Donald J. Trump" -> "Donald Trump",
// "George H.W. Bush" -> "George Bush"), or nullopt when it has none.
std::optional<std::string> without_middle_initials(std::string_view full);

// Why an entity was merged through `key` into one that holds it (--explain).
std::string merge_reason(const MergeKey& key, bool other_from_alias);

}  // namespace qg::graph
