// Ordered list of schema migrations. Migration N brings the database from user_version N-1 to N.
// Append new files here; never edit one that has shipped.
import { sql as m001 } from './001-initial'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: '001-initial', sql: m001 }]

/** The schema version this build of Gloss writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
