// W3C Web Annotation (JSON-LD) export of highlights and note references, and import of highlights back.

import { targetAt } from '../anchoring/targets'
import { GlossError } from '../errors'
import {
  HIGHLIGHT_COLORS,
  type AnchoredHighlight,
  type Article,
  type Highlight,
  type HighlightColor,
  type HighlightSegmentTarget,
  type Note,
  type NoteRef,
  type Paragraph,
  type TextPositionSelector,
  type TextQuoteSelector
} from '../model'
import { extractRefs } from '../notes/refs'
import type { ReportInput, ReportModel } from './model'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** Most annotations accepted in one import. */
export const MAX_IMPORT_ANNOTATIONS = 20_000

/** A highlight read back from an export, ready to be checked and stored. */
export type ImportedHighlight = Pick<Highlight, 'articleId' | 'color' | 'comment' | 'targets'>

export const articleUrn = (articleId: string): string => `urn:gloss:article:${encodeURIComponent(articleId)}`
const paragraphUrn = (articleId: string, paragraphId: string): string => `${articleUrn(articleId)}#${encodeURIComponent(paragraphId)}`

function parseSource(source: string): { articleId: string; paragraphId: string | null } | null {
  const m = /^urn:gloss:article:([^#]+)(?:#(.*))?$/.exec(source)
  if (!m) return null
  try {
    return { articleId: decodeURIComponent(m[1]), paragraphId: m[2] ? decodeURIComponent(m[2]) : null }
  } catch {
    return null
  }
}

/** Marks a FragmentSelector that names a Gloss paragraph (its value is the paragraph id). */
export const PARAGRAPH_FRAGMENT = 'urn:gloss:paragraph'

/**
 * The IRI other tools know the source by: its web address, else its file name (a relative reference), else (pasted
 * text) its Gloss id.
 */
export function sourceIri(article: Pick<Article, 'id' | 'url' | 'fileName'>): string {
  if (article.url && /^https?:\/\//i.test(article.url)) return article.url
  if (article.fileName) return encodeURI(article.fileName).replace(/[?#]/g, encodeURIComponent)
  return articleUrn(article.id)
}

/**
 * A target in one paragraph: the source's real IRI, the quote (which any tool can place), and the paragraph with the
 * position inside it (which Gloss uses to put it back exactly). The target's id is the paragraph's urn:gloss: id.
 */
function paragraphTarget(article: Article, paragraphId: string, quote: TextQuoteSelector | null, position: TextPositionSelector | null): Record<string, unknown> {
  const selector: Record<string, unknown>[] = []
  if (quote) selector.push({ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix })
  selector.push({
    type: 'FragmentSelector',
    conformsTo: PARAGRAPH_FRAGMENT,
    value: paragraphId,
    ...(position ? { refinedBy: { type: 'TextPositionSelector', start: position.start, end: position.end } } : {})
  })
  return { type: 'SpecificResource', id: paragraphUrn(article.id, paragraphId), source: sourceIri(article), selector }
}

function highlightAnnotation(article: Article, h: AnchoredHighlight): Record<string, unknown> {
  const targets = h.targets.map((t) => paragraphTarget(article, t.paragraphId, t.quote, t.position))
  const comment = h.comment.trim()
  const bodies: Record<string, unknown>[] = []
  if (comment) bodies.push({ type: 'TextualBody', value: h.comment, format: 'text/plain', purpose: 'commenting' })
  for (const tag of h.tags ?? []) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  return {
    id: `urn:gloss:highlight:${encodeURIComponent(h.id)}`,
    type: 'Annotation',
    motivation: comment ? 'commenting' : 'highlighting',
    created: h.createdAt,
    modified: h.updatedAt,
    ...(bodies.length ? { body: bodies.length === 1 ? bodies[0] : bodies } : {}),
    target: targets.length === 1 ? targets[0] : targets,
    'gloss:color': h.color,
    'gloss:status': h.status
  }
}

function citationAnnotation(article: Article | undefined, note: Note, ref: NoteRef): Record<string, unknown> {
  let target: Record<string, unknown>
  if (!article) target = { type: 'SpecificResource', id: paragraphUrn(ref.articleId, ref.paragraphId), source: articleUrn(ref.articleId) }
  else {
    const p = article.paragraphs.find((x) => x.id === ref.paragraphId)
    const at = p && ref.quote ? p.text.indexOf(ref.quote) : -1
    if (p && at >= 0) {
      const { quote, position } = targetAt(p, at, at + ref.quote.length)
      target = paragraphTarget(article, p.id, quote, position)
    } else {
      const quote: TextQuoteSelector | null = ref.quote ? { type: 'TextQuoteSelector', exact: ref.quote, prefix: '', suffix: '' } : null
      target = paragraphTarget(article, ref.paragraphId, quote, null)
    }
  }
  return {
    id: `urn:gloss:note:${encodeURIComponent(note.id)}#ref-${ref.ordinal}`,
    type: 'Annotation',
    motivation: 'linking',
    created: note.createdAt,
    modified: note.updatedAt,
    body: { type: 'TextualBody', value: ref.context ? `${note.title}: ${ref.context}` : note.title, format: 'text/plain', purpose: 'describing' },
    target,
    'gloss:note': { id: note.id, title: note.title, ordinal: ref.ordinal }
  }
}

function reportUrn(input: ReportInput): string {
  const s = input.subject
  if (s.kind === 'article') return `${articleUrn(s.articleId)}/annotations`
  if (s.kind === 'note') return `urn:gloss:note:${encodeURIComponent(s.noteId)}/annotations`
  return `urn:gloss:project:${encodeURIComponent(s.projectId)}/annotations`
}

/**
 * The report as one W3C AnnotationCollection: every highlight of every source (one target per paragraph touched,
 * naming the real source), the notes' references to them (motivation "linking"), the sources' details, and the
 * bibliography as CSL-JSON.
 */
export function toWebAnnotations(input: ReportInput, model: ReportModel): object {
  const items: Record<string, unknown>[] = []
  for (const source of model.sources) {
    const article = input.articles[source.articleId]
    for (const h of input.highlights) if (h.articleId === article.id) items.push(highlightAnnotation(article, h))
  }
  const selected = new Set(model.notes.map((n) => n.id))
  for (const id of model.notes.map((n) => n.id)) {
    const note = input.notes.find((n) => n.id === id && selected.has(n.id))
    if (!note?.doc) continue
    for (const ref of extractRefs(note.id, note.doc)) items.push(citationAnnotation(input.articles[ref.articleId], note, ref))
  }
  const sources = model.sources.map((s) => ({
    id: articleUrn(s.articleId),
    source: sourceIri({ id: s.articleId, url: s.url, fileName: s.fileName }),
    title: s.title,
    authors: s.authors,
    publisher: s.publisher,
    published: s.publishedAt,
    url: s.url,
    accessed: s.accessedAt,
    fileName: s.fileName,
    format: s.format,
    language: input.articles[s.articleId]?.lang ?? null
  }))
  return {
    '@context': ANNO_CONTEXT,
    id: reportUrn(input),
    type: 'AnnotationCollection',
    label: model.meta.title,
    // What the annotations are about, so that a colleague (or another tool) can find the sources.
    'gloss:report': { kind: model.meta.kind, title: model.meta.title, project: model.meta.projectTitle, analyst: model.meta.analyst || null, style: model.meta.styleLabel },
    'gloss:sources': sources,
    ...(sources.length === 1 ? { 'gloss:source': sources[0] } : {}),
    'gloss:bibliography': model.bibliography.map((s) => s.csl),
    total: items.length,
    generated: input.exportedAt,
    generator: { type: 'Software', name: 'Gloss' },
    first: { type: 'AnnotationPage', startIndex: 0, items }
  }
}

// --------------------------------------------------------------------------------------------- import

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
const hasType = (v: Record<string, unknown>, type: string): boolean => asList(v.type).includes(type)

function annotationItems(json: unknown): unknown[] {
  const bad = (why: string): never => {
    throw new GlossError('invalid_input', `This file is not a Web Annotation export: ${why}.`)
  }
  let items: unknown
  if (Array.isArray(json)) items = json
  else if (!isObj(json)) bad('expected a JSON object or list')
  else if (hasType(json as Record<string, unknown>, 'Annotation')) items = [json]
  else if (hasType(json as Record<string, unknown>, 'AnnotationPage')) items = (json as Record<string, unknown>).items
  else if (hasType(json as Record<string, unknown>, 'AnnotationCollection')) {
    const c = json as Record<string, unknown>
    if (isObj(c.first)) items = c.first.items
    else if (Array.isArray(c.items)) items = c.items
    else if (c.total === 0) items = []
    else bad('the collection has no "first" page of annotations')
  } else bad('the "type" is not AnnotationCollection, AnnotationPage or Annotation')
  if (!Array.isArray(items)) return bad('the annotation list ("items") is missing')
  if (items.length > MAX_IMPORT_ANNOTATIONS)
    bad(`it holds ${items.length.toLocaleString('en-US')} annotations, more than the ${MAX_IMPORT_ANNOTATIONS.toLocaleString('en-US')} allowed`)
  return items
}

interface ParsedTarget {
  articleId: string | null
  /** The source's IRI as written (web address, file name or urn:gloss: id). */
  source: string | null
  paragraphId: string | null
  quote: TextQuoteSelector
  position: TextPositionSelector | null
}

function parseTarget(t: unknown): ParsedTarget | null {
  if (!isObj(t)) return null
  // Gloss names the paragraph in the target's id (older exports: in its source).
  const src = (typeof t.id === 'string' ? parseSource(t.id) : null) ?? (typeof t.source === 'string' ? parseSource(t.source) : null)
  let quote: TextQuoteSelector | null = null
  let position: TextPositionSelector | null = null
  let paragraphId = src?.paragraphId ?? null
  const readPosition = (s: Record<string, unknown>): void => {
    if (
      s.type === 'TextPositionSelector' &&
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      (s.start as number) >= 0 &&
      (s.end as number) > (s.start as number)
    )
      position = { type: 'TextPositionSelector', start: s.start as number, end: s.end as number }
  }
  for (const s of asList(t.selector)) {
    if (!isObj(s)) continue
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact.length > 0) {
      quote = {
        type: 'TextQuoteSelector',
        exact: s.exact,
        prefix: typeof s.prefix === 'string' ? s.prefix : '',
        suffix: typeof s.suffix === 'string' ? s.suffix : ''
      }
    } else if (s.type === 'FragmentSelector' && s.conformsTo === PARAGRAPH_FRAGMENT && typeof s.value === 'string') {
      paragraphId = s.value
      if (isObj(s.refinedBy)) readPosition(s.refinedBy)
    } else readPosition(s)
  }
  if (!quote) return null
  return { articleId: src?.articleId ?? null, paragraphId, source: typeof t.source === 'string' ? t.source : null, quote, position }
}

/** Common suffix length of a and b (how well `prefix` fits before a match). */
function tailMatch(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}
function headMatch(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/** Best exact occurrence of the quote in the paragraph, scored by prefix/suffix fit and closeness to a hint. */
function locateIn(p: Paragraph, q: TextQuoteSelector, hint: number | null): { start: number; score: number } | null {
  let best: { start: number; score: number; dist: number } | null = null
  for (let at = p.text.indexOf(q.exact); at >= 0; at = p.text.indexOf(q.exact, at + 1)) {
    const score =
      tailMatch(p.text.slice(Math.max(0, at - q.prefix.length), at), q.prefix) + headMatch(p.text.slice(at + q.exact.length), q.suffix)
    const dist = hint === null ? 0 : Math.abs(at - hint)
    if (!best || score > best.score || (score === best.score && dist < best.dist)) best = { start: at, score, dist }
  }
  return best
}

function segmentFor(article: Article, t: ParsedTarget, sameArticle: boolean): HighlightSegmentTarget | null {
  const own = sameArticle && t.paragraphId ? article.paragraphs.find((p) => p.id === t.paragraphId) : undefined
  // Stored selectors are always rebuilt from the text (targetAt), so they follow the same rules as a new selection.
  if (own && t.position && own.text.slice(t.position.start, t.position.end) === t.quote.exact) {
    return targetAt(own, t.position.start, t.position.end)
  }
  let found: { p: Paragraph; start: number; score: number } | null = null
  if (own) {
    const hit = locateIn(own, t.quote, t.position?.start ?? null)
    if (hit) found = { p: own, ...hit }
  }
  if (!found) {
    for (const p of article.paragraphs) {
      const hit = locateIn(p, t.quote, null)
      if (hit && (!found || hit.score > found.score)) found = { p, ...hit }
    }
  }
  if (!found) return null
  return targetAt(found.p, found.start, found.start + t.quote.exact.length)
}

function bodyComment(body: unknown): string {
  return asList(body)
    .map((b) => (typeof b === 'string' ? b : isObj(b) && typeof b.value === 'string' && b.purpose !== 'tagging' ? b.value : ''))
    .filter((s) => s.trim())
    .join('\n\n')
}

/**
 * Restores highlights from a Web Annotation export. Only highlighting/commenting annotations are used; targets of
 * this article are placed by paragraph id and position when they still fit, otherwise (or for another copy of the
 * article) by their quoted text. Throws GlossError('invalid_input') when the JSON is not an annotation export.
 */
export function fromWebAnnotations(
  json: unknown,
  article: Article
): { highlights: ImportedHighlight[]; skipped: number; warnings: string[] } {
  const items = annotationItems(json)
  // A report of several sources holds annotations of each: only this article's are used (by Gloss id, or by the
  // source's web address or file name for another copy of it).
  const sourceCount = isObj(json) && Array.isArray(json['gloss:sources']) ? json['gloss:sources'].length : 1
  const iri = sourceIri(article)
  const isThisArticle = (t: ParsedTarget): boolean => t.articleId === article.id || (t.source !== null && t.source === iri)
  let otherSources = 0
  let matchedAny = false
  const highlights: ImportedHighlight[] = []
  let notHighlights = 0
  let malformed = 0
  let notFound = 0
  let partial = 0
  let relocated = 0
  const order = new Map(article.paragraphs.map((p, i) => [p.id, i]))
  for (const item of items) {
    if (!isObj(item) || !hasType(item, 'Annotation')) {
      malformed++
      continue
    }
    const motivations = asList(item.motivation)
    if (!motivations.some((m) => m === 'highlighting' || m === 'commenting' || m === 'oa:highlighting' || m === 'oa:commenting')) {
      notHighlights++
      continue
    }
    const targets = asList(item.target).map(parseTarget)
    const parsed = targets.filter((t): t is ParsedTarget => t !== null)
    if (!parsed.length) {
      malformed++
      continue
    }
    if (sourceCount > 1) {
      if (!parsed.some(isThisArticle)) {
        otherSources++
        continue
      }
      matchedAny = true
    }
    const segments: HighlightSegmentTarget[] = []
    let moved = false
    for (const t of parsed) {
      const same = t.articleId === article.id
      if (!same) moved = true
      const seg = segmentFor(article, t, same)
      if (seg && !segments.some((s) => s.paragraphId === seg.paragraphId && s.position.start === seg.position.start)) segments.push(seg)
    }
    if (!segments.length) {
      notFound++
      continue
    }
    if (segments.length < targets.length) partial++
    if (moved) relocated++
    segments.sort((a, b) => order.get(a.paragraphId)! - order.get(b.paragraphId)! || a.position.start - b.position.start)
    const rawColor = item['gloss:color']
    const color: HighlightColor = HIGHLIGHT_COLORS.includes(rawColor as HighlightColor) ? (rawColor as HighlightColor) : 'yellow'
    const comment = bodyComment(item.body)
    highlights.push({ articleId: article.id, color, comment, targets: segments })
  }
  if (sourceCount > 1 && !matchedAny && items.length)
    throw new GlossError(
      'invalid_input',
      `This file holds annotations of ${sourceCount} sources, and none of them is this article (matched by its Gloss id, web address or file name).`
    )
  const warnings: string[] = []
  const say = (k: number, one: string, many: string): void => {
    if (k) warnings.push(k === 1 ? one : many.replace('#', String(k)))
  }
  say(notFound, '1 highlight was skipped because its passage is not in this article.', '# highlights were skipped because their passages are not in this article.')
  say(malformed, '1 entry was skipped because it is not a text annotation Gloss can read.', '# entries were skipped because they are not text annotations Gloss can read.')
  say(
    notHighlights,
    '1 annotation was skipped because it is not a highlight or comment (for example a note reference).',
    '# annotations were skipped because they are not highlights or comments (for example note references).'
  )
  say(partial, '1 highlight was only partly found in this article; the parts found were kept.', '# highlights were only partly found in this article; the parts found were kept.')
  say(relocated, '1 highlight was made for another copy of this article and placed by its quoted text.', '# highlights were made for another copy of this article and placed by their quoted text.')
  say(otherSources, '1 annotation is about another source in this file and was left out.', '# annotations are about other sources in this file and were left out.')
  return { highlights, skipped: notFound + malformed + notHighlights + otherSources, warnings }
}
