// The keys cross-document merging compares: names and claims normalised so that spelling
// noise (curly apostrophes, doubled spaces, quotation mark styles, case) does not keep
// apart what is the same, while nothing weaker than a full name or an acronym joins people.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

}  // namespace qg::graph
