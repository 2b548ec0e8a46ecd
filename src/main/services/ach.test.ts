import { afterEach, describe, expect, it } from 'vitest'
import type { AchMatrix } from '../../core/analysis/ach'
import { dispatch } from './dispatch'
import { openWithSample, rejection, removeTempDirs, target, withDb } from './test-helpers'

afterEach(removeTempDirs)

/** A 3 × 4 matrix over the sample: three hypotheses, four pieces of evidence (three from paragraphs). */
function matrix(articleId: string, p: { id: string }[]): AchMatrix {
  return {
    title: 'Why are Xi and Putin meeting now?',
    hypotheses: [
      { id: 'h1', label: 'Russia needs China more than China needs Russia' },
      { id: 'h2', label: 'China wants a partner against the United States' },
      { id: 'h3', label: 'The meeting is routine summit diplomacy' }
    ],
    evidence: [
      { id: 'e1', label: 'Russia is shifting gas payments to rubles and yuan', source: { kind: 'paragraph', articleId, paragraphId: p[7].id, quote: '' }, credibility: 'high', relevance: 'high', ratings: { h1: 'CC', h2: 'C', h3: 'I' } },
      { id: 'e2', label: 'Shullman: the partnership matters to China', source: { kind: 'paragraph', articleId, paragraphId: p[15].id, quote: '' }, credibility: 'medium', relevance: 'high', ratings: { h1: 'I', h2: 'CC', h3: 'N' } },
      { id: 'e3', label: 'First in-person meeting since the invasion', source: { kind: 'paragraph', articleId, paragraphId: p[0].id, quote: '' }, credibility: 'high', relevance: 'medium', ratings: { h1: 'C', h2: 'C', h3: 'C' } },
      { id: 'e4', label: 'Assumption: summits are scheduled long in advance', source: null, credibility: 'low', relevance: 'medium', ratings: { h1: 'N', h2: 'N', h3: 'CC' } }
    ]
  }
}

async function withProject() {
  const opened = await openWithSample()
  const project = await opened.backend.createProject({ title: 'SCO summit' })
  await opened.backend.addToProject({ projectId: project.id, articleIds: [opened.article.id] })
  return { ...opened, project }
}

describe('ACH matrices', () => {
  it('creates, saves and scores a 3 × 4 matrix; evidence rows know their paragraphs', async () => {
    const { backend, project, article } = await withProject()
    const created = await backend.createAchMatrix({ projectId: project.id, title: 'Why now?' })
    expect(created).toMatchObject({ title: 'Why now?', revision: 0, hypothesisCount: 0, matrix: { hypotheses: [], evidence: [] } })
    const saved = await backend.saveAchMatrix({ id: created.id, baseRevision: 0, matrix: matrix(article.id, article.paragraphs) })
    if (!saved.ok) throw new Error('expected a save')
    // By hand: h1 = e2 (I, medium × high = 1 × √2) = −1.414214; h2 = 0; h3 = e1 (I, high × high = 2) = −2.
    expect(saved.matrix.scores!.ranking.map((h) => [h.id, h.weighted, h.rank])).toEqual([
      ['h2', 0, 1],
      ['h1', -1.414214, 2],
      ['h3', -2, 3]
    ])
    expect(saved.matrix.scores!.evidence.find((e) => e.id === 'e3')).toMatchObject({ nonDiagnostic: true })
    expect(saved.matrix).toMatchObject({ revision: 1, title: 'Why are Xi and Putin meeting now?', hypothesisCount: 3, evidenceCount: 4 })
    expect(saved.matrix.sources.e2).toEqual({ articleId: article.id, articleTitle: article.title, paragraphId: article.paragraphs[15].id, paragraphNumber: 16, page: null })
    expect(saved.matrix.sources.e4).toBeUndefined()
    expect((await backend.listAchMatrices(project.id)).map((m) => [m.title, m.revision, m.evidenceCount])).toEqual([['Why are Xi and Putin meeting now?', 1, 4]])
    expect((await backend.getAchMatrix(created.id)).matrix).toEqual(matrix(article.id, article.paragraphs))
    await backend.close()
  })

  it('keeps a conflicting save as a conflicted copy, overwriting nothing', async () => {
    const { backend, project, article } = await withProject()
    const m = await backend.createAchMatrix({ projectId: project.id, title: 'Why now?', matrix: matrix(article.id, article.paragraphs) })
    const first = matrix(article.id, article.paragraphs)
    first.evidence[0].ratings.h3 = 'II'
    expect((await backend.saveAchMatrix({ id: m.id, baseRevision: 0, matrix: first })).ok).toBe(true)
    const stale = matrix(article.id, article.paragraphs)
    stale.hypotheses.push({ id: 'h4', label: 'A fourth one, typed in another window' })
    const result = await backend.saveAchMatrix({ id: m.id, baseRevision: 0, matrix: stale })
    if (result.ok) throw new Error('expected a conflict')
    expect(result.current.revision).toBe(1)
    expect(result.current.matrix!.evidence[0].ratings.h3).toBe('II')
    expect(result.copy.title).toMatch(/^Why are Xi and Putin meeting now\? \(conflicted copy \d{4}-\d\d-\d\d \d\d:\d\d\)$/)
    expect(result.copy.matrix!.hypotheses.map((h) => h.id)).toEqual(['h1', 'h2', 'h3', 'h4'])
    expect((await backend.listAchMatrices(project.id)).length).toBe(2)
    await backend.close()
  })

  it('refuses evidence from outside the project, deleted highlights and unknown hypotheses, in words, writing nothing', async () => {
    const { backend, project, article } = await withProject()
    const m = await backend.createAchMatrix({ projectId: project.id, title: 'Why now?' })
    const other = (await backend.importText({ text: 'Another source, not in the project.', title: 'Other' })).article
    const bad = matrix(article.id, article.paragraphs)
    bad.evidence[1].source = { kind: 'paragraph', articleId: other.id, paragraphId: 'p-x', quote: '' }
    expect((await rejection(backend.saveAchMatrix({ id: m.id, baseRevision: 0, matrix: bad }))).message).toBe(
      'The matrix was not saved: evidence 2 (“Shullman: the partnership matters to Ch…”) comes from a source that is not in this project.'
    )
    const h = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(article.paragraphs[1], 'Andrey Denisov')] })
    await backend.deleteHighlight(h.id)
    const gone = matrix(article.id, article.paragraphs)
    gone.evidence[0].source = { kind: 'highlight', highlightId: h.id, articleId: article.id, paragraphId: article.paragraphs[1].id, quote: 'Andrey Denisov' }
    expect((await rejection(backend.saveAchMatrix({ id: m.id, baseRevision: 0, matrix: gone }))).message).toContain('comes from a highlight that no longer exists')
    const unknown = matrix(article.id, article.paragraphs)
    unknown.evidence[3].ratings.h9 = 'C'
    expect((await rejection(backend.saveAchMatrix({ id: m.id, baseRevision: 0, matrix: unknown }))).message).toBe(
      'The matrix was not saved: evidence 4 (“Assumption: summits are scheduled long…”) rates a hypothesis that is not in the matrix.'
    )
    expect((await backend.getAchMatrix(m.id)).revision).toBe(0)
    // The contract checks every field.
    expect(await dispatch(backend, 'saveAchMatrix', [{ id: m.id, baseRevision: 0, matrix: { ...matrix(article.id, article.paragraphs), hypotheses: [{ id: 'h1', label: 7 }] } }])).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'saveAchMatrix: matrix.hypotheses[0].label must be text' }
    })
    const wrongRating = matrix(article.id, article.paragraphs) as unknown as { evidence: { ratings: Record<string, string> }[] }
    wrongRating.evidence[0].ratings.h1 = 'maybe'
    expect(await dispatch(backend, 'saveAchMatrix', [{ id: m.id, baseRevision: 0, matrix: wrongRating }])).toMatchObject({
      error: { message: 'saveAchMatrix: matrix.evidence[0].ratings.h1 must be one of CC, C, N, I, II, NA' }
    })
    expect(await dispatch(backend, 'createAchMatrix', [{ projectId: project.id, title: '   ' }])).toMatchObject({
      error: { message: 'createAchMatrix: title must not be empty' }
    })
    await backend.close()
  })

  it('keeps evidence whose source left the project since it was saved', async () => {
    const { backend, project, article } = await withProject()
    const m = await backend.createAchMatrix({ projectId: project.id, title: 'Why now?', matrix: matrix(article.id, article.paragraphs) })
    await backend.removeFromProject({ projectId: project.id, articleId: article.id })
    const edit = matrix(article.id, article.paragraphs)
    edit.evidence[0].ratings.h1 = 'C'
    expect((await backend.saveAchMatrix({ id: m.id, baseRevision: 0, matrix: edit })).ok).toBe(true)
    await backend.close()
  })

  it('deletes and restores; a deleted project hides its matrices; a newer format opens read-only', async () => {
    const { backend, project, article, dataDir } = await withProject()
    const m = await backend.createAchMatrix({ projectId: project.id, title: 'Why now?', matrix: matrix(article.id, article.paragraphs) })
    await backend.deleteAchMatrix(m.id)
    expect(await backend.listAchMatrices(project.id)).toEqual([])
    expect((await rejection(backend.getAchMatrix(m.id))).code).toBe('not_found')
    expect((await backend.restoreAchMatrix(m.id)).title).toBe('Why now?')
    expect((await rejection(backend.restoreAchMatrix(m.id))).code).toBe('not_found')

    withDb(dataDir, (db) => db.prepare('UPDATE ach_matrices SET doc_version = 9 WHERE id = ?').run(m.id))
    const r = await backend.getAchMatrix(m.id)
    expect(r.readOnlyReason).toMatch(/newer version of Gloss \(format 9\)/)
    expect((await rejection(backend.saveAchMatrix({ id: m.id, baseRevision: 0, matrix: matrix(article.id, article.paragraphs) }))).code).toBe('conflict')

    await backend.deleteProject(project.id)
    expect((await rejection(backend.getAchMatrix(m.id))).code).toBe('not_found')
    expect((await rejection(backend.listAchMatrices(project.id))).code).toBe('not_found')
    await backend.restoreProject(project.id)
    expect((await backend.listAchMatrices(project.id)).length).toBe(1)
    await backend.close()
  })
})
