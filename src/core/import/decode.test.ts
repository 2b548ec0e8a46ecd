import { describe, expect, it } from 'vitest'
import { GlossError } from '../errors'
import { MAX_IMPORT_BYTES, NOT_TEXT_MESSAGE, READABLE_FORMATS, countInvalidUtf8, decodeText, notTextMessage } from './decode'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

const hex = (h: string): Uint8Array => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)))
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** UTF-16 code units of s, little- or big-endian, without a BOM. */
function utf16(s: string, le: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[2 * i + (le ? 0 : 1)] = c & 0xff
    out[2 * i + (le ? 1 : 0)] = c >> 8
  }
  return out
}

/** Deterministic pseudo-random bytes (like compressed data). */
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

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
    expect(decodeText(enc(text))).toEqual({ text, warnings: [], encoding: 'utf-8' })
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
    expect(decodeText(new Uint8Array(le))).toEqual({ text: 'Hé 😀\nline', warnings: [], encoding: 'utf-16le' })
    expect(decodeText(new Uint8Array(be))).toEqual({ text: 'Hé 😀\nline', warnings: [], encoding: 'utf-16be' })
  })

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301'
    expect(decodeText(enc(decomposed)).text).toBe('Caf\u00e9')
  })

  it('says only that the file is not text Gloss can read, listing the readable formats', () => {
    expect(NOT_TEXT_MESSAGE).toBe('This file looks like binary data, not text that Gloss can read. Gloss can import .txt, .md and .html files.')
    expect(NOT_TEXT_MESSAGE).not.toMatch(/PDF|Word|image/)
    expect(READABLE_FORMATS).toEqual(['.txt', '.md', '.html'])
    expect(notTextMessage(['.txt', '.pdf'])).toMatch(/Gloss can import \.txt and \.pdf files\.$/)
    expect(rejection(noise(4096)).message).toBe(NOT_TEXT_MESSAGE)
  })
})

describe('decodeText: control characters and the binary check over the whole input', () => {
  it('removes a NUL after the first 64 KB, with a warning', () => {
    const head = 'a'.repeat(70_000)
    const { text, warnings } = decodeText(concat(enc(head), new Uint8Array([0]), enc(' tail')))
    expect(text).toBe(`${head} tail`)
    expect(text).not.toContain('\u0000')
    expect(warnings).toEqual(['1 control character was removed (invisible codes such as NUL that are not part of the text).'])
  })

  it('removes control characters in the middle (C0, DEL, C1, terminal colour codes) and keeps tab and form feed', () => {
    const { text, warnings } = decodeText(enc('one\u0001two\u007fthree\u0085four \u001b[31mred\u001b[0m\tfive\fsix\u0000'))
    expect(text).toBe('onetwothreefour red\tfive\fsix')
    expect(warnings).toEqual(['6 control characters were removed (invisible codes such as NUL that are not part of the text).'])
  })

  it('refuses a file that is text for 64 KB and binary after', () => {
    expect(rejection(concat(enc('x'.repeat(64 * 1024)), noise(640 * 1024))).message).toBe(NOT_TEXT_MESSAGE)
  })

  it('refuses random (compressed-looking) bytes, of any size', () => {
    for (const n of [256, 4096, 1 << 20]) expect(rejection(noise(n, n)).message).toBe(NOT_TEXT_MESSAGE)
  })

  it('removes rather than refuses a single stray NUL in a short note', () => {
    expect(decodeText(enc('Hello\u0000'))).toMatchObject({ text: 'Hello', encoding: 'utf-8' })
  })

  it('refuses input that is only control characters', () => {
    expect(rejection(new Uint8Array(100)).message).toBe(NOT_TEXT_MESSAGE)
  })

  it('removes a stray NUL in UTF-16 text', () => {
    const { text, warnings } = decodeText(concat(new Uint8Array([0xff, 0xfe]), utf16('ab\u0000cd', true)))
    expect(text).toBe('abcd')
    expect(warnings[0]).toMatch(/^1 control character was removed/)
  })

  it('decodes 20 MB in one pass, quickly', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61)
    for (let i = 0; i < big.length; i += 81) big[i] = 0x0a
    const started = performance.now()
    expect(decodeText(big).text.length).toBe(MAX_IMPORT_BYTES)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('decodeText: UTF-16 without a BOM', () => {
  const sample = 'Hello, world — café “quoted”\r\nSecond line: 1 + 1 = 2.'

  it('detects little-endian', () => {
    expect(decodeText(utf16(sample, true))).toEqual({ text: sample.replace('\r\n', '\n'), warnings: [], encoding: 'utf-16le' })
  })

  it('detects big-endian', () => {
    expect(decodeText(utf16(sample, false))).toEqual({ text: sample.replace('\r\n', '\n'), warnings: [], encoding: 'utf-16be' })
  })

  it('warns about an odd final byte', () => {
    const { text, warnings, encoding } = decodeText(concat(utf16('Plain words here', true), new Uint8Array([0x41])))
    expect(encoding).toBe('utf-16le')
    expect(text).toBe('Plain words here\uFFFD')
    expect(warnings).toEqual(['The UTF-16 file ended with an incomplete character; it was replaced with �.'])
  })

  it('wins over a declared ASCII-compatible charset, with a warning', () => {
    const { text, warnings, encoding } = decodeText(utf16(sample, true), { charset: 'utf-8' })
    expect(encoding).toBe('utf-16le')
    expect(text).toBe(sample.replace('\r\n', '\n'))
    expect(warnings).toEqual(['The document was declared as UTF-8, but its bytes are UTF-16 (little-endian); it was read as UTF-16 (little-endian).'])
  })

  it('is not guessed for 16-bit binary data with zero high bytes', () => {
    const samples = new Uint8Array(8192)
    const n = noise(4096, 7)
    for (let i = 0; i < 4096; i++) samples[2 * i] = n[i]
    expect(rejection(samples).message).toBe(NOT_TEXT_MESSAGE)
    expect(rejection(new Uint8Array([1, 2, 0, 4])).message).toBe(NOT_TEXT_MESSAGE)
  })

  it('is not guessed for non-Latin text (no zero bytes to go by), but a declared UTF-16 is read', () => {
    const russian = utf16('Привет, мир! Съешь же ещё этих мягких булок.', true)
    expect(rejection(russian).message).toBe(NOT_TEXT_MESSAGE)
    expect(decodeText(russian, { charset: 'utf-16' })).toMatchObject({ text: 'Привет, мир! Съешь же ещё этих мягких булок.', encoding: 'utf-16le' })
  })
})

/** Each charset Gloss reads here: a sample and its bytes in that charset. */
const CHARSETS: Record<string, [string, string]> = {
  'windows-1250': ['Příliš žluťoučký kůň „úpěl“', '50f8ed6c699a209e6c759d6f75e86bfd206bf9f22084fa70ec6c93'],
  'windows-1251': ['Съешь же ещё этих мягких булок', 'd1fae5f8fc20e6e520e5f9b820fdf2e8f520ecffe3eae8f520e1f3ebeeea'],
  'windows-1252': ['“Café” – €5, naïve Œuvre', '93436166e99420962080352c206e61ef7665208c75767265'],
  'iso-8859-2': ['Zażółć gęślą jaźń', '5a61bff3b3e62067eab66cb1206a61bcf1'],
  'iso-8859-15': ['Œuvre à 5 €, Ÿ', 'bc7576726520e0203520a42c20be'],
  'koi8-r': ['Привет, мир', 'f0d2c9d7c5d42c20cdc9d2'],
  shift_jis: ['こんにちは、世界。カタカナ', '82b182f182c982bf82cd814190a28a458142834a835e834a8369'],
  'euc-jp': ['こんにちは、世界。カタカナ', 'a4b3a4f3a4cba4c1a4cfa1a2c0a4b3a6a1a3a5aba5bfa5aba5ca'],
  'iso-2022-jp': ['こんにちは、世界', '1b244224332473244b2441244f2122402433261b2842'],
  gb18030: ['你好，世界 ᠠ€', 'c4e3bac3a3accac0bde7208134d630a2e3'],
  gbk: ['你好，世界 ᠠ€', 'c4e3bac3a3accac0bde7208134d630a2e3'],
  big5: ['中文，繁體字', 'a4a4a4e5a141c163c5e9a672'],
  'euc-kr': ['안녕하세요, 세계', 'bec8b3e7c7cfbcbcbfe42c20bcbcb0e8']
}

function page(head: string, body: Uint8Array): Uint8Array {
  return concat(enc(`<!DOCTYPE html>\n<html><head>${head}<title>T</title></head><body><p>`), body, enc('</p></body></html>\n'))
}

describe('decodeText: character sets', () => {
  for (const [name, [sample, bytes]] of Object.entries(CHARSETS)) {
    it(`reads ${name} from a transport charset and from <meta>`, () => {
      expect(decodeText(hex(bytes), { charset: name })).toEqual({ text: sample, warnings: [], encoding: name })
      const viaMeta = decodeText(page(`<meta charset="${name}">`, hex(bytes)), { html: true })
      expect(viaMeta.encoding).toBe(name)
      expect(viaMeta.warnings).toEqual([])
      expect(viaMeta.text).toContain(`<p>${sample}</p>`)
      const viaPragma = decodeText(page(`<meta http-equiv="Content-Type" content="text/html; charset=${name}">`, hex(bytes)), { html: true })
      expect(viaPragma.encoding).toBe(name)
      expect(viaPragma.text).toContain(`<p>${sample}</p>`)
    })
  }

  it('accepts labels as browsers do (latin1, ISO-8859-1, Shift-JIS, GB2312, ks_c_5601-1987, cp1251)', () => {
    expect(decodeText(hex(CHARSETS['windows-1252'][1]), { charset: 'ISO-8859-1' })).toMatchObject({ text: '“Café” – €5, naïve Œuvre', encoding: 'windows-1252' })
    expect(decodeText(hex(CHARSETS['windows-1252'][1]), { charset: 'latin1' }).encoding).toBe('windows-1252')
    expect(decodeText(hex(CHARSETS.shift_jis[1]), { charset: 'Shift-JIS' }).text).toBe(CHARSETS.shift_jis[0])
    expect(decodeText(hex(CHARSETS.gbk[1]), { charset: 'GB2312' }).text).toBe(CHARSETS.gbk[0])
    expect(decodeText(hex(CHARSETS['euc-kr'][1]), { charset: 'ks_c_5601-1987' }).text).toBe(CHARSETS['euc-kr'][0])
    expect(decodeText(hex(CHARSETS['windows-1251'][1]), { charset: ' CP1251 ' }).text).toBe(CHARSETS['windows-1251'][0])
  })

  it('prefers the transport charset to <meta> when they disagree', () => {
    const bytes = page('<meta charset="koi8-r">', hex(CHARSETS['windows-1251'][1]))
    const { text, encoding, warnings } = decodeText(bytes, { charset: 'windows-1251', html: true })
    expect(encoding).toBe('windows-1251')
    expect(text).toContain(CHARSETS['windows-1251'][0])
    expect(warnings).toEqual([])
  })

  it('prefers a BOM to the transport charset', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), enc('Привет'))
    expect(decodeText(bytes, { charset: 'windows-1251' })).toEqual({ text: 'Привет', warnings: [], encoding: 'utf-8' })
  })

  it('prefers <meta> to UTF-8 validity', () => {
    // "Ð¿" in windows-1252 is the UTF-8 encoding of "п": a page that says windows-1252 is read as windows-1252.
    const bytes = page('<meta charset="windows-1252">', enc('п'))
    expect(decodeText(bytes, { html: true })).toMatchObject({ encoding: 'windows-1252' })
    expect(decodeText(bytes, { html: true }).text).toContain('<p>Ð¿</p>')
  })

  it('ignores a <meta> beyond the prescan window, and falls back to windows-1252 for undeclared HTML that is not UTF-8', () => {
    const script = `<script>${'var x = 1;\n'.repeat(420)}</script>`
    const bytes = page(`${script}<meta charset="windows-1251">`, hex(CHARSETS['windows-1251'][1]))
    const { text, encoding, warnings } = decodeText(bytes, { html: true })
    expect(encoding).toBe('windows-1252')
    expect(text).toContain('Ñúåøü') // the Cyrillic bytes read as windows-1252
    expect(warnings).toEqual([
      'The page does not say which character set it uses and is not valid UTF-8; it was read as windows-1252 (Western European). If letters look wrong, the page uses another character set.'
    ])
    // Within 4096 bytes (past the standard's 1024) it is honoured.
    const near = page(`<script>${'var x = 1;\n'.repeat(150)}</script><meta charset="windows-1251">`, hex(CHARSETS['windows-1251'][1]))
    expect(decodeText(near, { html: true }).encoding).toBe('windows-1251')
  })

  it('reads undeclared HTML that is valid UTF-8 as UTF-8', () => {
    expect(decodeText(page('', enc('Café 😀')), { html: true })).toMatchObject({ encoding: 'utf-8', warnings: [] })
  })

  it('sniffs HTML when not told, and treats other text as text (UTF-8 with replacement, no <meta> prescan)', () => {
    const html = page('<meta charset="windows-1251">', hex(CHARSETS['windows-1251'][1]))
    expect(decodeText(html).encoding).toBe('windows-1251')
    const declared = decodeText(html, { html: false })
    expect(declared.encoding).toBe('utf-8')
    expect(declared.warnings[0]).toMatch(/not valid UTF-8: 25 invalid bytes were replaced/)
    const notes = concat(enc('Notes on <meta charset="windows-1251">: '), hex(CHARSETS['windows-1251'][1]))
    expect(decodeText(notes).encoding).toBe('utf-8')
  })

  it('names an unknown label and says what was read instead', () => {
    const ok = decodeText(enc('Plain café'), { charset: 'x-klingon' })
    expect(ok).toEqual({
      text: 'Plain café',
      encoding: 'utf-8',
      warnings: ['The character set "x-klingon" given for this document is not one Gloss knows; it was read as UTF-8 instead.']
    })
    const meta = decodeText(page('<meta charset="x-klingon">', hex(CHARSETS['windows-1251'][1])), { html: true })
    expect(meta.encoding).toBe('windows-1252')
    expect(meta.warnings[0]).toBe(
      'The page\'s <meta> tag names the character set "x-klingon", which Gloss does not know; it was read as windows-1252 (Western European) instead.'
    )
  })

  it('names a known label it cannot read (the standard\'s "replacement" encodings)', () => {
    const { warnings, encoding } = decodeText(enc('Plain text'), { charset: 'ISO-2022-KR' })
    expect(encoding).toBe('utf-8')
    expect(warnings).toEqual(['The character set "ISO-2022-KR" given for this document cannot be read here; it was read as UTF-8 instead.'])
  })

  it('counts malformed sequences in a legacy charset', () => {
    const { text, warnings } = decodeText(hex('82b1' + '82' + '20' + '41'), { charset: 'shift_jis' })
    expect(text).toBe('こ\uFFFD A')
    expect(warnings).toEqual(['1 byte sequence could not be read as shift_jis and was replaced with the character �.'])
  })

  it('removes windows-1252\'s undefined bytes (C1 controls) with the control warning', () => {
    const { text, warnings } = decodeText(hex('41814293'), { charset: 'windows-1252' })
    expect(text).toBe('AB“')
    expect(warnings).toEqual(['1 control character was removed (invisible codes such as NUL that are not part of the text).'])
  })
})

