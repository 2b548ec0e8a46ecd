// Migration 7: ACH matrices in shared projects. Self-contained: it only adds a table and triggers.
//   outbox triggers   a write to ach_matrices (new, saved, renamed, deleted, restored) is put in sync_outbox in the
//                     writer's own transaction, as migration 006 does for notes, highlights and the rest
//   sync_ach_versions which version of each shared matrix this library's row holds, and who saved it (the project
//                     document's `version` / `editedBy`): how a member tells a colleague's later save from one made
//                     at the same time as its own (core/sync/ach-record.ts)
//   the matrices of projects already shared, where this member may change them (owner, editor), go in the outbox
//   once, so colleagues get the ones made before this version (a reader's stay in their own library)
export const sql = /* sql */ `
CREATE TABLE sync_ach_versions (
  matrix_id TEXT PRIMARY KEY NOT NULL,
  version   TEXT NOT NULL,
  edited_by TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER sync_outbox_ach_matrices_insert AFTER INSERT ON ach_matrices
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('ach', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

CREATE TRIGGER sync_outbox_ach_matrices_update AFTER UPDATE ON ach_matrices
  WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND EXISTS (SELECT 1 FROM sync_projects WHERE left_at IS NULL)
BEGIN
  INSERT INTO sync_outbox (kind, key, at) VALUES ('ach', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (kind, key) DO NOTHING;
END;

INSERT INTO sync_outbox (kind, key, at)
  SELECT 'ach', m.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM ach_matrices m JOIN sync_projects p ON p.project_id = m.project_id
  WHERE p.left_at IS NULL AND p.role IN ('owner', 'editor')
  ON CONFLICT (kind, key) DO NOTHING;
`
