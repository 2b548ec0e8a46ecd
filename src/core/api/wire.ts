// What crosses the bridge, named once: the IPC channels, the HTTP route, the envelope every call answers with, and
// the commands the native menu sends. Used by the preload, the Electron main process, the web server and the
// renderer's transport (src/renderer/src/api.ts). No valibot here: the preload bundles this as it is.
import { GlossError, isErrorCode, type ErrorCode } from '../errors'

/** IPC channel names (Electron). */
export const CHANNELS = {
  /** renderer -> main: invoke(method, args), answered with an Envelope. */
  invoke: 'gloss:invoke',
  /** main -> renderer: a MenuCommand. */
  menu: 'gloss:menu',
  /** main -> renderer: the window is closing; run the close tasks, then answer closeReady. */
  beforeClose: 'gloss:before-close',
  /** renderer -> main: the close tasks are done. */
  closeReady: 'gloss:close-ready'
} as const

/** Web mode: POST `${HTTP_API_PREFIX}<method>` with a JSON body { args }, answered with an Envelope. */
export const HTTP_API_PREFIX = '/api/'

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = [
  'import', 'import-url', 'paste', 'edit-details', 'export', 'new-note', 'toggle-theme', 'find', 'library-changed', 'shortcuts', 'quotes', 'entities'
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/** Serialised form of an error on the wire (IPC and HTTP). */
export interface WireError {
  code: ErrorCode
  message: string
}

/** Every call answers { ok, result } or { ok: false, error }, so a GlossError survives both transports. */
export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError }

export function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}

/** The error an envelope carries, as a GlossError again (an unknown code from a newer backend becomes 'internal'). */
export function fromWire(error: unknown): GlossError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown }
  const message = typeof e.message === 'string' ? e.message : 'Gloss answered with an error it could not describe.'
  return new GlossError(isErrorCode(e.code) ? e.code : 'internal', message)
}
