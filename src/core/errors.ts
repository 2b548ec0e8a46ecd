// The core's own error type. Every rule in src/core (and every service) reports a problem a caller can act on as a
// GlossError: a code from the one list below and a message written for a person. The API contract re-exports both,
// and the wire carries them unchanged (see api/wire.ts).

/** Error codes a caller can act on. The one list: ApiErrorCode, dispatch and the wire all derive from it. */
export const ERROR_CODES = [
  /** The request was malformed or broke a rule (the message says which). */
  'invalid_input',
  /** The article, note or highlight does not exist (any more). */
  'not_found',
  /** Someone else changed the thing first; nothing was overwritten. */
  'conflict',
  /** A file could not be imported (too large, binary, empty, …). */
  'import_rejected',
  /** A report could not be produced or saved. */
  'export_failed',
  /** The user cancelled a long operation (an import); nothing was changed. */
  'cancelled',
  /** The file is password-protected (a PDF): ask for the password and try again. */
  'password_required',
  /** Anything else: a bug or a broken environment. Details go to the log, never to the caller. */
  'internal'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

const CODES: ReadonlySet<string> = new Set(ERROR_CODES)

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value)
}

/** An error a person can read: a code from ERROR_CODES and a plain-words message. */
export class GlossError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'GlossError'
  }
}

/** instanceof, or the same shape (a GlossError from another bundled copy of this module). */
export function isGlossError(error: unknown): error is GlossError {
  if (error instanceof GlossError) return true
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null
  return !!e && e.name === 'GlossError' && isErrorCode(e.code) && typeof e.message === 'string'
}
