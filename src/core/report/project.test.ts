// Reports of a note and of a project: several sources, numbered citations across them, the bibliography in the
// style's order, page-aware labels, excerpts per source, and highlights by tag.
import { describe, expect, it } from 'vitest'
import type { Article, Note } from '../model'
import { buildReport } from './build'
import { renderReportHtml } from './html'
import { renderReportMarkdown } from './markdown'
import type { ReportParagraph } from './model'
import { doc, hl, input, note, para, ref, sampleArticle, txt } from './test-fixtures'

function sources() {
  const news = sampleArticle({
    id: 'news',
    title: 'Ministers agree on grain corridor: what it means for shipping',
    authors: ['Jane Smith'],
    publisher: 'The Daily Ledger',
    publishedAt: '2024-03-15',
    url: 'https://ledger.example/grain',
    accessedAt: '2026-11-30T10:00:00.000Z',
    fileName: null,
    format: 'html',
    paragraphs: ['Ministers met in Istanbul.', 'They agreed on a corridor for grain ships.', 'Insurers were cautious.', 'Markets rose.'].map((text, i) => ({
      id: `n${i + 1}`,
      index: i,
      kind: 'p' as const,
      text
    }))
  })
  const pdf = sampleArticle({
    id: 'pdf',
    title: 'Black Sea shipping risk',
    authors: ['Institute for Maritime Studies'],
    publisher: 'IMS Press',
    publishedAt: '2023',
    fileName: 'risk.pdf',
    format: 'pdf',
    paragraphs: ['Summary.', 'War-risk premiums tripled in 2023.', 'Mines remain a hazard.', 'Annex.'].map((text, i) => ({
      id: `r${i + 1}`,
      index: i,
      kind: 'p' as const,
      text,
      page: String(i + 1)
    }))
  })
  const sample = sampleArticle()
  const uncited = sampleArticle({ id: 'extra', title: 'A source nobody cites yet', authors: ['Ann Other'], publishedAt: '2020-01-01' })
  return { news, pdf, sample, uncited, articles: { news, pdf, a1: sample, extra: uncited } as Record<string, Article> }
}

function brief(): Note {
  return {
    ...note(
      'brief',
      'Grain corridor brief',
      null,
      doc(
        para(txt('The deal holds '), ref('n2', '2', 'corridor for grain ships', 'news'), txt(' but premiums tripled '), ref('r2', '2', '', 'pdf'), txt('.')),
        para(txt('Context: '), ref('p3', '3', '', 'a1'), txt(' and again '), ref('r2', '2', '', 'pdf'))
      )
    ),
    projectId: 'proj'
  }
}

describe('a note report citing three sources', () => {
  const s = sources()
  const model = buildReport(input({ subject: { kind: 'note', noteId: 'brief' }, articles: s.articles, notes: [brief()] }, { scope: 'annotated' }))

  it('numbers the citations in order, labelled with the source short title, ¶ and page', () => {
    expect(model.meta).toMatchObject({ kind: 'note', title: 'Grain corridor brief', sourceCount: 3, noteCount: 1 })
    expect(model.citations.map((c) => [c.n, c.label, c.target, c.sourceAnchor])).toEqual([
      [1, 'Ministers agree on grain corridor ¶2', 'in-report', 'src-2'],
      [2, 'Black Sea shipping risk ¶2, p. 2', 'in-report', 'src-1'],
      [3, 'Putin and Xi to meet at SCO summit ¶3', 'in-report', 'src-3'],
      [4, 'Black Sea shipping risk ¶2, p. 2', 'in-report', 'src-1']
    ])
  })

  it('lists the cited sources (only) in the bibliography order, and gives each a section of excerpts', () => {
    expect(model.bibliography.map((b) => b.bibliography.text)).toEqual([
      'Institute for Maritime Studies. 2023. Black Sea shipping risk.',
      'Smith, Jane. 2024. Ministers agree on grain corridor: what it means for shipping.',
      'Staff reporter. 2022. Putin and Xi to meet at SCO summit.'
    ])
    expect(model.sources.map((x) => x.articleId)).toEqual(['pdf', 'news', 'a1'])
    const pdfSection = model.sources[0]
    expect(pdfSection.items.map((x) => (x.type === 'gap' ? `gap${x.omitted}` : `${x.number}${x.context ? '(c)' : ''}`))).toEqual(['1(c)', '2', '3(c)', 'gap1'])
    const cited = pdfSection.items.find((x): x is ReportParagraph => x.type === 'paragraph' && x.number === 2)!
    expect(cited).toMatchObject({ page: '2', pageStart: true, anchor: 's1-para-r2' })
    expect(cited.citedBy).toEqual([{ noteId: 'brief', noteTitle: 'Grain corridor brief', citations: [2, 4] }])
  })

  it('renders a cover naming the sources, the citation list and one section per source', () => {
    const html = renderReportHtml(model)
    expect(html).toContain('<div class="kicker sans">Note report</div><h1>Grain corridor brief</h1>')
    expect(html).toContain('<dt>Sources</dt><dd>Black Sea shipping risk; Ministers agree on grain corridor; Putin and Xi to meet at SCO summit</dd>')
    expect(html).toContain('<a class="cite" id="cite-2" href="#s1-para-r2">[Black Sea shipping risk ¶2, p. 2]<span class="n">2</span></a>')
    expect(html).toContain('<li id="src-1"><span class="entry">Institute for Maritime Studies. 2023. <i>Black Sea shipping risk</i>.</span> <span class="file">File: risk.pdf</span>')
    expect(html).toContain('<div class="kicker sans">Source 2 of 3</div><h1>Ministers agree on grain corridor: what it means for shipping</h1>')
    // A note report shows its note without repeating its title as a heading.
    expect(html).not.toContain('<h2>Grain corridor brief</h2>')
    const md = renderReportMarkdown(model)
    expect(md).toContain('The deal holds Ministers agree on grain corridor ¶2[^c1] but premiums tripled Black Sea shipping risk ¶2, p. 2[^c2].')
    expect(md).toContain('## Sources\n\n*APA (7th edition).*\n\n1. Institute for Maritime Studies. 2023. Black Sea shipping risk. File: risk.pdf.\n2. Smith, Jane.')
    expect(md).toContain('[^c2]: Black Sea shipping risk, ¶2, p. 2: *War-risk premiums tripled in 2023.* (Grain corridor brief)')
  })
})

describe('a project report', () => {
  const s = sources()
  const older = { ...note('old', 'First thoughts', null, doc(para(ref('n3', '3', '', 'news'))), '2026-01-01T00:00:00.000Z'), projectId: 'proj' }
  const elsewhere = { ...note('other', 'Other project', null, doc(para(ref('n1', '1', '', 'news')))), projectId: 'zzz' }
  const tagged = hl(s.news, [['n2', 'corridor for grain ships']], 'green', 'The core of the deal.')
  const tagged2 = hl(s.pdf, [['r3', 'Mines remain a hazard']], 'red')
  const plain = hl(s.uncited, [['p1', 'Russian President']], 'yellow')
  const model = buildReport(
    input(
      {
        subject: { kind: 'project', projectId: 'proj', title: 'Black Sea grain', articleIds: ['news', 'pdf', 'extra'] },
        articles: s.articles,
        notes: [brief(), elsewhere, older],
        highlights: [
          { ...tagged, tags: ['insurance', 'deal'] },
          { ...tagged2, tags: ['insurance'] },
          plain
        ]
      },
      { scope: 'annotated', style: 'harvard' }
    )
  )

  it("holds the project's notes oldest first, and its sources plus whatever they cite", () => {
    expect(model.meta).toMatchObject({ kind: 'project', title: 'Black Sea grain', projectTitle: 'Black Sea grain', styleLabel: 'Harvard', noteCount: 2, sourceCount: 4 })
    expect(model.notes.map((n) => [n.id, n.role])).toEqual([
      ['old', 'project'],
      ['brief', 'project']
    ])
    expect(model.citations.map((c) => c.n + ':' + c.articleId)).toEqual(['1:news', '2:news', '3:pdf', '4:a1', '5:pdf'])
    // A source of the project that nothing cites is still in the bibliography, with its highlights.
    expect(model.bibliography.map((b) => b.articleId)).toEqual(['pdf', 'extra', 'news', 'a1'])
    expect(model.sources.find((x) => x.articleId === 'extra')).toMatchObject({ highlightCount: 1, citationCount: 0 })
  })

  it('groups every tagged passage of every source by tag in the appendix', () => {
    expect(model.appendix.highlights.map((g) => [g.tag, g.rows.map((r) => `${r.source} ${r.paragraphNumbers.join(',')}`)])).toEqual([
      ['deal', ['Ministers agree on grain corridor 2']],
      ['insurance', ['Black Sea shipping risk 3', 'Ministers agree on grain corridor 2']],
      [null, ['A source nobody cites yet 1']]
    ])
    const html = renderReportHtml(model)
    expect(html).toContain('<h2>Highlights by tag</h2><h3 class="tag">deal <span class="count">1 passage</span></h3>')
    expect(html).toContain('<h3 class="tag">Untagged <span class="count">1 passage</span></h3>')
    expect(html).toContain('<th class="num">Source, para.</th>')
    const md = renderReportMarkdown(model)
    expect(md).toContain('#### insurance (2 passages)\n\n| # | Source, para. | Colour | Passage | Comment |')
    expect(md).toContain('| 1 | Black Sea shipping risk, ¶3, p. 3 | Red | Mines remain a hazard |   |')
  })

  it('indexes citations per source', () => {
    expect(model.appendix.citationIndex.map((x) => [x.source, x.rows.map((r) => `¶${r.paragraphNumber}:${r.citedBy.map((g) => g.citations.join('+')).join('/')}`)])).toEqual([
      ['Black Sea shipping risk', ['¶2:3+5']],
      ['Ministers agree on grain corridor', ['¶2:2', '¶3:1']],
      ['Putin and Xi to meet at SCO summit', ['¶3:4']]
    ])
  })

  it('says so when the project has no notes and no sources', () => {
    const empty = buildReport(input({ subject: { kind: 'project', projectId: 'p', title: 'Empty', articleIds: [] }, articles: {} }))
    const html = renderReportHtml(empty)
    expect(html).toContain('This project has no notes yet.')
    expect(html).toContain('This report draws on no source yet.')
    expect(html).toContain('<dt>Sources</dt><dd>none</dd>')
  })
})
