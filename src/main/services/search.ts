// Full-text search over paragraphs and notes. FTS5 finds the candidates (the best of each table by bm25);
// they are then ranked together with one score (core/search/rank.ts explains why). Only plain text
// crosses the bridge: snippets are cut and their match ranges computed here, in TS, from the query's terms.
import { GlossError, type SearchHit, type SearchRequest } from '../../core/api'
import { buildSearchQuery } from '../../core/search/query'
import { relevance } from '../../core/search/rank'
import { makeSnippet, scanText, wordCount } from '../../core/search/snippet'
import type { Statement } from 'better-sqlite3'
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
const AVG_WORDS = { paragraph: 60, note: 250, title: 4 }

interface ParagraphRow {
  rank: number
  id: string
  article_id: string
  position: number
  page: string | null
  text: string
  title: string
}

interface NoteRow {
  rank: number
  id: string
  title: string
  text: string
  article_id: string | null
  article_title: string | null
}

// Paragraphs of deleted articles stay indexed (the article is tombstoned, its paragraphs are not): the join drops them.
const PARAGRAPHS_SQL = `
  SELECT bm25(paragraphs_fts) AS rank, p.id, p.article_id, p.position, p.page, p.text, a.title
  FROM paragraphs_fts
  JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid
  JOIN articles a ON a.id = p.article_id
  WHERE paragraphs_fts MATCH ? AND p.deleted_at IS NULL AND a.deleted_at IS NULL
  ORDER BY rank, a.title, p.position
  LIMIT ?`

// A title match weighs more than the same words in the text. A note of a deleted article keeps no article.
const NOTES_SQL = `
  SELECT bm25(notes_fts, 4.0, 1.0, 0.0) AS rank, n.id, n.title, n.text, a.id AS article_id, a.title AS article_title
  FROM notes_fts
  JOIN notes n ON n.rowid = notes_fts.rowid
  LEFT JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
  WHERE notes_fts MATCH ? AND n.deleted_at IS NULL
  ORDER BY rank, n.updated_at DESC
  LIMIT ?`

type Stmt = Statement<[string, number]>
const statements = new WeakMap<DB, { paragraphs: Stmt; notes: Stmt }>()

function prepared(db: DB): { paragraphs: Stmt; notes: Stmt } {
  let s = statements.get(db)
  if (!s) {
    s = { paragraphs: db.prepare<[string, number]>(PARAGRAPHS_SQL), notes: db.prepare<[string, number]>(NOTES_SQL) }
    statements.set(db, s)
  }
  return s
}

export function search(ctx: Ctx, req: SearchRequest): SearchHit[] {
  const query = buildSearchQuery(req.query)
  if (!query) return []
  const limit = req.limit ?? DEFAULT_LIMIT
  const stmts = prepared(ctx.db)
  let paragraphs: ParagraphRow[]
  let notes: NoteRow[]
  try {
    const candidates = Math.max(limit, MIN_CANDIDATES)
    paragraphs = stmts.paragraphs.all(query.match, candidates) as ParagraphRow[]
    notes = stmts.notes.all(query.match, candidates) as NoteRow[]
  } catch (error) {
    throw new GlossError('internal', `The search could not be run: ${(error as Error).message}`)
  }
  const n = query.terms.length

  const pSnippets = paragraphs.map((r) => makeSnippet(r.text, query.terms))
  const nSnippets = notes.map((r) => makeSnippet(r.text, query.terms))
  const nTitles = notes.map((r) => scanText(r.title, query.terms).counts)
  const nTitleWords = notes.map((r) => wordCount(r.title))

  const scored: { score: number; hit: SearchHit }[] = [
    ...paragraphs.map((r, i) => ({
      score: relevance([{ counts: pSnippets[i].counts, words: pSnippets[i].words, avgWords: AVG_WORDS.paragraph, weight: 1 }], n),
      hit: {
        kind: 'paragraph' as const,
        articleId: r.article_id,
        articleTitle: r.title,
        paragraphId: r.id,
        paragraphNumber: r.position + 1,
        page: r.page,
        noteId: null,
        noteTitle: null,
        snippet: pSnippets[i].snippet,
        matches: pSnippets[i].matches
      }
    })),
    ...notes.map((r, i) => ({
      score: relevance(
        [
          { counts: nTitles[i], words: nTitleWords[i], avgWords: AVG_WORDS.title, weight: TITLE_WEIGHT },
          { counts: nSnippets[i].counts, words: nSnippets[i].words, avgWords: AVG_WORDS.note, weight: 1 }
        ],
        n
      ),
      hit: {
        kind: 'note' as const,
        articleId: r.article_id,
        articleTitle: r.article_title,
        paragraphId: null,
        paragraphNumber: null,
        page: null,
        noteId: r.id,
        noteTitle: r.title,
        snippet: nSnippets[i].snippet,
        matches: nSnippets[i].matches
      }
    }))
  ]
  // Higher is better; the stable sort keeps bm25's order among equals.
  scored.sort((a, b) => b.score - a.score)
  return scored.slice(0, limit).map((s) => s.hit)
}
