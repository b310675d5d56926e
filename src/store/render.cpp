#include "store/render.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace qg::store {

namespace {

nlohmann::json span(uint32_t start, uint32_t end, const std::string& text) {
    if (start == end && text.empty()) return nullptr;
    return {{"start", start}, {"end", end}, {"text", text}};
}

nlohmann::json name_or_null(const std::string& name) { return name.empty() ? nlohmann::json(nullptr) : nlohmann::json(name); }

std::string confidence_text(double confidence) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", confidence);
    return buffer;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::vector<std::string> role_texts(const std::vector<Role>& roles) {
    std::vector<std::string> out;
    for (const auto& r : roles)
        if (auto text = role_text(r); !text.empty()) out.push_back(std::move(text));
    return out;
}

// The organisations of a person's roles, each once.
std::vector<std::string> organisations_of(const std::vector<Role>& roles) {
    std::vector<std::string> out;
    for (const auto& r : roles)
        if (!r.organisation.empty() && std::find(out.begin(), out.end(), r.organisation) == out.end())
            out.push_back(r.organisation);
    return out;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out << ',';
        out << csv_field(fields[i]);
    }
    out << "\r\n";
}

// JSON as one array, or one object per line.
template <class Items>
void write_json_items(std::ostream& out, const Items& items, Format format) {
    if (format == Format::Jsonl) {
        for (const auto& item : items) out << to_json(item).dump() << '\n';
        return;
    }
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : items) array.push_back(to_json(item));
    out << array.dump(2) << '\n';
}

std::string statement_line(const Statement& s) {
    std::string line = s.speaker.empty() ? "(unattributed)" : s.speaker;
    line += " — ";
    line += s.continuation ? "(continues)" : s.cue.empty() ? "—" : s.cue;
    line += " — " + s.content + "  [" + s.kind + ", " + confidence_text(s.confidence) + "]";
    return line;
}

const std::vector<std::string> kStatementHeader = {
    "statement_id", "speaker", "speaker_id", "roles", "content", "cue", "kind", "confidence", "document",
    "revision", "title", "outlet", "date", "url", "start", "end", "claim_id"};

std::vector<std::string> statement_fields(const Statement& s) {
    return {std::to_string(s.id), s.speaker, std::to_string(s.speaker_id), joined(role_texts(s.roles), "; "),
            s.content, s.cue, s.kind, confidence_text(s.confidence), s.document, std::to_string(s.revision),
            s.title, s.outlet, s.date.empty() ? s.day : s.date, s.url, std::to_string(s.start),
            std::to_string(s.end), std::to_string(s.claim_id)};
}

}  // namespace

Format parse_format(std::string_view name) {
    if (name == "text") return Format::Text;
    if (name == "json") return Format::Json;
    if (name == "jsonl") return Format::Jsonl;
    if (name == "csv") return Format::Csv;
    throw std::invalid_argument("unknown format “" + std::string(name) + "”: text, json, jsonl or csv");
}

std::string role_text(const Role& role) {
    std::string out = role.former && !role.title.empty() ? "former " + role.title : role.title;
    if (!role.organisation.empty()) out += out.empty() ? role.organisation : ", " + role.organisation;
    return out;
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

nlohmann::json to_json(const Role& role) {
    nlohmann::json j = {{"title", role.title}, {"former", role.former}};
    j["organisation"] = name_or_null(role.organisation);
    j["organisation_id"] = role.organisation_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(role.organisation_id);
    return j;
}

nlohmann::json to_json(const Statement& s) {
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& r : s.roles) roles.push_back(to_json(r));
    return {{"id", s.id},
            {"speaker", name_or_null(s.speaker)},
            {"speaker_id", s.speaker_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.speaker_id)},
            {"speaker_kind", name_or_null(s.speaker_kind)},
            {"roles", roles},
            {"recipient", name_or_null(s.recipient)},
            {"recipient_id", s.recipient_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.recipient_id)},
            {"content", span(s.start, s.end, s.content)},
            {"cue", span(s.cue_start, s.cue_end, s.cue)},
            {"source", span(s.source_start, s.source_end, s.source)},
            {"kind", s.kind},
            {"confidence", s.confidence},
            {"continuation", s.continuation},
            {"rule", s.rule},
            {"claim_id", s.claim_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.claim_id)},
            {"document", s.document},
            {"revision", s.revision},
            {"title", s.title},
            {"outlet", s.outlet},
            {"date", s.date},
            {"day", s.day},
            {"url", s.url},
            {"extractor", s.extractor}};
}

nlohmann::json to_json(const Entity& e) {
    nlohmann::json roles = nlohmann::json::array(), members = nlohmann::json::array();
    for (const auto& r : e.roles) roles.push_back(to_json(r));
    for (const auto& m : e.members)
        members.push_back({{"person", m.organisation}, {"person_id", m.organisation_id}, {"title", m.title}, {"former", m.former}});
    return {{"id", e.id},           {"kind", e.kind},
            {"name", e.name},       {"aliases", e.aliases},
            {"roles", roles},       {"organisations", organisations_of(e.roles)},
            {"members", members},   {"statements", e.statements},
            {"first_seen", name_or_null(e.first_seen)}, {"last_seen", name_or_null(e.last_seen)},
            {"outlets", e.outlets}};
}

nlohmann::json to_json(const Change& c) {
    return {{"type", change_name(c.type)},
            {"before", c.before ? to_json(*c.before) : nlohmann::json(nullptr)},
            {"after", c.after ? to_json(*c.after) : nlohmann::json(nullptr)},
            {"diff", c.type == ChangeType::Reworded ? nlohmann::json(c.diff) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const Revision& r) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : r.changes) changes.push_back(to_json(c));
    return {{"revision", r.number}, {"ingested_at", r.ingested_at}, {"title", r.title},
            {"url", r.url},         {"date", r.date},               {"outlet", r.outlet},
            {"extractor", r.extractor}, {"statements", r.statements}, {"changes", changes}};
}

nlohmann::json to_json(const Document& d) {
    nlohmann::json revisions = nlohmann::json::array();
    for (const auto& r : d.revisions) revisions.push_back(to_json(r));
    return {{"id", d.id}, {"revisions", revisions}};
}

nlohmann::json to_json(const DocumentSummary& d) {
    return {{"id", d.id},     {"title", d.title}, {"outlet", d.outlet},           {"date", d.date},
            {"url", d.url},   {"day", d.day},     {"ingested_at", d.ingested_at}, {"revisions", d.revisions},
            {"statements", d.statements}};
}

nlohmann::json to_json(const TimelinePoint& p) {
    return {{"period", p.period}, {"statements", p.statements}, {"documents", p.documents}};
}

nlohmann::json to_json(const Claim& c) {
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& r : c.reports) {
        nlohmann::json j = to_json(r.statement);
        j["first"] = r.first;
        reports.push_back(std::move(j));
    }
    return {{"id", c.id}, {"content", c.content}, {"kind", c.kind}, {"reports", reports}};
}

nlohmann::json to_json(const Counts& c) {
    return {{"documents", c.documents}, {"revisions", c.revisions},         {"statements", c.statements},
            {"people", c.people},       {"organisations", c.organisations}, {"groups", c.groups},
            {"claims", c.claims}};
}

void write_statements(std::ostream& out, const std::vector<Statement>& statements, Format format) {
    switch (format) {
        case Format::Json:
        case Format::Jsonl: write_json_items(out, statements, format); return;
        case Format::Csv:
            write_csv_row(out, kStatementHeader);
            for (const auto& s : statements) write_csv_row(out, statement_fields(s));
            return;
        case Format::Text:
            for (const auto& s : statements) {
                out << statement_line(s) << '\n';
                std::string where = "    " + s.document;
                if (!s.outlet.empty()) where += ", " + s.outlet;
                where += ", " + (s.date.empty() ? s.day : s.date);
                if (auto roles = role_texts(s.roles); !roles.empty()) where += " — " + joined(roles, "; ");
                out << where << '\n';
            }
            return;
    }
}

void write_speakers(std::ostream& out, const std::vector<Speaker>& speakers, Format format) {
    switch (format) {
        case Format::Json:
        case Format::Jsonl: write_json_items(out, speakers, format); return;
        case Format::Csv:
            write_csv_row(out, {"id", "kind", "name", "statements", "first_seen", "last_seen", "roles", "organisations",
                                "outlets", "aliases"});
            for (const auto& s : speakers)
                write_csv_row(out, {std::to_string(s.id), s.kind, s.name, std::to_string(s.statements), s.first_seen,
                                    s.last_seen, joined(role_texts(s.roles), "; "),
                                    joined(organisations_of(s.roles), "; "), joined(s.outlets, "; "),
                                    joined(s.aliases, "; ")});
            return;
        case Format::Text:
            for (const auto& s : speakers) {
                out << s.statements << "  " << s.name << " (" << s.kind << ", #" << s.id << ")  " << s.first_seen
                    << " … " << s.last_seen << '\n';
                if (auto roles = role_texts(s.roles); !roles.empty()) out << "    roles: " << joined(roles, "; ") << '\n';
                if (!s.outlets.empty()) out << "    quoted by: " << joined(s.outlets, ", ") << '\n';
            }
            return;
    }
}

void write_timeline(std::ostream& out, const std::vector<TimelinePoint>& points, Format format) {
    switch (format) {
        case Format::Json:
        case Format::Jsonl: write_json_items(out, points, format); return;
        case Format::Csv:
            write_csv_row(out, {"period", "statements", "documents"});
            for (const auto& p : points)
                write_csv_row(out, {p.period, std::to_string(p.statements), std::to_string(p.documents)});
            return;
        case Format::Text:
            for (const auto& p : points)
                out << p.period << "  " << p.statements << (p.statements == 1 ? " statement" : " statements") << " in "
                    << p.documents << (p.documents == 1 ? " document" : " documents") << '\n';
            return;
    }
}

void write_claim(std::ostream& out, const Claim& claim, Format format) {
    switch (format) {
        case Format::Json: out << to_json(claim).dump(2) << '\n'; return;
        case Format::Jsonl: out << to_json(claim).dump() << '\n'; return;
        case Format::Csv:
            write_csv_row(out, {"first", "day", "outlet", "document", "speaker", "cue", "content", "url"});
            for (const auto& r : claim.reports) {
                const auto& s = r.statement;
                write_csv_row(out, {r.first ? "yes" : "no", s.day, s.outlet, s.document, s.speaker, s.cue, s.content, s.url});
            }
            return;
        case Format::Text:
            out << "claim #" << claim.id << ": " << claim.content << '\n';
            for (const auto& r : claim.reports) {
                const auto& s = r.statement;
                out << (r.first ? "  first  " : "         ") << s.day << "  " << (s.outlet.empty() ? "(no outlet)" : s.outlet)
                    << "  " << s.document << "  " << (s.speaker.empty() ? "(unattributed)" : s.speaker) << '\n';
            }
            return;
    }
}

void write_history(std::ostream& out, const Document& document, Format format) {
    switch (format) {
        case Format::Json: out << to_json(document).dump(2) << '\n'; return;
        case Format::Jsonl:
            for (const auto& r : document.revisions) {
                nlohmann::json j = to_json(r);
                j["document"] = document.id;
                out << j.dump() << '\n';
            }
            return;
        case Format::Csv:
            write_csv_row(out, {"document", "revision", "ingested_at", "change", "speaker", "before", "after", "diff"});
            for (const auto& r : document.revisions)
                for (const auto& c : r.changes) {
                    const Statement* either = c.after ? &*c.after : c.before ? &*c.before : nullptr;
                    write_csv_row(out, {document.id, std::to_string(r.number), r.ingested_at, change_name(c.type),
                                        either ? either->speaker : "", c.before ? c.before->content : "",
                                        c.after ? c.after->content : "", c.diff});
                }
            return;
        case Format::Text:
            out << document.id << '\n';
            for (const auto& r : document.revisions) {
                out << "revision " << r.number << "  ingested " << r.ingested_at << "  " << r.statements
                    << (r.statements == 1 ? " statement" : " statements") << '\n';
                for (const auto& c : r.changes) {
                    out << "  " << change_name(c.type) << ": ";
                    if (c.type == ChangeType::Reworded) {
                        out << c.after->speaker << '\n'
                            << "    before: " << c.before->content << '\n'
                            << "    after:  " << c.after->content << '\n'
                            << "    diff:   " << c.diff << '\n';
                    } else {
                        out << statement_line(c.after ? *c.after : *c.before) << '\n';
                    }
                }
            }
            return;
    }
}

}  // namespace qg::store
