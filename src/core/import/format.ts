import type { SourceFormat } from '../model'

const BY_EXTENSION: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  epub: 'epub',
  docx: 'docx'
}

/** File extensions Gloss imports (without the dot): the file choosers and the drop target offer these. */
export const IMPORT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION)

/** The format of a file: by extension (.txt .text .md .markdown .html .htm), else sniffed (HTML or plain text). */
export function detectFormat(name: string, text: string): SourceFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase()
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext]
  const head = text.slice(0, 1024).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html)\b/.test(head)) {
    return 'html'
  }
  return 'txt'
}
