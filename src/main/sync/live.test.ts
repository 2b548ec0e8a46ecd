// What the app sees live of a shared project, through the API: change events (a colleague's highlight wakes the app
// within a second), presence (who is online, reading which source), and co-editing a shared note from an editor's
// own Yjs document (collabOpen / collabSync): both editors' text merged, in SQLite, carets passed on cleaned, bad
// changes and roles refused.
import { describe, expect, it } from 'vitest'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Article, PMNode } from '../../core/model'
import { MEMBER_COLOURS } from '../../core/sync/awareness'
import { readNoteDoc, writeNoteDoc } from '../../core/sync/note-doc'
import { backendOn, openLibrary, type Backend } from '../services'
import { dispatch } from '../services/dispatch'
import { recordingPdf, rejection, RESOURCES, target, tempDir } from '../services/test-helpers'
import { startTeamServer, type TeamServer } from './server/server'
import { closedAfterEach, eventually, para, textOf } from './test-helpers'

const { open, servers } = closedAfterEach<Backend, TeamServer>()

function member(name: string): Backend {
  const b = backendOn(openLibrary({ dataDir: tempDir(), mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf(), sync: 'background', memberName: name }))
  open.push(b)
  return b
}

async function shared(role: 'editor' | 'commenter' | 'reader' = 'editor') {
  const s = await startTeamServer({ dataDir: tempDir(), port: 0, compactAfter: 200 })
  servers.push(s)
  const a = member('Ana')
  const [sample] = await a.listArticles()
  const article: Article = await a.getArticle(sample.id)
  const project = await a.createProject({ title: 'Sanctions brief' })
  await a.addToProject({ projectId: project.id, articleIds: [article.id] })
  const note = await a.createNote({ title: 'Assessment', articleId: null, projectId: project.id })
  await a.saveNote({ id: note.id, baseRevision: note.revision, doc: { type: 'doc', content: [para('The summit ended.')] } })
  const { invite } = await a.shareProject({ projectId: project.id, server: s.url, role })
  const b = member('Ben')
  await b.joinProject({ invite })
  return { a, b, article, project, note }
}

/** What the renderer does: its own Y.Doc for the note, exchanging updates and carets with its backend. */
async function editor(backend: Backend, noteId: string) {
  const opened = await backend.collabOpen(noteId)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, fromBase64(opened.state), 'backend')
  const awareness = new Awareness(doc)
  let pending: Uint8Array[] = []
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'backend') pending.push(u)
  })
  const exchange = async (caret?: { clock: number; state: unknown }): Promise<void> => {
    const update = pending.length ? toBase64(Y.mergeUpdates(pending)) : undefined
    pending = []
    const r = await backend.collabSync({ noteId, clientId: doc.clientID, stateVector: toBase64(Y.encodeStateVector(doc)), update, caret })
    if (r.update) Y.applyUpdate(doc, fromBase64(r.update), 'backend')
    applyAwarenessUpdate(awareness, fromBase64(r.carets), 'backend')
  }
  const type = (json: PMNode): void => writeNoteDoc(doc, json)
  const text = (): string => {
    const r = readNoteDoc(doc)
    return r.ok ? textOf(r.value) : `(invalid: ${r.reason})`
  }
  const caretAt = (index: number, name = 'Ignored', color = '#000000') => ({
    clock: ++clock,
    state: {
      user: { name, color },
      cursor: {
        anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment('default'), index)),
        head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment('default'), index))
      }
    }
  })
  let clock = 0
  const others = () => [...awareness.getStates()].filter(([id]) => id !== doc.clientID).map(([, s]) => s as { user: { name: string; color: string }; cursor: unknown })
  return { opened, doc, exchange, type, text, caretAt, others, destroy: () => (awareness.destroy(), doc.destroy()) }
}

describe('team projects, live in the app', () => {
  it("a colleague's new highlight wakes waitForChanges within a second, naming its source", async () => {
    const { a, b, article } = await shared()
    const { seq } = await b.waitForChanges({ since: 0, timeoutMs: 0 })
    const waiting = b.waitForChanges({ since: seq, timeoutMs: 10_000 })
    const started = Date.now()
    const p2 = article.paragraphs[2]
    const h = await a.createHighlight({ articleId: article.id, color: 'green', targets: [target(p2, p2.text.slice(0, 15))] })
    const changes = await waiting
    expect(Date.now() - started).toBeLessThan(1000)
    expect(changes.articles).toContain(article.id)
    expect(changes.seq).toBeGreaterThan(seq)
    // By then it is in B's library, where the reader reads it from.
    expect((await b.listHighlights(article.id)).map((x) => x.id)).toContain(h.id)
    // Nothing new: the wait ends at its timeout, empty.
    const quiet = await b.waitForChanges({ since: (await b.waitForChanges({ since: 0, timeoutMs: 0 })).seq, timeoutMs: 50 })
    expect(quiet.articles).toEqual([])
  })

  it('presence: who is online in the project and which of its sources each has open', async () => {
    const { a, b, article, project } = await shared()
    await a.setReading({ articleId: article.id })
    await eventually(async () =>
      expect(await b.listPresence(project.id)).toEqual([
        { memberId: expect.any(String), name: 'Ana', role: 'owner', color: expect.stringMatching(/^#[0-9a-f]{6}$/), reading: { articleId: article.id, title: article.title } }
      ])
    )
    await a.setReading({ articleId: null })
    await eventually(async () => expect((await b.listPresence(project.id))[0]?.reading).toBeNull())
    // Ana closes Gloss: she is no longer listed.
    await open.splice(open.indexOf(a), 1)[0].close()
    await eventually(async () => expect(await b.listPresence(project.id)).toEqual([]), 8000)
  })

  it('two editors type in one shared note at once: both texts in both libraries, carets passed on under the member’s own name', async () => {
    const { a, b, note } = await shared()
    const ea = await editor(a, note.id)
    const eb = await editor(b, note.id)
    expect(ea.text()).toBe('The summit ended.')
    expect(ea.opened.user.name).toBe('Ana')
    expect(MEMBER_COLOURS).toContain(ea.opened.user.color as (typeof MEMBER_COLOURS)[number])
    expect(ea.opened.readOnlyReason).toBeNull()

    ea.type({ type: 'doc', content: [para('Alpha. The summit ended.')] })
    eb.type({ type: 'doc', content: [para('The summit ended. Beta.')] })
    await Promise.all([ea.exchange(ea.caretAt(1, 'Mallory', 'red;background:url(x)')), eb.exchange(eb.caretAt(1))])
    await eventually(async () => {
      await Promise.all([ea.exchange(), eb.exchange()])
      expect(ea.text()).toBe(eb.text())
      expect(ea.text()).toMatch(/Alpha.*Beta/)
      // Saved in each library, where search, backlinks and reports read it.
      expect(textOf((await a.getNote(note.id)).doc)).toBe(ea.text())
      expect(textOf((await b.getNote(note.id)).doc)).toBe(ea.text())
      // Each sees the other's caret, named by the member it belongs to, in a safe colour.
      expect(eb.others().map((s) => s.user.name)).toEqual(['Ana'])
      expect(ea.others().map((s) => s.user.name)).toEqual(['Ben'])
    })
    expect(eb.others()[0].user.color).toMatch(/^#[0-9a-f]{6}$/)

    // A citation Ben adds in the merged text: a backlink in Ana's library, on the cited paragraph.
    const [articleA] = (await a.listArticles()).filter((x) => x.projectIds.length)
    const p3 = (await a.getArticle(articleA.id)).paragraphs[3]
    const chip = { type: 'paragraphRef', attrs: { articleId: articleA.id, paragraphId: p3.id, quote: p3.text.slice(0, 30), label: '¶4' } }
    eb.type({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${eb.text()} See ` }, chip] }] } as PMNode)
    await eb.exchange()
    await eventually(async () => {
      await ea.exchange()
      expect(ea.text()).toMatch(/Alpha.*Beta.* See $/)
      expect((await a.getBacklinks(articleA.id))[p3.id]?.map((x) => x.noteId)).toEqual([note.id])
    })
    expect(eb.others()[0].cursor).toMatchObject({ anchor: { assoc: 0 }, head: { assoc: 0 } })
    // Ana's caret moving wakes Ben's app (so his editor pulls it), as a caret change, not a change of the text.
    let { seq } = await b.waitForChanges({ since: 0, timeoutMs: 0 })
    const seen = { carets: [] as string[], notes: [] as string[] }
    await ea.exchange(ea.caretAt(2))
    for (let i = 0; i < 20 && !seen.carets.includes(note.id); i++) {
      const woke = await b.waitForChanges({ since: seq, timeoutMs: 3000 })
      seq = woke.seq
      seen.carets.push(...woke.carets)
      seen.notes.push(...woke.notes)
    }
    expect(seen.carets).toContain(note.id)
    expect(seen.notes).not.toContain(note.id)
    ea.destroy()
    eb.destroy()
  })

  it('refuses a change that would break the note, and a reader’s edit, saying why; the note is untouched', async () => {
    const { a, b, note } = await shared('reader')
    const ea = await editor(a, note.id)
    // Something besides the note in its document.
    ea.doc.getMap('extra').set('x', 1)
    expect((await rejection(ea.exchange())).message).toMatch(/could not be saved: the note document holds something else/)
    // Through the transports' dispatch, the contract checks the fields first.
    expect(await dispatch(a, 'collabSync', [{ noteId: note.id, clientId: 1, stateVector: 'AA==', update: 'not base64!' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/update must be base64/) }
    })
    expect(await dispatch(a, 'collabSync', [{ noteId: note.id, clientId: -1, stateVector: 'AA==' }])).toMatchObject({ ok: false, error: { message: expect.stringMatching(/clientId/) } })
    expect(await dispatch(a, 'waitForChanges', [{ since: 0, timeoutMs: 3_600_000 }])).toMatchObject({ ok: false, error: { message: expect.stringMatching(/timeoutMs must be at most 25000/) } })
    expect((await rejection(a.collabSync({ noteId: note.id, clientId: 1, stateVector: 'AA==', update: toBase64(new Uint8Array([9, 9, 9, 9])) }))).message).toMatch(/could not be read/)
    expect(textOf((await a.getNote(note.id)).doc)).toBe('The summit ended.')

    const eb = await editor(b, note.id)
    expect(eb.opened.readOnlyReason).toMatch(/reader/)
    eb.type({ type: 'doc', content: [para('Vandalised.')] })
    expect((await rejection(eb.exchange())).message).toMatch(/not saved.*reader/)
    expect(textOf((await b.getNote(note.id)).doc)).toBe('The summit ended.')
    // A note that is not shared is not served this way.
    const local = await a.createNote({ title: 'Private', articleId: null, projectId: null })
    expect((await rejection(a.collabOpen(local.id))).message).toMatch(/not shared live/)
    ea.destroy()
    eb.destroy()
  })
})
