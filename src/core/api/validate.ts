// Argument checks for every API method, run by the backend before any work (both transports): each argument is
// parsed with its schema from METHODS, which yields a clean copy holding only the known fields. Bad input throws
// GlossError('invalid_input') with a message that names the method and the field.
import * as v from 'valibot'
import { GlossError } from '../errors'
import { PARSE_CONFIG } from './fields'
import { METHODS, isApiMethod, type ApiArgs, type ApiMethod } from './methods'

/** "targets[1].position.start" for an issue inside an argument; '' for the argument itself. */
function fieldPath(issue: v.BaseIssue<unknown>): string {
  let out = ''
  for (const item of issue.path ?? []) {
    if (item.type === 'array') out += `[${String(item.key)}]`
    else out += out ? `.${String(item.key)}` : String(item.key)
  }
  return out
}

/** A phrase gets the method and field in front; a whole sentence (capitalised) is for a person as it is. */
function messageOf(method: string, label: string, issue: v.BaseIssue<unknown>): string {
  if (/^[A-Z]/.test(issue.message)) return issue.message
  return `${method}: ${fieldPath(issue) || label} ${issue.message}`
}

const plural = (n: number): string => (n === 0 ? 'no arguments' : n === 1 ? '1 argument' : `${n} arguments`)

/**
 * Checks the arguments of an API call and returns clean copies (known fields only, defaults filled in). Throws
 * GlossError('invalid_input') with a specific message for an unknown method or a malformed argument.
 */
export function validateArgs<M extends ApiMethod>(method: M, args: unknown): ApiArgs<M> {
  if (!isApiMethod(method)) {
    throw new GlossError('invalid_input', `Unknown request "${String(method).slice(0, 60)}".`)
  }
  const fail = (message: string): never => {
    throw new GlossError('invalid_input', `${method}: ${message}`)
  }
  if (args === undefined || args === null) args = []
  if (!Array.isArray(args)) fail('the arguments must be a list')
  const list = args as unknown[]
  const schemas: readonly v.GenericSchema[] = METHODS[method].args
  const arity = schemas.length
  // JSON turns a trailing undefined into null: tolerate trailing empty values, reject real extras.
  if (list.slice(arity).some((a) => a !== undefined && a !== null)) fail(`expects ${plural(arity)}, got ${list.length}`)
  if (list.length < arity || list.slice(0, arity).some((a) => a === undefined)) {
    fail(`expects ${plural(arity)}, got ${list.filter((a) => a !== undefined).length}`)
  }
  return schemas.map((schema, i) => {
    const parsed = v.safeParse(schema, list[i], PARSE_CONFIG)
    if (!parsed.success) throw new GlossError('invalid_input', messageOf(method, v.getTitle(schema) ?? `argument ${i + 1}`, parsed.issues[0]))
    return parsed.output
  }) as ApiArgs<M>
}
