import { describe, expect, it } from 'vitest'
import { isAllowedHref, parseLinkInput } from './links'

describe('isAllowedHref', () => {
  it('keeps web, email and scheme-less links', () => {
    expect(isAllowedHref('https://example.com/a?b#c')).toBe(true)
    expect(isAllowedHref('HTTP://example.com')).toBe(true)
    expect(isAllowedHref('mailto:analyst@example.org')).toBe(true)
    expect(isAllowedHref('www.example.com')).toBe(true)
    expect(isAllowedHref('example.com:8080/x')).toBe(true)
  })
  it('refuses script, data, file and obfuscated schemes', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '\\\\server\\share',
      '',
      null,
      undefined
    ]) {
      expect(isAllowedHref(bad), String(bad)).toBe(false)
    }
  })
})

describe('parseLinkInput', () => {
  it('accepts http(s) and mailto as typed', () => {
    expect(parseLinkInput(' https://example.com/x ')).toEqual({ ok: true, href: 'https://example.com/x' })
    expect(parseLinkInput('http://localhost:3000')).toEqual({ ok: true, href: 'http://localhost:3000' })
    expect(parseLinkInput('mailto:a@b.org')).toEqual({ ok: true, href: 'mailto:a@b.org' })
  })
  it('completes a bare domain or email address', () => {
    expect(parseLinkInput('example.com/path')).toEqual({ ok: true, href: 'https://example.com/path' })
    expect(parseLinkInput('a.b@example.org')).toEqual({ ok: true, href: 'mailto:a.b@example.org' })
  })
  it('refuses other schemes and nonsense with a message a person understands', () => {
    const js = parseLinkInput('javascript:alert(1)')
    expect(js.ok).toBe(false)
    if (!js.ok) expect(js.message).toMatch(/Only web links/)
    expect(parseLinkInput('ftp://example.com').ok).toBe(false)
    expect(parseLinkInput('').ok).toBe(false)
    expect(parseLinkInput('two words').ok).toBe(false)
    expect(parseLinkInput('notalink').ok).toBe(false)
    const noHost = parseLinkInput('https://')
    expect(noHost.ok).toBe(false)
  })
})
