// The attribution stage's word lists: every word of every list is found as a member of it
// (a list's bit in WordInfo::lists), whatever the number of lists.
#include <catch2/catch.hpp>
#include <string>

#include "attribution/lexicon.h"

TEST_CASE("every word of every attribution word list is a member of that list", "[lexicon]") {
    using qg::attribution::Lexicon;
    const Lexicon& lex = Lexicon::get();
    for (int l = 0; l < Lexicon::kListCount; ++l) {
        const auto& list = lex.list(static_cast<Lexicon::List>(l));
        const uint64_t bit = lex.list_bit(list);
        REQUIRE(bit != 0);
        size_t words = 0;
        list.for_each([&](std::string_view word) {
            ++words;
            INFO("list " << l << ", word " << std::string(word));
            CHECK((lex.info(word).lists & bit) != 0);
            // No other list's bit is set by this one's words alone.
            for (int other = 0; other < Lexicon::kListCount; ++other)
                if (other != l && !lex.list(static_cast<Lexicon::List>(other)).contains(word))
                    CHECK((lex.info(word).lists & lex.list_bit(lex.list(static_cast<Lexicon::List>(other)))) == 0);
        });
        INFO("list " << l);
        CHECK(words > 0);
    }
}
