// EPUB: the zip's container.xml names the package (OPF); its spine gives the chapters in reading order, its
// metadata the details; the navigation document (EPUB 3) or NCX (EPUB 2) gives chapter titles. Each chapter's
// XHTML goes through the same sanitiser and segmenter as a web page. Books protected by DRM are refused.
import { GlossError } from '../errors'
import { titleFromFileName } from './clean'
import type { DomDocument, HtmlEnv } from './html/dom'
import { cutAtWord, normalizeDate, normalizeLang } from './html/metadata'
import { segmentHtml } from './html/segment'
import { emptyDetails, type Block, type ParsedArticle } from './types'
import type { Unzipped } from 'fflate'
import { elementsNamed, entryText, firstText, resolvePath, textOf, unzip } from './zip'

export const EPUB_DRM = 'This EPUB is protected by DRM (its chapters are encrypted), so Gloss cannot read it.'
const damaged = (why: string): GlossError => new GlossError('import_rejected', `This EPUB is damaged (${why}), so it was not imported.`)

/** Font obfuscation is not DRM: the text stays readable. */
const FONT_OBFUSCATION = /idpf\.org\/2008\/embedding|ns\.adobe\.com\/pdf\/enc#RC/

function parseXml(env: HtmlEnv, xml: string, what: string): DomDocument {
  try {
    return env.parseXml(xml)
  } catch {
    throw damaged(`${what} is not well-formed XML`)
  }
}

/** Chapter titles by chapter file, from the EPUB 3 navigation document or the EPUB 2 NCX. */
function chapterTitles(env: HtmlEnv, files: Unzipped, items: { href: string; mediaType: string; properties: string }[]): Map<string, string> {
  const titles = new Map<string, string>()
  const nav = items.find((i) => i.properties.split(/\s+/).includes('nav'))
  const ncx = items.find((i) => i.mediaType === 'application/x-dtbncx+xml')
  if (nav) {
    const xml = entryText(files, nav.href)
    if (xml) {
      const doc = env.parseXml(xml)
      const tocNav = elementsNamed(doc, 'nav').find((n) => /toc/.test(n.getAttribute('epub:type') ?? n.getAttribute('type') ?? '')) ?? elementsNamed(doc, 'nav')[0]
      for (const a of tocNav ? elementsNamed(tocNav, 'a') : []) {
        const href = a.getAttribute('href')
        const file = href && resolvePath(nav.href, href)
        if (file && !titles.has(file) && textOf(a)) titles.set(file, textOf(a))
      }
    }
  }
  if (!titles.size && ncx) {
    const xml = entryText(files, ncx.href)
    if (xml) {
      const doc = env.parseXml(xml)
      for (const point of elementsNamed(doc, 'navPoint')) {
        const src = elementsNamed(point, 'content')[0]?.getAttribute('src')
        const label = textOf(elementsNamed(point, 'navLabel')[0])
        const file = src && resolvePath(ncx.href, src)
        if (file && label && !titles.has(file)) titles.set(file, label)
      }
    }
  }
  return titles
}

export function parseEpub(bytes: Uint8Array, name: string, env: HtmlEnv, progress?: (done: number, total: number) => void): ParsedArticle {
  const files = unzip(bytes, 'This EPUB')
  if (files['META-INF/rights.xml']) throw new GlossError('import_rejected', EPUB_DRM)
  const encryption = entryText(files, 'META-INF/encryption.xml')
  if (encryption) {
    const doc = parseXml(env, encryption, 'encryption.xml')
    const drm = elementsNamed(doc, 'EncryptionMethod').some((m) => !FONT_OBFUSCATION.test(m.getAttribute('Algorithm') ?? ''))
    if (drm) throw new GlossError('import_rejected', EPUB_DRM)
  }
  const container = entryText(files, 'META-INF/container.xml')
  if (!container) throw damaged('META-INF/container.xml is missing')
  const opfPath = elementsNamed(parseXml(env, container, 'container.xml'), 'rootfile')[0]?.getAttribute('full-path')
  const opfXml = opfPath ? entryText(files, opfPath) : null
  if (!opfPath || !opfXml) throw damaged('its package document is missing')
  const opf = parseXml(env, opfXml, 'the package document')

  const manifest = new Map<string, { href: string; mediaType: string; properties: string }>()
  for (const item of elementsNamed(opf, 'item')) {
    const id = item.getAttribute('id')
    const href = item.getAttribute('href')
    if (id && href) manifest.set(id, { href: resolvePath(opfPath, href), mediaType: item.getAttribute('media-type') ?? '', properties: item.getAttribute('properties') ?? '' })
  }
  const spine = elementsNamed(opf, 'itemref')
    .filter((r) => r.getAttribute('linear') !== 'no')
    .map((r) => manifest.get(r.getAttribute('idref') ?? ''))
    .filter((i): i is { href: string; mediaType: string; properties: string } => !!i && /html/.test(i.mediaType))
  if (!spine.length) throw damaged('its table of contents lists no chapters')
  const titles = chapterTitles(env, files, [...manifest.values()])

  const blocks: Block[] = []
  let missing = 0
  spine.forEach((item, i) => {
    progress?.(i, spine.length)
    const xhtml = entryText(files, item.href)
    if (xhtml === null) {
      missing++
      return
    }
    const body = /<body[\s>][\s\S]*<\/body>/i.exec(xhtml)?.[0] ?? xhtml
    const chapter = segmentHtml(env.sanitize(body))
    const title = titles.get(item.href)
    // A chapter that does not open with its own heading gets its title from the table of contents.
    if (title && !(chapter[0] && /^h[1-6]$/.test(chapter[0].kind))) chapter.unshift({ kind: 'h2', text: title.replace(/\s+/g, ' ').trim() })
    blocks.push(...chapter)
  })
  progress?.(spine.length, spine.length)
  const creators = elementsNamed(opf, 'creator')
  // Authors first (role "aut" or none); editors, illustrators… are not authors.
  const authors = creators.filter((c) => !c.getAttribute('opf:role') || c.getAttribute('opf:role') === 'aut').map(textOf).filter(Boolean)
  const rawDate = firstText(opf, 'date')
  const description = firstText(opf, 'description')
  const warnings = missing ? [`${missing} chapter${missing === 1 ? ' is' : 's are'} missing from the book and could not be read.`] : []
  return {
    ...emptyDetails(firstText(opf, 'title') ?? titleFromFileName(name)),
    authors,
    publisher: firstText(opf, 'publisher'),
    publishedAt: rawDate ? (normalizeDate(rawDate) ?? (/^\d{4}(-\d{2})?$/.test(rawDate) ? rawDate : null)) : null,
    lang: normalizeLang(firstText(opf, 'language')),
    excerpt: description ? cutAtWord(description.replace(/<[^>]+>/g, ' '), 300) : null,
    format: 'epub',
    blocks,
    warnings
  }
}
