// One entry point for both transports (IPC and HTTP): checks the method and its arguments (validateArgs: the
// method's schemas from core/api/methods.ts, which pass on clean copies holding only known fields), calls the backend,
// and wraps the outcome in an Envelope. GlossErrors keep their code and message; anything else becomes a
// generic 'internal' error (the stack goes to stderr, never to the caller).
import { BACKEND_METHODS, isGlossError, validateArgs, type BackendMethod, type Envelope } from '../../core/api'
import { userFacingError } from '../db/errors'
import type { BackendApi } from '.'

const SERVED = new Set<string>(BACKEND_METHODS)

export function isServedMethod(method: string): method is BackendMethod {
  return SERVED.has(method)
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
