// Builds one paragraph's text from DOM text pieces: whitespace collapsed as a browser shows it, invisible
// characters dropped, and inline formatting (emphasis, links, code…) kept as marks with offsets into the result.
import type { InlineMark, InlineMarkType } from '../../model'

/** Soft hyphens, zero-width spaces and BOMs: invisible in a browser, but they would break search and quotes. */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g
const PIECES = /(\s+)|([^\s]+)/g

interface OpenMark {
  mark: InlineMark
  started: boolean
}

export class InlineText {
  private out = ''
  private readonly marks: InlineMark[] = []
  private pendingSpace = false
  private readonly open: OpenMark[] = []

  get isEmpty(): boolean {
    return this.out === ''
  }

  get length(): number {
    return this.out.length
  }

  /** Appends text as a browser renders it: runs of whitespace become one space; leading/trailing ones vanish. */
  add(raw: string): void {
    const s = raw.replace(INVISIBLE, '')
    if (!s) return
    PIECES.lastIndex = 0
    for (let m = PIECES.exec(s); m; m = PIECES.exec(s)) {
      if (m[1] !== undefined) {
        this.pendingSpace = true
        continue
      }
      if (this.pendingSpace && this.out) this.out += ' '
      this.pendingSpace = false
      for (const o of this.open) {
        if (!o.started) {
          o.mark.start = this.out.length
          o.started = true
        }
      }
      this.out += m[2].normalize('NFC')
    }
  }

  /** A word break (from <br>, or between blocks flattened into one paragraph). */
  space(): void {
    this.pendingSpace = true
  }

  /** Starts a mark at the next visible character. Returns the handle to pass to `close`. */
  openMark(type: InlineMarkType, href?: string): OpenMark {
    const mark: InlineMark = href ? { type, start: 0, end: 0, href } : { type, start: 0, end: 0 }
    const o = { mark, started: false }
    this.open.push(o)
    this.marks.push(mark)
    return o
  }

  close(o: OpenMark): void {
    const at = this.open.indexOf(o)
    if (at >= 0) this.open.splice(at, 1)
    o.mark.end = o.started ? this.out.length : -1
  }

  /** The text and its non-empty marks, in order of their start. */
  take(): { text: string; marks: InlineMark[] } {
    for (const o of [...this.open]) this.close(o)
    const seen = new Set<string>()
    // Nested twins (<b><b>…</b></b>, a superscript inside a superscript) are one mark.
    const marks = this.marks
      .filter((m) => m.end > m.start)
      .filter((m) => {
        const key = `${m.type}:${m.start}:${m.end}:${m.href ?? ''}`
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
      .sort((a, b) => a.start - b.start || b.end - a.end)
    return { text: this.out, marks }
  }
}
