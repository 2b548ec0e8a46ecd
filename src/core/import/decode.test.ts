import { describe, expect, it } from 'vitest'
import { GlossError } from '../api'
import { MAX_IMPORT_BYTES, countInvalidUtf8, decodeText } from './decode'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

function rejection(bytes: Uint8Array): GlossError {
  try {
    decodeText(bytes)
  } catch (e) {
    expect(e).toBeInstanceOf(GlossError)
    expect((e as GlossError).code).toBe('import_rejected')
    return e as GlossError
  }
  throw new Error('expected a rejection')
}

describe('decodeText', () => {
  it('decodes plain UTF-8 and keeps emoji and non-ASCII text intact', () => {
    const text = 'Привет, 世界! Café 😀👩‍👩‍👧 — “quotes”\nsecond line'
    expect(decodeText(enc(text))).toEqual({ text, warnings: [] })
  })

  it('rejects an empty file', () => {
    expect(rejection(new Uint8Array()).message).toMatch(/empty/)
  })

  it('rejects a whitespace-only file', () => {
    expect(rejection(enc('  \n\t\r\n  \u00a0 ')).message).toMatch(/empty/)
  })

  it('rejects binary content (NUL bytes)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    const msg = rejection(png).message
    expect(msg).toMatch(/binary/)
    expect(msg).toMatch(/not text/)
  })

  it('rejects binary content (many control characters, no NUL)', () => {
    const bytes = new Uint8Array(400)
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0x01 + (i % 7) : 0x41
    expect(rejection(bytes).message).toMatch(/binary.*not text/)
  })

  it('rejects a file over the size limit, naming the size and the limit', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)
    const msg = rejection(big).message
    expect(msg).toContain('20.0 MB')
    expect(msg).toMatch(/too large/)
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024)
  })

  it('replaces invalid UTF-8 and says how many bytes were replaced', () => {
    const bytes = new Uint8Array([...enc('Caf'), 0xe9, ...enc(' ok '), 0xff, 0xfe, ...enc(' end')])
    const { text, warnings } = decodeText(bytes)
    expect(text).toBe('Caf\uFFFD ok \uFFFD\uFFFD end')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/3 invalid bytes were replaced/)
    expect(warnings[0]).toMatch(/UTF-8/)
  })

  it('counts invalid bytes precisely (truncated, overlong, surrogates)', () => {
    expect(countInvalidUtf8(enc('héllo 😀'))).toBe(0)
    expect(countInvalidUtf8(new Uint8Array([0xe2, 0x82]))).toBe(2) // truncated 3-byte sequence
    expect(countInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(2) // overlong
    expect(countInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(3) // UTF-16 surrogate
    const one = decodeText(new Uint8Array([0x61, 0x80, 0x62]))
    expect(one.warnings[0]).toMatch(/1 invalid byte was replaced/)
  })

  it('normalises CRLF and CR to LF', () => {
    expect(decodeText(enc('a\r\nb\rc\n\r\nd')).text).toBe('a\nb\nc\n\nd')
  })

  it('strips a UTF-8 BOM', () => {
    const { text } = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Title')]))
    expect(text).toBe('Title')
  })

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const s = 'Hé 😀\r\nline'
    const le = [0xff, 0xfe]
    const be = [0xfe, 0xff]
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      le.push(c & 0xff, c >> 8)
      be.push(c >> 8, c & 0xff)
    }
    expect(decodeText(new Uint8Array(le))).toEqual({ text: 'Hé 😀\nline', warnings: [] })
    expect(decodeText(new Uint8Array(be))).toEqual({ text: 'Hé 😀\nline', warnings: [] })
  })

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301'
    expect(decodeText(enc(decomposed)).text).toBe('Caf\u00e9')
  })
})
