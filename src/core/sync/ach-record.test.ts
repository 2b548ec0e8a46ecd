import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newId } from '../ids'
import { achRecordToRow, achRowToRecord, lostSave, nextVersion, sameAchContent, type AchRowShape } from './ach-record'
import { readEntity, writeEntity } from './project-doc'
import { check, checkEntity, AchMatrixRecord } from './records'
import { refusal } from './roles'
import { now } from './test-fixtures'

const projectId = newId()
const articleId = newId()
const highlightId = newId()
const matrixDoc = {
  title: 'Why now?',
  hypotheses: [
    { id: 'h1', label: 'Russia needs China' },
    { id: 'h2', label: 'Routine diplomacy' }
  ],
  evidence: [
    { id: 'e1', label: 'Gas paid in yuan', source: { kind: 'paragraph', articleId, paragraphId: 'p-0000000000a', quote: 'in yuan' }, credibility: 'high', relevance: 'medium', ratings: { h1: 'CC', h2: 'I' } },
    { id: 'e2', label: 'A highlight', source: { kind: 'highlight', highlightId, articleId, paragraphId: null, quote: '' }, credibility: 'low', relevance: 'high', ratings: { h2: 'II' } },
    { id: 'e3', label: 'Assumption', source: null, credibility: 'medium', relevance: 'medium', ratings: {} }
  ]
}
const row = (over: Partial<AchRowShape> = {}): AchRowShape => ({
  id: newId(),
  project_id: projectId,
  title: 'Why now?',
  doc: JSON.stringify(matrixDoc),
  doc_version: 1,
  revision: 3,
  created_at: now,
  updated_at: now,
  deleted_at: null,
  ...over
})
const sync = { version: newId(), history: [], editedBy: 'M1' }
const parsed = (raw: unknown): AchMatrixRecord => {
  const r = check(AchMatrixRecord, raw)
  if (!r.ok) throw new Error(r.reason)
  return r.value
}
const refused = (over: (raw: Record<string, any>) => void): string => {
  const raw = JSON.parse(JSON.stringify(achRowToRecord(row(), sync))) as Record<string, any>
  over(raw)
  const r = check(AchMatrixRecord, raw)
  return r.ok ? 'accepted' : r.reason
}

describe('ACH matrices in a shared project', () => {
  it('maps a row to its record, through the Y document and back to the same row', () => {
    const r = row()
    const record = parsed(achRowToRecord(r, sync))
    expect(record).toMatchObject({ id: r.id, projectId, title: 'Why now?', format: 1, deletedAt: null, version: sync.version, matrix: { hypotheses: matrixDoc.hypotheses, evidence: matrixDoc.evidence } })
    const doc = new Y.Doc()
    doc.transact(() => writeEntity(doc, 'achMatrices', record, 'M1'))
    const back = readEntity(doc, 'achMatrices', r.id, projectId)
    expect(back?.ok).toBe(true)
    if (!back?.ok) return
    expect(back.value).toEqual({ ...record, by: 'M1' })
    const { revision: _r, ...columns } = r
    expect(achRecordToRow(back.value)).toEqual(columns)
    expect(sameAchContent(r, back.value)).toBe(true)
    expect(sameAchContent({ ...r, doc: JSON.stringify({ ...matrixDoc, evidence: [] }) }, back.value)).toBe(false)
    expect(sameAchContent({ ...r, deleted_at: now }, back.value)).toBe(false)
  })

  it('keeps a tombstone, and refuses a matrix stored under another id or naming another project', () => {
    const r = row({ deleted_at: now })
    const raw = achRowToRecord(r, sync)
    expect(parsed(raw).deletedAt).toBe(now)
    expect(checkEntity('achMatrices', newId(), raw)).toEqual({ ok: false, reason: 'is stored under another id than its own' })
    expect(checkEntity('achMatrices', r.id, raw, newId())).toEqual({ ok: false, reason: 'names another project' })
    expect(checkEntity('achMatrices', r.id, raw, projectId).ok).toBe(true)
  })

  it("tidies a colleague's text: a script stays inert text, controls and bidi overrides go", () => {
    const r = check(AchMatrixRecord, { ...achRowToRecord(row(), sync), title: ' <script>alert(1)</script>\u0007 \u202Eevil ' })
    expect(r.ok && r.value.title).toBe('<script>alert(1)</script> evil')
    const raw = achRowToRecord(row({ doc: JSON.stringify({ ...matrixDoc, hypotheses: [{ id: 'h1', label: 'a\r\nb\u0000c' }, matrixDoc.hypotheses[1]] }) }), sync)
    expect(parsed(raw).matrix.hypotheses[0].label).toBe('a\nbc')
  })

  it('refuses ratings off Heuer\'s scale, bad ids and references, oversized matrices and unknown formats, saying why', () => {
    expect(refused((m) => (m.matrix.evidence[0].ratings.h1 = 'XX'))).toMatch(/Heuer/)
    expect(refused((m) => (m.matrix.evidence[0].ratings = { h9: 'C' }))).toMatch(/rates a hypothesis that is not in the matrix/)
    const polluted = check(AchMatrixRecord, { ...achRowToRecord(row(), sync), matrix: JSON.parse('{"hypotheses":[],"evidence":[{"id":"e1","label":"","source":null,"credibility":"low","relevance":"low","ratings":{"__proto__":{"x":1}}}]}') })
    expect(polluted.ok && Object.keys(polluted.value.matrix.evidence[0].ratings)).toEqual([])
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(refused((m) => (m.matrix.evidence[0].credibility = 'absolute'))).toMatch(/low, medium or high/)
    expect(refused((m) => (m.matrix.hypotheses[1].id = 'h1'))).toMatch(/two hypotheses with one id/)
    expect(refused((m) => (m.matrix.evidence[1].id = 'e1'))).toMatch(/two pieces of evidence/)
    expect(refused((m) => (m.matrix.hypotheses[0].id = '../../x'))).toMatch(/id of a hypothesis/)
    expect(refused((m) => (m.matrix.evidence[0].source.articleId = '../../etc/passwd'))).toMatch(/Gloss id/)
    expect(refused((m) => (m.matrix.evidence[0].source.paragraphId = 'javascript:alert(1)'))).toMatch(/paragraph id/)
    expect(refused((m) => (m.matrix.evidence[1].source.highlightId = 'x'))).toMatch(/Gloss id/)
    expect(refused((m) => (m.matrix.evidence[0].source.kind = 'url'))).toMatch(/paragraph or a highlight/)
    expect(refused((m) => (m.matrix.evidence[0].label = 'x'.repeat(3000)))).toMatch(/too long/)
    expect(refused((m) => (m.matrix.hypotheses = Array.from({ length: 31 }, (_, i) => ({ id: `h${i}`, label: '' }))))).toMatch(/too many hypotheses/)
    expect(refused((m) => (m.matrix.evidence = 'lots'))).toMatch(/must be a list/)
    expect(refused((m) => (m.format = 2))).toMatch(/another version of Gloss/)
    expect(refused((m) => (m.title = '   '))).toMatch(/title must not be empty/)
    expect(refused((m) => (m.history = Array.from({ length: 21 }, () => newId())))).toMatch(/too long/)
    expect(refused((m) => (m.matrix = null))).toMatch(/matrix/)
  })

  it('editors write matrices, commenters and readers do not; nobody borrows who saved it last', () => {
    const after = { ...achRowToRecord(row(), { ...sync, editedBy: 'M1' }), by: 'M1' }
    expect(refusal('editor', 'M1', { kind: 'achMatrices', key: 'k', before: undefined, after })).toBeNull()
    expect(refusal('owner', 'M1', { kind: 'achMatrices', key: 'k', before: undefined, after })).toBeNull()
    expect(refusal('commenter', 'M1', { kind: 'achMatrices', key: 'k', before: undefined, after })).toMatch(/commenter/)
    expect(refusal('reader', 'M1', { kind: 'achMatrices', key: 'k', before: undefined, after })).toMatch(/reader/)
    expect(refusal('editor', 'M2', { kind: 'achMatrices', key: 'k', before: after, after: { ...after, editedBy: 'M3' } })).toMatch(/saved a matrix last/)
    expect(refusal('editor', 'M2', { kind: 'achMatrices', key: 'k', before: undefined, after: { ...after, by: 'M2' } })).toMatch(/saved a matrix last/)
    expect(refusal('editor', 'M2', { kind: 'achMatrices', key: 'k', before: after, after: { ...after, editedBy: 'M2' } })).toBeNull()
    // A save that lost to the one the server had: the matrix stays as it was, its last saver too.
    expect(refusal('editor', 'M2', { kind: 'achMatrices', key: 'k', before: after, after })).toBeNull()
  })

  it("tells a colleague's later save from one made at the same time as this member's", () => {
    const base = nextVersion(null, newId(), 'A')
    const mine = nextVersion(base, newId(), 'B')
    const record = (v: ReturnType<typeof nextVersion>): AchMatrixRecord => parsed(achRowToRecord(row(), v))
    // A saved on top of B's save: not lost.
    expect(lostSave(mine, record(nextVersion(mine, newId(), 'A')), 'B')).toBe(false)
    // …even two saves later.
    expect(lostSave(mine, record(nextVersion(nextVersion(mine, newId(), 'A'), newId(), 'A')), 'B')).toBe(false)
    // A saved on top of the version before B's, at the same time: B's save was lost, and B keeps it.
    const concurrent = record(nextVersion(base, newId(), 'A'))
    expect(lostSave(mine, concurrent, 'B')).toBe(true)
    // Only the member who made the lost save keeps it (one copy), and the same version is no change.
    expect(lostSave(mine, concurrent, 'C')).toBe(false)
    expect(lostSave(mine, record(mine), 'B')).toBe(false)
    expect(nextVersion(mine, newId(), 'B').history).toEqual([mine.version, base.version])
  })
})
