import { describe, expect, it } from 'vitest'
import { buildReport } from './build'
import { escapeMarkdown, renderReportMarkdown } from './markdown'
import { doc, hl, input, note, para, ref, sampleArticle, txt } from './test-fixtures'
import { scenario } from './scenario-fixture'

describe('renderReportMarkdown', () => {
  const md = () => renderReportMarkdown(buildReport(scenario().input()))

  it('writes a title, meta list and the three sections in order', () => {
    const out = md()
    expect(out.startsWith('# Putin and Xi to meet at SCO summit\n\n*Annotated report*\n\n- **Author:** Staff reporter\n')).toBe(true)
    expect(out).toContain('- **Source:** putin-xi-sco-summit.txt')
    expect(out).toContain('- **Published:** 13 September 2022')
    expect(out).toContain('- **Analyst:** J. Analyst')
    expect(out).toMatch(/\n## Analysis\n[\s\S]*\n## Sources\n[\s\S]*\n## Article\n[\s\S]*\n## Source 2 of 2: Another article\n[\s\S]*\n## Appendix\n\n### Highlights\n[\s\S]*### Citation index/)
  })

  it('renders note blocks: headings, marks, safe links, nested lists and quotes with citation footnotes', () => {
    const out = md()
    expect(out).toContain('### Analysis of the summit')
    expect(out).toContain('#### Key judgements')
    expect(out).toContain('Putin needs China ¶7[^c1] and its energy market ¶8[^c2].')
    expect(out).toContain('- **Tension** rises *fast*\n- See [source](<https://example.org/a?b=1&c=2>) and bad\n  - Nested claim ¶13[^c3]')
    expect(out).toContain('> Compare Another article ¶2[^c4]')
    expect(out).not.toContain('javascript:')
    expect(out).toContain('*A separate note that cites this article.*')
  })

  it('writes highlights as ==text== with comment footnotes, back-references and citation footnotes', () => {
    const out = md()
    expect(out).toContain(
      '**¶3** “==This summit promises to be interesting, because it will be the first full-fledged summit==[^n1] ==since the pandemic==[^n2],” Denisov'
    )
    expect(out).toContain('*Cited in:* [^c1] (Analysis of the summit); [^c5] (Working notes)')
    expect(out).toMatch(/\n\[\^c1\]: Putin and Xi to meet at SCO summit, ¶7: \*More than six months into Russia’s battle in Ukraine, Putin is feeling the squeeze of sanctions/)
    expect(out).toContain('[^c3]: Putin and Xi to meet at SCO summit, ¶13: *“The U.S.-China relationship is becoming more fraught seemingly by the week.”* Quoted: “more fraught” (Analysis of the summit)')
    expect(out).toContain('[^c4]: Another article, ¶2: *Second other paragraph.* (Analysis of the summit)')
    expect(out).toContain('[^c7]: Putin and Xi to meet at SCO summit, ¶5: this paragraph is no longer in the source. (Working notes)')
    expect(out).toContain('[^n2]: Key claim \\<b\\>to check\\</b\\>.')
    expect(out).toContain('[^n3]: Military picture\n    second line')
    // every footnote reference has exactly one definition
    const refs = new Set([...out.matchAll(/\[\^([cn]\d+)\](?!:)/g)].map((m) => m[1]))
    const defs = [...out.matchAll(/^\[\^([cn]\d+)\]:/gm)].map((m) => m[1])
    expect(new Set(defs).size).toBe(defs.length)
    expect([...refs].sort()).toEqual([...defs].sort())
  })

  it('writes the appendix tables, orphans included', () => {
    const out = md()
    expect(out).toContain('| # | Para. | Colour | Passage | Comment |\n|---|---|---|---|---|\n| 1 | ¶3 | Yellow |')
    expect(out).toContain('| 4 | ¶11–12 | Blue | supply lines and ammunition supply points … Ukrainian navy management predicted | Military picture second line |')
    expect(out).toContain('| 5 | — | Yellow | Russian President Vladimir Putin *(not found in current text)* | Lost one |')
    expect(out).toContain('| Para. | Cited in |\n|---|---|\n| ¶7 | [^c1] (Analysis of the summit); [^c5] (Working notes) |')
    expect(out).toContain('| *no longer in the source* | [^c7] (Working notes) |')
  })

  it('marks gaps in annotated scope', () => {
    const out = renderReportMarkdown(buildReport(scenario().input('annotated')))
    expect(out).toContain('*… 1 paragraph omitted …*\n\n**¶2** *(context)*')
    expect(out.split('## Source 2 of 2')[0]).not.toContain('**¶1**')
  })

  it('escapes Markdown in user text so it renders literally', () => {
    expect(escapeMarkdown('a*b_c `d` [e](f) <g> | h ~ i == j \\ k &amp;')).toBe(
      'a\\*b\\_c \\`d\\` \\[e\\](f) \\<g\\> \\| h \\~ i \\=\\= j \\\\ k &amp;amp;'
    )
    const article = sampleArticle({
      title: '# Not *a* heading',
      paragraphs: [
        { id: 'p1', index: 0, kind: 'p', text: '- not a list | with *stars* and <script>x</script>' },
        { id: 'p2', index: 1, kind: 'p', text: '1. not ordered' }
      ]
    })
    const n = note('n1', '[link](javascript:x)', 'a1', doc(para(txt('# not heading '), ref('p1', '1')), para(txt('+ not list'))))
    const out = renderReportMarkdown(buildReport(input({ article, notes: [n], highlights: [hl(article, [['p1', 'stars']])] })))
    expect(out.startsWith('# \\# Not \\*a\\* heading\n')).toBe(true)
    expect(out).toContain('**¶1** - not a list \\| with \\*==stars==\\* and \\<script\\>x\\</script\\>')
    expect(out).toContain('**¶2** 1. not ordered')
    expect(out).toContain('### \\[link\\](javascript:x)')
    expect(out).toContain('\n\\# not heading ¶1[^c1]\n')
    expect(out).toContain('\n\\+ not list\n')
    const tricky = note('n2', 'C #', 'a1', doc({ type: 'heading', attrs: { level: 1 }, content: [txt('# Lead and trail ##')] }))
    const out2 = renderReportMarkdown(buildReport(input({ article, notes: [tricky] })))
    expect(out2).toContain('### C \\#\n')
    expect(out2).toContain('### \\# Lead and trail \\##\n')
  })
})
