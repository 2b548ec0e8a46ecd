import { describe, expect, it } from 'vitest'
import { API_METHODS, GlossError, type ApiMethod } from './api'
import { validateArgs } from './api-validate'
import type { HighlightSegmentTarget } from './model'

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
  it('has a rule for every API method', () => {
    for (const m of API_METHODS) expect(() => validateArgs(m, [])).not.toThrow(/Unknown request/)
  })

  it('rejects unknown methods and non-list arguments', () => {
    expect(fails('dropTables', [])).toBe('Unknown request "dropTables".')
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
    expect(req).toEqual({ articleId: 'a1', color: 'green', comment: '', targets: [target()] })
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
  })

  it('updateHighlight: optional color/comment', () => {
    expect(validateArgs('updateHighlight', [{ id: 'h', comment: 'why' }])).toEqual([{ id: 'h', comment: 'why' }])
    expect(fails('updateHighlight', [{ id: 'h', color: 'pink' }])).toMatch(/color must be one of yellow, green, blue, red/)
  })

  it('importFile and importText', () => {
    expect(validateArgs('importFile', [{ name: 'a.txt', base64: 'aGVsbG8=' }])).toEqual([{ name: 'a.txt', base64: 'aGVsbG8=' }])
    expect(fails('importFile', [{ name: 'a.txt', base64: 'not base64!' }])).toBe('importFile: base64 must be base64-encoded')
    expect(fails('importFile', [{ name: 'a.txt', base64: '', format: 'pdf' }])).toBe('importFile: format must be one of txt, md, html')
    expect(fails('importFile', [{ name: ' ', base64: '' }])).toBe('importFile: name must not be empty')
    expect(validateArgs('importText', [{ text: 'hi', title: 'T', format: 'md' }])).toEqual([{ text: 'hi', title: 'T', format: 'md' }])
    expect(fails('importText', [{ text: 3 }])).toBe('importText: text must be text')
  })

  it('notes: createNote, renameNote, saveNote (deep doc check)', () => {
    expect(validateArgs('createNote', [{ title: 'Analysis', articleId: null }])).toEqual([{ title: 'Analysis', articleId: null }])
    expect(fails('createNote', [{ title: 'x', articleId: 7 }])).toBe('createNote: articleId must be text')
    expect(fails('renameNote', [{ id: 'n', title: '  ' }])).toBe('renameNote: title must not be empty')
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] }
    expect(validateArgs('saveNote', [{ id: 'n', doc, baseRevision: 3 }])).toEqual([{ id: 'n', doc, baseRevision: 3 }])
    expect(fails('saveNote', [{ id: 'n', doc: 'text', baseRevision: 3 }])).toBe('saveNote: doc must be an object')
    expect(fails('saveNote', [{ id: 'n', doc, baseRevision: -1 }])).toBe('saveNote: baseRevision must not be negative')
    expect(fails('saveNote', [{ id: 'n', doc: { type: 'paragraph' }, baseRevision: 0 }])).toMatch(/type "doc"/)
  })

  it('exportReport enums', () => {
    const ok = { articleId: 'a', format: 'pdf', pageSize: 'A4', scope: 'full', analyst: 'Ann' }
    expect(validateArgs('exportReport', [ok])).toEqual([ok])
    expect(fails('exportReport', [{ ...ok, format: 'docx' }])).toBe('exportReport: format must be one of pdf, md, html, json')
    expect(fails('exportReport', [{ ...ok, pageSize: 'A3' }])).toBe('exportReport: pageSize must be one of A4, Letter')
    expect(fails('exportReport', [{ ...ok, scope: 'some' }])).toBe('exportReport: scope must be one of full, annotated')
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
  })
})
