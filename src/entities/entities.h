// Entities: the people, organisations and groups of a document, with their names,
// aliases, roles and mentions, and the resolution of attribution sources to them.
#pragma once

#include <string>
#include <vector>

#include "attribution/attribution.h"
#include "ingest/document.h"
#include "text/text.h"

namespace qg::entities {

enum class EntityType : uint8_t { Person, Organisation, Group };

struct Role {
    std::string title;      // "spokesman"
    int organisation = -1;  // entity index
    bool former = false;
};

struct Entity {
    EntityType type = EntityType::Person;
    std::string name;  // canonical: the longest full form
    std::vector<std::string> aliases;
    std::vector<Role> roles;
    std::vector<attribution::ByteSpan> mentions;
};

enum class Gender : uint8_t { Unknown, Male, Female };

// The gender a first name is usually given to (tables from the npm package
// gender-detection-from-name), Unknown when the name is not listed or is given to both.
Gender first_name_gender(std::string_view first_name);
// Whether the word is listed as a first name at all.
bool is_first_name(std::string_view word);

// Finds the document's people and organisations and resolves every attribution's source
// (and recipient) mention to one of them, setting Attribution::speaker and ::recipient.
void resolve(std::string_view text, const text::Analysis& analysis, const std::vector<ingest::Link>& links,
             std::vector<attribution::Attribution>& attributions, std::vector<Entity>& out);

}  // namespace qg::entities
