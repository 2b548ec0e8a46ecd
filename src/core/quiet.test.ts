import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QuietTimer, type Clock } from './quiet'

describe('QuietTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs once, the quiet period after the last poke', async () => {
    const fn = vi.fn()
    const q = new QuietTimer(fn, 400)
    for (let i = 0; i < 10; i++) {
      q.poke()
      await vi.advanceTimersByTimeAsync(45)
    }
    expect(fn).not.toHaveBeenCalled()
    expect(q.pending).toBe(true)
    await vi.advanceTimersByTimeAsync(400 - 45 - 1)
    expect(fn).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(q.pending).toBe(false)
    q.poke()
    await vi.advanceTimersByTimeAsync(400)
    expect(fn).toHaveBeenCalledTimes(2)
  })

  it('arms one timer per quiet period however many pokes, and none after cancel', async () => {
    let now = 0
    const armed: number[] = []
    const clock: Clock = { now: () => now, set: (f, ms) => (armed.push(ms), setTimeout(f, ms)), clear: (h) => clearTimeout(h as number) }
    const fn = vi.fn()
    const q = new QuietTimer(fn, 100, clock)
    for (let i = 0; i < 50; i++) {
      now += 10
      q.poke()
      await vi.advanceTimersByTimeAsync(10)
    }
    // 500 ms of pokes every 10 ms: the timer re-armed for what was left each time it woke, not per poke.
    expect(armed.length).toBeLessThanOrEqual(6)
    expect(fn).not.toHaveBeenCalled()
    q.cancel()
    await vi.advanceTimersByTimeAsync(1000)
    expect(fn).not.toHaveBeenCalled()
  })
})
