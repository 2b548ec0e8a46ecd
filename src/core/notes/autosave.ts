// Debounced autosave with a small state machine. Pure logic: the caller supplies `save` (and timers in tests).
import { QuietTimer, systemClock, type Clock } from '../quiet'

export type AutosaveState = 'saved' | 'dirty' | 'saving' | 'error'

/** The timers and the clock the debounce runs on (injected in tests). */
export type AutosaveTimers = Clock

export interface AutosaveOptions<T> {
  /** Persists a value. Rejects on failure (the value stays dirty and is retried on the next change or flush). */
  save: (value: T) => Promise<void>
  /** Quiet time after the last change before saving (default 600 ms). */
  delayMs?: number
  /** Longest time a change waits while the user keeps typing (default 2000 ms). */
  maxWaitMs?: number
  timers?: AutosaveTimers
}

/**
 * Saves the latest value `delayMs` after the last change (at most `maxWaitMs` after the first unsaved one). Never
 * runs two saves at once: a change made while a save is in flight waits for its own timers (someone typing without
 * pause gets one save every `maxWaitMs`, not one save after another). `flush()` saves at once, including a change
 * queued behind a save in flight, and resolves when everything pending has been written (or rejects with the save
 * error).
 */
export class AutosaveController<T> {
  private readonly saveFn: (value: T) => Promise<void>
  private readonly delayMs: number
  private readonly timers: AutosaveTimers
  private readonly maxWaitMs: number
  /** The quiet period after the last change (a keystroke moves its deadline; no timer is reset per change). */
  private readonly quiet: QuietTimer
  private maxTimer: unknown = null
  private hasPending = false
  private pending: T | undefined
  private inFlight: Promise<void> | null = null
  private current: AutosaveState = 'saved'
  private lastError: unknown = null
  private disposed = false
  /** flush() calls waiting: while there are any, saving goes on until nothing is pending. */
  private flushing = 0
  private readonly listeners = new Set<(state: AutosaveState) => void>()

  constructor(opts: AutosaveOptions<T>) {
    this.saveFn = opts.save
    this.delayMs = opts.delayMs ?? 600
    this.maxWaitMs = Math.max(opts.maxWaitMs ?? 2000, this.delayMs)
    this.timers = opts.timers ?? systemClock
    this.quiet = new QuietTimer(() => this.fire(), this.delayMs, this.timers)
  }

  get state(): AutosaveState {
    return this.current
  }

  /** The error of the last failed save, while the state is 'error'. */
  get error(): unknown {
    return this.current === 'error' ? this.lastError : null
  }

  /** Subscribes to state changes; returns the unsubscribe function. */
  onState(cb: (state: AutosaveState) => void): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }

  /** Records a new value and (re)starts the debounce timer. */
  change(value: T): void {
    if (this.disposed) return
    this.pending = value
    this.hasPending = true
    if (!this.inFlight) this.setState('dirty')
    this.quiet.poke()
    // Someone typing without pause still gets saved every maxWaitMs.
    if (this.maxTimer === null) this.maxTimer = this.timers.set(() => this.fire(), this.maxWaitMs)
  }

  private fire(): void {
    this.clearTimer()
    void this.run().catch(() => undefined)
  }

  /** Saves any pending value now; resolves once nothing is pending or in flight. Rejects if a save fails. */
  async flush(): Promise<void> {
    this.clearTimer()
    this.flushing++
    try {
      await this.run()
    } finally {
      this.flushing--
    }
  }

  /** Stops timers and ignores further changes. A save already in flight still completes. */
  dispose(): void {
    this.disposed = true
    this.clearTimer()
    this.listeners.clear()
  }

  private clearTimer(): void {
    this.quiet.cancel()
    if (this.maxTimer !== null) this.timers.clear(this.maxTimer)
    this.maxTimer = null
  }

  private setState(s: AutosaveState): void {
    if (s === this.current) return
    this.current = s
    for (const cb of [...this.listeners]) cb(s)
  }

  /** Saves until nothing is pending. Only one loop runs at a time; other callers wait for it. */
  private async run(): Promise<void> {
    while (this.inFlight) {
      await this.inFlight.catch(() => undefined)
    }
    if (!this.hasPending) {
      if (this.current === 'error') throw this.lastError
      return
    }
    const loop: Promise<void> = (async () => {
      for (let first = true; this.hasPending && (first || this.flushing > 0); first = false) {
        const value = this.pending as T
        this.hasPending = false
        this.pending = undefined
        this.setState('saving')
        try {
          await this.saveFn(value)
        } catch (err) {
          // Keep the failed value unless a newer one arrived meanwhile; it is retried on the next change/flush.
          if (!this.hasPending) {
            this.pending = value
            this.hasPending = true
          }
          this.lastError = err
          this.setState('error')
          throw err
        }
      }
      // A change that came in during the save is left to its timers.
      this.setState(this.hasPending ? 'dirty' : 'saved')
    })().finally(() => {
      if (this.inFlight === loop) this.inFlight = null
    })
    this.inFlight = loop
    await loop
  }
}
