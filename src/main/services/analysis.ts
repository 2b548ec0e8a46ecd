// Analysis services: who said what and who is mentioned in an article (run in the worker pool, cached per paragraph
// in SQLite so that only changed paragraphs are analysed again), and the quotations of a note checked against their
// sources. On import and re-import the cache is filled in the background; a request waits for what is missing.
import { GlossError } from '../../core/api'
import { checkNoteQuotes as checkQuotes } from '../../core/analysis/integrity'
import type { ArticleAnalysis, Entity, NoteQuoteCheck, QuoteAnalysis } from '../../core/analysis/types'
import { hashString, nowIso } from '../../core/ids'
import type { Paragraph } from '../../core/model'
import * as cache from '../db/analysis'
import * as articles from '../db/articles'
import { writeTx } from '../db/database'
import * as notesRepo from '../db/notes'
import type { AnalysisParagraph } from '../analysis/task'
import type { Ctx } from './context'
import { paragraphLoader } from './notes'

const NOT_FOUND = 'This article is not in the library (it may have been deleted).'

/** Articles longer than this (characters) are analysed when asked, not in the background after an import. */
export const BACKGROUND_LIMIT_CHARS = 1_500_000
/** One background task covers at most this much text, and its results are saved before the next one starts. */
const BATCH_CHARS = 200_000

/** How long the background analysis waits after an import (and while other imports run): it never competes with them. */
export const BACKGROUND_DELAY_MS = 1500

/** What the backend keeps about analyses: those waiting and running (per article) and the last results. */
export class AnalysisState {
  readonly waiting = new Map<string, ReturnType<typeof setTimeout>>()
  readonly running = new Map<string, Promise<void>>()
  readonly recent = new Map<string, { key: string; analysis: ArticleAnalysis }>()
  readonly controller = new AbortController()
  closed = false

  remember(articleId: string, key: string, analysis: ArticleAnalysis): void {
    this.recent.delete(articleId)
    this.recent.set(articleId, { key, analysis })
    while (this.recent.size > 4) this.recent.delete(this.recent.keys().next().value!)
  }

  close(): void {
    this.closed = true
    for (const timer of this.waiting.values()) clearTimeout(timer)
    this.waiting.clear()
    this.controller.abort()
  }
}

/** Paragraphs as the analysis sees them: code blocks have no prose to read. */
function inputs(paragraphs: Paragraph[], cached: Map<string, cache.CachedAnalysis>): AnalysisParagraph[] {
  return paragraphs.map((p) => {
    const text = p.kind === 'pre' ? '' : p.text
    const hash = hashString(text)
    const row = cached.get(p.id)
    return { id: p.id, index: p.index, text, hash, cached: row && row.textHash === hash ? { engine: row.engine, result: row.result } : undefined }
  })
}

function store(ctx: Ctx, articleId: string, computed: { paragraphId: string; textHash: string; result: string }[], engine: string): void {
  if (ctx.analysis.closed || !ctx.db.open) return
  writeTx(ctx.db, () => {
    // The article may have been deleted or re-imported meanwhile: keep only results of its live paragraphs.
    if (!articles.articleExists(ctx.db, articleId)) return
    cache.storeResults(
      ctx.db,
      articleId,
      computed.map((c) => ({ paragraphId: c.paragraphId, textHash: c.textHash, engine, result: c.result })),
      nowIso()
    )
    cache.dropStale(ctx.db, articleId)
  })
}

/**
 * After an import or a re-import: fills the article's cache in the background (in batches, each saved as it is
 * done), once no import has run for a moment — so it never slows an import down, and a process that closes right
 * away (the command line) does not start it. Failures are reported on stderr and left for the next request to retry.
 */
export function scheduleAnalysis(ctx: Ctx, articleId: string): void {
  const state = ctx.analysis
  if (state.closed) return
  clearTimeout(state.waiting.get(articleId))
  const timer = setTimeout(() => {
    state.waiting.delete(articleId)
    if (ctx.jobs.busy()) scheduleAnalysis(ctx, articleId)
    else startAnalysis(ctx, articleId)
  }, BACKGROUND_DELAY_MS)
  timer.unref?.()
  state.waiting.set(articleId, timer)
}

function startAnalysis(ctx: Ctx, articleId: string): void {
  const state = ctx.analysis
  if (state.closed) return
  const previous = state.running.get(articleId) ?? Promise.resolve()
  const run = previous
    .then(async () => {
      if (state.closed) return
      const paragraphs = articles.getParagraphs(ctx.db, articleId)
      if (paragraphs.reduce((n, p) => n + p.text.length, 0) > BACKGROUND_LIMIT_CHARS) return
      const missing = inputs(paragraphs, cache.cachedResults(ctx.db, articleId)).filter((p) => !p.cached)
      for (let i = 0; i < missing.length && !state.closed; ) {
        const batch: AnalysisParagraph[] = []
        let chars = 0
        while (i < missing.length && (batch.length === 0 || chars + missing[i].text.length <= BATCH_CHARS)) {
          chars += missing[i].text.length
          batch.push(missing[i++])
        }
        const out = await ctx.importer.analyse({ paragraphs: batch, nlpOnly: true }, { signal: state.controller.signal })
        store(ctx, articleId, out.computed, out.engine)
      }
    })
    .catch((error: unknown) => {
      if (!state.closed) process.stderr.write(`Gloss: the analysis of an article failed: ${(error as Error).message}\n`)
    })
    .finally(() => {
      if (state.running.get(articleId) === run) state.running.delete(articleId)
    })
  state.running.set(articleId, run)
}

/** The article's entities and quotations (computing and caching what is missing). */
export async function analyse(ctx: Ctx, articleId: string): Promise<ArticleAnalysis> {
  if (!articles.articleExists(ctx.db, articleId)) throw new GlossError('not_found', NOT_FOUND)
  // A request does the work itself: no need for the background run still waiting (one already running is awaited).
  clearTimeout(ctx.analysis.waiting.get(articleId))
  ctx.analysis.waiting.delete(articleId)
  await ctx.analysis.running.get(articleId)
  const paragraphs = articles.getParagraphs(ctx.db, articleId)
  const task = inputs(paragraphs, cache.cachedResults(ctx.db, articleId))
  const key = hashString(task.map((p) => `${p.id}:${p.hash}`).join('|'))
  const recent = ctx.analysis.recent.get(articleId)
  if (recent?.key === key) return recent.analysis
  const out = await ctx.importer.analyse({ paragraphs: task }, { signal: ctx.analysis.controller.signal })
  if (out.computed.length) store(ctx, articleId, out.computed, out.engine)
  ctx.analysis.remember(articleId, key, out.analysis!)
  return out.analysis!
}

export async function listQuotes(ctx: Ctx, articleId: string): Promise<QuoteAnalysis> {
  return (await analyse(ctx, articleId)).quotes
}

export async function listEntities(ctx: Ctx, articleId: string): Promise<Entity[]> {
  return (await analyse(ctx, articleId)).entities
}

/** The note's quotations beside chips, checked against the current text of the cited paragraphs. */
export function checkNoteQuotes(ctx: Ctx, noteId: string): NoteQuoteCheck[] {
  const note = notesRepo.getNote(ctx.db, noteId)
  if (!note) throw new GlossError('not_found', 'This note no longer exists (it may have been deleted).')
  return note.doc ? checkQuotes(note.doc, paragraphLoader(ctx)) : []
}
