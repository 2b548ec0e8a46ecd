// Argument checks for every API method, run by the backend before any work (both transports).
// Each check returns a clean copy holding only the known fields; bad input throws GlossError('invalid_input')
// with a message that names the method and the field.
import { API_METHODS, GlossError, type ApiMethod } from './api'
import { HIGHLIGHT_COLORS, type HighlightSegmentTarget } from './model'
import { MAX_IMPORT_BYTES } from './import/decode'
import { assertNoteDoc } from './notes/doc'

const MAX_ID = 200
const MAX_NAME = 1024
const MAX_TITLE = 500
const MAX_COMMENT = 20_000
const MAX_QUOTE = 1_000_000
const MAX_CONTEXT = 1_000
const MAX_TARGETS = 10_000
/** base64 of MAX_IMPORT_BYTES, with slack for line breaks. */
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024
const MAX_FILE_BASE64 = 700 * 1024 * 1024
const FORMATS = ['txt', 'md', 'html'] as const
const EXPORT_FORMATS = ['pdf', 'md', 'html', 'json'] as const
const PAGE_SIZES = ['A4', 'Letter'] as const
const SCOPES = ['full', 'annotated'] as const

type Obj = Record<string, unknown>

class Checker {
  constructor(private readonly method: string) {}

  fail(message: string): never {
    throw new GlossError('invalid_input', `${this.method}: ${message}`)
  }

  object(value: unknown, what: string): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(`${what} must be an object`)
    return value as Obj
  }

  string(value: unknown, what: string, opts: { min?: number; max: number; trim?: boolean }): string {
    if (typeof value !== 'string') this.fail(`${what} must be text`)
    const s = value as string
    const len = opts.trim ? s.trim().length : s.length
    const min = opts.min ?? 0
    if (len < min) this.fail(min === 1 ? `${what} must not be empty` : `${what} must be at least ${min} characters`)
    if (s.length > opts.max) this.fail(`${what} is too long (at most ${opts.max.toLocaleString('en-US')} characters)`)
    return s
  }

  id(value: unknown, what: string): string {
    return this.string(value, what, { min: 1, max: MAX_ID, trim: true })
  }

  int(value: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(`${what} must be a whole number`)
    const n = value as number
    if (n < min) this.fail(min === 0 ? `${what} must not be negative` : `${what} must be at least ${min}`)
    if (n > max) this.fail(`${what} must be at most ${max}`)
    return n
  }

  oneOf<T extends string>(value: unknown, what: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(`${what} must be one of ${allowed.join(', ')}`)
    }
    return value as T
  }

  optional<T>(obj: Obj, key: string, check: (v: unknown) => T): T | undefined {
    return obj[key] === undefined ? undefined : check(obj[key])
  }

  base64(value: unknown, what: string, max: number): string {
    const s = this.string(value, what, { max })
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/.test(s)) this.fail(`${what} must be base64-encoded`)
    return s
  }

  target(value: unknown, i: number): HighlightSegmentTarget {
    const what = `targets[${i}]`
    const t = this.object(value, what)
    const paragraphId = this.id(t.paragraphId, `${what}.paragraphId`)
    const q = this.object(t.quote, `${what}.quote`)
    if (q.type !== 'TextQuoteSelector') this.fail(`${what}.quote.type must be "TextQuoteSelector"`)
    const exact = this.string(q.exact, `${what}.quote.exact`, { min: 1, max: MAX_QUOTE })
    const prefix = this.string(q.prefix ?? '', `${what}.quote.prefix`, { max: MAX_CONTEXT })
    const suffix = this.string(q.suffix ?? '', `${what}.quote.suffix`, { max: MAX_CONTEXT })
    const p = this.object(t.position, `${what}.position`)
    if (p.type !== 'TextPositionSelector') this.fail(`${what}.position.type must be "TextPositionSelector"`)
    const start = this.int(p.start, `${what}.position.start`)
    const end = this.int(p.end, `${what}.position.end`)
    if (start > end) this.fail(`${what}.position.start must not be after its end`)
    return {
      paragraphId,
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end }
    }
  }
}

/** Checks of each method: the expected argument count and a function turning raw args into clean args. */
const RULES: Record<ApiMethod, { arity: number; check: (c: Checker, a: unknown[]) => unknown[] }> = {
  appInfo: { arity: 0, check: () => [] },
  listArticles: { arity: 0, check: () => [] },
  getArticle: { arity: 1, check: (c, a) => [c.id(a[0], 'article id')] },
  importFile: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the import request')
      const name = c.string(r.name, 'name', { min: 1, max: MAX_NAME, trim: true })
      const base64 = c.base64(r.base64, 'base64', MAX_IMPORT_BASE64)
      const format = c.optional(r, 'format', (v) => c.oneOf(v, 'format', FORMATS))
      return [format ? { name, base64, format } : { name, base64 }]
    }
  },
  importText: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the paste request')
      const text = c.string(r.text, 'text', { max: MAX_IMPORT_BYTES })
      const title = c.optional(r, 'title', (v) => c.string(v, 'title', { max: MAX_TITLE }))
      const format = c.optional(r, 'format', (v) => c.oneOf(v, 'format', FORMATS))
      const out: Obj = { text }
      if (title !== undefined) out.title = title
      if (format !== undefined) out.format = format
      return [out]
    }
  },
  deleteArticle: { arity: 1, check: (c, a) => [c.id(a[0], 'article id')] },
  restoreArticle: { arity: 1, check: (c, a) => [c.id(a[0], 'article id')] },
  reimportArticle: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the re-import request')
      const articleId = c.id(r.articleId, 'articleId')
      const [file] = RULES.importFile.check(c, [{ name: r.name, base64: r.base64, format: r.format }]) as [Obj]
      return [{ ...file, articleId }]
    }
  },
  search: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the search request')
      const query = c.string(r.query, 'query', { min: 1, max: 500, trim: true })
      const limit = c.optional(r, 'limit', (v) => c.int(v, 'limit', 1, 500))
      return [limit === undefined ? { query } : { query, limit }]
    }
  },
  listHighlights: { arity: 1, check: (c, a) => [c.id(a[0], 'article id')] },
  createHighlight: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the highlight')
      const articleId = c.id(r.articleId, 'articleId')
      const color = c.oneOf(r.color, 'color', HIGHLIGHT_COLORS)
      const comment = c.optional(r, 'comment', (v) => c.string(v, 'comment', { max: MAX_COMMENT })) ?? ''
      if (!Array.isArray(r.targets)) c.fail('targets must be a list')
      const raw = r.targets as unknown[]
      if (raw.length === 0) c.fail('targets must not be empty (select some text first)')
      if (raw.length > MAX_TARGETS) c.fail(`targets is too long (at most ${MAX_TARGETS})`)
      return [{ articleId, color, comment, targets: raw.map((t, i) => c.target(t, i)) }]
    }
  },
  updateHighlight: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the update')
      const out: Obj = { id: c.id(r.id, 'id') }
      const color = c.optional(r, 'color', (v) => c.oneOf(v, 'color', HIGHLIGHT_COLORS))
      const comment = c.optional(r, 'comment', (v) => c.string(v, 'comment', { max: MAX_COMMENT }))
      if (color !== undefined) out.color = color
      if (comment !== undefined) out.comment = comment
      return [out]
    }
  },
  deleteHighlight: { arity: 1, check: (c, a) => [c.id(a[0], 'highlight id')] },
  restoreHighlight: { arity: 1, check: (c, a) => [c.id(a[0], 'highlight id')] },
  listNotes: { arity: 0, check: () => [] },
  getArticleNote: { arity: 1, check: (c, a) => [c.id(a[0], 'article id')] },
  getNote: { arity: 1, check: (c, a) => [c.id(a[0], 'note id')] },
  createNote: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the new note')
      const title = c.string(r.title, 'title', { max: MAX_TITLE })
      const articleId = r.articleId === null || r.articleId === undefined ? null : c.id(r.articleId, 'articleId')
      return [{ title, articleId }]
    }
  },
  renameNote: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the rename request')
      return [{ id: c.id(r.id, 'id'), title: c.string(r.title, 'title', { min: 1, max: MAX_TITLE, trim: true }) }]
    }
  },
  saveNote: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the save request')
      const id = c.id(r.id, 'id')
      const baseRevision = c.int(r.baseRevision, 'baseRevision')
      c.object(r.doc, 'doc')
      const doc = assertNoteDoc(r.doc)
      return [{ id, doc, baseRevision }]
    }
  },
  deleteNote: { arity: 1, check: (c, a) => [c.id(a[0], 'note id')] },
  checkNoteRefs: { arity: 1, check: (c, a) => [c.id(a[0], 'note id')] },
  getBacklinks: { arity: 1, check: (c, a) => [c.id(a[0], 'article id')] },
  importAnnotations: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the annotations import')
      const articleId = c.id(r.articleId, 'articleId')
      const json = c.string(r.json, 'json', { min: 1, max: MAX_IMPORT_BYTES, trim: true })
      return [{ articleId, json }]
    }
  },
  exportReport: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the export request')
      return [
        {
          articleId: c.id(r.articleId, 'articleId'),
          format: c.oneOf(r.format, 'format', EXPORT_FORMATS),
          pageSize: c.oneOf(r.pageSize, 'pageSize', PAGE_SIZES),
          scope: c.oneOf(r.scope, 'scope', SCOPES),
          analyst: c.string(r.analyst ?? '', 'analyst', { max: MAX_TITLE })
        }
      ]
    }
  },
  saveFile: {
    arity: 1,
    check: (c, a) => {
      const r = c.object(a[0], 'the file')
      const filename = c.string(r.filename, 'filename', { min: 1, max: 255, trim: true })
      if (/[\\/\u0000]/.test(filename) || filename.trim() === '.' || filename.trim() === '..') {
        c.fail('filename must be a plain file name, without folders')
      }
      const mimeType = c.string(r.mimeType, 'mimeType', { min: 1, max: 200, trim: true })
      if (!/^[\w.+-]+\/[\w.+-]+(?:\s*;.*)?$/.test(mimeType)) c.fail('mimeType must look like "type/subtype"')
      const base64 = c.base64(r.base64, 'base64', MAX_FILE_BASE64)
      const byteLength = c.int(r.byteLength, 'byteLength')
      return [{ filename, mimeType, base64, byteLength }]
    }
  }
}

/**
 * Checks the arguments of an API call and returns clean copies (known fields only). Throws
 * GlossError('invalid_input') with a specific message for an unknown method or a malformed argument.
 */
export function validateArgs(method: ApiMethod, args: unknown): unknown[] {
  if (typeof method !== 'string' || !(API_METHODS as readonly string[]).includes(method)) {
    throw new GlossError('invalid_input', `Unknown request "${String(method).slice(0, 60)}".`)
  }
  const c = new Checker(method)
  if (args === undefined || args === null) args = []
  if (!Array.isArray(args)) c.fail('the arguments must be a list')
  const list = args as unknown[]
  const rule = RULES[method]
  // JSON turns a trailing undefined into null: tolerate trailing empty values, reject real extras.
  if (list.slice(rule.arity).some((v) => v !== undefined && v !== null)) {
    c.fail(`expects ${rule.arity === 0 ? 'no arguments' : rule.arity === 1 ? '1 argument' : `${rule.arity} arguments`}, got ${list.length}`)
  }
  if (list.length < rule.arity || list.slice(0, rule.arity).some((v) => v === undefined)) {
    c.fail(`expects ${rule.arity === 1 ? '1 argument' : `${rule.arity} arguments`}, got ${list.filter((v) => v !== undefined).length}`)
  }
  return rule.check(c, list)
}
