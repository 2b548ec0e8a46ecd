// Small text helpers shared by the report renderers.

import type { HighlightColor } from '../model'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "28 November 2026, 23:40 UTC" for an ISO timestamp; the input unchanged when it is not one. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(d.getTime())) return iso
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`
}

/** "16 September 2022" for an ISO date (or timestamp); free-text dates are returned as written. */
export function formatDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim())
  if (!m) return value
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > 31) return value
  return `${day} ${MONTHS[month - 1]} ${m[1]}`
}

export const COLOR_NAMES: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', red: 'Red' }

/** ", p. 3" or ", pp. 3–4" for the pages a passage is on (paged sources); '' when there are none. */
export function pageSuffix(pages: (string | null | undefined)[]): string {
  const list = [...new Set(pages.filter((p): p is string => !!p))]
  if (!list.length) return ''
  return list.length === 1 ? `, p. ${list[0]}` : `, pp. ${list[0]}–${list[list.length - 1]}`
}

/** "¶3" or "¶3–4" or "¶3, 7" for a list of paragraph numbers, with their pages when the source has pages. */
export function paragraphRange(numbers: number[], pages: (string | null | undefined)[] = []): string {
  if (!numbers.length) return '—'
  const sorted = [...numbers].sort((a, b) => a - b)
  const contiguous = sorted.every((n, i) => i === 0 || n === sorted[i - 1] + 1)
  const where = sorted.length === 1 ? `¶${sorted[0]}` : contiguous ? `¶${sorted[0]}–${sorted[sorted.length - 1]}` : `¶${sorted.join(', ')}`
  return where + pageSuffix(pages)
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`
}
