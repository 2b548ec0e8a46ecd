// Word (.docx): mammoth (in the shell) turns the document into HTML — headings, lists, tables, footnotes and
// endnotes — which goes through the same sanitiser and segmenter as a web page. Footnotes and endnotes are kept as
// footnote paragraphs at the end, numbered as in the document. Title, author and date come from docProps/core.xml.
import { GlossError } from '../errors'
import { titleFromFileName, withoutTitleBlock } from './clean'
import { isElement, type DomElement, type HtmlEnv } from './html/dom'
import { normalizeDate } from './html/metadata'
import { segmentHtml } from './html/segment'
import { emptyDetails, type Block, type ParsedArticle } from './types'
import { elementsNamed, entryText, firstText, unzip } from './zip'

/** mammoth's notes: <li id="footnote-1"> / <li id="endnote-1">, each ending with a "↑" link back to the text. */
const NOTE_ID = /^(?:footnote|endnote)-(\d+)$/

function notesOf(root: DomElement): { n: string; el: DomElement }[] {
  const out: { n: string; el: DomElement }[] = []
  const walk = (el: DomElement): void => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const m = c.localName === 'li' ? NOTE_ID.exec(c.getAttribute('id') ?? '') : null
      if (m) out.push({ n: m[1], el: c })
      else walk(c)
    }
  }
  walk(root)
  return out
}

/**
 * `html` is mammoth's rendering of the document; `coreXml` its docProps/core.xml (read from the container before
 * mammoth runs, see docxProperties), or null.
 */
/** Opens the container (refusing a damaged or bomb-like one) and returns its document properties, if any. */
export function docxProperties(bytes: Uint8Array): string | null {
  const files = unzip(bytes, 'This Word document')
  if (!files['word/document.xml']) {
    throw new GlossError('import_rejected', 'This Word document is damaged (word/document.xml is missing), so it was not imported.')
  }
  return entryText(files, 'docProps/core.xml')
}

export function parseDocx(html: string, coreXml: string | null, name: string, env: HtmlEnv): ParsedArticle {
  const root = env.sanitize(html)
  const notes = notesOf(root)
  const noteBlocks: Block[] = []
  for (const { n, el } of notes) {
    // The back-link arrow to the text is navigation, not part of the note.
    for (const a of elementsNamed(el, 'a')) if (/^#(?:footnote|endnote)-ref-/.test(a.getAttribute('href') ?? '')) a.remove()
    const text = segmentHtml(el).map((b) => b.text).join(' ').replace(/\s+/g, ' ').trim()
    if (text) noteBlocks.push({ kind: 'footnote', text: `${n} ${text}` })
  }
  // The lists that held the notes go too (they are empty now, or hold only the notes).
  for (const { el } of notes) {
    const list = el.parentNode
    el.remove()
    if (list && isElement(list) && !list.firstElementChild) list.remove()
  }
  const blocks = [...segmentHtml(root), ...noteBlocks]

  // Document properties: docProps/core.xml (Dublin Core).
  let title: string | null = null
  let authors: string[] = []
  let publishedAt: string | null = null
  if (coreXml) {
    try {
      const doc = env.parseXml(coreXml)
      title = firstText(doc, 'title')
      const creator = firstText(doc, 'creator')
      authors = creator ? creator.split(/\s*;\s*/).filter(Boolean) : []
      publishedAt = normalizeDate(firstText(doc, 'created'))?.slice(0, 10) ?? null
    } catch {
      // Unreadable properties: the text still imports; the details can be edited.
    }
  }
  const heading = blocks.find((b) => b.kind === 'h1')?.text
  const chosen = title || heading || titleFromFileName(name)
  return {
    ...emptyDetails(chosen),
    authors,
    publishedAt,
    format: 'docx',
    blocks: withoutTitleBlock(blocks, chosen),
    warnings: []
  }
}
