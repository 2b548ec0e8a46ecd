// Small helpers shared by the report steps.

/**
 * HTML-safe anchor for a paragraph of the report's k-th source: "s<k>-para-" + id, unusual characters encoded
 * (paragraph ids are unique within a source only).
 */
export function paragraphAnchor(paragraphId: string, k = 1): string {
  return `s${k}-para-` + paragraphId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)
}

const EXCERPT_CHARS = 240

/** The start of a text, cut at a word near `max` characters, with "…". */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?]+$/, '') + '…'
}
