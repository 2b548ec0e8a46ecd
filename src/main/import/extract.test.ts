// Extraction rules (src/core/import/html) on jsdom + DOMPurify, the environment the import worker gives them, with
// fixture pages written to look like real ones (tests/fixtures/pages).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractHtml, NOT_AN_ARTICLE } from '../../core/import/html/extract'
import { segmentHtml } from '../../core/import/html/segment'
import type { Block } from '../../core/import/types'
import { jsdomEnv } from './html-env'

const PAGES = join(__dirname, '../../../tests/fixtures/pages')
const page = (name: string): string => readFileSync(join(PAGES, name), 'utf8')
const texts = (blocks: Block[]): string => blocks.map((b) => b.text).join('\n')
const segment = (html: string, baseUrl?: string): Block[] => segmentHtml(jsdomEnv.sanitize(html), { baseUrl })

describe('a news article with navigation, share bar, ads, related links and comments', () => {
  const a = extractHtml({ html: page('news-article.html'), name: 'news-article.html' }, jsdomEnv)

  it('keeps the article and nothing around it', () => {
    const all = texts(a.blocks)
    expect(a.blocks[0].text).toMatch(/^ISTANBUL — Negotiators from four countries/)
    expect(a.blocks[a.blocks.length - 1].text).toMatch(/extend it to fertiliser shipments\.$/)
    for (const junk of ['Skip to main content', 'cookies', 'Sign in', 'Subscribe', 'Twitter', 'Copy link', 'Advertisement', 'Related', 'newsletter', 'Comments', 'mark my words', 'All rights reserved', 'Privacy policy', 'Wheat prices hit', 'By Jane Smith']) {
      expect(all, junk).not.toContain(junk)
    }
    expect(a.warnings).toEqual([])
  })

  it('keeps structure: headings, quotes, figure captions, emphasis and links', () => {
    expect(a.blocks.map((b) => b.kind)).toEqual(['p', 'p', 'figcaption', 'p', 'h2', 'p', 'blockquote', 'p', 'p'])
    const [first, second, , terms] = a.blocks
    const slice = (b: Block, i: number): string => b.text.slice(b.marks![i].start, b.marks![i].end)
    expect(first.marks?.map((m) => m.type)).toEqual(['em'])
    expect(slice(first, 0)).toBe('wheat prices')
    expect(slice(second, 0)).toBe('Lena Varga')
    expect(terms.marks).toEqual([{ type: 'link', start: terms.text.indexOf('mediators’ office'), end: terms.text.indexOf('mediators’ office') + 17, href: 'https://mediation.example/terms' }])
    expect(a.blocks[2].text).toBe('Cargo ships waiting outside the port of Odesa. Photo: Reuters')
  })

  it('reads the details from JSON-LD, Open Graph and the page', () => {
    expect(a).toMatchObject({
      title: 'Ministers agree grain corridor deal after all-night talks',
      authors: ['Jane Smith', 'Omar Haddad'],
      publisher: 'The Daily Ledger',
      publishedAt: '2024-03-15T06:30:00Z',
      url: 'https://www.dailyledger.example/world/2024/03/15/grain-corridor-deal',
      lang: 'en-US',
      excerpt: 'Negotiators from four countries agreed a deal to reopen the Black Sea grain corridor after talks in Istanbul.',
      format: 'html'
    })
  })
})

describe('a blog post', () => {
  const a = extractHtml({ html: page('blog-post.html'), name: 'blog-post.html' }, jsdomEnv)

  it('keeps code blocks as written, lists with their nesting, and drops sidebars and comments', () => {
    const pre = a.blocks.find((b) => b.kind === 'pre')!
    expect(pre.text).toBe(`grep -F "req=7f3a" app.log \\\n  | awk '{ print $1, $4, $9 }' \\\n  | sort -k1,1`)
    expect(a.blocks.filter((b) => b.kind === 'li').map((b) => [b.text, b.list])).toEqual([
      ['the time, to the second, in UTC;', 'ul'],
      ['the source (which service said it);', 'ul'],
      ['what happened, in one line.', 'ul'],
      ['Quote the log line if in doubt.', 'ul'],
      ['Write the question.', 'ol'],
      ['Name who will find out.', 'ol'],
      ['Put a date on it.', 'ol']
    ])
    const code = a.blocks.find((b) => b.text.startsWith('Only when the grep'))!
    expect(code.marks).toEqual([{ type: 'code', start: 14, end: 18 }])
    const all = texts(a.blocks)
    for (const junk of ['Recent posts', 'Archives', 'Leave a Reply', 'Great post', 'Previous post', 'Proudly powered', 'Posted in']) expect(all, junk).not.toContain(junk)
  })

  it('takes the blog name from the title, the author from meta, the date from article:published_time', () => {
    expect(a).toMatchObject({
      title: 'Reading logs without losing your mind',
      authors: ['Priya Raman'],
      publisher: 'Notes from the Server Room',
      publishedAt: '2023-11-02T18:20:00+00:00',
      lang: 'en-GB',
      excerpt: 'Three habits that make incident reviews faster.'
    })
  })
})

describe('a report with a data table and figures inside a layout table', () => {
  const a = extractHtml({ html: page('report-with-table.html'), name: 'report.html' }, jsdomEnv)

  it('keeps the data table as rows of cells, with its caption and header row', () => {
    const rows = a.blocks.filter((b) => b.kind === 'tr')
    expect(rows.map((r) => r.text.split('\t'))).toEqual([
      ['Crop', '2023', '2024 (forecast)', 'Change'],
      ['Wheat', '4,210', '3,870', '−8.1%'],
      ['Maize', '2,950', '3,320', '+12.5%'],
      ['Barley', '1,105', '', 'n/a'],
      ['Total', '8,265', '7,190', '']
    ])
    expect(rows.map((r) => !!r.header)).toEqual([true, false, false, false, false])
    expect(new Set(rows.map((r) => r.group)).size).toBe(1)
    expect(rows[4].marks).toEqual([{ type: 'em', start: 0, end: 5 }])
    const caption = a.blocks[a.blocks.indexOf(rows[0]) - 1]
    expect(caption).toEqual({ kind: 'figcaption', text: 'Table 1. Expected harvest by crop, thousand tonnes' })
  })

  it('reads images by their alt text, never downloads them, and leaves the menu out', () => {
    expect(a.blocks.filter((b) => b.kind === 'figure').map((b) => b.text)).toEqual([
      'Bar chart of wheat and maize harvests since 2015',
      'Signature of the chief statistician'
    ])
    expect(texts(a.blocks)).not.toMatch(/\bHome\b|Contact/)
    expect(a).toMatchObject({ title: 'Harvest outlook 2024', authors: ['Ngozi Okafor', 'Erik Lindqvist'], publisher: 'Regional Statistics Office', publishedAt: '2024-02-01' })
  })
})

describe('a page that is not an article', () => {
  it('is read whole, and the user is told so in one line', () => {
    const a = extractHtml({ html: page('portal-home.html'), name: 'portal.html' }, jsdomEnv)
    expect(a.warnings).toEqual([NOT_AN_ARTICLE])
    expect(a.blocks.map((b) => b.text)).toContain('Pay a ticket.')
    expect(a.title).toBe('City Services Portal')
  })
})

describe('segmenting HTML', () => {
  it('splits loose text on double line breaks, quotes <q>, and resolves relative links against the page', () => {
    const blocks = segment('<div>First line<br>same paragraph<br><br>Second <q>quoted</q> <a href="/x">link</a> and <a href="#top">anchor</a></div>', 'https://site.example/a/b')
    expect(blocks.map((b) => b.text)).toEqual(['First line same paragraph', 'Second “quoted” link and anchor'])
    expect(blocks[1].marks).toEqual([{ type: 'link', start: 16, end: 20, href: 'https://site.example/x' }])
  })
  it('never keeps scripts, handlers or javascript: links', () => {
    const blocks = segment('<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><script>alert(2)</script><img src=x onerror=alert(3) alt="">.</p>')
    expect(blocks).toEqual([{ kind: 'p', text: 'Hi there.' }])
  })
  it('reads layout tables as blocks and keeps empty cells of data tables', () => {
    const layout = segment('<table><tr><td><p>Only one column of prose.</p></td></tr><tr><td><p>Second row.</p></td></tr></table>')
    expect(layout).toEqual([{ kind: 'p', text: 'Only one column of prose.' }, { kind: 'p', text: 'Second row.' }])
    const data = segment('<table><tr><th>a</th><th>b</th><th>c</th></tr><tr><td></td><td>2</td><td></td></tr></table>')
    expect(data.map((b) => b.text)).toEqual(['a\tb\tc', '\t2\t'])
  })
})
