// HTML to Document: gumbo builds the HTML5 tree (so broken markup is repaired the way a
// browser would), and one walk over it produces the text, the paragraph spans, the links
// and, for every output code point, the byte offset in the input that produced it.
//
// Breaks: a block element boundary becomes a paragraph break "\n\n". A <br> is a line
// break "\n" inside the paragraph; two or more <br> in a row (only whitespace between)
// become a paragraph break, because news CMSs commonly separate paragraphs with <br><br>.
// Breaks are only ever emitted between two pieces of text, never at either end, and a
// paragraph span is exactly the text between two "\n\n" breaks.
#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "ingest/ingest.h"
#include "ingest/utf8.h"

namespace qg::ingest {
namespace {

enum class Role { Inline, Block, LineBreak, Dropped, Title, Head };

Role role_of(GumboTag tag) {
    switch (tag) {
        // Not article text: code, styling, navigation chrome, forms and embedded media.
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_DATALIST: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
        case GUMBO_TAG_MATH:
            return Role::Dropped;
        case GUMBO_TAG_HEAD: return Role::Head;
        case GUMBO_TAG_TITLE: return Role::Title;
        case GUMBO_TAG_BR: return Role::LineBreak;
        case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_P: case GUMBO_TAG_DIV:
        case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
        case GUMBO_TAG_DD: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
        case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
        case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_MENU: case GUMBO_TAG_DIR:
        case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
            return Role::Block;
        default: return Role::Inline;
    }
}

// Kept elements whose content the tokenizer takes verbatim: no tags, no references.
inline bool is_raw_text(GumboTag tag) { return tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT; }

// HTML's whitespace plus U+00A0: a non-breaking space separates words like any other
// space, and folding it keeps "a&nbsp; b" from turning into two spaces.
inline bool is_foldable_space(std::string_view cp) {
    if (cp.size() == 1) {
        const char c = cp[0];
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
    return cp == "\xC2\xA0";
}

inline bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_hex(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Appends the output text one code point at a time, folding whitespace and placing
// breaks lazily: a space or break is only written once the next visible character
// arrives, which is what trims blocks and keeps breaks off both ends of the text.
class TextAssembler {
public:
    TextAssembler(Document& document, size_t input_size)
        : text_(document.text), offsets_(document.source_offsets), paragraphs_(document.paragraphs) {
        text_.reserve(input_size);
        offsets_.reserve(input_size / 2 + 1);
    }

    uint32_t char_count() const { return char_count_; }
    size_t byte_count() const { return text_.size(); }
    const std::string& text() const { return text_; }

    void add_char(std::string_view cp, uint32_t source, uint32_t source_end) {
        if (char_count_ > 0) {
            if (pending_break_ > 0) {
                emit_break(source);
            } else if (pending_space_) {
                emit(" ", space_source_);
            }
        }
        pending_space_ = false;
        pending_break_ = 0;
        break_has_source_ = false;
        emit(cp, source);
        last_source_end_ = source_end;
    }

    void add_space(uint32_t source) {
        if (char_count_ == 0 || pending_break_ > 0 || pending_space_) return;
        pending_space_ = true;
        space_source_ = source;
    }

    // `source` is empty for elements the parser inserted (no tag in the input); the break
    // then takes the offset of the character after it.
    void add_block_boundary(std::optional<uint32_t> source) { request_break(2, source); }
    void add_line_break(std::optional<uint32_t> source) {
        request_break(std::min(pending_break_ + 1, 2), source);
    }

    void finish() {
        if (char_count_ > 0) paragraphs_.push_back({paragraph_start_, char_count_});
        offsets_.push_back(last_source_end_);
    }

private:
    void request_break(int level, std::optional<uint32_t> source) {
        if (char_count_ == 0) return;
        pending_break_ = std::max(pending_break_, level);
        pending_space_ = false;
        // Of a run of boundaries ("</p>\n<p>"), the break maps to the last tag: the start
        // tag of the block that the following text belongs to.
        if (source) {
            break_source_ = *source;
            break_has_source_ = true;
        }
    }

    void emit_break(uint32_t next_source) {
        const uint32_t source = break_has_source_ ? break_source_ : next_source;
        if (pending_break_ >= 2) {
            paragraphs_.push_back({paragraph_start_, char_count_});
            emit("\n", source);
            emit("\n", source);
            paragraph_start_ = char_count_;
        } else {
            emit("\n", source);
        }
    }

    void emit(std::string_view cp, uint32_t source) {
        text_.append(cp);
        offsets_.push_back(source);
        ++char_count_;
    }

    std::string& text_;
    std::vector<uint32_t>& offsets_;
    std::vector<CharSpan>& paragraphs_;
    uint32_t char_count_ = 0;
    uint32_t paragraph_start_ = 0;
    uint32_t last_source_end_ = 0;
    bool pending_space_ = false;
    uint32_t space_source_ = 0;
    int pending_break_ = 0;  // 0 none, 1 line break, 2 paragraph break
    bool break_has_source_ = false;
    uint32_t break_source_ = 0;
};

struct ReferenceMatch {
    size_t source_length;   // bytes of original text consumed
    size_t decoded_length;  // bytes of decoded text produced
};

// If original[o] opens markup the tokenizer consumed (a tag, end tag, comment or bogus
// comment), the offset just past it; otherwise o. A '<' not followed by one of these is
// literal text. Such markup shows up inside a text node's span when the parser ignored a
// stray tag or foster-parented text out of a table.
size_t skip_markup(std::string_view original, size_t o) {
    if (o + 1 >= original.size() || original[o] != '<') return o;
    const char next = original[o + 1];
    const bool alpha = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
    if (!alpha && next != '/' && next != '!' && next != '?') return o;
    if (original.substr(o, 4) == "<!--") {
        const size_t close = original.find("-->", o + 4);
        return close == std::string_view::npos ? original.size() : close + 3;
    }
    const size_t close = original.find('>', o + 1);
    return close == std::string_view::npos ? original.size() : close + 1;
}

// How well decoded text from `d` continues original text from `o`, comparing the way the
// main walk would: -1 on a mismatch, else the number of bytes that agreed before the
// comparison had to stop (kAgreeFully when both ended together or enough bytes agreed).
// A '&' or CR in the original stops it, since what those become is not known here.
constexpr int kAgreeFully = 8;
int agreement(std::string_view original, size_t o, std::string_view decoded, size_t d) {
    int matched = 0;
    while (matched < kAgreeFully) {
        if (d >= decoded.size()) return o >= original.size() ? kAgreeFully : matched;
        if (o >= original.size()) return -1;
        const char a = original[o];
        if (a == '&' || a == '\r' || a == '\0') return matched;
        if (a == '<') {
            const size_t after = skip_markup(original, o);
            if (after != o) {
                o = after;
                continue;
            }
        }
        if (a != decoded[d]) return -1;
        ++o;
        ++d;
        ++matched;
    }
    return matched;
}

// The second code points of the HTML entities that decode to two.
bool is_entity_second_code_point(std::string_view cp) {
    static constexpr std::string_view kSeconds[] = {
        "\u0331", "\u0333", "\u0338", "\u200A", "\u20D2", "\u20E5", "\uFE00", "j"};
    return std::find(std::begin(kSeconds), std::end(kSeconds), cp) != std::end(kSeconds);
}

size_t code_points_length(std::string_view s, size_t pos, size_t count) {
    size_t end = pos;
    for (size_t k = 0; k < count && end < s.size(); ++k)
        end += utf8::sequence_length(static_cast<unsigned char>(s[end]));
    return std::min(end, s.size()) - pos;
}

// original[o] is '&'. Works out how much of the original the character reference spans
// and how much decoded text it produced, without gumbo's (private) entity table: numeric
// references are purely syntactic; for named ones the candidate ends are checked against
// the decoded text that follows, which also covers legacy names without ';' ("&copy2022").
ReferenceMatch match_reference(std::string_view original, size_t o, std::string_view decoded, size_t d) {
    const size_t n = original.size();
    const size_t one_char = code_points_length(decoded, d, 1);
    const size_t name_start = o + 1;
    if (name_start < n && original[name_start] == '#') {
        size_t k = name_start + 1;
        const bool hex = k < n && (original[k] == 'x' || original[k] == 'X');
        if (hex) ++k;
        const size_t digits_start = k;
        while (k < n && (hex ? is_ascii_hex(original[k]) : is_ascii_digit(original[k]))) ++k;
        if (k == digits_start) return {1, one_char};  // "&#" without digits is literal
        if (k < n && original[k] == ';') ++k;
        return {k - o, one_char};
    }
    size_t name_end = name_start;
    while (name_end < n && is_ascii_alnum(original[name_end])) ++name_end;
    const size_t name_length = name_end - name_start;
    if (name_length == 0) return {1, one_char};

    const bool has_semicolon = name_end < n && original[name_end] == ';';
    if (decoded[d] == '&') {
        // Only &amp; and &AMP; (legacy: also without ';') decode to '&'; otherwise the
        // '&' was literal text such as "AT&T" or an unknown "&foo;".
        const std::string_view name = original.substr(name_start, name_length);
        if (name.starts_with("amp") || name.starts_with("AMP"))
            return {(name_length == 3 && has_semicolon) ? 5u : 4u, 1};
        return {1, 1};
    }
    // Score every way the reference could have ended; the best agreement with the text
    // after it wins, earlier candidates winning ties.
    ReferenceMatch best{has_semicolon ? name_length + 2 : name_length + 1, one_char};
    int best_score = -1;
    const auto consider = [&](size_t source_length, size_t decoded_length) {
        const int score = agreement(original, o + source_length, decoded, d + decoded_length);
        if (score > best_score) {
            best = {source_length, decoded_length};
            best_score = score;
        }
    };
    if (has_semicolon) {
        // A few entities (&NotEqualTilde; ...) decode to two code points, the second
        // always a combining mark, variation selector, hair space or the 'j' of &fjlig;.
        const size_t two_chars = code_points_length(decoded, d, 2);
        const std::string_view second = decoded.substr(d + one_char, two_chars - one_char);
        if (!second.empty() && is_entity_second_code_point(second)) consider(name_length + 2, two_chars);
        consider(name_length + 2, one_char);
    }
    constexpr size_t kLongestEntityName = 32;  // "CounterClockwiseContourIntegral"
    for (size_t len = std::min(name_length, kLongestEntityName); len >= 2; --len) consider(len + 1, one_char);
    return best;
}

class HtmlWalker {
public:
    HtmlWalker(std::string_view html, Document& document)
        : html_(html), document_(document), out_(document, html.size()) {}

    void walk(const GumboNode* root);

private:
    struct Frame {
        const GumboNode* node;
        bool leaving;
        bool is_link;
        uint32_t link_start_char;
        size_t link_start_byte;
    };

    uint32_t offset_of(const char* p) const { return static_cast<uint32_t>(p - html_.data()); }

    void enter_element(const GumboNode* node);
    void leave_element(const Frame& frame);
    void append_text(const GumboNode* text_node);
    void add_code_point(std::string_view cp, uint32_t source, uint32_t source_end) {
        if (is_foldable_space(cp)) {
            out_.add_space(source);
        } else {
            out_.add_char(cp, source, source_end);
        }
    }
    void capture_title(const GumboElement& title);

    std::string_view html_;
    Document& document_;
    TextAssembler out_;
    int raw_text_depth_ = 0;    // inside <xmp> or <plaintext>, whose text is not parsed
    std::vector<Frame> stack_;  // explicit, so deeply nested markup cannot overflow the C++ stack
};

void HtmlWalker::walk(const GumboNode* root) {
    stack_.push_back({root, false, false, 0, 0});
    while (!stack_.empty()) {
        const Frame frame = stack_.back();
        stack_.pop_back();
        const GumboNode* node = frame.node;
        switch (node->type) {
            case GUMBO_NODE_DOCUMENT: {
                const GumboVector& children = node->v.document.children;
                for (unsigned i = children.length; i-- > 0;)
                    stack_.push_back({static_cast<const GumboNode*>(children.data[i]), false, false, 0, 0});
                break;
            }
            case GUMBO_NODE_ELEMENT:
                if (frame.leaving) {
                    leave_element(frame);
                } else {
                    enter_element(node);
                }
                break;
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                append_text(node);
                break;
            case GUMBO_NODE_COMMENT:
            case GUMBO_NODE_TEMPLATE:
                break;
        }
    }
    out_.finish();
}

void HtmlWalker::enter_element(const GumboNode* node) {
    const GumboElement& element = node->v.element;
    const Role role = role_of(element.tag);
    if (role == Role::Dropped) return;
    if (role == Role::Title) {
        capture_title(element);
        return;
    }
    if (role == Role::Head) {
        // Only the title is content; gumbo puts it directly under <head>.
        for (unsigned i = 0; i < element.children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
            if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_TITLE)
                capture_title(child->v.element);
        }
        return;
    }
    // The HTML "hidden" attribute means the element is not rendered.
    if (gumbo_get_attribute(&element.attributes, "hidden")) return;

    const std::optional<uint32_t> start_tag =
        element.original_tag.length > 0 ? std::optional(offset_of(element.original_tag.data)) : std::nullopt;
    if (role == Role::LineBreak) {
        out_.add_line_break(start_tag);
        return;
    }
    if (role == Role::Block) out_.add_block_boundary(start_tag);
    if (is_raw_text(element.tag)) ++raw_text_depth_;

    Frame leave{node, true, false, out_.char_count(), out_.byte_count()};
    if (element.tag == GUMBO_TAG_A && gumbo_get_attribute(&element.attributes, "href")) leave.is_link = true;
    stack_.push_back(leave);
    for (unsigned i = element.children.length; i-- > 0;)
        stack_.push_back({static_cast<const GumboNode*>(element.children.data[i]), false, false, 0, 0});
}

void HtmlWalker::leave_element(const Frame& frame) {
    const GumboElement& element = frame.node->v.element;
    if (is_raw_text(element.tag)) --raw_text_depth_;
    if (role_of(element.tag) == Role::Block) {
        const std::optional<uint32_t> end_tag = element.original_end_tag.length > 0
                                                    ? std::optional(offset_of(element.original_end_tag.data))
                                                    : std::nullopt;
        out_.add_block_boundary(end_tag);
    }
    if (frame.is_link) {
        // A space or break written just inside the anchor belongs to the text before it;
        // nothing trails, since the assembler never ends on whitespace.
        CharSpan anchor{frame.link_start_char, out_.char_count()};
        size_t byte = frame.link_start_byte;
        while (anchor.start < anchor.end && (out_.text()[byte] == ' ' || out_.text()[byte] == '\n')) {
            ++anchor.start;
            ++byte;
        }
        std::string_view href = gumbo_get_attribute(&element.attributes, "href")->value;
        const auto not_space = href.find_first_not_of(" \t\n\r\f");
        href = not_space == std::string_view::npos ? std::string_view{} : href.substr(not_space);
        href = href.substr(0, href.find_last_not_of(" \t\n\r\f") + 1);
        document_.links.push_back({anchor, std::string(href)});
    }
}

// Walks the node's original source alongside gumbo's decoded text so each decoded code
// point gets the offset of the bytes it came from: literal characters map one to one,
// a character reference maps to its '&', and CRLF (normalised to LF by the parser) to
// its CR. Ignored stray tags and foster parenting can put markup inside a text node's
// original span; it is skipped. In raw text (<xmp>, <plaintext>, CDATA) nothing is
// markup or a reference, so everything compares literally.
void HtmlWalker::append_text(const GumboNode* text_node) {
    const GumboText& node = text_node->v.text;
    const bool raw = raw_text_depth_ > 0 || text_node->type == GUMBO_NODE_CDATA;
    const std::string_view decoded(node.text);
    const std::string_view original(node.original_text.data, node.original_text.length);
    const uint32_t base = original.data() ? offset_of(original.data()) : node.start_pos.offset;
    size_t o = 0;
    size_t d = 0;
    while (d < decoded.size()) {
        const unsigned char lead = static_cast<unsigned char>(decoded[d]);
        const size_t cp_length = std::min(utf8::sequence_length(lead), decoded.size() - d);
        const std::string_view cp = decoded.substr(d, cp_length);
        if (o >= original.size()) {
            const uint32_t end = base + static_cast<uint32_t>(original.size());
            add_code_point(cp, end, end);
            d += cp_length;
            continue;
        }
        const char source_char = original[o];
        const uint32_t source = base + static_cast<uint32_t>(o);
        if (!raw && source_char == '<') {
            const size_t after = skip_markup(original, o);
            if (after != o) {
                o = after;
                continue;
            }
        }
        if (!raw && source_char == '&') {
            const ReferenceMatch match = match_reference(original, o, decoded, d);
            const uint32_t source_end = source + static_cast<uint32_t>(match.source_length);
            for (size_t end = d + match.decoded_length; d < end;) {
                const size_t len = code_points_length(decoded, d, 1);
                add_code_point(decoded.substr(d, len), source, source_end);
                d += len;
            }
            o += match.source_length;
        } else if (original.compare(o, cp_length, cp) == 0) {
            add_code_point(cp, source, source + static_cast<uint32_t>(cp_length));
            o += cp_length;
            d += cp_length;
        } else if (source_char == '\r' && lead == '\n') {
            const size_t consumed = (o + 1 < original.size() && original[o + 1] == '\n') ? 2 : 1;
            add_code_point(cp, source, source + static_cast<uint32_t>(consumed));
            o += consumed;
            d += 1;
        } else if (source_char == '\0') {
            // The parser drops NUL from text content and turns it into U+FFFD in raw text.
            if (raw && cp == utf8::kReplacement) {
                add_code_point(cp, source, source + 1);
                d += cp_length;
            }
            o += 1;
        } else {
            // Unexplained difference: step both sides by one character to stay close.
            add_code_point(cp, source, source + 1);
            o += code_points_length(original, o, 1);
            d += cp_length;
        }
    }
}

void HtmlWalker::capture_title(const GumboElement& title) {
    if (!document_.title.empty()) return;
    std::string raw;
    for (unsigned i = 0; i < title.children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(title.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) raw += child->v.text.text;
    }
    std::string& folded = document_.title;
    folded.reserve(raw.size());
    bool space = false;
    for (size_t i = 0; i < raw.size();) {
        const size_t len = code_points_length(raw, i, 1);
        const std::string_view cp(raw.data() + i, len);
        i += len;
        if (is_foldable_space(cp)) {
            space = !folded.empty();
            continue;
        }
        if (space) folded += ' ';
        space = false;
        folded.append(cp);
    }
}

// Gumbo's tree construction searches the stack of open elements for every start tag (the
// "has an element in scope" checks), so a page nested d levels deep costs d per tag:
// 200,000 nested <div> take minutes. No article needs more than a few hundred levels, so
// start and end tags nested deeper than kMaxNesting are left out before parsing (the text
// inside them is kept) and the source offsets are mapped back to the original bytes.
constexpr int kMaxNesting = 256;

bool is_tag_name_char(char c) { return is_ascii_alnum(c) || c == '-' || c == ':' || c == '_'; }

// Elements that never nest in practice, because the next one closes the last (p, li, td),
// or cannot hold content at all (void elements): they do not count towards the depth.
bool counts_as_nesting(std::string_view name) {
    static constexpr std::string_view kFlat[] = {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt",
        "rtc", "rp", "colgroup", "caption", "head", "body", "html", "area", "base", "br", "col", "embed", "hr",
        "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "frame", "basefont",
        "bgsound", "image"};
    for (std::string_view flat : kFlat)
        if (name.size() == flat.size() &&
            std::equal(name.begin(), name.end(), flat.begin(), [](char a, char b) { return (a | 0x20) == b; }))
            return false;
    return true;
}

bool is_raw_text_name(std::string_view name) {
    static constexpr std::string_view kRaw[] = {"script", "style", "textarea", "title", "xmp",
                                                "iframe", "noembed", "noframes", "noscript"};
    for (std::string_view raw : kRaw)
        if (name.size() == raw.size() &&
            std::equal(name.begin(), name.end(), raw.begin(), [](char a, char b) { return (a | 0x20) == b; }))
            return true;
    return false;
}

// What was cut out of the HTML before parsing: the markup left over after `removed_before`
// bytes of the filtered text had been kept, and how many bytes it was.
struct Cut {
    size_t at;      // offset in the filtered text
    size_t length;  // bytes removed there
};

// The HTML with tags nested deeper than kMaxNesting removed; empty `cuts` when nothing was
// (then `filtered` is left empty and the input is parsed as it is). One pass, aware of
// comments, quoted attribute values and raw-text elements.
void limit_nesting(std::string_view html, std::string& filtered, std::vector<Cut>& cuts) {
    if (static_cast<size_t>(std::count(html.begin(), html.end(), '<')) <= static_cast<size_t>(kMaxNesting)) return;
    int depth = 0;
    size_t copied = 0;  // html[0, copied) is in `filtered` or cut
    const auto cut = [&](size_t begin, size_t end) {
        if (cuts.empty()) filtered.reserve(html.size());
        filtered.append(html.substr(copied, begin - copied));
        cuts.push_back({filtered.size(), end - begin});
        copied = end;
    };
    size_t i = 0;
    const size_t n = html.size();
    while ((i = html.find('<', i)) != std::string_view::npos && i + 1 < n) {
        if (html.substr(i, 4) == "<!--") {
            const size_t close = html.find("-->", i + 4);
            i = close == std::string_view::npos ? n : close + 3;
            continue;
        }
        const bool end_tag = html[i + 1] == '/';
        const size_t name_start = i + (end_tag ? 2 : 1);
        size_t name_end = name_start;
        while (name_end < n && is_tag_name_char(html[name_end])) ++name_end;
        if (name_end == name_start || !((html[name_start] | 0x20) >= 'a' && (html[name_start] | 0x20) <= 'z')) {
            ++i;  // "<!doctype", "<?xml", "< 3": not an element tag
            continue;
        }
        // The tag ends at the first '>' outside a quoted attribute value.
        size_t k = name_end;
        char quote = 0;
        while (k < n && (quote != 0 || html[k] != '>')) {
            if (quote != 0 && html[k] == quote) {
                quote = 0;
            } else if (quote == 0 && (html[k] == '"' || html[k] == '\'')) {
                quote = html[k];
            }
            ++k;
        }
        const size_t tag_end = k < n ? k + 1 : n;
        const std::string_view name = html.substr(name_start, name_end - name_start);
        if (!end_tag && (name == "plaintext" || name == "PLAINTEXT")) break;  // the rest is text
        const bool self_closing = tag_end >= 2 && html[tag_end - 2] == '/';
        // Raw-text elements hold no elements: never counted, never cut (their content would
        // turn into text).
        if (counts_as_nesting(name) && !is_raw_text_name(name) && !(self_closing && !end_tag)) {
            if (end_tag) {
                if (depth > kMaxNesting) cut(i, tag_end);
                depth = std::max(0, depth - 1);
            } else if (++depth > kMaxNesting) {
                cut(i, tag_end);
            }
        }
        i = tag_end;
        if (!end_tag && is_raw_text_name(name)) {
            // Its content is text up to its end tag, whatever it looks like (to the end of
            // the input when the end tag is missing).
            size_t close = html.find("</", i);
            for (; close != std::string_view::npos; close = html.find("</", close + 2)) {
                const std::string_view candidate = html.substr(close + 2, name.size());
                if (candidate.size() == name.size() &&
                    std::equal(name.begin(), name.end(), candidate.begin(),
                               [](char a, char b) { return (a | 0x20) == (b | 0x20); }))
                    break;
            }
            i = close == std::string_view::npos ? n : close;
        }
    }
    if (!cuts.empty()) filtered.append(html.substr(copied));
}

// Maps offsets into the filtered text back to the original bytes. (They are not in
// increasing order: foster parenting moves text in front of the table it was in.)
void restore_offsets(std::vector<uint32_t>& offsets, std::vector<Cut>& cuts) {
    if (cuts.empty()) return;
    for (size_t k = 1; k < cuts.size(); ++k) cuts[k].length += cuts[k - 1].length;  // now: removed up to here
    for (uint32_t& offset : offsets) {
        const auto after = std::upper_bound(cuts.begin(), cuts.end(), offset,
                                            [](uint32_t o, const Cut& c) { return o < c.at; });
        if (after != cuts.begin()) offset += static_cast<uint32_t>(std::prev(after)->length);
    }
}

// gumbo accumulates a numeric character reference's value in an int without a bound, so
// "&#86666666666666666" wraps around and comes out as a stray byte or a wrong character
// instead of U+FFFD. Such references are rewritten in place, same length, to the first
// value past U+10FFFF ("&#0000001114112"), which gumbo does turn into U+FFFD; offsets into
// the text are unchanged. `html` is copied into `rewritten` on the first one found.
// Returns the text to parse.
std::string_view bound_numeric_references(std::string_view html, std::string& rewritten) {
    constexpr uint32_t kLastCodePoint = 0x10FFFF;
    bool copied = false;
    for (size_t i = html.find("&#"); i != std::string_view::npos; i = html.find("&#", i + 2)) {
        size_t k = i + 2;
        const bool hex = k < html.size() && (html[k] == 'x' || html[k] == 'X');
        if (hex) ++k;
        const size_t digits_start = k;
        uint32_t value = 0;
        for (; k < html.size() && (hex ? is_ascii_hex(html[k]) : is_ascii_digit(html[k])); ++k) {
            const char c = html[k];
            const uint32_t digit = is_ascii_digit(c) ? uint32_t(c - '0') : uint32_t((c | 0x20) - 'a' + 10);
            value = std::min(value * (hex ? 16 : 10) + digit, kLastCodePoint + 1);
        }
        if (value <= kLastCodePoint) continue;
        if (!copied) {
            if (html.data() != rewritten.data()) rewritten.assign(html);
            html = rewritten;
            copied = true;
        }
        // More than U+10FFFF needs at least 7 decimal or 6 hex digits, so this fits.
        const std::string_view past_last = hex ? "110000" : "1114112";
        std::fill(rewritten.begin() + static_cast<std::ptrdiff_t>(digits_start),
                  rewritten.begin() + static_cast<std::ptrdiff_t>(k - past_last.size()), '0');
        std::copy(past_last.begin(), past_last.end(), rewritten.begin() + static_cast<std::ptrdiff_t>(k - past_last.size()));
    }
    return html;
}

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

Document parse_html(std::string_view html, std::string id) {
    Document document;
    document.id = std::move(id);
    document.format = SourceFormat::Html;

    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // we never show gumbo's parse errors; don't pay for recording them
    if (html.data() == nullptr) html = std::string_view("", 0);
    std::string filtered;
    std::vector<Cut> cuts;
    limit_nesting(html, filtered, cuts);
    const std::string_view parsed = bound_numeric_references(cuts.empty() ? html : std::string_view(filtered), filtered);
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, parsed.data(), parsed.size()));
    HtmlWalker walker(parsed, document);
    walker.walk(output->document);
    restore_offsets(document.source_offsets, cuts);
    return document;
}

}  // namespace qg::ingest
