// Builds the note content for a citation: the quoted passage(s) in a blockquote, then a paragraph with
// one reference chip per cited paragraph. Pure (PMNode JSON in, JSON out).
import { PARAGRAPH_REF_NODE, type PMNode, type ParagraphRefAttrs } from '@core/model'
import type { CitePayload } from '@renderer/composables/useWorkspace'

export function refNode(attrs: ParagraphRefAttrs): PMNode {
  return {
    type: PARAGRAPH_REF_NODE,
    attrs: { articleId: attrs.articleId, paragraphId: attrs.paragraphId, quote: attrs.quote, label: attrs.label }
  }
}

/** Text nodes cannot be empty or contain newlines: split lines into hard breaks. */
function textContent(text: string): PMNode[] {
  const out: PMNode[] = []
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) out.push({ type: 'hardBreak' })
      if (line) out.push({ type: 'text', text: line })
    })
  return out
}

export function citationContent(payload: CitePayload): PMNode[] {
  if (payload.content) return payload.content
  const passages = payload.passages.filter((p) => p.paragraphId)
  if (passages.length === 0) return []
  const quotes: PMNode[] = passages
    .filter((p) => p.quote.trim())
    .map((p) => ({ type: 'paragraph', content: textContent(p.quote.trim()) }))
  const chips: PMNode[] = []
  passages.forEach((p, i) => {
    if (i > 0) chips.push({ type: 'text', text: ' ' })
    chips.push(refNode({ articleId: payload.articleId, paragraphId: p.paragraphId, quote: p.quote, label: p.label }))
  })
  chips.push({ type: 'text', text: ' ' })
  const out: PMNode[] = []
  if (quotes.length) out.push({ type: 'blockquote', content: quotes })
  out.push({ type: 'paragraph', content: chips })
  return out
}

/** Reads the drag payload of a paragraph number dragged from the reader; null when it is not one. */
export function parseParagraphDrag(raw: string): ParagraphRefAttrs | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (typeof v.articleId !== 'string' || !v.articleId) return null
  if (typeof v.paragraphId !== 'string' || !v.paragraphId) return null
  const label = typeof v.label === 'string' || typeof v.label === 'number' ? String(v.label).replace(/^¶/, '') : ''
  return { articleId: v.articleId, paragraphId: v.paragraphId, quote: '', label }
}
