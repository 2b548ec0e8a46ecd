import { describe, expect, it } from 'vitest'
import { cyrb53, hashString, newId, nowIso, ulidAt } from './ids'

describe('ids', () => {
  it('newId is a 26-char Crockford ULID, unique and time-sortable', () => {
    const ids = Array.from({ length: 2000 }, () => newId())
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids) // monotonic within the same millisecond too
  })

  it('encodes the time in the first 10 characters', () => {
    expect(ulidAt(0).slice(0, 10)).toBe('0000000000')
    expect(ulidAt(1469918176385).slice(0, 10)).toBe('01ARYZ6S41') // reference value from the ULID spec
    expect(ulidAt(2000) > ulidAt(1000)).toBe(true)
  })

  it('nowIso is an ISO UTC timestamp', () => {
    expect(nowIso()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('hashString is deterministic, 11 base-36 chars, and differs for different text', () => {
    expect(hashString('hello')).toBe(hashString('hello'))
    expect(hashString('hello')).toMatch(/^[0-9a-z]{11}$/)
    expect(hashString('hello')).not.toBe(hashString('hello!'))
    expect(cyrb53('a')).not.toBe(cyrb53('b'))
  })
})
