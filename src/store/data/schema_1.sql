-- Version 1 of the tracker's schema: documents and their revisions, statements, tracker-wide
-- entities with aliases and roles, claims, and the changes between revisions.
-- Later versions are migrate_N.sql, applied in order (docs/tracker.md).

-- A document as the user names it (its id, or its url), whatever revision is current.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL DEFAULT '',
    current_revision INTEGER
);
CREATE INDEX documents_url ON documents(url) WHERE url <> '';

-- Every text a document has had. The text is kept so statements can be re-extracted and
-- their code point offsets stay meaningful.
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_hash INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL,
    format TEXT NOT NULL,
    paragraphs BLOB,
    links TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL,
    UNIQUE (document, number)
);
CREATE INDEX revisions_day ON revisions(day);
CREATE INDEX revisions_outlet ON revisions(outlet);

-- Tracker-wide people, organisations and groups.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'group')),
    name TEXT NOT NULL,
    surname TEXT NOT NULL DEFAULT '',
    first_revision INTEGER NOT NULL REFERENCES revisions(id)
);
CREATE INDEX entities_surname ON entities(surname) WHERE surname <> '';

-- Every form an entity is named by, its canonical name included.
CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    UNIQUE (entity, alias)
);
CREATE INDEX aliases_key ON aliases(key);

-- What joins an entity of a new document to a known one (graph/names.h).
CREATE TABLE merge_keys (
    key TEXT PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(id),
    from_alias INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE roles (
    person INTEGER NOT NULL REFERENCES entities(id),
    title TEXT NOT NULL,
    organisation INTEGER NOT NULL DEFAULT 0,
    former INTEGER NOT NULL DEFAULT 0,
    first_revision INTEGER NOT NULL REFERENCES revisions(id),
    PRIMARY KEY (person, title, organisation, former)
) WITHOUT ROWID;
CREATE INDEX roles_organisation ON roles(organisation);

-- The same statement reported by several documents.
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    key_hash INTEGER NOT NULL,
    content TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX claims_key_hash ON claims(key_hash);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL REFERENCES revisions(id),
    position INTEGER NOT NULL,
    current INTEGER NOT NULL DEFAULT 1,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    cue TEXT NOT NULL DEFAULT '',
    cue_start INTEGER NOT NULL DEFAULT 0,
    cue_end INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    source_start INTEGER NOT NULL DEFAULT 0,
    source_end INTEGER NOT NULL DEFAULT 0,
    speaker INTEGER REFERENCES entities(id),
    recipient INTEGER REFERENCES entities(id),
    continuation INTEGER NOT NULL DEFAULT 0,
    continues INTEGER REFERENCES statements(id),
    confidence REAL NOT NULL,
    rule TEXT NOT NULL,
    claim INTEGER REFERENCES claims(id),
    extractor TEXT NOT NULL
);
CREATE INDEX statements_revision ON statements(revision);
CREATE INDEX statements_speaker ON statements(speaker) WHERE current = 1;
CREATE INDEX statements_claim ON statements(claim);

-- Where each entity is named in a revision's text (code points).
CREATE TABLE mentions (
    revision INTEGER NOT NULL REFERENCES revisions(id),
    entity INTEGER NOT NULL REFERENCES entities(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX mentions_revision ON mentions(revision);

-- What changed in a revision against the one before it.
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL REFERENCES revisions(id),
    type TEXT NOT NULL CHECK (type IN ('added', 'removed', 'reworded')),
    before INTEGER REFERENCES statements(id),
    after INTEGER REFERENCES statements(id),
    diff TEXT NOT NULL DEFAULT ''
);
CREATE INDEX changes_revision ON changes(revision);
