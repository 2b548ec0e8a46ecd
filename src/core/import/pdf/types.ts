// A PDF as the layout rules see it: positioned text runs per page, as a PDF reader (pdf.js, in the shell) reports
// them. Coordinates are PDF points with the origin at the page's bottom left; y is a run's baseline.

export interface PdfTextRun {
  text: string
  x: number
  y: number
  /** Advance width of the run. */
  width: number
  /** Font size (the run's height). */
  size: number
  bold: boolean
  italic: boolean
}

export interface PdfPage {
  /** 0-based page number. */
  index: number
  /** The page's label (its printed number, e.g. "iv" or "12"), else its 1-based number. */
  label: string
  width: number
  height: number
  runs: PdfTextRun[]
}

export interface PdfInfo {
  title: string | null
  author: string | null
  subject: string | null
  /** Document info CreationDate, raw ("D:20240315093000+01'00'"). */
  creationDate: string | null
  lang: string | null
  /** Document info Producer and Creator (the software that wrote the file). */
  producer?: string | null
  creator?: string | null
}

export interface PdfDocument {
  pages: PdfPage[]
  info: PdfInfo
}

/** Word frequencies from a lexicon of the document's language (null when unknown); helps undo line-end hyphens. */
export type Lexicon = (word: string) => number | null
