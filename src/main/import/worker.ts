// The import worker (a worker thread, run by the pool in runner.ts): the whole pipeline — decode, extract,
// sanitise, segment, paragraph ids — runs here, off the backend's event loop. A runaway input costs this thread
// only: the pool ends it on timeout, cancel or memory exhaustion, and the backend keeps answering.
import type { MessagePort } from 'node:worker_threads'
import { GlossError } from '../../core/api'
import { parsePaste, parseSource, type ImportSource, type ImportStage, type PastedText } from '../../core/import/pipeline'
import type { ParsedArticle } from '../../core/import/types'
import type { Paragraph } from '../../core/model'
import { assignParagraphIds } from '../../core/paragraphs'
import { jsdomEnv } from './html-env'
import { englishLexicon } from './lexicon'
import { docxToHtml } from './docx-reader'
import { readPdf } from './pdf-reader'

/** The analysis task (entities, quotations) runs in the same pool: piscina calls it by this name. */
export { analyseTask as analyse } from '../analysis/task'

/** What to import: a source (file or fetched page) or pasted text; for a re-import, the current paragraphs too. */
export type ImportWork = ({ kind: 'source'; source: ImportSource } | { kind: 'paste'; paste: PastedText }) & {
  /** Re-import: the article's current paragraphs, so that ids carry over. */
  previous?: Paragraph[]
}

export type ImportTask = ImportWork & {
  /** Progress messages ({ stage, done?, total? }) go here. */
  port?: MessagePort
}

export type ParsedDetails = Omit<ParsedArticle, 'blocks'>

export type ImportTaskResult =
  | { ok: true; article: ParsedDetails; paragraphs: Paragraph[] }
  | { ok: false; error: { code: string; message: string; detail?: string } }

export interface ProgressMessage {
  stage: ImportStage
  done?: number
  total?: number
}

export default async function runImportTask(task: ImportTask): Promise<ImportTaskResult> {
  const progress = (stage: ImportStage, done?: number, total?: number): void => {
    task.port?.postMessage({ stage, done, total } satisfies ProgressMessage)
  }
  try {
    const env = { html: jsdomEnv, readers: { pdf: readPdf, docx: docxToHtml }, lexicon: englishLexicon, progress }
    const parsed = task.kind === 'source' ? await parseSource(task.source, env) : parsePaste(task.paste, env)
    const { blocks, ...article } = parsed
    const paragraphs = assignParagraphIds(blocks, task.previous)
    return { ok: true, article, paragraphs }
  } catch (error) {
    if (error instanceof GlossError) return { ok: false, error: { code: error.code, message: error.message } }
    const e = error as Error
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return { ok: false, error: { code: 'import_rejected', message: 'This document is nested too deeply for Gloss to read, so it was not imported.' } }
    }
    return { ok: false, error: { code: 'internal', message: e?.message ?? String(error), detail: e?.stack } }
  } finally {
    task.port?.close()
  }
}
