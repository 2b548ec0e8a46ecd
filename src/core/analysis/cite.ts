// "Cite" in the Quotes panel: a quotation put into a note as the analyst would write it — the speaker, the quoted
// words in quotation marks and, right after them, the chip of the paragraph they are in (one quoted part and chip per
// paragraph when the quotation runs on), so that quote integrity checks each part against its own paragraph. Pure:
// quotation in, ProseMirror JSON out.
import { PARAGRAPH_REF_NODE, type PMNode } from '../model'
import type { Quotation } from './types'

/** The note content citing a quotation of an article: one paragraph, e.g. `Jane Smith, the spokeswoman: “…” ¶3`. */
export function quotationCitation(q: Pick<Quotation, 'pieces' | 'speaker'>, articleId: string): PMNode[] {
  const pieces = q.pieces.filter((p) => p.text.trim())
  if (!pieces.length) return []
  const content: PMNode[] = []
  const text = (t: string): void => {
    const last = content[content.length - 1]
    if (last?.type === 'text') last.text = `${last.text}${t}`
    else content.push({ type: 'text', text: t })
  }
  text(q.speaker ? `${q.speaker.label}: ` : 'Unattributed: ')
  pieces.forEach((p, i) => {
    if (i > 0) text(' ')
    text(`\u201c${p.text.trim()}\u201d `)
    content.push({ type: PARAGRAPH_REF_NODE, attrs: { articleId, paragraphId: p.paragraphId, quote: p.text.trim().slice(0, 2000), label: String(p.number) } })
  })
  text(' ')
  return [{ type: 'paragraph', content }]
}
