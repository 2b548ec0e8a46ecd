// The words the API schemas are written in: valibot schemas for the kinds of field the contract uses, each with
// messages a person can read.
//
// Messages come in two forms:
//   - a phrase about a field, starting lowercase ("must not be empty"): validateArgs puts the method and the
//     field in front of it ("renameNote: title must not be empty");
//   - a whole sentence, starting uppercase ("This file is too large to import: …"): shown as it is.
import * as v from 'valibot'
import { MAX_ID } from '../limits'

/** How every argument is checked: stop at the first problem (one clear message), never valibot's default wording. */
export const PARSE_CONFIG: v.Config<v.BaseIssue<unknown>> = {
  abortEarly: true,
  abortPipeEarly: true,
  message: (issue) => (issue.expected ? `must be ${issue.expected}` : 'is not valid')
}

const count = (n: number): string => n.toLocaleString('en-US')

/** The label a top-level argument goes by in messages ("article id", "the import request"). */
/* @__NO_SIDE_EFFECTS__ */
export function arg<S extends v.GenericSchema>(label: string, schema: S) {
  return v.pipe(schema, v.title(label))
}

/** Text of at most `max` characters; `min` counts characters after trimming when `trim` is set. */
/* @__NO_SIDE_EFFECTS__ */
export function text(opts: { min?: number; max: number; trim?: boolean }) {
  const min = opts.min ?? 0
  const short = min === 1 ? 'must not be empty' : `must be at least ${min} characters`
  return v.pipe(
    v.string('must be text'),
    v.check((s) => (opts.trim ? s.trim().length : s.length) >= min, short),
    v.maxLength(opts.max, `is too long (at most ${count(opts.max)} characters)`)
  )
}

/** An id of an article, paragraph, highlight or note. */
export const id = /* @__NO_SIDE_EFFECTS__ */ () => text({ min: 1, max: MAX_ID, trim: true })

/** A whole number in [min, max]. */
/* @__NO_SIDE_EFFECTS__ */
export function int(min = 0, max = Number.MAX_SAFE_INTEGER) {
  return v.pipe(
    v.number('must be a whole number'),
    v.integer('must be a whole number'),
    v.minValue(min, min === 0 ? 'must not be negative' : `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`)
  )
}

/** One of a fixed list of words. */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `must be one of ${options.join(', ')}`)
}

/** Exactly this word (e.g. a selector's "type"). */
/* @__NO_SIDE_EFFECTS__ */
export function word<const T extends string>(value: T) {
  return v.literal(value, `must be "${value}"`)
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/

/**
 * Base64 text (line breaks allowed). With `maxChars`, at most that many characters. With `maxBytes`, what it decodes
 * to is measured (without decoding) and `tooLarge(bytes)` says why a larger one is refused; the text itself may be a
 * little longer than those bytes need, for line breaks.
 */
/* @__NO_SIDE_EFFECTS__ */
export function base64(limit: { maxChars: number } | { maxBytes: number; tooLarge: (bytes: number) => string }) {
  if ('maxChars' in limit) {
    return v.pipe(
      v.string('must be text'),
      v.maxLength(limit.maxChars, `is too long (at most ${count(limit.maxChars)} characters)`),
      v.regex(BASE64, 'must be base64-encoded')
    )
  }
  const maxChars = Math.ceil(limit.maxBytes / 3) * 4 + 1024
  return v.pipe(
    v.string('must be text'),
    // Counting is only needed near the limit: n characters never decode to more than 3n/4 bytes.
    v.check(
      (s) => Math.floor((s.length * 3) / 4) <= limit.maxBytes || base64Bytes(s) <= limit.maxBytes,
      (issue) => limit.tooLarge(base64Bytes(issue.input as string))
    ),
    v.maxLength(maxChars, `is too long (at most ${count(maxChars)} characters)`),
    v.regex(BASE64, 'must be base64-encoded')
  )
}

/** Bytes that base64 text decodes to (line breaks ignored), without decoding it. */
export function base64Bytes(s: string): number {
  let chars = 0
  let pad = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 10 || c === 13) continue
    chars++
    pad = c === 61 /* = */ ? pad + 1 : 0
  }
  return Math.floor(((chars - pad) * 3) / 4)
}

/** A list of `item`s, with at least `min` and at most `max` entries. */
/* @__NO_SIDE_EFFECTS__ */
export function list<S extends v.GenericSchema>(item: S, opts: { min?: number; max: number; empty?: string }) {
  const min = opts.min ?? 0
  return v.pipe(
    v.array(item, 'must be a list'),
    v.minLength(min, opts.empty ?? (min === 1 ? 'must not be empty' : `must have at least ${min} entries`)),
    v.maxLength(opts.max, `is too long (at most ${count(opts.max)} entries)`)
  )
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * An object with these fields, checked in order. The parsed copy holds only these fields (unknown ones are dropped).
 * A missing field gets the message its own schema gives for undefined ("title must be text").
 */
/* @__NO_SIDE_EFFECTS__ */
export function obj<const E extends v.ObjectEntries>(entries: E) {
  const missing = (issue: v.BaseIssue<unknown>): string => {
    const key = issue.path?.[issue.path.length - 1]?.key
    const entry = typeof key === 'string' ? entries[key] : undefined
    const result = entry ? v.safeParse(entry, undefined, PARSE_CONFIG) : null
    return result && !result.success ? result.issues[0].message : 'is missing'
  }
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, 'must be an object'), v.object(entries, missing))
}
