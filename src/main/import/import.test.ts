import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GlossError } from '../../core/api'
import { parseImport, parsePaste, sanitizeHtml } from '.'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const SAMPLE_BYTES = readFileSync(join(__dirname, '../../../resources/putin-xi-sco-summit.txt'))

function rejected(fn: () => unknown): GlossError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(GlossError)
    expect((e as GlossError).code).toBe('import_rejected')
    return e as GlossError
  }
  throw new Error('expected a rejection')
}

const ARTICLE = `<!doctype html>
<html><head>
  <title>Putin and Xi Meet in Samarkand</title>
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2022-09-14T10:00:00Z">
  <link rel="canonical" href="https://news.example.com/putin-xi">
  <script>window.evil = 1</script>
  <style>p { color: red }</style>
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Putin and Xi meet</h1>
    <p>First <em>paragraph</em> with a <a href="https://example.com">link</a>.<br>Same paragraph.</p>
    <div>Loose div text <span>with span</span>.</div>
    <section><h2>Context</h2><p>Second paragraph.</p></section>
    <ul><li>Item one<ul><li>Nested item</li></ul></li><li><p>Item two</p></li></ul>
    <ol><li>First step</li></ol>
    <blockquote><p>Quote one.</p><p>Quote two.</p></blockquote>
    <blockquote>Bare quote.</blockquote>
    <pre>line one
line two</pre>
    <table><tr><th>Country</th><th>Leader</th></tr><tr><td>China</td><td>Xi</td></tr></table>
    <p hidden>Hidden text</p>
    <img src="x.png" onerror="alert(1)">
    <iframe src="https://evil.example"></iframe>
    <form><p>Form text stays as text</p><input value="x"></form>
  </article>
  <footer>Copyright footer</footer>
</body></html>`

describe('parseImport: HTML', () => {
  it('reads metadata from the head', () => {
    const a = parseImport({ name: 'article.html', bytes: enc(ARTICLE) })
    expect(a.format).toBe('html')
    expect(a.title).toBe('Putin and Xi Meet in Samarkand')
    expect(a.author).toBe('Jane Doe')
    expect(a.publishedAt).toBe('2022-09-14T10:00:00Z')
    expect(a.source).toBe('https://news.example.com/putin-xi')
  })

  it('walks the sanitised body into blocks, leaving out navigation, footers, scripts and hidden text', () => {
    const a = parseImport({ name: 'article.html', bytes: enc(ARTICLE) })
    expect(a.blocks).toEqual([
      { kind: 'h1', text: 'Putin and Xi meet' },
      { kind: 'p', text: 'First paragraph with a link. Same paragraph.' },
      { kind: 'p', text: 'Loose div text with span.' },
      { kind: 'h2', text: 'Context' },
      { kind: 'p', text: 'Second paragraph.' },
      { kind: 'li', text: 'Item one', list: 'ul' },
      { kind: 'li', text: 'Nested item', list: 'ul' },
      { kind: 'li', text: 'Item two', list: 'ul' },
      { kind: 'li', text: 'First step', list: 'ol' },
      { kind: 'blockquote', text: 'Quote one.' },
      { kind: 'blockquote', text: 'Quote two.' },
      { kind: 'blockquote', text: 'Bare quote.' },
      { kind: 'p', text: 'line one line two' },
      { kind: 'p', text: 'Country | Leader' },
      { kind: 'p', text: 'China | Xi' },
      { kind: 'p', text: 'Form text stays as text' }
    ])
    expect(a.warnings).toContain('Scripts and other active content were removed from the HTML.')
  })

  it('falls back to the first h1, then the file name, for the title; source is the file name', () => {
    const h1 = parseImport({ name: 'page.htm', bytes: enc('<body><h1>Heading Title</h1><p>Text.</p></body>') })
    expect(h1.title).toBe('Heading Title')
    expect(h1.source).toBe('page.htm')
    const none = parseImport({ name: 'saved-page.html', bytes: enc('<p>Only text.</p>') })
    expect(none.title).toBe('Saved page')
    expect(none.warnings).toEqual([])
  })

  it('takes the date from <time datetime> and the URL from og:url', () => {
    const a = parseImport({
      name: 'x.html',
      bytes: enc('<html><head><meta property="og:url" content="https://ex.org/a"></head><body><time datetime="2021-01-02">Jan 2</time><p>Body.</p></body></html>')
    })
    expect(a.publishedAt).toBe('2021-01-02')
    expect(a.source).toBe('https://ex.org/a')
  })

  it('splits loose text on double line breaks', () => {
    const a = parseImport({ name: 'x.html', bytes: enc('<div>One<br><br>Two<br>still two</div>') })
    expect(a.blocks.map((b) => b.text)).toEqual(['One', 'Two still two'])
  })

  it('sniffs HTML without an extension; format argument overrides', () => {
    expect(parseImport({ name: 'clip', bytes: enc('<!DOCTYPE html><p>Hi</p>') }).format).toBe('html')
    const asText = parseImport({ name: 'page.html', bytes: enc('<p>Hi</p>'), format: 'txt' })
    expect(asText.format).toBe('txt')
    expect(asText.blocks[0].text).toBe('<p>Hi</p>')
  })

  it('rejects HTML with no readable text', () => {
    const e = rejected(() => parseImport({ name: 'x.html', bytes: enc('<html><body><script>1</script><img src=a></body></html>') }))
    expect(e.message).toBe('The file has no readable text.')
  })
})

describe('sanitizeHtml', () => {
  it('removes scripts, event handlers and javascript: URLs but keeps text and safe links', () => {
    const out = sanitizeHtml(
      '<p onclick="steal()">Hi <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/">good</a></p>' +
        '<script>alert(1)</script><img src="x" onerror="alert(2)"><iframe src="//evil"></iframe>' +
        '<object data="x"></object><embed src="y"><form action="/x"><input></form><style>*{}</style>' +
        '<a href=" JaVaScRiPt:alert(3)">mixed</a><svg><a xlink:href="javascript:alert(4)">s</a></svg>'
    )
    expect(out).not.toMatch(/script|onerror|onclick|iframe|object|embed|<form|<style|<input/i)
    expect(out).not.toMatch(/javascript:/i)
    expect(out).toContain('Hi')
    expect(out).toContain('href="https://ok.example/"')
    expect(out).toContain('mixed')
  })
})

describe('parseImport: text and Markdown', () => {
  it('imports the sample: 18 paragraphs, title from the file name', () => {
    const a = parseImport({ name: 'putin-xi-sco-summit.txt', bytes: SAMPLE_BYTES })
    expect(a.blocks).toHaveLength(18)
    expect(a.title).toBe('Putin xi sco summit')
    expect(a.format).toBe('txt')
  })

  it('imports Markdown by extension', () => {
    const a = parseImport({ name: 'n.md', bytes: enc('# Title\n\nSome *text*.\n\n- a\n- b\n') })
    expect(a.format).toBe('md')
    expect(a.title).toBe('Title')
    expect(a.blocks.map((b) => b.kind)).toEqual(['h1', 'p', 'li', 'li'])
  })

  it('passes decode warnings through (invalid UTF-8)', () => {
    const a = parseImport({ name: 'x.txt', bytes: new Uint8Array([...enc('Caf'), 0xe9, ...enc(' au lait')]) })
    expect(a.blocks[0].text).toBe('Caf\uFFFD au lait')
    expect(a.warnings[0]).toMatch(/1 invalid byte was replaced/)
  })

  it('handles CRLF, BOM, UTF-16 and emoji', () => {
    const crlf = parseImport({ name: 'x.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Title\r\n\r\nBody 😀 naïve\r\n')]) })
    expect(crlf.title).toBe('Title')
    expect(crlf.blocks[1].text).toBe('Body 😀 naïve')
    const s = 'Привет\nмир'
    const le = [0xff, 0xfe]
    for (let i = 0; i < s.length; i++) le.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8)
    expect(parseImport({ name: 'u16.txt', bytes: new Uint8Array(le) }).blocks.map((b) => b.text)).toEqual(['Привет', 'мир'])
  })

  it('rejects empty, whitespace-only and binary files', () => {
    expect(rejected(() => parseImport({ name: 'e.txt', bytes: new Uint8Array() })).message).toMatch(/empty/)
    expect(rejected(() => parseImport({ name: 'w.txt', bytes: enc(' \n\n\t ') })).message).toMatch(/empty/)
    expect(rejected(() => parseImport({ name: 'b.txt', bytes: new Uint8Array([1, 2, 0, 4]) })).message).toMatch(/binary.*not text/)
  })

  it('rejects Markdown with no readable text', () => {
    expect(rejected(() => parseImport({ name: 'x.md', bytes: enc('---\n\n***\n') })).message).toBe('The file has no readable text.')
  })
})

describe('parsePaste', () => {
  it('uses the given title, else the text rule, else "Pasted text"', () => {
    expect(parsePaste({ text: 'Para one.\nPara two.', title: '  My clip ' }).title).toBe('My clip')
    expect(parsePaste({ text: 'Headline here\n\nBody.' }).title).toBe('Headline here')
    const p = parsePaste({ text: 'Para one.\nPara two.' })
    expect(p.title).toBe('Pasted text')
    expect(p.source).toBeNull()
    expect(p.blocks).toHaveLength(2)
  })

  it('parses pasted Markdown and HTML when asked or sniffed', () => {
    expect(parsePaste({ text: '# Head\n\nBody', format: 'md' }).blocks[0]).toEqual({ kind: 'h1', text: 'Head' })
    const html = parsePaste({ text: '<!doctype html><title>T</title><p>Body <script>x()</script></p>' })
    expect(html.format).toBe('html')
    expect(html.title).toBe('T')
    expect(html.blocks).toEqual([{ kind: 'p', text: 'Body' }])
  })

  it('normalises CRLF and keeps non-ASCII', () => {
    expect(parsePaste({ text: 'Zürich 😀\r\nGenève' }).blocks.map((b) => b.text)).toEqual(['Zürich 😀', 'Genève'])
  })

  it('rejects empty paste', () => {
    expect(rejected(() => parsePaste({ text: '   \n ' })).message).toMatch(/empty/)
  })
})
