// The analysis task, run in the import worker pool (worker.ts re-exports it as "analyse"): the NLP engine over the
// paragraphs whose cached result is missing or stale, then — unless only the cache is being filled — the article's
// entities and quotations from all the results. Off the backend's event loop: a long article costs a worker thread.
import { createRequire } from 'node:module'
import { isNlpResult, type NlpEngine, type NlpResult } from '../../core/analysis/nlp'
import { compromiseEngine, type Compromise } from '../../core/analysis/nlp-compromise'
import { analyseArticle } from '../../core/analysis/quotes'
import type { ArticleAnalysis } from '../../core/analysis/types'

export interface AnalysisParagraph {
  id: string
  index: number
  /** '' for paragraphs that are not prose (code blocks): nothing is looked for in them. */
  text: string
  /** hashString of the text. */
  hash: string
  /** The cached result for this paragraph (same hash), if any; used when its engine is the worker's. */
  cached?: { engine: string; result: string }
}

export interface AnalysisTask {
  paragraphs: AnalysisParagraph[]
  /** Fill the cache only: compute the missing results and return them, without building the analysis. */
  nlpOnly?: boolean
}

export type AnalysisTaskResult =
  | { ok: true; engine: string; computed: { paragraphId: string; textHash: string; result: string }[]; analysis: ArticleAnalysis | null }
  | { ok: false; error: { message: string; detail?: string } }

const load = createRequire(import.meta.url)
let engine: NlpEngine | null = null

/** The engine, loaded on the first analysis (import tasks never load it: compromise takes about a second). */
function loadEngine(): NlpEngine {
  engine ??= compromiseEngine(load('compromise') as Compromise)
  return engine
}

export async function analyseTask(task: AnalysisTask): Promise<AnalysisTaskResult> {
  try {
    const nlp = loadEngine()
    const computed: { paragraphId: string; textHash: string; result: string }[] = []
    const results: NlpResult[] = task.paragraphs.map((p) => {
      if (p.cached && p.cached.engine === nlp.id) {
        try {
          const parsed: unknown = JSON.parse(p.cached.result)
          if (isNlpResult(parsed)) return parsed
        } catch {
          // A damaged row: computed again below.
        }
      }
      const result = nlp.analyse(p.text)
      computed.push({ paragraphId: p.id, textHash: p.hash, result: JSON.stringify(result) })
      return result
    })
    const analysis = task.nlpOnly ? null : analyseArticle(task.paragraphs, results)
    return { ok: true, engine: nlp.id, computed, analysis }
  } catch (error) {
    const e = error as Error
    return { ok: false, error: { message: e?.message ?? String(error), detail: e?.stack } }
  }
}
