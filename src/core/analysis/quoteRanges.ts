// Where the quotations a note check found stand in the note's editor: ProseMirror positions computed from the note's
// JSON, walking its text blocks exactly as the check reads them (chips as "¶12", line breaks as "\n"), so the editor
// can mark each one. A check whose words are no longer at that place (the note changed since) gets null. Pure.
import type { PMNode } from '../model'
import { PARAGRAPH_REF_NODE } from '../model'
import { isTextblock, refAttrs, refChipText } from '../notes/refs'
import type { NoteQuoteCheck } from './types'

export interface QuoteRange {
  from: number
  to: number
}

interface Segment {
  /** [start, end) in the block's text. */
  start: number
  end: number
  /** ProseMirror position where the segment starts. */
  pos: number
  atom: boolean
}

interface Block {
  text: string
  segments: Segment[]
  /** Position of the block's content start (for an empty block). */
  contentPos: number
}

function sizeOf(n: PMNode): number {
  if (n.type === 'text') return (n.text ?? '').length
  if (!n.content?.length) return n.type === 'doc' ? 0 : isLeaf(n) ? 1 : 2
  return 2 + n.content.reduce((s, c) => s + sizeOf(c), 0)
}

/** Nodes without content that ProseMirror treats as leaves (chips, line breaks, rules, images). */
function isLeaf(n: PMNode): boolean {
  return n.type === PARAGRAPH_REF_NODE || n.type === 'hardBreak' || n.type === 'horizontalRule' || n.type === 'image'
}

function blocksOf(doc: PMNode): Block[] {
  const out: Block[] = []
  const walk = (n: PMNode, pos: number): void => {
    if (isTextblock(n)) {
      const block: Block = { text: '', segments: [], contentPos: pos + 1 }
      const inline = (c: PMNode, at: number): void => {
        if (c.type === 'text') {
          const t = c.text ?? ''
          block.segments.push({ start: block.text.length, end: block.text.length + t.length, pos: at, atom: false })
          block.text += t
        } else if (c.type === PARAGRAPH_REF_NODE) {
          const t = refChipText(refAttrs(c))
          block.segments.push({ start: block.text.length, end: block.text.length + t.length, pos: at, atom: true })
          block.text += t
        } else if (c.type === 'hardBreak') {
          block.segments.push({ start: block.text.length, end: block.text.length + 1, pos: at, atom: true })
          block.text += '\n'
        } else {
          let p = at + 1
          for (const k of c.content ?? []) {
            inline(k, p)
            p += sizeOf(k)
          }
        }
      }
      let p = pos + 1
      for (const c of n.content ?? []) {
        inline(c, p)
        p += sizeOf(c)
      }
      out.push(block)
      return
    }
    // The doc's content starts at 0; any other container's at its position + 1.
    let p = n.type === 'doc' ? 0 : pos + 1
    for (const c of n.content ?? []) {
      walk(c, p)
      p += sizeOf(c)
    }
  }
  walk(doc, 0)
  return out
}

function posAt(block: Block, offset: number, side: 'from' | 'to'): number | null {
  for (const s of block.segments) {
    if (offset < s.start || offset > s.end) continue
    if (s.atom) {
      if (offset === s.start && side === 'from') return s.pos
      if (offset === s.end) return s.pos + 1
      if (offset === s.start) return s.pos
      continue
    }
    // At a boundary between two segments, `from` belongs to the next one and `to` to this one.
    if (side === 'from' && offset === s.end && s !== block.segments[block.segments.length - 1]) continue
    return s.pos + (offset - s.start)
  }
  return block.segments.length === 0 && offset === 0 ? block.contentPos : null
}

/** The editor positions of each checked quotation in `doc`, in the order of `checks` (null: not found there). */
export function quoteRanges(doc: PMNode, checks: readonly Pick<NoteQuoteCheck, 'block' | 'start' | 'end' | 'quote'>[]): (QuoteRange | null)[] {
  const blocks = blocksOf(doc)
  return checks.map((c) => {
    const block = blocks[c.block]
    if (!block || block.text.slice(c.start, c.end) !== c.quote) return null
    const from = posAt(block, c.start, 'from')
    const to = posAt(block, c.end, 'to')
    return from !== null && to !== null && from <= to ? { from, to } : null
  })
}
