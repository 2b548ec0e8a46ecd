import { describe, expect, it } from 'vitest'
import { GlossError } from '../errors'
import type { AnchoredHighlight, Article } from '../model'
import { fromWebAnnotations, toWebAnnotations as toAnnotations } from './annotations'
import { buildReport } from './build'
import type { ReportInput } from './model'
import { hl, input, sampleArticle } from './test-fixtures'
import { scenario } from './scenario-fixture'

type Item = Record<string, any>
const itemsOf = (json: object): Item[] => (json as any).first.items
const toWebAnnotations = (inp: ReportInput): object => toAnnotations(inp, buildReport(inp))

const essentials = (h: Pick<AnchoredHighlight, 'color' | 'comment' | 'targets'>) => ({
  color: h.color,
  comment: h.comment ?? '',
  targets: h.targets
})

describe('toWebAnnotations', () => {
  it('produces a W3C AnnotationCollection with highlight and note-reference annotations', () => {
    const s = scenario()
    const json = toWebAnnotations(s.input()) as Record<string, any>
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(json.type).toBe('AnnotationCollection')
    expect(json.label).toBe('Putin and Xi to meet at SCO summit')
    // The sources' details and the bibliography (CSL-JSON), so that a colleague or another tool can find them.
    expect(json['gloss:sources'].map((x: Item) => [x.id, x.source, x.title])).toEqual([
      ['urn:gloss:article:a1', 'putin-xi-sco-summit.txt', 'Putin and Xi to meet at SCO summit'],
      ['urn:gloss:article:a2', 'putin-xi-sco-summit.txt', 'Another article']
    ])
    expect(json['gloss:bibliography'].map((x: Item) => [x.id, x.type, x.title, x.author])).toEqual([
      ['a2', 'document', 'Another article', [{ literal: 'Staff reporter' }]],
      ['a1', 'document', 'Putin and Xi to meet at SCO summit', [{ literal: 'Staff reporter' }]]
    ])
    expect(json['gloss:report']).toEqual({ kind: 'article', title: 'Putin and Xi to meet at SCO summit', project: null, analyst: 'J. Analyst', style: 'APA (7th edition)' })
    const items = itemsOf(json)
    expect(json.total).toBe(items.length)
    expect(json.first.type).toBe('AnnotationPage')
    const highlights = items.filter((i) => i.motivation !== 'linking')
    const links = items.filter((i) => i.motivation === 'linking')
    expect(highlights).toHaveLength(5)
    // Every reference of the report's notes: n1 -> p7, p8, p13, a2's q2; n2 -> p7, p16, p99 (gone).
    expect(links.map((l) => l.target.id)).toEqual([
      'urn:gloss:article:a1#p7',
      'urn:gloss:article:a1#p8',
      'urn:gloss:article:a1#p13',
      'urn:gloss:article:a2#q2',
      'urn:gloss:article:a1#p7',
      'urn:gloss:article:a1#p16',
      'urn:gloss:article:a1#p99'
    ])
    expect(links[2].body).toEqual({ type: 'TextualBody', value: 'Analysis of the summit: Nested claim ¶13', format: 'text/plain', purpose: 'describing' })
    expect(links[2].target.source).toBe('putin-xi-sco-summit.txt')
    expect(links[2].target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'more fraught' })
    expect(links[2].target.selector[1]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'urn:gloss:paragraph',
      value: 'p13',
      refinedBy: { type: 'TextPositionSelector', start: 41, end: 53 }
    })

    const commented = highlights.find((h) => h.id === `urn:gloss:highlight:${s.hls.h3.id}`)!
    expect(commented).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'Military picture\nsecond line', purpose: 'commenting' },
      'gloss:color': 'blue'
    })
    expect(commented.target).toHaveLength(2)
    const t = s.hls.h3.targets[1]
    expect(commented.target[1]).toEqual({
      type: 'SpecificResource',
      id: 'urn:gloss:article:a1#p12',
      source: 'putin-xi-sco-summit.txt',
      selector: [
        { ...t.quote },
        { type: 'FragmentSelector', conformsTo: 'urn:gloss:paragraph', value: 'p12', refinedBy: { type: 'TextPositionSelector', start: t.position.start, end: t.position.end } }
      ]
    })
    const plain = highlights.find((h) => h.id === `urn:gloss:highlight:${s.hls.h2.id}`)!
    expect(plain.motivation).toBe('highlighting')
    expect(plain.body).toBeUndefined()
    expect(plain.target.id).toBe('urn:gloss:article:a1#p9')
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
  })
})

describe('fromWebAnnotations', () => {
  it('round-trips highlights: same selectors, colours and comments', () => {
    const s = scenario()
    const json = JSON.parse(JSON.stringify(toWebAnnotations(s.input())))
    const r = fromWebAnnotations(json, s.article)
    const original = [s.hls.h3, s.hls.h1, s.hls.h2, s.hls.h5, s.hls.h4]
    expect(r.highlights.map((h) => essentials({ ...h, comment: h.comment ?? '' }))).toEqual(original.map(essentials))
    expect(r.highlights.every((h) => h.articleId === 'a1')).toBe(true)
    expect(r.skipped).toBe(7) // the note references
    expect(r.warnings).toEqual(['7 annotations were skipped because they are not highlights or comments (for example note references).'])
  })

  it('places highlights by their quote on another copy of the article (new ids, edited text)', () => {
    const s = scenario()
    const json = toWebAnnotations(input({ article: s.article, highlights: [s.hls.h2, s.hls.h3] }))
    const copy: Article = {
      ...s.article,
      id: 'a9',
      paragraphs: [{ id: 'new0', index: 0, kind: 'h1', text: 'Inserted heading' }, ...s.article.paragraphs.map((p, i) => ({ ...p, id: `x${i}`, index: i + 1 }))]
    }
    const r = fromWebAnnotations(json, copy)
    expect(r.highlights).toHaveLength(2)
    expect(r.highlights[0]).toMatchObject({ articleId: 'a9', color: 'green', targets: [{ paragraphId: 'x8', quote: s.hls.h2.targets[0].quote, position: s.hls.h2.targets[0].position }] })
    expect(r.highlights[1].targets.map((t) => t.paragraphId)).toEqual(['x10', 'x11'])
    expect(r.warnings).toContain('2 highlights were made for another copy of this article and placed by their quoted text.')
  })

  it('uses prefix and suffix to pick the right one of repeated passages', () => {
    const article = sampleArticle()
    const second = hl(article, [['p16', 'becoming more fraught']], 'red')
    // the quote occurs in p13 and p16; point the target at an unknown paragraph so only the quote can place it
    const ann = toWebAnnotations(input({ article, highlights: [second] })) as any
    ann.first.items[0].target.source = 'urn:gloss:article:a1#gone'
    ann.first.items[0].target.selector[0].suffix = ' seemingly by the week,” Shullman'
    ann.first.items[0].target.selector.pop()
    const r = fromWebAnnotations(ann, article)
    expect(r.highlights[0].targets[0].paragraphId).toBe('p16')
  })

  it('accepts a plain array, a page or a single annotation, and skips what it cannot place', () => {
    const article = sampleArticle()
    const one = itemsOf(toWebAnnotations(input({ article, highlights: [hl(article, [['p2', 'Shanghai Cooperation Organization']], 'green', 'SCO')] })))[0]
    expect(fromWebAnnotations(one, article).highlights).toHaveLength(1)
    expect(fromWebAnnotations([one], article).highlights[0].comment).toBe('SCO')
    expect(fromWebAnnotations({ type: 'AnnotationPage', items: [one] }, article).highlights[0].color).toBe('green')
    const missing = { ...one, target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'not in the article at all' } } }
    const r = fromWebAnnotations([missing, 42, { type: 'Annotation', motivation: 'highlighting', target: 'urn:x' }], article)
    expect(r.highlights).toEqual([])
    expect(r.skipped).toBe(3)
    expect(r.warnings).toEqual([
      '1 highlight was skipped because its passage is not in this article.',
      '2 entries were skipped because they are not text annotations Gloss can read.'
    ])
  })

  it('defaults an unknown colour to yellow', () => {
    const article = sampleArticle()
    const one = itemsOf(toWebAnnotations(input({ article, highlights: [hl(article, [['p2', 'Denisov']])] })))[0]
    one['gloss:color'] = 'purple'
    expect(fromWebAnnotations([one], article).highlights[0].color).toBe('yellow')
  })

  it('rejects JSON that is not an annotation export with a clear error', () => {
    const article = sampleArticle()
    for (const bad of [null, 'text', 42, { hello: 1 }, { type: 'AnnotationCollection' }, { type: 'AnnotationPage', items: 'x' }]) {
      let err: unknown
      try {
        fromWebAnnotations(bad, article)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(GlossError)
      expect((err as GlossError).code).toBe('invalid_input')
      expect((err as Error).message).toMatch(/^This file is not a Web Annotation export: /)
    }
  })
})
