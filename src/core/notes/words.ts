// Counting the words of a note, as its header shows them: runs of letters and digits, with inner apostrophes and
// hyphens ("it’s", "well-known") counted as one word. Pure.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

export function countWords(text: string): number {
  let n = 0
  WORD.lastIndex = 0
  while (WORD.exec(text)) n++
  return n
}
