import { describe, expect, it } from 'vitest'
import { buildReport } from './build'
import { escapeHtml, renderReportHtml } from './html'
import { doc, hl, input, note, para, ref, sampleArticle, txt } from './test-fixtures'
import { scenario } from './scenario-fixture'

function hostile() {
  const article = sampleArticle({
    id: 'evil"id',
    title: '<script>alert("title")</script>',
    fileName: '"><img src=x onerror=alert(1)>',
    authors: ["O'Brien & <b>Co</b>"],
    publishedAt: '<svg onload=alert(2)>',
    paragraphs: [
      { id: 'p1', index: 0, kind: 'p', text: 'Intro <script>alert(3)</script> text.' },
      { id: 'p"2', index: 1, kind: 'h2', text: '<img src=x onerror=alert(4)>' },
      { id: 'p3', index: 2, kind: 'p', text: 'Plain & simple <a href="javascript:alert(5)">x</a>' }
    ]
  })
  const h = hl(article, [['p1', '<script>alert(3)</script>']], 'red', '</li><script>alert(6)</script>')
  const n = note(
    'n1',
    '<iframe src="https://evil.example">',
    article.id,
    doc(
      para(
        txt('click', [{ type: 'link', attrs: { href: 'javascript:alert(7)' } }]),
        txt(' '),
        txt('data', [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(8)</script>' } }]),
        ref('p"2', '2', '<img onerror=alert(9)>', article.id)
      ),
      { type: 'codeBlock', content: [txt('</pre><script>alert(10)</script>')] },
      { type: 'heading', attrs: { level: 1 }, content: [txt('<style>body{display:none}</style>')] }
    )
  )
  return renderReportHtml(buildReport(input({ article, highlights: [h], notes: [n] }, { analyst: '<img src=x onerror=alert(11)>' })))
}

describe('renderReportHtml', () => {
  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it('lets nothing executable or external through from a hostile article and note', () => {
    const html = hostile()
    // Real markup is whatever sits between literal angle brackets (escaped text has none).
    const tags = html.match(/<[^>]*>/g)!
    const names = new Set(tags.map((t) => /^<\/?([a-zA-Z0-9!-]+)/.exec(t)![1].toLowerCase()))
    for (const bad of ['script', 'img', 'iframe', 'svg', 'object', 'embed', 'link', 'base', 'form'])
      expect(names.has(bad), `<${bad}> survived`).toBe(false)
    expect(html.match(/<style/gi)).toHaveLength(1) // only our own stylesheet
    for (const t of tags) {
      const names = t.replace(/"[^"]*"/g, '""') // attribute names only (values are quoted and escaped)
      expect(names).not.toMatch(/['\s]on\w+\s*=/i) // no event handlers
      expect(names).not.toMatch(/\ssrc\s*=/i) // nothing loads
      const href = /\shref="([^"]*)"/.exec(t)?.[1]
      if (href !== undefined) expect(href, t).toMatch(/^(#|https:\/\/example\.org)/)
    }
    expect(html).not.toMatch(/href="(javascript|data):/i)
    // the hostile text is still there, as text
    expect(html).toContain('&lt;script&gt;alert(3)&lt;/script&gt;')
    expect(html).toContain('O&#39;Brien &amp; &lt;b&gt;Co&lt;/b&gt;')
    expect(html).toContain('&lt;/li&gt;&lt;script&gt;alert(6)&lt;/script&gt;')
    // the unsafe links are reduced to their text
    expect(html).toContain('<p>click data')
  })

  it('is self-contained with a strict CSP and no scripts', () => {
    const html = renderReportHtml(buildReport(scenario().input()))
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`)
    expect(html).not.toMatch(/<script|<link|@import|url\(/i)
    expect(html).toContain('@page { size: A4;')
    const letter = scenario().input()
    letter.options.pageSize = 'Letter'
    expect(renderReportHtml(buildReport(letter))).toContain('@page { size: Letter;')
  })

  it('renders the cover, sections, citations, marks, footnotes and back-references with working anchors', () => {
    const s = scenario()
    const html = renderReportHtml(buildReport(s.input()))
    expect(html).toContain('<h1>Putin and Xi to meet at SCO summit</h1>')
    for (const label of ['Author', 'Published', 'Source', 'Analyst', 'Exported']) expect(html).toContain(`<dt>${label}</dt>`)
    expect(html).toContain('<dd>13 September 2022</dd>')
    expect(html).toContain('<dd>28 November 2026, 23:40 UTC</dd>')
    expect(html).toMatch(/<h1>Analysis<\/h1>[\s\S]*<h2>Citations<\/h2>[\s\S]*<h1>Sources<\/h1>[\s\S]*<h1>Article<\/h1>[\s\S]*<h1>Another article<\/h1>[\s\S]*<h1>Appendix<\/h1>/)
    expect(html).toContain('<div class="kicker sans">Source 2 of 2</div>')
    expect(html).toContain('<h2>Analysis of the summit</h2>')
    expect(html).toContain('<h4>Key judgements</h4>')
    expect(html).toContain('<a class="cite" id="cite-1" href="#s1-para-p7">[¶7]<span class="n">1</span></a>')
    expect(html).toContain('<a class="cite" id="cite-4" href="#s2-para-q2">[Another article ¶2]<span class="n">4</span></a>')
    expect(html).toContain('<span class="cite missing" id="cite-7">[¶5 — paragraph no longer in the source]')
    // The citation list resolves each number to its source, paragraph and words.
    expect(html).toContain('<li id="citation-4"><a class="fn-n" href="#cite-4">4</a><a href="#src-2">Another article</a>, <a href="#s2-para-q2">¶2</a> — <span class="excerpt">“Second other paragraph.”</span>')
    // The bibliography (the style's order and markup), each entry leading to its source's section.
    expect(html).toContain('<li id="src-1"><span class="entry">Staff reporter. 2022. <i>Putin and Xi to meet at SCO summit</i>.</span>')
    expect(html).toContain('<a class="jump sans" href="#source-2">Excerpts · 1 citation</a>')
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">source</a>')
    expect(html).toContain('<strong>Tension</strong>')
    expect(html).toContain('<em>fast</em>')
    // every internal link has a target
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
    expect(hrefs.length).toBeGreaterThan(20)
    for (const h of hrefs) expect(ids.has(h), `missing anchor #${h}`).toBe(true)
    expect(html).toContain(`<mark class="red" data-highlight-id="${s.hls.h4.id}">the first full-fledged summit</mark>`)
    expect(html).toContain('<sup class="fn"><a id="noteref-1" href="#note-1">1</a></sup>')
    expect(html).toContain('<li id="note-3"><a class="fn-n" href="#noteref-3">3</a>Military picture<br>second line</li>')
    expect(html).toContain(
      '<p class="cited-in">Cited in: <a href="#cite-1">[1]</a> (Analysis of the summit); <a href="#cite-5">[5]</a> (Working notes)</p>'
    )
    expect(html).toContain('not found in current text')
    expect(html).toContain('-webkit-print-color-adjust: exact')
  })

  it('shows gap markers and a scope note in annotated scope', () => {
    const html = renderReportHtml(buildReport(scenario().input('annotated')))
    expect(html).toContain('Highlighted and cited paragraphs, with the paragraph before and after for context (15 of 18)')
    expect(html).toContain('<p class="gap">… 1 paragraph omitted …</p>')
    expect(html).toContain('<div class="para kind-p context" id="s1-para-p2">')
    expect(html).not.toContain('id="s1-para-p1"')
  })

  it('has friendly empty states', () => {
    const html = renderReportHtml(buildReport(input({ article: sampleArticle() }, { scope: 'annotated', analyst: '' })))
    expect(html).toContain('No analysis has been written for this article yet.')
    expect(html).toContain('Nothing in this source is highlighted or cited yet.')
    expect(html).toContain('No passages are highlighted.')
    expect(html).toContain('No paragraph is cited in the notes.')
    expect(html).not.toContain('<dt>Analyst</dt>')
  })
})
