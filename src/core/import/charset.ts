// Character sets for imports: WHATWG label normalisation, decoding with TextDecoder (with fixes for runtime bugs),
// the HTML <meta> prescan, and Content-Type parsing. Pure: no Node, Electron or DOM APIs (TextDecoder is a global).

/**
 * Encoding names (lowercase, as TextDecoder#encoding reports them) and their labels, from the WHATWG Encoding
 * standard (https://encoding.spec.whatwg.org/#names-and-labels). Labels are matched case-insensitively after
 * trimming ASCII whitespace.
 */
const LABELS: Record<string, string> = {
  'utf-8': 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8',
  ibm866: '866 cp866 csibm866 ibm866',
  'iso-8859-2': 'csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2',
  'iso-8859-3': 'csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3',
  'iso-8859-4': 'csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4',
  'iso-8859-5': 'csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988',
  'iso-8859-6':
    'arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987',
  'iso-8859-7':
    'csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek',
  'iso-8859-8': 'csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual',
  'iso-8859-8-i': 'csiso88598i iso-8859-8-i logical',
  'iso-8859-10': 'csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6',
  'iso-8859-13': 'iso-8859-13 iso8859-13 iso885913',
  'iso-8859-14': 'iso-8859-14 iso8859-14 iso885914',
  'iso-8859-15': 'csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9',
  'iso-8859-16': 'iso-8859-16',
  'koi8-r': 'cskoi8r koi koi8 koi8-r koi8_r',
  'koi8-u': 'koi8-ru koi8-u',
  macintosh: 'csmacintosh mac macintosh x-mac-roman',
  'windows-874': 'dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874',
  'windows-1250': 'cp1250 windows-1250 x-cp1250',
  'windows-1251': 'cp1251 windows-1251 x-cp1251',
  'windows-1252':
    'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252',
  'windows-1253': 'cp1253 windows-1253 x-cp1253',
  'windows-1254': 'cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254',
  'windows-1255': 'cp1255 windows-1255 x-cp1255',
  'windows-1256': 'cp1256 windows-1256 x-cp1256',
  'windows-1257': 'cp1257 windows-1257 x-cp1257',
  'windows-1258': 'cp1258 windows-1258 x-cp1258',
  'x-mac-cyrillic': 'x-mac-cyrillic x-mac-ukrainian',
  gbk: 'chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk',
  gb18030: 'gb18030',
  big5: 'big5 big5-hkscs cn-big5 csbig5 x-x-big5',
  'euc-jp': 'cseucpkdfmtjapanese euc-jp x-euc-jp',
  'iso-2022-jp': 'csiso2022jp iso-2022-jp',
  shift_jis: 'csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis',
  'euc-kr': 'cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949',
  replacement: 'csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement',
  'utf-16be': 'unicodefffe utf-16be',
  'utf-16le': 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le',
  'x-user-defined': 'x-user-defined'
}

const BY_LABEL = new Map<string, string>()
for (const [name, labels] of Object.entries(LABELS)) for (const label of labels.split(' ')) BY_LABEL.set(label, name)

/** A few names in words, for warnings. */
const DESCRIPTIONS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'windows-1252 (Western European)'
}

/** An encoding's name for a person, e.g. "windows-1252 (Western European)" or "shift_jis". */
export function describeEncoding(name: string): string {
  return DESCRIPTIONS[name] ?? name
}

/**
 * WHATWG "get an encoding": the encoding a label names ("latin1" -> "windows-1252", " UTF8 " -> "utf-8"), or
 * null for an unknown label. Names are lowercase, as TextDecoder#encoding reports them. Note that the standard
 * maps some labels (iso-2022-kr, hz-gb-2312, ...) to "replacement", which no decoder here reads.
 */
export function encodingForLabel(label: string): string | null {
  return BY_LABEL.get(label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()) ?? null
}

/**
 * The decoder actually used for an encoding. The standard's gbk decoder is its gb18030 decoder; ICU's "gbk" (what
 * Node's TextDecoder uses) differs (no four-byte sequences, 0xA2E3 -> a private-use character instead of €).
 */
function decoderName(name: string): string {
  return name === 'gbk' ? 'gb18030' : name
}

const decodable = new Map<string, boolean>()

/**
 * Whether this runtime can decode an encoding (a name from encodingForLabel). Node 20 built with full ICU reads all
 * of the standard's encodings except iso-8859-16, x-user-defined and replacement; small-ICU builds read fewer.
 * windows-1252 is always readable (decoded here when the runtime cannot).
 */
export function canDecode(name: string): boolean {
  if (name === 'windows-1252') return true
  if (name === 'replacement' || name === 'x-user-defined') return false
  let ok = decodable.get(name)
  if (ok === undefined) {
    try {
      new TextDecoder(decoderName(name))
      ok = true
    } catch {
      ok = false
    }
    decodable.set(name, ok)
  }
  return ok
}

/** windows-1252 bytes 0x80-0x9F (WHATWG index-windows-1252); the rest of the range maps to itself. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

/**
 * windows-1252 without trusting the runtime: Node 20.18.3+ and 22.13+ decode "windows-1252" (and "latin1",
 * "ascii"...) as ISO-8859-1, so 0x80 becomes U+0080 instead of € and curly quotes become control characters
 * (nodejs/node#56542, #60888). Whatever the runtime gives for 0x80-0x9F is remapped with the standard's table,
 * which is correct for both the buggy and the correct behaviour.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('windows-1252').decode(bytes)
  } catch {
    const parts: string[] = []
    for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)))
    text = parts.join('')
  }
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]))
}

/** Decodes bytes (without a BOM) in an encoding for which canDecode() is true; malformed input becomes U+FFFD. */
export function decodeBytes(bytes: Uint8Array, name: string): string {
  if (name === 'windows-1252') return decodeWindows1252(bytes)
  return new TextDecoder(decoderName(name), { fatal: false, ignoreBOM: true }).decode(bytes)
}

/**
 * How many bytes the <meta> prescan reads. The HTML standard's prescan stops at 1024 bytes, but browsers then also
 * honour a later <meta charset> in <head> by re-decoding the page (the "change the encoding" step); pages with a
 * long <head> (inline scripts, styles, comments before the meta) are common, so Gloss reads up to 4096 bytes.
 */
export const META_PRESCAN_BYTES = 4096

const isSpace = (b: number): boolean => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20
const isSpaceOrSlash = (b: number): boolean => isSpace(b) || b === 0x2f
const isLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
const lower = (b: number): string => String.fromCharCode(b >= 0x41 && b <= 0x5a ? b + 0x20 : b)

function startsWithAt(bytes: Uint8Array, pos: number, end: number, ascii: string, caseless: boolean): boolean {
  if (pos + ascii.length > end) return false
  for (let k = 0; k < ascii.length; k++) {
    let b = bytes[pos + k]
    if (caseless && b >= 0x41 && b <= 0x5a) b += 0x20
    if (b !== ascii.charCodeAt(k)) return false
  }
  return true
}

/** HTML "get an attribute" over bytes[pos, end): the attribute and the position after it, or null at '>' or the end. */
function getAttribute(bytes: Uint8Array, start: number, end: number): { name: string; value: string; pos: number } | null {
  let pos = start
  while (pos < end && isSpaceOrSlash(bytes[pos])) pos++
  if (pos >= end || bytes[pos] === 0x3e) return null
  let name = ''
  let value = ''
  // Name.
  for (;;) {
    if (pos >= end) return null
    const b = bytes[pos]
    if (b === 0x3d && name !== '') {
      pos++
      break
    }
    if (isSpace(b)) {
      while (pos < end && isSpace(bytes[pos])) pos++
      if (pos >= end) return null
      if (bytes[pos] !== 0x3d) return { name, value, pos }
      pos++
      break
    }
    if (b === 0x2f || b === 0x3e) return { name, value, pos }
    name += lower(b)
    pos++
  }
  // Value.
  while (pos < end && isSpace(bytes[pos])) pos++
  if (pos >= end) return null
  const q = bytes[pos]
  if (q === 0x22 || q === 0x27) {
    pos++
    for (;;) {
      if (pos >= end) return null
      if (bytes[pos] === q) return { name, value, pos: pos + 1 }
      value += lower(bytes[pos])
      pos++
    }
  }
  if (q === 0x3e) return { name, value, pos }
  for (;;) {
    if (pos >= end) return null
    const b = bytes[pos]
    if (isSpace(b) || b === 0x3e) return { name, value, pos }
    value += lower(b)
    pos++
  }
}

/**
 * HTML "extract a character encoding from a meta element": the label after "charset=" in a content attribute
 * such as "text/html; charset=windows-1251", or null.
 */
export function charsetFromMetaContent(content: string): string | null {
  const s = content
  let pos = 0
  for (;;) {
    const at = s.toLowerCase().indexOf('charset', pos)
    if (at < 0) return null
    pos = at + 7
    while (pos < s.length && /[\t\n\f\r ]/.test(s[pos])) pos++
    if (s[pos] !== '=') continue
    pos++
    while (pos < s.length && /[\t\n\f\r ]/.test(s[pos])) pos++
    if (pos >= s.length) return null
    const q = s[pos]
    if (q === '"' || q === "'") {
      const close = s.indexOf(q, pos + 1)
      return close < 0 ? null : s.slice(pos + 1, close)
    }
    let stop = pos
    while (stop < s.length && !/[\t\n\f\r ;]/.test(s[stop])) stop++
    return s.slice(pos, stop)
  }
}

/**
 * The HTML standard's prescan (https://html.spec.whatwg.org/#prescan-a-byte-stream-to-determine-its-encoding) over
 * the first META_PRESCAN_BYTES: `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`,
 * skipping comments and other tags' attributes. Returns the encoding (UTF-16 labels become UTF-8 and x-user-defined
 * windows-1252, as the standard says) and the label as written. Unknown labels are skipped, as browsers do; the
 * first one is returned as `unknownLabel` so the caller can say so.
 */
export function prescanMetaCharset(
  bytes: Uint8Array,
  limit = META_PRESCAN_BYTES
): { encoding: string | null; label: string | null; unknownLabel: string | null } {
  const end = Math.min(bytes.length, limit)
  let unknownLabel: string | null = null
  let pos = 0
  while (pos < end) {
    if (bytes[pos] !== 0x3c) {
      pos++
      continue
    }
    if (startsWithAt(bytes, pos, end, '<!--', false)) {
      // To the first '>' preceded by two '-' (the opening's dashes count, so "<!-->" is a whole comment).
      let k = pos + 4
      while (k < end && !(bytes[k] === 0x3e && bytes[k - 1] === 0x2d && bytes[k - 2] === 0x2d)) k++
      pos = k + 1
      continue
    }
    if (startsWithAt(bytes, pos, end, '<meta', true) && pos + 5 < end && isSpaceOrSlash(bytes[pos + 5])) {
      pos += 6
      const seen = new Set<string>()
      let gotPragma = false
      let needPragma: boolean | null = null
      let charset: string | null = null
      let label: string | null = null
      for (;;) {
        const attr = getAttribute(bytes, pos, end)
        if (!attr) break
        pos = attr.pos
        if (seen.has(attr.name)) continue
        seen.add(attr.name)
        if (attr.name === 'http-equiv') {
          if (attr.value === 'content-type') gotPragma = true
        } else if (attr.name === 'content') {
          const found = charsetFromMetaContent(attr.value)
          if (charset === null && found !== null) {
            label = found
            charset = encodingForLabel(found)
            if (charset === null) unknownLabel ??= found
            needPragma = true
          }
        } else if (attr.name === 'charset') {
          label = attr.value
          charset = encodingForLabel(attr.value)
          if (charset === null) unknownLabel ??= attr.value
          needPragma = false
        }
      }
      if (needPragma === null || (needPragma && !gotPragma) || charset === null) continue
      if (charset === 'utf-16le' || charset === 'utf-16be') charset = 'utf-8'
      if (charset === 'x-user-defined') charset = 'windows-1252'
      return { encoding: charset, label, unknownLabel }
    }
    const b1 = pos + 1 < end ? bytes[pos + 1] : -1
    const b2 = pos + 2 < end ? bytes[pos + 2] : -1
    if (isLetter(b1) || (b1 === 0x2f && isLetter(b2))) {
      // Another tag: skip its name and attributes, so `<div title="<meta charset=x>">` is not a declaration.
      pos++
      while (pos < end && !isSpace(bytes[pos]) && bytes[pos] !== 0x3e) pos++
      for (;;) {
        const attr = getAttribute(bytes, pos, end)
        if (!attr) break
        pos = attr.pos
      }
      pos++
      continue
    }
    if (b1 === 0x21 || b1 === 0x2f || b1 === 0x3f) {
      while (pos < end && bytes[pos] !== 0x3e) pos++
      pos++
      continue
    }
    pos++
  }
  return { encoding: null, label: null, unknownLabel }
}

/** Whether bytes start like an HTML document: optional BOM, whitespace, <?xml …?> and comments, then <!doctype html or <html. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = ''
  const n = Math.min(bytes.length, 1024)
  for (let i = 0; i < n; i++) head += lower(bytes[i])
  head = head.replace(/^\u00ef\u00bb\u00bf/, '').trimStart()
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html)\b/.test(head)
}

/**
 * A Content-Type header value -> the MIME type (lowercased essence, '' when absent or malformed) and the charset
 * parameter as written (null when absent). Handles quoted parameter values and ignores invalid parameters.
 */
export function parseContentType(value: string | null | undefined): { mime: string; charset: string | null } {
  if (!value) return { mime: '', charset: null }
  const semi = value.indexOf(';')
  const essence = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase()
  const mime = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/.test(essence) ? essence : ''
  let charset: string | null = null
  let rest = semi < 0 ? '' : value.slice(semi + 1)
  while (rest.length > 0) {
    const m = /^[\t\n\r ]*([^=;]*)(?:=("(?:[^"\\]|\\.)*"?|[^;]*))?;?/.exec(rest)
    if (!m || m[0] === '') break
    rest = rest.slice(m[0].length)
    const name = m[1].trim().toLowerCase()
    let v = m[2] ?? ''
    if (v.startsWith('"')) v = v.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1')
    else v = v.trim()
    if (name === 'charset' && charset === null && v !== '') charset = v
  }
  return { mime, charset }
}
