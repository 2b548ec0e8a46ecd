// Migration 007 on a library that already shares a project (real SQLite, in memory).
import { expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'
it('migration 007 puts the matrices of projects an editor shares in the outbox, once, and no others', () => {
  const db = new Database(':memory:')
  for (const m of MIGRATIONS.slice(0, 6)) db.exec(m.sql)
  db.exec("INSERT INTO projects (id, title, created_at, updated_at) VALUES ('P','t','x','x'); INSERT INTO projects (id, title, created_at, updated_at) VALUES ('Q','t','x','x')")
  db.exec("INSERT INTO sync_projects (project_id, server_url, token, mode, role, created_at, updated_at) VALUES ('P','ws://x','t','member','editor','x','x')")
  db.exec("INSERT INTO ach_matrices (id, project_id, title, doc, doc_version, created_at, updated_at) VALUES ('M1','P','a','{}',1,'x','x'),('M2','Q','a','{}',1,'x','x')")
  db.exec(MIGRATIONS[6].sql)
  expect(db.prepare('SELECT kind, key FROM sync_outbox').all()).toEqual([{ kind: 'ach', key: 'M1' }])
  // Written after it, a matrix goes in by its trigger.
  db.exec("UPDATE ach_matrices SET title = 'b' WHERE id = 'M2'")
  expect(db.prepare('SELECT key FROM sync_outbox ORDER BY key').all()).toEqual([{ key: 'M1' }, { key: 'M2' }])
})
