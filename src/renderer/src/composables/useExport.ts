// What "Export…" makes a report of: the open article (with its notes), one note, or a whole project.
import { reactive } from 'vue'
import type { SaveFileResult } from '@core/api'
import type { ExportFile, ExportOptions } from '@core/model'
import { api } from '@renderer/api'
import { layout } from './useLayout'
import { openProjectId } from './useLibraryView'
import { projectById } from './useProjects'
import { reader } from './useReader'
import { workspace } from './useWorkspace'

export type ExportSubject =
  | { kind: 'article'; id: string; title: string }
  | { kind: 'note'; id: string; title: string }
  | { kind: 'project'; id: string; title: string }

export const exportState = reactive({ subject: null as ExportSubject | null })

/** Opens the export dialog for a subject. */
export function openExport(subject: ExportSubject): void {
  exportState.subject = subject
  layout.dialog = 'export'
}

/**
 * "Export…" (button, menu, Mod+Shift+E): the open article in the reader; in the library, the open project.
 * False when there is nothing to export.
 */
export function openExportHere(): boolean {
  if (workspace.articleId) {
    if (!reader.article) return false
    openExport({ kind: 'article', id: reader.article.id, title: reader.article.title })
    return true
  }
  const project = projectById(openProjectId())
  if (!project) return false
  openExport({ kind: 'project', id: project.id, title: project.title })
  return true
}

/** The report request's subject field: exactly one of articleId, noteId, projectId. */
export function subjectField(s: ExportSubject): { articleId: string } | { noteId: string } | { projectId: string } {
  if (s.kind === 'article') return { articleId: s.id }
  if (s.kind === 'note') return { noteId: s.id }
  return { projectId: s.id }
}

/** Builds the report and hands it to the user (save dialog or download). `saving` runs between the two steps. */
export async function exportReport(subject: ExportSubject, options: ExportOptions, saving: () => void): Promise<{ file: ExportFile; result: SaveFileResult }> {
  const file = await api.exportReport({ ...subjectField(subject), ...options })
  saving()
  return { file, result: await api.saveFile(file) }
}
