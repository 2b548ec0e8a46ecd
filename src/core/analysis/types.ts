// What the analysis finds in a source: who is mentioned (entities), who said what (quotations, reported speech),
// and the words in quotation marks that are not quotations (scare quotes). Plain data, served by the API.

export type EntityType = 'person' | 'organization' | 'place'

/** Where a name stands in a paragraph: [start, end) of its text (UTF-16 offsets), as written there. */
export interface Mention {
  paragraphId: string
  start: number
  end: number
  text: string
}

export interface Entity {
  /** Stable within one analysis of an article: the type and the canonical name ("person:vladimir putin"). */
  id: string
  /** The fullest name the text gives ("Vladimir Putin"). */
  name: string
  type: EntityType
  /** The fullest role or description the text gives ("Russian President", "the Russian ambassador to China"). */
  role: string | null
  /** The ways the text writes it, most frequent first ("Putin", "Putin’s", "President Vladimir Putin"). */
  variants: string[]
  /** Mentions in the article. */
  count: number
  /** The paragraphs it is mentioned in, in document order, with the 1-based paragraph number. */
  paragraphs: { paragraphId: string; number: number; count: number }[]
  mentions: Mention[]
}

/** How a speaker was found. */
export type AttributionMethod =
  /** “…,” Smith said. — the attribution follows the closing quotation mark. */
  | 'after'
  /** Smith said: “…” — the attribution comes before the opening mark, in the same sentence. */
  | 'before'
  /** “…,” Smith said. “…” — the second part of a quotation split by its attribution. */
  | 'split'
  /** Smith said the talks had failed. “…” — the previous sentence of the paragraph names the speaker. */
  | 'previous-sentence'
  /** A paragraph that is all quotation, after a paragraph whose last sentence names the speaker. */
  | 'previous-paragraph'
  /** A pull quote: it repeats (part of) a quotation elsewhere in the text, whose speaker it takes. */
  | 'pull-quote'

export interface Speaker {
  /** The name ("Andrey Denisov"), or the description the text gives ("two U.S. officials"). */
  name: string
  /** The role the text gives elsewhere ("the Russian ambassador to China"), or null. */
  role: string | null
  /** "Andrey Denisov, the Russian ambassador to China" — name and role, for lists. */
  label: string
  /** The entities named (several for "X and Y said"); empty for a description or a name the text does not give. */
  entityIds: string[]
  /** The speaker as written at the attribution ("Denisov", "he", "the minister"). */
  written: string
}

/** One paragraph's share of a quotation: [start, end) of the quoted words (inside the marks). */
export interface QuotePiece {
  paragraphId: string
  /** 1-based paragraph number. */
  number: number
  start: number
  end: number
  text: string
}

export interface Quotation {
  /** "paragraphId:start" of the first piece. */
  id: string
  /** The quoted words (pieces in different paragraphs joined by a space). */
  text: string
  /** In document order; more than one when the quotation continues across paragraphs. */
  pieces: QuotePiece[]
  /** Null when the text does not say who said it (then `why` says what was missing). */
  speaker: Speaker | null
  method: AttributionMethod | null
  /** Where the attribution is: paragraph and [start, end) of its words; null for pull quotes and unattributed quotes. */
  cue: { paragraphId: string; start: number; end: number; verb: string | null } | null
  /** A fragment worked into the writer's own sentence (“…” does not start the sentence). */
  partial: boolean
  /** For a pull quote: the id of the quotation it repeats. */
  repeats: string | null
  /** For an unattributed quotation: why no speaker is given ("no attribution", "“he” cannot be resolved"). */
  why: string | null
}

/** Indirect speech: "Smith said the talks had failed", "…, according to the ministry". */
export interface ReportedSpeech {
  id: string
  paragraphId: string
  number: number
  /** [start, end) of the sentence. */
  start: number
  end: number
  text: string
  speaker: Speaker
  /** The verb as written ("said", "told", "according to"). */
  verb: string
}

/** Words in quotation marks that are not a quotation: one or two words (“no limits”, “bullying”). */
export interface ScareQuote {
  paragraphId: string
  number: number
  start: number
  end: number
  text: string
}

export interface SpeakerCount {
  /** The speaker's label, as in Speaker.label. */
  label: string
  entityIds: string[]
  /** Quotations (pull quotes not counted twice). */
  quotations: number
  reported: number
}

export interface QuoteAnalysis {
  quotations: Quotation[]
  reported: ReportedSpeech[]
  scareQuotes: ScareQuote[]
  /** Per speaker, most quoted first; unattributed quotations are not in it. */
  speakers: SpeakerCount[]
}

export interface ArticleAnalysis {
  quotes: QuoteAnalysis
  entities: Entity[]
}

/** How a quotation written in a note compares with the paragraph its chip cites. */
export type IntegrityStatus =
  /** Word for word as in the paragraph (case, typography, punctuation and marked omissions “…” aside). */
  | 'exact'
  /** Close to the paragraph's words, but some differ: `diff` shows which. */
  | 'differs'
  /** The paragraph does not hold these words (`foundIn` may name the paragraph that does). */
  | 'not_in_source'
  /** The cited paragraph (or its article) is no longer there. */
  | 'source_missing'

export interface NoteQuoteCheck {
  /** Which text block of the note (0-based, in document order, as in docToText's lines) holds the quotation. */
  block: number
  /** [start, end) of the quoted words in that block's text, chips read as "¶12". */
  start: number
  end: number
  quote: string
  /** The chip the quotation stands beside: its 0-based order in the note (as NoteRef.ordinal) and what it cites. */
  ordinal: number
  articleId: string
  paragraphId: string
  /** The cited paragraph's current 1-based number, or null when it is gone. */
  paragraphNumber: number | null
  status: IntegrityStatus
  /** For 'differs': the quotation word by word against the source ('removed': the source's words, 'added': the note's). */
  diff: { op: 'same' | 'added' | 'removed'; text: string }[] | null
  /** For 'differs': the source's words the quotation stands for. */
  source: string | null
  /** For 'not_in_source' and 'source_missing': another paragraph of the article holding the quotation word for word. */
  foundIn: { paragraphId: string; number: number } | null
}
