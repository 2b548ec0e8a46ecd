import { afterEach, describe, expect, it } from 'vitest'
import { NOTE_DOC_VERSION } from '../../core/model'
import { docWithRefs, openWithSample, removeTempDirs, rowCounts, withDb } from './test-helpers'

afterEach(removeTempDirs)


describe('notes', () => {
  it('creates the analysis note on first request, then serves the same one', async () => {
    const { backend, article } = await openWithSample()
    const note = await backend.getArticleNote(article.id)
    expect(note.title).toBe(`Analysis — ${article.title}`)
    expect(note.articleId).toBe(article.id)
    expect(note.revision).toBe(0)
    expect(note.readOnlyReason).toBeNull()
    expect(note.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    expect((await backend.getArticleNote(article.id)).id).toBe(note.id)
    expect((await backend.listNotes()).map((n) => n.id)).toEqual([note.id])
    await expect(backend.getArticleNote('nope')).rejects.toMatchObject({ code: 'not_found' })
    backend.close()
  })

  it('saves a document with references: note_refs rows, backlinks, checked refs, plain text', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const note = await backend.getArticleNote(article.id)
    const [p3, p13, p16] = [article.paragraphs[2], article.paragraphs[12], article.paragraphs[15]]
    const doc = docWithRefs('The ambassador framed the meeting as routine.', [
      { articleId: article.id, paragraphId: p3.id, label: '3' },
      { articleId: article.id, paragraphId: p16.id, label: '16', quote: p16.text.slice(0, 20) }
    ])
    const saved = await backend.saveNote({ id: note.id, doc, baseRevision: 0 })
    expect(saved).toMatchObject({ ok: true, note: { id: note.id, revision: 1 } })
    const rows = withDb(dataDir, (db) => db.prepare('SELECT ordinal, paragraph_id FROM note_refs WHERE note_id = ? ORDER BY ordinal').all(note.id))
    expect(rows).toEqual([
      { ordinal: 0, paragraph_id: p3.id },
      { ordinal: 1, paragraph_id: p16.id }
    ])
    const backlinks = await backend.getBacklinks(article.id)
    expect(Object.keys(backlinks).sort()).toEqual([p3.id, p16.id].sort())
    expect(backlinks[p13.id]).toBeUndefined()
    expect(backlinks[p16.id][0]).toMatchObject({ noteId: note.id, noteTitle: note.title, ordinal: 1 })
    expect(backlinks[p3.id][0].context).toMatch(/ambassador/)

    const checked = await backend.checkNoteRefs(note.id)
    expect(checked.map((c) => [c.status, c.paragraphNumber])).toEqual([
      ['ok', 3],
      ['ok', 16]
    ])
    const stored = await backend.getNote(note.id)
    expect(stored.doc).toEqual(doc)
    expect(stored.docVersion).toBe(NOTE_DOC_VERSION)
    expect(stored.text).toMatch(/The ambassador framed the meeting as routine/)
    expect((await backend.listArticles())[0].noteCount).toBe(1)

    // A second save replaces the references.
    const second = await backend.saveNote({ id: note.id, doc: docWithRefs('Only one now.', [{ articleId: article.id, paragraphId: p13.id, label: '13' }]), baseRevision: 1 })
    expect(second.ok).toBe(true)
    expect(Object.keys(await backend.getBacklinks(article.id))).toEqual([p13.id])
    backend.close()
  })

  it('a stale baseRevision is a conflict: nothing is written and the current note is returned', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const note = await backend.getArticleNote(article.id)
    const p = article.paragraphs[0]
    await backend.saveNote({ id: note.id, doc: docWithRefs('First writer.', [{ articleId: article.id, paragraphId: p.id, label: '1' }]), baseRevision: 0 })
    const before = rowCounts(dataDir)
    const stored = withDb(dataDir, (db) => db.prepare('SELECT doc, text, revision, updated_at FROM notes WHERE id = ?').get(note.id))
    const result = await backend.saveNote({ id: note.id, doc: docWithRefs('Second writer, stale.', []), baseRevision: 0 })
    expect(result.ok).toBe(false)
    if (result.ok) throw new Error('unreachable')
    expect(result.conflict).toBe(true)
    expect(result.current.revision).toBe(1)
    expect(result.current.text).toMatch(/First writer/)
    expect(rowCounts(dataDir)).toEqual(before)
    expect(withDb(dataDir, (db) => db.prepare('SELECT doc, text, revision, updated_at FROM notes WHERE id = ?').get(note.id))).toEqual(stored)
    backend.close()
  })

  it('refuses to save over a read-only note (newer format or damaged JSON) and keeps it intact', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const note = await backend.getArticleNote(article.id)
    withDb(dataDir, (db) => db.prepare('UPDATE notes SET doc_version = ? WHERE id = ?').run(NOTE_DOC_VERSION + 1, note.id))
    const opened = await backend.getNote(note.id)
    expect(opened.readOnlyReason).toMatch(/newer version/)
    await expect(backend.saveNote({ id: note.id, doc: docWithRefs('overwrite', []), baseRevision: opened.revision })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/read-only/)
    })
    withDb(dataDir, (db) => db.prepare("UPDATE notes SET doc_version = ?, doc = '{not json' WHERE id = ?").run(NOTE_DOC_VERSION, note.id))
    expect((await backend.getNote(note.id)).readOnlyReason).toMatch(/damaged/)
    await expect(backend.saveNote({ id: note.id, doc: docWithRefs('overwrite', []), baseRevision: opened.revision })).rejects.toMatchObject({
      code: 'conflict'
    })
    expect(withDb(dataDir, (db) => db.prepare('SELECT doc, revision FROM notes WHERE id = ?').get(note.id))).toEqual({ doc: '{not json', revision: 0 })
    backend.close()
  })

  it('rejects a malformed document without writing', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const note = await backend.getArticleNote(article.id)
    const before = rowCounts(dataDir)
    await expect(backend.saveNote({ id: note.id, doc: { type: 'paragraph' }, baseRevision: 0 })).rejects.toMatchObject({ code: 'invalid_input' })
    expect(rowCounts(dataDir)).toEqual(before)
    backend.close()
  })

  it('free notes: create, rename, delete (tombstone) and their backlinks disappear', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const free = await backend.createNote({ title: '  Sanctions   memo ', articleId: null })
    expect(free.title).toBe('Sanctions memo')
    expect(free.articleId).toBeNull()
    await expect(backend.createNote({ title: '   ', articleId: null })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(backend.createNote({ title: 'x', articleId: 'nope' })).rejects.toMatchObject({ code: 'not_found' })
    const renamed = await backend.renameNote({ id: free.id, title: 'Sanctions memo v2' })
    expect(renamed.title).toBe('Sanctions memo v2')
    const p = article.paragraphs[4]
    await backend.saveNote({ id: free.id, doc: docWithRefs('See', [{ articleId: article.id, paragraphId: p.id, label: '5' }]), baseRevision: 0 })
    expect((await backend.getBacklinks(article.id))[p.id][0].noteTitle).toBe('Sanctions memo v2')
    await backend.deleteNote(free.id)
    expect(await backend.getBacklinks(article.id)).toEqual({})
    await expect(backend.getNote(free.id)).rejects.toMatchObject({ code: 'not_found' })
    expect(rowCounts(dataDir).notes).toBe(1)

    // Undo: the note, its references and its backlinks come back; a second restore is refused.
    expect(await backend.restoreNote(free.id)).toMatchObject({ id: free.id, title: 'Sanctions memo v2' })
    expect((await backend.getBacklinks(article.id))[p.id][0].noteTitle).toBe('Sanctions memo v2')
    expect((await backend.search({ query: 'sanctions', kinds: ['note'] })).map((h) => h.noteId)).toEqual([free.id])
    await expect(backend.restoreNote(free.id)).rejects.toMatchObject({ code: 'not_found', message: /it is there already/ })

    // A project's note is found with its project; deleted with the project, it comes back only with the project.
    const project = await backend.createProject({ title: 'Grain' })
    const inProject = await backend.createNote({ title: 'Quinoa assessment', articleId: null, projectId: project.id })
    expect((await backend.search({ query: 'quinoa' }))[0]).toMatchObject({ kind: 'note', noteId: inProject.id, projectId: project.id })
    await backend.deleteProject(project.id)
    await expect(backend.restoreNote(inProject.id)).rejects.toMatchObject({ code: 'not_found', message: /Restore that, and its notes come back with it/ })
    await backend.restoreProject(project.id)
    expect((await backend.listNotes()).some((n) => n.id === inProject.id)).toBe(true)
    backend.close()
  })

  it('checkNoteRefs reports orphans when the cited article is deleted', async () => {
    const { backend, article } = await openWithSample()
    const other = await backend.importText({ text: 'A second article.\n\nWith two paragraphs.', title: 'Other' })
    const otherArticle = await backend.getArticle(other.article.id)
    const note = await backend.getArticleNote(article.id)
    await backend.saveNote({
      id: note.id,
      doc: docWithRefs('Compare', [{ articleId: otherArticle.id, paragraphId: otherArticle.paragraphs[1].id, label: '2' }]),
      baseRevision: 0
    })
    expect((await backend.checkNoteRefs(note.id))[0].status).toBe('ok')
    await backend.deleteArticle(otherArticle.id)
    expect((await backend.checkNoteRefs(note.id))[0]).toMatchObject({ status: 'orphan', paragraphNumber: null })
    backend.close()
  })
})
