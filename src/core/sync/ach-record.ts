// ACH matrices in a shared project: the mapping between an `ach_matrices` row (migration 005) and its record in the
// project document, both ways, and the rule for a colleague's save that arrives while this member's own differs.
//
// How a shared matrix merges. A matrix is one record in the project document, like a note's title: each field a
// plain value replaced whole, so the last writer wins per field — and the matrix (hypotheses, evidence, ratings,
// weights) is one field, so the last save wins per matrix. That is what shared notes' records do (their title, their
// tombstone), and a matrix has no CRDT of its own to merge cell by cell. Two rules keep every save a user saw:
//   - in this library, a colleague's change bumps the row's revision like a save, so an editor still open on the
//     older revision saves into a conflicted copy (the rule of services/ach.ts, unchanged);
//   - a save that lost to a concurrent one (two members saved from the same version before seeing each other's) is
//     kept by the member who made it as a conflicted copy — a new shared matrix — decided by `version`/`history`
//     (lostSave below): only the loser makes the copy, so there is exactly one.
import type { AchMatrixRecord } from './records'
import { ACH_HISTORY } from './records'

/** An `ach_matrices` row as SQLite gives it. */
export interface AchRowShape {
  id: string
  project_id: string
  title: string
  doc: string
  doc_version: number
  revision: number
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** The sync fields a record carries beside the row's own. */
export interface AchSyncFields {
  version: string
  history: string[]
  editedBy: string
}

/** A row as the raw record to check and share (its matrix parsed; unreadable JSON becomes null and fails the check). */
export function achRowToRecord(row: AchRowShape, sync: AchSyncFields): Record<string, unknown> {
  let matrix: unknown = null
  try {
    const parsed = JSON.parse(row.doc) as Record<string, unknown>
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) matrix = { hypotheses: parsed.hypotheses, evidence: parsed.evidence }
  } catch {
    matrix = null
  }
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    format: row.doc_version,
    matrix,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: sync.version,
    history: sync.history,
    editedBy: sync.editedBy
  }
}

/** A checked record as the row's columns (the doc JSON is what services/ach.ts stores: title, hypotheses, evidence). */
export function achRecordToRow(r: AchMatrixRecord): Omit<AchRowShape, 'revision'> {
  return {
    id: r.id,
    project_id: r.projectId,
    title: r.title,
    doc: JSON.stringify({ title: r.title, hypotheses: r.matrix.hypotheses, evidence: r.matrix.evidence }),
    doc_version: r.format,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    deleted_at: r.deletedAt
  }
}

/** Whether a row holds what a record says (title, matrix, format, tombstone; times aside). */
export function sameAchContent(row: Pick<AchRowShape, 'title' | 'doc' | 'doc_version' | 'deleted_at'>, r: AchMatrixRecord): boolean {
  const mapped = achRecordToRow(r)
  return row.title === mapped.title && row.doc_version === mapped.doc_version && (row.deleted_at === null) === (mapped.deleted_at === null) && sameJson(row.doc, mapped.doc)
}

function sameJson(a: string, b: string): boolean {
  if (a === b) return true
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b))
  } catch {
    return false
  }
}

/** JSON with every object's keys in order (two matrices equal in content compare equal whatever their key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The sync fields of a new save made on top of `before` (the version the document held). */
export function nextVersion(before: Pick<AchSyncFields, 'version' | 'history'> | null, version: string, memberId: string): AchSyncFields {
  return { version, history: before ? [before.version, ...before.history].slice(0, ACH_HISTORY) : [], editedBy: memberId }
}

/**
 * Whether this member's last save of a matrix (`mine`: the version this library holds, and who saved it) was lost
 * to `incoming`: it was this member's own, and the save that replaced it never saw it (neither is it, nor does its
 * history name it). Then the member keeps its save as a conflicted copy.
 */
export function lostSave(mine: { version: string; editedBy: string } | null, incoming: AchMatrixRecord, memberId: string): boolean {
  if (!mine || mine.editedBy !== memberId) return false
  return incoming.version !== mine.version && !incoming.history.includes(mine.version)
}
