// Bytes -> text for imports: size and emptiness checks, a binary check over the whole input, the choice of character
// set (BOM, declared charset, HTML <meta>, UTF-8, fallback), BOM-less UTF-16, control characters, newlines and NFC.
import { GlossError } from '../errors'
import { canDecode, decodeBytes, describeEncoding, encodingForLabel, looksLikeHtml, prescanMetaCharset } from './charset'

/** Largest file accepted for import: 20 MiB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** File types Gloss reads as text, named in the message for a file that is not text. Extend as formats are added. */
export const READABLE_FORMATS: readonly string[] = ['.txt', '.md', '.html']

function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** The refusal for input that is not text, listing the given readable formats. */
export function notTextMessage(formats: readonly string[] = READABLE_FORMATS): string {
  const list = formats.length > 0 ? ` Gloss can import ${inWords(formats)} files.` : ''
  return `This file looks like binary data, not text that Gloss can read.${list}`
}

/** The refusal for input that is not text (images, archives, other binary formats). */
export const NOT_TEXT_MESSAGE = notTextMessage()

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

function rejectBinary(): never {
  throw new GlossError('import_rejected', NOT_TEXT_MESSAGE)
}

/** Counts over the whole input, gathered in one pass (see scanBytes). */
interface ByteStats {
  /** NUL bytes. */
  nul: number
  /** NUL bytes at even / odd offsets (UTF-16 BE / LE text in the Latin range has one in every code unit). */
  zeroEven: number
  zeroOdd: number
  /** Bytes that are control characters in any ASCII-compatible encoding: C0 other than tab, LF, FF, CR and ESC; DEL; NUL. */
  controls: number
  /** Bytes that are not part of a well-formed UTF-8 sequence. */
  invalidUtf8: number
}

/**
 * One pass over the bytes: the UTF-8 validity check and the byte counts for the binary and UTF-16 checks. Control and
 * zero bytes are ASCII, so they only occur where the validator steps one byte at a time.
 */
function scanBytes(bytes: Uint8Array, from = 0): ByteStats {
  let nul = 0
  let zeroEven = 0
  let zeroOdd = 0
  let controls = 0
  let invalid = 0
  let i = from
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      if (b < 0x20 || b === 0x7f) {
        if (b === 0) {
          nul++
          if (i & 1) zeroOdd++
          else zeroEven++
          controls++
        } else if (b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++
      }
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
    let ok = i + need < n
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
  return { nul, zeroEven, zeroOdd, controls, invalidUtf8: invalid }
}

/** Number of bytes that are not part of a well-formed UTF-8 sequence. */
export function countInvalidUtf8(bytes: Uint8Array, from = 0): number {
  return scanBytes(bytes, from).invalidUtf8
}

/**
 * Whether counts over the whole input say "binary": more than 10% control characters, or more than one NUL and
 * more than 1 in 500 bytes (compressed or random data has about 1 in 256, on top of ~11% controls; text has none,
 * or a stray few). A single control character is never enough, so one stray NUL in a short note is removed.
 */
function looksBinary(controls: number, nul: number, length: number): boolean {
  if (length === 0 || controls < 2) return false
  return controls / length > 0.1 || (nul >= 2 && nul / length > 0.002)
}

/** Characters that are never text: C0 controls other than tab, LF, FF, CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/
const CONTROLS = new RegExp(CONTROL.source, 'g')
/** A terminal colour/cursor sequence (ESC [ … final byte), removed whole rather than leaving "[31m" behind. */
const ANSI_CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g

/** Counts, in decoded text, what the binary check looks at: controls (as CONTROL, plus NUL) and U+FFFD. */
function textStats(text: string): { controls: number; nul: number; bad: number } {
  let controls = 0
  let nul = 0
  let replaced = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20) {
      if (c === 0) nul++
      if (c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) controls++
    } else if (c >= 0x7f && c <= 0x9f) controls++
    else if (c === 0xfffd || c === 0xfffe || c === 0xffff) replaced++
  }
  return { controls, nul, bad: controls + replaced }
}

/**
 * BOM-less UTF-16, recognised only on mostly-Latin text: at least half the code units have a zero high byte (odd
 * offsets for LE, even for BE), almost none (≤ 5%) have a zero at the other offset, and the text decoded that way
 * has almost no (≤ 2%) control characters, unpaired surrogates or non-characters. Text in an ASCII-compatible
 * encoding never has that many NULs, and binary data with such a pattern (16-bit samples, tables) fails the last
 * test. UTF-16 text in other scripts (Cyrillic, CJK) has no such pattern and is not guessed.
 */
function sniffUtf16(bytes: Uint8Array, stats: ByteStats): 'utf-16le' | 'utf-16be' | null {
  const units = bytes.length >> 1
  if (units === 0) return null
  let guess: 'utf-16le' | 'utf-16be' | null = null
  if (stats.zeroOdd >= 0.5 * units && stats.zeroEven <= 0.05 * units) guess = 'utf-16le'
  else if (stats.zeroEven >= 0.5 * units && stats.zeroOdd <= 0.05 * units) guess = 'utf-16be'
  if (!guess) return null
  const text = decodeBytes(bytes.subarray(0, units * 2), guess)
  return text.length > 0 && textStats(text).bad / text.length <= 0.02 ? guess : null
}

function hasBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

export interface DecodeOptions {
  /** A charset label from outside the bytes, e.g. the charset parameter of an HTTP Content-Type. */
  charset?: string | null
  /** Whether the bytes are HTML (enables the <meta> prescan and the HTML fallback). Default: sniffed from the start. */
  html?: boolean
}

export interface DecodedText {
  text: string
  warnings: string[]
  /** The encoding read, as a WHATWG name in lowercase: "utf-8", "utf-16le", "windows-1252", "shift_jis"... */
  encoding: string
}

interface Choice {
  encoding: string
  bom: number
  /** Problems with declared labels; the final encoding is appended when the warning is written. */
  notes: string[]
  warnings: string[]
}

/**
 * Which encoding to read, in this order:
 *  1. a BOM (UTF-8, UTF-16 LE/BE): it wins over any declaration, as in the WHATWG Encoding standard;
 *  2. BOM-less UTF-16 (sniffUtf16): ahead of declarations, because no ASCII-compatible encoding has NULs in every
 *     other byte: a server or <meta> that says otherwise is mislabelling a UTF-16 file (said in a warning);
 *  3. the transport charset (opts.charset, e.g. from Content-Type), when Gloss knows and can read it;
 *  4. for HTML, the <meta> prescan (prescanMetaCharset);
 *  5. UTF-8, when the bytes are valid UTF-8 (this includes plain ASCII);
 *  6. the fallback. HTML: windows-1252, the WHATWG default for undeclared HTML in most locales (what a browser in an
 *     English or Western European locale shows), with a warning. Other text: UTF-8 with U+FFFD for each invalid byte
 *     and a warning with the count. A text file declares nothing, so any legacy guess (windows-1252, or 1251, or
 *     Shift_JIS...) would silently put wrong-but-plausible letters into quotes and exports; U+FFFD marks exactly the
 *     bytes that could not be read, and the caller can re-import with an explicit charset.
 * An unknown or unsupported label is skipped with a warning naming it and the encoding used instead.
 */
function chooseEncoding(bytes: Uint8Array, stats: ByteStats, opts: DecodeOptions): Choice {
  const notes: string[] = []
  const warnings: string[] = []
  const bom = hasBom(bytes)
  if (bom) return { encoding: bom.encoding, bom: bom.length, notes, warnings }

  let declared: string | null = null
  const label = opts.charset?.trim()
  if (label) {
    const name = encodingForLabel(label)
    if (name === null) notes.push(`The character set "${label}" given for this document is not one Gloss knows`)
    else if (!canDecode(name)) notes.push(`The character set "${label}" given for this document cannot be read here`)
    else declared = name
  }

  const utf16 = sniffUtf16(bytes, stats)
  if (utf16) {
    if (declared && declared !== utf16) {
      warnings.push(`The document was declared as ${describeEncoding(declared)}, but its bytes are ${describeEncoding(utf16)}; it was read as ${describeEncoding(utf16)}.`)
    }
    return { encoding: utf16, bom: 0, notes, warnings }
  }
  if (declared) return { encoding: declared, bom: 0, notes, warnings }

  const html = opts.html ?? looksLikeHtml(bytes)
  if (html) {
    const meta = prescanMetaCharset(bytes)
    if (meta.encoding && canDecode(meta.encoding)) return { encoding: meta.encoding, bom: 0, notes, warnings }
    if (meta.encoding) notes.push(`The page's <meta> tag names the character set "${meta.label}", which cannot be read here`)
    else if (meta.unknownLabel) notes.push(`The page's <meta> tag names the character set "${meta.unknownLabel}", which Gloss does not know`)
  }

  if (stats.invalidUtf8 === 0) return { encoding: 'utf-8', bom: 0, notes, warnings }
  if (html) {
    warnings.push(
      'The page does not say which character set it uses and is not valid UTF-8; it was read as windows-1252 (Western European). If letters look wrong, the page uses another character set.'
    )
    return { encoding: 'windows-1252', bom: 0, notes, warnings }
  }
  return { encoding: 'utf-8', bom: 0, notes, warnings }
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many)

/**
 * Decodes an imported file or downloaded page. Throws GlossError('import_rejected') for an empty, whitespace-only,
 * binary or too large input. The encoding is chosen as chooseEncoding describes; a BOM is stripped; malformed
 * sequences become U+FFFD (with a warning and a count); control characters (C0 other than tab, LF, FF, CR; DEL;
 * C1; terminal escape sequences) are removed with a warning and a count. Input is refused as binary only when the
 * whole of it looks binary (looksBinary). Newlines become LF and the text NFC.
 */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new GlossError(
      'import_rejected',
      `This file is too large to import: it is ${formatBytes(bytes.length)} and the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`
    )
  }
  if (bytes.length === 0) throw new GlossError('import_rejected', 'This file is empty: there is no text to import.')

  const stats = scanBytes(bytes)
  const choice = chooseEncoding(bytes, stats, opts)
  const { encoding } = choice
  const body = choice.bom ? bytes.subarray(choice.bom) : bytes
  const warnings = [...choice.notes.map((note) => `${note}; it was read as ${describeEncoding(encoding)} instead.`), ...choice.warnings]

  let text = decodeBytes(body, encoding)
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const t = textStats(text)
    if (looksBinary(t.controls, t.nul, text.length)) rejectBinary()
    if (body.length % 2 === 1) warnings.push('The UTF-16 file ended with an incomplete character; it was replaced with �.')
  } else {
    if (looksBinary(stats.controls, stats.nul, bytes.length)) rejectBinary()
    if (encoding === 'utf-8') {
      const invalid = stats.invalidUtf8
      if (invalid > 0) {
        warnings.push(
          `The file is not valid UTF-8: ${invalid} invalid ${plural(invalid, 'byte was', 'bytes were')} replaced with the character �.`
        )
      }
    } else {
      let replaced = 0
      for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++
      if (replaced > 0) {
        warnings.push(
          `${replaced} ${plural(replaced, 'byte sequence', 'byte sequences')} could not be read as ${describeEncoding(encoding)} and ${plural(replaced, 'was', 'were')} replaced with the character �.`
        )
      }
    }
  }

  if (CONTROL.test(text)) {
    let removed = 0
    const count = (): string => {
      removed++
      return ''
    }
    if (text.includes('\u001b')) text = text.replace(ANSI_CSI, count)
    text = text.replace(CONTROLS, count)
    if (removed > 0) {
      warnings.push(
        `${removed} control ${plural(removed, 'character was', 'characters were')} removed (invisible codes such as NUL that are not part of the text).`
      )
    }
  }

  text = normalizeNewlines(text)
  if (text.trim() === '') {
    throw new GlossError('import_rejected', 'This file is empty: it contains only whitespace, no text to import.')
  }
  return { text, warnings, encoding }
}
