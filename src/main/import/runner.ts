// Runs import tasks on a small pool of worker threads (piscina), so that parsing never blocks the backend's event
// loop. Each task is bounded: time (2 minutes), memory (1.5 GB of heap) and a cancel signal; when a bound is hit the
// pool ends that worker and the caller gets a clear error.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import { GlossError } from '../../core/api'
import type { Paragraph } from '../../core/model'
import type { ImportTaskResult, ImportWork, ParsedDetails, ProgressMessage } from './worker'
import type { AnalysisTask, AnalysisTaskResult } from '../analysis/task'

export const IMPORT_TIME_LIMIT_MS = 120_000
export const IMPORT_HEAP_MB = 1536

export interface ImportRunOptions {
  signal?: AbortSignal
  onProgress?: (p: ProgressMessage) => void
  /** For tests: a shorter time limit. */
  timeLimitMs?: number
}

/** How long one analysis task may take (a very long article, all of it new). */
export const ANALYSIS_TIME_LIMIT_MS = 300_000

export interface ImportRunner {
  run(task: ImportWork, opts?: ImportRunOptions): Promise<{ article: ParsedDetails; paragraphs: Paragraph[] }>
  /** Runs an analysis task (analysis/task.ts) in the same pool. */
  analyse(task: AnalysisTask, opts?: { signal?: AbortSignal; timeLimitMs?: number }): Promise<Extract<AnalysisTaskResult, { ok: true }>>
  close(): Promise<void>
}

/**
 * The worker script: built next to the entry bundles (out/main; this code may sit in out/main/chunks), or the
 * TypeScript source under tests (run through tsx).
 */
function workerScript(): { filename: string; execArgv: string[] } {
  const built = [join(__dirname, 'import-worker.js'), join(__dirname, '..', 'import-worker.js')].find((f) => existsSync(f))
  if (built) return { filename: built, execArgv: [] }
  const source = join(__dirname, 'worker.ts')
  if (existsSync(source)) return { filename: source, execArgv: ['--import', 'tsx'] }
  throw new GlossError('internal', `Gloss's import worker is missing (import-worker.js next to ${__dirname}). Rebuild Gloss with "npm run build".`)
}

export const CANCELLED = 'The import was cancelled; nothing was added to the library.'

function timeoutMessage(ms: number): string {
  const what = ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`
  return `Reading this file took more than ${what}, so Gloss stopped; nothing was added to the library.`
}

export function createImportRunner(): ImportRunner {
  let pool: Piscina | null = null
  const getPool = (): Piscina => {
    if (pool) return pool
    const script = workerScript()
    pool = new Piscina({
      filename: script.filename,
      execArgv: script.execArgv,
      minThreads: 0,
      maxThreads: 2,
      // A warm worker keeps jsdom loaded (its first load takes a second or two).
      idleTimeout: 5 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_MB, stackSizeMb: 8 }
    })
    return pool
  }

  return {
    async run(task, opts = {}) {
      const { port1, port2 } = new MessageChannel()
      port1.on('message', (m: ProgressMessage) => opts.onProgress?.(m))
      const limit = opts.timeLimitMs ?? IMPORT_TIME_LIMIT_MS
      const timeout = AbortSignal.timeout(limit)
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout
      let result: ImportTaskResult
      try {
        result = (await getPool().run({ ...task, port: port2 }, { signal, transferList: [port2] })) as ImportTaskResult
      } catch (error) {
        if (opts.signal?.aborted) throw new GlossError('cancelled', CANCELLED)
        if (timeout.aborted) throw new GlossError('import_rejected', timeoutMessage(limit))
        const code = (error as NodeJS.ErrnoException)?.code
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new GlossError(
            'import_rejected',
            `This file needs more memory than Gloss gives one import (${(IMPORT_HEAP_MB / 1024).toFixed(1)} GB), so it was not imported.`
          )
        }
        throw error
      } finally {
        port1.close()
      }
      if (result.ok) return { article: result.article, paragraphs: result.paragraphs }
      if (result.error.code === 'internal') {
        process.stderr.write(`Gloss import worker: ${result.error.detail ?? result.error.message}\n`)
        throw new GlossError('import_rejected', `The document could not be imported: ${result.error.message}`)
      }
      throw new GlossError(result.error.code as GlossError['code'], result.error.message)
    },
    async analyse(task, opts = {}) {
      const limit = opts.timeLimitMs ?? ANALYSIS_TIME_LIMIT_MS
      const timeout = AbortSignal.timeout(limit)
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout
      let result: AnalysisTaskResult
      try {
        result = (await getPool().run(task, { name: 'analyse', signal })) as AnalysisTaskResult
      } catch (error) {
        if (opts.signal?.aborted) throw new GlossError('cancelled', 'The analysis was stopped.')
        if (timeout.aborted) throw new GlossError('internal', `Analysing this source took more than ${Math.round(limit / 60_000)} minutes, so Gloss stopped.`)
        throw error
      }
      if (result.ok) return result
      process.stderr.write(`Gloss analysis worker: ${result.error.detail ?? result.error.message}\n`)
      throw new GlossError('internal', `The source could not be analysed: ${result.error.message}`)
    },
    async close() {
      const p = pool
      pool = null
      await p?.destroy()
    }
  }
}
