// Quote integrity in words, for the editor's tooltip and the notes pane's list: what a check found, short.
import type { NoteQuoteCheck } from './types'

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s)

/** "Differs from ¶3", "Not in ¶3 (it is in ¶5)", "Word for word as in ¶3", "¶3 is no longer in its source". */
export function checkHeadline(c: Pick<NoteQuoteCheck, 'status' | 'paragraphNumber' | 'foundIn'>): string {
  const at = c.paragraphNumber !== null ? `¶${c.paragraphNumber}` : 'the cited paragraph'
  const elsewhere = c.foundIn ? ` (it is in ¶${c.foundIn.number})` : ''
  switch (c.status) {
    case 'exact':
      return `Word for word as in ${at}`
    case 'differs':
      return `Differs from ${at}`
    case 'not_in_source':
      return `Not in ${at}${elsewhere}`
    case 'source_missing':
      return `The cited paragraph is no longer in its source${elsewhere}`
  }
}

/** The tooltip: the headline, then what the source says where the quotation differs ("source: … / note: …"). */
export function checkTooltip(c: Pick<NoteQuoteCheck, 'status' | 'paragraphNumber' | 'foundIn' | 'diff' | 'source'>): string {
  const head = checkHeadline(c)
  if (c.status !== 'differs' || !c.diff) return head
  const removed = c.diff.filter((d) => d.op === 'removed').map((d) => d.text)
  const added = c.diff.filter((d) => d.op === 'added').map((d) => d.text)
  const lines = [head]
  if (removed.length) lines.push(`The source has: ${removed.map((w) => `“${clip(w)}”`).join(', ')}`)
  if (added.length) lines.push(`The note has: ${added.map((w) => `“${clip(w)}”`).join(', ')}`)
  if (c.source) lines.push(`Source: “${clip(c.source, 160)}”`)
  return lines.join('\n')
}

/** The checks worth listing as problems (all but the exact ones), in note order. */
export function quoteProblems<T extends Pick<NoteQuoteCheck, 'status'>>(checks: readonly T[]): T[] {
  return checks.filter((c) => c.status !== 'exact')
}
