// Word documents to HTML with mammoth (in the import worker): headings from the document's styles, lists, tables,
// footnotes and endnotes. Images are dropped (only their alt text would be read, and mammoth would inline them).
import { GlossError } from '../../core/errors'

type Mammoth = typeof import('mammoth')
let mammoth: Promise<Mammoth> | null = null

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='Quote'] => blockquote:fresh", "p[style-name='Intense Quote'] => blockquote:fresh"]

export const DOCX_DAMAGED = 'This Word document is damaged (or not really a .docx file), so Gloss cannot read it.'

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  mammoth ??= import('mammoth')
  const m = await mammoth
  try {
    const result = await m.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: STYLE_MAP,
        // Images: keep their alt text only (nothing is embedded or fetched).
        convertImage: m.images.imgElement(async (image) => ({ src: '', alt: (image as { altText?: string }).altText ?? '' }))
      }
    )
    return result.value
  } catch (error) {
    throw new GlossError('import_rejected', `${DOCX_DAMAGED} (${(error as Error).message.split('\n')[0]})`)
  }
}
