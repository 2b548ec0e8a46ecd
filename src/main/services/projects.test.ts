// Projects and tags through the backend, on real SQLite files: gathering sources, tagging passages and sources,
// the tag manager (rename, merge, delete with undo) and "Highlights by tag".
import { afterEach, describe, expect, it } from 'vitest'
import { b64, openWithSample, rejection, removeTempDirs, target } from './test-helpers'

afterEach(() => removeTempDirs())

const memo = '# Grain memo\n\nExports rose in February.\n\nInsurers remain cautious about the corridor.\n'

async function twoSources() {
  const s = await openWithSample()
  const { article: second } = await s.backend.importFile({ name: 'memo.md', base64: b64(memo) })
  return { ...s, second: await s.backend.getArticle(second.id) }
}

describe('projects', () => {
  it('are created, renamed, listed with their sources, and deleted with undo (sources stay)', async () => {
    const { backend, article, second } = await twoSources()
    const p = await backend.createProject({ title: '  Grain   corridor ' })
    expect(p).toMatchObject({ title: 'Grain corridor', sourceCount: 0, articleIds: [] })
    const added = await backend.addToProject({ projectId: p.id, articleIds: [article.id, second.id, article.id] })
    expect(added).toMatchObject({ sourceCount: 2, articleIds: [article.id, second.id] })
    // A source may be in several projects.
    const other = await backend.createProject({ title: 'Energy' })
    await backend.addToProject({ projectId: other.id, articleIds: [article.id] })
    expect((await backend.listArticles()).find((a) => a.id === article.id)?.projectIds.sort()).toEqual([p.id, other.id].sort())
    expect(await backend.renameProject({ id: p.id, title: 'Black Sea grain' })).toMatchObject({ title: 'Black Sea grain' })
    expect((await backend.listProjects()).map((x) => x.title)).toEqual(['Black Sea grain', 'Energy'])

    const note = await backend.createNote({ title: 'Assessment', articleId: null, projectId: p.id })
    expect(note.projectId).toBe(p.id)
    await backend.deleteProject(p.id)
    expect((await backend.listProjects()).map((x) => x.title)).toEqual(['Energy'])
    expect((await backend.listNotes()).some((n) => n.id === note.id)).toBe(false)
    expect((await backend.listArticles()).length).toBe(2)
    const back = await backend.restoreProject(p.id)
    expect(back).toMatchObject({ title: 'Black Sea grain', sourceCount: 2, noteCount: 1 })
    expect((await backend.listNotes()).some((n) => n.id === note.id)).toBe(true)

    const removed = await backend.removeFromProject({ projectId: p.id, articleId: second.id })
    expect(removed.articleIds).toEqual([article.id])
    await backend.close()
  })

  it('refuses unknown projects and sources, and a note both of an article and of a project', async () => {
    const { backend, article } = await openWithSample()
    expect((await rejection(backend.addToProject({ projectId: '01NOPE', articleIds: [article.id] }))).code).toBe('not_found')
    const p = await backend.createProject({ title: 'P' })
    expect((await rejection(backend.addToProject({ projectId: p.id, articleIds: ['01NOPE'] }))).code).toBe('not_found')
    expect((await rejection(backend.createNote({ title: 'x', articleId: null, projectId: '01NOPE' }))).code).toBe('not_found')
    await backend.close()
  })
})

describe('tags', () => {
  it('label highlights and sources, with counts per project; the manager renames, merges and deletes with undo', async () => {
    const { backend, article, second } = await twoSources()
    const p = await backend.createProject({ title: 'Grain' })
    await backend.addToProject({ projectId: p.id, articleIds: [second.id] })
    const h1 = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(article.paragraphs[0], 'Russian President Vladimir Putin')] })
    const h2 = await backend.createHighlight({ articleId: second.id, color: 'green', targets: [target(second.paragraphs[2], 'Insurers remain cautious')] })

    expect(await backend.setTag({ kind: 'highlight', targetId: h1.id, tag: 'Leaders', on: true })).toEqual({ tags: ['Leaders'] })
    // Names are matched ignoring case; the first spelling stays.
    expect(await backend.setTag({ kind: 'highlight', targetId: h2.id, tag: 'leaders', on: true })).toEqual({ tags: ['Leaders'] })
    expect(await backend.setTag({ kind: 'highlight', targetId: h2.id, tag: 'Risk', on: true })).toEqual({ tags: ['Leaders', 'Risk'] })
    expect(await backend.setTag({ kind: 'article', targetId: second.id, tag: 'Shipping', on: true })).toEqual({ tags: ['Shipping'] })
    expect((await backend.listHighlights(second.id))[0].tags).toEqual(['Leaders', 'Risk'])
    expect((await backend.listArticles()).find((a) => a.id === second.id)?.tags).toEqual(['Shipping'])

    const all = await backend.listTags({})
    expect(all.map((t) => [t.name, t.highlightCount, t.sourceCount])).toEqual([
      ['Leaders', 2, 0],
      ['Risk', 1, 0],
      ['Shipping', 0, 1]
    ])
    // In the project only its source counts.
    expect((await backend.listTags({ projectId: p.id })).map((t) => [t.name, t.highlightCount, t.sourceCount])).toEqual([
      ['Leaders', 1, 0],
      ['Risk', 1, 0],
      ['Shipping', 0, 1]
    ])

    const leaders = all[0]
    const risk = all[1]
    expect((await rejection(backend.renameTag({ id: risk.id, name: 'LEADERS' }))).message).toMatch(/already a tag called “Leaders”.*Merge/)
    expect(await backend.renameTag({ id: risk.id, name: 'Insurance risk' })).toMatchObject({ name: 'Insurance risk' })
    const merged = await backend.mergeTags({ fromId: risk.id, intoId: leaders.id })
    expect(merged).toMatchObject({ name: 'Leaders', highlightCount: 2 })
    expect((await backend.listHighlights(second.id))[0].tags).toEqual(['Leaders'])

    await backend.deleteTag(leaders.id)
    expect((await backend.listHighlights(article.id))[0].tags).toBeUndefined()
    expect(await backend.restoreTag(leaders.id)).toMatchObject({ name: 'Leaders', highlightCount: 2 })
    expect(await backend.setTag({ kind: 'highlight', targetId: h1.id, tag: 'Leaders', on: false })).toEqual({ tags: [] })
    await backend.close()
  })

  it('groups every tagged passage of a project by tag, each with where it is', async () => {
    const { backend, article, second } = await twoSources()
    const p = await backend.createProject({ title: 'Grain' })
    await backend.addToProject({ projectId: p.id, articleIds: [article.id, second.id] })
    const a = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(article.paragraphs[3], article.paragraphs[3].text.slice(0, 30))] })
    const b = await backend.createHighlight({ articleId: second.id, color: 'red', comment: 'Check the figure', targets: [target(second.paragraphs[1], 'Exports rose')] })
    const c = await backend.createHighlight({ articleId: article.id, color: 'blue', targets: [target(article.paragraphs[0], 'Russian President')] })
    for (const h of [a, b, c]) await backend.setTag({ kind: 'highlight', targetId: h.id, tag: 'Evidence', on: true })
    await backend.setTag({ kind: 'highlight', targetId: b.id, tag: 'Trade', on: true })

    const groups = await backend.highlightsByTag({ projectId: p.id })
    expect(groups.map((g) => g.tag)).toEqual(['Evidence', 'Trade'])
    // Source order (as added to the project), then document order.
    expect(groups[0].passages.map((x) => [x.articleTitle, x.paragraphNumber, x.passage])).toEqual([
      [article.title, 1, 'Russian President'],
      [article.title, 4, article.paragraphs[3].text.slice(0, 30)],
      ['Grain memo', 2, 'Exports rose']
    ])
    expect(groups[1].passages[0]).toMatchObject({ highlightId: b.id, color: 'red', comment: 'Check the figure', paragraphId: second.paragraphs[1].id })
    await backend.close()
  })
})

describe('importing into a project', () => {
  it('adds the new source to the open project, and refuses a project that is gone before reading anything', async () => {
    const { backend } = await openWithSample()
    const p = await backend.createProject({ title: 'Grain' })
    const { article } = await backend.importFile({ name: 'memo.md', base64: b64(memo), projectId: p.id })
    expect((await backend.listProjects())[0].articleIds).toEqual([article.id])
    expect(article.projectIds).toEqual([p.id])
    const pasted = await backend.importText({ text: 'A pasted note.', projectId: p.id })
    expect((await backend.listProjects())[0].sourceCount).toBe(2)
    expect(pasted.article.projectIds).toEqual([p.id])
    expect((await rejection(backend.importFile({ name: 'x.md', base64: b64(memo), projectId: '01NOPE' }))).code).toBe('not_found')
    await backend.close()
  })
})
