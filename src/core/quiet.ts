// A debounce whose restart costs a clock read, not a timer. Typing pokes it on every keystroke: `poke()` only moves a
// deadline, and one timer — armed at most once per quiet period — runs the work when the deadline has passed or
// re-arms itself for what is left. (Clearing and setting a timer on every keystroke is most of what a plain debounce
// costs the keystroke.)

export interface Clock {
  now(): number
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
}

/** Runs `fn` once `ms` have passed without a `poke()`. */
export class QuietTimer {
  private due = 0
  private handle: unknown = null

  constructor(
    private readonly fn: () => void,
    private readonly ms: number,
    private readonly clock: Clock = systemClock
  ) {}

  /** (Re)starts the quiet period. */
  poke(): void {
    this.due = this.clock.now() + this.ms
    if (this.handle === null) this.handle = this.clock.set(this.check, this.ms)
  }

  /** Whether `fn` is still to run. */
  get pending(): boolean {
    return this.handle !== null
  }

  cancel(): void {
    if (this.handle !== null) this.clock.clear(this.handle)
    this.handle = null
  }

  private readonly check = (): void => {
    const left = this.due - this.clock.now()
    if (left > 0) {
      this.handle = this.clock.set(this.check, left)
      return
    }
    this.handle = null
    this.fn()
  }
}
