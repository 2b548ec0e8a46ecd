// What Gloss imports, in words and as file-chooser filters, derived from the importer's own list
// (IMPORT_EXTENSIONS in core/import/format.ts): when a format is added there, the choosers, the empty library and
// the drop overlay name it too.
import { detectFormat, IMPORT_EXTENSIONS } from '@core/import/format'
import type { SourceFormat } from '@core/model'

/** Each format as a person names a kind of file, in the order they are listed. */
const NAMES: Record<SourceFormat, string> = {
  html: 'web pages',
  pdf: 'PDFs',
  epub: 'EPUB books',
  docx: 'Word documents',
  md: 'Markdown',
  txt: 'plain text'
}
const ORDER: readonly SourceFormat[] = ['html', 'pdf', 'epub', 'docx', 'md', 'txt']

/** The formats the importer reads (by the extensions it accepts). */
export const IMPORT_FORMATS: readonly SourceFormat[] = ORDER.filter((f) => IMPORT_EXTENSIONS.some((e) => detectFormat(`file.${e}`, '') === f))

/** Article files for a file chooser: ".html,.htm,…". */
export const ARTICLE_ACCEPT: readonly string[] = IMPORT_EXTENSIONS.map((e) => `.${e}`)

/** Web Annotation exports (Export → Annotations JSON), restored onto the open article by Import…. */
export const ANNOTATION_ACCEPT: readonly string[] = ['.json', '.jsonld']

export const isAnnotationFile = (name: string): boolean => /\.(json|jsonld)$/i.test(name)

/** "web pages, Markdown and plain text" (capitalised when asked). */
export function importFormatsText(capitalised = false): string {
  const names = IMPORT_FORMATS.map((f) => NAMES[f])
  const text = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '')
  return capitalised ? text.charAt(0).toUpperCase() + text.slice(1) : text
}
