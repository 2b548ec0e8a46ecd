import { afterEach, describe, expect, it } from 'vitest'
import { GlossError } from '../../core/api'
import { openWithSample, removeTempDirs, rowCounts, target } from './test-helpers'

afterEach(removeTempDirs)


describe('highlights', () => {
  it('creates, lists in document order, updates, tombstones and restores', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const p = article.paragraphs
    const later = await backend.createHighlight({ articleId: article.id, color: 'green', targets: [target(p[5], p[5].text.slice(0, 20))] })
    const earlier = await backend.createHighlight({
      articleId: article.id,
      color: 'yellow',
      comment: 'Key claim',
      targets: [target(p[0], 'Vladimir Putin'), target(p[1], p[1].text.slice(0, 12))]
    })
    expect(earlier.status).toBe('anchored')
    expect(earlier.resolved.map((r) => r.paragraphId)).toEqual([p[0].id, p[1].id])
    expect((await backend.listHighlights(article.id)).map((h) => h.id)).toEqual([earlier.id, later.id])
    expect((await backend.listArticles())[0].highlightCount).toBe(2)

    const updated = await backend.updateHighlight({ id: later.id, color: 'red', comment: 'Doubtful' })
    expect([updated.color, updated.comment]).toEqual(['red', 'Doubtful'])
    const recolored = await backend.updateHighlight({ id: later.id, color: 'blue' })
    expect([recolored.color, recolored.comment]).toEqual(['blue', 'Doubtful'])

    await backend.deleteHighlight(later.id)
    expect((await backend.listHighlights(article.id)).map((h) => h.id)).toEqual([earlier.id])
    expect(rowCounts(dataDir).highlights).toBe(2) // a tombstone, not a hard delete
    await expect(backend.deleteHighlight(later.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(backend.updateHighlight({ id: later.id, comment: 'x' })).rejects.toMatchObject({ code: 'not_found' })

    const restored = await backend.restoreHighlight(later.id)
    expect([restored.id, restored.color, restored.comment]).toEqual([later.id, 'blue', 'Doubtful'])
    expect((await backend.listHighlights(article.id)).map((h) => h.id)).toEqual([earlier.id, later.id])
    backend.close()
  })

  it('distinguishes paragraphs 13 and 16, which open with the same sentence', async () => {
    const { backend, article } = await openWithSample()
    const p13 = article.paragraphs[12]
    const p16 = article.paragraphs[15]
    const h = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(p16, p13.text.slice(0, 60))] })
    expect(h.resolved[0].paragraphId).toBe(p16.id)
    expect(h.resolved[0].paragraphId).not.toBe(p13.id)
    backend.close()
  })

  it('refuses targets that do not match the stored text, and writes nothing', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const p = article.paragraphs[2]
    const before = rowCounts(dataDir)
    const good = target(p, p.text.slice(5, 25))
    const bad: [unknown, RegExp][] = [
      [{ ...good, paragraphId: 'p-does-not-exist' }, /not in this article/],
      [{ ...good, position: { type: 'TextPositionSelector', start: 5, end: p.text.length + 10 } }, /outside its text/],
      [{ ...good, quote: { ...good.quote, exact: 'something else entirely' } }, /does not match paragraph 3/]
    ]
    for (const [t, message] of bad) {
      const e = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [t as typeof good] }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(GlossError)
      expect((e as GlossError).code).toBe('invalid_input')
      expect((e as GlossError).message).toMatch(message)
    }
    await expect(backend.createHighlight({ articleId: 'nope', color: 'yellow', targets: [good] })).rejects.toMatchObject({ code: 'not_found' })
    expect(rowCounts(dataDir)).toEqual(before)
    backend.close()
  })

  it('cannot restore a highlight whose article was deleted; deleting the article hides its highlights', async () => {
    const { backend, article } = await openWithSample()
    const p = article.paragraphs[0]
    const h = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(p, 'Xi Jinping')] })
    await backend.deleteArticle(article.id)
    await expect(backend.listHighlights(article.id)).rejects.toMatchObject({ code: 'not_found' })
    await expect(backend.restoreHighlight(h.id)).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/article has been deleted/) })
    backend.close()
  })
})
