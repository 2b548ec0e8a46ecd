// The library (list of imported articles) and importing: files (picker or drop), web addresses and pasted text.
// Every import runs as a job (useImportJob): progress while it runs, Cancel, and a calm word when cancelled.
import { reactive } from 'vue'
import type { ImportResult, PasteRequest } from '@core/api'
import { MAX_IMPORT_BYTES } from '@core/import/decode'
import type { ArticleSummary } from '@core/model'
import { api } from '@renderer/api'
import { ANNOTATION_ACCEPT, ARTICLE_ACCEPT, isAnnotationFile as isAnnotationName } from '@renderer/components/import/formats'
import { createImportJob, type ImportJob } from './useImportJob'
import { openProjectId } from './useLibraryView'
import { projectById } from './useProjects'
import { askPassword, needsPassword } from './usePasswordPrompt'
import { dismissToast, errorMessage, showToast } from './useToasts'
import { reader } from './useReader'
import { workspace } from './useWorkspace'

/** What a cancelled import leaves: nothing. */
export const CANCELLED_MESSAGE = 'Import cancelled; nothing was added.'

export const library = reactive({
  articles: [] as ArticleSummary[],
  loaded: false,
  loading: false,
  error: null as string | null,
  /** Number of imports in flight (progress indicator). */
  importing: 0
})

export async function refreshLibrary(): Promise<void> {
  library.loading = true
  try {
    library.articles = await api.listArticles()
    library.error = null
  } catch (err) {
    library.error = errorMessage(err)
  } finally {
    library.loading = false
    library.loaded = true
  }
}

/** What Import… offers: article files, and annotation exports to restore onto the open article. */
export const ACCEPTED_EXTENSIONS: readonly string[] = [...ARTICLE_ACCEPT, ...ANNOTATION_ACCEPT]

/** A Web Annotation export (Export → Annotations JSON): restores highlights onto the open article. */
const isAnnotationFile = (file: File): boolean => isAnnotationName(file.name)

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(new Error(`The file could not be read (${reader.error?.message ?? 'unknown reason'}).`))
    reader.readAsArrayBuffer(file)
  })
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`
}

/** Imports made while a project is open join it (the backend adds the new source to the project). */
function projectScope(): { projectId?: string } {
  const id = openProjectId()
  return id && projectById(id) ? { projectId: id } : {}
}

function announce(result: ImportResult): void {
  const { article, warnings } = result
  const count = `${article.paragraphCount} paragraph${article.paragraphCount === 1 ? '' : 's'}`
  const project = article.projectIds.map((id) => projectById(id)).find((p) => p && p.id === openProjectId())
  const into = project ? ` into “${project.title}”` : ''
  if (warnings.length) {
    showToast(`Imported “${article.title}” (${count})${into} with warnings:`, { kind: 'warning', details: warnings, timeout: 12000 })
  } else {
    showToast(`Imported “${article.title}” (${count})${into}.`, { kind: 'success' })
  }
}

async function importAnnotationFile(file: File): Promise<void> {
  const articleId = workspace.articleId
  if (!articleId) {
    showToast(`“${file.name}” holds annotations, not an article. Open the article they belong to, then import the file again.`, {
      kind: 'error',
      timeout: 12000
    })
    return
  }
  const progress = showToast(`Restoring highlights from “${file.name}”…`, { kind: 'progress' })
  try {
    if (file.size > MAX_IMPORT_BYTES) throw new Error(`The file is too large: it is ${megabytes(file.size)} and the limit is ${megabytes(MAX_IMPORT_BYTES)}.`)
    const json = new TextDecoder().decode(await readBytes(file))
    const { created, skipped, warnings } = await api.importAnnotations({ articleId, json })
    const summary = `Restored ${created} highlight${created === 1 ? '' : 's'} from “${file.name}”${skipped ? ` (${skipped} skipped)` : ''}.`
    showToast(summary, warnings.length ? { kind: 'warning', details: warnings, timeout: 12000 } : { kind: 'success' })
    void reader.refreshHighlights(articleId)
    await refreshLibrary()
  } catch (err) {
    showToast(`Could not import annotations from “${file.name}”: ${errorMessage(err)}`, { kind: 'error', timeout: 12000 })
  } finally {
    dismissToast(progress)
  }
}

type Outcome = { result: ImportResult } | { cancelled: true } | { skipped: true } | null

async function importOne(file: File): Promise<Outcome> {
  let job: ImportJob | null = null
  library.importing++
  try {
    if (file.size === 0) throw new Error('The file is empty.')
    if (file.size > MAX_IMPORT_BYTES) {
      throw new Error(`The file is too large to import: it is ${megabytes(file.size)} and the limit is ${megabytes(MAX_IMPORT_BYTES)}.`)
    }
    let base64 = ''
    const request = (jobId: string, password?: string): Promise<ImportResult> => api.importFile({ name: file.name, base64, jobId, password, ...projectScope() })
    let result: ImportResult
    job = createImportJob({ toast: `Importing “${file.name}”…` })
    try {
      result = await job.run(async (jobId) => {
        base64 = toBase64(await readBytes(file))
        return request(jobId)
      })
    } catch (err) {
      if (!needsPassword(err) || job.endedByCancel(err)) throw err
      // A password-protected PDF: ask for its password and try again (the dialog shows progress and Cancel; the
      // top bar says "Importing…" only while a try runs, not while the dialog waits for the user).
      library.importing--
      const answer = await askPassword(file.name, 'import', async (password, retry) => {
        library.importing++
        try {
          return await retry.run((jobId) => request(jobId, password))
        } finally {
          library.importing--
        }
      }).finally(() => library.importing++)
      if (!answer) return { skipped: true }
      result = answer.value
    }
    announce(result)
    return { result }
  } catch (err) {
    if (job?.endedByCancel(err)) return { cancelled: true }
    showToast(`Could not import “${file.name}”: ${errorMessage(err)}`, { kind: 'error', timeout: 12000 })
    return null
  } finally {
    library.importing--
  }
}

/**
 * Imports files one by one; opens the article when a single file was imported. Cancel stops the rest too; a
 * password prompt's Cancel leaves out only that file.
 */
export async function importFiles(files: File[]): Promise<void> {
  if (!files.length) return
  const results: ImportResult[] = []
  const articleFiles = files.filter((f) => !isAnnotationFile(f))
  for (const file of files.filter(isAnnotationFile)) await importAnnotationFile(file)
  if (!articleFiles.length) return
  for (const file of articleFiles) {
    const outcome = await importOne(file)
    if (outcome && 'cancelled' in outcome) {
      showToast(results.length ? 'Import cancelled; the files after it were not added.' : CANCELLED_MESSAGE, { kind: 'info' })
      break
    }
    if (outcome && 'skipped' in outcome) {
      // The password prompt was cancelled: this file is left out, the others still come in.
      showToast(articleFiles.length === 1 ? CANCELLED_MESSAGE : `“${file.name}” was not imported: it needs its password.`, { kind: 'info' })
    }
    if (outcome && 'result' in outcome) results.push(outcome.result)
  }
  await refreshLibrary()
  if (articleFiles.length === 1 && results.length === 1) workspace.articleId = results[0].article.id
}

/**
 * Imports pasted text under `job` (the dialog shows its progress and offers Cancel). Throws on failure, and with
 * code 'cancelled' when cancelled, so the dialog can show the error and stay open.
 */
export async function importPasted(req: PasteRequest, job: ImportJob): Promise<ImportResult> {
  library.importing++
  try {
    const result = await job.run((jobId) => api.importText({ ...req, jobId, ...projectScope() }))
    announce(result)
    await refreshLibrary()
    workspace.articleId = result.article.id
    return result
  } finally {
    library.importing--
  }
}

/** Fetches a web address and imports the article (the dialog shows progress); opens it. Throws like importPasted. */
export async function importWebAddress(url: string, job: ImportJob): Promise<ImportResult> {
  library.importing++
  try {
    const result = await job.run((jobId) => api.importUrl({ url, jobId, ...projectScope() }))
    announce(result)
    await refreshLibrary()
    workspace.articleId = result.article.id
    return result
  } finally {
    library.importing--
  }
}

/** The library's copy of an article changed (details edited): replace it in the list. */
export function replaceInLibrary(article: ArticleSummary): void {
  const i = library.articles.findIndex((a) => a.id === article.id)
  if (i >= 0) library.articles.splice(i, 1, article)
}

/** Undo of a delete: the article returns with the highlights and analysis note deleted with it. */
export async function restoreArticle(article: ArticleSummary): Promise<void> {
  try {
    await api.restoreArticle(article.id)
    showToast(`Restored “${article.title}”.`, { kind: 'success' })
  } catch (err) {
    showToast(`Could not restore “${article.title}”: ${errorMessage(err)}`, { kind: 'error' })
  } finally {
    await refreshLibrary()
  }
}

export async function deleteArticle(article: ArticleSummary): Promise<void> {
  try {
    await api.deleteArticle(article.id)
    if (workspace.articleId === article.id) workspace.articleId = null
    showToast(`Deleted “${article.title}”.`, { action: { label: 'Undo', run: () => void restoreArticle(article) }, timeout: 10000 })
  } catch (err) {
    showToast(`Could not delete “${article.title}”: ${errorMessage(err)}`, { kind: 'error' })
  } finally {
    await refreshLibrary()
  }
}

// The hidden <input type=file> lives in App.vue; anything can open it.
let fileInput: HTMLInputElement | null = null
export function registerFileInput(el: HTMLInputElement | null): void {
  fileInput = el
}
export function openFilePicker(): void {
  if (!fileInput) return
  fileInput.value = ''
  fileInput.click()
}
