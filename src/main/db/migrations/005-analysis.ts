// Migration 5: the analysis. Two tables:
//   - paragraph_analysis: what the NLP engine found in each paragraph (names, parts of speech), cached so that only
//     changed paragraphs are analysed again. Derived data, keyed by paragraph and text hash: rows are replaced, not
//     tombstoned (they hold nothing a user made), and a row whose hash or engine differs is simply recomputed.
//   - ach_matrices: Analysis of Competing Hypotheses matrices, one project's each. User data like notes: ULID ids,
//     timestamps, tombstones, and a revision for optimistic concurrency (a conflicting save becomes a copy).
// Self-contained: it touches no table of another migration but articles and projects.
export const sql = /* sql */ `
CREATE TABLE paragraph_analysis (
  article_id   TEXT NOT NULL REFERENCES articles(id),
  paragraph_id TEXT NOT NULL,
  -- hashString of the paragraph text the result was computed from.
  text_hash    TEXT NOT NULL,
  -- The NLP engine and adapter version that produced it ("compromise@14.17.0/1").
  engine       TEXT NOT NULL,
  result       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (article_id, paragraph_id)
);

CREATE TABLE ach_matrices (
  id          TEXT PRIMARY KEY NOT NULL,
  project_id  TEXT NOT NULL REFERENCES projects(id),
  title       TEXT NOT NULL,
  -- The matrix (hypotheses, evidence, ratings) as JSON, in format doc_version.
  doc         TEXT NOT NULL,
  doc_version INTEGER NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX ach_matrices_by_project ON ach_matrices(project_id);
`
