// ACH matrix services: a project's competing-hypotheses matrices, saved like notes — the editor saves often with the
// revision it started from; when someone else saved in between, nothing is overwritten and the edit is kept as a
// conflicted copy (in the same transaction), so no rating is ever lost.
import * as v from 'valibot'
import { AchMatrixSchema, GlossError, type AchMatrixRecord, type AchMatrixSummary, type AchEvidenceSource, type SaveAchResult } from '../../core/api'
import { PARSE_CONFIG } from '../../core/api/fields'
import { ACH_FORMAT, checkMatrix, conflictedCopyTitle, emptyMatrix, scoreMatrix, type AchEvidence, type AchMatrix, type AchSource } from '../../core/analysis/ach'
import { newId, nowIso } from '../../core/ids'
import type { AchMatrixInput, CreateAchRequest, SaveAchRequest } from '../../core/api'
import * as repo from '../db/ach'
import * as articles from '../db/articles'
import { writeTx } from '../db/database'
import { getHighlight } from '../db/highlights'
import * as projects from '../db/projects'
import type { Ctx } from './context'

const NOT_FOUND = 'This matrix no longer exists (it may have been deleted).'
const NO_PROJECT = 'This project does not exist (it may have been deleted).'

const NEWER = (v: number): string => `This matrix was made by a newer version of Gloss (format ${v}). It is shown read-only so nothing is lost.`
const DAMAGED = "This matrix's stored data is damaged and cannot be opened. It has not been changed."

/** A checked matrix input as the core's type: each source with the fields of its kind only. */
function asMatrix(m: AchMatrixInput): AchMatrix {
  return {
    title: m.title,
    hypotheses: m.hypotheses.map((h) => ({ id: h.id, label: h.label })),
    evidence: m.evidence.map((e) => {
      const s = e.source
      const source: AchSource | null = !s
        ? null
        : s.kind === 'highlight'
          ? { kind: 'highlight', highlightId: s.highlightId!, articleId: s.articleId, paragraphId: s.paragraphId, quote: s.quote ?? '' }
          : { kind: 'paragraph', articleId: s.articleId, paragraphId: s.paragraphId!, quote: s.quote ?? '' }
      return { id: e.id, label: e.label, source, credibility: e.credibility, relevance: e.relevance, ratings: e.ratings as AchEvidence['ratings'] }
    })
  }
}

function parseStored(row: repo.AchRow): { matrix: AchMatrix | null; readOnlyReason: string | null } {
  let matrix: AchMatrix | null = null
  try {
    const parsed = v.safeParse(AchMatrixSchema, JSON.parse(row.doc), PARSE_CONFIG)
    if (parsed.success) matrix = asMatrix(parsed.output)
  } catch {
    matrix = null
  }
  if (row.doc_version !== ACH_FORMAT) return { matrix, readOnlyReason: NEWER(row.doc_version) }
  return matrix ? { matrix, readOnlyReason: null } : { matrix: null, readOnlyReason: DAMAGED }
}

function summaryOf(row: repo.AchRow, matrix: AchMatrix | null): AchMatrixSummary {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    revision: row.revision,
    hypothesisCount: matrix?.hypotheses.length ?? 0,
    evidenceCount: matrix?.evidence.length ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

/** Where each piece of evidence stands now: its source's title and the paragraph's current number. */
function sourcesOf(ctx: Ctx, matrix: AchMatrix): Record<string, AchEvidenceSource> {
  const out: Record<string, AchEvidenceSource> = {}
  const titles = new Map<string, string | null>()
  const wanted = new Map<string, Set<string>>()
  for (const e of matrix.evidence) {
    if (!e.source) continue
    if (!titles.has(e.source.articleId)) titles.set(e.source.articleId, articles.getArticleSummary(ctx.db, e.source.articleId)?.title ?? null)
    if (e.source.paragraphId) {
      if (!wanted.has(e.source.articleId)) wanted.set(e.source.articleId, new Set())
      wanted.get(e.source.articleId)!.add(e.source.paragraphId)
    }
  }
  const found = new Map<string, { number: number; page: string | null }>()
  for (const [articleId, ids] of wanted) {
    for (const p of articles.getParagraphsByIds(ctx.db, articleId, [...ids])) found.set(`${articleId}:${p.id}`, { number: p.index + 1, page: p.page ?? null })
  }
  for (const e of matrix.evidence) {
    if (!e.source) continue
    const title = titles.get(e.source.articleId) ?? null
    const at = e.source.paragraphId && title !== null ? found.get(`${e.source.articleId}:${e.source.paragraphId}`) : undefined
    out[e.id] = { articleId: e.source.articleId, articleTitle: title, paragraphId: e.source.paragraphId, paragraphNumber: at?.number ?? null, page: at?.page ?? null }
  }
  return out
}

function recordOf(ctx: Ctx, row: repo.AchRow): AchMatrixRecord {
  const { matrix, readOnlyReason } = parseStored(row)
  return {
    ...summaryOf(row, matrix),
    matrix,
    readOnlyReason,
    scores: matrix ? scoreMatrix(matrix) : null,
    sources: matrix ? sourcesOf(ctx, matrix) : {}
  }
}

/** A live matrix of a live project. */
function requireRow(ctx: Ctx, id: string): repo.AchRow {
  const row = repo.getMatrix(ctx.db, id)
  if (!row || !projects.projectExists(ctx.db, row.project_id)) throw new GlossError('not_found', NOT_FOUND)
  return row
}

const sameSource = (a: AchEvidence['source'], b: AchEvidence['source']): boolean =>
  JSON.stringify(a && [a.kind, a.articleId, a.paragraphId, a.kind === 'highlight' ? a.highlightId : null]) ===
  JSON.stringify(b && [b.kind, b.articleId, b.paragraphId, b.kind === 'highlight' ? b.highlightId : null])

/**
 * Evidence picked (or re-picked) in this edit must come from one of the project's sources, from a paragraph or a
 * highlight that is there. Evidence saved before keeps its source even if that source has left the project since.
 */
function checkSources(ctx: Ctx, projectId: string, matrix: AchMatrix, previous: AchMatrix | null): void {
  const project = projects.getProject(ctx.db, projectId)
  if (!project) throw new GlossError('not_found', NO_PROJECT)
  const inProject = new Set(project.articleIds)
  const before = new Map((previous?.evidence ?? []).map((e) => [e.id, e.source]))
  matrix.evidence.forEach((e, i) => {
    if (!e.source || (before.has(e.id) && sameSource(before.get(e.id)!, e.source))) return
    const what = `evidence ${i + 1} (“${short(e.label || e.source.quote)}”)`
    const fail = (why: string): never => {
      throw new GlossError('invalid_input', `The matrix was not saved: ${what} ${why}.`)
    }
    if (!inProject.has(e.source.articleId)) fail('comes from a source that is not in this project')
    if (e.source.kind === 'highlight') {
      const h = getHighlight(ctx.db, e.source.highlightId)
      if (!h || h.articleId !== e.source.articleId) fail('comes from a highlight that no longer exists')
    }
    if (e.source.paragraphId && articles.getParagraphsByIds(ctx.db, e.source.articleId, [e.source.paragraphId]).length === 0) {
      fail('cites a paragraph that is no longer in its source')
    }
  })
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > 40 ? `${t.slice(0, 39).trimEnd()}…` : t || 'untitled'
}

export function listAchMatrices(ctx: Ctx, projectId: string): AchMatrixSummary[] {
  if (!projects.projectExists(ctx.db, projectId)) throw new GlossError('not_found', NO_PROJECT)
  return repo.matricesOfProject(ctx.db, projectId).map((row) => summaryOf(row, parseStored(row).matrix))
}

/** A project's live matrices in full (for its report). */
export function matricesForReport(ctx: Ctx, projectId: string): AchMatrixRecord[] {
  return repo.matricesOfProject(ctx.db, projectId).map((row) => recordOf(ctx, row))
}

export function getAchMatrix(ctx: Ctx, id: string): AchMatrixRecord {
  return recordOf(ctx, requireRow(ctx, id))
}

export function createAchMatrix(ctx: Ctx, req: CreateAchRequest): AchMatrixRecord {
  const id = newId()
  writeTx(ctx.db, () => {
    if (!projects.projectExists(ctx.db, req.projectId)) throw new GlossError('not_found', NO_PROJECT)
    const matrix = checkMatrix({ ...(req.matrix ? asMatrix(req.matrix) : emptyMatrix(req.title)), title: req.title })
    checkSources(ctx, req.projectId, matrix, null)
    repo.insertMatrix(ctx.db, { id, projectId: req.projectId, title: matrix.title, doc: JSON.stringify(matrix), docVersion: ACH_FORMAT }, nowIso())
  })
  return getAchMatrix(ctx, id)
}

export function saveAchMatrix(ctx: Ctx, req: SaveAchRequest): SaveAchResult {
  const matrix = checkMatrix(asMatrix(req.matrix))
  const outcome = writeTx(ctx.db, (): { saved: true } | { saved: false; copyId: string } => {
    const row = requireRow(ctx, req.id)
    const stored = parseStored(row)
    if (stored.readOnlyReason) throw new GlossError('conflict', `This matrix is read-only and was not saved. ${stored.readOnlyReason}`)
    checkSources(ctx, row.project_id, matrix, stored.matrix)
    const doc = JSON.stringify(matrix)
    if (repo.saveMatrix(ctx.db, { id: req.id, baseRevision: req.baseRevision, title: matrix.title, doc, docVersion: ACH_FORMAT }, nowIso())) return { saved: true }
    const copyId = newId()
    const title = conflictedCopyTitle(matrix.title)
    repo.insertMatrix(ctx.db, { id: copyId, projectId: row.project_id, title, doc: JSON.stringify({ ...matrix, title }), docVersion: ACH_FORMAT }, nowIso())
    return { saved: false, copyId }
  })
  if (outcome.saved) return { ok: true, matrix: getAchMatrix(ctx, req.id) }
  return { ok: false, conflict: true, current: getAchMatrix(ctx, req.id), copy: getAchMatrix(ctx, outcome.copyId) }
}

export function deleteAchMatrix(ctx: Ctx, id: string): void {
  writeTx(ctx.db, () => {
    requireRow(ctx, id)
    repo.tombstoneMatrix(ctx.db, id, nowIso())
  })
}

export function restoreAchMatrix(ctx: Ctx, id: string): AchMatrixSummary {
  writeTx(ctx.db, () => {
    const row = repo.getMatrixRow(ctx.db, id)
    if (!row || !row.deleted_at) throw new GlossError('not_found', 'This matrix cannot be restored: it is there already, or it never was.')
    if (!projects.projectExists(ctx.db, row.project_id)) throw new GlossError('not_found', 'This matrix cannot be restored: its project was deleted.')
    repo.restoreMatrix(ctx.db, id, nowIso())
  })
  const row = requireRow(ctx, id)
  return summaryOf(row, parseStored(row).matrix)
}
