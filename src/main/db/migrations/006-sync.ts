// Migration 6: team projects (sync). Self-contained: it only adds tables, one column and triggers.
//   sync_projects        the projects shared through a team server: its address, this member's token (their
//                        credential, like a session key), id and role there, and whether they left
//   sync_updates         every Yjs update of every shared document, local and remote, appended in the same write
//                        transaction as the rows it changed: the documents are rebuilt from it at start, and local
//                        updates the server has not acknowledged yet (acked_at NULL) are what "pending" counts
//   sync_outbox          what local writes changed (filled by the triggers below, in the writer's own transaction, so
//                        a crash between a write and its mirroring into the document loses nothing)
//   sync_state           one row: applying = 1 while remote changes are written (the triggers then stay quiet)
//   sync_note_revisions  the Yjs state of a shared note at each revision (a save made from an older revision is merged
//                        from there, so a colleague's text typed meanwhile stays)
//   notes.shared         1 when a note's text lives in a Yjs document (a note of a shared project). Local-only notes
//                        keep the revision model; a note switches when its project is shared, its JSON converted into
//                        the document whole (nothing is lost; the JSON column stays the copy the app reads).
export const sql = /* sql */ `
CREATE TABLE sync_projects (
  project_id     TEXT PRIMARY KEY NOT NULL,
  server_url     TEXT NOT NULL,
  token          TEXT NOT NULL,
  -- 'create': the project is being put on the server by this member (its owner); 'member': an ordinary connection.
  mode           TEXT NOT NULL CHECK (mode IN ('create', 'member')),
  member_id      TEXT,
  member_name    TEXT NOT NULL DEFAULT '',
  role           TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'reader')),
  last_error     TEXT,
  last_synced_at TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  left_at        TEXT
);

CREATE TABLE sync_updates (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_name   TEXT NOT NULL,
  data       BLOB NOT NULL,
  origin     TEXT NOT NULL CHECK (origin IN ('local', 'remote', 'snapshot')),
  created_at TEXT NOT NULL,
  acked_at   TEXT
);
CREATE INDEX sync_updates_by_doc ON sync_updates(doc_name, id);

CREATE TABLE sync_outbox (
  kind TEXT NOT NULL,
  key  TEXT NOT NULL,
  at   TEXT NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;

CREATE TABLE sync_state (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  applying INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_state (id, applying) VALUES (1, 0);

CREATE TABLE sync_note_revisions (
  note_id  TEXT NOT NULL,
  revision INTEGER NOT NULL,
  state    BLOB NOT NULL,
  PRIMARY KEY (note_id, revision)
);

ALTER TABLE notes ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER sync_outbox_projects_update AFTER UPDATE ON projects
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('project', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_articles_update AFTER UPDATE ON articles
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('source', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_paragraphs_insert AFTER INSERT ON paragraphs
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('source', NEW.article_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_paragraphs_update AFTER UPDATE ON paragraphs
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('source', NEW.article_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_project_sources_insert AFTER INSERT ON project_sources
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('membership', NEW.project_id || ':' || NEW.article_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_project_sources_update AFTER UPDATE ON project_sources
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('membership', NEW.project_id || ':' || NEW.article_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_highlights_insert AFTER INSERT ON highlights
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('highlight', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_highlights_update AFTER UPDATE ON highlights
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('highlight', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_tags_insert AFTER INSERT ON tags
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('tag', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_tags_update AFTER UPDATE ON tags
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('tag', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_tag_links_insert AFTER INSERT ON tag_links
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('tag_link', NEW.tag_id || ':' || NEW.target_kind || ':' || NEW.target_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_tag_links_update AFTER UPDATE ON tag_links
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('tag_link', NEW.tag_id || ':' || NEW.target_kind || ':' || NEW.target_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_notes_insert AFTER INSERT ON notes
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('note', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_notes_update AFTER UPDATE ON notes
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('note', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;
`
