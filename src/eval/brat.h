// Reading gold attributions from brat standoff (.ann) files in the PolNeAR layout.
//
//   T3<TAB>Source 335 385<TAB>covered text         a span (fragments "a b;c d")
//   E1<TAB>Attribution:T4 Source:T3 Content:T2 Cue:T1   one attribution, roles in any order
//
// Only T lines named by an E line matter. Roles Content/Content2.. merge into the content,
// Source.. into the source, Cue.. into the cue; the trigger (first argument) is ignored.
// Notes (#), relations, attributes and normalisations are skipped. A T line whose covered
// text contains line breaks continues on the following lines, as PolNeAR files do.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eval/score.h"

namespace qg::eval {

struct BratProblem {
    bool error = true;  // false: a warning, the annotation is still usable
    uint64_t line = 0;  // 1-based line in the .ann file, 0 for the file as a whole
    std::string message;
};

// One T line.
struct BratSpan {
    std::string id;    // "T3"
    std::string type;  // "Source"
    Fragments fragments;
    std::string text;  // the covered text as written in the file (fragments joined by ' ')
    bool has_text = false;
    bool used = false;  // named by an E line
    uint64_t line = 0;
};

struct BratDocument {
    // One per E line that names at least one Content, Source or Cue, in file order; the
    // ids are the E ids.
    std::vector<Attribution> attributions;
    // Every T line, in file order.
    std::vector<BratSpan> spans;
    std::vector<BratProblem> problems;
    bool ok() const;  // no errors among problems
};

BratDocument parse_brat(std::string_view ann);

// Checks the spans used by attributions against the document text: offsets beyond the
// end are errors, a covered text that differs from the text at the offsets a warning
// (it usually means the offsets count bytes, or the wrong text file).
std::vector<BratProblem> check_brat_against_text(const BratDocument& doc, std::u32string_view text);

}  // namespace qg::eval
