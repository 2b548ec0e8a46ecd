import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GlossError } from '@core/api'
import type { ImportProgress } from '@core/import/progress'

const api = vi.hoisted(() => ({
  importProgress: vi.fn<(id: string) => Promise<ImportProgress | null>>(),
  cancelImport: vi.fn<(id: string) => Promise<{ cancelled: boolean }>>()
}))
vi.mock('@renderer/api', () => ({ api }))

const { createImportJob, POLL_MS } = await import('./useImportJob')
const { toasts } = await import('./useToasts')

const progress = (jobId: string, stage: ImportProgress['stage'], done: number | null = null, total: number | null = null): ImportProgress => ({
  jobId,
  stage,
  done,
  total,
  message: null
})

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

beforeEach(() => {
  vi.useFakeTimers()
  api.importProgress.mockReset()
  api.cancelImport.mockReset()
  toasts.splice(0)
})
afterEach(() => vi.useRealTimers())

describe('createImportJob', () => {
  it('passes its id, polls progress into the toast, and removes the toast when the import answers', async () => {
    const answer = deferred<string>()
    const job = createImportJob({ toast: 'Importing “a.html”…' })
    api.importProgress.mockResolvedValue(progress(job.id, 'saving', 1000, 5000))
    const start = vi.fn((_id: string) => answer.promise)
    const running = job.run(start)
    expect(start).toHaveBeenCalledWith(job.id)
    expect(toasts).toHaveLength(1)
    expect(toasts[0]).toMatchObject({ kind: 'progress', message: 'Importing “a.html”…', progress: 'Starting…' })
    expect(toasts[0].action?.label).toBe('Cancel')

    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(api.importProgress).toHaveBeenCalledWith(job.id)
    expect(toasts[0].progress).toBe('Saving: 1,000 of 5,000 paragraphs')

    answer.resolve('done')
    await expect(running).resolves.toBe('done')
    expect(toasts).toHaveLength(0)
    const polls = api.importProgress.mock.calls.length
    await vi.advanceTimersByTimeAsync(POLL_MS * 3)
    expect(api.importProgress.mock.calls.length).toBe(polls)
  })

  it('Cancel asks the backend, and asks again once the job is running when it had not started yet', async () => {
    const answer = deferred<string>()
    const lines: string[] = []
    const job = createImportJob({ onProgress: (l) => lines.push(l) })
    api.importProgress.mockResolvedValue(null)
    api.cancelImport.mockResolvedValue({ cancelled: false })
    const running = job.run(() => answer.promise)
    job.cancel()
    expect(job.cancelling).toBe(true)
    expect(lines).toEqual(['Cancelling…'])
    await vi.advanceTimersByTimeAsync(0)
    expect(api.cancelImport).toHaveBeenCalledTimes(1)

    // The job appears (the upload finished): Cancel is sent again, and the progress line stays "Cancelling…".
    api.importProgress.mockResolvedValue(progress(job.id, 'extracting'))
    api.cancelImport.mockResolvedValue({ cancelled: true })
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(api.cancelImport).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(api.cancelImport).toHaveBeenCalledTimes(2)
    expect(lines).toEqual(['Cancelling…'])

    const error = new GlossError('import_rejected', 'The download of http://x/ was cancelled.')
    answer.reject(error)
    await expect(running).rejects.toBe(error)
    expect(job.endedByCancel(error)).toBe(true)
  })

  it('tells a cancelled import from a failure', () => {
    const job = createImportJob()
    expect(job.endedByCancel(new GlossError('cancelled', 'The import was cancelled.'))).toBe(true)
    expect(job.endedByCancel(new GlossError('import_rejected', 'The page was not found (HTTP 404).'))).toBe(false)
  })
})
