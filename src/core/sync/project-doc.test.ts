import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newId } from '../ids'
import { changedEntities, entityMap, readEntity, readMeta, writeEntity, writeMeta, type ChangedEntities } from './project-doc'
import { check, SourceRecord, type HighlightRecord } from './records'
import { sourceRecord } from './test-fixtures'

const now = '2026-12-01T10:00:00.000Z'
const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}
function highlight(articleId: string, over: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id: newId(),
    articleId,
    color: 'yellow',
    comment: '',
    targets: [{ paragraphId: 'p-00000000002', quote: { type: 'TextQuoteSelector', exact: 'Leaders', prefix: '', suffix: ' met' }, position: { type: 'TextPositionSelector', start: 0, end: 7 } }],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    by: '',
    ...over
  }
}
function watch(doc: Y.Doc): ChangedEntities[] {
  const seen: ChangedEntities[] = []
  doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(changedEntities(tr)))
  return seen
}

describe('project document', () => {
  it('maps records to Y types and back, unchanged', () => {
    const doc = new Y.Doc()
    const source = (check(SourceRecord, sourceRecord()) as { ok: true; value: SourceRecord }).value
    const meta = { id: newId(), title: 'Sanctions brief', createdAt: now, updatedAt: now, deletedAt: null }
    const h = highlight(source.id)
    doc.transact(() => {
      writeMeta(doc, meta)
      writeEntity(doc, 'sources', source, 'MEMBER')
      writeEntity(doc, 'highlights', h, 'MEMBER')
    })
    // Over the wire to a second document.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(readMeta(other)).toEqual({ ok: true, value: meta })
    expect(readEntity(other, 'sources', source.id)).toEqual({ ok: true, value: { ...source, by: 'MEMBER' } })
    expect(readEntity(other, 'highlights', h.id)).toEqual({ ok: true, value: { ...h, by: 'MEMBER' } })
    expect(readEntity(other, 'highlights', newId())).toBeNull()
  })

  it('writes only what differs, and keeps who made an entity', () => {
    const doc = new Y.Doc()
    const h = highlight(newId())
    doc.transact(() => writeEntity(doc, 'highlights', h, 'A'))
    const before = Y.encodeStateVector(doc)
    let changed = false
    doc.transact(() => (changed = writeEntity(doc, 'highlights', h, 'B')))
    expect(changed).toBe(false)
    expect(Y.encodeStateAsUpdate(doc, before).length).toBeLessThan(5)
    doc.transact(() => writeEntity(doc, 'highlights', { ...h, color: 'red' }, 'B'))
    expect(readEntity(doc, 'highlights', h.id)).toMatchObject({ ok: true, value: { color: 'red', by: 'A' } })
  })

  it('merges two members changing different fields of one highlight', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const h = highlight(newId())
    a.transact(() => writeEntity(a, 'highlights', h, 'A'))
    sync(a, b)
    a.transact(() => writeEntity(a, 'highlights', { ...h, color: 'green' }))
    b.transact(() => writeEntity(b, 'highlights', { ...h, comment: 'key passage' }))
    sync(a, b)
    for (const d of [a, b]) expect(readEntity(d, 'highlights', h.id)).toMatchObject({ ok: true, value: { color: 'green', comment: 'key passage' } })
  })

  it('names the entities a remote update touched, and what a hostile one did besides', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const seen = watch(b)
    const h = highlight(newId())
    const s = (check(SourceRecord, sourceRecord()) as { ok: true; value: any }).value
    a.transact(() => {
      writeEntity(a, 'highlights', h, 'A')
      writeEntity(a, 'sources', s, 'A')
    })
    sync(a, b)
    const first = seen.at(-1)!
    expect([...first.entities.get('highlights')!]).toEqual([h.id])
    expect([...first.entities.get('sources')!]).toEqual([s.id])
    a.transact(() => writeEntity(a, 'highlights', { ...h, comment: 'x' }))
    sync(a, b)
    expect([...seen.at(-1)!.entities.get('highlights')!]).toEqual([h.id])
    expect(seen.at(-1)!.entities.has('sources')).toBe(false)
    // A hostile colleague: a root no layout has, an entity removed outright, and an entity that is not a map.
    a.transact(() => {
      a.getText('evil').insert(0, '<script>')
      entityMap(a, 'highlights').delete(h.id)
      ;(a.getMap('notes') as Y.Map<unknown>).set('X', 'just a string')
    })
    sync(a, b)
    const last = seen.at(-1)!
    expect(last.foreign).toEqual(['evil'])
    expect(last.removed).toEqual([{ kind: 'highlights', key: h.id }])
    expect(readEntity(b, 'notes', 'X')).toMatchObject({ ok: false })
  })
})
