// Article metadata from a web page: title, authors, site, date, canonical address, language and a short excerpt.
// Sources, best first: JSON-LD (schema.org), Open Graph / article:* / Dublin Core / citation_* meta tags, the
// document itself (<title>, <time>, bylines), then what Readability found.
import type { FoundDetails } from '../types'
import type { DomDocument, DomElement } from './dom'

/** What Readability reports about the page (any field may be missing). */
export interface ReadabilityHints {
  title?: string | null
  byline?: string | null
  siteName?: string | null
  publishedTime?: string | null
  lang?: string | null
  excerpt?: string | null
}

export const MAX_EXCERPT = 300

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim()

type Json = unknown

/** Every object in the page's JSON-LD blocks (arrays and @graph flattened). */
export function jsonLdObjects(scripts: DomElement[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = []
  const visit = (v: Json, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1)
      return
    }
    const o = v as Record<string, Json>
    out.push(o)
    if (o['@graph']) visit(o['@graph'], depth + 1)
  }
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i].textContent ?? ''
    if (raw.length > 500_000) continue
    try {
      visit(JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, '')), 0)
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  return out
}

function types(o: Record<string, Json>): string[] {
  const t = o['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string')
}

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting|Review|Chapter|Book|Thesis|Legislation)$/
const PAGE_TYPES = /^(?:WebPage|ItemPage|AboutPage|CollectionPage)$/

/** The JSON-LD object describing the page's main work: an article type first, else a web page. */
function mainWork(objects: Record<string, Json>[]): Record<string, Json> | null {
  return (
    objects.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t))) ?? objects.find((o) => types(o).some((t) => PAGE_TYPES.test(t))) ?? null
  )
}

function str(v: Json): string | null {
  if (typeof v === 'string') return clean(v) || null
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return str(v[0])
  if (v && typeof v === 'object') {
    const o = v as Record<string, Json>
    return str(o.name ?? o['@value'] ?? o.url ?? o['@id'] ?? null)
  }
  return null
}

function names(v: Json): string[] {
  if (!v) return []
  if (Array.isArray(v)) return v.flatMap(names)
  if (typeof v === 'string') return [v]
  if (typeof v === 'object') {
    const o = v as Record<string, Json>
    const n = o.name ?? [o.givenName, o.familyName].filter((x) => typeof x === 'string').join(' ')
    return typeof n === 'string' && n ? [n] : []
  }
  return []
}

/** Meta tag values by lower-cased name, property, itemprop or http-equiv, in document order. */
function metaIndex(metas: DomElement[]): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]
    // Some saved pages carry the value in "value" instead of "content".
    const content = clean(m.getAttribute('content') ?? m.getAttribute('value'))
    if (!content) continue
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase()
      if (!key) continue
      for (const k of key.split(/\s+/)) {
        const list = index.get(k)
        if (list) list.push(content)
        else index.set(k, [content])
      }
    }
  }
  return index
}

const first = (index: Map<string, string[]>, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = index.get(k)?.[0]
    if (v) return v
  }
  return null
}

// ---- Titles ----

const SEPARATORS = /\s+[|\u2013\u2014·•»«~/]\s+|\s+[-:]\s+|\s+::\s+/

function sameName(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/^www\./, '')
      .replace(/\.(com|org|net|co\.uk|gov|edu)$/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '')
  return !!a && !!b && norm(a) === norm(b)
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length

/**
 * A page title without the site's name ("Fed lifts rates | Reuters" -> "Fed lifts rates"). Segments equal to the
 * site's name are dropped from either end. With `trimTails` (for a <title>, which sites brand), short tails of at most
 * 4 words after a longer title are dropped too ("Dylann Roof Convicted : The Two-Way : NPR"). A heading on the page
 * that the title starts with, followed by a separator, is taken as the title itself.
 */
export function cleanTitle(title: string, siteName?: string | null, headings: string[] = [], trimTails = false): string {
  return splitTitle(title, siteName, headings, trimTails).title
}

/** cleanTitle, plus the branding segment it dropped last (a site's name, e.g. "NPR"), if any. */
export function splitTitle(title: string, siteName?: string | null, headings: string[] = [], trimTails = false): { title: string; brand: string | null } {
  const t = clean(title)
  const none = { title: t, brand: null }
  if (!t) return none
  for (const h of headings) {
    const hc = clean(h)
    if (hc.length >= 12 && hc !== t && t.startsWith(hc)) {
      const rest = t.slice(hc.length)
      const sep = new RegExp(`^(?:${SEPARATORS.source})`).exec(rest)
      if (sep) return { title: hc, brand: lastSegment(rest.slice(sep[0].length)) }
    }
  }
  const segs = t.split(SEPARATORS)
  const seps = t.match(new RegExp(SEPARATORS.source, 'g')) ?? []
  if (segs.length < 2) return none
  let start = 0
  let end = segs.length
  if (siteName) {
    while (end - start > 1 && sameName(segs[end - 1], siteName)) end--
    while (end - start > 1 && sameName(segs[start], siteName)) start++
  }
  if (trimTails) {
    while (end - start > 1 && words(segs[end - 1]) <= 4 && words(segs.slice(start, end - 1).join(' ')) >= 3) end--
  }
  let out = segs[start]
  for (let i = start + 1; i < end; i++) out += seps[i - 1] + segs[i]
  return { title: clean(out), brand: end < segs.length ? clean(segs[segs.length - 1]) || null : null }
}

function lastSegment(s: string): string | null {
  const segs = s.split(SEPARATORS).map(clean).filter(Boolean)
  return segs.length ? segs[segs.length - 1] : null
}

// ---- Authors ----

const NOT_A_NAME = /\b(?:staff|editor|editors|editorial|team|desk|newsroom|contributor|correspondent|reporter|writer|admin|associated press|reuters|afp|updated|published|twitter|facebook|email|follow)\b/i

/** Splits and tidies a byline into names: "By Jane Doe and John Roe | Twitter" -> ["Jane Doe", "John Roe"]. */
export function bylineNames(raw: string): string[] {
  let lines = raw
    .split(/\n+/)
    .map((l) => clean(l))
    .filter(Boolean)
  if (lines.length > 1 && /^(?:by|from)[:.]?$/i.test(lines[0])) lines = [`${lines[0]} ${lines[1]}`, ...lines.slice(2)]
  let s = lines[0] ?? ''
  s = s
    .replace(/^(?:(?:written|posted|story|words|reporting|text|compiled)\s+)?by[:.]?\s+/i, '')
    .replace(/\d+\s*[-\s]?min(?:ute)?s?\s*read\b.*$/i, '')
    .replace(/\s*[|•·]\s*.*$/, '')
    .replace(/\s+(?:on\s+)?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}).*$/i, '')
    .replace(/\s*\((?:[^)]*)\)\s*$/, '')
    .trim()
  const out: string[] = []
  for (let part of s.split(/\s*(?:,|;|&|\band\b|\bwith\b)\s*/i)) {
    part = part.replace(/^(?:by\s+)/i, '').replace(/[.,;:]+$/, '').trim()
    if (!part || part.length > 60 || /\d/.test(part) || /^https?:/i.test(part)) continue
    if (NOT_A_NAME.test(part)) continue
    const w = words(part)
    if (w < 1 || w > 5) continue
    if (!/^\p{Lu}/u.test(part)) continue
    // A single capitalised word is an outlet ("TIME", "Reuters"), not a person.
    if (w === 1 && (/^\p{Lu}{2,}$/u.test(part) || NOT_A_NAME.test(part))) continue
    out.push(part)
  }
  return out
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>()
  return list.filter((x) => {
    const k = x.toLowerCase()
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

// ---- Dates ----

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const pad = (n: number): string => String(n).padStart(2, '0')

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

/**
 * A publication date as ISO: "2016-12-15T20:41:00Z" and "2016-12-15" stay as they are; "December 15, 2016",
 * "15 Dec 2016", "20161215" and Unix times become ISO. Returns null for what is not clearly a date.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  const s = clean(raw)
  if (!s) return null
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s)
  if (m) {
    if (!validYmd(+m[1], +m[2], +m[3])) return null
    if (!m[4]) return `${m[1]}-${m[2]}-${m[3]}`
    const zone = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : ''
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s)
  if (m && validYmd(+m[1], +m[2], +m[3])) return `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`
  m = /^(\d{10}|\d{13})$/.exec(s)
  if (m) {
    const ms = s.length === 10 ? +s * 1000 : +s
    const d = new Date(ms)
    return d.getUTCFullYear() > 1990 && d.getUTCFullYear() < 2200 ? d.toISOString() : null
  }
  const body = s.replace(/^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)/i, '').replace(/^(?:published|posted|updated)(?:\s+on)?:?\s+/i, '')
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(body)
  if (m) {
    const mon = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1
    if (mon && validYmd(+m[3], mon, +m[2])) return `${m[3]}-${pad(mon)}-${pad(+m[2])}`
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(body)
  if (m) {
    const mon = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1
    if (mon && validYmd(+m[3], mon, +m[1])) return `${m[3]}-${pad(mon)}-${pad(+m[1])}`
  }
  return null
}

// ---- Addresses and language ----

function webUrl(raw: string | null | undefined, base?: string | null): string | null {
  const s = clean(raw)
  if (!s) return null
  try {
    const u = base ? new URL(s, base) : new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

/** "en_US" -> "en-US"; anything that is not a language tag -> null. */
export function normalizeLang(raw: string | null | undefined): string | null {
  const s = clean(raw).replace(/_/g, '-')
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(s)) return null
  const [lang, ...rest] = s.split('-')
  return [lang.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-')
}

/** Cuts a text at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function cutAtWord(text: string, max: number): string {
  const s = clean(text)
  if (s.length <= max) return s
  const cut = s.slice(0, max - 1)
  const at = cut.lastIndexOf(' ')
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}

const textsOf = (els: DomElement[]): string[] => els.slice(0, 20).map((e) => clean(e.textContent)).filter(Boolean)

/** The elements metadata is read from, found in one walk of the document (selector engines are slow on big pages). */
interface PageIndex {
  metas: DomElement[]
  ldScripts: DomElement[]
  title: DomElement | null
  canonical: DomElement | null
  /** <h1>s inside an <article>/<main>, then all of them. */
  mainHeadings: DomElement[]
  headings: DomElement[]
  /** <time pubdate>, [itemprop=datePublished], <time> in an article/main/header, any <time datetime>. */
  dates: DomElement[][]
  /** Author names marked up in the page (itemprop=author > itemprop=name, rel=author, .byline itemprop=name). */
  authors: DomElement[]
}

const tokens = (v: string | null): string[] => (v ?? '').toLowerCase().split(/\s+/).filter(Boolean)

function indexPage(doc: DomDocument): PageIndex {
  const index: PageIndex = { metas: [], ldScripts: [], title: null, canonical: null, mainHeadings: [], headings: [], dates: [[], [], [], []], authors: [] }
  const root = doc.documentElement
  if (!root) return index
  const stack: [DomElement, { inMain: boolean; inArticle: boolean; inAuthor: boolean; inByline: boolean }][] = [
    [root, { inMain: false, inArticle: false, inAuthor: false, inByline: false }]
  ]
  while (stack.length) {
    const [el, ctx] = stack.pop()!
    const tag = el.localName
    const itemprop = tokens(el.getAttribute('itemprop'))
    if (tag === 'meta') index.metas.push(el)
    else if (tag === 'script' && (el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') index.ldScripts.push(el)
    else if (tag === 'title' && !index.title) index.title = el
    else if (tag === 'link' && !index.canonical && tokens(el.getAttribute('rel')).includes('canonical')) index.canonical = el
    else if (tag === 'h1') (ctx.inArticle ? index.mainHeadings : index.headings).push(el)
    if (tag === 'time' && el.hasAttribute('datetime')) {
      if (el.hasAttribute('pubdate')) index.dates[0].push(el)
      else if (ctx.inMain) index.dates[2].push(el)
      else index.dates[3].push(el)
    }
    if (itemprop.includes('datepublished') && (el.hasAttribute('datetime') || el.hasAttribute('content'))) index.dates[1].push(el)
    if (tokens(el.getAttribute('rel')).includes('author') || ((ctx.inAuthor || ctx.inByline) && itemprop.includes('name'))) index.authors.push(el)
    const article = tag === 'article' || tag === 'main' || el.getAttribute('role') === 'main'
    const next = {
      inArticle: ctx.inArticle || article,
      inMain: ctx.inMain || article || tag === 'header',
      inAuthor: ctx.inAuthor || itemprop.includes('author'),
      inByline: ctx.inByline || tokens(el.getAttribute('class')).includes('byline')
    }
    const kids: DomElement[] = []
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) kids.push(c)
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], next])
  }
  // Headings in an article or main come first.
  index.headings = [...index.mainHeadings, ...index.headings]
  return index
}

function attrOf(el: DomElement | null, ...attrs: string[]): string | null {
  if (!el) return null
  for (const a of attrs) {
    const v = clean(el.getAttribute(a))
    if (v) return v
  }
  return null
}

/** Reads a page's metadata (the raw, unsanitised document: nothing in it is executed or displayed). */
export function readPageMetadata(doc: DomDocument, opts: { baseUrl?: string | null; readability?: ReadabilityHints | null } = {}): FoundDetails {
  const page = indexPage(doc)
  const meta = metaIndex(page.metas)
  const ld = mainWork(jsonLdObjects(page.ldScripts))
  const r = opts.readability ?? {}

  const declaredPublisher =
    first(meta, 'og:site_name') ??
    (ld ? str(ld.publisher) : null) ??
    first(meta, 'application-name', 'publisher', 'dc.publisher', 'citation_publisher', 'citation_journal_title') ??
    (clean(r.siteName) || null)

  // The article's own heading (inside the article when there is one) is its title as printed, when the page's
  // <title> or declared title contains it; otherwise the declared title (JSON-LD headline, og:title) or Readability's.
  const headings = textsOf(page.mainHeadings.length ? page.mainHeadings : page.headings)
  const pageTitle = clean(page.title?.textContent)
  const declared =
    (ld && str(ld.headline)) ||
    first(meta, 'og:title', 'twitter:title', 'citation_title', 'dc.title', 'title', 'sailthru.title', 'parsely-title') ||
    clean(r.title) ||
    null
  const fromPage = splitTitle(pageTitle, declaredPublisher, headings, true)
  const heading = headings.find((h) => h.length >= 8 && (pageTitle.includes(h) || (declared ?? '').includes(h)))
  const title = heading ?? (declared ? cleanTitle(declared, declaredPublisher, headings) : '')
  const publisher = declaredPublisher ?? fromPage.brand
  const finalTitle = title || fromPage.title || headings[0] || ''

  let authors: string[] = []
  const citationAuthors = meta.get('citation_author') ?? meta.get('dc.creator') ?? []
  const candidates: string[][] = [
    ld ? names(ld.author).flatMap((n) => bylineNames(n)) : [],
    citationAuthors.flatMap((n) => (n.includes(',') && words(n) <= 4 ? [n.split(',').reverse().map(clean).join(' ')] : bylineNames(n))),
    [first(meta, 'author', 'byl', 'parsely-author', 'sailthru.author', 'article:author_name', 'twitter:creator:name')]
      .filter((x): x is string => !!x && !/^https?:/i.test(x))
      .flatMap(bylineNames),
    (meta.get('article:author') ?? []).filter((x) => !/^https?:|\.com\b/i.test(x)).flatMap(bylineNames),
    textsOf(page.authors).flatMap(bylineNames),
    r.byline ? bylineNames(r.byline) : []
  ]
  for (const list of candidates) {
    const ok = dedupe(list).filter((n) => !(publisher && sameName(n, publisher)))
    if (ok.length) {
      authors = ok
      break
    }
  }

  const timeEl = page.dates.find((list) => list.length)?.[0] ?? null
  const dateCandidates = [
    first(meta, 'article:published_time', 'og:published_time', 'published_time'),
    ld ? str(ld.datePublished) : null,
    first(
      meta,
      'datepublished', 'citation_publication_date', 'citation_date', 'dc.date.issued', 'dcterms.issued', 'dc.date',
      'dcterms.created', 'date', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'sailthru.date',
      'parsely-pub-date', 'article.published', 'ptime'
    ),
    attrOf(timeEl, 'datetime', 'content'),
    r.publishedTime ?? null,
    ld ? str(ld.dateCreated) : null
  ]
  let publishedAt: string | null = null
  for (const c of dateCandidates) {
    publishedAt = normalizeDate(c)
    if (publishedAt) break
  }

  const canonical = page.canonical?.getAttribute('href')
  const url =
    webUrl(canonical, opts.baseUrl) ??
    webUrl(first(meta, 'og:url', 'twitter:url'), opts.baseUrl) ??
    (ld ? webUrl(str(ld.url) ?? str(ld.mainEntityOfPage), opts.baseUrl) : null)

  const lang =
    normalizeLang(doc.documentElement?.getAttribute('lang')) ??
    normalizeLang(doc.documentElement?.getAttribute('xml:lang')) ??
    normalizeLang(first(meta, 'content-language', 'dc.language', 'language')) ??
    normalizeLang(ld ? str(ld.inLanguage) : null) ??
    normalizeLang(first(meta, 'og:locale')) ??
    normalizeLang(r.lang)

  const description =
    first(meta, 'og:description', 'description', 'twitter:description', 'dc.description', 'citation_abstract') ??
    (ld ? str(ld.description) : null) ??
    (clean(r.excerpt) || null)
  const excerpt = description ? cutAtWord(description, MAX_EXCERPT) : null

  return { title: finalTitle, authors, publisher: publisher ? cutAtWord(publisher, 200) : null, publishedAt, url, lang, excerpt }
}
