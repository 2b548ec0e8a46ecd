import { describe, expect, it } from 'vitest'
import { newId } from '../ids'
import { check, checkEntity, HighlightRecord, SourceRecord, tidyLine } from './records'

import { now, sourceRecord } from './test-fixtures'
import type { SourceRecord as Source } from './records'

describe('records from colleagues', () => {
  it('keeps a good source and numbers its paragraphs', () => {
    const r = check(SourceRecord, sourceRecord())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.paragraphs.map((p) => p.index)).toEqual([0, 1])
    expect(r.value.paragraphs[1].marks).toEqual([{ type: 'link', start: 0, end: 7, href: 'https://example.org/' }])
  })

  it('tidies a title as an import does: a script stays inert text, controls and bidi overrides go', () => {
    const r = check(SourceRecord, sourceRecord({ title: '  <script>alert(1)</script>\u0007 \u202Eevil\n title ' }))
    expect(r.ok && r.value.title).toBe('<script>alert(1)</script> evil title')
    expect(tidyLine('a\u0000b\u202Ec')).toBe('abc')
  })

  it('drops javascript: addresses from the source and from links in its text', () => {
    const r = check(
      SourceRecord,
      sourceRecord({ url: 'javascript:alert(1)', paragraphs: [{ id: 'p-00000000001', kind: 'p', text: 'Click here', marks: [{ type: 'link', start: 0, end: 5, href: 'javascript:alert(1)' }] }] })
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.url).toBeNull()
    expect(r.value.paragraphs[0].marks).toBeUndefined()
  })

  it('refuses bad ids, unknown formats and kinds, oversized text and duplicate paragraphs, saying why', () => {
    const refused = (over: Partial<Record<keyof Source, unknown>>): string => {
      const r = check(SourceRecord, sourceRecord(over))
      return r.ok ? 'accepted' : r.reason
    }
    expect(refused({ id: '../../etc/passwd' })).toMatch(/^id must be a Gloss id/)
    expect(refused({ id: '__proto__' })).toMatch(/id must be a Gloss id/)
    expect(refused({ format: 'exe' })).toMatch(/format must be a known format/)
    expect(refused({ paragraphs: [{ id: 'p-00000000001', kind: 'script', text: 'x' }] })).toMatch(/kind/)
    expect(refused({ paragraphs: [{ id: 'p-00000000001', kind: 'p', text: 'x'.repeat(21 * 1024 * 1024) }] })).toMatch(/too long/)
    expect(refused({ paragraphs: [{ id: 'p-00000000001', kind: 'p', text: 'a' }, { id: 'p-00000000001', kind: 'p', text: 'b' }] })).toMatch(/one id/)
    expect(refused({ title: '   ' })).toMatch(/title must not be empty/)
    expect(refused({ createdAt: 'yesterday' })).toMatch(/createdAt must be a time/)
    expect(refused({ paragraphs: 'lots' })).toMatch(/paragraphs must be a list/)
  })

  it('checks highlight targets with the API schema and the key an entity is stored under', () => {
    const id = newId()
    const good = {
      id,
      articleId: newId(),
      color: 'yellow',
      comment: 'see ¶2',
      targets: [{ paragraphId: 'p-00000000002', quote: { type: 'TextQuoteSelector', exact: 'Leaders', prefix: '', suffix: ' met' }, position: { type: 'TextPositionSelector', start: 0, end: 7 } }],
      createdAt: now,
      updatedAt: now,
      deletedAt: null
    }
    expect(check(HighlightRecord, good).ok).toBe(true)
    expect(checkEntity('highlights', newId(), good)).toEqual({ ok: false, reason: 'is stored under another id than its own' })
    const bad = check(HighlightRecord, { ...good, targets: [{ ...good.targets[0], position: { type: 'TextPositionSelector', start: 9, end: 2 } }] })
    expect(bad.ok).toBe(false)
    expect(check(HighlightRecord, { ...good, color: 'url(javascript:x)' }).ok).toBe(false)
    expect(check(HighlightRecord, { ...good, targets: [] }).ok).toBe(false)
  })
})
