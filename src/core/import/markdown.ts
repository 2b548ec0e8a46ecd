// Markdown import: marked turns it into HTML, which goes through the same sanitiser and segmenter as a web page
// (so emphasis, links, code blocks and tables come out as they do there).
import { Marked } from 'marked'
import type { ParsedArticle } from './types'
import { emptyDetails } from './types'
import { MAX_TITLE_LINE, cleanText, findBylineAndDate, titleFromFileName } from './clean'
import type { HtmlEnv } from './html/dom'
import { segmentHtml } from './html/segment'
import { normalizeDate } from './html/metadata'

interface FrontMatter {
  title?: string
  author?: string
  date?: string
}

/** Splits off YAML front matter (--- ... ---) and reads its simple `key: value` lines. */
export function splitFrontMatter(text: string): { body: string; meta: FrontMatter } {
  const m = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text)
  if (!m) return { body: text, meta: {} }
  const meta: FrontMatter = {}
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (!kv) continue
    const key = kv[1].toLowerCase()
    let value = kv[2].trim()
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1)
    }
    value = cleanText(value)
    if (!value) continue
    if (key === 'title') meta.title = value
    else if (key === 'author' || key === 'authors' || key === 'byline') meta.author = value
    else if (key === 'date' || key === 'published' || key === 'published_at' || key === 'publishedat') meta.date = value
  }
  return { body: text.slice(m[0].length), meta }
}

const marked = new Marked({ gfm: true, breaks: false, async: false })

/**
 * Parses Markdown into blocks. Title: front matter `title`, else the first h1, else the first line when short
 * and followed by a blank line (it becomes an h1 block), else the file name.
 */
export function parseMarkdown(text: string, name: string, env: HtmlEnv): ParsedArticle {
  const { body, meta } = splitFrontMatter(text.replace(/\r\n?/g, '\n'))
  const html = marked.parse(body) as string
  const blocks = segmentHtml(env.sanitize(html))
  let title = meta.title ?? ''
  if (!title) {
    const h1 = blocks.find((b) => b.kind === 'h1')
    if (h1) title = h1.text
  }
  if (!title && blocks.length > 1 && blocks[0].kind === 'p') {
    const lines = body.replace(/^\s*\n/, '').split('\n')
    const first = cleanText(lines[0] ?? '')
    if (first && first === blocks[0].text && first.length <= MAX_TITLE_LINE && (lines[1] ?? '').trim() === '') {
      title = first
      blocks[0] = { kind: 'h1', text: first }
    }
  }
  if (!title) title = titleFromFileName(name)
  const found = findBylineAndDate(blocks.filter((b) => b.kind === 'p').map((b) => b.text))
  return {
    ...emptyDetails(title),
    authors: meta.author ? splitAuthors(meta.author) : found.authors,
    publishedAt: meta.date ? (normalizeDate(meta.date) ?? meta.date) : found.publishedAt,
    format: 'md',
    blocks,
    warnings: []
  }
}

/** "Jane Doe, John Roe" / "Jane Doe and John Roe" / "[Jane Doe, John Roe]" -> the names. */
export function splitAuthors(value: string): string[] {
  return value
    .replace(/^\[(.*)\]$/, '$1')
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((n) => n.replace(/^["']|["']$/g, '').trim())
    .filter(Boolean)
}
