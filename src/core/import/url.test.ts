import { describe, expect, it } from 'vitest'
import { GlossError } from '../errors'
import { ONLY_HTTP_MESSAGE, normalizeWebAddress } from './url'

function refusal(input: string): string {
  try {
    normalizeWebAddress(input)
  } catch (e) {
    expect(e).toBeInstanceOf(GlossError)
    expect((e as GlossError).code).toBe('import_rejected')
    return (e as GlossError).message
  }
  throw new Error(`expected a refusal for ${JSON.stringify(input)}`)
}

describe('normalizeWebAddress', () => {
  it('trims and keeps http and https addresses, normalised', () => {
    expect(normalizeWebAddress('  https://Example.COM/Page?q=1#part \n')).toBe('https://example.com/Page?q=1#part')
    expect(normalizeWebAddress('http://example.com')).toBe('http://example.com/')
    expect(normalizeWebAddress('HTTPS://example.com:8443/a b')).toBe('https://example.com:8443/a%20b')
    expect(normalizeWebAddress('http:example.com/x')).toBe('http://example.com/x')
    expect(normalizeWebAddress('https://bücher.example/')).toBe('https://xn--bcher-kva.example/')
    expect(normalizeWebAddress('http://wiki/page')).toBe('http://wiki/page') // an explicit scheme may name an intranet host
  })

  it('adds https:// to a bare address', () => {
    expect(normalizeWebAddress('example.com/page')).toBe('https://example.com/page')
    expect(normalizeWebAddress('www.example.com')).toBe('https://www.example.com/')
    expect(normalizeWebAddress('example.com:8080/x')).toBe('https://example.com:8080/x')
    expect(normalizeWebAddress('localhost:3000/doc')).toBe('https://localhost:3000/doc')
    expect(normalizeWebAddress('//example.com/page')).toBe('https://example.com/page')
    expect(normalizeWebAddress('127.0.0.1/x')).toBe('https://127.0.0.1/x')
  })

  it('refuses other schemes', () => {
    for (const input of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>x', 'ftp://example.com/f', 'mailto:a@example.com', 'C:\\Users\\me\\page.html', 'about:blank']) {
      expect(refusal(input), input).toBe(ONLY_HTTP_MESSAGE)
    }
    expect(ONLY_HTTP_MESSAGE).toBe('Gloss can only import web addresses that start with http:// or https://.')
  })

  it('refuses malformed input with a clear message', () => {
    expect(refusal('')).toMatch(/^Enter a web address to import\./)
    expect(refusal('   ')).toMatch(/^Enter a web address/)
    expect(refusal('hello')).toBe('“hello” does not look like a web address. Enter an address such as https://example.com/article.')
    expect(refusal('hello world')).toMatch(/is not a valid web address/)
    expect(refusal('https://')).toMatch(/is not a valid web address/)
    expect(refusal('http://exa mple.com/')).toMatch(/is not a valid web address/)
    expect(refusal('example.com:abc')).toMatch(/is not a valid web address/)
    expect(refusal('https://example.com/\u0000')).toMatch(/control characters/)
    expect(refusal(`https://example.com/${'a'.repeat(9000)}`)).toMatch(/too long/)
    expect(refusal('https://user:secret@example.com/')).toBe('Gloss does not import web addresses that contain a user name or password.')
  })
})
