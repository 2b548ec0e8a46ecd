// Full-text search over paragraphs and notes (FTS5).
import { GlossError, type SearchHit, type SearchRequest } from '../../core/api'
import type { Ctx } from './context'

export function search(ctx: Ctx, req: SearchRequest): SearchHit[] {
  void ctx
  void req
  throw new GlossError('internal', 'Search is not available yet.')
}
