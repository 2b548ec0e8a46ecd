// Library services: importing (file, web address, paste, the bundled sample), listing, reading, editing details and
// deleting articles. Parsing runs in the import worker; writing is chunked so that a huge import never holds the
// database (or the event loop) for long, and stays invisible until it is complete.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { GlossError, type ImportRequest, type ImportResult, type PasteRequest } from '../../core/api'
import { newId, nowIso } from '../../core/ids'
import { parseTextSource } from '../../core/import/pipeline'
import type { ImportProgress } from '../../core/import/progress'
import { checkDetails, type DetailsInput } from '../../core/import/details'
import type { Article, ArticleSummary } from '../../core/model'
import { assignParagraphIds } from '../../core/paragraphs'
import * as articles from '../db/articles'
import * as projects from '../db/projects'
import { writeTx } from '../db/database'
import { getSetting, setSetting } from '../db/settings'
import { CANCELLED } from '../import/runner'
import type { ImportWork, ParsedDetails } from '../import/worker'
import { fetchWebSource } from './web-source'
import { scheduleAnalysis } from './analysis'
import type { Ctx } from './context'

export const SAMPLE_FILE = 'putin-xi-sco-summit.txt'
export const SAMPLE_FLAG = 'sample_imported'

/** Paragraphs written per transaction by a large import. */
export const SAVE_CHUNK = 1000

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Strict base64 decoding: Node's decoder silently skips garbage, which would import something else than sent. */
export function decodeBase64(b64: string): Uint8Array {
  const clean = b64.replace(/\s+/g, '')
  if (!BASE64.test(clean) || clean.length % 4 === 1) {
    throw new GlossError('invalid_input', 'The file could not be read: its content was not sent as valid base64.')
  }
  return new Uint8Array(Buffer.from(clean, 'base64'))
}


const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Where an imported article came from, beyond what its content says. */
export interface Provenance {
  fileName: string | null
  /** For web imports: the address fetched (after redirects) and when. */
  fetchedUrl?: string | null
  accessedAt?: string | null
}

function newArticle(parsed: ParsedDetails, paragraphs: articles.NewArticle['paragraphs'], from: Provenance): articles.NewArticle {
  return {
    id: newId(),
    title: parsed.title,
    authors: parsed.authors,
    publisher: parsed.publisher,
    publishedAt: parsed.publishedAt,
    url: parsed.url ?? from.fetchedUrl ?? null,
    accessedAt: from.accessedAt ?? null,
    fileName: from.fileName,
    lang: parsed.lang,
    excerpt: parsed.excerpt,
    format: parsed.format,
    warnings: parsed.warnings,
    paragraphs
  }
}

/**
 * Writes a new article. Small ones in one transaction; large ones in chunks of SAVE_CHUNK paragraphs while the
 * article row stays hidden, yielding to the event loop between chunks, then published in one step. A cancel or a
 * failure removes what was written; a crash leaves a hidden row that the next start removes.
 */
async function storeArticle(ctx: Ctx, a: articles.NewArticle, job: Job): Promise<void> {
  if (a.paragraphs.length === 0) throw new GlossError('import_rejected', 'Nothing to import: the document contains no readable text.')
  const now = nowIso()
  if (a.paragraphs.length <= SAVE_CHUNK) {
    writeTx(ctx.db, () => articles.insertArticle(ctx.db, a, now))
    return
  }
  writeTx(ctx.db, () => articles.insertPendingArticle(ctx.db, a, now, job.id))
  try {
    for (let i = 0; i < a.paragraphs.length; i += SAVE_CHUNK) {
      if (job.signal.aborted) throw new GlossError('cancelled', CANCELLED)
      job.report('saving', i, a.paragraphs.length)
      writeTx(ctx.db, () => articles.insertParagraphs(ctx.db, a.id, a.paragraphs.slice(i, i + SAVE_CHUNK), now))
      await tick()
    }
    if (job.signal.aborted) throw new GlossError('cancelled', CANCELLED)
    if (!writeTx(ctx.db, () => articles.publishArticle(ctx.db, a.id, job.id, nowIso()))) {
      throw new GlossError('internal', 'The import was interrupted while it was being saved.')
    }
  } catch (error) {
    try {
      writeTx(ctx.db, () => articles.dropPendingImport(ctx.db, a.id, job.id))
    } catch {
      // Left hidden; the next start removes it (dropStaleImports).
    }
    throw error
  }
}

interface Prepared {
  task: ImportWork
  from: Provenance
}

type Job = ReturnType<Ctx['jobs']['start']>

/** Runs an import under a job: progress is reported, a cancel stops it, and the job ends as done/failed/cancelled. */
export async function withImportJob<T>(ctx: Ctx, jobId: string | undefined, fn: (job: Job) => Promise<T>): Promise<T> {
  const job = ctx.jobs.start(jobId)
  try {
    job.report('reading')
    const result = await fn(job)
    ctx.jobs.finish(job.id, 'done')
    return result
  } catch (caught) {
    // Whatever step was running when the user cancelled (a download, the worker, a write) ends as 'cancelled'.
    const error = job.signal.aborted ? new GlossError('cancelled', CANCELLED) : caught
    const cancelled = error instanceof GlossError && error.code === 'cancelled'
    ctx.jobs.finish(job.id, cancelled ? 'cancelled' : 'failed', (error as Error).message)
    throw error
  }
}

/**
 * Prepares (reads or fetches), parses in the worker, then stores: the path every import takes. With a project, the
 * new source joins it too (an import made while the project is open).
 */
function runImport(
  ctx: Ctx,
  req: { jobId?: string; projectId?: string },
  prepare: (signal: AbortSignal) => Prepared | Promise<Prepared>
): Promise<ImportResult> {
  if (req.projectId && !projects.projectExists(ctx.db, req.projectId)) {
    return Promise.reject(new GlossError('not_found', 'The project to import into does not exist (it may have been deleted).'))
  }
  return withImportJob(ctx, req.jobId, async (job) => {
    const { task, from } = await prepare(job.signal)
    if (job.signal.aborted) throw new GlossError('cancelled', CANCELLED)
    const { article, paragraphs } = await ctx.importer.run(task, { signal: job.signal, onProgress: (p) => job.report(p.stage, p.done, p.total) })
    const a = newArticle(article, paragraphs, from)
    await storeArticle(ctx, a, job)
    if (req.projectId) {
      const projectId = req.projectId
      writeTx(ctx.db, () => projects.addSources(ctx.db, projectId, [a.id], nowIso()))
    }
    scheduleAnalysis(ctx, a.id)
    return { article: articles.getArticleSummary(ctx.db, a.id)!, warnings: article.warnings }
  })
}

export function importFile(ctx: Ctx, req: ImportRequest): Promise<ImportResult> {
  const bytes = decodeBase64(req.base64)
  return runImport(ctx, req, () => ({
    task: { kind: 'source', source: { name: req.name, bytes, format: req.format, password: req.password } },
    from: { fileName: req.name }
  }))
}

/** Fetches a web address (http/https only) and imports the page; nothing is written when the fetch fails. */
export function importUrl(ctx: Ctx, req: { url: string; jobId?: string }): Promise<ImportResult> {
  return runImport(ctx, req, async (signal) => {
    const web = await fetchWebSource(ctx, req.url, signal)
    return { task: { kind: 'source', source: web.source }, from: { fileName: null, fetchedUrl: web.finalUrl, accessedAt: web.fetchedAt } }
  })
}

export function importText(ctx: Ctx, req: PasteRequest): Promise<ImportResult> {
  return runImport(ctx, req, () => ({
    task: { kind: 'paste', paste: { text: req.text, title: req.title, format: req.format } },
    from: { fileName: null }
  }))
}

export function importProgress(ctx: Ctx, jobId: string): ImportProgress | null {
  return ctx.jobs.get(jobId)
}

export function cancelImport(ctx: Ctx, jobId: string): { cancelled: boolean } {
  return { cancelled: ctx.jobs.cancel(jobId) }
}

const NO_HTML = {
  parseDocument(): never {
    throw new GlossError('internal', 'The sample must be plain text.')
  },
  sanitize(): never {
    throw new GlossError('internal', 'The sample must be plain text.')
  },
  parseXml(): never {
    throw new GlossError('internal', 'The sample must be plain text.')
  }
}

/**
 * First run: imports the bundled sample (plain text, parsed in-process: it needs no worker) through the same
 * pipeline as a user's file, then sets a flag so that deleting the sample does not bring it back. A missing sample
 * file is reported on stderr and retried next start.
 */
export function importSampleOnFirstRun(ctx: Ctx): void {
  if (getSetting(ctx.db, SAMPLE_FLAG)) return
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(join(ctx.opts.resourcesDir, SAMPLE_FILE)))
  } catch (error) {
    process.stderr.write(`Gloss: the sample article could not be read (${(error as Error).message}); skipping it.\n`)
    return
  }
  const { blocks, ...parsed } = parseTextSource({ name: SAMPLE_FILE, bytes, format: 'txt' }, { html: NO_HTML })
  const a = newArticle(parsed, assignParagraphIds(blocks), { fileName: SAMPLE_FILE })
  // Check the flag again inside the write transaction: two processes starting at once import it once.
  writeTx(ctx.db, () => {
    if (getSetting(ctx.db, SAMPLE_FLAG)) return
    articles.insertArticle(ctx.db, a, nowIso())
    setSetting(ctx.db, SAMPLE_FLAG, nowIso())
  })
}

/** Imports older than this that are still hidden were left by a process that stopped; they are removed at start. */
const STALE_IMPORT_MS = 15 * 60_000

export function dropStaleImports(ctx: Ctx): void {
  const before = new Date(Date.now() - STALE_IMPORT_MS).toISOString()
  writeTx(ctx.db, () => articles.dropStaleImports(ctx.db, before))
}

export function listArticles(ctx: Ctx): ArticleSummary[] {
  return articles.listArticles(ctx.db)
}

export function requireArticle(ctx: Ctx, id: string): Article {
  const article = articles.getArticle(ctx.db, id)
  if (!article) throw new GlossError('not_found', 'This article is not in the library (it may have been deleted).')
  return article
}

export function restoreArticle(ctx: Ctx, id: string): ArticleSummary {
  if (!writeTx(ctx.db, () => articles.restoreArticle(ctx.db, id, nowIso()))) {
    throw new GlossError('not_found', 'This article cannot be restored: it is in the library already, or it was never there.')
  }
  const summary = articles.getArticleSummary(ctx.db, id)
  if (!summary) throw new GlossError('internal', 'The article was restored but could not be read back.')
  return summary
}

export function deleteArticle(ctx: Ctx, id: string): void {
  if (!writeTx(ctx.db, () => articles.tombstoneArticle(ctx.db, id, nowIso()))) {
    throw new GlossError('not_found', 'This article is not in the library (it may have been deleted already).')
  }
}

/** "Edit details…": the user's corrections (checked and tidied in the core), kept by later re-imports. */
export function updateArticleDetails(ctx: Ctx, req: DetailsInput & { id: string }): ArticleSummary {
  const details = checkDetails(req)
  if (!writeTx(ctx.db, () => articles.updateArticleDetails(ctx.db, req.id, details, nowIso()))) {
    throw new GlossError('not_found', 'This article is not in the library (it may have been deleted).')
  }
  return articles.getArticleSummary(ctx.db, req.id)!
}
