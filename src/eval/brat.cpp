#include "eval/brat.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

namespace qg::eval {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "T12", "E3", "#1", "*": the id forms brat writes at the start of an annotation line.
char annotation_kind(std::string_view id) {
    if (id == "*") return '*';
    if (id.size() >= 2 && std::string_view("TERAMN#").find(id[0]) != std::string_view::npos &&
        all_digits(id.substr(1)))
        return id[0];
    return 0;
}

size_t code_points(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool parse_number(std::string_view s, uint32_t& out) {
    if (!all_digits(s)) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (true) {
        size_t next = s.find(sep, pos);
        out.push_back(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
        if (next == std::string_view::npos) break;
        pos = next + 1;
    }
    return out;
}

// "Source 335 385;390 400" -> type and fragments; an error message on failure.
std::string parse_type_and_offsets(std::string_view field, BratSpan& span) {
    size_t space = field.find(' ');
    if (space == std::string_view::npos || space == 0) return "expected \"Type start end\" after the id";
    span.type = std::string(field.substr(0, space));
    for (std::string_view part : split(field.substr(space + 1), ';')) {
        auto numbers = split(part, ' ');
        Span f;
        if (numbers.size() != 2 || !parse_number(numbers[0], f.start) || !parse_number(numbers[1], f.end))
            return "bad offsets \"" + std::string(part) + "\" (expected \"start end\", fragments separated by ';')";
        if (f.start > f.end) return "span start " + std::to_string(f.start) + " is after its end " + std::to_string(f.end);
        span.fragments.push_back(f);
    }
    return {};
}

// Length in code points of the covered text brat writes for these fragments.
size_t expected_text_length(const Fragments& fragments) {
    size_t n = fragments.empty() ? 0 : fragments.size() - 1;
    for (const Span& f : fragments) n += f.end - f.start;
    return n;
}

struct Event {
    std::string id;
    uint64_t line = 0;
    std::vector<std::pair<std::string, std::string>> roles;  // role, T id
};

void append(Fragments& to, const Fragments& from) { to.insert(to.end(), from.begin(), from.end()); }

bool role_is(std::string_view role, std::string_view base) {
    return role.substr(0, base.size()) == base && std::all_of(role.begin() + static_cast<std::ptrdiff_t>(base.size()),
                                                               role.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool BratDocument::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const BratProblem& p) { return p.error; });
}

BratDocument parse_brat(std::string_view ann) {
    BratDocument doc;
    std::vector<Event> events;
    std::unordered_map<std::string, size_t> span_index;
    std::unordered_set<std::string> event_ids;
    auto problem = [&](bool error, uint64_t line, std::string message) {
        doc.problems.push_back({error, line, std::move(message)});
    };

    // A T line whose covered text is still shorter than its offsets say: the next lines
    // are the rest of that text (it contained line breaks).
    BratSpan* open = nullptr;
    size_t open_missing = 0;

    uint64_t line_no = 0;
    size_t pos = 0;
    while (pos < ann.size()) {
        size_t nl = ann.find('\n', pos);
        std::string_view line = ann.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? ann.size() : nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

        if (open) {
            size_t tab = line.find('\t');
            if (tab != std::string_view::npos && annotation_kind(line.substr(0, tab))) {
                problem(false, open->line, open->id + ": covered text is shorter than its offsets");
                open = nullptr;  // and read this line as the annotation it is
            } else {
                // The line break itself counts as one code point of the covered text.
                open->text += '\n';
                open->text += line;
                size_t got = code_points(line) + 1;
                open_missing = got >= open_missing ? 0 : open_missing - got;
                if (open_missing == 0) open = nullptr;
                continue;
            }
        }
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;

        size_t tab = line.find('\t');
        std::string_view id = line.substr(0, tab);
        char kind = annotation_kind(id);
        if (kind == 0 || tab == std::string_view::npos) {
            problem(true, line_no, "not a brat annotation line (expected \"T1<TAB>Type start end<TAB>text\" or "
                                   "\"E1<TAB>Attribution:T1 Role:T2 ...\"): \"" +
                                       std::string(line.substr(0, 60)) + (line.size() > 60 ? "..." : "") + "\"");
            continue;
        }
        std::string_view rest = line.substr(tab + 1);

        if (kind == 'T') {
            BratSpan span;
            span.id = std::string(id);
            span.line = line_no;
            size_t tab2 = rest.find('\t');
            std::string message = parse_type_and_offsets(rest.substr(0, tab2), span);
            if (!message.empty()) {
                problem(true, line_no, span.id + ": " + message);
                continue;
            }
            if (tab2 != std::string_view::npos) {
                span.has_text = true;
                span.text = std::string(rest.substr(tab2 + 1));
            }
            if (span_index.count(span.id)) {
                problem(true, line_no, "duplicate span id " + span.id);
                continue;
            }
            span_index.emplace(span.id, doc.spans.size());
            doc.spans.push_back(std::move(span));
            BratSpan& added = doc.spans.back();
            if (added.has_text) {
                size_t expected = expected_text_length(added.fragments);
                size_t got = code_points(added.text);
                if (got < expected) {
                    open = &added;
                    open_missing = expected - got;
                }
            }
        } else if (kind == 'E') {
            Event e;
            e.id = std::string(id);
            e.line = line_no;
            bool bad = false;
            bool first = true;
            for (std::string_view arg : split(rest, ' ')) {
                if (arg.empty()) continue;
                size_t colon = arg.rfind(':');
                if (colon == std::string_view::npos || colon == 0 || colon + 1 == arg.size()) {
                    problem(true, line_no, e.id + ": bad argument \"" + std::string(arg) + "\" (expected Role:T1)");
                    bad = true;
                    break;
                }
                if (first) {
                    first = false;  // the trigger, "Attribution:T4"
                    continue;
                }
                e.roles.emplace_back(std::string(arg.substr(0, colon)), std::string(arg.substr(colon + 1)));
            }
            if (bad) continue;
            if (first) {
                problem(true, line_no, e.id + ": no arguments");
                continue;
            }
            if (!event_ids.insert(e.id).second) {
                problem(true, line_no, "duplicate event id " + e.id);
                continue;
            }
            events.push_back(std::move(e));
        }
        // Notes, relations, attributes, normalisations: not used for scoring.
    }
    if (open) problem(false, open->line, open->id + ": covered text is shorter than its offsets");

    for (const Event& e : events) {
        Attribution a;
        a.id = e.id;
        bool bad = false;
        for (const auto& [role, target] : e.roles) {
            auto it = span_index.find(target);
            if (it == span_index.end()) {
                problem(true, e.line, e.id + ": " + role + " refers to " + target + ", which no T line defines");
                bad = true;
                continue;
            }
            doc.spans[it->second].used = true;
            const Fragments& f = doc.spans[it->second].fragments;
            if (role_is(role, "Content"))
                append(a.content, f);
            else if (role_is(role, "Source"))
                append(a.source, f);
            else if (role_is(role, "Cue"))
                append(a.cue, f);
            else
                problem(false, e.line, e.id + ": unknown role \"" + role + "\" ignored");
        }
        if (bad) continue;
        if (a.content.empty() && a.source.empty() && a.cue.empty()) continue;  // an empty annotation
        doc.attributions.push_back(std::move(a));
    }
    return doc;
}

std::vector<BratProblem> check_brat_against_text(const BratDocument& doc, std::u32string_view text) {
    std::vector<BratProblem> problems;
    bool warned = false;
    for (const BratSpan& span : doc.spans) {
        if (!span.used) continue;
        bool inside = true;
        for (const Span& s : span.fragments)
            if (s.end > text.size()) {
                problems.push_back({true, span.line,
                                    span.id + ": offset " + std::to_string(s.end) + " is past the end of the text (" +
                                        std::to_string(text.size()) + " code points)"});
                inside = false;
                break;
            }
        if (!inside || !span.has_text || warned) continue;
        std::u32string covered;
        for (size_t i = 0; i < span.fragments.size(); ++i) {
            if (i) covered += U' ';
            covered += text.substr(span.fragments[i].start, span.fragments[i].end - span.fragments[i].start);
        }
        if (encode_utf8(covered) != span.text) {
            problems.push_back({false, span.line,
                                span.id + ": covered text differs from the document text at its offsets (\"" +
                                    encode_utf8(covered.substr(0, 40)) + "\" in the text); further mismatches "
                                                                          "in this file not reported"});
            warned = true;  // one per file is enough to show the offsets are off
        }
    }
    return problems;
}

}  // namespace qg::eval
