// Long imports (files, web addresses, pastes, updates) run as jobs: the renderer picks the job id, polls
// importProgress while it waits for the answer, shows where the import stands (in a progress toast or in the
// dialog that started it) and offers Cancel, which asks the backend to stop and write nothing.
import { GlossError } from '@core/api'
import { newId } from '@core/ids'
import { describeProgress, type ImportProgress } from '@core/import/progress'
import { api } from '@renderer/api'
import { dismissToast, showToast, updateToast } from './useToasts'

/** How often a running import is asked where it stands. */
export const POLL_MS = 300

const FINISHED: ReadonlySet<ImportProgress['stage']> = new Set(['done', 'failed', 'cancelled'])

export interface ImportJobOptions {
  /** Shows a progress toast with this message and a Cancel action (leave out when a dialog shows the progress). */
  toast?: string
  /** Each new progress line ("Finding the text…", "Cancelling…"). */
  onProgress?: (line: string) => void
}

export interface ImportJob {
  readonly id: string
  /** True once Cancel was asked for. */
  readonly cancelling: boolean
  /** Asks the backend to stop the import (again later, if it had not started yet). */
  cancel(): void
  /**
   * Whether the import's failure is the user's cancel: a 'cancelled' answer, or any failure after Cancel was asked
   * for (a download stopped halfway may fail in its own words). Either way nothing was written.
   */
  endedByCancel(err: unknown): boolean
  /** Starts the import with this job's id and follows it until it answers. */
  run<T>(start: (jobId: string) => Promise<T>): Promise<T>
}

/** Whether an import ended because the user cancelled it (not a failure: say so calmly). */
export function isCancelled(err: unknown): boolean {
  return err instanceof GlossError && err.code === 'cancelled'
}

export function createImportJob(options: ImportJobOptions = {}): ImportJob {
  const id = newId()
  let cancelling = false
  let cancelled = false
  let finished = false
  let toastId: number | null = null

  const say = (line: string): void => {
    if (toastId !== null) updateToast(toastId, { progress: line })
    options.onProgress?.(line)
  }

  async function askToCancel(): Promise<void> {
    try {
      cancelled = (await api.cancelImport(id)).cancelled || cancelled
    } catch {
      /* the answer of the import itself tells what happened */
    }
  }

  async function poll(): Promise<void> {
    let p: ImportProgress | null = null
    try {
      p = await api.importProgress(id)
    } catch {
      return
    }
    if (finished || !p || FINISHED.has(p.stage)) return
    if (cancelling) {
      // A Cancel that came before the backend had started the job: ask again now that it runs.
      if (!cancelled) await askToCancel()
      return
    }
    say(describeProgress(p))
  }

  const job: ImportJob = {
    id,
    get cancelling() {
      return cancelling
    },
    cancel() {
      if (cancelling || finished) return
      cancelling = true
      say('Cancelling…')
      if (toastId !== null) updateToast(toastId, { action: undefined })
      void askToCancel()
    },
    endedByCancel(err) {
      return isCancelled(err) || cancelling
    },
    async run(start) {
      if (options.toast) {
        toastId = showToast(options.toast, {
          kind: 'progress',
          progress: 'Starting…',
          action: { label: 'Cancel', run: () => job.cancel(), keepOpen: true }
        })
      }
      let busy = false
      const timer = setInterval(() => {
        if (busy) return
        busy = true
        void poll().finally(() => (busy = false))
      }, POLL_MS)
      try {
        return await start(id)
      } finally {
        finished = true
        clearInterval(timer)
        if (toastId !== null) dismissToast(toastId)
      }
    }
  }
  return job
}
