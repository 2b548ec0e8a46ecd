// Bytes -> text for imports: size, emptiness and binary checks, BOM/UTF-16 handling, invalid UTF-8 repair.
import { GlossError } from '../errors'

/** Largest file accepted for import: 20 MiB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** Bytes inspected by the binary check. */
const SNIFF_BYTES = 64 * 1024

/** Human size, e.g. "21.3 MB" or "512 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}

/** CRLF and CR -> LF, then Unicode NFC. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC')
}

function isControl(code: number): boolean {
  // C0 controls other than tab, LF, FF, CR and ESC; plus DEL.
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d && code !== 0x1b) || code === 0x7f
}

function rejectBinary(): never {
  throw new GlossError(
    'import_rejected',
    'This file looks binary (for example an image, PDF or Word document), not text. Import a .txt, .md or .html file.'
  )
}

/** Number of bytes that are not part of a well-formed UTF-8 sequence. */
export function countInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let invalid = 0
  let i = from
  while (i < bytes.length) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need = 0
    let min = 0
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) min = 0xa0
      if (b === 0xed) max = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) min = 0x90
      if (b === 0xf4) max = 0x8f
    } else {
      invalid++
      i++
      continue
    }
    let ok = i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]
      const lo = k === 1 && min ? min : 0x80
      const hi = k === 1 ? max : 0xbf
      if (c < lo || c > hi) ok = false
    }
    if (ok) i += need + 1
    else {
      invalid++
      i++
    }
  }
  return invalid
}

/**
 * Decodes an imported file. Throws GlossError('import_rejected') for an empty, whitespace-only, binary or
 * too large file. Strips a UTF-8 BOM, decodes UTF-16 LE/BE with a BOM, replaces invalid UTF-8 with U+FFFD
 * (with a warning), normalises newlines to LF and the text to NFC.
 */
export function decodeText(bytes: Uint8Array): { text: string; warnings: string[] } {
  const warnings: string[] = []
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new GlossError(
      'import_rejected',
      `This file is too large to import: it is ${formatBytes(bytes.length)} and the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`
    )
  }
  if (bytes.length === 0) throw new GlossError('import_rejected', 'This file is empty: there is no text to import.')

  let text: string
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff
    text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: false, ignoreBOM: false }).decode(bytes)
    let controls = 0
    const n = Math.min(text.length, SNIFF_BYTES)
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === 0) rejectBinary()
      if (isControl(c)) controls++
    }
    if (n > 0 && controls / n > 0.1) rejectBinary()
    if (bytes.length % 2 === 1) warnings.push('The UTF-16 file ended with an incomplete character; it was replaced with �.')
  } else {
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    let controls = 0
    const end = Math.min(bytes.length, start + SNIFF_BYTES)
    for (let i = start; i < end; i++) {
      const b = bytes[i]
      if (b === 0) rejectBinary()
      if (isControl(b)) controls++
    }
    if (end > start && controls / (end - start) > 0.1) rejectBinary()
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(start ? bytes.subarray(start) : bytes)
    const invalid = countInvalidUtf8(bytes, start)
    if (invalid > 0) {
      warnings.push(
        `The file is not valid UTF-8: ${invalid} invalid ${invalid === 1 ? 'byte was' : 'bytes were'} replaced with the character �.`
      )
    }
  }
  text = normalizeNewlines(text)
  if (text.trim() === '') {
    throw new GlossError('import_rejected', 'This file is empty: it contains only whitespace, no text to import.')
  }
  return { text, warnings }
}
