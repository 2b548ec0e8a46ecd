// Running header and footer of the PDF report, shared by both engines (Electron printToPDF and headless Chromium's
// page.pdf) so that the same HTML gives the same pages. Chromium fills the .title/.pageNumber/.totalPages spans.
const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const BASE = "width:100%;font-family:'DejaVu Serif',Georgia,serif;font-size:8pt;color:#6b6b6b;padding:0 18mm;"

export function headerTemplate(title: string, kind = 'Annotated report'): string {
  return `<div style="${BASE}display:flex;justify-content:space-between;"><span>${escape(title)}</span><span>${escape(kind)} · Gloss</span></div>`
}

export function footerTemplate(): string {
  return `<div style="${BASE}text-align:center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`
}

/** Page margins: room for the running header and footer. */
export const PDF_MARGINS_MM = { top: 20, bottom: 20, left: 18, right: 18 }
export const PDF_MARGINS_IN = {
  top: PDF_MARGINS_MM.top / 25.4,
  bottom: PDF_MARGINS_MM.bottom / 25.4,
  left: PDF_MARGINS_MM.left / 25.4,
  right: PDF_MARGINS_MM.right / 25.4
}
