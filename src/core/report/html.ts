// Renders the report model as one self-contained, printable HTML document (no scripts, no external loads).

import { RATING_LABELS } from '../analysis/ach'
import type { ArticleRun, Citation, CitedByGroup, HighlightRow, NoteBlock, NoteInline, ReportAchMatrix, ReportModel, ReportNote, ReportParagraph, ReportSource } from './model'
import { coverRows, coverSummary } from './cover'
import { COLOR_NAMES, formatDate, pageSuffix, paragraphRange, plural } from './format'

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** Escapes text for HTML element content and (double- or single-quoted) attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const esc = escapeHtml
const multiline = (s: string): string => esc(s).replace(/\r?\n/g, '<br>')

function styles(pageSize: 'A4' | 'Letter'): string {
  return `
@page { size: ${pageSize}; margin: 20mm 20mm 22mm 22mm; }
:root { color-scheme: light; }
html { font-family: Charter, "Bitstream Charter", Georgia, "Liberation Serif", "DejaVu Serif", "Times New Roman", serif;
  font-size: 11pt; line-height: 1.5; color: #1c1c1e; background: #fff; }
body { margin: 0; }
main { counter-reset: none; }
h1, h2, h3, h4, h5, h6, .sans { font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; line-height: 1.25; color: #111; }
h1 { font-size: 18pt; margin: 0 0 10pt; padding-bottom: 4pt; border-bottom: 1.5pt solid #1c1c1e; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
h4, h5, h6 { font-size: 11pt; margin: 10pt 0 4pt; }
p { margin: 0 0 7pt; orphans: 3; widows: 3; }
a { color: #1f4e8c; text-decoration: none; }
section.part { break-before: page; page-break-before: always; }
.cover { min-height: 200mm; display: flex; flex-direction: column; justify-content: center; }
.cover .kicker { font-size: 9pt; letter-spacing: .14em; text-transform: uppercase; color: #6b6b70; margin-bottom: 8pt; }
.cover h1 { font-size: 26pt; border: 0; margin-bottom: 18pt; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 4pt 16pt; margin: 0 0 24pt; font-size: 10.5pt; }
.cover dt { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 9pt; color: #6b6b70; text-transform: uppercase; letter-spacing: .06em; padding-top: 1.5pt; }
.cover dd { margin: 0; overflow-wrap: anywhere; }
.cover .summary { font-size: 9.5pt; color: #4a4a50; border-top: .75pt solid #c8c8cc; padding-top: 8pt; }
.note { margin-bottom: 14pt; }
.note blockquote { margin: 0 0 7pt; padding-left: 10pt; border-left: 2pt solid #c8c8cc; color: #3a3a3e; }
.note pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 9pt; background: #f4f4f5; padding: 6pt 8pt; white-space: pre-wrap; overflow-wrap: anywhere; break-inside: avoid; }
.note code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 9.5pt; background: #f1f1f3; padding: 0 2pt; }
.note hr { border: 0; border-top: .75pt solid #c8c8cc; margin: 10pt 0; }
.note ul, .note ol { margin: 0 0 7pt; padding-left: 18pt; }
.note li > p { margin-bottom: 3pt; }
.note ul.task { list-style: none; padding-left: 4pt; }
.note ul.task .box { font-family: "DejaVu Sans", sans-serif; margin-right: 4pt; }
.note .empty, .empty-state { color: #6b6b70; font-style: italic; }
.note .warning { color: #8a1c1c; font-style: italic; }
.cite { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8.5pt; vertical-align: 2.5pt; line-height: 0; white-space: nowrap; }
.cite .n { font-size: 7pt; color: #6b6b70; margin-left: 1pt; }
.cite.other { color: #4a4a50; }
.cite.missing { color: #8a1c1c; }
.scope-note { font-size: 9.5pt; color: #6b6b70; margin-bottom: 10pt; }
.para { position: relative; padding-left: 30pt; margin: 0 0 8pt; break-inside: avoid; page-break-inside: avoid; }
.para > .num { position: absolute; left: 0; top: 1.5pt; width: 22pt; text-align: right; font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 7.5pt; color: #8e8e93; font-variant-numeric: tabular-nums; }
.para.cited > .num { color: #1f4e8c; font-weight: bold; }
.para > .num .page-mark { display: block; font-size: 6.5pt; font-weight: normal; color: #6b6b70; white-space: nowrap; }
.para p, .para .text { margin: 0; }
.para.kind-h1 .text, .para.kind-h2 .text, .para.kind-h3 .text, .para.kind-h4 .text, .para.kind-h5 .text, .para.kind-h6 .text { margin: 4pt 0 0; }
.para.kind-blockquote .text { padding-left: 10pt; border-left: 2pt solid #c8c8cc; font-style: italic; }
.para.kind-pre .text { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.5pt; line-height: 1.45; background: #f4f4f5;
  padding: 5pt 7pt; white-space: pre-wrap; overflow-wrap: anywhere; }
.para.kind-tr { margin-bottom: 0; }
.para.kind-tr .row { display: flex; border-bottom: .5pt solid #d8d8dc; font-size: 9.5pt; line-height: 1.35; }
.para.kind-tr .row.header { font-weight: bold; border-bottom-width: 1pt; }
.para.kind-tr .cell { flex: 1 1 0; min-width: 0; padding: 2.5pt 6pt 2.5pt 0; overflow-wrap: anywhere; }
.para.kind-footnote .text { font-size: 8.5pt; line-height: 1.35; color: #3a3a3e; }
.para.kind-figure .text, .para.kind-figcaption .text { font-size: 9.5pt; color: #4a4a50; font-style: italic; }
.para .figure-label { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-style: normal; font-size: 8pt;
  text-transform: uppercase; letter-spacing: .05em; }
a.src-link { color: inherit; text-decoration: underline; text-decoration-color: #a0a0a8; }
.para .bullet { display: inline-block; min-width: 14pt; color: #4a4a50; }
mark { color: inherit; padding: .5pt 0; border-radius: 1.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.yellow, .swatch.yellow { background: #fff0a3; }
mark.green, .swatch.green { background: #cdeec6; }
mark.blue, .swatch.blue { background: #cfe2fb; }
mark.red, .swatch.red { background: #f9cfcc; }
.swatch { display: inline-block; width: 8pt; height: 8pt; border-radius: 2pt; margin-right: 4pt; vertical-align: -.5pt; border: .5pt solid rgba(0,0,0,.25);
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
sup.fn { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 7pt; line-height: 0; margin-left: .5pt; }
ol.footnotes { list-style: none; margin: 4pt 0 0; padding: 3pt 0 0; border-top: .5pt solid #d8d8dc; font-size: 9pt; line-height: 1.4; color: #333; }
ol.footnotes li { margin: 0 0 2pt; }
ol.footnotes .fn-n { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 7.5pt; font-weight: bold; margin-right: 4pt; }
.cited-in { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8pt; color: #4a4a50; margin: 3pt 0 0; }
.gap { text-align: center; color: #8e8e93; font-size: 9pt; margin: 4pt 0 10pt; letter-spacing: .05em; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; line-height: 1.35; margin: 0 0 14pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8pt; text-transform: uppercase; letter-spacing: .05em; color: #4a4a50;
  text-align: left; border-bottom: 1pt solid #1c1c1e; padding: 3pt 5pt; }
td { border-bottom: .5pt solid #d8d8dc; padding: 4pt 5pt; vertical-align: top; overflow-wrap: anywhere; }
td.num, th.num { white-space: nowrap; width: 1%; }
.orphan { color: #8a1c1c; font-style: italic; }
.para.context .text { color: #5a5a60; }
.para.context > .num { color: #b0b0b5; }
ol.citations { margin: 0 0 10pt; padding-left: 0; list-style: none; font-size: 9pt; line-height: 1.4; }
ol.citations li { margin: 0 0 3pt; padding-left: 18pt; text-indent: -18pt; }
ol.citations .fn-n { display: inline-block; min-width: 14pt; text-indent: 0; font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 7.5pt; font-weight: bold; }
ol.citations .excerpt { color: #4a4a50; }
ol.citations .from { color: #6b6b70; }
ol.bibliography { list-style: none; margin: 0; padding: 0; }
ol.bibliography li { padding-left: 24pt; text-indent: -24pt; margin: 0 0 7pt; overflow-wrap: anywhere; }
ol.bibliography .file { color: #4a4a50; font-size: 9.5pt; }
ol.bibliography .jump { font-size: 8pt; color: #1f4e8c; white-space: nowrap; }
.small-caps { font-variant: small-caps; }
.roman { font-style: normal; }
.source-meta { font-size: 9pt; color: #4a4a50; margin: -4pt 0 10pt; overflow-wrap: anywhere; }
section.source > .kicker { font-size: 8.5pt; letter-spacing: .12em; text-transform: uppercase; color: #6b6b70; margin-bottom: 4pt; }
h3.tag .count { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8.5pt; font-weight: normal; color: #6b6b70; margin-left: 4pt; }
.row-source { display: block; font-size: 8pt; color: #4a4a50; white-space: normal; max-width: 30mm; }
.qflag { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8pt; color: #8a1c1c; white-space: nowrap; }
ol.citations del { color: #8a1c1c; }
ol.citations ins { color: #1d5c2e; text-decoration: underline; }
table.ach td.rating, table.ach th.rating { text-align: center; white-space: nowrap; width: 1%; }
table.ach tr.non-diagnostic td { color: #6b6b70; }
table.ach tfoot td { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8pt; border-bottom: 0; }
ol.hypotheses { margin: 0 0 8pt; padding-left: 18pt; font-size: 9.5pt; }
.quote-small { display: block; font-size: 8.5pt; color: #4a4a50; }
@media screen {
  html { background: #eceae4; }
  main { max-width: 46rem; margin: 2rem auto; background: #fff; padding: 3rem 3.5rem 3.5rem 4rem; box-shadow: 0 1px 3px rgba(0,0,0,.12), 0 8px 24px rgba(0,0,0,.06); border-radius: 4px; }
  .cover { min-height: 0; padding: 2rem 0 1rem; }
  section.part { border-top: 1px solid #d8d8dc; margin-top: 2.5rem; padding-top: 1.5rem; }
  :target { outline: 2px solid #f0b429; outline-offset: 3px; border-radius: 2px; }
}
@media print { main { padding: 0; } }
`
}

// ------------------------------------------------------------------------------------------- notes

function renderInline(model: ReportModel, inl: NoteInline): string {
  if (inl.type === 'break') return '<br>'
  if (inl.type === 'quoteFlag') {
    const f = model.quoteFlags[inl.n - 1]
    return f ? ` <a class="qflag" id="quoteref-${f.n}" href="#${f.anchor}">[quotation ${f.n}: ${esc(f.text)}]</a>` : ''
  }
  if (inl.type === 'citation') {
    const c = model.citations[inl.n - 1]
    if (!c) return ''
    const n = `<span class="n">${c.n}</span>`
    const title = c.quote ? ` title="${esc(`“${c.quote}”`)}"` : ''
    if (c.target === 'in-report') return `<a class="cite" id="${c.anchor}" href="#${esc(c.targetAnchor!)}"${title}>[${esc(c.label)}]${n}</a>`
    return `<span class="cite missing" id="${c.anchor}"${title}>[${esc(c.label)} — ${missingWhy(c)}]${n}</span>`
  }
  let html = esc(inl.text)
  for (const m of inl.marks) {
    const tag = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' }[m]
    html = `<${tag}>${html}</${tag}>`
  }
  return inl.href ? `<a href="${esc(inl.href)}">${html}</a>` : html
}

function missingWhy(c: Citation): string {
  return c.articleTitle ? 'paragraph no longer in the source' : 'source deleted'
}

function renderBlocks(model: ReportModel, blocks: NoteBlock[]): string {
  const inl = (xs: NoteInline[]): string => xs.map((x) => renderInline(model, x)).join('')
  return blocks
    .map((b): string => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${inl(b.content)}</p>`
        case 'heading':
          return `<h${b.level + 2}>${inl(b.content)}</h${b.level + 2}>`
        case 'blockquote':
          return `<blockquote>${renderBlocks(model, b.blocks)}</blockquote>`
        case 'rule':
          return '<hr>'
        case 'code':
          return `<pre><code>${esc(b.text)}</code></pre>`
        case 'list': {
          const items = b.items
            .map((it) => {
              const box = it.checked === null ? '' : `<span class="box" aria-label="${it.checked ? 'done' : 'to do'}">${it.checked ? '☑' : '☐'}</span>`
              return `<li>${box}${renderBlocks(model, it.blocks)}</li>`
            })
            .join('')
          if (b.style === 'ordered') return `<ol${b.start !== 1 ? ` start="${b.start}"` : ''}>${items}</ol>`
          return `<ul${b.style === 'task' ? ' class="task"' : ''}>${items}</ul>`
        }
      }
    })
    .join('\n')
}

const ROLE_NOTES: Record<ReportNote['role'], string> = {
  analysis: '',
  citing: 'A separate note that cites this article.',
  exported: '',
  project: ''
}

function renderNote(model: ReportModel, note: ReportNote): string {
  let body: string
  if (note.unavailable) body = `<p class="warning">${esc(note.unavailable)}</p>`
  else if (note.empty) body = '<p class="empty">This note is empty.</p>'
  else body = renderBlocks(model, note.blocks)
  const role = ROLE_NOTES[note.role] ? `<p class="scope-note">${ROLE_NOTES[note.role]}</p>` : ''
  const heading = model.meta.kind === 'note' ? '' : `<h2>${esc(note.title || 'Untitled note')}</h2>`
  return `<article class="note">${heading}${role}\n${body}</article>`
}

/** The numbered citations, each resolved to its source, paragraph and page, with the words it quotes. */
function citationList(model: ReportModel): string {
  if (!model.citations.length) return ''
  const items = model.citations
    .map((c) => {
      const back = `<a class="fn-n" href="#${c.anchor}">${c.n}</a>`
      const source = c.sourceAnchor ? `<a href="#${c.sourceAnchor}">${esc(c.articleTitle)}</a>` : `<span class="orphan">${esc(c.articleTitle || 'Deleted source')}</span>`
      const where = c.target === 'in-report' ? `<a href="#${esc(c.targetAnchor!)}">${esc(c.where)}</a>` : `<span class="orphan">${esc(c.where)} — ${missingWhy(c)}</span>`
      const text = c.quote ? ` — quoted: “${esc(c.quote)}”` : c.excerpt ? ` — <span class="excerpt">“${esc(c.excerpt)}”</span>` : ''
      const note = model.notes.length > 1 ? ` <span class="from">(${esc(c.noteTitle || 'Untitled note')})</span>` : ''
      return `<li id="citation-${c.n}">${back}${source}, ${where}${text}${note}</li>`
    })
    .join('')
  return `<h2>Citations</h2><ol class="citations">${items}</ol>`
}

/** The quotations that could not be verified against their sources, each with what is wrong. */
function quoteFlagList(model: ReportModel): string {
  if (!model.quoteFlags.length) return ''
  const items = model.quoteFlags
    .map((f) => {
      const back = `<a class="fn-n" href="#quoteref-${f.n}">${f.n}</a>`
      const where = f.paragraphNumber !== null ? ` (¶${f.paragraphNumber})` : ''
      let detail = ''
      if (f.diff) {
        const diff = f.diff.map((d) => (d.op === 'same' ? esc(d.text) : d.op === 'removed' ? `<del>${esc(d.text)}</del>` : `<ins>${esc(d.text)}</ins>`)).join(' ')
        detail = ` The source reads “${esc(f.source ?? '')}”; the difference: ${diff}.`
      } else if (f.foundIn !== null) detail = ` These words are in ¶${f.foundIn}.`
      const note = model.notes.length > 1 ? ` <span class="from">(${esc(f.noteTitle || 'Untitled note')})</span>` : ''
      return `<li id="${f.anchor}">${back}“${esc(f.quote)}” — ${esc(f.text)}${where}.${detail}${note}</li>`
    })
    .join('')
  return `<h2>Quotations to check</h2><p class="scope-note">Quotations in the analysis that do not read as in the paragraph they cite. The others were checked and match.</p><ol class="citations">${items}</ol>`
}

// ------------------------------------------------------------------------------------------- competing hypotheses

const WEIGHT_SHORT = { low: 'Low', medium: 'Med.', high: 'High' } as const
const score = (x: number): string => (x === 0 ? '0' : x.toFixed(2).replace(/\.?0+$/, '').replace('-', '−'))

function achMatrixHtml(m: ReportAchMatrix): string {
  const order = new Map(m.hypotheses.map((h, i) => [h.id, i]))
  const legend = `<ol class="hypotheses">${m.hypotheses.map((h) => `<li>${esc(h.label || 'Untitled hypothesis')}</li>`).join('')}</ol>`
  const ranking = m.ranking
    .map((id) => {
      const h = m.hypotheses[order.get(id)!]
      return `${h.rank}. H${order.get(id)! + 1} (${score(h.weighted)})`
    })
    .join(' · ')
  const head = `<tr><th>Evidence</th><th class="num">Source</th><th class="num">Cred.</th><th class="num">Rel.</th>${m.hypotheses
    .map((h, i) => `<th class="rating" title="${esc(h.label)}">H${i + 1}</th>`)
    .join('')}<th class="num">Diag.</th></tr>`
  const rows = m.rows
    .map((r) => {
      const source = r.source === null ? '—' : r.anchor ? `<a href="#${esc(r.anchor)}">${esc(r.source)}</a>` : `<span class="orphan">${esc(r.source || 'no longer in the source')}</span>`
      const quote = r.quote && r.quote !== r.label ? `<span class="quote-small">“${esc(r.quote)}”</span>` : ''
      const cells = r.ratings.map((x) => `<td class="rating"${x ? ` title="${RATING_LABELS[x]}"` : ''}>${x ?? '·'}</td>`).join('')
      const diag = r.diagnosticity === null ? '—' : r.nonDiagnostic ? 'none' : score(r.diagnosticity)
      return `<tr${r.nonDiagnostic ? ' class="non-diagnostic"' : ''}><td>${esc(r.label || r.quote || 'Untitled evidence')}${quote}</td><td class="num">${source}</td><td class="num">${WEIGHT_SHORT[r.credibility]}</td><td class="num">${WEIGHT_SHORT[r.relevance]}</td>${cells}<td class="num">${diag}</td></tr>`
    })
    .join('')
  const foot = `<tr><td colspan="4">Weighted inconsistency</td>${m.hypotheses.map((h) => `<td class="rating">${score(h.weighted)}</td>`).join('')}<td></td></tr><tr><td colspan="4">Rank (1: least evidence against)</td>${m.hypotheses
    .map((h) => `<td class="rating">${h.rank}</td>`)
    .join('')}<td></td></tr>`
  const empty = m.rows.length ? '' : '<p class="empty-state">No evidence in this matrix yet.</p>'
  return `<h2 id="${m.anchor}">${esc(m.title)}</h2>${legend}<p class="scope-note">Least inconsistent first: ${ranking || 'no hypotheses yet'}.</p>${empty}<table class="ach"><thead>${head}</thead><tbody>${rows}</tbody><tfoot>${foot}</tfoot></table>`
}

function achPart(model: ReportModel): string {
  if (!model.ach.length) return ''
  return `<section class="part ach"><h1>Competing hypotheses</h1><p class="scope-note">Heuer’s Analysis of Competing Hypotheses: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable. I counts −1 and II −2 against a hypothesis, times the evidence’s credibility and relevance (low 0.71, medium 1, high 1.41); evidence that counts the same against every hypothesis has no diagnostic value.</p>${model.ach
    .map(achMatrixHtml)
    .join('\n')}</section>`
}

// ------------------------------------------------------------------------------------------- article

function citedInHtml(groups: CitedByGroup[]): string {
  return groups
    .map((g) => `${g.citations.map((n) => `<a href="#cite-${n}">[${n}]</a>`).join(', ')} (${esc(g.noteTitle || 'Untitled note')})`)
    .join('; ')
}

const STYLE_TAGS = { em: 'em', strong: 'strong', code: 'code', sub: 'sub', sup: 'sup', del: 'del' } as const

function renderRun(r: Extract<ArticleRun, { type: 'text' }>): string {
  let html = esc(r.text)
  for (const s of r.styles ?? []) html = `<${STYLE_TAGS[s]}>${html}</${STYLE_TAGS[s]}>`
  if (r.href) html = `<a class="src-link" href="${esc(r.href)}">${html}</a>`
  if (!r.highlightId || !r.color) return html
  return `<mark class="${r.color}" data-highlight-id="${esc(r.highlightId)}">${html}</mark>`
}

function renderRuns(runs: ArticleRun[]): string {
  return runs
    .map((r) => {
      if (r.type === 'footnote') return `<sup class="fn"><a id="noteref-${r.n}" href="#note-${r.n}">${r.n}</a></sup>`
      if (r.type === 'cell') return '</span><span class="cell">'
      return renderRun(r)
    })
    .join('')
}

function paragraphBody(p: ReportParagraph): string {
  let text = renderRuns(p.runs)
  if (p.kind === 'li') text = `<span class="bullet">${p.list === 'ol' && p.listNumber ? `${p.listNumber}.` : '•'}</span>${text}`
  const heading = /^h([1-6])$/.exec(p.kind)
  if (heading) {
    const level = Math.min(6, Number(heading[1]) + 1)
    return `<h${level} class="text">${text}</h${level}>`
  }
  if (p.kind === 'pre') return `<pre class="text">${text}</pre>`
  if (p.kind === 'tr') return `<div class="text row${p.header ? ' header' : ''}"><span class="cell">${text}</span></div>`
  if (p.kind === 'figure') return `<p class="text"><span class="figure-label">Image:</span> ${text}</p>`
  return `<p class="text">${text}</p>`
}

function renderParagraph(p: ReportParagraph): string {
  const classes = ['para', `kind-${p.kind}`, p.citedBy.length ? 'cited' : '', p.context ? 'context' : ''].filter(Boolean).join(' ')
  const notes = p.footnotes.length
    ? `<ol class="footnotes">${p.footnotes
        .map((f) => `<li id="${f.anchor}"><a class="fn-n" href="#noteref-${f.n}">${f.n}</a>${multiline(f.comment)}</li>`)
        .join('')}</ol>`
    : ''
  const cited = p.citedBy.length ? `<p class="cited-in">Cited in: ${citedInHtml(p.citedBy)}</p>` : ''
  const label = `Paragraph ${p.number}${p.page ? `, page ${p.page}` : ''}`
  const page = p.pageStart ? `<span class="page-mark">p.&nbsp;${esc(p.page!)}</span>` : ''
  return `<div class="${classes}" id="${esc(p.anchor)}"><span class="num" aria-label="${esc(label)}">${p.number}${page}</span>${paragraphBody(p)}${notes}${cited}</div>`
}


// ------------------------------------------------------------------------------------------- sources

/** citeproc's HTML for an entry, reduced to the inline tags a bibliography uses (its text is already escaped). */
export function bibliographyMarkup(html: string): string {
  return html.replace(/<\/?([a-zA-Z]+)([^>]*)>/g, (tag, name: string, attrs: string) => {
    const n = name.toLowerCase()
    if (['i', 'b', 'em', 'strong', 'sup', 'sub'].includes(n)) return tag.startsWith('</') ? `</${n}>` : `<${n}>`
    if (n === 'span') {
      if (tag.startsWith('</')) return '</span>'
      if (/font-variant:\s*small-caps/.test(attrs)) return '<span class="small-caps">'
      return /font-style:\s*normal/.test(attrs) ? '<span class="roman">' : '<span>'
    }
    return ''
  })
}

function bibliographyEntry(s: ReportSource): string {
  const entry = s.bibliography.html ? bibliographyMarkup(s.bibliography.html) : esc(s.bibliography.text)
  const file = !s.url && s.fileName ? ` <span class="file">File: ${esc(s.fileName)}</span>` : ''
  const counts = [s.citationCount ? plural(s.citationCount, 'citation') : '', s.highlightCount ? plural(s.highlightCount, 'highlight') : '']
    .filter(Boolean)
    .join(', ')
  const jump = `<a class="jump sans" href="#${s.sectionAnchor}">${s.full ? 'Full text' : 'Excerpts'}${counts ? ` · ${counts}` : ''}</a>`
  return `<li id="${s.anchor}"><span class="entry">${entry}</span>${file} ${jump}</li>`
}

function sourcesPart(model: ReportModel): string {
  const list = model.bibliography.length
    ? `<ol class="bibliography">${model.bibliography.map(bibliographyEntry).join('')}</ol>`
    : '<p class="empty-state">This report draws on no source yet.</p>'
  return `<section class="part sources"><h1>Sources</h1><p class="scope-note">${esc(model.meta.styleLabel)}.</p>${list}</section>`
}

function sourceDetails(s: ReportSource): string {
  const rows: string[] = []
  if (s.authors.length) rows.push(esc(s.authors.join(', ')))
  if (s.publisher) rows.push(esc(s.publisher))
  if (s.publishedAt) rows.push(esc(formatDate(s.publishedAt)))
  if (s.url) rows.push(`<a href="${esc(s.url)}">${esc(s.url)}</a>`)
  else if (s.fileName) rows.push(esc(s.fileName))
  return rows.length ? `<p class="source-meta sans">${rows.join(' · ')}</p>` : ''
}

function sourceSection(model: ReportModel, s: ReportSource, i: number): string {
  const single = model.meta.kind === 'article' && i === 0
  const heading = single
    ? '<h1>Article</h1>'
    : `<div class="kicker sans">Source ${i + 1} of ${model.sources.length}</div><h1>${esc(s.title || 'Untitled source')}</h1>${sourceDetails(s)}`
  const shown = s.items.filter((x) => x.type === 'paragraph').length
  const scopeNote = s.full
    ? ''
    : `<p class="scope-note">Highlighted and cited paragraphs, with the paragraph before and after for context (${shown} of ${s.paragraphCount}). Numbers refer to the full text.</p>`
  const paras = s.items.length
    ? s.items.map((x) => (x.type === 'gap' ? `<p class="gap">… ${plural(x.omitted, 'paragraph')} omitted …</p>` : renderParagraph(x))).join('\n')
    : `<p class="empty-state">${s.full ? 'This source has no text.' : 'Nothing in this source is highlighted or cited yet.'}</p>`
  return `<section class="part source" id="${s.sectionAnchor}">${heading}${scopeNote}\n${paras}\n</section>`
}

// ------------------------------------------------------------------------------------------- appendix

/** Whether the appendix's highlights come from more than one source (then each row names its source). */
const manySources = (model: ReportModel): boolean => new Set(model.appendix.highlights.flatMap((g) => g.rows.map((r) => r.articleId))).size > 1

function highlightRow(model: ReportModel, h: HighlightRow, i: number): string {
  const range = paragraphRange(h.paragraphNumbers, h.pages)
  const where = h.anchor ? `<a href="#${esc(h.anchor)}">${range}</a>` : '—'
  const source = manySources(model) ? `<span class="row-source">${esc(h.source)}</span> ` : ''
  const status = h.statusNote ? ` <span class="orphan">(${esc(h.statusNote)})</span>` : ''
  const fn = h.footnote ? ` <sup class="fn"><a href="#note-${h.footnote}">${h.footnote}</a></sup>` : ''
  return `<tr><td class="num">${i + 1}</td><td class="num">${source}${where}</td><td class="num"><span class="swatch ${h.color}"></span>${COLOR_NAMES[h.color]}</td><td>${esc(
    h.passage
  )}${status}</td><td>${h.comment ? multiline(h.comment) + fn : ''}</td></tr>`
}

function highlightTable(model: ReportModel, rows: HighlightRow[]): string {
  return `<table><thead><tr><th class="num">#</th><th class="num">${manySources(model) ? 'Source, para.' : 'Para.'}</th><th class="num">Colour</th><th>Passage</th><th>Comment</th></tr></thead><tbody>${rows
    .map((h, i) => highlightRow(model, h, i))
    .join('')}</tbody></table>`
}

function appendix(model: ReportModel): string {
  const { highlights, citationIndex, highlightCount } = model.appendix
  const tagged = highlights.some((g) => g.tag !== null)
  let hl: string
  if (!highlightCount) hl = '<h2>Highlights</h2><p class="empty-state">No passages are highlighted.</p>'
  else if (!tagged) hl = `<h2>Highlights</h2>${highlightTable(model, highlights[0].rows)}`
  else
    hl = `<h2>Highlights by tag</h2>${highlights
      .map((g) => `<h3 class="tag">${g.tag === null ? 'Untagged' : esc(g.tag)} <span class="count">${plural(g.rows.length, 'passage')}</span></h3>${highlightTable(model, g.rows)}`)
      .join('')}`
  const several = model.sources.length > 1
  const ci = citationIndex.length
    ? citationIndex
        .map((src) => {
          const rows = src.rows
            .map((r) => {
              const where =
                r.anchor && r.paragraphNumber !== null
                  ? `<a href="#${esc(r.anchor)}">¶${r.paragraphNumber}${pageSuffix([r.page])}</a>`
                  : `<span class="orphan">${src.source ? 'no longer in the source' : 'source deleted'}</span>`
              return `<tr><td class="num">${where}</td><td>${citedInHtml(r.citedBy)}</td></tr>`
            })
            .join('')
          const title = several || !src.source ? `<h3>${esc(src.source || 'Deleted source')}</h3>` : ''
          return `${title}<table><thead><tr><th class="num">Para.</th><th>Cited in</th></tr></thead><tbody>${rows}</tbody></table>`
        })
        .join('')
    : '<p class="empty-state">No paragraph is cited in the notes.</p>'
  return `<section class="part appendix"><h1>Appendix</h1>${hl}<h2>Citation index</h2>${ci}</section>`
}

// ------------------------------------------------------------------------------------------- document

/** What each kind of report is called (cover, page heads, title). */
export const REPORT_KINDS: Record<ReportModel['meta']['kind'], string> = { article: 'Annotated report', note: 'Note report', project: 'Project report' }
const KICKERS = REPORT_KINDS

function cover(model: ReportModel): string {
  const m = model.meta
  const rows = coverRows(model)
    .map((r) => `<dt>${esc(r.label)}</dt><dd>${r.link ? `<a href="${esc(r.value)}">${esc(r.value)}</a>` : esc(r.value)}</dd>`)
    .join('')
  return `<header class="cover"><div class="kicker sans">${KICKERS[m.kind]}</div><h1>${esc(m.title || 'Untitled')}</h1><dl>${rows}</dl><p class="summary sans">${coverSummary(model)}</p></header>`
}

const EMPTY_ANALYSIS: Record<ReportModel['meta']['kind'], string> = {
  article: 'No analysis has been written for this article yet.',
  note: 'This note is empty.',
  project: 'This project has no notes yet.'
}

export function renderReportHtml(model: ReportModel): string {
  const m = model.meta
  const notes = model.notes.length ? model.notes.map((n) => renderNote(model, n)).join('\n') : `<p class="empty-state">${EMPTY_ANALYSIS[m.kind]}</p>`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Gloss">
<title>${esc(m.title || 'Untitled')} — ${KICKERS[m.kind]}</title>
<style>${styles(m.pageSize)}</style>
</head>
<body>
<main>
${cover(model)}
<section class="part analysis"><h1>Analysis</h1>
${notes}
${citationList(model)}
${quoteFlagList(model)}
</section>
${achPart(model)}
${sourcesPart(model)}
${model.sources.map((s, i) => sourceSection(model, s, i)).join('\n')}
${appendix(model)}
</main>
</body>
</html>
`
}
