// Format names, format detection and the binary-file check.
#include <algorithm>
#include <array>

#include "ingest/ingest.h"
#include "ingest/sniff.h"
#include "ingest/utf8.h"

namespace qg::ingest {
namespace {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    const auto same = [](char x, char y) { return ascii_lower(x) == ascii_lower(y); };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same);
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

std::optional<InputFormat> format_from_extension(std::string_view path) {
    const size_t slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const size_t dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    const std::string_view ext = name.substr(dot + 1);
    for (std::string_view e : {"txt", "text", "md"})
        if (iequals(ext, e)) return InputFormat::Text;
    for (std::string_view e : {"html", "htm", "xhtml"})
        if (iequals(ext, e)) return InputFormat::Html;
    for (std::string_view e : {"jsonl", "ndjson"})
        if (iequals(ext, e)) return InputFormat::Jsonl;
    return std::nullopt;
}

// Tags that make a text worth handing to the HTML parser; common enough in articles and
// fragments, and unlikely to be written in prose as "<p>" followed by a delimiter.
constexpr std::array<std::string_view, 44> kHtmlTags = {
    "html", "head", "body", "title", "meta", "link", "script", "style", "p", "a", "div", "span",
    "br", "i", "b", "u", "em", "strong", "small", "sup", "sub", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "li", "table", "tr", "td", "blockquote", "article", "section", "header",
    "footer", "nav", "main", "figure", "figcaption", "img", "hr"};

bool looks_like_html(std::string_view head) {
    for (size_t lt = head.find('<'); lt != std::string_view::npos; lt = head.find('<', lt + 1)) {
        const std::string_view rest = head.substr(lt + 1);
        if (istarts_with(rest, "!doctype") || rest.starts_with("!--")) return true;
        size_t i = rest.starts_with('/') ? 1 : 0;
        const size_t name_start = i;
        while (i < rest.size() && is_ascii_alnum(rest[i]) && i - name_start < 12) ++i;
        if (i == name_start || !is_ascii_alpha(rest[name_start])) continue;
        if (i < rest.size() && !is_ascii_space(rest[i]) && rest[i] != '>' && rest[i] != '/') continue;
        const std::string_view name = rest.substr(name_start, i - name_start);
        for (std::string_view tag : kHtmlTags)
            if (iequals(name, tag)) return true;
    }
    return false;
}

}  // namespace

std::optional<InputFormat> parse_input_format(std::string_view name) {
    if (name == "auto") return InputFormat::Auto;
    if (name == "text") return InputFormat::Text;
    if (name == "html") return InputFormat::Html;
    if (name == "jsonl") return InputFormat::Jsonl;
    return std::nullopt;
}

InputFormat detect_format(std::string_view path, std::string_view head) {
    if (auto by_extension = format_from_extension(path)) return *by_extension;
    if (head.starts_with(utf8::kBom)) head.remove_prefix(utf8::kBom.size());
    const auto first = std::find_if_not(head.begin(), head.end(), is_ascii_space);
    if (first != head.end() && *first == '{') return InputFormat::Jsonl;
    return looks_like_html(head) ? InputFormat::Html : InputFormat::Text;
}

std::optional<std::string> non_text_reason(std::string_view head) {
    struct Signature {
        std::string_view magic;
        std::string_view kind;
    };
    using namespace std::string_view_literals;
    static constexpr Signature kSignatures[] = {
        {"\x89PNG\r\n\x1a\n"sv, "PNG image"},
        {"\xFF\xD8\xFF"sv, "JPEG image"},
        {"GIF87a"sv, "GIF image"},
        {"GIF89a"sv, "GIF image"},
        {"%PDF-"sv, "PDF document"},
        {"PK\x03\x04"sv, "ZIP archive or office document"},
        {"\x1F\x8B"sv, "gzip data"},
        {"\x28\xB5\x2F\xFD"sv, "zstd data"},
        {"\xFD" "7zXZ\x00"sv, "xz data"},
        {"\x7F" "ELF"sv, "executable"},
        {"RIFF"sv, "RIFF media"},
        {"SQLite format 3\x00"sv, "SQLite database"},
    };
    for (const Signature& s : kSignatures)
        if (head.starts_with(s.magic)) return "looks like a binary file (" + std::string(s.kind) + ")";
    if (head.starts_with("\xFF\xFE"sv) || head.starts_with("\xFE\xFF"sv))
        return std::string("looks like UTF-16 text; convert it to UTF-8");

    // A stray NUL in text is tolerated; text made of them is not text.
    constexpr size_t kWindow = 1024;
    const std::string_view window = head.substr(0, kWindow);
    const auto nuls = static_cast<size_t>(std::count(window.begin(), window.end(), '\0'));
    if (nuls >= 2 && nuls * 64 >= window.size())
        return "looks like a binary file (" + std::to_string(nuls) + " NUL bytes in the first " +
               std::to_string(window.size()) + ")";
    return std::nullopt;
}

}  // namespace qg::ingest
