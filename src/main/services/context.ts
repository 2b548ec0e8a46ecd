// What every service module shares: the open database, the backend's options, the import worker pool, the
// imports in flight and the analyses.
import type { DB } from '../db/database'
import type { ImportJobs } from '../import/jobs'
import type { ImportRunner } from '../import/runner'
import type { fetchPage } from '../net/fetch-page'
import type { AnalysisState } from './analysis'

/** Prints report HTML; `kind` ("Project report") heads every page beside the title. */
export type PdfRenderer = (html: string, opts: { pageSize: 'A4' | 'Letter'; title: string; kind?: string }) => Promise<Uint8Array>

export interface BackendOptions {
  /** Folder holding gloss.db (created if missing). */
  dataDir: string
  mode: 'electron' | 'web'
  /** Folder holding the bundled sample article (resources/). */
  resourcesDir: string
  pdf: PdfRenderer
  /** better_sqlite3.node built for the running runtime, when it is not Node's (Electron). */
  nativeBinding?: string
  /** For tests: fetches web pages (default: fetchPage from src/main/net). */
  fetchPage?: typeof fetchPage
}

export interface Ctx {
  db: DB
  opts: BackendOptions
  importer: ImportRunner
  jobs: ImportJobs
  /** Analyses running and recently made (entities, quotations). */
  analysis: AnalysisState
}
