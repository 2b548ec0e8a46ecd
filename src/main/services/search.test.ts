import { afterEach, describe, expect, it } from 'vitest'
import type { SearchHit, SearchKind } from '../../core/api'
import { COMMON_MATCHES, RECENT_CANDIDATES } from '../../core/search/plan'
import type { PMNode } from '../../core/model'
import { dispatch } from './dispatch'
import { docWithRefs, openBackend, rejection, removeTempDirs, target, withDb } from './test-helpers'

afterEach(removeTempDirs)

/** The marked parts of a hit's snippet. */
const marked = (h: SearchHit) => h.matches.map(([a, b]) => h.snippet.slice(a, b))

const textDoc = (...paragraphs: string[]): PMNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
})

/** FTS5's own check of each index against its source view (throws "database disk image is malformed" if not). */
function indexesIntact(dataDir: string): void {
  withDb(dataDir, (db) => {
    for (const t of ['paragraphs_fts', 'notes_fts', 'highlights_fts']) db.prepare(`INSERT INTO ${t}(${t}, rank) VALUES ('integrity-check', 1)`).run()
  })
}

/** Rows of an FTS table matching `query` (what the index holds, whatever the search then does with it). */
const indexed = (dataDir: string, table: string, query: string): number =>
  withDb(dataDir, (db) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get(query) as { n: number }).n)

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

describe('search: highlight comments', () => {
  it('finds a comment, naming the highlight, its article, its paragraph and the passage', async () => {
    const { backend, article } = await sample()
    const p7 = article.paragraphs[6]
    const h = await backend.createHighlight({ articleId: article.id, color: 'green', comment: 'Leverage over Europe: the zebra argument.', targets: [target(p7, p7.text.slice(0, 40))] })
    await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(article.paragraphs[2], article.paragraphs[2].text.slice(0, 20))] })

    const hits = await backend.search({ query: 'zebra' })
    expect(hits).toEqual([
      {
        kind: 'highlight',
        articleId: article.id,
        articleTitle: article.title,
        paragraphId: p7.id,
        paragraphNumber: 7,
        page: null,
        noteId: null,
        noteTitle: null,
        projectId: null,
        highlightId: h.id,
        highlightColor: 'green',
        quote: p7.text.slice(0, 40).trim(),
        snippet: 'Leverage over Europe: the zebra argument.',
        matches: [[26, 31]]
      }
    ])
    // The passage itself is the paragraph's text: found as the paragraph, not again as the highlight.
    const words = p7.text.slice(0, 40).split(' ').slice(0, 3).join(' ')
    expect((await backend.search({ query: words })).map((x) => x.kind)).toEqual(['paragraph'])
    backend.close()
  })

  it('follows comment edits, deletes and restores, and the article being deleted and restored', async () => {
    const { backend, dataDir, article } = await sample()
    const p = article.paragraphs[3]
    const h = await backend.createHighlight({ articleId: article.id, color: 'blue', comment: 'Okapi', targets: [target(p, p.text.slice(0, 30))] })
    const found = async (q: string) => (await backend.search({ query: q })).filter((x) => x.kind === 'highlight').map((x) => x.highlightId)
    expect(await found('okapi')).toEqual([h.id])
    await backend.updateHighlight({ id: h.id, comment: 'Tapir instead' })
    expect(await found('okapi')).toEqual([])
    expect(await found('tapir')).toEqual([h.id])
    await backend.updateHighlight({ id: h.id, color: 'red' })
    expect((await backend.search({ query: 'tapir' }))[0]).toMatchObject({ highlightColor: 'red' })
    await backend.updateHighlight({ id: h.id, comment: '' })
    expect(await found('tapir')).toEqual([])
    await backend.updateHighlight({ id: h.id, comment: 'Tapir again' })
    await backend.deleteHighlight(h.id)
    expect(await found('tapir')).toEqual([])
    await backend.restoreHighlight(h.id)
    expect(await found('tapir')).toEqual([h.id])
    await backend.deleteArticle(article.id)
    expect(await backend.search({ query: 'tapir' })).toEqual([])
    expect(indexed(dataDir, 'highlights_fts', 'tapir')).toBe(0)
    await backend.restoreArticle(article.id)
    expect(await found('tapir')).toEqual([h.id])
    indexesIntact(dataDir)
    backend.close()
  })

  it('names the page of a paged source, and keeps a highlight whose paragraph a re-import removed', async () => {
    const { backend, dataDir } = await sample()
    const { article: summary } = await backend.importText({ title: 'Report', text: 'Opening words here.\n\nThe quokka census, in full.\n\nClosing words.' })
    withDb(dataDir, (db) => db.prepare("UPDATE paragraphs SET page = 'iv' WHERE article_id = ? AND position = 1").run(summary.id))
    const article = await backend.getArticle(summary.id)
    const p2 = article.paragraphs[1]
    const h = await backend.createHighlight({ articleId: article.id, color: 'yellow', comment: 'Numbat note', targets: [target(p2, 'quokka census')] })
    expect(await backend.search({ query: 'quokka' })).toEqual([expect.objectContaining({ kind: 'paragraph', paragraphNumber: 2, page: 'iv' })])
    expect(await backend.search({ query: 'numbat' })).toEqual([
      expect.objectContaining({ kind: 'highlight', highlightId: h.id, paragraphId: p2.id, paragraphNumber: 2, page: 'iv', quote: 'quokka census' })
    ])

    withDb(dataDir, (db) => db.prepare("UPDATE paragraphs SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(p2.id))
    expect(await backend.search({ query: 'quokka' })).toEqual([])
    expect(await backend.search({ query: 'numbat' })).toEqual([
      expect.objectContaining({ kind: 'highlight', highlightId: h.id, paragraphId: p2.id, paragraphNumber: null, page: null })
    ])
    backend.close()
  })
})

describe('search: filters', () => {
  async function library() {
    const { backend, dataDir, article: a } = await sample()
    const { article: other } = await backend.importText({ title: 'Other article', text: 'A wombat in the other article.\n\nNothing else.' })
    const b = await backend.getArticle(other.id)
    const pa = a.paragraphs[4]
    await backend.importText({ title: 'Wombat paragraph', text: 'Wombat text in a third article.' })
    await backend.createHighlight({ articleId: a.id, color: 'yellow', comment: 'wombat comment on A', targets: [target(pa, pa.text.slice(0, 20))] })
    await backend.createHighlight({ articleId: b.id, color: 'yellow', comment: 'wombat comment on B', targets: [target(b.paragraphs[1], 'Nothing')] })
    const analysis = await backend.getArticleNote(a.id)
    await backend.saveNote({ id: analysis.id, doc: textDoc('Wombat analysis of A.'), baseRevision: analysis.revision })
    const citing = await backend.createNote({ title: 'Wombat memo citing A', articleId: null })
    await backend.saveNote({ id: citing.id, doc: docWithRefs('See the wombat.', [{ articleId: a.id, paragraphId: pa.id, label: '5' }]), baseRevision: citing.revision })
    const loose = await backend.createNote({ title: 'Wombat memo on nothing', articleId: null })
    const onB = await backend.createNote({ title: 'Wombat memo on B', articleId: b.id })
    return { backend, dataDir, a, b, analysis, citing, loose, onB }
  }
  const kindsOf = (hits: SearchHit[]) => [...new Set(hits.map((h) => h.kind))].sort()

  it('returns every kind by default, or only the kinds asked for', async () => {
    const { backend } = await library()
    expect(kindsOf(await backend.search({ query: 'wombat' }))).toEqual(['highlight', 'note', 'paragraph'])
    for (const kinds of [['note'], ['highlight'], ['paragraph'], ['paragraph', 'note'], ['highlight', 'highlight']] as SearchKind[][]) {
      expect(kindsOf(await backend.search({ query: 'wombat', kinds })), kinds.join()).toEqual([...new Set(kinds)].sort())
    }
    expect(await backend.search({ query: 'wombat', kinds: ['note'] })).toHaveLength(4)
    backend.close()
  })

  it('keeps to one article: its paragraphs and highlights, and the notes that belong to it or cite it', async () => {
    const { backend, a, b, analysis, citing, onB } = await library()
    const inA = await backend.search({ query: 'wombat', articleId: a.id })
    expect(inA.filter((h) => h.kind !== 'note').every((h) => h.articleId === a.id)).toBe(true)
    expect(inA.filter((h) => h.kind === 'highlight').map((h) => h.snippet)).toEqual(['wombat comment on A'])
    expect(inA.filter((h) => h.kind === 'note').map((h) => h.noteId).sort()).toEqual([analysis.id, citing.id].sort())
    expect(inA.filter((h) => h.kind === 'paragraph')).toEqual([]) // the sample has no wombat

    const inB = await backend.search({ query: 'wombat', articleId: b.id })
    expect(inB.map((h) => [h.kind, h.noteId ?? h.paragraphNumber])).toEqual(
      expect.arrayContaining([
        ['paragraph', 1],
        ['note', onB.id]
      ])
    )
    expect(inB).toHaveLength(3)
    expect((await backend.search({ query: 'wombat', articleId: b.id, kinds: ['highlight'] })).map((h) => h.snippet)).toEqual(['wombat comment on B'])
    expect(await backend.search({ query: 'kharkiv', articleId: b.id })).toEqual([])
    expect((await backend.search({ query: 'kharkiv', articleId: a.id })).map((h) => h.paragraphNumber)).toEqual([9])
    backend.close()
  })

  it('refuses a deleted article, and bad filters through the bridge, with a clear message', async () => {
    const { backend, b } = await library()
    await backend.deleteArticle(b.id)
    expect(await rejection(backend.search({ query: 'wombat', articleId: b.id }))).toMatchObject({ code: 'not_found' })
    for (const [req, message] of [
      [{ query: 'x', kinds: [] }, /kinds must name at least one kind of hit/],
      [{ query: 'x', kinds: ['comment'] }, /kinds.*must be one of paragraph, note, highlight/],
      [{ query: 'x', articleId: '' }, /articleId must not be empty/]
    ] as const) {
      const r = await dispatch(backend, 'search', [req])
      expect(r, JSON.stringify(req)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(!r.ok && r.error.message).toMatch(message)
    }
    backend.close()
  })
})

describe('search: what is never returned', () => {
  it('leaves deleted articles out of the index, so they take no place in the results', async () => {
    const { backend, dataDir } = await sample()
    const { article: gone } = await backend.importText({ title: 'Gone', text: Array.from({ length: 60 }, (_, i) => `Echidna sighting ${i}.`).join('\n\n') })
    await backend.importText({ title: 'Kept', text: 'One echidna, kept.' })
    expect(indexed(dataDir, 'paragraphs_fts', 'echidna')).toBe(61)
    await backend.deleteArticle(gone.id)
    expect(indexed(dataDir, 'paragraphs_fts', 'echidna')).toBe(1)
    expect((await backend.search({ query: 'echidna', limit: 1 })).map((h) => h.articleTitle)).toEqual(['Kept'])
    await backend.restoreArticle(gone.id)
    expect(indexed(dataDir, 'paragraphs_fts', 'echidna')).toBe(61)
    expect(await backend.search({ query: 'echidna', limit: 100 })).toHaveLength(61)
    indexesIntact(dataDir)
    backend.close()
  })

  it('never returns an import still being written, nor lets it take a place in the results', async () => {
    const { backend, dataDir } = await sample()
    await backend.importText({ title: 'Live', text: 'One pangolin, published.' })
    // What a large import leaves while it writes: a hidden article row (import_job set) and its paragraphs.
    withDb(dataDir, (db) => {
      const now = '2026-01-01T00:00:00.000Z'
      db.prepare(
        "INSERT INTO articles (id, title, format, import_job, created_at, updated_at, deleted_at) VALUES ('pending', 'Pending', 'txt', 'job-1', ?, ?, ?)"
      ).run(now, now, now)
      const insert = db.prepare("INSERT INTO paragraphs (article_id, id, position, kind, text, created_at, updated_at) VALUES ('pending', ?, ?, 'p', ?, ?, ?)")
      for (let i = 0; i < 80; i++) insert.run(`pp-${i}`, i, `Pangolin paragraph ${i} being imported.`, now, now)
    })
    expect(indexed(dataDir, 'paragraphs_fts', 'pangolin')).toBe(81) // indexed as it is written…
    expect((await backend.search({ query: 'pangolin', limit: 1 })).map((h) => h.articleTitle)).toEqual(['Live']) // …never shown
    expect(await backend.search({ query: 'pangolin' })).toHaveLength(1)

    // Published: shown, with nothing more to index; dropped instead: gone from the index.
    withDb(dataDir, (db) => db.prepare("UPDATE articles SET deleted_at = NULL, import_job = NULL WHERE id = 'pending'").run())
    expect(await backend.search({ query: 'pangolin', limit: 100 })).toHaveLength(81)
    withDb(dataDir, (db) => {
      db.prepare("UPDATE articles SET deleted_at = '2026-01-02T00:00:00.000Z', import_job = 'job-2' WHERE id = 'pending'").run()
      db.prepare("DELETE FROM paragraphs WHERE article_id = 'pending'").run()
      db.prepare("DELETE FROM articles WHERE id = 'pending'").run()
    })
    expect(indexed(dataDir, 'paragraphs_fts', 'pangolin')).toBe(1)
    indexesIntact(dataDir)
    backend.close()
  })

  it('keeps every index equal to what it should hold through imports, re-imports, edits and deletes', async () => {
    const { backend, dataDir, article } = await sample()
    const { article: small } = await backend.importText({ title: 'Small', text: 'First version.\n\nSecond paragraph.' })
    await backend.reimportArticle({ articleId: small.id, name: 'small.txt', base64: Buffer.from('First version, edited.\n\nA new paragraph.').toString('base64') })
    const p = article.paragraphs[0]
    const h = await backend.createHighlight({ articleId: article.id, color: 'yellow', comment: 'first', targets: [target(p, p.text.slice(0, 10))] })
    await backend.updateHighlight({ id: h.id, comment: 'second' })
    const note = await backend.createNote({ title: 'Draft', articleId: small.id })
    await backend.saveNote({ id: note.id, doc: textDoc('Some text.'), baseRevision: note.revision })
    await backend.renameNote({ id: note.id, title: 'Renamed' })
    await backend.deleteArticle(small.id)
    await backend.restoreArticle(small.id)
    await backend.deleteNote(note.id)
    indexesIntact(dataDir)
    expect(await backend.search({ query: 'edited' })).toEqual([expect.objectContaining({ articleId: small.id, paragraphNumber: 1 })])
    expect(await backend.search({ query: 'version' })).toHaveLength(1)
    expect(await backend.search({ query: 'second' })).toEqual([expect.objectContaining({ kind: 'highlight', highlightId: h.id })])
    backend.close()
  })
})

describe('search: many matches', () => {
  // More paragraphs than COMMON_MATCHES contain "officials": it only filters, the rarer words rank (plan.ts).
  async function big() {
    const { backend } = await sample()
    const n = COMMON_MATCHES + 500
    const paragraphs = Array.from({ length: n }, (_, i) => `Paragraph ${i}: officials spoke of trade in detail, word${i}.`)
    paragraphs[100] = 'Officials spoke of the embargo; the embargo, the embargo again.'
    paragraphs[200] = 'Officials spoke once of an embargo, among many other matters that filled a long paragraph of talk.'
    paragraphs[n - 3] = 'Officials spoke: officials, officials and officials.'
    const { article } = await backend.importText({ title: 'Big', text: paragraphs.join('\n\n') })
    expect(article.paragraphCount).toBe(n)
    return { backend, n }
  }

  it('ranks by the rare words when a common one is in the query, and still needs every word', async () => {
    const { backend } = await big()
    expect((await backend.search({ query: 'officials embargo' })).map((h) => h.paragraphNumber)).toEqual([101, 201])
    expect((await backend.search({ query: 'officials word1234' })).map((h) => h.paragraphNumber)).toEqual([1235])
    expect(await backend.search({ query: 'officials zzzz' })).toEqual([])
    backend.close()
  })

  it('takes the newest matches when every word is common, and ranks them', async () => {
    const { backend, n } = await big()
    const hits = await backend.search({ query: 'officials spoke' })
    expect(hits).toHaveLength(50)
    expect(hits[0].paragraphNumber).toBe(n - 2) // four times in a short paragraph
    const numbers = hits.map((h) => h.paragraphNumber!)
    expect(Math.min(...numbers)).toBeGreaterThan(n - RECENT_CANDIDATES)
    for (const h of hits) expect(h.snippet.toLowerCase()).toMatch(/officials spoke/)
    // A prefix typed: the same, found through the prefix index.
    expect(await backend.search({ query: 'officials spo' })).toHaveLength(50)
    // A larger limit takes that many of the newest.
    const many = await backend.search({ query: 'officials', limit: 500 })
    expect(many).toHaveLength(500)
    expect(Math.min(...many.map((h) => h.paragraphNumber!))).toBeGreaterThan(n - 500)
    backend.close()
  })
})
