import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { GlossError } from '../../core/api'
import type { AnchoredHighlight } from '../../core/model'
import { dispatch } from './dispatch'
import { b64, openWithSample, rejection, removeTempDirs, RESOURCES, rowCounts, target, withDb } from './test-helpers'

afterEach(removeTempDirs)

const SAMPLE = 'putin-xi-sco-summit.txt'
const sampleLines = (): string[] => readFileSync(join(RESOURCES, SAMPLE), 'utf8').trim().split('\n')
const CIA = 'according to a CIA analysis delivered to lawmakers on Capitol Hill'

/**
 * A newer version of the sample: ¶6 removed, but its CIA sentence carried into ¶5 word for word; in ¶7 the squeeze
 * sentence rewritten (the paragraph keeps its id).
 */
function revisedSample(): string {
  const lines = sampleLines()
  expect(lines[5]).toContain(CIA)
  const out = lines.map((l, i) =>
    i === 4 ? `${l} Xi was unsettled, ${CIA}.` : i === 6 ? l.replace('Putin is feeling the squeeze of sanctions and isolation.', 'Sanctions now bite.') : l
  )
  return out.filter((_, i) => i !== 5).join('\n') + '\n'
}

const storedTargets = (dataDir: string, id: string): unknown =>
  JSON.parse((withDb(dataDir, (db) => db.prepare('SELECT targets FROM highlights WHERE id = ?').get(id)) as { targets: string }).targets)


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

  it('after a re-import: a highlight whose paragraph was removed is an orphan with a suggestion; accepting stores it there', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const p = article.paragraphs
    const lost = await backend.createHighlight({ articleId: article.id, color: 'red', comment: 'Source?', targets: [target(p[5], 'a CIA analysis delivered to lawmakers')] })
    const kept = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(p[0], 'Vladimir Putin')] })
    await backend.reimportArticle({ articleId: article.id, name: SAMPLE, base64: b64(revisedSample()) })
    const after = await backend.getArticle(article.id)
    const p5 = after.paragraphs[4]
    expect(after.paragraphs.map((x) => x.id)).not.toContain(p[5].id)

    const listed = await backend.listHighlights(article.id)
    const orphan = listed.find((h) => h.id === lost.id)!
    const at = p5.text.indexOf('a CIA analysis delivered to lawmakers')
    expect(orphan).toMatchObject({ status: 'orphan', resolved: [], suggestion: [{ paragraphId: p5.id, start: at, end: at + 37 }] })
    expect(listed.find((h) => h.id === kept.id)).toMatchObject({ status: 'anchored', suggestion: null })

    const accepted = await backend.acceptSuggestedPlace({ id: lost.id, suggestion: orphan.suggestion! })
    expect(accepted).toMatchObject({ id: lost.id, status: 'anchored', color: 'red', comment: 'Source?', suggestion: null })
    expect(accepted.resolved).toEqual(orphan.suggestion)
    // The stored selectors now describe the new place, as a fresh selection there would.
    expect(storedTargets(dataDir, lost.id)).toEqual([target(p5, 'a CIA analysis delivered to lawmakers')])
    expect((await backend.listHighlights(article.id)).map((h) => [h.id, h.status])).toEqual([
      [kept.id, 'anchored'],
      [lost.id, 'anchored']
    ])
    backend.close()
  })

  it('a passage rewritten in a paragraph that stays needs review: not placed, nothing suggested, nothing to accept', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const h = await backend.createHighlight({ articleId: article.id, color: 'green', targets: [target(article.paragraphs[6], 'feeling the squeeze of sanctions')] })
    const before = storedTargets(dataDir, h.id)
    await backend.reimportArticle({ articleId: article.id, name: SAMPLE, base64: b64(revisedSample()) })
    const [listed] = await backend.listHighlights(article.id)
    expect(listed).toMatchObject({ id: h.id, status: 'review', resolved: [], suggestion: null })
    const e = await rejection(backend.acceptSuggestedPlace({ id: h.id, suggestion: [{ paragraphId: article.paragraphs[6].id, start: 0, end: 5 }] }))
    expect(e).toMatchObject({ code: 'conflict', message: expect.stringMatching(/no suggested place/) })
    expect(storedTargets(dataDir, h.id)).toEqual(before)
    backend.close()
  })

  it('refuses a suggestion that is not the current one, a deleted highlight and a malformed request, and writes nothing', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const lost = await backend.createHighlight({ articleId: article.id, color: 'red', targets: [target(article.paragraphs[5], 'CIA analysis')] })
    await backend.reimportArticle({ articleId: article.id, name: SAMPLE, base64: b64(revisedSample()) })
    const [orphan] = await backend.listHighlights(article.id)
    const shown: AnchoredHighlight['resolved'] = orphan.suggestion!
    expect(shown).toHaveLength(1)
    const before = storedTargets(dataDir, lost.id)
    const moved = [{ ...shown[0], start: shown[0].start + 1 }]
    expect(await rejection(backend.acceptSuggestedPlace({ id: lost.id, suggestion: moved }))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/suggested place for this highlight changed/)
    })
    expect(storedTargets(dataDir, lost.id)).toEqual(before)
    const bad = await dispatch(backend, 'acceptSuggestedPlace', [{ id: lost.id, suggestion: [] }])
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/suggestion must not be empty/) } })
    await backend.deleteHighlight(lost.id)
    expect(await rejection(backend.acceptSuggestedPlace({ id: lost.id, suggestion: shown }))).toMatchObject({ code: 'not_found' })
    expect(storedTargets(dataDir, lost.id)).toEqual(before)
    backend.close()
  })
})
