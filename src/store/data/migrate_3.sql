-- Version 3: cheaper rows for the ingest writer, which runs on one thread (performance.md).
--  * mentions: one row per revision instead of one per mention (1.3 rows per statement,
--    each with an index entry, only ever read a revision at a time).
--  * The kind/type CHECKs written as OR chains: SQLite (3.40) evaluates `x IN ('a', 'b',
--    'c')` by building a temporary b-tree on every insert, a tenth of an ingest's work, so
--    the writer used to skip the CHECKs; an OR chain costs nothing and every writer keeps
--    them. A CHECK cannot be altered, so those tables are rebuilt with their ids kept.
--  * The full-text indexes without the per-row token counts (columnsize=0): nothing ranks
--    by them, and they were a b-tree row per statement.

-- mentions: `spans` is the revision's mentions as decimal "entity start end" triples,
-- space-separated, in code points (text, not a blob, so this migration can build it).
CREATE TABLE mentions_v3 (
    revision INTEGER PRIMARY KEY REFERENCES revisions(id),
    spans TEXT NOT NULL
);
INSERT INTO mentions_v3 (revision, spans)
    SELECT revision, group_concat(entity || ' ' || start || ' ' || "end", ' ') FROM mentions GROUP BY revision;
DROP TABLE mentions;
ALTER TABLE mentions_v3 RENAME TO mentions;

CREATE TABLE entities_v3 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind = 'person' OR kind = 'organisation' OR kind = 'group'),
    name TEXT NOT NULL,
    surname TEXT NOT NULL DEFAULT '',
    first_revision INTEGER NOT NULL REFERENCES revisions(id)
);
INSERT INTO entities_v3 (id, kind, name, surname, first_revision)
    SELECT id, kind, name, surname, first_revision FROM entities;
DROP TABLE entities;
ALTER TABLE entities_v3 RENAME TO entities;
CREATE INDEX entities_surname ON entities(surname) WHERE surname <> '';

CREATE TABLE statements_v3 (
    id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL REFERENCES revisions(id),
    position INTEGER NOT NULL,
    current INTEGER NOT NULL DEFAULT 1,
    kind TEXT NOT NULL CHECK (kind = 'direct' OR kind = 'indirect' OR kind = 'mixed'),
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
INSERT INTO statements_v3 (id, revision, position, current, kind, content, content_start, content_end, cue,
                           cue_start, cue_end, source, source_start, source_end, speaker, recipient, continuation,
                           continues, confidence, rule, claim, extractor)
    SELECT id, revision, position, current, kind, content, content_start, content_end, cue, cue_start, cue_end,
           source, source_start, source_end, speaker, recipient, continuation, continues, confidence, rule, claim,
           extractor FROM statements;
DROP TABLE statements;
ALTER TABLE statements_v3 RENAME TO statements;
CREATE INDEX statements_revision ON statements(revision);
CREATE INDEX statements_speaker ON statements(speaker) WHERE current = 1;
CREATE INDEX statements_claim ON statements(claim);

CREATE TABLE changes_v3 (
    id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL REFERENCES revisions(id),
    type TEXT NOT NULL CHECK (type = 'added' OR type = 'removed' OR type = 'reworded'),
    before INTEGER REFERENCES statements(id),
    after INTEGER REFERENCES statements(id),
    diff TEXT NOT NULL DEFAULT ''
);
INSERT INTO changes_v3 (id, revision, type, before, after, diff)
    SELECT id, revision, type, before, after, diff FROM changes;
DROP TABLE changes;
ALTER TABLE changes_v3 RENAME TO changes;
CREATE INDEX changes_revision ON changes(revision);

-- The full-text indexes again, as version 2 made them but for columnsize=0 (the triggers
-- on statements went with its old table; those on aliases are made again with names_fts).
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, content = 'statements', content_rowid = 'id', columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;

DROP TRIGGER names_fts_delete;
DROP TABLE names_fts;
CREATE VIRTUAL TABLE names_fts USING fts5(
    alias, content = 'aliases', content_rowid = 'id', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO names_fts(names_fts) VALUES ('rebuild');
CREATE TRIGGER names_fts_delete AFTER DELETE ON aliases BEGIN
    INSERT INTO names_fts(names_fts, rowid, alias) VALUES ('delete', old.id, old.alias);
END;
