// Team projects end to end: a Hocuspocus team server on 127.0.0.1 (in this process, or as a child process where it
// must be killed), and real backends on their own data folders syncing through it.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Article } from '../../core/model'
import { parseInvite, formatInvite } from '../../core/sync/invite'
import { noteDocName, projectDocName } from '../../core/sync/names'
import { entityMap, readEntity } from '../../core/sync/project-doc'
import { backendOn, openLibrary, type Backend } from '../services'
import type { Ctx } from '../services/context'
import { recordingPdf, rejection, RESOURCES, target, tempDir } from '../services/test-helpers'
import { startTeamServer, type TeamServer } from './server/server'
import { TeamStore } from './server/store'
import { closedAfterEach, connectRaw, eventually, para, startServerProcess, textOf, type ServerProcess } from './test-helpers'

const { open, servers } = closedAfterEach<Backend, TeamServer | ServerProcess>()

const contexts = new Map<Backend, Ctx>()
function member(name: string, dataDir = tempDir()): Backend {
  const ctx = openLibrary({ dataDir, mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf(), sync: 'background', memberName: name })
  const b = backendOn(ctx)
  contexts.set(b, ctx)
  open.push(b)
  return b
}

async function server(dataDir = tempDir(), port = 0): Promise<TeamServer> {
  const s = await startTeamServer({ dataDir, port, compactAfter: 200 })
  servers.push(s)
  return s
}

/** A project on A with the sample source, one highlight and a note; shared on `url`; joined by B with `role`. */
async function sharedProject(url: string, role: 'editor' | 'commenter' | 'reader' = 'editor') {
  const a = member('Ana')
  const [sample] = await a.listArticles()
  const article: Article = await a.getArticle(sample.id)
  const project = await a.createProject({ title: 'Sanctions brief' })
  await a.addToProject({ projectId: project.id, articleIds: [article.id] })
  const p1 = article.paragraphs[1]
  const first = await a.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(p1, p1.text.slice(0, 20))] })
  await a.setTag({ kind: 'highlight', targetId: first.id, tag: 'evidence', on: true })
  const note = await a.createNote({ title: 'Assessment', articleId: null, projectId: project.id })
  const saved = await a.saveNote({ id: note.id, baseRevision: note.revision, doc: { type: 'doc', content: [para('The summit ended.')] } })
  expect(saved.ok).toBe(true)
  const { invite } = await a.shareProject({ projectId: project.id, server: url, role })
  const b = member('Ben')
  const joined = await b.joinProject({ invite })
  return { a, b, article, project, joined, note, first, invite }
}

describe('team projects', () => {
  it('two members share a project: sources, highlights, tags and notes arrive; a new highlight shows on the other side', async () => {
    const s = await server()
    const { a, b, article, project, joined, note, first } = await sharedProject(s.url)
    expect(joined).toMatchObject({ id: project.id, title: 'Sanctions brief', sourceCount: 1, noteCount: 1 })
    const copy = await b.getArticle(article.id)
    expect(copy.paragraphs).toEqual(article.paragraphs)
    expect(copy.title).toBe(article.title)
    expect((await b.listHighlights(article.id)).map((h) => [h.id, h.status, h.tags])).toEqual([[first.id, 'anchored', ['evidence']]])
    expect(textOf((await b.getNote(note.id)).doc)).toBe('The summit ended.')
    expect(await b.syncStatus()).toMatchObject([{ projectId: project.id, role: 'editor', pendingChanges: 0 }])

    // A highlight made on A shows on B within a second.
    const p2 = article.paragraphs[2]
    const started = Date.now()
    const second = await a.createHighlight({ articleId: article.id, color: 'green', comment: 'key passage', targets: [target(p2, p2.text.slice(0, 15))] })
    await eventually(async () => expect((await b.listHighlights(article.id)).map((h) => h.id)).toContain(second.id))
    expect(Date.now() - started).toBeLessThan(1000)
    // And a change on B comes back to A.
    await b.updateHighlight({ id: second.id, comment: 'key passage (Ben agrees)' })
    await eventually(async () => expect((await a.listHighlights(article.id)).find((h) => h.id === second.id)?.comment).toBe('key passage (Ben agrees)'))
    const members = await a.listMembers(project.id)
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ['Ana', 'owner'],
      ['Ben', 'editor']
    ])
  })

  it('both type in one note at once and end with the same document holding both texts', async () => {
    const s = await server()
    const { a, b, note } = await sharedProject(s.url)
    const [na, nb] = [await a.getNote(note.id), await b.getNote(note.id)]
    // Both start from the same revision and save at the same time.
    const [ra, rb] = await Promise.all([
      a.saveNote({ id: note.id, baseRevision: na.revision, doc: { type: 'doc', content: [para('Alpha: the summit ended.')] } }),
      b.saveNote({ id: note.id, baseRevision: nb.revision, doc: { type: 'doc', content: [para('The summit ended. Beta.')] } })
    ])
    expect(ra.ok && rb.ok).toBe(true)
    await eventually(async () => {
      const [ta, tb] = [textOf((await a.getNote(note.id)).doc), textOf((await b.getNote(note.id)).doc)]
      expect(ta).toBe(tb)
      expect(ta).toContain('Alpha')
      expect(ta).toContain('Beta')
    })
    // An editor still showing the old revision saves: merged with what arrived meanwhile, nothing of it lost.
    const stale = await b.saveNote({ id: note.id, baseRevision: nb.revision, doc: { type: 'doc', content: [para('The summit ended.'), para('Gamma.')] } })
    expect(stale.ok).toBe(true)
    if (!stale.ok) return
    expect(textOf(stale.merged!.doc)).toMatch(/Alpha.*Beta[\s\S]*Gamma/)
    await eventually(async () => expect(textOf((await a.getNote(note.id)).doc)).toBe(textOf(stale.merged!.doc)))
    // Backlinks and search keep working on the merged text.
    expect((await a.search({ query: 'Gamma' })).some((h) => (h as { noteId?: string }).noteId === note.id || JSON.stringify(h).includes(note.id))).toBe(true)
  })

  it('a member offline (server stopped) keeps working; edits merge on reconnect', async () => {
    const dir = tempDir()
    let s = await server(dir)
    const port = s.port
    const { a, b, article, note } = await sharedProject(s.url)
    await s.close()
    servers.splice(servers.indexOf(s), 1)
    // Offline: A highlights and writes; B edits the same note.
    const p3 = article.paragraphs[3]
    const offline = await a.createHighlight({ articleId: article.id, color: 'blue', targets: [target(p3, p3.text.slice(0, 12))] })
    const na = await a.getNote(note.id)
    await a.saveNote({ id: note.id, baseRevision: na.revision, doc: { type: 'doc', content: [para('The summit ended.'), para('Written offline by Ana.')] } })
    const nb = await b.getNote(note.id)
    await b.saveNote({ id: note.id, baseRevision: nb.revision, doc: { type: 'doc', content: [para('Ben, offline too. The summit ended.')] } })
    expect((await a.syncStatus())[0].pendingChanges).toBeGreaterThan(0)
    expect((await a.syncStatus())[0].state).not.toBe('synced')
    s = await server(dir, port)
    await eventually(async () => expect((await b.listHighlights(article.id)).map((h) => h.id)).toContain(offline.id), 15_000)
    await eventually(async () => {
      const [ta, tb] = [textOf((await a.getNote(note.id)).doc), textOf((await b.getNote(note.id)).doc)]
      expect(ta).toBe(tb)
      expect(ta).toContain('Written offline by Ana.')
      expect(ta).toContain('Ben, offline too.')
    }, 15_000)
    await eventually(async () => expect((await a.syncStatus())[0]).toMatchObject({ pendingChanges: 0, state: 'synced' }), 15_000)
  })

  it('SIGKILL of the server mid-sync loses nothing it acknowledged', async () => {
    const dir = tempDir()
    let s = await startServerProcess(dir)
    servers.push(s)
    const { a, article, project } = await sharedProject(s.url)
    const p = article.paragraphs[1]
    const made: string[] = []
    for (let i = 0; i < 15; i++) {
      const h = await a.createHighlight({ articleId: article.id, color: 'red', comment: `burst ${i}`, targets: [target(p, p.text.slice(i, i + 5))] })
      made.push(h.id)
    }
    await eventually(async () => expect((await a.syncStatus())[0].pendingChanges).toBe(0), 15_000)
    // Everything is acknowledged: kill the server at once, before it has folded its log, and a few more in flight.
    for (let i = 15; i < 20; i++) void a.createHighlight({ articleId: article.id, color: 'red', targets: [target(p, p.text.slice(i, i + 5))] })
    s.kill('SIGKILL')
    await s.exited
    servers.splice(servers.indexOf(s), 1)
    // What the server kept on disk, read by a fresh process of its own store: every acknowledged highlight.
    const kept = new TeamStore(dir)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, kept.loadDoc(projectDocName(project.id))!)
    kept.close()
    for (const id of made) expect(readEntity(doc, 'highlights', id)).toMatchObject({ ok: true })
    // Restarted, the server takes the rest from A when it reconnects, and a new member gets everything.
    s = await startServerProcess(dir, s.port)
    servers.push(s)
    await eventually(async () => expect((await a.syncStatus())[0]).toMatchObject({ pendingChanges: 0, state: 'synced' }), 20_000)
    const { invite } = await a.shareProject({ projectId: project.id, server: s.url, role: 'reader' })
    const c = member('Cleo')
    await c.joinProject({ invite })
    expect((await c.listHighlights(article.id)).length).toBe(21)
  }, 60_000)

  it('the server listens on loopback and serves no files', async () => {
    const s = await server()
    expect((s.hocuspocus.server!.httpServer.address() as { address: string }).address).toBe('127.0.0.1')
    const res = await fetch(s.url.replace('ws:', 'http:') + '/team.db')
    expect(res.status).toBe(404)
    expect(await res.text()).toMatch(/serves no pages or files/)
  })

  it('refuses a wrong invite and a revoked one, at once, in words', async () => {
    const s = await server()
    const { a, b, project, invite } = await sharedProject(s.url)
    const wrong = formatInvite({ ...parseInvite(invite), token: 'A'.repeat(43) })
    const c = member('Cleo')
    expect((await rejection(c.joinProject({ invite: wrong }))).message).toMatch(/refused this invite/)
    expect(await c.listProjects()).toEqual([])
    expect(await c.syncStatus()).toEqual([])
    // The owner removes Ben: his open connection is closed and his invite stops working.
    const ben = (await a.listMembers(project.id)).find((m) => m.role === 'editor')!
    await a.removeMember({ projectId: project.id, memberId: ben.id })
    await eventually(async () => expect((await b.syncStatus())[0]).toMatchObject({ state: 'refused', error: expect.stringMatching(/removed/) }))
    const d = member('Dan')
    expect((await rejection(d.joinProject({ invite }))).message).toMatch(/removed from this shared project/)
    expect((await a.listMembers(project.id)).find((m) => m.id === ben.id)?.removedAt).not.toBeNull()
  })

  it("a reader's writes are refused: by their backend (put back) and by the server (a raw client)", async () => {
    const s = await server()
    const { a, b, article, project, invite } = await sharedProject(s.url, 'reader')
    const p = article.paragraphs[1]
    const err = await rejection(b.createHighlight({ articleId: article.id, color: 'red', targets: [target(p, p.text.slice(0, 8))] }))
    expect(err.message).toMatch(/reader/)
    expect((await b.listHighlights(article.id)).length).toBe(1)
    expect((await rejection(b.renameProject({ id: project.id, title: 'Mine now' }))).message).toMatch(/reader/)
    expect((await b.listProjects())[0].title).toBe('Sanctions brief')
    // A client that ignores its role: the server applies nothing it sends.
    const raw = await connectRaw(s.url, projectDocName(project.id), { member: parseInvite(invite).token })
    raw.doc.transact(() => raw.doc.getMap('meta').set('title', 'Hijacked'))
    await new Promise((r) => setTimeout(r, 300))
    expect(raw.provider.unsyncedChanges).toBeGreaterThan(0)
    raw.destroy()
    expect((await a.listProjects())[0].title).toBe('Sanctions brief')
    expect((s.hocuspocus.documents.get(projectDocName(project.id))!.getMap('meta').get('title'))).toBe('Sanctions brief')
  })

  it("a hostile colleague's payload is neutralised: script in a title stays text, invalid notes, oversized text and bad ids never land", async () => {
    const s = await server()
    const { a, b, article, project, note, invite } = await sharedProject(s.url)
    const token = parseInvite(invite).token
    // A script in a title is only text: it arrives as written and is escaped wherever it is shown.
    await b.renameProject({ id: project.id, title: '<script>alert(1)</script> brief' })
    await eventually(async () => expect((await a.listProjects())[0].title).toBe('<script>alert(1)</script> brief'))
    const html = await a.exportReport({ projectId: project.id, format: 'html', pageSize: 'A4', scope: 'annotated', analyst: '', style: 'apa' })
    const page = Buffer.from(html.base64, 'base64').toString('utf8')
    expect(page).not.toContain('<script>alert(1)</script>')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')

    // A raw client sends what Gloss never would. Each update is refused by the server and reaches nobody.
    const refused = async (docName: string, change: (doc: Y.Doc) => void): Promise<void> => {
      const raw = await connectRaw(s.url, docName, { member: token })
      const closed = raw.closed()
      raw.doc.transact(() => change(raw.doc))
      expect(await closed).toMatch(/./)
      raw.destroy()
    }
    await refused(noteDocName(project.id, note.id), (d) => {
      const el = new Y.XmlElement('script')
      el.insert(0, [new Y.XmlText('alert(1)')])
      d.getXmlFragment('default').insert(0, [el])
    })
    await refused(projectDocName(project.id), (d) => {
      const h = new Y.Map<unknown>()
      entityMap(d, 'highlights').set('../../x', h)
      h.set('id', '../../x')
    })
    await refused(projectDocName(project.id), (d) => {
      const src = entityMap(d, 'sources').get(article.id) as Y.Map<unknown>
      src.set('paragraphs', [{ id: 'p-00000000001', kind: 'p', text: 'x'.repeat(21 * 1024 * 1024) }])
    })
    await refused(projectDocName(project.id), (d) => d.getText('payload').insert(0, 'anything'))
    await new Promise((r) => setTimeout(r, 200))
    expect(textOf((await a.getNote(note.id)).doc)).toBe('The summit ended.')
    expect((await a.getArticle(article.id)).paragraphs).toEqual(article.paragraphs)
    const onServer = s.hocuspocus.documents.get(projectDocName(project.id))!
    expect(entityMap(onServer, 'highlights').has('../../x')).toBe(false)
    expect(onServer.share.has('payload')).toBe(false)

  })

  it("a member's own checks keep a bad value out of SQLite even when the server lets it through", async () => {
    const s = await server()
    const { b, article, project } = await sharedProject(s.url)
    const ctx = contexts.get(b)!
    const doc = ctx.sync.docFor(projectDocName(project.id))!
    // As if from the network (any origin but the engine's own): a highlight with a script colour, a source whose
    // paragraphs are not a list, a title full of controls.
    const hostile = new Y.Doc()
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(doc))
    const sv = Y.encodeStateVector(hostile)
    hostile.transact(() => {
      const h = new Y.Map<unknown>()
      entityMap(hostile, 'highlights').set('01JAAAAAAAAAAAAAAAAAAAAAAA', h)
      for (const [k, v] of Object.entries({ id: '01JAAAAAAAAAAAAAAAAAAAAAAA', articleId: article.id, color: 'url(javascript:alert(1))', comment: '', targets: [], createdAt: 'x', updatedAt: 'x', deletedAt: null })) h.set(k, v)
      ;(entityMap(hostile, 'sources').get(article.id) as Y.Map<unknown>).set('paragraphs', 'not a list')
      hostile.getMap('meta').set('title', '\u202Eevil\u0007 title')
    })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostile, sv), 'the network')
    expect((await b.listHighlights(article.id)).map((h) => h.color)).toEqual(['yellow'])
    expect((await b.getArticle(article.id)).paragraphs).toEqual(article.paragraphs)
    expect((await b.listProjects())[0].title).toBe('evil title')
    expect((await b.syncStatus())[0].rejected).toBeGreaterThanOrEqual(2)
  })
})
