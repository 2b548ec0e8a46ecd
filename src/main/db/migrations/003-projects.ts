// Migration 3: projects and tags. A project gathers sources (many-to-many: a source may be in several projects) and
// has notes of its own; tags (codes) label highlights and sources. Every table has ULIDs, timestamps and tombstones
// like the rest (sync will use the project as its unit of sharing).
export const sql = /* sql */ `
CREATE TABLE projects (
  id         TEXT PRIMARY KEY NOT NULL,
  title      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE project_sources (
  project_id TEXT NOT NULL REFERENCES projects(id),
  article_id TEXT NOT NULL REFERENCES articles(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  PRIMARY KEY (project_id, article_id)
);
CREATE INDEX project_sources_by_article ON project_sources(article_id);

-- Tags are the library's: the same code ("sanctions") can label passages in several projects.
CREATE TABLE tags (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX tags_live_name ON tags(lower(name)) WHERE deleted_at IS NULL;

-- What a tag labels: a highlight or a source (article).
CREATE TABLE tag_links (
  tag_id      TEXT NOT NULL REFERENCES tags(id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('highlight', 'article')),
  target_id   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  PRIMARY KEY (tag_id, target_kind, target_id)
);
CREATE INDEX tag_links_by_target ON tag_links(target_kind, target_id);

-- A note written for a project (an article's analysis note keeps article_id; a free note has neither).
ALTER TABLE notes ADD COLUMN project_id TEXT REFERENCES projects(id);
CREATE INDEX notes_by_project ON notes(project_id);
`
