// What a shared project holds, as plain records, and the checks every record from a colleague passes before it
// reaches SQLite or the screen. A remote value is as untrusted as an imported file: each record is parsed with
// valibot (the contract's own field schemas and limits), text is tidied the way imports tidy it (NFC, control
// characters removed, whitespace collapsed in titles and names), addresses must be http(s) (or mailto in text), and
// anything else — a wrong type, an unknown format, a bad id, an oversized text — refuses the record with a reason.
import * as v from 'valibot'
import { SegmentTarget } from '../api/methods'
import { PARSE_CONFIG } from '../api/fields'
import {
  MAX_ARTICLE_TITLE,
  MAX_AUTHOR_NAME,
  MAX_AUTHORS,
  MAX_COMMENT,
  MAX_DATE_TEXT,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_NAME,
  MAX_NOTE_TITLE,
  MAX_PROJECT_TITLE,
  MAX_PUBLISHER,
  MAX_TARGETS,
  MAX_URL
} from '../limits'
import { HIGHLIGHT_COLORS, INLINE_MARK_TYPES, PARAGRAPH_KINDS, SOURCE_FORMATS, type HighlightSegmentTarget, type InlineMark, type Paragraph } from '../model'
import { MAX_TAG_NAME } from '../tags'
import { ACH_FORMAT, ACH_RATINGS, ACH_WEIGHTS, MAX_ACH_LABEL, MAX_ACH_TITLE, MAX_EVIDENCE, MAX_HYPOTHESES } from '../analysis/ach'
import { ULID } from './names'

import { ROLES } from './role-names'
export { ROLES, INVITE_ROLES, type Role, type InviteRole } from './role-names'

/** Most paragraphs one shared source may have (an import stops far below: 400,000 elements make fewer blocks). */
export const MAX_SYNC_PARAGRAPHS = 200_000
/** Most warnings kept with a source, and their length. */
const MAX_WARNINGS = 50
const MAX_WARNING = 1000
const MAX_LANG = 35
const MAX_EXCERPT = 2000
const MAX_PAGE_LABEL = 40
const MAX_MEMBER_NAME = 100

// ------------------------------------------------------------------------------------------- tidying text

// C0 and C1 controls other than tab and line feed; bidirectional overrides and isolates (they can disguise a title).
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g

/** Text of a paragraph or comment: NFC, CRLF to LF, control characters removed (tabs and line breaks kept). */
export const tidyText = (s: string): string => s.replace(/\r\n?/g, '\n').replace(CONTROLS, '').normalize('NFC')
/** A title or name: tidied text on one line, bidi controls removed, whitespace collapsed, trimmed. */
export const tidyLine = (s: string): string => tidyText(s).replace(BIDI, '').replace(/\s+/g, ' ').trim()

const count = (n: number): string => n.toLocaleString('en-US')

/** A one-line text (title, name), tidied, with at most `max` characters after tidying. */
function line(opts: { max: number; min?: number }) {
  return v.pipe(
    v.string('must be text'),
    v.maxLength(opts.max * 4, `is too long (at most ${count(opts.max)} characters)`),
    v.transform(tidyLine),
    v.check((s) => s.length >= (opts.min ?? 0), 'must not be empty'),
    v.maxLength(opts.max, `is too long (at most ${count(opts.max)} characters)`)
  )
}
const optionalLine = (max: number) => v.nullable(line({ max }), null)

/** A longer text (comment), tidied, at most `max` characters. */
function body(max: number) {
  return v.pipe(v.string('must be text'), v.maxLength(max, `is too long (at most ${count(max)} characters)`), v.transform(tidyText))
}

const ulid = v.pipe(v.string('must be text'), v.regex(ULID, 'must be a Gloss id'))
const paragraphId = v.pipe(v.string('must be text'), v.regex(/^p-[0-9a-z]{11}(?:-\d{1,7})?$/, 'must be a paragraph id'))
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/
const time = v.pipe(v.string('must be text'), v.regex(ISO_TIME, 'must be a time (ISO 8601, UTC)'))
const tombstone = v.nullable(time, null)
const whole = (min = 0, max = Number.MAX_SAFE_INTEGER) => v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max))

/** An address a reader may follow from a source's header: http or https only, parsed and re-serialised. */
export function webAddress(raw: string): string | null {
  try {
    const url = new URL(raw.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
/** A link inside a text: http, https or mailto. */
export function linkAddress(raw: string): string | null {
  try {
    const url = new URL(raw.trim())
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}
const url = v.nullable(
  v.pipe(v.string('must be text'), v.maxLength(MAX_URL, 'is too long'), v.transform(webAddress)),
  null
)

// ------------------------------------------------------------------------------------------------ records

export const ProjectMetaRecord = v.object({
  id: ulid,
  title: line({ min: 1, max: MAX_PROJECT_TITLE }),
  createdAt: time,
  updatedAt: time,
  deletedAt: tombstone
})
export type ProjectMetaRecord = v.InferOutput<typeof ProjectMetaRecord>

const InlineMarkSchema = v.object({
  type: v.picklist(INLINE_MARK_TYPES, 'must be a known text style'),
  start: whole(),
  end: whole(),
  href: v.optional(v.pipe(v.string(), v.maxLength(MAX_URL), v.transform(linkAddress)))
})

const ParagraphSchema = v.pipe(
  v.object({
    id: paragraphId,
    kind: v.picklist(PARAGRAPH_KINDS, 'must be a known kind of paragraph'),
    text: body(MAX_IMPORT_BYTES),
    list: v.optional(v.picklist(['ul', 'ol'] as const)),
    marks: v.optional(v.pipe(v.array(InlineMarkSchema), v.maxLength(100_000))),
    header: v.optional(v.boolean()),
    group: v.optional(whole(0, 10_000_000)),
    page: v.optional(line({ min: 1, max: MAX_PAGE_LABEL }))
  }),
  v.transform((p) => {
    // Styles must lie inside the text; a link whose address is not http(s)/mailto loses its address (its text stays).
    const marks = (p.marks ?? [])
      .filter((m) => m.start < m.end && m.end <= p.text.length)
      .filter((m) => m.type !== 'link' || !!m.href)
      .map((m): InlineMark => (m.type === 'link' ? { type: m.type, start: m.start, end: m.end, href: m.href! } : { type: m.type, start: m.start, end: m.end }))
    return { ...p, marks: marks.length ? marks : undefined }
  })
)

export const SourceRecord = v.pipe(
  v.object({
    id: ulid,
    title: line({ min: 1, max: MAX_ARTICLE_TITLE }),
    authors: v.pipe(v.array(line({ min: 1, max: MAX_AUTHOR_NAME })), v.maxLength(MAX_AUTHORS, 'has too many authors')),
    publisher: optionalLine(MAX_PUBLISHER),
    publishedAt: optionalLine(MAX_DATE_TEXT),
    url,
    accessedAt: tombstone,
    fileName: optionalLine(MAX_IMPORT_NAME),
    lang: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag'), v.maxLength(MAX_LANG)), null),
    excerpt: v.nullable(v.pipe(v.string(), v.maxLength(MAX_EXCERPT * 4), v.transform(tidyLine), v.maxLength(MAX_EXCERPT)), null),
    format: v.picklist(SOURCE_FORMATS, 'must be a known format'),
    warnings: v.pipe(v.array(line({ max: MAX_WARNING })), v.maxLength(MAX_WARNINGS)),
    paragraphs: v.pipe(v.array(ParagraphSchema, 'must be a list'), v.maxLength(MAX_SYNC_PARAGRAPHS, 'has too many paragraphs')),
    createdAt: time,
    updatedAt: time,
    /** The source was deleted from the library it came from. */
    deletedAt: tombstone,
    /** When it joined the project, and when it left it (a tombstone on the membership). */
    addedAt: time,
    removedAt: tombstone,
    by: v.optional(v.string(), '')
  }),
  v.check((s) => new Set(s.paragraphs.map((p) => p.id)).size === s.paragraphs.length, 'has two paragraphs with one id'),
  v.check((s) => s.paragraphs.reduce((n, p) => n + p.text.length, 0) <= MAX_IMPORT_BYTES, 'is longer than any import may be'),
  v.transform((s) => ({ ...s, paragraphs: s.paragraphs.map((p, index): Paragraph => paragraphOut(p, index)) }))
)
export type SourceRecord = v.InferOutput<typeof SourceRecord>

function paragraphOut(p: v.InferOutput<typeof ParagraphSchema>, index: number): Paragraph {
  const out: Paragraph = { id: p.id, index, kind: p.kind, text: p.text }
  if (p.list) out.list = p.list
  if (p.marks) out.marks = p.marks
  if (p.header) out.header = true
  if (p.group !== undefined) out.group = p.group
  if (p.page !== undefined) out.page = p.page
  return out
}

export const HighlightRecord = v.object({
  id: ulid,
  articleId: ulid,
  color: v.picklist(HIGHLIGHT_COLORS, 'must be one of the highlight colours'),
  comment: body(MAX_COMMENT),
  targets: v.pipe(
    v.array(v.pipe(v.unknown(), v.transform((t) => v.parse(SegmentTarget, t, PARSE_CONFIG) as HighlightSegmentTarget))),
    v.minLength(1, 'must not be empty'),
    v.maxLength(MAX_TARGETS)
  ),
  createdAt: time,
  updatedAt: time,
  deletedAt: tombstone,
  by: v.optional(v.string(), '')
})
export type HighlightRecord = v.InferOutput<typeof HighlightRecord>

export const TagRecord = v.object({
  id: ulid,
  name: line({ min: 1, max: MAX_TAG_NAME }),
  createdAt: time,
  updatedAt: time,
  deletedAt: tombstone
})
export type TagRecord = v.InferOutput<typeof TagRecord>

export const TAG_KINDS = ['highlight', 'article'] as const
export const TagLinkRecord = v.object({
  tagId: ulid,
  kind: v.picklist(TAG_KINDS),
  targetId: ulid,
  createdAt: time,
  updatedAt: time,
  deletedAt: tombstone
})
export type TagLinkRecord = v.InferOutput<typeof TagLinkRecord>
export const tagLinkKey = (l: Pick<TagLinkRecord, 'tagId' | 'kind' | 'targetId'>): string => `${l.tagId}:${l.kind}:${l.targetId}`

export const NoteMetaRecord = v.object({
  id: ulid,
  title: line({ max: MAX_NOTE_TITLE }),
  createdAt: time,
  updatedAt: time,
  deletedAt: tombstone,
  by: v.optional(v.string(), '')
})
export type NoteMetaRecord = v.InferOutput<typeof NoteMetaRecord>

// ACH matrices: the row's fields (format is its doc_version, matrix its doc without the title, which is a field of
// its own), plus three a shared matrix needs to tell a concurrent save from a later one: `version` (a new id at
// every save), `history` (the versions it was edited from, newest first) and `editedBy` (who saved it last).
/** The id the matrix editor gives a hypothesis or a piece of evidence ("h3", "e12"): letters, digits and dashes. */
const achItemId = v.pipe(v.string('must be text'), v.regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'must be an id of a hypothesis or evidence'))
/** How many earlier versions a shared matrix remembers (a save that saw any of them is not a concurrent one). */
export const ACH_HISTORY = 20

const AchSourceRecord = v.variant('kind', [
  v.object({ kind: v.literal('paragraph'), articleId: ulid, paragraphId, quote: body(MAX_ACH_LABEL) }),
  v.object({ kind: v.literal('highlight'), highlightId: ulid, articleId: ulid, paragraphId: v.nullable(paragraphId, null), quote: body(MAX_ACH_LABEL) })
], 'must be a paragraph or a highlight')

const AchContentRecord = v.pipe(
  v.object({
    hypotheses: v.pipe(v.array(v.object({ id: achItemId, label: body(MAX_ACH_LABEL) }), 'must be a list'), v.maxLength(MAX_HYPOTHESES, 'has too many hypotheses')),
    evidence: v.pipe(
      v.array(
        v.object({
          id: achItemId,
          label: body(MAX_ACH_LABEL),
          source: v.nullable(AchSourceRecord, null),
          credibility: v.picklist(ACH_WEIGHTS, 'must be low, medium or high'),
          relevance: v.picklist(ACH_WEIGHTS, 'must be low, medium or high'),
          ratings: v.pipe(
            v.record(achItemId, v.picklist(ACH_RATINGS, "must be a rating on Heuer's scale (CC, C, N, I, II, NA)")),
            v.check((r) => Object.keys(r).length <= MAX_HYPOTHESES, 'has too many ratings')
          )
        }),
        'must be a list'
      ),
      v.maxLength(MAX_EVIDENCE, 'has too much evidence')
    )
  }),
  v.check((m) => new Set(m.hypotheses.map((h) => h.id)).size === m.hypotheses.length, 'has two hypotheses with one id'),
  v.check((m) => new Set(m.evidence.map((e) => e.id)).size === m.evidence.length, 'has two pieces of evidence with one id'),
  v.check((m) => {
    const ids = new Set(m.hypotheses.map((h) => h.id))
    return m.evidence.every((e) => Object.keys(e.ratings).every((h) => ids.has(h)))
  }, 'rates a hypothesis that is not in the matrix')
)

export const AchMatrixRecord = v.object({
  id: ulid,
  projectId: ulid,
  title: line({ min: 1, max: MAX_ACH_TITLE }),
  format: v.literal(ACH_FORMAT, `was made by another version of Gloss (matrix format other than ${ACH_FORMAT})`),
  matrix: AchContentRecord,
  createdAt: time,
  updatedAt: time,
  deletedAt: tombstone,
  version: ulid,
  history: v.pipe(v.array(ulid, 'must be a list'), v.maxLength(ACH_HISTORY, 'is too long')),
  editedBy: v.optional(v.string(), ''),
  by: v.optional(v.string(), '')
})
export type AchMatrixRecord = v.InferOutput<typeof AchMatrixRecord>

export const MemberRecord = v.object({
  id: ulid,
  name: line({ max: MAX_MEMBER_NAME }),
  role: v.picklist(ROLES),
  addedAt: time,
  removedAt: tombstone
})
export type MemberRecord = v.InferOutput<typeof MemberRecord>

/** Every kind of entity in a project document, with its record type. */
export interface RecordOf {
  sources: SourceRecord
  highlights: HighlightRecord
  tags: TagRecord
  tagLinks: TagLinkRecord
  notes: NoteMetaRecord
  achMatrices: AchMatrixRecord
  members: MemberRecord
}
export type EntityKind = keyof RecordOf
export const ENTITY_KINDS: readonly EntityKind[] = ['sources', 'highlights', 'tags', 'tagLinks', 'notes', 'achMatrices', 'members']

export const SCHEMAS: { [K in EntityKind]: v.GenericSchema<unknown, RecordOf[K]> } = {
  sources: SourceRecord as v.GenericSchema<unknown, SourceRecord>,
  highlights: HighlightRecord as v.GenericSchema<unknown, HighlightRecord>,
  tags: TagRecord as v.GenericSchema<unknown, TagRecord>,
  tagLinks: TagLinkRecord as v.GenericSchema<unknown, TagLinkRecord>,
  notes: NoteMetaRecord as v.GenericSchema<unknown, NoteMetaRecord>,
  achMatrices: AchMatrixRecord as v.GenericSchema<unknown, AchMatrixRecord>,
  members: MemberRecord as v.GenericSchema<unknown, MemberRecord>
}

/** The key an entity is stored under in its map: its id (a tag link: tag, kind and target). */
export function keyOf<K extends EntityKind>(kind: K, record: RecordOf[K]): string {
  return kind === 'tagLinks' ? tagLinkKey(record as TagLinkRecord) : (record as { id: string }).id
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Parses a value from a colleague against a schema: the clean copy, or the first reason it is refused. */
export function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown): Checked<T> {
  try {
    const r = v.safeParse(schema, value, PARSE_CONFIG)
    if (r.success) return { ok: true, value: r.output }
    const issue = r.issues[0]
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? ''
    return { ok: false, reason: `${path ? `${path} ` : ''}${issue.message}` }
  } catch (error) {
    // A nested parse (highlight targets) throws its own ValiError.
    return { ok: false, reason: (error as Error).message }
  }
}

/**
 * Checks an entity of a kind, and that it is stored under its own key — and, given the project whose document holds
 * it, that it names no other project (an ACH matrix carries its project id).
 */
export function checkEntity<K extends EntityKind>(kind: K, key: string, value: unknown, projectId?: string): Checked<RecordOf[K]> {
  const r = check(SCHEMAS[kind], value)
  if (!r.ok) return r
  if (keyOf(kind, r.value) !== key) return { ok: false, reason: 'is stored under another id than its own' }
  if (projectId !== undefined && kind === 'achMatrices' && (r.value as AchMatrixRecord).projectId !== projectId) return { ok: false, reason: 'names another project' }
  return r
}
