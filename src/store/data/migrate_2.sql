-- Version 2: full-text search (FTS5) over statement contents and over every name and
-- alias, kept up to date by triggers. Existing rows are indexed by 'rebuild'.
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, content = 'statements', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content);
END;

CREATE VIRTUAL TABLE names_fts USING fts5(
    alias, content = 'aliases', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO names_fts(names_fts) VALUES ('rebuild');
CREATE TRIGGER names_fts_insert AFTER INSERT ON aliases BEGIN
    INSERT INTO names_fts(rowid, alias) VALUES (new.id, new.alias);
END;
CREATE TRIGGER names_fts_delete AFTER DELETE ON aliases BEGIN
    INSERT INTO names_fts(names_fts, rowid, alias) VALUES ('delete', old.id, old.alias);
END;
