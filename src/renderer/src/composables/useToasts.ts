// Transient messages at the bottom of the window (with an optional action such as "Undo").
import { reactive } from 'vue'

export type ToastKind = 'info' | 'success' | 'warning' | 'error' | 'progress'

export interface Toast {
  id: number
  kind: ToastKind
  message: string
  /** Extra lines (e.g. import warnings). */
  details?: string[]
  /** For progress toasts: where the work stands ("Finding the text…"). */
  progress?: string
  action?: ToastAction
}

export interface ToastAction {
  label: string
  run: () => void
  /** Keep the toast after the action ran (e.g. "Cancel" on a progress toast: it goes when the work stops). */
  keepOpen?: boolean
}

export const toasts = reactive<Toast[]>([])
let nextId = 1
const timers = new Map<number, ReturnType<typeof setTimeout>>()

export interface ToastOptions {
  kind?: ToastKind
  details?: string[]
  progress?: string
  action?: ToastAction
  /** Milliseconds before it goes away; 0 keeps it until dismissed. Defaults depend on the kind. */
  timeout?: number
}

export function showToast(message: string, options: ToastOptions = {}): number {
  const kind = options.kind ?? 'info'
  const id = nextId++
  toasts.push({ id, kind, message, details: options.details, progress: options.progress, action: options.action })
  // Too many: the oldest message goes first; work in progress stays while it can.
  while (toasts.length > 4) dismissToast((toasts.find((t) => t.kind !== 'progress') ?? toasts[0]).id)
  const timeout = options.timeout ?? (kind === 'progress' ? 0 : kind === 'error' || options.details?.length ? 9000 : 5000)
  if (timeout > 0) timers.set(id, setTimeout(() => dismissToast(id), timeout))
  return id
}

/** Changes a toast in place (a progress line, a message, its action). */
export function updateToast(id: number, patch: Partial<Omit<Toast, 'id' | 'kind'>>): void {
  const toast = toasts.find((t) => t.id === id)
  if (toast) Object.assign(toast, patch)
}

export function dismissToast(id: number): void {
  const timer = timers.get(id)
  if (timer) clearTimeout(timer)
  timers.delete(id)
  const index = toasts.findIndex((t) => t.id === id)
  if (index >= 0) toasts.splice(index, 1)
}

/** A message a person can act on, from any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message
  if (typeof err === 'string' && err) return err
  return 'Something went wrong. Please try again.'
}
