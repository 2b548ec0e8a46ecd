// Ordered list of schema migrations. Migration N brings the database from user_version N-1 to N.
// Append new files here; never edit one that has shipped.
import { sql as m001 } from './001-initial'
import { sql as m002 } from './002-source-details'
import { sql as m003 } from './003-projects'
import { sql as m004 } from './004-search-index'
import { sql as m005 } from './005-analysis'
import { sql as m006 } from './006-sync'
import { sql as m007 } from './007-ach-sync'

export interface Migration {
  version: number
  name: string
  sql: string
  /** Rebuilds a table that others reference: run with foreign keys off, checked before the commit. */
  rebuildsTables?: boolean
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-initial', sql: m001 },
  { version: 2, name: '002-source-details', sql: m002, rebuildsTables: true },
  { version: 3, name: '003-projects', sql: m003 },
  { version: 4, name: '004-search-index', sql: m004 },
  { version: 5, name: '005-analysis', sql: m005 },
  { version: 6, name: '006-sync', sql: m006 },
  { version: 7, name: '007-ach-sync', sql: m007 }
]

/** The schema version this build of Gloss writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
