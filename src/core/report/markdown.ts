// Renders the report model as Markdown (CommonMark + footnotes + ==highlight== + pipe tables).
// Highlights are always written as ==text==; their colours are listed in the appendix table.

import type { ArticleRun, CitedByGroup, HighlightRow, NoteBlock, NoteInline, ReportModel, ReportNote, ReportParagraph, ReportSource } from './model'
import { coverRows, coverSummary } from './cover'
import { COLOR_NAMES, pageSuffix, paragraphRange, plural } from './format'

/** Escapes user text so Markdown renders it literally (inline context). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~=]/g, (c) => '\\' + c)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/\r?\n/g, ' ')
}

/** Escapes a line's start so it cannot become a heading, list, quote, rule or code block. */
function escapeLineStart(s: string): string {
  return s
    .replace(/^(\s*)([#+\-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/^\s{4,}/, '')
}


/** Heading text: also keeps a leading or closing # from being eaten by the heading syntax. */
function headingText(s: string): string {
  return escapeLineStart(s).replace(/(^|\s)(#+)(\s*)$/, '$1\\$2$3')
}

/** Footnote text may span lines: continuation lines are indented by four spaces. */
function footnoteBody(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => escapeMarkdown(line.trim()))
    .filter((l, i, all) => l || (i > 0 && i < all.length - 1))
    .join('\n    ')
}

function inlineMd(model: ReportModel, xs: NoteInline[]): string {
  return xs
    .map((x) => {
      if (x.type === 'break') return '\\\n'
      if (x.type === 'quoteFlag') {
        const f = model.quoteFlags[x.n - 1]
        return f ? ` *(quotation ${f.n}: ${f.text})*` : ''
      }
      if (x.type === 'citation') {
        const c = model.citations[x.n - 1]
        if (!c) return ''
        const label = escapeMarkdown(c.label)
        return c.target === 'in-report' ? `${label}[^c${c.n}]` : `\\[${label}\\][^c${c.n}]`
      }
      if (!x.text) return ''
      let t = x.marks.includes('code') ? '`' + x.text.replace(/`/g, 'ˋ') + '`' : escapeMarkdown(x.text)
      // Keep surrounding spaces outside emphasis markers so they still render.
      const lead = /^\s*/.exec(t)![0]
      const trail = /\s*$/.exec(t)![0]
      let core = t.trim()
      if (core) {
        if (x.marks.includes('bold')) core = `**${core}**`
        if (x.marks.includes('italic')) core = `*${core}*`
        if (x.marks.includes('strike')) core = `~~${core}~~`
        if (x.marks.includes('underline')) core = `<u>${core}</u>`
        if (x.href) core = `[${core}](<${x.href.replace(/[<>\s]/g, encodeURIComponent)}>)`
      }
      t = lead + core + trail
      return t
    })
    .join('')
}

function blocksMd(model: ReportModel, blocks: NoteBlock[]): string[] {
  const out: string[] = []
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph': {
        const t = escapeLineStart(inlineMd(model, b.content))
        if (t.trim()) out.push(t)
        break
      }
      case 'heading':
        out.push(`${'#'.repeat(b.level + 2)} ${headingText(inlineMd(model, b.content))}`)
        break
      case 'rule':
        out.push('---')
        break
      case 'code': {
        const fence = '`'.repeat(Math.max(3, ...(b.text.match(/`+/g) ?? []).map((f) => f.length + 1)))
        out.push(`${fence}${b.language ? b.language.replace(/[^\w+-]/g, '') : ''}\n${b.text}\n${fence}`)
        break
      }
      case 'blockquote':
        out.push(
          blocksMd(model, b.blocks)
            .join('\n\n')
            .split('\n')
            .map((l) => (l ? `> ${l}` : '>'))
            .join('\n')
        )
        break
      case 'list': {
        const lines = b.items.map((it, i) => {
          const marker = b.style === 'ordered' ? `${b.start + i}.` : '-'
          const box = it.checked === null ? '' : it.checked ? '[x] ' : '[ ] '
          // A nested list follows its paragraph directly so the list stays tight.
          const parts = blocksMd(model, it.blocks)
          const inner = parts.map((t, k) => (k === 0 ? t : (it.blocks[k]?.type === 'list' ? '\n' : '\n\n') + t)).join('')
          const pad = ' '.repeat(marker.length + 1)
          const [first = '', ...rest] = inner.split('\n')
          return `${marker} ${box}${first}${rest.map((l) => (l ? `\n${pad}${l}` : '\n')).join('')}`
        })
        out.push(lines.join('\n'))
        break
      }
    }
  }
  return out
}

function noteMd(model: ReportModel, note: ReportNote): string {
  const parts = model.meta.kind === 'note' ? [] : [`### ${headingText(escapeMarkdown(note.title || 'Untitled note'))}`]
  if (note.role === 'citing') parts.push('*A separate note that cites this article.*')
  if (note.unavailable) parts.push(`*${escapeMarkdown(note.unavailable)}*`)
  else if (note.empty) parts.push('*This note is empty.*')
  else parts.push(...blocksMd(model, note.blocks))
  return parts.join('\n\n')
}

const STYLE_MD = { em: ['*', '*'], strong: ['**', '**'], code: ['`', '`'], sub: ['<sub>', '</sub>'], sup: ['<sup>', '</sup>'], del: ['~~', '~~'] } as const

function styledMd(r: Extract<ArticleRun, { type: 'text' }>): string {
  let t = escapeMarkdown(r.text)
  const lead = /^\s*/.exec(t)![0]
  const trail = /\s*$/.exec(t)![0]
  let core = t.trim()
  if (!core) return t
  for (const s of r.styles ?? []) core = `${STYLE_MD[s][0]}${core}${STYLE_MD[s][1]}`
  if (r.href) core = `[${core}](${r.href.replace(/[()\s]/g, encodeURIComponent)})`
  t = `${lead}${core}${trail}`
  return t
}

function runsMd(input: ArticleRun[]): string {
  // Colours are not shown in Markdown, so touching highlighted runs (same formatting) merge into one ==…== span.
  const runs: ArticleRun[] = []
  for (const r of input) {
    const prev = runs[runs.length - 1]
    if (
      r.type === 'text' && r.highlightId && prev?.type === 'text' && prev.highlightId &&
      (prev.href ?? null) === (r.href ?? null) && (prev.styles ?? []).join() === (r.styles ?? []).join()
    ) runs[runs.length - 1] = { ...prev, text: prev.text + r.text }
    else runs.push(r)
  }
  return runs
    .map((r) => {
      if (r.type === 'footnote') return `[^n${r.n}]`
      if (r.type === 'cell') return ' | '
      const t = styledMd(r)
      if (!r.highlightId) return t
      const lead = /^\s*/.exec(t)![0]
      const trail = /\s*$/.exec(t)![0]
      const core = t.trim()
      return core ? `${lead}==${core}==${trail}` : t
    })
    .join('')
}

function citedInMd(groups: CitedByGroup[]): string {
  return groups.map((g) => `${g.citations.map((n) => `[^c${n}]`).join(', ')} (${escapeMarkdown(g.noteTitle || 'Untitled note')})`).join('; ')
}

function paragraphMd(p: ReportParagraph): string {
  let text = runsMd(p.runs) // never at a line start: "**¶n** " comes first
  const number = `¶${p.number}${p.page ? `, p. ${p.page}` : ''}`
  if (p.kind === 'li') text = `${p.list === 'ol' && p.listNumber ? `${p.listNumber}\\.` : '•'} ${text}`
  const heading = /^h([1-6])$/.exec(p.kind)
  let line = heading ? `**${number}** **${text}**` : p.context ? `**${number}** *(context)* ${text}` : `**${number}** ${text}`
  if (p.kind === 'blockquote') line = `> ${line}`
  if (p.kind === 'tr' && p.header) line = `**${number}** **${text}**`
  if (p.kind === 'figure') line = `**${number}** *Image:* ${text}`
  if (p.kind === 'figcaption' || p.kind === 'footnote') line = `**${number}** *${text.trim()}*`
  // Code keeps its lines: a fenced block under the paragraph number.
  if (p.kind === 'pre') line = `**${number}**\n\n${codeBlock(p)}`
  if (p.citedBy.length) line += `\n\n*Cited in:* ${citedInMd(p.citedBy)}`
  return line
}

function codeBlock(p: ReportParagraph): string {
  const raw = p.runs.map((r) => (r.type === 'text' ? r.text : '')).join('')
  const fence = '`'.repeat(Math.max(3, ...[...raw.matchAll(/`+/g)].map((m) => m[0].length + 1)))
  return `${fence}\n${raw}\n${fence}`
}

function tableCell(s: string): string {
  return escapeMarkdown(s).trim() || ' '
}

/** Whether the appendix's highlights come from more than one source (then each row names its source). */
const manySources = (model: ReportModel): boolean => new Set(model.appendix.highlights.flatMap((g) => g.rows.map((r) => r.articleId))).size > 1

const KICKERS: Record<ReportModel['meta']['kind'], string> = { article: 'Annotated report', note: 'Note report', project: 'Project report' }
const EMPTY_ANALYSIS: Record<ReportModel['meta']['kind'], string> = {
  article: 'No analysis has been written for this article yet.',
  note: 'This note is empty.',
  project: 'This project has no notes yet.'
}

function coverMd(model: ReportModel): string[] {
  const m = model.meta
  const meta = coverRows(model).map(
    (r) => `- **${r.label}:** ${r.link ? `<${r.value.replace(/[<>\s]/g, encodeURIComponent)}>` : escapeMarkdown(r.value)}`
  )
  return [`# ${headingText(escapeMarkdown(m.title || 'Untitled'))}`, `*${KICKERS[m.kind]}*`, meta.join('\n'), coverSummary(model)]
}

function sourceMd(model: ReportModel, s: ReportSource, i: number): string[] {
  const out: string[] = []
  if (model.meta.kind === 'article' && i === 0) out.push('## Article')
  else {
    out.push(`## Source ${i + 1} of ${model.sources.length}: ${headingText(escapeMarkdown(s.title || 'Untitled source'))}`)
    out.push(`*${escapeMarkdown(s.bibliography.text)}*`)
  }
  const shown = s.items.filter((x) => x.type === 'paragraph').length
  if (!s.full)
    out.push(`*Highlighted and cited paragraphs, with the paragraph before and after for context (${shown} of ${s.paragraphCount}). Numbers refer to the full text.*`)
  if (!s.items.length) out.push(s.full ? '*This source has no text.*' : '*Nothing in this source is highlighted or cited yet.*')
  for (const x of s.items) out.push(x.type === 'gap' ? `*… ${plural(x.omitted, 'paragraph')} omitted …*` : paragraphMd(x))
  return out
}

function highlightTableMd(model: ReportModel, rows: HighlightRow[]): string {
  const several = manySources(model)
  const lines = rows.map((h, i) => {
    const passage = tableCell(h.passage) + (h.statusNote ? ` *(${h.statusNote})*` : '')
    const where = (several ? `${tableCell(h.source)}, ` : '') + paragraphRange(h.paragraphNumbers, h.pages)
    return `| ${i + 1} | ${where} | ${COLOR_NAMES[h.color]} | ${passage} | ${tableCell(h.comment)} |`
  })
  return [`| # | ${several ? 'Source, para.' : 'Para.'} | Colour | Passage | Comment |`, '|---|---|---|---|---|', ...lines].join('\n')
}

function quoteFlagsMd(model: ReportModel): string {
  return model.quoteFlags
    .map((f) => {
      const where = f.paragraphNumber !== null ? ` (¶${f.paragraphNumber})` : ''
      let detail = ''
      if (f.diff) {
        const diff = f.diff.map((d) => (d.op === 'same' ? escapeMarkdown(d.text) : d.op === 'removed' ? `~~${escapeMarkdown(d.text)}~~` : `**${escapeMarkdown(d.text)}**`)).join(' ')
        detail = ` The source reads “${escapeMarkdown(f.source ?? '')}”; the difference: ${diff}.`
      } else if (f.foundIn !== null) detail = ` These words are in ¶${f.foundIn}.`
      return `${f.n}. “${escapeMarkdown(f.quote)}” — ${f.text}${where}.${detail}`
    })
    .join('\n')
}

const MD_WEIGHT = { low: 'Low', medium: 'Med.', high: 'High' } as const
const mdScore = (x: number): string => (x === 0 ? '0' : x.toFixed(2).replace(/\.?0+$/, '').replace('-', '−'))

function achMd(a: ReportModel['ach'][number], first: boolean): string[] {
  const out: string[] = []
  if (first) out.push('## Competing hypotheses', '*Heuer’s scale: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable; I counts −1 and II −2 against a hypothesis, times credibility and relevance (low 0.71, medium 1, high 1.41).*')
  const order = new Map(a.hypotheses.map((h, i) => [h.id, i]))
  out.push(`### ${headingText(escapeMarkdown(a.title))}`)
  if (a.hypotheses.length) out.push(a.hypotheses.map((h, i) => `${i + 1}. H${i + 1}: ${escapeMarkdown(h.label || 'Untitled hypothesis')}`).join('\n'))
  const ranking = a.ranking.map((id) => `${a.hypotheses[order.get(id)!].rank}. H${order.get(id)! + 1} (${mdScore(a.hypotheses[order.get(id)!].weighted)})`).join(' · ')
  out.push(`*Least inconsistent first: ${ranking || 'no hypotheses yet'}.*`)
  if (!a.rows.length) {
    out.push('*No evidence in this matrix yet.*')
    return out
  }
  const hs = a.hypotheses.map((_, i) => `H${i + 1}`)
  const lines = a.rows.map((r) => {
    const diag = r.diagnosticity === null ? '—' : r.nonDiagnostic ? 'none' : mdScore(r.diagnosticity)
    const source = r.source === null ? '—' : r.missing ? `*${tableCell(r.source || 'no longer in the source')}*` : tableCell(r.source)
    return `| ${tableCell(r.label || r.quote || 'Untitled evidence')} | ${source} | ${MD_WEIGHT[r.credibility]} | ${MD_WEIGHT[r.relevance]} | ${r.ratings.map((x) => x ?? '·').join(' | ')} | ${diag} |`
  })
  const foot = `| *Weighted inconsistency* | | | | ${a.hypotheses.map((h) => mdScore(h.weighted)).join(' | ')} | |`
  const rank = `| *Rank* | | | | ${a.hypotheses.map((h) => h.rank).join(' | ')} | |`
  out.push([`| Evidence | Source | Cred. | Rel. | ${hs.join(' | ')} | Diag. |`, `|---|---|---|---|${hs.map(() => '---|').join('')}---|`, ...lines, foot, rank].join('\n'))
  return out
}

export function renderReportMarkdown(model: ReportModel): string {
  const m = model.meta
  const out: string[] = coverMd(model)

  out.push('## Analysis')
  if (model.notes.length) out.push(...model.notes.map((n) => noteMd(model, n)))
  else out.push(`*${EMPTY_ANALYSIS[m.kind]}*`)

  if (model.quoteFlags.length) out.push('### Quotations to check', quoteFlagsMd(model))
  for (const a of model.ach) out.push(...achMd(a, model.ach.indexOf(a) === 0))

  out.push('## Sources', `*${escapeMarkdown(m.styleLabel)}.*`)
  if (model.bibliography.length)
    out.push(
      model.bibliography
        .map((s, i) => `${i + 1}. ${escapeMarkdown(s.bibliography.text)}${!s.url && s.fileName ? ` File: ${escapeMarkdown(s.fileName)}.` : ''}`)
        .join('\n')
    )
  else out.push('*This report draws on no source yet.*')
  model.sources.forEach((s, i) => out.push(...sourceMd(model, s, i)))

  out.push('## Appendix')
  const { highlights, highlightCount, citationIndex } = model.appendix
  if (!highlightCount) out.push('### Highlights', '*No passages are highlighted.*')
  else if (!highlights.some((g) => g.tag !== null)) out.push('### Highlights', highlightTableMd(model, highlights[0].rows))
  else {
    out.push('### Highlights by tag')
    for (const g of highlights) out.push(`#### ${g.tag === null ? 'Untagged' : headingText(escapeMarkdown(g.tag))} (${plural(g.rows.length, 'passage')})`, highlightTableMd(model, g.rows))
  }
  out.push('### Citation index')
  if (citationIndex.length) {
    const several = model.sources.length > 1
    for (const src of citationIndex) {
      if (several || !src.source) out.push(`#### ${headingText(escapeMarkdown(src.source || 'Deleted source'))}`)
      const rows = src.rows.map(
        (r) => `| ${r.paragraphNumber !== null ? `¶${r.paragraphNumber}${pageSuffix([r.page])}` : src.source ? '*no longer in the source*' : '*source deleted*'} | ${citedInMd(r.citedBy)} |`
      )
      out.push(['| Para. | Cited in |', '|---|---|', ...rows].join('\n'))
    }
  } else out.push('*No paragraph is cited in the notes.*')

  const defs: string[] = []
  for (const c of model.citations) {
    const source = escapeMarkdown(c.articleTitle || 'Deleted source')
    let body: string
    if (c.target === 'missing')
      body = c.articleTitle ? `${source}, ${escapeMarkdown(c.where)}: this paragraph is no longer in the source.` : `${escapeMarkdown(c.label)}: the cited source was deleted.`
    else body = `${source}, ${escapeMarkdown(c.where)}: *${escapeMarkdown(c.excerpt)}*`
    if (c.quote) body += ` Quoted: “${escapeMarkdown(c.quote)}”`
    defs.push(`[^c${c.n}]: ${body} (${escapeMarkdown(c.noteTitle || 'Untitled note')})`)
  }
  for (const f of model.footnotes) defs.push(`[^n${f.n}]: ${footnoteBody(f.comment)}`)
  if (defs.length) out.push(defs.join('\n'))
  return out.join('\n\n') + '\n'
}
