// What every service module shares: the open database and the backend's options.
import type { DB } from '../db/database'

export type PdfRenderer = (html: string, opts: { pageSize: 'A4' | 'Letter'; title: string }) => Promise<Uint8Array>

export interface BackendOptions {
  /** Folder holding gloss.db (created if missing). */
  dataDir: string
  mode: 'electron' | 'web'
  /** Folder holding the bundled sample article (resources/). */
  resourcesDir: string
  pdf: PdfRenderer
  /** better_sqlite3.node built for the running runtime, when it is not Node's (Electron). */
  nativeBinding?: string
}

export interface Ctx {
  db: DB
  opts: BackendOptions
}
