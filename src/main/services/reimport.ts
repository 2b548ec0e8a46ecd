// Re-import: a newer version of an article's file replaces its text; paragraph ids carry over (see reimport helper).
import { GlossError, type ReimportRequest, type ReimportResult } from '../../core/api'
import type { Ctx } from './context'

export function reimportArticle(ctx: Ctx, req: ReimportRequest): ReimportResult {
  void ctx
  void req
  throw new GlossError('internal', 'Updating an article from a file is not available yet.')
}
