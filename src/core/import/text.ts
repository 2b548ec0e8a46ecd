// Plain-text segmentation.
import { emptyDetails, type Block, type ParsedArticle } from './types'
import { MAX_TITLE_LINE, cleanText, findBylineAndDate, titleFromFileName } from './clean'

/** Splits text into paragraph strings: blank-line separated blocks if there are blank lines, else one per line. */
export function splitParagraphs(text: string): { paragraphs: string[]; titleLine: string | null } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  while (lines.length && lines[0].trim() === '') lines.shift()
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop()
  const hasBlank = lines.some((l) => l.trim() === '')
  const paragraphs: string[] = []
  if (hasBlank) {
    let current: string[] = []
    for (const line of lines) {
      if (line.trim() === '') {
        if (current.length) paragraphs.push(cleanText(current.join(' ')))
        current = []
      } else current.push(line)
    }
    if (current.length) paragraphs.push(cleanText(current.join(' ')))
  } else {
    for (const line of lines) paragraphs.push(cleanText(line))
  }
  // Title rule: the first line, when short and followed by a blank line.
  const first = lines[0]
  const titleLine =
    hasBlank && lines.length > 1 && lines[1].trim() === '' && cleanText(first).length <= MAX_TITLE_LINE ? cleanText(first) : null
  return { paragraphs: paragraphs.filter((p) => p !== ''), titleLine }
}

/**
 * Parses plain text. The title is the first line when it is at most 120 characters and followed by a blank
 * line (it is then kept as the first block, of kind 'h1'); otherwise it comes from the file name.
 */
export function parsePlainText(text: string, name: string): ParsedArticle {
  const { paragraphs, titleLine } = splitParagraphs(text)
  const blocks: Block[] = paragraphs.map((t) => ({ kind: 'p', text: t }))
  let title = titleFromFileName(name)
  if (titleLine && blocks.length > 1) {
    title = titleLine
    blocks[0] = { kind: 'h1', text: titleLine }
  }
  const { authors, publishedAt } = findBylineAndDate(paragraphs.slice(titleLine ? 1 : 0))
  return { ...emptyDetails(title), authors, publishedAt, format: 'txt', blocks, warnings: [] }
}
