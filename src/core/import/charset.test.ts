import { describe, expect, it } from 'vitest'
import {
  META_PRESCAN_BYTES,
  canDecode,
  charsetFromMetaContent,
  decodeBytes,
  encodingForLabel,
  looksLikeHtml,
  parseContentType,
  prescanMetaCharset
} from './charset'

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s)
const hex = (h: string): Uint8Array => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)))

describe('encodingForLabel (WHATWG labels)', () => {
  it('normalises labels the way browsers do', () => {
    expect(encodingForLabel('latin1')).toBe('windows-1252')
    expect(encodingForLabel('ISO-8859-1')).toBe('windows-1252')
    expect(encodingForLabel('us-ascii')).toBe('windows-1252')
    expect(encodingForLabel('ascii')).toBe('windows-1252')
    expect(encodingForLabel(' \tUTF8 \n')).toBe('utf-8')
    expect(encodingForLabel('iso-8859-9')).toBe('windows-1254')
    expect(encodingForLabel('tis-620')).toBe('windows-874')
    expect(encodingForLabel('Shift-JIS')).toBe('shift_jis')
    expect(encodingForLabel('x-sjis')).toBe('shift_jis')
    expect(encodingForLabel('GB2312')).toBe('gbk')
    expect(encodingForLabel('ks_c_5601-1987')).toBe('euc-kr')
    expect(encodingForLabel('windows-949')).toBe('euc-kr')
    expect(encodingForLabel('big5-hkscs')).toBe('big5')
    expect(encodingForLabel('utf-16')).toBe('utf-16le')
    expect(encodingForLabel('iso-2022-kr')).toBe('replacement')
  })

  it('returns null for unknown labels', () => {
    expect(encodingForLabel('x-foo')).toBeNull()
    expect(encodingForLabel('utf-7')).toBeNull()
    expect(encodingForLabel('')).toBeNull()
    expect(encodingForLabel('utf 8')).toBeNull()
  })
})

describe('decodeBytes', () => {
  it('decodes windows-1252 0x80-0x9F by the standard, not as ISO-8859-1 (Node 20.18.3+ bug)', () => {
    const all = new Uint8Array(32).map((_, i) => 0x80 + i)
    const got = [...decodeBytes(all, 'windows-1252')].map((c) => c.codePointAt(0)!.toString(16))
    expect(got).toEqual(
      '20ac 81 201a 192 201e 2026 2020 2021 2c6 2030 160 2039 152 8d 17d 8f 90 2018 2019 201c 201d 2022 2013 2014 2dc 2122 161 203a 153 9d 17e 178'.split(' ')
    )
    expect(decodeBytes(new Uint8Array([0x41, 0xe9, 0xff, 0xa0]), 'windows-1252')).toBe('Aéÿ\u00a0')
  })

  it('decodes gbk with the gb18030 decoder, as the standard says (ICU gbk does not)', () => {
    expect(decodeBytes(hex('a2e38134d630'), 'gbk')).toBe('€ᠠ')
  })

  it('knows what this runtime can read', () => {
    for (const name of ['utf-8', 'windows-1250', 'windows-1251', 'windows-1252', 'iso-8859-2', 'iso-8859-15', 'koi8-r', 'shift_jis', 'euc-jp', 'gb18030', 'gbk', 'big5', 'euc-kr']) {
      expect(canDecode(name), name).toBe(true)
    }
    expect(canDecode('replacement')).toBe(false)
    expect(canDecode('x-user-defined')).toBe(false)
    expect(canDecode('no-such-encoding')).toBe(false)
  })
})

describe('charsetFromMetaContent', () => {
  it('extracts the label after charset=', () => {
    expect(charsetFromMetaContent('text/html; charset=windows-1251')).toBe('windows-1251')
    expect(charsetFromMetaContent('text/html;charset = "koi8-r" ')).toBe('koi8-r')
    expect(charsetFromMetaContent("text/html; CHARSET='utf-8'")).toBe('utf-8')
    expect(charsetFromMetaContent('text/html; charset=utf-8; foo=bar')).toBe('utf-8')
    expect(charsetFromMetaContent('text/html; charsetx; charset=big5')).toBe('big5')
    expect(charsetFromMetaContent('text/html')).toBeNull()
    expect(charsetFromMetaContent('text/html; charset="unclosed')).toBeNull()
    expect(charsetFromMetaContent('text/html; charset=')).toBeNull()
  })
})

describe('prescanMetaCharset', () => {
  const scan = (html: string): string | null => prescanMetaCharset(ascii(html)).encoding

  it('finds <meta charset> and the http-equiv form', () => {
    expect(scan('<!doctype html><html><head><meta charset="windows-1251"><title>x</title>')).toBe('windows-1251')
    expect(scan("<META CHARSET='Shift_JIS'>")).toBe('shift_jis')
    expect(scan('<meta charset=latin1>')).toBe('windows-1252')
    expect(scan('<meta/charset=koi8-r>')).toBe('koi8-r')
    expect(scan('<meta charset=koi8-r/>')).toBeNull() // the value runs to the space or '>': "koi8-r/"
    expect(scan('<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">')).toBe('euc-kr')
    expect(scan('<meta content="text/html; charset=gb2312" http-equiv=content-type>')).toBe('gbk')
  })

  it('needs the pragma for content=, and ignores comments and other tags', () => {
    expect(scan('<meta content="text/html; charset=koi8-r">')).toBeNull()
    expect(scan('<meta http-equiv="refresh" content="0; charset=koi8-r">')).toBeNull()
    expect(scan('<!-- <meta charset="koi8-r"> --><meta charset="big5">')).toBe('big5')
    expect(scan('<div title="<meta charset=koi8-r>"></div><meta charset="euc-jp">')).toBe('euc-jp')
    expect(scan('<!--><meta charset="euc-jp">')).toBe('euc-jp')
    expect(scan('<metadata charset="koi8-r">')).toBeNull()
  })

  it('applies the standard\'s substitutions and skips unknown labels', () => {
    expect(scan('<meta charset="utf-16le">')).toBe('utf-8')
    expect(scan('<meta charset="x-user-defined">')).toBe('windows-1252')
    const unknown = prescanMetaCharset(ascii('<meta charset="x-klingon"><meta charset="koi8-r">'))
    expect(unknown).toEqual({ encoding: 'koi8-r', label: 'koi8-r', unknownLabel: 'x-klingon' })
    expect(prescanMetaCharset(ascii('<meta charset="x-klingon">'))).toEqual({ encoding: null, label: null, unknownLabel: 'x-klingon' })
  })

  it('reads only the first META_PRESCAN_BYTES', () => {
    const pad = (n: number): string => `<script>${'x'.repeat(n)}</script>`
    expect(scan(`<html><head>${pad(2000)}<meta charset="koi8-r">`)).toBe('koi8-r')
    expect(scan(`<html><head>${pad(META_PRESCAN_BYTES)}<meta charset="koi8-r">`)).toBeNull()
    expect(prescanMetaCharset(ascii(`${pad(2000)}<meta charset="koi8-r">`), 1024).encoding).toBeNull()
  })
})

describe('looksLikeHtml', () => {
  it('recognises documents that start like HTML', () => {
    expect(looksLikeHtml(ascii('  <!DOCTYPE html><p>x'))).toBe(true)
    expect(looksLikeHtml(ascii('\ufeff<html lang="en">'))).toBe(true)
    expect(looksLikeHtml(ascii('<?xml version="1.0"?>\n<!-- c --><html>'))).toBe(true)
    expect(looksLikeHtml(ascii('# Title\n<html>'))).toBe(false)
    expect(looksLikeHtml(ascii('<htmlx>'))).toBe(false)
  })
})

describe('parseContentType', () => {
  it('splits the MIME type and the charset', () => {
    expect(parseContentType('text/html; charset=UTF-8')).toEqual({ mime: 'text/html', charset: 'UTF-8' })
    expect(parseContentType('Text/HTML;Charset="windows-1251"')).toEqual({ mime: 'text/html', charset: 'windows-1251' })
    expect(parseContentType('text/plain; format=flowed; charset=koi8-r; charset=utf-8')).toEqual({ mime: 'text/plain', charset: 'koi8-r' })
    expect(parseContentType('text/html; charset="a\\"b"')).toEqual({ mime: 'text/html', charset: 'a"b' })
    expect(parseContentType('application/pdf')).toEqual({ mime: 'application/pdf', charset: null })
    expect(parseContentType('text/html; charset=')).toEqual({ mime: 'text/html', charset: null })
    expect(parseContentType('nonsense')).toEqual({ mime: '', charset: null })
    expect(parseContentType(null)).toEqual({ mime: '', charset: null })
  })
})
