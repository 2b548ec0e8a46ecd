// Migration 4: full-text indexes that keep no copy of the text, and highlight comments in the search.
//
// The FTS5 tables become external-content tables: they hold only the index, and read text (when asked for a column)
// from a view over the source table, keyed on the source row's rowid. Each view says, in one place, what its index
// holds:
//   - paragraphs: live paragraphs of live articles, and of imports still being written (a large import is written in
//     chunks while its article is hidden; indexing as it goes keeps the publish step short). The search leaves out
//     articles still importing; a deleted article's paragraphs leave the index (triggers on articles), and come back
//     when it is restored.
//   - notes: live notes (title and text).
//   - highlights: live highlights with a comment (the comment).
// Triggers keep each index equal to its view. External content means the index cannot read the old text when a row
// changes: every trigger removes a row with the exact values it was indexed with (the 'delete' command), and only when
// the row was in the view. `INSERT INTO x_fts(x_fts) VALUES('rebuild')` rebuilds an index from its view (it runs
// here), and `INSERT INTO x_fts(x_fts, rank) VALUES('integrity-check', 1)` checks an index against it.
//
// Rowids: the indexes are keyed on rowids of tables without an INTEGER PRIMARY KEY, which VACUUM may renumber, and a
// table rebuild (migration 2's procedure) renumbers unless it copies rowid. After either, rebuild the three indexes.
//
// prefix='2 3': two- and three-letter prefixes get their own index entries, so the first letters typed in the search
// box (the last word is prefix-matched) read one list instead of merging thousands of words' lists (e.g. "th" → the,
// they, that, …). It costs index space; the copy of the text these tables no longer keep is larger.
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'`

/** An article whose paragraphs are indexed: live, or an import still being written. */
const indexedArticle = (a: string): string => `(${a}.deleted_at IS NULL OR ${a}.import_job IS NOT NULL)`
const articleIndexed = (articleId: string): string =>
  `EXISTS (SELECT 1 FROM articles a WHERE a.id = ${articleId} AND ${indexedArticle('a')})`

export const sql = /* sql */ `
DROP TRIGGER paragraphs_fts_insert;
DROP TRIGGER paragraphs_fts_update;
DROP TRIGGER paragraphs_fts_delete;
DROP TRIGGER notes_fts_insert;
DROP TRIGGER notes_fts_update;
DROP TRIGGER notes_fts_delete;
DROP TABLE paragraphs_fts;
DROP TABLE notes_fts;

CREATE VIEW paragraphs_fts_source AS
  SELECT p.rowid AS rowid, p.text AS text
  FROM paragraphs p JOIN articles a ON a.id = p.article_id
  WHERE p.deleted_at IS NULL AND ${indexedArticle('a')};
CREATE VIEW notes_fts_source AS
  SELECT rowid AS rowid, title, text FROM notes WHERE deleted_at IS NULL;
CREATE VIEW highlights_fts_source AS
  SELECT rowid AS rowid, comment FROM highlights WHERE deleted_at IS NULL AND comment <> '';

CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content = 'paragraphs_fts_source', content_rowid = 'rowid', ${TOKENIZE});
CREATE VIRTUAL TABLE notes_fts USING fts5(title, text, content = 'notes_fts_source', content_rowid = 'rowid', ${TOKENIZE});
CREATE VIRTUAL TABLE highlights_fts USING fts5(comment, content = 'highlights_fts_source', content_rowid = 'rowid', ${TOKENIZE});

-- Paragraphs. A re-import rewrites every paragraph row; only a changed text or a tombstone touches the index.
CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs
WHEN new.deleted_at IS NULL AND ${articleIndexed('new.article_id')}
BEGIN
  INSERT INTO paragraphs_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF text, deleted_at ON paragraphs
WHEN (old.text IS NOT new.text OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)) AND ${articleIndexed('new.article_id')}
BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) SELECT 'delete', old.rowid, old.text WHERE old.deleted_at IS NULL;
  INSERT INTO paragraphs_fts(rowid, text) SELECT new.rowid, new.text WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs
WHEN old.deleted_at IS NULL AND ${articleIndexed('old.article_id')}
BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

-- An article deleted or restored takes its live paragraphs out of the index or puts them back (publishing an import
-- changes nothing: its paragraphs were indexed as they were written).
CREATE TRIGGER articles_fts_visibility AFTER UPDATE OF deleted_at, import_job ON articles
WHEN ${indexedArticle('old')} <> ${indexedArticle('new')}
BEGIN
  INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
    SELECT 'delete', p.rowid, p.text FROM paragraphs p WHERE p.article_id = old.id AND p.deleted_at IS NULL AND ${indexedArticle('old')};
  INSERT INTO paragraphs_fts(rowid, text)
    SELECT p.rowid, p.text FROM paragraphs p WHERE p.article_id = new.id AND p.deleted_at IS NULL AND ${indexedArticle('new')};
END;

-- Notes. An autosave that changes only the document's structure (not its text) leaves the index alone.
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes WHEN new.deleted_at IS NULL
BEGIN
  INSERT INTO notes_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, text, deleted_at ON notes
WHEN old.title IS NOT new.title OR old.text IS NOT new.text OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, title, text) SELECT 'delete', old.rowid, old.title, old.text WHERE old.deleted_at IS NULL;
  INSERT INTO notes_fts(rowid, title, text) SELECT new.rowid, new.title, new.text WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes WHEN old.deleted_at IS NULL
BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

-- Highlight comments. (A deleted article's highlights are tombstoned with it, so they leave the index here.)
CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights WHEN new.deleted_at IS NULL AND new.comment <> ''
BEGIN
  INSERT INTO highlights_fts(rowid, comment) VALUES (new.rowid, new.comment);
END;
CREATE TRIGGER highlights_fts_update AFTER UPDATE OF comment, deleted_at ON highlights
WHEN old.comment IS NOT new.comment OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
BEGIN
  INSERT INTO highlights_fts(highlights_fts, rowid, comment)
    SELECT 'delete', old.rowid, old.comment WHERE old.deleted_at IS NULL AND old.comment <> '';
  INSERT INTO highlights_fts(rowid, comment) SELECT new.rowid, new.comment WHERE new.deleted_at IS NULL AND new.comment <> '';
END;
CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights WHEN old.deleted_at IS NULL AND old.comment <> ''
BEGIN
  INSERT INTO highlights_fts(highlights_fts, rowid, comment) VALUES ('delete', old.rowid, old.comment);
END;

-- The existing library, indexed once from the views, each index merged into one segment.
INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');
INSERT INTO highlights_fts(highlights_fts) VALUES ('rebuild');
INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('optimize');
INSERT INTO notes_fts(notes_fts) VALUES ('optimize');
INSERT INTO highlights_fts(highlights_fts) VALUES ('optimize');
`
