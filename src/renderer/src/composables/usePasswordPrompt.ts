// A password-protected PDF: an import (file chooser, drop) or an update ("Update from file…") that the backend
// answers with 'password_required' asks for the password in a dialog (ImportPasswordDialog) and tries again with it.
// A wrong password keeps the dialog open with the backend's words; Cancel (before or during a try) changes nothing.
// Each try is an import job: its progress shows in the dialog, and Cancel stops it. One prompt at a time: a second
// file that needs a password waits for the first prompt to close.
import { reactive } from 'vue'
import { GlossError } from '@core/api'
import { createImportJob, type ImportJob } from './useImportJob'
import { layout } from './useLayout'

export type PasswordPurpose = 'import' | 'update'

export const passwordPrompt = reactive({
  /** Which prompt this is (a new one gets a fresh dialog). */
  id: 0,
  /** The file whose password is asked for; null while no prompt is open. */
  fileName: null as string | null,
  purpose: 'import' as PasswordPurpose,
  /** The backend's word on the last password tried ("That password does not open this PDF…"), or null. */
  error: null as string | null,
  /** A try with a password is running; its progress line. */
  running: false,
  progress: '',
  /** Cancel was asked for while a try was running (the dialog closes when it stops). */
  cancelling: false,
  /** Bumped after a refused password, so the dialog selects the field again. */
  refused: 0
})

/** Whether an import failed because the file needs a password (or another one). */
export function needsPassword(err: unknown): err is GlossError {
  return err instanceof GlossError && err.code === 'password_required'
}

/**
 * What to say when a PDF fetched from a web address needs a password: imports from the web take no password (the
 * backend's request has none), so the file has to come in as a file.
 */
export const WEB_PDF_PASSWORD =
  'This PDF is password-protected, and Gloss cannot ask for the password of a PDF on the web. Download it, then import the file (Import file…) and enter its password there.'

/** One try with a password, under `job` (start it with job.run so its progress shows and Cancel stops it). */
export type PasswordAttempt<T> = (password: string, job: ImportJob) => Promise<T>

interface Pending {
  attempt: PasswordAttempt<unknown>
  resolve: (value: { value: unknown } | null) => void
  reject: (err: unknown) => void
  job: ImportJob | null
}

let current: Pending | null = null
let queue: Promise<unknown> = Promise.resolve()

/**
 * Asks for the password of `fileName` and tries `attempt` with each password given until one opens the file.
 * Resolves to the attempt's result, or null when the user cancels; rejects when a try fails for another reason
 * (the caller reports it as it reports any failed import).
 */
export function askPassword<T>(fileName: string, purpose: PasswordPurpose, attempt: PasswordAttempt<T>): Promise<{ value: T } | null> {
  const open = (): Promise<{ value: T } | null> =>
    new Promise((resolve, reject) => {
      current = { attempt, resolve: resolve as Pending['resolve'], reject, job: null }
      Object.assign(passwordPrompt, { id: passwordPrompt.id + 1, fileName, purpose, error: null, running: false, progress: '', cancelling: false })
      if (layout.dialog === null) layout.dialog = 'password'
    })
  const answer = queue.then(open, open)
  queue = answer.catch(() => undefined)
  return answer
}

function close(): void {
  current = null
  Object.assign(passwordPrompt, { fileName: null, error: null, running: false, progress: '', cancelling: false })
  if (layout.dialog === 'password') layout.dialog = null
}

/** Tries the password the user typed. */
export async function submitPassword(password: string): Promise<void> {
  const pending = current
  if (!pending || passwordPrompt.running) return
  if (!password) {
    passwordPrompt.error = 'Enter the password first.'
    passwordPrompt.refused++
    return
  }
  passwordPrompt.error = null
  passwordPrompt.running = true
  passwordPrompt.progress = 'Opening the PDF…'
  const job = createImportJob({ onProgress: (line) => (passwordPrompt.progress = line) })
  pending.job = job
  try {
    const value = await pending.attempt(password, job)
    close()
    pending.resolve({ value })
  } catch (err) {
    if (job.endedByCancel(err)) {
      close()
      pending.resolve(null)
    } else if (needsPassword(err)) {
      pending.job = null
      passwordPrompt.running = false
      passwordPrompt.error = err.message
      passwordPrompt.refused++
    } else {
      close()
      pending.reject(err)
    }
  }
}

/** Cancel (the button, Escape): stops a running try, else closes; either way nothing is imported or changed. */
export function cancelPassword(): void {
  const pending = current
  if (!pending) return
  if (pending.job && passwordPrompt.running) {
    passwordPrompt.cancelling = true
    pending.job.cancel()
    return
  }
  close()
  pending.resolve(null)
}
