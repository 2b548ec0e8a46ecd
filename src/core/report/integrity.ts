// Report step "integrity": every quotation the report's notes write beside a chip is checked against the cited
// paragraph (core/analysis/integrity.ts). Verified quotations are printed plainly; the others get a flag after their
// chip, numbered, and a list that says what is wrong ("differs from the source", with the source's words).
import { checkNoteQuotes } from '../analysis/integrity'
import type { NoteQuoteCheck } from '../analysis/types'
import type { Article } from '../model'
import type { ReportQuoteFlag } from './model'
import type { SelectedNote } from './notes'

/** What the flag says, by status. */
export const FLAG_TEXT: Record<Exclude<NoteQuoteCheck['status'], 'exact'>, string> = {
  differs: 'differs from the source',
  not_in_source: 'not found in the cited paragraph',
  source_missing: 'the cited paragraph is gone'
}

export interface QuoteFlags {
  flags: ReportQuoteFlag[]
  /** The flag number after the note's chip with this ordinal, if its quotation is not verified. */
  at: (noteId: string, ordinal: number) => number | null
}

export function quoteFlags(selected: SelectedNote[], articles: Record<string, Article>): QuoteFlags {
  const flags: ReportQuoteFlag[] = []
  const byChip = new Map<string, number>()
  for (const { note } of selected) {
    if (!note.doc) continue
    const checks = checkNoteQuotes(note.doc, (id) => articles[id]?.paragraphs ?? null)
    for (const c of checks) {
      if (c.status === 'exact') continue
      const key = `${note.id}:${c.ordinal}`
      if (byChip.has(key)) continue
      const n = flags.length + 1
      byChip.set(key, n)
      flags.push({
        n,
        anchor: `quote-${n}`,
        noteId: note.id,
        noteTitle: note.title,
        quote: c.quote,
        status: c.status,
        text: FLAG_TEXT[c.status],
        paragraphNumber: c.paragraphNumber,
        source: c.source,
        diff: c.diff,
        foundIn: c.foundIn?.number ?? null
      })
    }
  }
  // Flags are numbered in the order the notes are read; a note's checks come in document order already.
  return { flags, at: (noteId, ordinal) => byChip.get(`${noteId}:${ordinal}`) ?? null }
}
