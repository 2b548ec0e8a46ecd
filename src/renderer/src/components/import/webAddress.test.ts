import { describe, expect, it } from 'vitest'
import { webAddressFrom } from './webAddress'
import { importFormatsText, IMPORT_FORMATS } from './formats'

describe('webAddressFrom', () => {
  it('takes an http(s) address on its own, from a uri-list first', () => {
    expect(webAddressFrom('', ' https://example.com/story \n')).toBe('https://example.com/story')
    expect(webAddressFrom('# comment\r\nhttp://127.0.0.1:8123/page.html\r\n', 'ignored')).toBe('http://127.0.0.1:8123/page.html')
  })
  it('ignores anything that is not just a web address', () => {
    expect(webAddressFrom('', 'see https://example.com/story')).toBeNull()
    expect(webAddressFrom('', '¶12')).toBeNull()
    expect(webAddressFrom('', 'example.com/story')).toBeNull()
    expect(webAddressFrom('file:///etc/passwd', 'javascript:alert(1)')).toBeNull()
    expect(webAddressFrom('', 'https://a.example/x\nhttps://b.example/y')).toBeNull()
  })
})

describe('importFormatsText', () => {
  it('names what the importer reads', () => {
    expect(IMPORT_FORMATS).toContain('html')
    expect(importFormatsText(true)).toMatch(/^Web pages, .*Markdown and plain text$/)
  })
})
