// The backend: every GlossApi method (except saveFile, which the shell serves) over one SQLite library.
// No Electron here: the Electron main process, web mode and the CLI all use createBackend().
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { GlossError, type BackendMethod, type GlossApi } from '../../core/api'
import { openDatabase } from '../db/database'
import { userFacingError } from '../db/errors'
import { ImportJobs } from '../import/jobs'
import { createImportRunner } from '../import/runner'
import type { BackendOptions, Ctx } from './context'
import * as ach from './ach'
import * as analysis from './analysis'
import * as exporting from './export'
import * as hl from './highlights'
import * as library from './library'
import * as notes from './notes'
import * as projects from './projects'
import * as tags from './tags'
import * as reimport from './reimport'
import * as search from './search'
import * as suggest from './suggest'
import { version } from '../../../package.json'

export type { PdfRenderer, BackendOptions } from './context'
/** Every method of the contract except those the shell serves itself (saveFile). */
export type BackendApi = Pick<GlossApi, BackendMethod>

export const DB_FILE = 'gloss.db'

export interface Backend extends BackendApi {
  /** Closes the library (at once) and stops the import workers (awaited: the process can then exit). */
  close(): Promise<void>
}

export function createBackend(opts: BackendOptions): Backend {
  return backendOn(openLibrary(opts))
}

/**
 * Creates the data folder if needed, opens its library, removes imports a stopped process left half-written, and
 * imports the sample on first run. Throws a GlossError saying what is wrong and what to do (read-only or misplaced
 * folder, damaged library, full disk, …).
 */
export function openLibrary(opts: BackendOptions): Ctx {
  const file = join(opts.dataDir, DB_FILE)
  try {
    mkdirSync(opts.dataDir, { recursive: true })
  } catch (error) {
    throw (
      userFacingError(error, { dataDir: opts.dataDir, file }) ??
      new GlossError('internal', `Gloss could not create its data folder ${opts.dataDir}: ${(error as Error).message}`)
    )
  }
  const ctx: Ctx = {
    db: openDatabase(file, { nativeBinding: opts.nativeBinding }),
    opts,
    importer: createImportRunner(),
    jobs: new ImportJobs(),
    analysis: new analysis.AnalysisState()
  }
  try {
    library.dropStaleImports(ctx)
    library.importSampleOnFirstRun(ctx)
  } catch (error) {
    const why = userFacingError(error, { dataDir: opts.dataDir, file })?.message ?? (error as Error).message
    process.stderr.write(`Gloss: the sample article could not be imported: ${why}\n`)
  }
  return ctx
}

/**
 * The API over an open library. A SQLite or file-system failure leaves every method as a GlossError in plain
 * words naming this library's folder (userFacingError); other errors pass through unchanged.
 */
export function backendOn(ctx: Ctx): Backend {
  const { db, opts } = ctx
  const where = { dataDir: opts.dataDir, file: join(opts.dataDir, DB_FILE) }
  // Every method is async on the outside (same shape as the IPC/HTTP transports).
  const api: BackendApi = {
    appInfo: async () => ({ mode: opts.mode, version, dataDir: opts.dataDir }),
    listArticles: async () => library.listArticles(ctx),
    getArticle: async (id) => library.requireArticle(ctx, id),
    importFile: async (req) => library.importFile(ctx, req),
    importText: async (req) => library.importText(ctx, req),
    importUrl: async (req) => library.importUrl(ctx, req),
    importProgress: async (jobId) => library.importProgress(ctx, jobId),
    cancelImport: async (jobId) => library.cancelImport(ctx, jobId),
    updateArticleDetails: async (req) => library.updateArticleDetails(ctx, req),
    deleteArticle: async (id) => library.deleteArticle(ctx, id),
    restoreArticle: async (id) => library.restoreArticle(ctx, id),
    reimportArticle: async (req) => reimport.reimportArticle(ctx, req),
    search: async (req) => search.search(ctx, req),
    suggestParagraphs: async (req) => suggest.suggestParagraphs(ctx, req),

    listProjects: async () => projects.listProjects(ctx),
    createProject: async (req) => projects.createProject(ctx, req),
    renameProject: async (req) => projects.renameProject(ctx, req),
    deleteProject: async (id) => projects.deleteProject(ctx, id),
    restoreProject: async (id) => projects.restoreProject(ctx, id),
    addToProject: async (req) => projects.addToProject(ctx, req),
    removeFromProject: async (req) => projects.removeFromProject(ctx, req),

    listTags: async (req) => tags.listTags(ctx, req),
    setTag: async (req) => tags.setTag(ctx, req),
    renameTag: async (req) => tags.renameTag(ctx, req),
    mergeTags: async (req) => tags.mergeTags(ctx, req),
    deleteTag: async (id) => tags.deleteTag(ctx, id),
    restoreTag: async (id) => tags.restoreTag(ctx, id),
    highlightsByTag: async (req) => tags.highlightsByTag(ctx, req),

    listHighlights: async (articleId) => hl.listHighlights(ctx, articleId),
    createHighlight: async (req) => hl.createHighlight(ctx, req),
    updateHighlight: async (req) => hl.updateHighlight(ctx, req),
    deleteHighlight: async (id) => hl.deleteHighlight(ctx, id),
    restoreHighlight: async (id) => hl.restoreHighlight(ctx, id),
    acceptSuggestedPlace: async (req) => hl.acceptSuggestedPlace(ctx, req),

    listNotes: async () => notes.listNotes(ctx),
    getArticleNote: async (articleId) => notes.getArticleNote(ctx, articleId),
    getNote: async (id) => notes.getNote(ctx, id),
    createNote: async (req) => notes.createNote(ctx, req),
    renameNote: async (req) => notes.renameNote(ctx, req),
    saveNote: async (req) => notes.saveNote(ctx, req),
    deleteNote: async (id) => notes.deleteNote(ctx, id),
    restoreNote: async (id) => notes.restoreNote(ctx, id),
    checkNoteRefs: async (noteId) => notes.checkNoteRefs(ctx, noteId),
    getBacklinks: async (articleId) => notes.getBacklinks(ctx, articleId),

    listQuotes: async (articleId) => analysis.listQuotes(ctx, articleId),
    listEntities: async (articleId) => analysis.listEntities(ctx, articleId),
    checkNoteQuotes: async (noteId) => analysis.checkNoteQuotes(ctx, noteId),

    listAchMatrices: async (projectId) => ach.listAchMatrices(ctx, projectId),
    getAchMatrix: async (id) => ach.getAchMatrix(ctx, id),
    createAchMatrix: async (req) => ach.createAchMatrix(ctx, req),
    saveAchMatrix: async (req) => ach.saveAchMatrix(ctx, req),
    deleteAchMatrix: async (id) => ach.deleteAchMatrix(ctx, id),
    restoreAchMatrix: async (id) => ach.restoreAchMatrix(ctx, id),

    importAnnotations: async (req) => exporting.importAnnotations(ctx, req),
    exportReport: (req) => exporting.exportReport(ctx, req)
  }
  for (const name of Object.keys(api) as (keyof BackendApi)[]) {
    const method = api[name] as (...args: unknown[]) => Promise<unknown>
    ;(api as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await method(...args)
      } catch (error) {
        throw userFacingError(error, where) ?? error
      }
    }
  }
  return {
    ...api,
    close: async () => {
      ctx.jobs.cancelAll()
      ctx.analysis.close()
      if (db.open) db.close()
      await ctx.importer.close()
    }
  }
}
