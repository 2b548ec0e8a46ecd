// The article text as anchoring searches it: paragraph ids looked up in O(1); the joined text, its lower case and an
// index of its words built only when a passage has to be looked for outside its own paragraph. One per anchorAll
// call (or per article in checkRefs), so nothing costs highlights × paragraphs.
import type { Paragraph } from '../model'

/** Approximate look-ups elsewhere done by scanning the text before the article's words are indexed. */
const WORD_SCANS = 8
/** Words this long or longer choose the paragraphs searched approximately. */
const MIN_TELLING_WORD = 4

const SEPARATOR = '\u0000'
const WORD = /[\p{L}\p{N}]+/gu
const WORD_CHAR = /[\p{L}\p{N}]/u

/** Lower-case words (letters and digits) of a text. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? []

interface Joined {
  text: string
  starts: number[]
  lengths: number[]
}

export class ArticleText {
  private readonly byId = new Map<string, number>()
  private readonly layers: { text?: Joined; lower?: Joined } = {}
  private postings: Map<string, number[]> | null = null
  private counts: Uint32Array | null = null
  private wordQueries = 0

  constructor(readonly paragraphs: readonly Paragraph[]) {
    for (let i = 0; i < paragraphs.length; i++) if (!this.byId.has(paragraphs[i].id)) this.byId.set(paragraphs[i].id, i)
  }

  /** The position of a paragraph in `paragraphs`, or -1. */
  indexOf(paragraphId: string): number {
    return this.byId.get(paragraphId) ?? -1
  }

  /** The paragraphs' texts (or their lower case) joined by SEPARATOR, with where each paragraph starts. */
  private joined(lower: boolean): Joined {
    const which = lower ? 'lower' : 'text'
    if (!this.layers[which]) {
      const texts = this.paragraphs.map((p) => (lower ? p.text.toLowerCase() : p.text)) // (lower case may change lengths)
      const starts: number[] = []
      let at = 0
      for (const t of texts) {
        starts.push(at)
        at += t.length + SEPARATOR.length
      }
      this.layers[which] = { text: texts.join(SEPARATOR), starts, lengths: texts.map((t) => t.length) }
    }
    return this.layers[which]!
  }

  /**
   * Visits the paragraph (by index) of every occurrence of `needle` in a joined text that lies inside one paragraph
   * — with `wholeWord`, only where no letter or digit touches it on either side. `visit` returns false to stop.
   */
  private occurrences({ text, starts, lengths }: Joined, needle: string, visit: (index: number) => boolean | void, wholeWord = false): void {
    let i = 0
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      while (i + 1 < starts.length && starts[i + 1] <= at) i++
      const end = at + needle.length
      if (end > starts[i] + lengths[i]) continue // runs over a paragraph break
      if (wholeWord && (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? ''))) continue
      if (visit(i) === false) return
    }
  }

  /** Paragraphs (by index, in order) whose text contains `quote`, up to `limit`. */
  holding(quote: string, limit: number): number[] {
    const out: number[] = []
    this.occurrences(this.joined(false), quote, (i) => {
      if (out[out.length - 1] !== i) out.push(i)
      return out.length < limit
    })
    return out
  }

  /**
   * Paragraphs sharing at least half of the quote's distinct words of MIN_TELLING_WORD letters or more (none when it
   * has fewer than two such), most shared first (ties: document order), at most `limit`. A quote edited by up to a
   * quarter keeps most of its words, so its paragraph is among these. The first
   * WORD_SCANS look-ups scan the text for each word; after that, every word of the article is indexed once (a large
   * article with many lost highlights).
   */
  sharingWords(quote: string, limit: number): number[] {
    // Short words ("the", "of") are everywhere: they tell paragraphs apart no better than chance, and a quote made of
    // them alone, edited, matches text anywhere. Such a quote is only looked for exactly.
    const words = [...new Set(wordsOf(quote))].filter((w) => w.length >= MIN_TELLING_WORD)
    if (words.length < 2) return []
    const needed = Math.ceil(words.length / 2)
    this.counts ??= new Uint32Array(this.paragraphs.length)
    const counts = this.counts
    const touched: number[] = []
    const count = (i: number): void => {
      if (counts[i] === 0) touched.push(i)
      counts[i]++
    }
    if (this.postings || ++this.wordQueries > WORD_SCANS) {
      const postings = this.wordIndex()
      for (const w of words) for (const i of postings.get(w) ?? []) count(i)
    } else {
      const lower = this.joined(true)
      for (const w of words) {
        let last = -1
        this.occurrences(lower, w, (i) => {
          if (i !== last) count(i)
          last = i
        }, true)
      }
    }
    const found = touched.filter((i) => counts[i] >= needed).sort((a, b) => counts[b] - counts[a] || a - b).slice(0, limit)
    for (const i of touched) counts[i] = 0
    return found
  }

  private wordIndex(): Map<string, number[]> {
    if (!this.postings) {
      const postings = new Map<string, number[]>()
      this.paragraphs.forEach((p, i) => {
        for (const w of wordsOf(p.text)) {
          const list = postings.get(w)
          if (!list) postings.set(w, [i])
          else if (list[list.length - 1] !== i) list.push(i)
        }
      })
      this.postings = postings
    }
    return this.postings
  }
}

export function indexArticle(paragraphs: readonly Paragraph[]): ArticleText {
  return new ArticleText(paragraphs)
}
