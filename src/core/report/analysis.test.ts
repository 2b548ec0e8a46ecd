// The analysis in reports: a project's ACH matrices as tables whose evidence rows link to their paragraphs, and the
// quotations of the notes checked against their sources (verified ones printed plainly, the others flagged).
import { describe, expect, it } from 'vitest'
import type { AchMatrix } from '../analysis/ach'
import { buildReport } from './build'
import { renderReportHtml } from './html'
import { renderReportMarkdown } from './markdown'
import { doc, input, note, para, ref, sampleArticle, txt } from './test-fixtures'

const article = sampleArticle()

const matrix: AchMatrix = {
  title: 'Why are Xi and Putin meeting now?',
  hypotheses: [
    { id: 'h1', label: 'Russia needs China more' },
    { id: 'h2', label: 'China wants a partner against the U.S.' },
    { id: 'h3', label: 'Routine summit diplomacy' }
  ],
  evidence: [
    { id: 'e1', label: 'Gas paid in rubles and yuan', source: { kind: 'paragraph', articleId: 'a1', paragraphId: 'p8', quote: '' }, credibility: 'high', relevance: 'high', ratings: { h1: 'CC', h2: 'C', h3: 'I' } },
    { id: 'e2', label: 'The partnership matters to China', source: { kind: 'paragraph', articleId: 'a1', paragraphId: 'p16', quote: 'having that partnership' }, credibility: 'medium', relevance: 'high', ratings: { h1: 'I', h2: 'CC', h3: 'N' } },
    { id: 'e3', label: 'First in-person meeting since the invasion', source: { kind: 'paragraph', articleId: 'a1', paragraphId: 'p1', quote: '' }, credibility: 'high', relevance: 'medium', ratings: { h1: 'C', h2: 'C', h3: 'C' } },
    { id: 'e4', label: 'Summits are scheduled long in advance', source: null, credibility: 'low', relevance: 'medium', ratings: { h1: 'N', h2: 'N', h3: 'CC' } }
  ]
}

const project = { kind: 'project' as const, projectId: 'pr1', title: 'SCO summit', articleIds: ['a1'] }

describe('ACH matrices in project reports', () => {
  it('become tables: ratings per hypothesis, scores and ranks, evidence linked to its paragraph (shown in excerpts)', () => {
    const model = buildReport(input({ subject: project, articles: { a1: article }, ach: [{ id: 'm1', title: matrix.title, matrix }] }, { scope: 'annotated' }))
    const [t] = model.ach
    // By hand: h1 = e2 I × medium × high = −1.414214; h2 = 0; h3 = e1 I × high × high = −2.
    expect(t.hypotheses.map((h) => [h.id, h.weighted, h.rank])).toEqual([
      ['h1', -1.414214, 2],
      ['h2', 0, 1],
      ['h3', -2, 3]
    ])
    expect(t.ranking).toEqual(['h2', 'h1', 'h3'])
    expect(t.rows.map((r) => [r.label, r.source, r.anchor, r.ratings.join(' '), r.nonDiagnostic])).toEqual([
      ['Gas paid in rubles and yuan', '¶8', 's1-para-p8', 'CC C I', false],
      ['The partnership matters to China', '¶16', 's1-para-p16', 'I CC N', false],
      ['First in-person meeting since the invasion', '¶1', 's1-para-p1', 'C C C', true],
      // Against no hypothesis (N, N, CC): it cannot refute any of them, so it cannot tell them apart.
      ['Summits are scheduled long in advance', null, null, 'N N CC', true]
    ])
    // Excerpts show the evidence paragraphs even though nothing is highlighted or cited.
    const shown = model.sources[0].items.filter((x) => x.type === 'paragraph' && !x.context).map((x) => (x as { number: number }).number)
    expect(shown).toEqual([1, 8, 16])

    const html = renderReportHtml(model)
    expect(html).toContain('<h1>Competing hypotheses</h1>')
    expect(html).toContain('<a href="#s1-para-p16">¶16</a>')
    expect(html).toContain('id="s1-para-p16"')
    expect(html).toContain('Least inconsistent first: 1. H2 (0) · 2. H1 (−1.41) · 3. H3 (−2).')
    expect(html).toMatch(/<tr class="non-diagnostic"><td>First in-person meeting since the invasion/)
    const md = renderReportMarkdown(model)
    expect(md).toContain('| Gas paid in rubles and yuan | ¶8 | High | High | CC | C | I | 2 |')
    expect(md).toContain('| First in-person meeting since the invasion | ¶1 | High | Med. | C | C | C | none |')
    expect(md).toContain('| *Weighted inconsistency* | | | | −1.41 | 0 | −2 | |')
  })

  it('marks evidence whose paragraph is gone, and stay out of other reports', () => {
    const gone: AchMatrix = { ...matrix, evidence: [{ ...matrix.evidence[0], source: { kind: 'paragraph', articleId: 'a1', paragraphId: 'p-removed', quote: '' } }] }
    const model = buildReport(input({ subject: project, articles: { a1: article }, ach: [{ id: 'm1', title: 'M', matrix: gone }] }))
    expect(model.ach[0].rows[0]).toMatchObject({ source: '', anchor: null, missing: true })
    expect(renderReportHtml(model)).toContain('<span class="orphan">no longer in the source</span>')
    expect(buildReport(input({ article, ach: [{ id: 'm1', title: 'M', matrix }] })).ach).toEqual([])
  })
})

describe('quotations in the notes', () => {
  const analysis = note(
    'n1',
    'Analysis',
    'a1',
    doc(
      para(txt('Denisov called it “the first full-fledged summit since the pandemic” '), ref('p3', '3'), txt('.')),
      para(txt('Austin said Ukraine had “inflicted serious damage to the Russians’ supply lines” '), ref('p11', '11'), txt('.')),
      para(txt('Shullman: “Russia plays a key role” '), ref('p16', '16'), txt(' and “we will win” '), ref('p16', '16'))
    )
  )

  it('prints verified quotations plainly and flags the others after their chip, with what is wrong', () => {
    const model = buildReport(input({ article, notes: [analysis] }))
    expect(model.quoteFlags.map((f) => [f.n, f.quote, f.status, f.paragraphNumber])).toEqual([
      [1, 'inflicted serious damage to the Russians’ supply lines', 'differs', 11],
      [2, 'we will win', 'not_in_source', 16]
    ])
    const blocks = model.notes[0].blocks as { content: { type: string; n?: number }[] }[]
    expect(blocks[0].content.some((x) => x.type === 'quoteFlag')).toBe(false)
    expect(blocks[1].content.map((x) => x.type)).toEqual(['text', 'citation', 'quoteFlag', 'text'])
    expect(blocks[2].content.filter((x) => x.type === 'quoteFlag').map((x) => x.n)).toEqual([2])

    const html = renderReportHtml(model)
    expect(html).toContain('<a class="qflag" id="quoteref-1" href="#quote-1">[quotation 1: differs from the source]</a>')
    expect(html).toContain('<h2>Quotations to check</h2>')
    expect(html).toContain('The source reads “inflicted significant damage to the Russians’ supply lines”; the difference: inflicted <del>significant</del> <ins>serious</ins> damage to the Russians’ supply lines.')
    expect(html).not.toContain('quotation 3')
    const md = renderReportMarkdown(model)
    expect(md).toContain('*(quotation 1: differs from the source)*')
    expect(md).toContain('2. “we will win” — not found in the cited paragraph (¶16).')
  })

  it('has nothing to flag when every quotation matches', () => {
    const clean = note('n2', 'Clean', 'a1', doc(para(txt('“This summit promises to be interesting” '), ref('p3', '3'))))
    const model = buildReport(input({ article, notes: [clean] }))
    expect(model.quoteFlags).toEqual([])
    expect(renderReportHtml(model)).not.toContain('Quotations to check')
  })
})
