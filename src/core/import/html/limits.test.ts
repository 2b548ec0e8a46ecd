import { describe, expect, it } from 'vitest'
import { GlossError } from '../../errors'
import { checkHtmlLimits, MAX_HTML_DEPTH, scanHtml } from './limits'

describe('scanHtml', () => {
  it('measures nesting as a parser builds it', () => {
    expect(scanHtml('<html><body><div><section><p>x</p></section></div></body></html>').depth).toBe(2)
    // Unclosed <p> and <li> are closed by the parser: they do not deepen the tree.
    expect(scanHtml('<ul>' + '<li>item'.repeat(5000) + '</ul>').depth).toBe(1)
    expect(scanHtml('<div>'.repeat(50) + 'x').depth).toBe(50)
    expect(scanHtml('<div><br><img src=x><hr/><input></div>').depth).toBe(1)
  })
  it('does not count tags inside scripts, styles and comments', () => {
    const html = `<div><script>var s = "${'<div>'.repeat(3000)}";</script><!-- ${'<div>'.repeat(3000)} --><style>a{}</style></div>`
    expect(scanHtml(html)).toEqual({ depth: 1, elements: 3 })
  })
})

describe('checkHtmlLimits', () => {
  it('refuses a page nested 10,000 levels deep at once, with a message for a person', () => {
    const deep = '<html><body>' + '<div>'.repeat(10_000) + 'deep' + '</div>'.repeat(10_000) + '</body></html>'
    const t = performance.now()
    let error: unknown
    try {
      checkHtmlLimits(deep)
    } catch (e) {
      error = e
    }
    expect(performance.now() - t).toBeLessThan(500)
    expect(error).toBeInstanceOf(GlossError)
    expect((error as GlossError).code).toBe('import_rejected')
    expect((error as GlossError).message).toMatch(/nested 10,000 levels deep.*at most 1,000/)
  })
  it('accepts ordinary pages', () => {
    expect(() => checkHtmlLimits('<div>'.repeat(MAX_HTML_DEPTH) + 'ok')).not.toThrow()
  })
})
