// One entry point for both transports (IPC and HTTP): checks the method and its arguments, calls the backend,
// and wraps the outcome in an Envelope. GlossErrors keep their code and message; anything else becomes a
// generic 'internal' error (the stack goes to stderr, never to the caller).
import { API_METHODS, GlossError } from '../../core/api'
import { validateArgs } from '../../core/api-validate'
import type { Envelope } from '../../preload/bridge'
import { userFacingError } from '../db/errors'
import type { BackendApi } from '.'

const SERVED = new Set<string>(API_METHODS.filter((m) => m !== 'saveFile'))

export function isServedMethod(method: string): method is keyof BackendApi {
  return SERVED.has(method)
}

const CODES = new Set(['invalid_input', 'not_found', 'conflict', 'import_rejected', 'export_failed', 'internal'])

/** instanceof, or the same shape (a GlossError from another bundle copy of core/api). */
function isGlossError(e: unknown): e is GlossError {
  if (e instanceof GlossError) return true
  const x = e as { name?: unknown; code?: unknown; message?: unknown } | null
  return !!x && x.name === 'GlossError' && CODES.has(String(x.code)) && typeof x.message === 'string'
}

export async function dispatch(api: BackendApi, method: string, args: unknown): Promise<Envelope> {
  if (!isServedMethod(method)) {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown request "${method.slice(0, 60)}".` } }
  }
  try {
    const checked = validateArgs(method, args)
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>
    const result = await fn.apply(api, checked)
    return { ok: true, result: result === undefined ? null : result }
  } catch (error) {
    const known = isGlossError(error) ? error : userFacingError(error)
    if (known) return { ok: false, error: { code: known.code, message: known.message } }
    process.stderr.write(`Gloss: ${method} failed: ${(error as Error)?.stack ?? String(error)}\n`)
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Gloss. Details were written to its log (standard error).' }
    }
  }
}
