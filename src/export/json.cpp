#include "export/json.h"

#include <charconv>
#include <cmath>

#include "attribution/lexicon.h"
#include "export/json_writer.h"
#include "text/text.h"

namespace qg::exporter {

namespace {

const char* type_name(entities::EntityType t) {
    switch (t) {
        case entities::EntityType::Organisation: return "organisation";
        case entities::EntityType::Group: return "group";
        default: return "person";
    }
}

// "a3", "e12": ids are positions, numbered from 1.
void write_id(JsonWriter& w, char prefix, int index) {
    if (index < 0) {
        w.null();
        return;
    }
    char buffer[16];
    buffer[0] = prefix;
    auto [end, error] = std::to_chars(buffer + 1, buffer + sizeof buffer, index + 1);
    w.value(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

// Keys of every object below are written in sorted order, as nlohmann::json keeps them.
class RecordWriter {
public:
    RecordWriter(const ingest::Document& document, std::string& out, int indent)
        : text_(document.text), index_(document.text), w_(out, indent) {}

    void write(const ingest::Document& document, const pipeline::Result& result) {
        // A record runs about three and a half times its text (the text itself, the
        // statements' spans and the mentions); room for four spares the growing.
        w_.reserve_more(4 * text_.size() + 4096);
        w_.begin_object();
        w_.key("attributions");
        w_.begin_array();
        for (size_t i = 0; i < result.attributions.size(); ++i) write_attribution(result.attributions[i], i);
        w_.end_array();
        w_.key("document");
        write_document(document);
        w_.key("entities");
        w_.begin_array();
        for (size_t i = 0; i < result.entities.size(); ++i) write_entity(result.entities[i], i);
        w_.end_array();
        w_.end_object();
    }

private:
    template <size_t N>
    void optional_field(const char (&name)[N], const std::string& value) {
        if (value.empty()) return;
        w_.key(name);
        w_.value(value);
    }

    void write_document(const ingest::Document& document) {
        w_.begin_object();
        optional_field("date", document.date);
        w_.key("id");
        w_.value(document.id);
        optional_field("outlet", document.outlet);
        w_.key("text");
        w_.value(text_);
        optional_field("title", document.title);
        optional_field("url", document.url);
        w_.end_object();
    }

    void write_span(attribution::ByteSpan s) {
        if (s.empty()) {
            w_.null();
            return;
        }
        w_.begin_object();
        w_.key("end");
        w_.value(uint64_t{index_.to_char(s.end)});
        w_.key("start");
        w_.value(uint64_t{index_.to_char(s.begin)});
        w_.key("text");
        w_.value(std::string_view(text_).substr(s.begin, s.end - s.begin));
        w_.end_object();
    }

    void write_attribution(const attribution::Attribution& a, size_t i) {
        w_.begin_object();
        w_.key("confidence");
        w_.value(std::round(a.confidence * 1000.0) / 1000.0);
        w_.key("content");
        write_span(a.content);
        w_.key("continuation");
        w_.value(a.continuation);
        if (a.continuation && a.continues >= 0) {
            w_.key("continues");
            write_id(w_, 'a', a.continues);
        }
        w_.key("cue");
        write_span(a.cue);
        w_.key("cue_strength");
        w_.value(attribution::cue_strength_name(a.cue_strength));
        w_.key("id");
        write_id(w_, 'a', static_cast<int>(i));
        w_.key("kind");
        w_.value(attribution::kind_name(a.kind));
        w_.key("recipient");
        write_id(w_, 'e', a.recipient);
        w_.key("rule");
        w_.value(attribution::Lexicon::rule_key(a.rule, a.weak_cue));
        w_.key("source");
        write_span(a.source);
        w_.key("source_kind");
        w_.value(attribution::source_kind_name(a.source_kind));
        w_.key("speaker");
        write_id(w_, 'e', a.speaker);
        w_.end_object();
    }

    void write_entity(const entities::Entity& e, size_t i) {
        w_.begin_object();
        w_.key("aliases");
        w_.begin_array();
        for (const auto& alias : e.aliases) w_.value(alias);
        w_.end_array();
        w_.key("id");
        write_id(w_, 'e', static_cast<int>(i));
        w_.key("mentions");
        w_.begin_array();
        for (const auto& m : e.mentions) {
            w_.begin_object();
            w_.key("end");
            w_.value(uint64_t{index_.to_char(m.end)});
            w_.key("start");
            w_.value(uint64_t{index_.to_char(m.begin)});
            w_.end_object();
        }
        w_.end_array();
        w_.key("name");
        w_.value(e.name);
        w_.key("roles");
        w_.begin_array();
        for (const auto& r : e.roles) {
            w_.begin_object();
            w_.key("former");
            w_.value(r.former);
            w_.key("organisation");
            write_id(w_, 'e', r.organisation);
            w_.key("title");
            w_.value(r.title);
            w_.end_object();
        }
        w_.end_array();
        w_.key("type");
        w_.value(type_name(e.type));
        w_.end_object();
    }

    const std::string& text_;
    text::OffsetIndex index_;
    JsonWriter w_;
};

}  // namespace

void write_json(const ingest::Document& document, const pipeline::Result& result, std::string& out, int indent) {
    RecordWriter(document, out, indent).write(document, result);
}

nlohmann::json to_json(const ingest::Document& document, const pipeline::Result& result) {
    std::string out;
    write_json(document, result, out);
    return nlohmann::json::parse(out);
}

}  // namespace qg::exporter
