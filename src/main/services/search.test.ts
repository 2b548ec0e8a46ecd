import { afterEach, describe, expect, it } from 'vitest'
import type { SearchHit } from '../../core/api'
import type { PMNode } from '../../core/model'
import { dispatch } from './dispatch'
import { docWithRefs, openBackend, removeTempDirs, withDb } from './test-helpers'

afterEach(removeTempDirs)

/** The marked parts of a hit's snippet. */
const marked = (h: SearchHit) => h.matches.map(([a, b]) => h.snippet.slice(a, b))

const textDoc = (...paragraphs: string[]): PMNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
})

async function sample() {
  const { backend, dataDir } = openBackend()
  const [summary] = await backend.listArticles()
  const article = await backend.getArticle(summary.id)
  return { backend, dataDir, article }
}

describe('search: paragraphs', () => {
  it('finds a word in the sample with its paragraph number, article title and a marked plain-text snippet', async () => {
    const { backend, article } = await sample()
    const hits = await backend.search({ query: 'Kharkiv' })
    expect(hits).toHaveLength(1)
    const [hit] = hits
    const p9 = article.paragraphs[8]
    expect(hit).toMatchObject({
      kind: 'paragraph',
      articleId: article.id,
      articleTitle: article.title,
      paragraphId: p9.id,
      paragraphNumber: 9,
      noteId: null,
      noteTitle: null
    })
    expect(marked(hit)).toEqual(['Kharkiv'])
    expect(hit.snippet).not.toMatch(/[<>]/)
    expect(hit.snippet.length).toBeLessThanOrEqual(162)
    expect(p9.text).toContain(hit.snippet.replace(/^…|…$/g, ''))
    backend.close()
  })

  it('prefix-matches the last word (search as you type), case-insensitively', async () => {
    const { backend } = await sample()
    expect((await backend.search({ query: 'khar' })).map((h) => h.paragraphNumber)).toEqual([9])
    const hits = await backend.search({ query: 'KHERSON cap' })
    expect(hits.map((h) => h.paragraphNumber)).toEqual([9])
    expect(marked(hits[0])).toEqual(expect.arrayContaining(['Kherson', 'cap']))
    // The prefix applies to the last word only: "Kharki" alone matches, "Kharki Xi" needs the whole word.
    expect(await backend.search({ query: 'Kharki Xi' })).toEqual([])
    backend.close()
  })

  it('tells the two identical paragraphs (13 and 16) apart', async () => {
    const { backend, article } = await sample()
    const hits = await backend.search({ query: 'fraught seemingly' })
    expect(hits.map((h) => h.paragraphNumber).sort()).toEqual([13, 16])
    expect(new Set(hits.map((h) => h.paragraphId))).toEqual(new Set([article.paragraphs[12].id, article.paragraphs[15].id]))
    for (const h of hits) expect(marked(h)).toEqual(['fraught', 'seemingly'])
    backend.close()
  })

  it('ignores diacritics and case in any script, and marks the original characters', async () => {
    const { backend } = await sample()
    await backend.importText({
      title: 'Diacritics',
      text: 'President Zelenskýy spoke in Kraków.\n\nШанхайская организация сотрудничества.\n\nA café near Krakow.'
    })
    const z = await backend.search({ query: 'zelenskyy' })
    expect(z).toHaveLength(1)
    expect(marked(z[0])).toEqual(['Zelenskýy'])

    const k = await backend.search({ query: 'KRAKÓW' })
    expect(k.map((h) => h.paragraphNumber).sort()).toEqual([1, 3])
    expect(k.flatMap(marked).sort()).toEqual(['Krakow', 'Kraków'])

    const cafe = await backend.search({ query: 'cafe\u0301' }) // typed with a combining accent
    expect(cafe.map(marked)).toEqual([['café']])

    const ru = await backend.search({ query: 'шанхайская' })
    expect(ru.map(marked)).toEqual([['Шанхайская']])
    backend.close()
  })

  it('leaves out deleted articles and paragraphs removed by a re-import', async () => {
    const { backend, dataDir } = await sample()
    const { article } = await backend.importText({ title: 'Gone soon', text: 'Quokka sightings rose.\n\nNothing else.' })
    expect(await backend.search({ query: 'quokka' })).toHaveLength(1)
    await backend.deleteArticle(article.id)
    expect(await backend.search({ query: 'quokka' })).toEqual([])

    const { article: other } = await backend.importText({ title: 'Kept', text: 'Wombat census.\n\nNumbat census.' })
    withDb(dataDir, (db) => db.prepare("UPDATE paragraphs SET deleted_at = '2024-01-01T00:00:00.000Z' WHERE article_id = ? AND position = 0").run(other.id))
    expect((await backend.search({ query: 'census' })).map((h) => h.paragraphNumber)).toEqual([2])
    backend.close()
  })
})

describe('search: notes', () => {
  it('finds notes by title or text, with the article they belong to', async () => {
    const { backend, article } = await sample()
    const p7 = article.paragraphs[6]
    const analysis = await backend.getArticleNote(article.id)
    await backend.saveNote({
      id: analysis.id,
      doc: docWithRefs('The pipeline shutdown is leverage over Europe.', [{ articleId: article.id, paragraphId: p7.id, label: '7' }]),
      baseRevision: analysis.revision
    })
    const free = await backend.createNote({ title: 'Zanzibar memo', articleId: null })

    const byText = await backend.search({ query: 'leverage' })
    expect(byText).toHaveLength(1)
    expect(byText[0]).toMatchObject({
      kind: 'note',
      noteId: analysis.id,
      noteTitle: analysis.title,
      articleId: article.id,
      articleTitle: article.title,
      paragraphId: null,
      paragraphNumber: null
    })
    expect(byText[0].snippet).toContain('The pipeline shutdown is leverage over Europe')
    expect(marked(byText[0])).toEqual(['leverage'])

    const byTitle = await backend.search({ query: 'zanzibar' })
    expect(byTitle).toEqual([
      expect.objectContaining({ kind: 'note', noteId: free.id, noteTitle: 'Zanzibar memo', articleId: null, articleTitle: null, snippet: '', matches: [] })
    ])
    backend.close()
  })

  it('follows renames, edits and deletes, and keeps a free note whose article was deleted', async () => {
    const { backend } = await sample()
    const { article } = await backend.importText({ title: 'Side article', text: 'Some text.\n\nMore text.' })
    const note = await backend.createNote({ title: 'Side memo', articleId: article.id })
    const saved = await backend.saveNote({ id: note.id, doc: textDoc('Okapi first draft.'), baseRevision: note.revision })
    expect(await backend.search({ query: 'okapi' })).toHaveLength(1)
    if (!saved.ok) throw new Error('save failed')
    await backend.saveNote({ id: note.id, doc: textDoc('Tapir second draft.'), baseRevision: saved.note.revision })
    expect(await backend.search({ query: 'okapi' })).toEqual([])
    expect(await backend.search({ query: 'tapir' })).toHaveLength(1)

    await backend.renameNote({ id: note.id, title: 'Renamed gazelle memo' })
    expect((await backend.search({ query: 'gazelle' }))[0]).toMatchObject({ noteId: note.id, articleTitle: 'Side article' })
    expect(await backend.search({ query: 'Side memo' })).toEqual([])

    await backend.deleteArticle(article.id)
    expect((await backend.search({ query: 'tapir' }))[0]).toMatchObject({ noteId: note.id, articleId: null, articleTitle: null })

    await backend.deleteNote(note.id)
    expect(await backend.search({ query: 'tapir' })).toEqual([])
    backend.close()
  })
})

describe('search: ranking, limits, bad input', () => {
  it('interleaves paragraphs and notes by rank and respects the limit', async () => {
    const { backend } = await sample()
    const filler = Array.from({ length: 60 }, (_, i) => `filler${i}`).join(' ')
    await backend.importText({
      title: 'Ranks',
      text: ['Lynx lynx lynx.', `One lynx among many words: ${filler}.`].join('\n\n')
    })
    const titled = await backend.createNote({ title: 'Lynx', articleId: null })
    const buried = await backend.createNote({ title: 'Other', articleId: null })
    await backend.saveNote({ id: buried.id, doc: textDoc(`${filler} and a single lynx at the end of a long note ${filler}.`), baseRevision: buried.revision })

    const hits = await backend.search({ query: 'lynx' })
    expect(hits).toHaveLength(4)
    expect(hits[0]).toMatchObject({ kind: 'paragraph', paragraphNumber: 1 })
    const kinds = hits.map((h) => (h.kind === 'note' ? h.noteTitle : `¶${h.paragraphNumber}`))
    // The titled note outranks the paragraph and the note that mention the word once in a long text.
    expect(kinds.indexOf('Lynx')).toBeLessThan(kinds.indexOf('¶2'))
    expect(kinds.indexOf('Lynx')).toBeLessThan(kinds.indexOf('Other'))
    expect(hits.find((h) => h.noteId === titled.id)).toBeDefined()
    // The long note's snippet is cut around the word.
    const other = hits.find((h) => h.noteId === buried.id)!
    expect(other.snippet).toMatch(/^….*lynx.*…$/)
    expect(marked(other)).toEqual(['lynx'])

    expect(await backend.search({ query: 'lynx', limit: 1 })).toEqual([hits[0]])
    expect(await backend.search({ query: 'lynx', limit: 3 })).toEqual(hits.slice(0, 3))
    backend.close()
  })

  it('keeps notes in the results when many paragraphs match the same word', async () => {
    const { backend } = await sample()
    const text = Array.from({ length: 80 }, (_, i) => `Gas flows through pipeline number ${i} this winter.`).join('\n\n')
    await backend.importText({ title: 'Pipelines', text })
    const memo = await backend.createNote({ title: 'Pipeline strategy', articleId: null })
    const other = await backend.createNote({ title: 'Pipeline risks', articleId: null })
    await backend.saveNote({ id: other.id, doc: textDoc('Every pipeline is a lever.'), baseRevision: other.revision })
    const hits = await backend.search({ query: 'pipeline' })
    expect(hits).toHaveLength(50)
    expect(hits.filter((h) => h.kind === 'note').map((h) => h.noteId).sort()).toEqual([memo.id, other.id].sort())
    // Titles name what a note is about: both notes come before the 80 look-alike paragraphs.
    expect(hits.slice(0, 2).map((h) => h.kind)).toEqual(['note', 'note'])
    backend.close()
  })

  it('never lets FTS syntax through: operators and punctuation are words or dropped, never errors', async () => {
    const { backend } = await sample()
    for (const query of ['"', '*', 'AND', 'NOT OR', '( ) : ^', '—…']) {
      expect(await backend.search({ query }), query).toEqual([])
    }
    expect((await backend.search({ query: 'Kharkiv AND "(area' })).map((h) => h.paragraphNumber)).toEqual([9])
    expect((await backend.search({ query: 'text:Kharkiv' })).length).toBe(0) // "text kharkiv" is a phrase the sample lacks
    expect(await backend.search({ query: 'NEAR(Kharkiv' })).toEqual([]) // the phrase "near kharkiv", not an operator
    expect((await backend.search({ query: 'U.S.-China' })).map((h) => h.paragraphNumber).sort((a, b) => a! - b!)).toEqual([13, 16])
    backend.close()
  })

  it('refuses an empty query or a bad limit through the bridge, with a clear message', async () => {
    const { backend } = await sample()
    expect(await dispatch(backend, 'search', [{ query: '   ' }])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch(backend, 'search', [{ query: 'x', limit: 0 }])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const ok = await dispatch(backend, 'search', [{ query: '  Kharkiv  ' }])
    expect(ok.ok && (ok.result as SearchHit[]).map((h) => h.paragraphNumber)).toEqual([9])
    backend.close()
  })
})

describe('search: speed', () => {
  it('answers in milliseconds on a 5,000-paragraph article', async () => {
    const { backend } = await sample()
    const words = ['sanctions', 'pipeline', 'summit', 'energy', 'border', 'alliance', 'trade', 'rubles', 'yuan', 'military', 'envoy', 'talks']
    const paragraphs = Array.from({ length: 5000 }, (_, i) => {
      const pick = (k: number) => words[(i * 7 + k * 13) % words.length]
      return `Paragraph ${i} discusses ${pick(0)} and ${pick(1)} with ${pick(2)} in detail; officials spoke of ${pick(3)}, ${pick(4)} and the ${pick(5)} question, word${i}.`
    })
    const { article } = await backend.importText({ title: 'Big', text: paragraphs.join('\n\n') })
    expect(article.paragraphCount).toBe(5000)

    const time = async (query: string) => {
      await backend.search({ query }) // warm
      const runs = 10
      const t0 = performance.now()
      let hits: SearchHit[] = []
      for (let i = 0; i < runs; i++) hits = await backend.search({ query })
      return { ms: (performance.now() - t0) / runs, hits }
    }
    const common = await time('officials spoke')
    const prefix = await time('sanc')
    const rare = await time('word4321')
    expect(common.hits).toHaveLength(50)
    expect(prefix.hits).toHaveLength(50)
    expect(rare.hits.map((h) => h.paragraphNumber)).toEqual([4322])
    console.log(
      `search on 5,000 paragraphs: common words ${common.ms.toFixed(1)} ms, prefix ${prefix.ms.toFixed(1)} ms, rare word ${rare.ms.toFixed(1)} ms`
    )
    expect(common.ms).toBeLessThan(250)
    expect(prefix.ms).toBeLessThan(250)
    expect(rare.ms).toBeLessThan(50)
    backend.close()
  })
})
