// Test helpers (used only by *.test.ts): the sample article as paragraphs, and note-building shortcuts.

/// <reference types="vite/client" />

import type { PMNode, Paragraph } from '../model'
import sample from '../../../resources/putin-xi-sco-summit.txt?raw'

export const SAMPLE_LINES: string[] = sample.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)

/** The sample article as paragraphs p1..p18. */
export function sampleParagraphs(): Paragraph[] {
  return SAMPLE_LINES.map((text, index) => ({ id: `p${index + 1}`, index, kind: 'p', text }))
}

export const txt = (text: string, marks?: PMNode['marks']): PMNode => (marks ? { type: 'text', text, marks } : { type: 'text', text })
export const ref = (paragraphId: string, label: string, quote = '', articleId = 'a1'): PMNode => ({
  type: 'paragraphRef',
  attrs: { articleId, paragraphId, quote, label }
})
export const para = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content })
export const doc = (...content: PMNode[]): PMNode => ({ type: 'doc', content })
export const bullet = (...items: PMNode[][]): PMNode => ({
  type: 'bulletList',
  content: items.map((c) => ({ type: 'listItem', content: c }))
})
