-- Version 2: full-text search (FTS5) over statement contents and over every name and
-- alias. Existing rows are indexed by 'rebuild'; new rows are indexed by the store in bulk
-- when each transaction commits (an insert trigger per row costs three times as much).
-- Rows are never deleted or rewritten, but should they be, the triggers keep the index true.
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content, content = 'statements', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
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
CREATE TRIGGER names_fts_delete AFTER DELETE ON aliases BEGIN
    INSERT INTO names_fts(names_fts, rowid, alias) VALUES ('delete', old.id, old.alias);
END;
