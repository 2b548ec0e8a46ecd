// A paragraph's text with the NLP engine's words: the small helpers the rules in entities.ts and quotes.ts share.
import type { NlpResult, NlpTerm } from './nlp'

export class Para {
  readonly terms: NlpTerm[]
  constructor(
    readonly text: string,
    readonly nlp: NlpResult
  ) {
    this.terms = nlp.terms
  }
  word(i: number): string {
    const t = this.terms[i]
    return this.text.slice(t.start, t.end)
  }
  /** Terms i and j (j = i + 1) are separated by one run of spaces only. */
  adjacent(i: number, j: number): boolean {
    return j < this.terms.length && i >= 0 && /^[ \u00A0]+$/.test(this.text.slice(this.terms[i].end, this.terms[j].start))
  }
  /** The term starting at or right after offset `at`. */
  termFrom(at: number): number {
    let lo = 0
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.terms[mid].start < at) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  hasTag(i: number, tag: NonNullable<NlpTerm['tags']>[number]): boolean {
    return !!this.terms[i].tags?.includes(tag)
  }
}
