// The per-paragraph analysis cache (paragraph_analysis): what the NLP engine found in each paragraph, keyed by
// article, paragraph and the hash of the text it was computed from. Derived data: rows are replaced or dropped.
import type { DB } from './database'

export interface CachedAnalysis {
  paragraphId: string
  textHash: string
  engine: string
  /** The engine's result as stored (JSON), handed to the analysis worker unparsed. */
  result: string
}

interface Row {
  paragraph_id: string
  text_hash: string
  engine: string
  result: string
}

/** Every cached result of an article, by paragraph id. */
export function cachedResults(db: DB, articleId: string): Map<string, CachedAnalysis> {
  const rows = db.prepare('SELECT paragraph_id, text_hash, engine, result FROM paragraph_analysis WHERE article_id = ?').all(articleId) as Row[]
  return new Map(rows.map((r) => [r.paragraph_id, { paragraphId: r.paragraph_id, textHash: r.text_hash, engine: r.engine, result: r.result }]))
}

/** Stores new results (replacing older ones of the same paragraphs). Call inside a write transaction. */
export function storeResults(db: DB, articleId: string, results: CachedAnalysis[], now: string): void {
  const upsert = db.prepare(
    `INSERT INTO paragraph_analysis (article_id, paragraph_id, text_hash, engine, result, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_id, paragraph_id) DO UPDATE SET text_hash = excluded.text_hash, engine = excluded.engine,
       result = excluded.result, updated_at = excluded.updated_at`
  )
  for (const r of results) upsert.run(articleId, r.paragraphId, r.textHash, r.engine, r.result, now, now)
}

/** Drops the cached results of paragraphs that are no longer live (after a re-import). Call inside a write transaction. */
export function dropStale(db: DB, articleId: string): number {
  return db
    .prepare(
      `DELETE FROM paragraph_analysis WHERE article_id = ?
         AND paragraph_id NOT IN (SELECT id FROM paragraphs WHERE article_id = ? AND deleted_at IS NULL)`
    )
    .run(articleId, articleId).changes
}
