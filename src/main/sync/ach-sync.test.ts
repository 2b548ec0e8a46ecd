// ACH matrices in a shared project, end to end: a Hocuspocus team server on 127.0.0.1 and real backends on their own
// data folders (real SQLite). A matrix made on A appears on B, B's rating reaches A, a delete travels as a
// tombstone, a reader's matrix is refused by their backend and by the server, a hostile matrix never lands, and two
// saves made at once both survive (the one that lost is kept as a conflicted copy).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AchMatrix } from '../../core/analysis/ach'
import type { Article } from '../../core/model'
import { parseInvite } from '../../core/sync/invite'
import { projectDocName } from '../../core/sync/names'
import { entityMap, readEntity } from '../../core/sync/project-doc'
import { backendOn, openLibrary, type Backend } from '../services'
import type { Ctx } from '../services/context'
import { recordingPdf, rejection, RESOURCES, tempDir } from '../services/test-helpers'
import { startTeamServer, type TeamServer } from './server/server'
import { closedAfterEach, connectRaw, eventually } from './test-helpers'

const { open, servers } = closedAfterEach<Backend, TeamServer>()

const contexts = new Map<Backend, Ctx>()
function member(name: string): Backend {
  const ctx = openLibrary({ dataDir: tempDir(), mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf(), sync: 'background', memberName: name, syncLog: process.env.ACH_DEBUG ? (l: string) => console.error(name, l) : undefined })
  const b = backendOn(ctx)
  contexts.set(b, ctx)
  open.push(b)
  return b
}

function matrixOf(article: Article): AchMatrix {
  const p = article.paragraphs
  return {
    title: 'Why are Xi and Putin meeting now?',
    hypotheses: [
      { id: 'h1', label: 'Russia needs China more than China needs Russia' },
      { id: 'h2', label: 'The meeting is routine summit diplomacy' }
    ],
    evidence: [
      { id: 'e1', label: 'Gas payments move to rubles and yuan', source: { kind: 'paragraph', articleId: article.id, paragraphId: p[7].id, quote: '' }, credibility: 'high', relevance: 'high', ratings: { h1: 'CC', h2: 'I' } },
      { id: 'e2', label: 'Assumption: summits are planned long ahead', source: null, credibility: 'low', relevance: 'medium', ratings: { h2: 'C' } }
    ]
  }
}

/** A project on A with the sample source and a matrix made before sharing; shared; joined by B with `role`. */
async function shared(role: 'editor' | 'commenter' | 'reader' = 'editor', dir = tempDir()) {
  const s = await startTeamServer({ dataDir: dir, port: 0, compactAfter: 200 })
  servers.push(s)
  const a = member('Ana')
  const [sample] = await a.listArticles()
  const article = await a.getArticle(sample.id)
  const project = await a.createProject({ title: 'SCO summit' })
  await a.addToProject({ projectId: project.id, articleIds: [article.id] })
  const before = await a.createAchMatrix({ projectId: project.id, title: 'Made before sharing', matrix: { ...matrixOf(article), title: 'Made before sharing' } })
  const { invite } = await a.shareProject({ projectId: project.id, server: s.url, role })
  const b = member('Ben')
  await b.joinProject({ invite })
  return { s, a, b, article, project, before, invite }
}

describe('ACH matrices in team projects', () => {
  it('a matrix made on A appears on B; B rates a cell and A sees it; a delete travels as a tombstone', async () => {
    const { a, b, article, project, before } = await shared()
    // Shared with the project, and made after.
    expect((await b.getAchMatrix(before.id)).matrix).toEqual({ ...matrixOf(article), title: 'Made before sharing' })
    const since = (await b.waitForChanges({ since: 0, timeoutMs: 0 })).seq
    const made = await a.createAchMatrix({ projectId: project.id, title: 'Why now?', matrix: { ...matrixOf(article), title: 'Why now?' } })
    await eventually(async () => expect((await b.listAchMatrices(project.id)).map((m) => m.id)).toContain(made.id))
    // The app waiting on B is woken, and told which matrix changed (its ACH view refreshes).
    const woke = await b.waitForChanges({ since, timeoutMs: 0 })
    expect(woke.ach).toContain(made.id)
    expect(woke.projects).toContain(project.id)
    const onB = await b.getAchMatrix(made.id)
    expect(onB.matrix).toEqual({ ...matrixOf(article), title: 'Why now?' })
    expect(onB.scores!.ranking.map((h) => h.id)).toEqual(['h1', 'h2'])
    expect(onB.sources.e1).toMatchObject({ articleId: article.id, articleTitle: article.title, paragraphNumber: 8 })

    // B (an editor) rates a cell: A sees it, and A's open editor (on the older revision) would save into a copy.
    const rated = structuredClone(onB.matrix!)
    rated.evidence[1].ratings.h1 = 'II'
    const saved = await b.saveAchMatrix({ id: made.id, baseRevision: onB.revision, matrix: rated })
    expect(saved.ok).toBe(true)
    await eventually(async () => expect((await a.getAchMatrix(made.id)).matrix!.evidence[1].ratings).toEqual({ h1: 'II', h2: 'C' }))
    const onA = await a.getAchMatrix(made.id)
    expect(onA.revision).toBeGreaterThan(made.revision)
    expect(onA.scores!.ranking.find((h) => h.id === 'h1')!.counts.II).toBe(1)
    const stale = await a.saveAchMatrix({ id: made.id, baseRevision: made.revision, matrix: { ...made.matrix!, title: 'Ana’s stale edit' } })
    expect(stale.ok).toBe(false)
    if (stale.ok) return
    expect(stale.current.matrix!.evidence[1].ratings.h1).toBe('II')
    await eventually(async () => expect((await b.listAchMatrices(project.id)).map((m) => m.id)).toContain(stale.copy.id))

    // A deletes: gone on B too (kept as a tombstone, so it can come back).
    await a.deleteAchMatrix(made.id)
    await eventually(async () => expect((await b.listAchMatrices(project.id)).map((m) => m.id)).not.toContain(made.id))
    expect((await rejection(b.getAchMatrix(made.id))).message).toMatch(/no longer exists/)
    await a.restoreAchMatrix(made.id)
    await eventually(async () => expect((await b.listAchMatrices(project.id)).map((m) => m.id)).toContain(made.id))
  })

  it('two saves made at once both survive: the one that lost is kept by its maker as a conflicted copy', async () => {
    const dir = tempDir()
    const { s, a, b, project, before } = await shared('editor', dir)
    const [ma, mb] = [await a.getAchMatrix(before.id), await b.getAchMatrix(before.id)]
    // Offline, both rate the same matrix from the same version.
    await s.close()
    servers.splice(0)
    const ra = structuredClone(ma.matrix!)
    ra.evidence[0].ratings.h2 = 'II'
    const rb = structuredClone(mb.matrix!)
    rb.evidence[1].ratings.h1 = 'N'
    expect((await a.saveAchMatrix({ id: before.id, baseRevision: ma.revision, matrix: ra })).ok).toBe(true)
    expect((await b.saveAchMatrix({ id: before.id, baseRevision: mb.revision, matrix: rb })).ok).toBe(true)
    servers.push(await startTeamServer({ dataDir: dir, port: s.port, compactAfter: 200, log: process.env.ACH_DEBUG ? (l) => console.error('server', l) : undefined }))
    await eventually(async () => {
      const [la, lb] = [await a.listAchMatrices(project.id), await b.listAchMatrices(project.id)]
      expect(la.map((m) => m.id).sort()).toEqual(lb.map((m) => m.id).sort())
      expect(la).toHaveLength(2)
    }, 15_000)
    const [la, lb] = [await a.listAchMatrices(project.id), await b.listAchMatrices(project.id)]
    const copy = la.find((m) => m.id !== before.id)!
    expect(copy.title).toMatch(/^Made before sharing \(conflicted copy /)
    const [wa, wb, ca, cb] = [await a.getAchMatrix(before.id), await b.getAchMatrix(before.id), await a.getAchMatrix(copy.id), await b.getAchMatrix(copy.id)]
    expect(wa.matrix).toEqual(wb.matrix)
    expect(ca.matrix).toEqual(cb.matrix)
    // Both ratings are there: one in the matrix, the other in its copy.
    const versions = [wa.matrix!, ca.matrix!].map((m) => [m.evidence[0].ratings.h2, m.evidence[1].ratings.h1])
    expect(versions).toEqual(expect.arrayContaining([['II', undefined], ['I', 'N']]))
    expect(lb.length).toBe(2)
  }, 40_000)

  it("a reader's matrix is refused by their backend (put back) and by the server (a raw client)", async () => {
    const { s, a, b, article, project, before, invite } = await shared('reader')
    expect((await b.getAchMatrix(before.id)).title).toBe('Made before sharing')
    expect((await rejection(b.createAchMatrix({ projectId: project.id, title: 'Mine' }))).message).toMatch(/reader/)
    expect((await b.listAchMatrices(project.id)).map((m) => m.id)).toEqual([before.id])
    const m = await b.getAchMatrix(before.id)
    const changed = structuredClone(m.matrix!)
    changed.evidence[0].ratings.h1 = 'II'
    expect((await rejection(b.saveAchMatrix({ id: before.id, baseRevision: m.revision, matrix: changed }))).message).toMatch(/reader/)
    expect((await b.getAchMatrix(before.id)).matrix!.evidence[0].ratings.h1).toBe('CC')
    // A client that ignores its role: the server applies nothing it sends.
    const raw = await connectRaw(s.url, projectDocName(project.id), { member: parseInvite(invite).token })
    raw.doc.transact(() => (entityMap(raw.doc, 'achMatrices').get(before.id) as Y.Map<unknown>).set('title', 'Hijacked'))
    await new Promise((r) => setTimeout(r, 300))
    expect(raw.provider.unsyncedChanges).toBeGreaterThan(0)
    raw.destroy()
    const onServer = s.hocuspocus.documents.get(projectDocName(project.id))!
    expect(readEntity(onServer, 'achMatrices', before.id, project.id)).toMatchObject({ ok: true, value: { title: 'Made before sharing' } })
    expect((await a.getAchMatrix(before.id)).title).toBe('Made before sharing')
    void article
  })

  it('a hostile matrix is refused by the server, and by the member when the server lets it through', async () => {
    const { s, a, b, article, project, before, invite } = await shared()
    const token = parseInvite(invite).token
    const ben = (await b.syncStatus())[0].memberId!
    const good = (entityMap(contexts.get(b)!.sync.docFor(projectDocName(project.id))!, 'achMatrices').get(before.id) as Y.Map<unknown>).toJSON()
    const hostileMatrices: [string, (m: Record<string, any>) => void][] = [
      ['a rating off the scale', (m) => (m.matrix.evidence[0].ratings.h1 = '<img src=x onerror=alert(1)>')],
      ['a path for an article id', (m) => (m.matrix.evidence[0].source.articleId = '../../etc/passwd')],
      ['a rating of a hypothesis not in the matrix', (m) => (m.matrix.evidence[0].ratings = { h9: 'C' })],
      ['another project', (m) => (m.projectId = '01JAAAAAAAAAAAAAAAAAAAAAAA')],
      ['too many hypotheses', (m) => (m.matrix.hypotheses = Array.from({ length: 200 }, (_, i) => ({ id: `h${i}`, label: 'x' })))]
    ]
    // Through the server: each update is refused and reaches nobody.
    for (const [, spoil] of hostileMatrices) {
      const raw = await connectRaw(s.url, projectDocName(project.id), { member: token })
      const closed = raw.closed()
      const id = '01JBBBBBBBBBBBBBBBBBBBBBBB'
      const bad = { ...structuredClone(good), id, version: '01JCCCCCCCCCCCCCCCCCCCCCCC', by: ben, editedBy: ben }
      spoil(bad)
      raw.doc.transact(() => {
        const y = new Y.Map<unknown>()
        entityMap(raw.doc, 'achMatrices').set(id, y)
        for (const [k, v] of Object.entries(bad)) y.set(k, v)
      })
      expect(await closed).toMatch(/./)
      raw.destroy()
    }
    const onServer = s.hocuspocus.documents.get(projectDocName(project.id))!
    expect(entityMap(onServer, 'achMatrices').has('01JBBBBBBBBBBBBBBBBBBBBBBB')).toBe(false)

    // As if from the network (any origin but the engine's own), straight into B's document: B's checks keep each out.
    const doc = contexts.get(b)!.sync.docFor(projectDocName(project.id))!
    const rejectedBefore = (await b.syncStatus())[0].rejected
    hostileMatrices.forEach(([, spoil], i) => {
      const id = `01JDDDDDDDDDDDDDDDDDDDDDD${i}`
      const bad = { ...structuredClone(good), id, version: '01JCCCCCCCCCCCCCCCCCCCCCCC' }
      spoil(bad)
      const hostile = new Y.Doc()
      Y.applyUpdate(hostile, Y.encodeStateAsUpdate(doc))
      const sv = Y.encodeStateVector(hostile)
      hostile.transact(() => {
        const y = new Y.Map<unknown>()
        entityMap(hostile, 'achMatrices').set(id, y)
        for (const [k, v] of Object.entries(bad)) y.set(k, v)
      })
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostile, sv), 'the network')
    })
    // And one that takes the id of a matrix in another, unshared project of B's library.
    const other = await b.createProject({ title: 'Private' })
    const mine = await b.createAchMatrix({ projectId: other.id, title: 'Private matrix' })
    const hostile = new Y.Doc()
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(doc))
    const sv = Y.encodeStateVector(hostile)
    hostile.transact(() => {
      const y = new Y.Map<unknown>()
      entityMap(hostile, 'achMatrices').set(mine.id, y)
      for (const [k, v] of Object.entries({ ...good, id: mine.id, title: 'Overwritten', version: '01JCCCCCCCCCCCCCCCCCCCCCCC' })) y.set(k, v)
    })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostile, sv), 'the network')
    expect((await b.listAchMatrices(project.id)).map((m) => m.id)).toEqual([before.id])
    expect((await b.getAchMatrix(mine.id)).title).toBe('Private matrix')
    expect((await b.listAchMatrices(other.id)).map((m) => m.title)).toEqual(['Private matrix'])
    expect((await b.syncStatus())[0].rejected).toBeGreaterThanOrEqual(rejectedBefore + hostileMatrices.length + 1)
    expect((await a.listAchMatrices(project.id)).map((m) => m.id)).toEqual([before.id])
    void article
  })
})
