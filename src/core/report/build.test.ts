import { describe, expect, it } from 'vitest'
import type { ReportGap, ReportModel, ReportParagraph } from './model'
import { buildReport, paragraphAnchor, safeHref } from './build'
import { doc, hl, input, note, para, ref, sampleArticle, txt } from './test-fixtures'
import { scenario } from './scenario-fixture'

const paraOf = (items: (ReportParagraph | ReportGap)[], id: string) =>
  items.find((x): x is ReportParagraph => x.type === 'paragraph' && x.id === id)!
/** The items of a source's section (the article's own by default). */
const itemsOf = (r: ReportModel, articleId = 'a1') => r.sources.find((s) => s.articleId === articleId)!.items
const allRows = (r: ReportModel) => r.appendix.highlights.flatMap((g) => g.rows)

describe('buildReport', () => {
  it('fills the meta block', () => {
    const r = buildReport(scenario().input())
    expect(r.meta).toEqual({
      kind: 'article',
      title: 'Putin and Xi to meet at SCO summit',
      projectTitle: null,
      articleId: 'a1',
      analyst: 'J. Analyst',
      exportedAt: '2026-11-28T23:40:00.000Z',
      pageSize: 'A4',
      scope: 'full',
      styleLabel: 'APA (7th edition)',
      sourceCount: 2,
      paragraphCount: 20,
      highlightCount: 5,
      noteCount: 2
    })
    // The article first (it is the cover's subject), then what its notes cite.
    expect(r.sources.map((s) => [s.articleId, s.anchor, s.full, s.paragraphCount, s.highlightCount, s.citationCount])).toEqual([
      ['a1', 'src-1', true, 18, 5, 6],
      ['a2', 'src-2', false, 2, 0, 1]
    ])
    expect(r.sources[0]).toMatchObject({ authors: ['Staff reporter'], publishedAt: '2022-09-13', fileName: 'putin-xi-sco-summit.txt', format: 'txt' })
  })

  it('puts the analysis note first, then notes citing the article, and leaves the rest out', () => {
    const r = buildReport(scenario().input())
    expect(r.notes.map((n) => [n.id, n.role])).toEqual([
      ['n1', 'analysis'],
      ['n2', 'citing']
    ])
  })

  it('numbers citations across notes in order of appearance and resolves their targets', () => {
    const r = buildReport(scenario().input())
    expect(r.citations.map((c) => [c.n, c.noteId, c.paragraphId, c.label, c.target])).toEqual([
      [1, 'n1', 'p7', '¶7', 'in-report'],
      [2, 'n1', 'p8', '¶8', 'in-report'],
      [3, 'n1', 'p13', '¶13', 'in-report'],
      [4, 'n1', 'q2', 'Another article ¶2', 'in-report'],
      [5, 'n2', 'p7', '¶7', 'in-report'],
      [6, 'n2', 'p16', '¶16', 'in-report'],
      [7, 'n2', 'p99', '¶5', 'missing']
    ])
    expect(r.citations[0]).toMatchObject({ anchor: 'cite-1', targetAnchor: 's1-para-p7', sourceAnchor: 'src-1', where: '¶7', paragraphNumber: 7, noteTitle: 'Analysis of the summit' })
    expect(r.citations[3]).toMatchObject({ targetAnchor: 's2-para-q2', sourceAnchor: 'src-2', shortTitle: 'Another article' })
    expect(r.citations[6].targetAnchor).toBeNull()
    expect(r.citations[0].excerpt.length).toBeLessThanOrEqual(241)
    expect(r.citations[0].excerpt.startsWith('More than six months')).toBe(true)
  })

  it('converts note JSON to blocks with safe links and citation inlines', () => {
    const r = buildReport(scenario().input())
    const [heading, p, list, quote] = r.notes[0].blocks
    expect(heading).toEqual({ type: 'heading', level: 2, content: [{ type: 'text', text: 'Key judgements', marks: [], href: null }] })
    expect(p.type === 'paragraph' && p.content.filter((i) => i.type === 'citation')).toEqual([
      { type: 'citation', n: 1 },
      { type: 'citation', n: 2 }
    ])
    expect(list.type).toBe('list')
    if (list.type !== 'list') return
    expect(list.style).toBe('bullet')
    const second = list.items[1].blocks
    const links = second[0].type === 'paragraph' ? second[0].content.filter((i) => i.type === 'text' && i.marks.length === 0) : []
    expect(links.map((l) => l.type === 'text' && [l.text, l.href])).toEqual([
      ['See ', null],
      ['source', 'https://example.org/a?b=1&c=2'],
      [' and ', null],
      ['bad', null]
    ])
    expect(second[1]).toMatchObject({ type: 'list', items: [{ blocks: [{ type: 'paragraph' }] }] })
    expect(quote).toMatchObject({ type: 'blockquote', blocks: [{ type: 'paragraph', content: [{ type: 'text' }, { type: 'citation', n: 4 }] }] })
  })

  it('splits overlapping highlights into runs (the newer wins) with comment markers where each ends', () => {
    const s = scenario()
    const r = buildReport(s.input())
    const p3 = paraOf(itemsOf(r), 'p3')
    const runs = p3.runs.map((x) => (x.type === 'footnote' ? `[${x.n}]` : x.type === 'cell' ? '|' : `${x.color ?? '-'}:${x.text}`))
    expect(runs.slice(0, 5)).toEqual([
      '-:“',
      'yellow:This summit promises to be interesting, because it will be ',
      'red:the first full-fledged summit',
      '[1]',
      'red: since the pandemic'
    ])
    expect(runs[5]).toBe('[2]')
    expect(p3.runs.filter((x) => x.type === 'text').map((x) => (x.type === 'text' ? x.text : '')).join('')).toBe(s.article.paragraphs[2].text)
    expect(p3.footnotes.map((f) => [f.n, f.highlightId, f.comment])).toEqual([
      [1, s.hls.h1.id, 'Denisov frames it as a return to normal.'],
      [2, s.hls.h4.id, 'Key claim <b>to check</b>.']
    ])
  })

  it('numbers comment footnotes in document order; a multi-paragraph highlight gets its marker in its last paragraph', () => {
    const s = scenario()
    const r = buildReport(s.input())
    expect(r.footnotes.map((f) => [f.n, f.highlightId])).toEqual([
      [1, s.hls.h1.id],
      [2, s.hls.h4.id],
      [3, s.hls.h3.id]
    ])
    expect(paraOf(itemsOf(r), 'p11').footnotes).toEqual([])
    const p12 = paraOf(itemsOf(r), 'p12')
    expect(p12.footnotes.map((f) => f.n)).toEqual([3])
    expect(r.footnotes[2].passage).toBe('supply lines and ammunition supply points … Ukrainian navy management predicted')
    const markerAt = p12.runs.findIndex((x) => x.type === 'footnote')
    const before = p12.runs[markerAt - 1]
    expect(before.type === 'text' && before.text.endsWith('predicted') && before.color).toBe('blue')
  })

  it('lists back-references from citing notes on each paragraph', () => {
    const r = buildReport(scenario().input())
    expect(paraOf(itemsOf(r), 'p7').citedBy).toEqual([
      { noteId: 'n1', noteTitle: 'Analysis of the summit', citations: [1] },
      { noteId: 'n2', noteTitle: 'Working notes', citations: [5] }
    ])
    expect(paraOf(itemsOf(r), 'p1').citedBy).toEqual([])
  })

  it('keeps every paragraph in full scope', () => {
    const r = buildReport(scenario().input('full'))
    expect(itemsOf(r).map((x) => (x.type === 'paragraph' ? x.number : 'gap'))).toEqual(Array.from({ length: 18 }, (_, i) => i + 1))
    // Another article cited by the analysis shows as excerpts: the cited paragraph and its neighbour for context.
    expect(itemsOf(r, 'a2').map((x) => x.type === 'paragraph' && [x.number, x.context, x.anchor])).toEqual([
      [1, true, 's2-para-q1'],
      [2, false, 's2-para-q2']
    ])
    expect(paraOf(itemsOf(r), 'p1').runs).toEqual([{ type: 'text', text: sampleArticle().paragraphs[0].text, highlightId: null, color: null }])
  })

  it('keeps highlighted or cited paragraphs in annotated scope, with a paragraph of context either side and gap markers', () => {
    const r = buildReport(scenario().input('annotated'))
    const shown = itemsOf(r).map((x) => (x.type === 'paragraph' ? (x.context ? `(${x.number})` : x.number) : `gap${x.omitted}`))
    expect(shown).toEqual(['gap1', '(2)', 3, '(4)', 'gap1', '(6)', 7, 8, 9, '(10)', 11, 12, 13, '(14)', '(15)', 16, '(17)', 'gap1'])
  })

  it('says in the appendix when a highlight needs review or was found in another paragraph', () => {
    const s = scenario()
    const input = s.input()
    const as = { [s.hls.h2.id]: 'moved', [s.hls.h5.id]: 'review' } as const
    input.highlights = input.highlights.map((h) => (h.id in as ? { ...h, status: as[h.id as keyof typeof as] } : h))
    const notes = new Map(allRows(buildReport(input)).map((h) => [h.highlightId, [h.orphan, h.statusNote]]))
    expect(notes.get(s.hls.h2.id)).toEqual([false, 'found in another paragraph'])
    expect(notes.get(s.hls.h5.id)).toEqual([true, 'not found where it was; needs review'])
    expect(notes.get(s.hls.h1.id)).toEqual([false, null])
  })

  it('builds the appendix: highlights in document order with orphans marked, and the citation index', () => {
    const s = scenario()
    const r = buildReport(s.input())
    expect(r.appendix.highlights.map((g) => g.tag)).toEqual([null])
    expect(allRows(r).map((h) => [h.highlightId, h.paragraphNumbers, h.footnote, h.orphan, h.statusNote])).toEqual([
      [s.hls.h1.id, [3], 1, false, null],
      [s.hls.h4.id, [3], 2, false, null],
      [s.hls.h2.id, [9], null, false, null],
      [s.hls.h3.id, [11, 12], 3, false, null],
      [s.hls.h5.id, [], null, true, 'not found in current text']
    ])
    expect(allRows(r)[4]).toMatchObject({ passage: 'Russian President Vladimir Putin', comment: 'Lost one', anchor: null })
    expect(r.appendix.citationIndex.map((src) => [src.articleId, src.rows.map((c) => [c.paragraphNumber, c.citedBy.map((g) => `${g.noteId}:${g.citations.join(',')}`)])])).toEqual([
      [
        'a1',
        [
          [7, ['n1:1', 'n2:5']],
          [8, ['n1:2']],
          [13, ['n1:3']],
          [16, ['n2:6']],
          [null, ['n2:7']]
        ]
      ],
      ['a2', [[2, ['n1:4']]]]
    ])
  })

  it('groups the appendix highlights by tag, alphabetically, a passage under each of its tags, untagged last', () => {
    const s = scenario()
    const tagged = { [s.hls.h1.id]: ['sanctions', 'Energy'], [s.hls.h3.id]: ['sanctions'] }
    const base = s.input()
    const r = buildReport({ ...base, highlights: base.highlights.map((h) => ({ ...h, tags: tagged[h.id] ?? [] })) })
    expect(r.appendix.highlights.map((g) => [g.tag, g.rows.map((x) => x.highlightId)])).toEqual([
      ['Energy', [s.hls.h1.id]],
      ['sanctions', [s.hls.h1.id, s.hls.h3.id]],
      [null, [s.hls.h4.id, s.hls.h2.id, s.hls.h5.id]]
    ])
    expect(r.appendix.highlightCount).toBe(5)
    expect(r.appendix.highlights[1].rows[0].tags).toEqual(['Energy', 'sanctions'])
  })

  it('follows a reference whose paragraph id changed to where its quote is now', () => {
    const article = sampleArticle()
    const n = note('n1', 'A', 'a1', doc(para(ref('p-old', '3', 'first full-fledged summit'))))
    const r = buildReport(input({ article, notes: [n] }))
    expect(r.citations[0]).toMatchObject({ paragraphId: 'p3', paragraphNumber: 3, label: '¶3', target: 'in-report', targetAnchor: 's1-para-p3' })
  })

  it('handles unreadable and empty notes and an article with nothing annotated', () => {
    const article = sampleArticle()
    const broken = { ...note('n1', 'Broken', 'a1', doc()), doc: null, readOnlyReason: 'damaged' }
    const empty = note('n2', 'Empty', 'a1', doc(para()), '2026-02-01T00:00:00.000Z')
    const r = buildReport(input({ article, notes: [empty, broken] }, { scope: 'annotated' }))
    expect(r.notes.map((x) => [x.title, x.empty, x.unavailable])).toEqual([
      ['Broken', true, 'damaged'],
      ['Empty', true, null]
    ])
    expect(itemsOf(r)).toEqual([])
  })

  it('numbers ordered list items within their run', () => {
    const article = sampleArticle({
      paragraphs: [
        { id: 'x1', index: 0, kind: 'li', list: 'ol', text: 'one' },
        { id: 'x2', index: 1, kind: 'li', list: 'ol', text: 'two' },
        { id: 'x3', index: 2, kind: 'p', text: 'between' },
        { id: 'x4', index: 3, kind: 'li', list: 'ol', text: 'again' }
      ]
    })
    const r = buildReport(input({ article, highlights: [hl(article, [['x2', 'tw']])] }))
    expect(itemsOf(r).map((x) => x.type === 'paragraph' && x.listNumber)).toEqual([1, 2, null, 1])
  })

  it('anchors and hrefs are safe', () => {
    expect(paragraphAnchor('p-1_a')).toBe('s1-para-p-1_a')
    expect(paragraphAnchor('p-1_a', 3)).toBe('s3-para-p-1_a')
    expect(paragraphAnchor('a"b <c>')).toBe('s1-para-a_22_b_20__3c_c_3e_')
    expect(safeHref('https://x.org')).toBe('https://x.org')
    expect(safeHref('MAILTO:a@b.c')).toBe('MAILTO:a@b.c')
    for (const bad of ['javascript:alert(1)', ' java\nscript:x', 'data:text/html,x', 'file:///etc/passwd', '//evil.org', 'http://a b', 5])
      expect(safeHref(bad)).toBeNull()
  })
})

describe('paged sources (PDF)', () => {
  const pages = ['1', '1', '2', '2', '3']
  const article = sampleArticle({
    format: 'pdf',
    paragraphs: pages.map((page, i) => ({ id: `p${i + 1}`, index: i, kind: 'p' as const, text: `Paragraph ${i + 1} of the report.`, page }))
  })
  const analysis = note('n1', 'Analysis', article.id, doc(para(txt('See '), ref('p4', '4'), txt('.'))))
  const h = hl(article, [['p2', 'Paragraph 2'], ['p3', 'Paragraph 3']], 'yellow', 'Spans a page break.')
  const model = buildReport(input({ article, highlights: [h], notes: [analysis] }))

  it('labels citations, the article section and the appendix with the page: ¶4, p. 2', () => {
    expect(model.citations.map((c) => [c.label, c.page])).toEqual([['¶4, p. 2', '2']])
    const items = itemsOf(model).filter((x): x is ReportParagraph => x.type === 'paragraph')
    expect(items.map((p) => [p.number, p.page, p.pageStart])).toEqual([
      [1, '1', true],
      [2, '1', false],
      [3, '2', true],
      [4, '2', false],
      [5, '3', true]
    ])
    expect(allRows(model)[0].pages).toEqual(['1', '2'])
    expect(model.appendix.citationIndex[0].rows.map((r) => [r.paragraphNumber, r.page])).toEqual([[4, '2']])
  })
})
