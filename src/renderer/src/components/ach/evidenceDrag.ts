// Dragging a passage onto a competing-hypotheses matrix: a tagged highlight from "Highlights by tag" (its own type,
// below) or a paragraph number from the reader's margin (the notes' drag-to-cite type). Reading a payload checks its
// shape; anything else is not a piece of evidence.
import type { AchSource } from '@core/analysis/ach'
import { PARAGRAPH_DRAG_TYPE } from '@renderer/editor/ParagraphDrop'

export const HIGHLIGHT_DRAG_TYPE = 'application/x-gloss-highlight'

export interface HighlightDrag {
  highlightId: string
  articleId: string
  paragraphId: string | null
  passage: string
}

export function writeHighlightDrag(data: DataTransfer, h: HighlightDrag): void {
  data.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify(h))
  data.setData('text/plain', h.passage)
  data.effectAllowed = 'copy'
}

/** Whether a drag may carry evidence (its payload can only be read on drop). */
export function isEvidenceDrag(data: DataTransfer | null): boolean {
  const types = data ? [...data.types] : []
  return types.includes(HIGHLIGHT_DRAG_TYPE) || types.includes(PARAGRAPH_DRAG_TYPE)
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200

/** The dropped evidence: its source and the text to label it with (for a paragraph: '' — the caller looks it up). */
export function readEvidenceDrag(get: (type: string) => string, types: readonly string[]): { source: AchSource; text: string } | null {
  const parse = (raw: string): Record<string, unknown> | null => {
    try {
      const v: unknown = JSON.parse(raw)
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  if (types.includes(HIGHLIGHT_DRAG_TYPE)) {
    const v = parse(get(HIGHLIGHT_DRAG_TYPE))
    if (!v || !str(v.highlightId) || !str(v.articleId) || typeof v.passage !== 'string') return null
    const paragraphId = str(v.paragraphId) ? v.paragraphId : null
    const text = v.passage.slice(0, 2000)
    return { source: { kind: 'highlight', highlightId: v.highlightId, articleId: v.articleId, paragraphId, quote: text }, text }
  }
  if (types.includes(PARAGRAPH_DRAG_TYPE)) {
    const v = parse(get(PARAGRAPH_DRAG_TYPE))
    if (!v || !str(v.articleId) || !str(v.paragraphId)) return null
    return { source: { kind: 'paragraph', articleId: v.articleId, paragraphId: v.paragraphId, quote: '' }, text: '' }
  }
  return null
}
