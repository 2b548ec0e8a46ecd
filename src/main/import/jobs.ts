// Imports in flight, by job id: their progress (for the UI's progress line) and a way to cancel them. The renderer
// picks the job id, passes it with the import request, and polls importProgress(jobId) while it waits.
import { GlossError } from '../../core/api'
import { newId } from '../../core/ids'
import type { ImportProgress, ImportStageName } from '../../core/import/progress'

interface Job {
  progress: ImportProgress
  controller: AbortController
  finishedAt: number | null
}

/** How long a finished job's last state stays readable (for a poll that arrives just after the import ends). */
const KEEP_FINISHED_MS = 60_000

export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  start(jobId?: string): { id: string; signal: AbortSignal; report: (stage: ImportStageName, done?: number, total?: number) => void } {
    this.prune()
    const id = jobId ?? newId()
    const existing = this.jobs.get(id)
    if (existing && existing.finishedAt === null) throw new GlossError('conflict', 'An import with this id is already running.')
    const job: Job = {
      progress: { jobId: id, stage: 'queued', done: null, total: null, message: null },
      controller: new AbortController(),
      finishedAt: null
    }
    this.jobs.set(id, job)
    return {
      id,
      signal: job.controller.signal,
      report: (stage, done, total) => {
        if (job.finishedAt !== null) return
        job.progress = { ...job.progress, stage, done: done ?? null, total: total ?? null }
      }
    }
  }

  finish(id: string, outcome: 'done' | 'failed' | 'cancelled', message: string | null = null): void {
    const job = this.jobs.get(id)
    if (!job || job.finishedAt !== null) return
    job.finishedAt = Date.now()
    job.progress = { ...job.progress, stage: outcome, message }
  }

  get(id: string): ImportProgress | null {
    return this.jobs.get(id)?.progress ?? null
  }

  /** Asks a running import to stop. False when there is no such import running. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id)
    if (!job || job.finishedAt !== null) return false
    job.controller.abort()
    return true
  }

  /** Whether an import is running now. */
  busy(): boolean {
    for (const job of this.jobs.values()) if (job.finishedAt === null) return true
    return false
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.finishedAt === null) job.controller.abort()
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id)
  }
}
