// Report step "ach": a project's competing-hypotheses matrices as tables — evidence down, hypotheses across, each
// evidence row linked to its paragraph in the report, the weighted inconsistency and rank under each hypothesis,
// non-diagnostic evidence marked. Scores come from core/analysis/ach.ts.
import { scoreMatrix, type AchMatrix, type AchRating, type AchWeight } from '../analysis/ach'
import type { Article } from '../model'
import type { ReportAchMatrix } from './model'
import type { PlannedSource } from './sources'
import { paragraphAnchor } from './text'

export interface AchInput {
  id: string
  title: string
  matrix: AchMatrix
}

/**
 * The matrices as report tables. `planned` gives each source's section (for anchors); `shown` says whether a
 * paragraph appears in its section (evidence paragraphs are shown, see evidenceParagraphs).
 */
export function buildAchTables(
  inputs: AchInput[],
  articles: Record<string, Article>,
  planned: Map<string, PlannedSource>,
  several: boolean
): ReportAchMatrix[] {
  return inputs.map((input, i): ReportAchMatrix => {
    const { matrix } = input
    const scores = scoreMatrix(matrix)
    const byId = new Map(scores.ranking.map((h) => [h.id, h]))
    return {
      id: input.id,
      title: input.title,
      anchor: `ach-${i + 1}`,
      hypotheses: matrix.hypotheses.map((h) => {
        const s = byId.get(h.id)!
        return { id: h.id, label: h.label, rank: s.rank, inconsistency: s.inconsistency, weighted: s.weighted }
      }),
      ranking: scores.ranking.map((h) => h.id),
      rows: matrix.evidence.map((e, j) => {
        const score = scores.evidence[j]
        const src = e.source
        const article = src ? articles[src.articleId] : undefined
        const section = src ? planned.get(src.articleId) : undefined
        const paragraph = src?.paragraphId && article ? article.paragraphs.find((p) => p.id === src.paragraphId) : undefined
        const where = paragraph ? `¶${paragraph.index + 1}${paragraph.page ? `, p. ${paragraph.page}` : ''}` : null
        return {
          label: e.label,
          quote: src?.quote ?? '',
          source: src ? (article ? (several && section ? `${section.shortTitle}, ${where ?? '¶?'}` : (where ?? '')) : 'deleted source') : null,
          anchor: paragraph && section ? paragraphAnchor(paragraph.id, section.k) : null,
          missing: !!src && !paragraph,
          credibility: e.credibility as AchWeight,
          relevance: e.relevance as AchWeight,
          ratings: matrix.hypotheses.map((h) => (e.ratings[h.id] ?? null) as AchRating | null),
          diagnosticity: score.diagnosticity,
          nonDiagnostic: score.nonDiagnostic
        }
      })
    }
  })
}

/** The paragraphs the matrices cite, per article: shown in the report's excerpts so that evidence rows can link to them. */
export function evidenceParagraphs(inputs: AchInput[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const { matrix } of inputs) {
    for (const e of matrix.evidence) {
      if (!e.source?.paragraphId) continue
      if (!out.has(e.source.articleId)) out.set(e.source.articleId, new Set())
      out.get(e.source.articleId)!.add(e.source.paragraphId)
    }
  }
  return out
}
