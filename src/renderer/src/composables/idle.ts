// Work for when the browser is idle: requestIdleCallback (Chromium, Electron), a short timeout where it is missing.
// And the notes pane's "when typing pauses, then when idle": a quiet period (core QuietTimer) followed by an idle
// callback, so a burst of keystrokes does the work once, at its end, and never in the middle of a frame.
import { QuietTimer } from '@core/quiet'

export function requestIdle(cb: () => void, timeout: number): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout }) : window.setTimeout(cb, 30)
}

export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle)
  else window.clearTimeout(handle)
}

/** Runs `fn` once `pauseMs` have passed without a `poke()`, when the browser is idle (at most `idleTimeout` later). */
export class AfterPause {
  private idle: number | null = null
  private readonly quiet: QuietTimer

  constructor(
    private readonly fn: () => void,
    pauseMs: number,
    idleTimeout: number
  ) {
    this.quiet = new QuietTimer(() => {
      if (this.idle === null) this.idle = requestIdle(this.run, idleTimeout)
    }, pauseMs)
  }

  poke(): void {
    this.quiet.poke()
  }

  /** Drops what is pending (the work was done at once, or its owner is going away). */
  cancel(): void {
    this.quiet.cancel()
    if (this.idle !== null) cancelIdle(this.idle)
    this.idle = null
  }

  private readonly run = (): void => {
    this.idle = null
    this.fn()
  }
}
