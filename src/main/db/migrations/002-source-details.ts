// Migration 2: real sources. Articles get their bibliographic details as separate columns (authors as a JSON list,
// publisher, web address, accessed date, file name, language, excerpt), the formats PDF/EPUB/Word, and an import_job
// marker for imports still being written (such rows are invisible: deleted_at is set until the import publishes
// them). Paragraphs keep inline formatting (marks, JSON), table structure (row_header, table_group) and the page they
// start on (paged sources).
// The format CHECK constraint can only change by rebuilding the table, which needs foreign keys off (see
// runMigration): ids are kept, so every reference stays valid (foreign_key_check runs before the commit).
export const sql = /* sql */ `
CREATE TABLE articles_v2 (
  id           TEXT PRIMARY KEY NOT NULL,
  title        TEXT NOT NULL,
  authors      TEXT NOT NULL DEFAULT '[]',
  publisher    TEXT,
  published_at TEXT,
  url          TEXT,
  accessed_at  TEXT,
  file_name    TEXT,
  lang         TEXT,
  excerpt      TEXT,
  format       TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'pdf', 'epub', 'docx')),
  warnings     TEXT NOT NULL DEFAULT '[]',
  import_job   TEXT,
  -- Set when the user corrected the details ("Edit details…"): a re-import then keeps them.
  details_edited_at TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);

INSERT INTO articles_v2 (id, title, authors, published_at, url, file_name, format, warnings, created_at, updated_at, deleted_at)
  SELECT id, title,
         CASE WHEN author IS NULL OR trim(author) = '' THEN '[]' ELSE json_array(author) END,
         published_at,
         CASE WHEN source LIKE 'http://%' OR source LIKE 'https://%' THEN source END,
         CASE WHEN source LIKE 'http://%' OR source LIKE 'https://%' THEN NULL ELSE source END,
         format, warnings, created_at, updated_at, deleted_at
  FROM articles;

DROP TABLE articles;
ALTER TABLE articles_v2 RENAME TO articles;
CREATE INDEX articles_importing ON articles(import_job) WHERE import_job IS NOT NULL;

ALTER TABLE paragraphs ADD COLUMN marks TEXT;
ALTER TABLE paragraphs ADD COLUMN row_header INTEGER NOT NULL DEFAULT 0;
ALTER TABLE paragraphs ADD COLUMN table_group INTEGER;
ALTER TABLE paragraphs ADD COLUMN page TEXT;
`
