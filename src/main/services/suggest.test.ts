// The `[[` suggestion through the backend, on a real SQLite file: the note's article first, then its project's
// sources, then the library, each option with the matched words in context and their ranges.
import { afterEach, describe, expect, it } from 'vitest'
import { b64, openWithSample, removeTempDirs } from './test-helpers'

afterEach(() => removeTempDirs())

const memo = '# Grain memo\n\nExports of wheat rose in February, according to the ministry of agriculture and food.\n\nInsurers remain cautious.\n'
const other = '# Unrelated\n\nThe wheat harvest in Canada was early this year.\n'

describe('suggestParagraphs', () => {
  it('lists the note article, then the project, then the library, with matched words marked in context', async () => {
    const { backend, article } = await openWithSample()
    const { article: m } = await backend.importFile({ name: 'memo.md', base64: b64(memo) })
    const { article: o } = await backend.importFile({ name: 'other.md', base64: b64(other) })
    const p = await backend.createProject({ title: 'Grain' })
    await backend.addToProject({ projectId: p.id, articleIds: [m.id] })

    const hits = await backend.suggestParagraphs({ query: 'wheat', articleId: null, projectId: p.id })
    expect(hits.map((h) => [h.articleId, h.scope])).toEqual([
      [m.id, 'project'],
      [o.id, 'library']
    ])
    const first = hits[0]
    expect(first).toMatchObject({ number: 2, shortTitle: 'Grain memo', page: null })
    expect(first.matches.map(([s, e]) => first.snippet.slice(s, e))).toEqual(['wheat'])

    // Words further in the paragraph are shown in context, not just the paragraph's first words.
    const late = await backend.suggestParagraphs({ query: 'agricult', articleId: m.id, projectId: null })
    expect(late[0].scope).toBe('article')
    expect(late[0].matches.map(([s, e]) => late[0].snippet.slice(s, e))).toEqual(['agricult'])

    // A number is that paragraph of the note's article; an empty query lists its first paragraphs.
    const numbered = await backend.suggestParagraphs({ query: '¶3', articleId: article.id, projectId: null })
    expect(numbered[0]).toMatchObject({ articleId: article.id, number: 3, scope: 'article' })
    const firstOnes = await backend.suggestParagraphs({ query: '', articleId: article.id, projectId: null, limit: 4 })
    expect(firstOnes.map((h) => h.number)).toEqual([1, 2, 3, 4])
    expect(await backend.suggestParagraphs({ query: '', articleId: null, projectId: p.id })).toEqual([])

    // Deleted sources are not suggested.
    await backend.deleteArticle(o.id)
    expect((await backend.suggestParagraphs({ query: 'wheat', articleId: null, projectId: p.id })).map((h) => h.articleId)).toEqual([m.id])
    await backend.close()
  })
})
