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

TEST_CASE("an attribution's confidence depends on its cue's strength and its source's kind", "[lexicon]") {
    using namespace qg::attribution;
    const Lexicon& lex = Lexicon::get();
    // On the tuning articles "SOURCE said CONTENT" with a strong cue word and a name is right
    // far more often than with a weak cue word and a common noun (tools/calibrate).
    const float strong_named = lex.confidence(Rule::ClauseAfterCue, false, CueStrength::Strong, SourceKind::Name);
    const float weak_noun = lex.confidence(Rule::ClauseAfterCue, false, CueStrength::Weak, SourceKind::Noun);
    CHECK(strong_named > weak_noun + 0.2f);
    for (int r = 0; r < kRuleCount; ++r)
        for (int weak = 0; weak < 2; ++weak)
            for (int s = 0; s < kCueStrengthCount; ++s)
                for (int k = 0; k < kSourceKindCount; ++k) {
                    const float c = lex.confidence(static_cast<Rule>(r), weak == 1, static_cast<CueStrength>(s),
                                                   static_cast<SourceKind>(k));
                    CHECK(c >= 0.f);
                    CHECK(c <= 1.f);
                }
    // A cell the tuning articles never saw keeps its rule's figure: a continuation has no cue
    // and no source of its own, whatever the cell asked for.
    CHECK(lex.confidence(Rule::Continuation, false, CueStrength::Strong, SourceKind::Name) ==
          lex.confidence(Rule::Continuation, false, CueStrength::None, SourceKind::None));
}
