// The reader's virtual rows: what one item of the virtual list draws. A paragraph on its own is a row; consecutive
// list items or table rows are one row (their <ul>/<ol> or table grid), cut into chunks so that a list or table of
// thousands of entries never has to be drawn whole. Each row knows the paragraphs it holds, so the reader can go from
// a paragraph to its row (to scroll there) and from a row to its paragraphs. Pure: no DOM, tested in rows.test.ts.
import type { Paragraph, ParagraphKind } from '@core/model'
import { cellCount } from './runs'

/** Most list items in one row (an <ol> chunk carries its start number). */
export const LIST_CHUNK = 100
/** Most table rows in one row (the columns of a longer table may then differ slightly from chunk to chunk). */
export const TABLE_CHUNK = 200

interface RowBase {
  /** Stable while the row's first paragraph stays. */
  key: string
  /** Index of the first and the last paragraph it holds. */
  first: number
  last: number
  paragraphs: readonly Paragraph[]
  /** The kind of its first paragraph (sets the space before the row). */
  lead: ParagraphKind
  /** The paragraph before this row is a footnote and this row's first is not (more space before it). */
  afterFootnotes: boolean
}

export type Row =
  | (RowBase & { type: 'single' })
  /**
   * `start`: the number of its first item in an ordered list; `continued`: the list began in the row before;
   * `continues`: more items of the list follow in the next row.
   */
  | (RowBase & { type: 'list'; list: 'ul' | 'ol'; start: number; continued: boolean; continues: boolean })
  | (RowBase & { type: 'table'; columns: number; continued: boolean; continues: boolean })

export interface RowModel {
  rows: readonly Row[]
  /** For each paragraph index, the index of its row. */
  rowOf: Int32Array
}

/** Groups the article's paragraphs into rows (paragraphs in article order, `index` = position). */
export function buildRows(paragraphs: readonly Paragraph[]): RowModel {
  const rows: Row[] = []
  const rowOf = new Int32Array(paragraphs.length)
  let i = 0
  while (i < paragraphs.length) {
    const p = paragraphs[i]
    const afterFootnotes = i > 0 && paragraphs[i - 1].kind === 'footnote' && p.kind !== 'footnote'
    let j = i + 1
    let row: Row
    if (p.kind === 'li') {
      const list = p.list ?? 'ul'
      // Items of the same list before this chunk (an <ol> chunk starts counting there).
      const prev = rows[rows.length - 1]
      const before = prev?.type === 'list' && prev.continues ? prev.start - 1 + prev.paragraphs.length : 0
      while (j < paragraphs.length && j - i < LIST_CHUNK && paragraphs[j].kind === 'li' && (paragraphs[j].list ?? 'ul') === list) j++
      const continues = j < paragraphs.length && paragraphs[j].kind === 'li' && (paragraphs[j].list ?? 'ul') === list
      row = { type: 'list', list, start: before + 1, continued: before > 0, continues, key: `list-${p.id}`, first: i, last: j - 1, paragraphs: paragraphs.slice(i, j), lead: 'li', afterFootnotes }
    } else if (p.kind === 'tr') {
      let columns = cellCount(p.text)
      while (j < paragraphs.length && j - i < TABLE_CHUNK && paragraphs[j].kind === 'tr' && paragraphs[j].group === p.group) {
        columns = Math.max(columns, cellCount(paragraphs[j].text))
        j++
      }
      const continues = j < paragraphs.length && paragraphs[j].kind === 'tr' && paragraphs[j].group === p.group
      const prev = rows[rows.length - 1]
      const continued = prev?.type === 'table' && prev.continues
      row = { type: 'table', columns, continued, continues, key: `table-${p.id}`, first: i, last: j - 1, paragraphs: paragraphs.slice(i, j), lead: 'tr', afterFootnotes }
    } else {
      row = { type: 'single', key: p.id, first: i, last: i, paragraphs: [p], lead: p.kind, afterFootnotes }
    }
    for (let k = i; k < j; k++) rowOf[k] = rows.length
    rows.push(Object.freeze(row))
    i = j
  }
  return { rows: Object.freeze(rows), rowOf }
}

/** Pixel height of a line of body text, and about how many characters fit on it (the reader's 70ch measure). */
const LINE = 30.5
const CHARS_PER_LINE = 72

const HEADING: Partial<Record<ParagraphKind, number>> = { h1: 1.6, h2: 1.35, h3: 1.15, h4: 1, h5: 1, h6: 1 }

/**
 * A first guess at a row's height before it is drawn and measured (the virtual list corrects it then). The closer
 * it is, the less the scroll bar moves while one scrolls into rows never drawn before.
 */
export function estimateRowHeight(row: Row): number {
  const lines = (text: string, perLine = CHARS_PER_LINE): number => Math.max(1, Math.ceil(text.length / perLine))
  if (row.type === 'list') return row.paragraphs.reduce((sum, p) => sum + lines(p.text, CHARS_PER_LINE - 4) * LINE + 7, 18)
  if (row.type === 'table') return row.paragraphs.reduce((sum, p) => sum + 30 + Math.max(0, lines(p.text, 90) - 1) * 21, 22)
  const p = row.paragraphs[0]
  const scale = HEADING[p.kind]
  if (scale) return lines(p.text, CHARS_PER_LINE / scale) * LINE * scale * 0.8 + 30 * scale
  if (p.kind === 'pre') return p.text.split('\n').length * 22.9 + 44
  if (p.kind === 'footnote') return lines(p.text, 90) * 22.2 + 8
  if (p.kind === 'figcaption') return lines(p.text, 95) * 19.5 + 10
  if (p.kind === 'figure') return lines(p.text, 80) * 27 + 40
  return lines(p.text) * LINE + 18.5
}
