// The `[[` citation suggestion in a note: matching paragraphs from the note's own article first, then the sources of
// its project, then the rest of the library, each with the matched words in context. FTS5 finds them; the snippet
// and its match ranges are cut in TS (core/search/snippet.ts), as for search.
import type { ParagraphSuggestion, SuggestParagraphsRequest } from '../../core/api'
import { GlossError } from '../../core/api'
import { shortTitle } from '../../core/details/display'
import { buildSearchQuery } from '../../core/search/query'
import { firstWords } from '../../core/search/paragraphs'
import { makeSnippet } from '../../core/search/snippet'
import type { Ctx } from './context'

export const DEFAULT_SUGGESTIONS = 20
const SNIPPET_CHARS = 120

interface Row {
  id: string
  article_id: string
  position: number
  page: string | null
  text: string
  title: string
}

const COLUMNS = 'p.id, p.article_id, p.position, p.page, p.text, a.title'
const LIVE = 'p.deleted_at IS NULL AND a.deleted_at IS NULL'
const IN_PROJECT = `p.article_id IN (SELECT article_id FROM project_sources WHERE project_id = @project AND deleted_at IS NULL)`

const TIERS: { scope: ParagraphSuggestion['scope']; where: string }[] = [
  { scope: 'article', where: 'p.article_id = @article' },
  { scope: 'project', where: `${IN_PROJECT} AND p.article_id <> @article` },
  { scope: 'library', where: `p.article_id <> @article AND NOT ${IN_PROJECT}` }
]

function suggestion(r: Row, scope: ParagraphSuggestion['scope'], snippet: string, matches: [number, number][]): ParagraphSuggestion {
  return {
    articleId: r.article_id,
    articleTitle: r.title,
    shortTitle: shortTitle(r.title),
    paragraphId: r.id,
    number: r.position + 1,
    page: r.page,
    snippet,
    matches,
    scope
  }
}

export function suggestParagraphs(ctx: Ctx, req: SuggestParagraphsRequest): ParagraphSuggestion[] {
  const limit = req.limit ?? DEFAULT_SUGGESTIONS
  const text = req.query.trim()
  const params = { article: req.articleId ?? '', project: req.projectId ?? '' }
  const out: ParagraphSuggestion[] = []
  const seen = new Set<string>()
  const add = (s: ParagraphSuggestion): void => {
    const key = `${s.articleId}\u0000${s.paragraphId}`
    if (out.length < limit && !seen.has(key)) {
      seen.add(key)
      out.push(s)
    }
  }

  // "12" or "¶12": that paragraph of the note's article.
  const number = /^¶?\s*(\d{1,7})$/.exec(text)
  if (req.articleId && (number || !text)) {
    const rows = ctx.db
      .prepare(
        `SELECT ${COLUMNS} FROM paragraphs p JOIN articles a ON a.id = p.article_id
         WHERE p.article_id = @article AND ${LIVE} ${number ? 'AND p.position = @position' : ''}
         ORDER BY p.position LIMIT @limit`
      )
      .all({ ...params, position: number ? Number(number[1]) - 1 : 0, limit }) as Row[]
    for (const r of rows) add(suggestion(r, 'article', firstWords(r.text, SNIPPET_CHARS), []))
  }
  if (!text) return out

  const query = buildSearchQuery(text)
  if (!query) return out
  try {
    for (const tier of TIERS) {
      if (out.length >= limit) break
      if (tier.scope === 'article' && !req.articleId) continue
      if (tier.scope === 'project' && !req.projectId) continue
      const rows = ctx.db
        .prepare(
          `SELECT ${COLUMNS} FROM paragraphs_fts
           JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid
           JOIN articles a ON a.id = p.article_id
           WHERE paragraphs_fts MATCH @match AND ${LIVE} AND ${tier.where}
           ORDER BY bm25(paragraphs_fts), a.title, p.position
           LIMIT @limit`
        )
        .all({ ...params, match: query.match, limit: limit - out.length }) as Row[]
      for (const r of rows) {
        const { snippet, matches } = makeSnippet(r.text, query.terms, SNIPPET_CHARS)
        add(suggestion(r, tier.scope, snippet, matches))
      }
    }
  } catch (error) {
    throw new GlossError('internal', `The suggestions could not be found: ${(error as Error).message}`)
  }
  return out
}
