// "Update from file…" and "Update from web address": a newer version of the open article replaces its text.
// Paragraph ids carry over on the backend, so highlights and citations follow the text; afterwards the reader, the
// highlights panel and the notes pane are refreshed and a toast says how the paragraphs moved. Runs as an import
// job: progress and Cancel in the toast; a cancelled update changes nothing.
import { reactive } from 'vue'
import type { ReimportRequest, ReimportResult } from '@core/api'
import { displayUrl } from '@core/details/display'
import { MAX_IMPORT_BYTES } from '@core/import/decode'
import { api } from '@renderer/api'
import { importFormatsText, isAnnotationFile } from '@renderer/components/import/formats'
import { createImportJob } from './useImportJob'
import { askPassword, needsPassword, WEB_PDF_PASSWORD } from './usePasswordPrompt'
import { layout } from './useLayout'
import { refreshLibrary, toBase64 } from './useLibrary'
import { articles } from './useArticles'
import { refreshAnalysis } from './useAnalysis'
import { notes } from './useNotes'
import { reader } from './useReader'
import { errorMessage, showToast } from './useToasts'

export const reimport = reactive({
  /** The article being updated, if any (its buttons wait). */
  articleId: null as string | null
})

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`
}

function summary(r: ReimportResult): string {
  return `Updated: ${count(r.kept, 'paragraph')} unchanged, ${r.edited} edited, ${r.added} added, ${r.removed} removed.`
}

type Request = Omit<ReimportRequest, 'articleId' | 'jobId'>

/** `fileName` is given for an update from a file (a password-protected PDF then asks for its password). */
async function run(articleId: string, from: string, request: () => Promise<Request>, fileName?: string): Promise<void> {
  if (reimport.articleId) return
  reimport.articleId = articleId
  // Highlights that could not be placed before the update (nothing painted: 'review' or 'orphan').
  const unplacedBefore = new Set(reader.highlights.filter((h) => h.resolved.length === 0).map((h) => h.id))
  const job = createImportJob({ toast: `Updating the article from ${from}…` })
  try {
    let req: Request | null = null
    let result: ReimportResult
    try {
      result = await job.run(async (jobId) => {
        req = await request()
        return api.reimportArticle({ articleId, ...req, jobId })
      })
    } catch (err) {
      if (!needsPassword(err) || !req || fileName === undefined || job.endedByCancel(err)) throw err
      // A password-protected PDF: ask for its password and try again (the dialog shows progress and Cancel).
      const asked: Request = req
      const answer = await askPassword(fileName, 'update', (password, retry) =>
        retry.run((jobId) => api.reimportArticle({ articleId, ...asked, password, jobId }))
      )
      if (!answer) {
        showToast('Update cancelled; the article was not changed.', { kind: 'info' })
        return
      }
      result = answer.value
    }
    // The cached text is out of date: reload what the reader shows (text, highlights, backlinks) and the notes' chips.
    articles.invalidate(articleId)
    if (reader.article?.id === articleId) await reader.load(articleId)
    notes.articleChanged(articleId)
    refreshAnalysis(articleId)
    void refreshLibrary()

    // Every highlight with nothing painted any more counts, whatever the reason ('review' or 'orphan').
    const lost = reader.article?.id === articleId ? reader.highlights.filter((h) => h.resolved.length === 0 && !unplacedBefore.has(h.id)).length : 0
    const details = [...result.warnings]
    if (lost) details.push(`${count(lost, 'highlight')} could not be placed — see the Highlights panel.`)
    showToast(summary(result), {
      kind: details.length ? 'warning' : 'success',
      details: details.length ? details : undefined,
      timeout: details.length ? 12000 : 6000,
      action: lost && !layout.highlightsPanel ? { label: 'Show highlights', run: () => (layout.highlightsPanel = true) } : undefined
    })
  } catch (err) {
    if (job.endedByCancel(err)) showToast('Update cancelled; the article was not changed.', { kind: 'info' })
    else {
      const why = needsPassword(err) && fileName === undefined ? WEB_PDF_PASSWORD : errorMessage(err)
      showToast(`Could not update the article from ${from}: ${why}`, { kind: 'error', timeout: 12000 })
    }
  } finally {
    reimport.articleId = null
  }
}

/** Replaces the article's text with a newer version of its file. */
export async function reimportFromFile(articleId: string, file: File): Promise<void> {
  if (isAnnotationFile(file.name)) {
    showToast(`“${file.name}” holds annotations, not an article's text. Choose the article's own file (${importFormatsText()}).`, {
      kind: 'error',
      timeout: 12000
    })
    return
  }
  await run(articleId, `“${file.name}”`, async () => {
    if (file.size === 0) throw new Error('The file is empty.')
    if (file.size > MAX_IMPORT_BYTES) {
      throw new Error(`The file is too large: it is ${megabytes(file.size)} and the limit is ${megabytes(MAX_IMPORT_BYTES)}.`)
    }
    return { name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) }
  }, file.name)
}

/** Fetches the article's web address again and replaces its text with what the page says now. */
export async function reimportFromWeb(articleId: string, url: string): Promise<void> {
  await run(articleId, displayUrl(url, 48), async () => ({ url }))
}
