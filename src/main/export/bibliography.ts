// The report's bibliography: CSL-JSON items (core/report/csl.ts) formatted in a CSL style by citation-js
// (@citation-js/plugin-csl, which runs citeproc-js). APA and Harvard ship with the plugin; Chicago author-date is
// the CSL style file in resources/csl (read from the app's resources folder), registered once.
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { CitationStyle } from '../../core/model'
import type { BibliographyEntry } from '../../core/report/model'
import type { CslItem } from '../../core/report/csl'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const TEMPLATES: Record<CitationStyle, string> = {
  apa: 'apa',
  harvard: 'harvard1',
  'chicago-author-date': 'chicago-author-date'
}

/**
 * British English, derived from the en-US locale that ships with citation-js (the only one it bundles, and Gloss
 * fetches nothing): day–month–year dates, single quotes first, punctuation outside quotes.
 */
export function britishLocale(enUS: string): string {
  return enUS
    .replace(/xml:lang="en-US"/, 'xml:lang="en-GB"')
    .replace(
      /<date form="text">[\s\S]*?<\/date>/,
      '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>'
    )
    .replace(
      /<date form="numeric">[\s\S]*?<\/date>/,
      '<date form="numeric"><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>'
    )
    .replace('punctuation-in-quote="true"', 'punctuation-in-quote="false"')
    .replace('<term name="open-quote">“</term>', '<term name="open-quote">‘</term>')
    .replace('<term name="close-quote">”</term>', '<term name="close-quote">’</term>')
    .replace('<term name="open-inner-quote">‘</term>', '<term name="open-inner-quote">“</term>')
    .replace('<term name="close-inner-quote">’</term>', '<term name="close-inner-quote">”</term>')
}

let registered = false
function register(resourcesDir: string): void {
  if (registered) return
  const csl = plugins.config.get('@csl')
  if (!csl.templates.has('chicago-author-date'))
    csl.templates.add('chicago-author-date', readFileSync(join(resourcesDir, 'csl', 'chicago-author-date.csl'), 'utf8'))
  if (!csl.locales.has('en-GB')) csl.locales.add('en-GB', britishLocale(csl.locales.get('en-US')))
  registered = true
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
    return ENTITIES[e.toLowerCase()] ?? m
  })

/**
 * The items formatted in `style`, in the style's order (author, then date, for the three styles). Each entry has
 * the style's HTML (escaped text with citeproc's inline markup: italics, small caps) without its outer div, and the
 * same as plain text (from the HTML: citation-js's own text output mangles titles that contain "<").
 */
export function formatBibliography(items: CslItem[], style: CitationStyle, resourcesDir: string): BibliographyEntry[] {
  if (!items.length) return []
  register(resourcesDir)
  const cite = new Cite(items, { forceType: '@csl/list+object' })
  // Harvard is a British style: dates read "30 November 2026".
  const lang = style === 'harvard' ? 'en-GB' : 'en-US'
  const entries = cite.format('bibliography', { template: TEMPLATES[style], lang, format: 'html', asEntryArray: true }) as [string, string][]
  return entries.map(([id, markup]) => {
    const html = markup.trim().replace(/^<div[^>]*>/, '').replace(/<\/div>$/, '').trim()
    return { id, html, text: decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() }
  })
}
