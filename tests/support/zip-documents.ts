// EPUB and Word files for tests, zipped here (fflate) from XML the tests write: never downloaded.
import { strToU8, zipSync, type Zippable } from 'fflate'

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

// ------------------------------------------------------------------------------------------------- EPUB

export interface EpubChapter {
  file: string
  /** Title in the table of contents. */
  title: string
  /** The body's XHTML. */
  body: string
  linear?: boolean
}

export interface EpubSpec {
  title: string
  creators: { name: string; role?: string }[]
  date?: string
  publisher?: string
  language?: string
  chapters: EpubChapter[]
  /** EPUB 2 (NCX table of contents) instead of EPUB 3 (navigation document). */
  epub2?: boolean
  /** META-INF/encryption.xml: 'drm' encrypts a chapter, 'fonts' only obfuscates a font. */
  encryption?: 'drm' | 'fonts'
  /** Leave out or break files. */
  broken?: 'no-container' | 'bad-opf'
}

export function makeEpub(spec: EpubSpec): Uint8Array {
  const chapterXhtml = (c: EpubChapter): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${xmlEscape(c.title)}</title><link rel="stylesheet" href="style.css"/></head><body>${c.body}</body></html>`
  const manifest = spec.chapters.map((c, i) => `<item id="c${i}" href="${c.file}" media-type="application/xhtml+xml"/>`).join('')
  const spine = spec.chapters.map((c, i) => `<itemref idref="c${i}"${c.linear === false ? ' linear="no"' : ''}/>`).join('')
  const creators = spec.creators
    .map((c) => (spec.epub2 ? `<dc:creator${c.role ? ` opf:role="${c.role}"` : ''}>${xmlEscape(c.name)}</dc:creator>` : `<dc:creator>${xmlEscape(c.name)}</dc:creator>`))
    .join('')
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${spec.epub2 ? '2.0' : '3.0'}" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="id">urn:uuid:1234</dc:identifier><dc:title>${xmlEscape(spec.title)}</dc:title>${creators}
${spec.date ? `<dc:date>${spec.date}</dc:date>` : ''}${spec.publisher ? `<dc:publisher>${xmlEscape(spec.publisher)}</dc:publisher>` : ''}
<dc:language>${spec.language ?? 'en'}</dc:language><dc:description>&lt;p&gt;A novel about a border town.&lt;/p&gt;</dc:description>
</metadata>
<manifest>${manifest}${spec.epub2 ? '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>' : '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'}<item id="css" href="style.css" media-type="text/css"/></manifest>
<spine${spec.epub2 ? ' toc="ncx"' : ''}>${spine}</spine>
</package>`
  const nav = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${spec.chapters
    .map((c) => `<li><a href="${c.file}">${xmlEscape(c.title)}</a></li>`)
    .join('')}</ol></nav></body></html>`
  const ncx = `<?xml version="1.0" encoding="UTF-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${spec.chapters
    .map((c, i) => `<navPoint id="n${i}" playOrder="${i + 1}"><navLabel><text>${xmlEscape(c.title)}</text></navLabel><content src="${c.file}"/></navPoint>`)
    .join('')}</navMap></ncx>`
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'OEBPS/content.opf': strToU8(spec.broken === 'bad-opf' ? '<package><metadata><dc:title>Unclosed' : opf),
    'OEBPS/style.css': strToU8('body { font-family: serif }')
  }
  if (spec.broken !== 'no-container') {
    files['META-INF/container.xml'] = strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
  }
  if (spec.epub2) files['OEBPS/toc.ncx'] = strToU8(ncx)
  else files['OEBPS/nav.xhtml'] = strToU8(nav)
  for (const c of spec.chapters) files[`OEBPS/${c.file}`] = strToU8(chapterXhtml(c))
  if (spec.encryption) {
    const algorithm = spec.encryption === 'drm' ? 'http://www.w3.org/2001/04/xmlenc#aes128-cbc' : 'http://www.idpf.org/2008/embedding'
    const target = spec.encryption === 'drm' ? `OEBPS/${spec.chapters[0].file}` : 'OEBPS/font.otf'
    files['META-INF/encryption.xml'] = strToU8(
      `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${target}"/></enc:CipherData></enc:EncryptedData></encryption>`
    )
  }
  return zipSync(files)
}

// ------------------------------------------------------------------------------------------------- Word

/** A paragraph of a Word document: its style and its runs (text, optionally bold/italic), or a footnote mark. */
export type DocxRun = string | { text: string; bold?: boolean; italic?: boolean } | { footnote: string }
export type DocxBlock =
  | { style?: 'Title' | 'Heading1' | 'Heading2' | 'Quote'; runs: DocxRun[] }
  | { bullet: string }
  | { table: string[][] }

export interface DocxSpec {
  blocks: DocxBlock[]
  title?: string
  creator?: string
  created?: string
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const run = (r: DocxRun, notes: string[]): string => {
  if (typeof r === 'string') return `<w:r><w:t xml:space="preserve">${xmlEscape(r)}</w:t></w:r>`
  if ('footnote' in r) {
    notes.push(r.footnote)
    return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${notes.length}"/></w:r>`
  }
  const props = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}`
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(r.text)}</w:t></w:r>`
}

export function makeDocx(spec: DocxSpec): Uint8Array {
  const notes: string[] = []
  const body = spec.blocks
    .map((b) => {
      if ('bullet' in b) return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(b.bullet, notes)}</w:p>`
      if ('table' in b) {
        return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${b.table
          .map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:p>${run(cell, notes)}</w:p></w:tc>`).join('')}</w:tr>`)
          .join('')}</w:tbl>`
      }
      return `<w:p>${b.style ? `<w:pPr><w:pStyle w:val="${b.style}"/></w:pPr>` : ''}${b.runs.map((r) => run(r, notes)).join('')}</w:p>`
    })
    .join('')
  const styles = `<w:styles ${W}>${[
    ['Title', 'Title'],
    ['Heading1', 'heading 1'],
    ['Heading2', 'heading 2'],
    ['Quote', 'Quote'],
    ['ListParagraph', 'List Paragraph']
  ]
    .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
    .join('')}</w:styles>`
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
  const footnotes = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${notes
    .map((n, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${xmlEscape(n)}</w:t></w:r></w:p></w:footnote>`)
    .join('')}</w:footnotes>`
  const rel = (id: string, type: string, target: string): string =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'styles', 'styles.xml')}${rel('rId2', 'numbering', 'numbering.xml')}${rel('rId3', 'footnotes', 'footnotes.xml')}</Relationships>`
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8(styles),
    'word/numbering.xml': strToU8(numbering),
    'word/footnotes.xml': strToU8(footnotes),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${spec.title ? `<dc:title>${xmlEscape(spec.title)}</dc:title>` : ''}${spec.creator ? `<dc:creator>${xmlEscape(spec.creator)}</dc:creator>` : ''}${spec.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${spec.created}</dcterms:created>` : ''}</cp:coreProperties>`
    )
  }
  return zipSync(files)
}
