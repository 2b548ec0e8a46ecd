import { describe, expect, expectTypeOf, it } from 'vitest'
import { GlossError } from '../errors'
import { MAX_IMPORT_BYTES } from '../limits'
import type { Article, ExportOptions, HighlightSegmentTarget } from '../model'
import {
  API_METHODS,
  BACKEND_METHODS,
  METHODS,
  type ApiArgs,
  type ApiMethod,
  type ApiResult,
  type BackendMethod,
  type CreateHighlightRequest,
  type ExportRequest,
  type GlossApi
} from './methods'
import { validateArgs } from './validate'

function fails(method: string, args: unknown): string {
  try {
    validateArgs(method as ApiMethod, args)
  } catch (e) {
    expect(e).toBeInstanceOf(GlossError)
    expect((e as GlossError).code).toBe('invalid_input')
    return (e as GlossError).message
  }
  throw new Error(`expected ${method} to reject ${JSON.stringify(args)}`)
}

const target = (over: Partial<HighlightSegmentTarget> = {}): HighlightSegmentTarget => ({
  paragraphId: 'p-abc',
  quote: { type: 'TextQuoteSelector', exact: 'hello', prefix: 'say ', suffix: ' world' },
  position: { type: 'TextPositionSelector', start: 4, end: 9 },
  ...over
})

describe('validateArgs', () => {
  it('has a rule for every API method, and every method comes from METHODS', () => {
    expect(API_METHODS).toEqual(Object.keys(METHODS))
    expect(API_METHODS).toContain('saveFile')
    expect(BACKEND_METHODS).toEqual(API_METHODS.filter((m) => m !== 'saveFile'))
    for (const m of API_METHODS) expect(() => validateArgs(m, [])).not.toThrow(/Unknown request/)
  })

  it('rejects unknown methods and non-list arguments', () => {
    expect(fails('dropTables', [])).toBe('Unknown request "dropTables".')
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(fails(name, [])).toMatch(/Unknown request/)
    expect(fails('getArticle', { id: 'x' })).toBe('getArticle: the arguments must be a list')
  })

  it('checks argument counts', () => {
    expect(validateArgs('listArticles', [])).toEqual([])
    expect(validateArgs('listArticles', [null])).toEqual([]) // JSON form of a trailing undefined
    expect(fails('listArticles', ['x'])).toMatch(/expects no arguments, got 1/)
    expect(fails('getArticle', [])).toMatch(/getArticle: expects 1 argument, got 0/)
    expect(fails('getArticle', ['a', 'b'])).toMatch(/expects 1 argument, got 2/)
  })

  it('checks ids', () => {
    expect(validateArgs('getArticle', ['01ABC'])).toEqual(['01ABC'])
    expect(fails('getArticle', [''])).toBe('getArticle: article id must not be empty')
    expect(fails('deleteNote', [42])).toBe('deleteNote: note id must be text')
    expect(fails('getNote', ['x'.repeat(201)])).toMatch(/note id is too long/)
  })

  it('createHighlight: accepts a well-formed request and strips unknown fields', () => {
    const [req] = validateArgs('createHighlight', [{ articleId: 'a1', color: 'green', targets: [target()], extra: 1 }])
    expect(req).toEqual({ articleId: 'a1', color: 'green', targets: [target()] })
    expect(Object.keys(req as object)).toEqual(['articleId', 'color', 'targets'])
    // Nested objects are clean copies too; missing context becomes ''.
    const [deep] = validateArgs('createHighlight', [
      { articleId: 'a1', color: 'green', targets: [{ ...target(), note: 'x', quote: { type: 'TextQuoteSelector', exact: 'hello', evil: 1 } }] }
    ])
    expect((deep as { targets: unknown[] }).targets[0]).toEqual(target({ quote: { type: 'TextQuoteSelector', exact: 'hello', prefix: '', suffix: '' } }))
  })

  it('createHighlight: rejects bad color, targets and offsets with specific messages', () => {
    const base = { articleId: 'a1', color: 'yellow', targets: [target()] }
    expect(fails('createHighlight', [{ ...base, color: 'purple' }])).toBe('createHighlight: color must be one of yellow, green, blue, red')
    expect(fails('createHighlight', [{ ...base, targets: [] }])).toMatch(/targets must not be empty/)
    expect(fails('createHighlight', [{ ...base, targets: 'x' }])).toMatch(/targets must be a list/)
    expect(fails('createHighlight', [{ ...base, comment: 5 }])).toBe('createHighlight: comment must be text')
    const bad = (t: unknown): string => fails('createHighlight', [{ ...base, targets: [target(), t] }])
    expect(bad(target({ position: { type: 'TextPositionSelector', start: -1, end: 3 } }))).toBe(
      'createHighlight: targets[1].position.start must not be negative'
    )
    expect(bad(target({ position: { type: 'TextPositionSelector', start: 1.5, end: 3 } }))).toMatch(/start must be a whole number/)
    expect(bad(target({ position: { type: 'TextPositionSelector', start: 5, end: 3 } }))).toMatch(/targets\[1\]\.position\.start must not be after its end/)
    expect(bad(target({ quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }))).toMatch(/quote\.exact must not be empty/)
    expect(bad({ ...target(), quote: { exact: 'x' } })).toMatch(/quote\.type must be "TextQuoteSelector"/)
    expect(bad({ ...target(), paragraphId: undefined })).toMatch(/targets\[1\]\.paragraphId must be text/)
    expect(bad(null)).toBe('createHighlight: targets[1] must be an object')
    expect(bad([target()])).toBe('createHighlight: targets[1] must be an object')
    expect(bad(target({ quote: { type: 'TextQuoteSelector', exact: '  \n ', prefix: '', suffix: '' } }))).toMatch(/quote\.exact must not be empty/)
    expect(bad(target({ quote: { type: 'TextQuoteSelector', exact: 'hello', prefix: 'x'.repeat(33), suffix: '' } }))).toBe(
      'createHighlight: targets[1].quote.prefix is too long (at most 32 characters)'
    )
    // A field left out reads like the same field given as undefined.
    const { position: _omitted, ...noPosition } = target()
    expect(bad(noPosition)).toBe('createHighlight: targets[1].position must be an object')
    expect(fails('createHighlight', [{ color: 'green', targets: [target()] }])).toBe('createHighlight: articleId must be text')
    expect(fails('createHighlight', [{ articleId: 'a1', color: 'green', targets: Array(10_001).fill(target()) }])).toBe(
      'createHighlight: targets is too long (at most 10,000 entries)'
    )
    expect(fails('createHighlight', ['a1'])).toBe('createHighlight: the highlight must be an object')
  })

  it('updateHighlight: optional color/comment', () => {
    expect(validateArgs('updateHighlight', [{ id: 'h', comment: 'why' }])).toEqual([{ id: 'h', comment: 'why' }])
    expect(fails('updateHighlight', [{ id: 'h', color: 'pink' }])).toMatch(/color must be one of yellow, green, blue, red/)
  })

  it('importFile and importText', () => {
    expect(validateArgs('importFile', [{ name: 'a.txt', base64: 'aGVsbG8=' }])).toEqual([{ name: 'a.txt', base64: 'aGVsbG8=' }])
    expect(fails('importFile', [{ name: 'a.txt', base64: 'not base64!' }])).toBe('importFile: base64 must be base64-encoded')
    expect(fails('importFile', [{ name: 'a.txt', base64: '', format: 'rtf' }])).toBe('importFile: format must be one of txt, md, html, pdf, epub, docx')
    expect(fails('importText', [{ text: 'x', format: 'pdf' }])).toBe('importText: format must be one of txt, md, html')
    expect(validateArgs('importUrl', [{ url: ' example.com/a ', jobId: 'J1', extra: 1 }])).toEqual([{ url: ' example.com/a ', jobId: 'J1' }])
    expect(fails('importUrl', [{ url: '' }])).toBe('importUrl: url must not be empty')
    expect(fails('reimportArticle', [{ articleId: 'a', base64: 'aGVsbG8=' }])).toBe('reimportArticle: name must be given with the file')
    expect(fails('reimportArticle', [{ articleId: 'a', name: 'a.txt', base64: 'aGVsbG8=', url: 'https://x.example' }])).toBe(
      'reimportArticle: url cannot be given with a file (choose one)'
    )
    expect(validateArgs('reimportArticle', [{ articleId: 'a' }])).toEqual([{ articleId: 'a' }])
    expect(fails('updateArticleDetails', [{ id: 'a', title: ' ', authors: [] }])).toBe('updateArticleDetails: title must not be empty')
    expect(validateArgs('updateArticleDetails', [{ id: 'a', title: 'T', authors: ['Jane Doe'] }])).toEqual([
      { id: 'a', title: 'T', authors: ['Jane Doe'], publisher: null, publishedAt: null, url: null }
    ])
    expect(fails('importFile', [{ name: ' ', base64: '' }])).toBe('importFile: name must not be empty')
    expect(validateArgs('importText', [{ text: 'hi', title: 'T', format: 'md' }])).toEqual([{ text: 'hi', title: 'T', format: 'md' }])
    expect(fails('importText', [{ text: 3 }])).toBe('importText: text must be text')
    expect(fails('importText', [{ text: 'hi', title: 'x'.repeat(501) }])).toBe('importText: title is too long (at most 500 characters)')
    expect(fails('reimportArticle', [{ articleId: ' ', name: 'a.txt', base64: '' }])).toBe('reimportArticle: articleId must not be empty')
    expect(validateArgs('reimportArticle', [{ articleId: 'a', name: 'a.txt', base64: '', x: 1 }])).toEqual([{ articleId: 'a', name: 'a.txt', base64: '' }])
  })

  it('importFile: a file over the limit is refused in plain words, with its size and the limit', () => {
    const base64 = Buffer.alloc(25 * 1024 * 1024, 0x61).toString('base64')
    expect(base64.length).toBeGreaterThan(27_963_052)
    const tooLarge = 'This file is too large to import: it is 25.0 MB and the limit is 20.0 MB.'
    expect(fails('importFile', [{ name: 'big.txt', base64 }])).toBe(tooLarge)
    expect(fails('reimportArticle', [{ articleId: 'a', name: 'big.txt', base64 }])).toBe(tooLarge)
    // The size is that of the decoded bytes: exactly the limit passes, one byte more does not.
    const limit = Buffer.alloc(MAX_IMPORT_BYTES, 0x61).toString('base64')
    expect(validateArgs('importFile', [{ name: 'max.txt', base64: limit }])).toEqual([{ name: 'max.txt', base64: limit }])
    const over = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61).toString('base64')
    expect(fails('importFile', [{ name: 'over.txt', base64: over }])).toBe('This file is too large to import: it is 20.0 MB and the limit is 20.0 MB.')
  })

  it('notes: createNote, renameNote, saveNote (deep doc check)', () => {
    expect(validateArgs('createNote', [{ title: 'Analysis', articleId: null }])).toEqual([{ title: 'Analysis', articleId: null }])
    expect(fails('createNote', [{ title: 'x', articleId: 7 }])).toBe('createNote: articleId must be text')
    expect(fails('renameNote', [{ id: 'n', title: '  ' }])).toBe('renameNote: title must not be empty')
    // One limit for note titles, shared with the note service (core/limits.ts).
    expect(fails('renameNote', [{ id: 'n', title: 'x'.repeat(201) }])).toBe('renameNote: title is too long (at most 200 characters)')
    expect(fails('createNote', [{ title: 'x'.repeat(201), articleId: null }])).toBe('createNote: title is too long (at most 200 characters)')
    expect(validateArgs('createNote', [{ title: 'Free' }])).toEqual([{ title: 'Free', articleId: null }])
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] }
    expect(validateArgs('saveNote', [{ id: 'n', doc, baseRevision: 3 }])).toEqual([{ id: 'n', doc, baseRevision: 3 }])
    expect(fails('saveNote', [{ id: 'n', doc: 'text', baseRevision: 3 }])).toBe('saveNote: doc must be an object')
    expect(fails('saveNote', [{ id: 'n', doc, baseRevision: -1 }])).toBe('saveNote: baseRevision must not be negative')
    expect(fails('saveNote', [{ id: 'n', doc: { type: 'paragraph' }, baseRevision: 0 }])).toBe(
      'The note could not be saved: the document must have type "doc".'
    )
    expect(fails('saveNote', [{ id: 'n', doc, baseRevision: 'x' }])).toBe('saveNote: baseRevision must be a whole number')
  })

  it('exportReport enums', () => {
    const ok = { articleId: 'a', format: 'pdf', pageSize: 'A4', scope: 'full', analyst: 'Ann', style: 'harvard' }
    expect(validateArgs('exportReport', [ok])).toEqual([ok])
    expect(fails('exportReport', [{ ...ok, style: 'mla' }])).toBe('exportReport: style must be one of apa, chicago-author-date, harvard')
    const { style: _s, ...noStyle } = ok
    expect(validateArgs('exportReport', [noStyle])).toEqual([{ ...ok, style: 'apa' }])
    expect(fails('exportReport', [{ ...ok, projectId: 'p1' }])).toBe(
      'exportReport: the export request needs exactly one of articleId, noteId or projectId (what the report covers)'
    )
    expect(fails('exportReport', [{ ...noStyle, articleId: null }])).toMatch(/needs exactly one of articleId, noteId or projectId/)
    expect(validateArgs('exportReport', [{ ...noStyle, articleId: undefined, noteId: 'n1' }])).toEqual([{ ...noStyle, articleId: undefined, noteId: 'n1', style: 'apa' }])
    expect(fails('exportReport', [{ ...ok, format: 'docx' }])).toBe('exportReport: format must be one of pdf, md, html, json')
    expect(fails('exportReport', [{ ...ok, pageSize: 'A3' }])).toBe('exportReport: pageSize must be one of A4, Letter')
    expect(fails('exportReport', [{ ...ok, scope: 'some' }])).toBe('exportReport: scope must be one of full, annotated')
    const { analyst: _a, ...noAnalyst } = ok
    expect(validateArgs('exportReport', [noAnalyst])).toEqual([{ ...noAnalyst, analyst: '' }])
    expect(validateArgs('suggestParagraphs', [{ query: ' ¶12 ' }])).toEqual([{ query: ' ¶12 ', articleId: null, projectId: null }])
  })

  it('search', () => {
    expect(validateArgs('search', [{ query: 'putin', limit: 5 }])).toEqual([{ query: 'putin', limit: 5 }])
    expect(fails('search', [{ query: 'x', limit: 0 }])).toBe('search: limit must be at least 1')
    expect(fails('search', [{ query: 'x', limit: 501 }])).toBe('search: limit must be at most 500')
    expect(fails('search', [{ query: 'x'.repeat(501) }])).toBe('search: query is too long (at most 500 characters)')
  })

  it('importAnnotations', () => {
    expect(validateArgs('importAnnotations', [{ articleId: 'a', json: '{}' }])).toEqual([{ articleId: 'a', json: '{}' }])
    expect(fails('importAnnotations', [{ articleId: 'a', json: '' }])).toBe('importAnnotations: json must not be empty')
  })

  it('saveFile', () => {
    const file = { filename: 'report.pdf', mimeType: 'application/pdf', base64: 'JVBERi0=', byteLength: 5 }
    expect(validateArgs('saveFile', [file])).toEqual([file])
    expect(fails('saveFile', [{ ...file, filename: '../etc/passwd' }])).toMatch(/plain file name/)
    expect(fails('saveFile', [{ ...file, mimeType: 'pdf' }])).toMatch(/type\/subtype/)
    expect(fails('saveFile', [{ ...file, byteLength: -2 }])).toBe('saveFile: byteLength must not be negative')
    expect(fails('saveFile', [{ ...file, filename: '..' }])).toBe('saveFile: filename must be a plain file name, without folders')
  })
})

describe('GlossApi follows from METHODS', () => {
  it('derives argument and result types from the schemas and as<T>()', () => {
    expectTypeOf<ApiArgs<'listArticles'>>().toEqualTypeOf<[]>()
    expectTypeOf<GlossApi['getArticle']>().toEqualTypeOf<(id: string) => Promise<Article>>()
    expectTypeOf<GlossApi['deleteNote']>().toEqualTypeOf<(id: string) => Promise<void>>()
    expectTypeOf<Parameters<GlossApi['createNote']>[0]>().toEqualTypeOf<{ title: string; articleId: string | null; projectId?: string | null | undefined }>()
    expectTypeOf<CreateHighlightRequest['targets'][number]>().toEqualTypeOf<HighlightSegmentTarget>()
    type Options = ExportOptions & { articleId?: string | null; noteId?: string | null; projectId?: string | null }
    expectTypeOf<ExportRequest>().toEqualTypeOf<{ [K in keyof Options]: Options[K] }>()
    expectTypeOf<ApiResult<'saveFile'>>().toEqualTypeOf<{ saved: boolean; path?: string }>()
    expectTypeOf<BackendMethod>().toEqualTypeOf<Exclude<ApiMethod, 'saveFile'>>()
  })
})
