// Migration 1: the initial schema. Sync-ready: global ULID text ids, created/updated timestamps and
// deleted_at tombstones (user data is never hard-deleted). Full-text indexes are kept in sync by triggers.
// The FTS tables hold their own copy of the text, keyed on the rowid of their source rows.
export const sql = /* sql */ `
CREATE TABLE articles (
  id           TEXT PRIMARY KEY NOT NULL,
  title        TEXT NOT NULL,
  source       TEXT,
  author       TEXT,
  published_at TEXT,
  format       TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html')),
  warnings     TEXT NOT NULL DEFAULT '[]',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);

CREATE TABLE paragraphs (
  article_id TEXT NOT NULL REFERENCES articles(id),
  id         TEXT NOT NULL,
  position   INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  list       TEXT CHECK (list IS NULL OR list IN ('ul', 'ol')),
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX paragraphs_by_position ON paragraphs(article_id, position);

CREATE TABLE highlights (
  id         TEXT PRIMARY KEY NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles(id),
  color      TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'red')),
  comment    TEXT NOT NULL DEFAULT '',
  targets    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX highlights_by_article ON highlights(article_id);

CREATE TABLE notes (
  id          TEXT PRIMARY KEY NOT NULL,
  article_id  TEXT REFERENCES articles(id),
  -- 1 for the article's analysis note (the one getArticleNote serves); at most one live per article.
  is_analysis INTEGER NOT NULL DEFAULT 0,
  title       TEXT NOT NULL,
  doc         TEXT NOT NULL,
  doc_version INTEGER NOT NULL,
  text        TEXT NOT NULL DEFAULT '',
  revision    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX notes_by_article ON notes(article_id);
CREATE UNIQUE INDEX notes_one_analysis ON notes(article_id) WHERE is_analysis = 1 AND deleted_at IS NULL;

CREATE TABLE note_refs (
  note_id      TEXT NOT NULL REFERENCES notes(id),
  ordinal      INTEGER NOT NULL,
  article_id   TEXT NOT NULL,
  paragraph_id TEXT NOT NULL,
  quote        TEXT NOT NULL DEFAULT '',
  context      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (note_id, ordinal)
);
CREATE INDEX note_refs_by_target ON note_refs(article_id, paragraph_id);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

-- Full-text search over live paragraphs and notes (own content; rowid = source rowid).
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, article_id UNINDEXED, paragraph_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE notes_fts USING fts5(title, text, note_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO paragraphs_fts(rowid, text, article_id, paragraph_id) VALUES (new.rowid, new.text, new.article_id, new.id);
END;
CREATE TRIGGER paragraphs_fts_update AFTER UPDATE ON paragraphs BEGIN
  DELETE FROM paragraphs_fts WHERE rowid = old.rowid;
  INSERT INTO paragraphs_fts(rowid, text, article_id, paragraph_id)
    SELECT new.rowid, new.text, new.article_id, new.id WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
  DELETE FROM paragraphs_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO notes_fts(rowid, title, text, note_id) VALUES (new.rowid, new.title, new.text, new.id);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
  DELETE FROM notes_fts WHERE rowid = old.rowid;
  INSERT INTO notes_fts(rowid, title, text, note_id)
    SELECT new.rowid, new.title, new.text, new.id WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  DELETE FROM notes_fts WHERE rowid = old.rowid;
END;
`
