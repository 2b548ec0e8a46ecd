import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AutosaveController, type AutosaveState } from './autosave'

/** A save function whose calls stay pending until the test resolves or rejects them. */
function controllableSave() {
  const calls: { value: string; resolve: () => void; reject: (e: Error) => void }[] = []
  let active = 0
  let maxActive = 0
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => {
      active++
      maxActive = Math.max(maxActive, active)
      calls.push({
        value,
        resolve: () => {
          active--
          resolve()
        },
        reject: (e) => {
          active--
          reject(e)
        }
      })
    })
  return { save, calls, maxActive: () => maxActive }
}

const tick = () => vi.advanceTimersByTimeAsync(0)

describe('AutosaveController', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('debounces changes and saves the latest value 600 ms after the last change', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    const states: AutosaveState[] = []
    c.onState((st) => states.push(st))
    c.change('a')
    await vi.advanceTimersByTimeAsync(400)
    c.change('ab')
    await vi.advanceTimersByTimeAsync(599)
    expect(s.calls).toHaveLength(0)
    expect(c.state).toBe('dirty')
    await vi.advanceTimersByTimeAsync(1)
    expect(s.calls.map((x) => x.value)).toEqual(['ab'])
    expect(c.state).toBe('saving')
    s.calls[0].resolve()
    await tick()
    expect(c.state).toBe('saved')
    expect(states).toEqual(['dirty', 'saving', 'saved'])
  })

  it('still saves every 2 s while the user keeps typing', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    for (let i = 1; i <= 10; i++) {
      c.change('v' + i)
      await vi.advanceTimersByTimeAsync(300)
    }
    // 3 s of continuous typing: one save after 2 s, with the value typed by then
    expect(s.calls.map((x) => x.value)).toEqual(['v7'])
    s.calls[0].resolve()
    await vi.advanceTimersByTimeAsync(600)
    expect(s.calls.map((x) => x.value)).toEqual(['v7', 'v10'])
  })

  it('honours a custom delay and injected timers', async () => {
    vi.useRealTimers()
    const pending: (() => void)[] = []
    const saved: string[] = []
    let now = 0
    const c = new AutosaveController<string>({
      save: async (v) => void saved.push(v),
      delayMs: 50,
      maxWaitMs: 50,
      timers: {
        now: () => now,
        set: (fn, ms) => (expect(ms).toBe(50), pending.push(fn), pending.length),
        clear: (h) => (pending[(h as number) - 1] = () => {})
      }
    })
    c.change('x')
    c.change('y')
    now = 50
    pending.forEach((fn) => fn())
    await Promise.resolve()
    await Promise.resolve()
    expect(saved).toEqual(['y'])
  })

  it('flush saves immediately and resolves when the save has finished', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    c.change('v1')
    let done = false
    const f = c.flush().then(() => (done = true))
    await tick()
    expect(s.calls.map((x) => x.value)).toEqual(['v1'])
    expect(done).toBe(false)
    s.calls[0].resolve()
    await f
    expect(c.state).toBe('saved')
    await vi.advanceTimersByTimeAsync(2000)
    expect(s.calls).toHaveLength(1) // the debounce timer was cancelled
  })

  it('flush with nothing to save resolves at once', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    await c.flush()
    expect(s.calls).toHaveLength(0)
    expect(c.state).toBe('saved')
  })

  it('never runs two saves at once and saves the latest queued value afterwards', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    c.change('1')
    await vi.advanceTimersByTimeAsync(600)
    c.change('2')
    c.change('3')
    await vi.advanceTimersByTimeAsync(600)
    const f = c.flush()
    await tick()
    expect(s.calls.map((x) => x.value)).toEqual(['1'])
    expect(c.state).toBe('saving')
    s.calls[0].resolve()
    await tick()
    expect(s.calls.map((x) => x.value)).toEqual(['1', '3'])
    s.calls[1].resolve()
    await f
    expect(s.maxActive()).toBe(1)
    expect(c.state).toBe('saved')
  })

  it('leaves a change made during a save to its own debounce instead of saving again at once', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save, delayMs: 600, maxWaitMs: 2000 })
    c.change('1')
    await vi.advanceTimersByTimeAsync(600)
    expect(s.calls.map((x) => x.value)).toEqual(['1'])
    c.change('2')
    s.calls[0].resolve()
    await tick()
    // Saved '1'; '2' waits (still dirty), then goes 600 ms after it was made.
    expect(s.calls.map((x) => x.value)).toEqual(['1'])
    expect(c.state).toBe('dirty')
    await vi.advanceTimersByTimeAsync(600)
    expect(s.calls.map((x) => x.value)).toEqual(['1', '2'])
    s.calls[1].resolve()
    await tick()
    expect(c.state).toBe('saved')
  })

  it('saves about every maxWaitMs while changes never pause, one save at a time', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save, delayMs: 600, maxWaitMs: 2000 })
    // A change every 50 ms for 6 s; each save takes 100 ms.
    for (let t = 0; t < 6000; t += 50) {
      c.change(`v${t}`)
      await vi.advanceTimersByTimeAsync(50)
      const open = s.calls.filter((x) => !(x as { done?: boolean }).done)
      for (const call of open) {
        if (!(call as { at?: number }).at) (call as { at?: number }).at = t
        else if (t - (call as { at?: number }).at! >= 100) {
          ;(call as { done?: boolean }).done = true
          call.resolve()
        }
      }
    }
    expect(s.calls.length).toBeGreaterThanOrEqual(2)
    expect(s.calls.length).toBeLessThanOrEqual(4)
    expect(s.maxActive()).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    s.calls.forEach((x) => x.resolve())
    await c.flush()
    expect(s.calls[s.calls.length - 1].value).toBe('v5950')
  })

  it('keeps the value dirty after a failure (state error) and retries on the next flush', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    c.change('draft')
    await vi.advanceTimersByTimeAsync(600)
    s.calls[0].reject(new Error('disk full'))
    await tick()
    expect(c.state).toBe('error')
    expect((c.error as Error).message).toBe('disk full')
    const f = c.flush()
    await tick()
    expect(s.calls.map((x) => x.value)).toEqual(['draft', 'draft'])
    s.calls[1].resolve()
    await f
    expect(c.state).toBe('saved')
    expect(c.error).toBeNull()
  })

  it('retries with the newest value on the next change after a failure', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    c.change('a')
    await vi.advanceTimersByTimeAsync(600)
    s.calls[0].reject(new Error('offline'))
    await tick()
    expect(c.state).toBe('error')
    c.change('ab')
    await vi.advanceTimersByTimeAsync(600)
    expect(s.calls.map((x) => x.value)).toEqual(['a', 'ab'])
    s.calls[1].resolve()
    await tick()
    expect(c.state).toBe('saved')
  })

  it('flush rejects with the save error', async () => {
    const c = new AutosaveController<string>({ save: async () => Promise.reject(new Error('nope')) })
    c.change('x')
    await expect(c.flush()).rejects.toThrow('nope')
    expect(c.state).toBe('error')
  })

  it('dispose clears timers and ignores later changes', async () => {
    const s = controllableSave()
    const c = new AutosaveController<string>({ save: s.save })
    const seen: AutosaveState[] = []
    c.onState((st) => seen.push(st))
    c.change('x')
    c.dispose()
    await vi.advanceTimersByTimeAsync(5000)
    c.change('y')
    await vi.advanceTimersByTimeAsync(5000)
    expect(s.calls).toHaveLength(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('unsubscribes listeners', async () => {
    const c = new AutosaveController<string>({ save: async () => {} })
    const seen: AutosaveState[] = []
    const off = c.onState((st) => seen.push(st))
    c.change('x')
    off()
    await c.flush()
    expect(seen).toEqual(['dirty'])
  })
})
