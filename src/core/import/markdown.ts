// Markdown import: marked's lexer, reduced to plain-text blocks.
import { Lexer, type Token, type Tokens } from 'marked'
import type { Block, ParsedArticle } from './types'
import type { ParagraphKind } from '../model'
import { MAX_TITLE_LINE, cleanText, findBylineAndDate, titleFromFileName } from './clean'
import { decodeEntities, htmlToText } from './entities'

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
    else if (key === 'author' || key === 'authors' || key === 'byline') meta.author = value.replace(/^\[(.*)\]$/, '$1')
    else if (key === 'date' || key === 'published' || key === 'published_at' || key === 'publishedat') meta.date = value
  }
  return { body: text.slice(m[0].length), meta }
}

/** Plain text of inline tokens: links keep their text, emphasis markers go, code spans keep their text. */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return ''
  let out = ''
  for (const t of tokens) {
    switch (t.type) {
      case 'html':
        out += htmlToText((t as Tokens.HTML).text)
        break
      case 'codespan':
        out += (t as Tokens.Codespan).text
        break
      case 'escape':
        out += (t as Tokens.Escape).text
        break
      case 'br':
        out += ' '
        break
      case 'checkbox':
        break
      case 'image':
        out += decodeEntities((t as Tokens.Image).text)
        break
      default: {
        const withTokens = t as { tokens?: Token[]; text?: string }
        if (withTokens.tokens && withTokens.tokens.length) out += inlineText(withTokens.tokens)
        else if (typeof withTokens.text === 'string') out += decodeEntities(withTokens.text)
      }
    }
  }
  return out
}

const BLOCK_HTML_BREAK = /<\/(?:p|div|section|article|li|h[1-6]|blockquote|pre|tr|table|ul|ol|header|footer)\s*>|<br\s*\/?>|<hr\b[^>]*>/gi

function push(blocks: Block[], kind: ParagraphKind, text: string, list?: 'ul' | 'ol'): void {
  const clean = cleanText(text)
  if (!clean) return
  blocks.push(list ? { kind, text: clean, list } : { kind, text: clean })
}

function walk(tokens: Token[], blocks: Block[], quoted: boolean): void {
  const pKind: ParagraphKind = quoted ? 'blockquote' : 'p'
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading
        push(blocks, quoted ? 'blockquote' : (`h${Math.min(6, Math.max(1, h.depth))}` as ParagraphKind), inlineText(h.tokens))
        break
      }
      case 'paragraph':
      case 'text': {
        const p = t as Tokens.Paragraph
        push(blocks, pKind, p.tokens ? inlineText(p.tokens) : decodeEntities(p.text))
        break
      }
      case 'list':
        walkList(t as Tokens.List, blocks)
        break
      case 'blockquote':
        walk((t as Tokens.Blockquote).tokens, blocks, true)
        break
      case 'code':
        push(blocks, pKind, (t as Tokens.Code).text)
        break
      case 'html': {
        const html = (t as Tokens.HTML).text.replace(BLOCK_HTML_BREAK, '\n\n')
        for (const part of htmlToText(html).split(/\n\s*\n/)) push(blocks, pKind, part)
        break
      }
      case 'table': {
        const table = t as Tokens.Table
        push(blocks, pKind, table.header.map((c) => inlineText(c.tokens)).join(' | '))
        for (const row of table.rows) push(blocks, pKind, row.map((c) => inlineText(c.tokens)).join(' | '))
        break
      }
      default:
        // space, hr, def and unknown tokens carry no text of their own.
        break
    }
  }
}

/** List items become 'li' blocks; nested lists are flattened in reading order. */
function walkList(list: Tokens.List, blocks: Block[]): void {
  const kind = list.ordered ? 'ol' : 'ul'
  for (const item of list.items) {
    const own: string[] = []
    const nested: Token[] = []
    for (const t of item.tokens) {
      if (t.type === 'list') nested.push(t)
      else if (t.type === 'text' || t.type === 'paragraph') {
        const p = t as Tokens.Paragraph
        own.push(p.tokens ? inlineText(p.tokens) : decodeEntities(p.text))
      } else if (t.type === 'code') own.push((t as Tokens.Code).text)
      else if (t.type !== 'checkbox' && t.type !== 'space') nested.push(t)
    }
    push(blocks, 'li', own.join(' '), kind)
    for (const t of nested) {
      if (t.type === 'list') walkList(t as Tokens.List, blocks)
      else walk([t], blocks, false)
    }
  }
}

/**
 * Parses Markdown into blocks. Title: front matter `title`, else the first h1, else the first line when short
 * and followed by a blank line (it becomes an h1 block), else the file name.
 */
export function parseMarkdown(text: string, name: string): ParsedArticle {
  const { body, meta } = splitFrontMatter(text.replace(/\r\n?/g, '\n'))
  const tokens = new Lexer({ gfm: true }).lex(body)
  const blocks: Block[] = []
  walk(tokens, blocks, false)

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
    title,
    source: name || null,
    author: meta.author ?? found.author,
    publishedAt: meta.date ?? found.publishedAt,
    format: 'md',
    blocks,
    warnings: []
  }
}
