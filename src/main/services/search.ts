// Full-text search over paragraphs, notes and highlight comments (one FTS5 table each, external content: see
// migration 3). In each table FTS5 picks a bounded number of candidates, with the LIMIT inside the FTS query and
// before any join (core/search/plan.ts says how, and why the work stays bounded however many texts match); only those
// rows are then read. The candidates of all kinds are ranked together with one score (core/search/rank.ts explains
// why bm25 values cannot be compared across tables), and only the hits returned get a snippet. Only plain text
// crosses the bridge: snippets are cut and their match ranges computed here, in TS, from the query's terms.
import { GlossError, SEARCH_KINDS, type SearchHit, type SearchKind, type SearchRequest } from '../../core/api'
import type { HighlightColor } from '../../core/model'
import { firstWords } from '../../core/search/paragraphs'
import { COMMON_MATCHES, planCandidates, RECENT_CANDIDATES, type CandidatePlan } from '../../core/search/plan'
import { buildSearchQuery, type SearchQuery } from '../../core/search/query'
import { relevance, type RankField } from '../../core/search/rank'
import { scanForSnippet, scanText, SNIPPET_LENGTH, snippetOf, wordCount, type ScannedText } from '../../core/search/snippet'
import type { Statement } from 'better-sqlite3'
import { articleExists } from '../db/articles'
import type { DB } from '../db/database'
import type { Ctx } from './context'

export const DEFAULT_LIMIT = 50
/** An occurrence in a note's title counts this much more than one in its text. */
const TITLE_WEIGHT = 4
/**
 * Candidates taken from each table: never fewer than the default limit, so a smaller limit returns exactly the
 * first hits of the default one.
 */
const MIN_CANDIDATES = DEFAULT_LIMIT
/** Typical lengths in words (the length part of the score compares a text with these, not with the other hits). */
const AVG_WORDS = { paragraph: 60, note: 250, title: 4, comment: 20 }
/** How much of a long text is read to rank it (see scanForSnippet): about 1,500 words. */
const SCAN_CHARS = 10_000

// ------------------------------------------------------------------------------------------------- scopes

/**
 * What a search is limited to: for each kind, an SQL query of the rowids in scope (one column), or null for every
 * row. The whole library is one scope, an article another; a project would be a third (its articles' paragraphs and
 * highlights, its notes), with nothing else to change.
 */
interface Scope {
  name: string
  params: Record<string, string>
  rowids: Record<SearchKind, string | null>
}

const LIBRARY: Scope = { name: 'library', params: {}, rowids: { paragraph: null, note: null, highlight: null } }

function articleScope(articleId: string): Scope {
  return {
    name: 'article',
    params: { article: articleId },
    rowids: {
      paragraph: 'SELECT rowid AS r FROM paragraphs WHERE article_id = @article',
      note:
        'SELECT rowid AS r FROM notes WHERE article_id = @article ' +
        'UNION SELECT n.rowid FROM note_refs x JOIN notes n ON n.id = x.note_id WHERE x.article_id = @article',
      highlight: 'SELECT rowid AS r FROM highlights WHERE article_id = @article'
    }
  }
}

// ------------------------------------------------------------------------------------------------ sources

interface Source {
  kind: SearchKind
  fts: string
  /** bm25 with the table's column weights (a note's title weighs more than its text). */
  bm25: string
  /** Rowids the index holds but a search never returns: paragraphs of imports still being written. */
  hidden: string | null
  /** The hit rows for the candidates `f(rowid, score)`, best first; tombstoned rows are left out here too. */
  rows: string
}

const SOURCES: Record<SearchKind, Source> = {
  paragraph: {
    kind: 'paragraph',
    fts: 'paragraphs_fts',
    bm25: 'bm25(paragraphs_fts)',
    hidden: 'SELECT p.rowid FROM articles a JOIN paragraphs p ON p.article_id = a.id WHERE a.import_job IS NOT NULL',
    rows: `SELECT p.id, p.article_id, p.position, p.page, p.text, a.title
      FROM f JOIN paragraphs p ON p.rowid = f.rowid JOIN articles a ON a.id = p.article_id
      WHERE p.deleted_at IS NULL AND a.deleted_at IS NULL
      ORDER BY f.score, f.rowid`
  },
  note: {
    kind: 'note',
    fts: 'notes_fts',
    bm25: 'bm25(notes_fts, 4.0, 1.0)',
    hidden: null,
    // A note of a deleted article keeps no article.
    rows: `SELECT n.id, n.title, n.text, n.project_id, a.id AS article_id, a.title AS article_title
      FROM f JOIN notes n ON n.rowid = f.rowid LEFT JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
      WHERE n.deleted_at IS NULL
      ORDER BY f.score, f.rowid`
  },
  highlight: {
    kind: 'highlight',
    fts: 'highlights_fts',
    bm25: 'bm25(highlights_fts)',
    hidden: null,
    // The paragraph named is the one the highlight starts in (its first target), when it is still in the article.
    rows: `SELECT h.id, h.color, h.comment, h.targets, h.article_id, a.title AS article_title, p.position, p.page
      FROM f JOIN highlights h ON h.rowid = f.rowid JOIN articles a ON a.id = h.article_id
      LEFT JOIN paragraphs p ON p.article_id = h.article_id AND p.deleted_at IS NULL
        AND p.id = (CASE WHEN json_valid(h.targets) THEN json_extract(h.targets, '$[0].paragraphId') END)
      WHERE h.deleted_at IS NULL AND a.deleted_at IS NULL
      ORDER BY f.score, f.rowid`
  }
}

interface ParagraphRow {
  id: string
  article_id: string
  position: number
  page: string | null
  text: string
  title: string
}

interface NoteRow {
  id: string
  title: string
  text: string
  project_id: string | null
  article_id: string | null
  article_title: string | null
}

interface HighlightRow {
  id: string
  color: HighlightColor
  comment: string
  targets: string
  article_id: string
  article_title: string
  position: number | null
  page: string | null
}

// ------------------------------------------------------------------------------------------- statements

/** Prepared statements by SQL text, per connection (a search uses a handful of shapes). */
const statements = new WeakMap<DB, Map<string, Statement>>()

function prepared(db: DB, sql: string): Statement {
  let byText = statements.get(db)
  if (!byText) statements.set(db, (byText = new Map()))
  let s = byText.get(sql)
  if (!s) byText.set(sql, (s = db.prepare(sql)))
  return s
}

/** Whether `phrase` matches more than COMMON_MATCHES texts of the table (stops counting there). */
function isCommon(db: DB, src: Source, phrase: string): boolean {
  const probe = (p: string): boolean =>
    prepared(db, `SELECT 1 FROM ${src.fts} WHERE ${src.fts} MATCH ? LIMIT 1 OFFSET ${COMMON_MATCHES}`).get(p) !== undefined
  // A prefix matches at least what its whole word matches, and the word's one list is cheaper to read than the
  // lists of every word it begins (merged on each query): a common word settles it.
  return (phrase.endsWith('*') && probe(phrase.slice(0, -1))) || probe(phrase)
}

/** The candidates query: the FTS subquery with its LIMIT (filters on rowids only, no join), then the hit rows. */
function candidatesSql(src: Source, plan: CandidatePlan, scope: string | null): string {
  const where = [`${src.fts} MATCH @match`, 'rowid BETWEEN @lo AND @hi']
  if (plan.order === 'bm25' && plan.filter) where.push(`+rowid IN (SELECT rowid FROM ${src.fts} WHERE ${src.fts} MATCH @filter)`)
  if (scope) where.push(`+rowid IN (${scope})`)
  if (src.hidden) where.push(`+rowid NOT IN (${src.hidden})`)
  // "+rowid": a filter on the rows FTS5 returns, not a rowid lookup in the index (which would run the query per value).
  const pick =
    plan.order === 'bm25'
      ? `SELECT rowid, ${src.bm25} AS score FROM ${src.fts} WHERE ${where.join(' AND ')} ORDER BY score, rowid LIMIT @n`
      : `SELECT rowid, -rowid AS score FROM ${src.fts} WHERE ${where.join(' AND ')} ORDER BY rowid DESC LIMIT @n`
  return `WITH f AS MATERIALIZED (${pick}) ${src.rows}`
}

/** The rowid range of a scope (so FTS5 reads only that stretch of its lists), or null when nothing is in scope. */
function scopeRange(db: DB, scope: Scope, kind: SearchKind): { lo: number; hi: number } | null {
  const sql = scope.rowids[kind]
  if (!sql) return { lo: -Number.MAX_SAFE_INTEGER, hi: Number.MAX_SAFE_INTEGER }
  const r = prepared(db, `SELECT min(r) AS lo, max(r) AS hi FROM (${sql})`).get(scope.params) as { lo: number | null; hi: number | null }
  return r.lo === null || r.hi === null ? null : { lo: r.lo, hi: r.hi }
}

function candidates<Row>(db: DB, kind: SearchKind, query: SearchQuery, scope: Scope, n: number): Row[] {
  const src = SOURCES[kind]
  const range = scopeRange(db, scope, kind)
  if (!range) return []
  const plan = planCandidates(query.phrases, query.phrases.map((p) => isCommon(db, src, p)))
  const params: Record<string, unknown> = { ...scope.params, ...range, n: plan.order === 'recent' ? Math.max(n, RECENT_CANDIDATES) : n }
  params.match = plan.order === 'bm25' ? plan.rank : plan.filter
  if (plan.order === 'bm25' && plan.filter) params.filter = plan.filter
  return prepared(db, candidatesSql(src, plan, scope.rowids[kind])).all(params) as Row[]
}

// ------------------------------------------------------------------------------------------------- search

interface Scored {
  score: number
  scanned: ScannedText
  hit: (snippet: { snippet: string; matches: [number, number][] }) => SearchHit
}

const NO_HIT = {
  articleId: null,
  articleTitle: null,
  paragraphId: null,
  paragraphNumber: null,
  page: null,
  noteId: null,
  noteTitle: null,
  projectId: null,
  highlightId: null,
  highlightColor: null,
  quote: null
} satisfies Omit<SearchHit, 'kind' | 'snippet' | 'matches'>

/** The highlighted passage (every segment, in order) and the paragraph it starts in, from the stored targets. */
function readTargets(json: string): { paragraphId: string | null; quote: string } {
  try {
    const targets = JSON.parse(json) as { paragraphId?: unknown; quote?: { exact?: unknown } }[]
    const quote = targets.map((t) => (typeof t.quote?.exact === 'string' ? t.quote.exact : '')).join(' ')
    const first = targets[0]?.paragraphId
    return { paragraphId: typeof first === 'string' ? first : null, quote: firstWords(quote, SNIPPET_LENGTH) }
  } catch {
    return { paragraphId: null, quote: '' }
  }
}

function field(scanned: { counts: number[]; words: number }, avgWords: number, weight = 1): RankField {
  return { counts: scanned.counts, words: scanned.words, avgWords, weight }
}

function scoreParagraphs(rows: ParagraphRow[], query: SearchQuery): Scored[] {
  const n = query.terms.length
  return rows.map((r) => {
    const scanned = scanForSnippet(r.text, query.terms, SCAN_CHARS)
    return {
      score: relevance([field(scanned, AVG_WORDS.paragraph)], n),
      scanned,
      hit: (s) => ({
        ...NO_HIT,
        kind: 'paragraph',
        articleId: r.article_id,
        articleTitle: r.title,
        paragraphId: r.id,
        paragraphNumber: r.position + 1,
        page: r.page,
        ...s
      })
    }
  })
}

function scoreNotes(rows: NoteRow[], query: SearchQuery): Scored[] {
  const n = query.terms.length
  return rows.map((r) => {
    const scanned = scanForSnippet(r.text, query.terms, SCAN_CHARS)
    const title = { counts: scanText(r.title, query.terms).counts, words: wordCount(r.title) }
    return {
      score: relevance([field(title, AVG_WORDS.title, TITLE_WEIGHT), field(scanned, AVG_WORDS.note)], n),
      scanned,
      hit: (s) => ({
        ...NO_HIT,
        kind: 'note',
        articleId: r.article_id,
        articleTitle: r.article_title,
        noteId: r.id,
        noteTitle: r.title,
        projectId: r.project_id,
        ...s
      })
    }
  })
}

function scoreHighlights(rows: HighlightRow[], query: SearchQuery): Scored[] {
  const n = query.terms.length
  return rows.map((r) => {
    const scanned = scanForSnippet(r.comment, query.terms, SCAN_CHARS)
    return {
      score: relevance([field(scanned, AVG_WORDS.comment)], n),
      scanned,
      hit: (s) => {
        const { paragraphId, quote } = readTargets(r.targets)
        return {
          ...NO_HIT,
          kind: 'highlight',
          articleId: r.article_id,
          articleTitle: r.article_title,
          paragraphId,
          paragraphNumber: r.position === null ? null : r.position + 1,
          page: r.position === null ? null : r.page,
          highlightId: r.id,
          highlightColor: r.color,
          quote,
          ...s
        }
      }
    }
  })
}

export function search(ctx: Ctx, req: SearchRequest): SearchHit[] {
  const query = buildSearchQuery(req.query)
  if (!query) return []
  const limit = req.limit ?? DEFAULT_LIMIT
  const kinds = new Set(req.kinds ?? SEARCH_KINDS)
  let scope = LIBRARY
  if (req.articleId !== undefined) {
    if (!articleExists(ctx.db, req.articleId)) throw new GlossError('not_found', 'This article is not in the library (it may have been deleted).')
    scope = articleScope(req.articleId)
  }
  const n = Math.max(limit, MIN_CANDIDATES)
  const scored: Scored[] = []
  try {
    // In SEARCH_KINDS order: the stable sort below keeps it (and each table's own order) among equal scores.
    if (kinds.has('paragraph')) scored.push(...scoreParagraphs(candidates<ParagraphRow>(ctx.db, 'paragraph', query, scope, n), query))
    if (kinds.has('note')) scored.push(...scoreNotes(candidates<NoteRow>(ctx.db, 'note', query, scope, n), query))
    if (kinds.has('highlight')) scored.push(...scoreHighlights(candidates<HighlightRow>(ctx.db, 'highlight', query, scope, n), query))
  } catch (error) {
    throw new GlossError('internal', `The search could not be run: ${(error as Error).message}`)
  }
  // Higher is better.
  scored.sort((a, b) => b.score - a.score)
  return scored.slice(0, limit).map((s) => {
    const { snippet, matches } = snippetOf(s.scanned)
    return s.hit({ snippet, matches })
  })
}
