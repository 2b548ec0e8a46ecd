// Golden fixtures (fixtures/*.json): an article, a newer version of it, highlights made on the old one and where
// each must be in the new one. The new version gets its paragraph ids the way a re-import does
// (assignParagraphIds with the old paragraphs). Wrong = placed anywhere but where the fixture says; a highlight the
// fixture expects to be 'review' or 'orphan' must not be placed at all.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AnchoredHighlight, AnchorStatus, Highlight, Paragraph, ResolvedSegment } from '../model'
import { checkRefs } from '../notes/refs'
import { assignParagraphIds } from '../paragraphs'
import { anchorAll } from './anchor'
import { targetAt } from './targets'

interface Part {
  /** Paragraph index (0-based) in the old version. */
  index: number
  exact: string
  /** Which occurrence of `exact` in that paragraph (default 0). */
  occurrence?: number
}
/** A segment expected in the new version: paragraph index (0-based) and the text it covers. */
interface Spot {
  index: number
  exact: string
}
interface Fixture {
  description: string
  old: string[]
  /** The new version, or "same" for the old text again. */
  new: string[] | 'same'
  highlights: { id: string; parts: Part[]; expect: { status: AnchorStatus; placed: Spot[]; suggestion?: Spot[] | null } }[]
}

const DIR = join(__dirname, 'fixtures')
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture }))

const blocks = (texts: string[]) => texts.map((text) => ({ kind: 'p' as const, text }))

function build(f: Fixture): { old: Paragraph[]; next: Paragraph[]; highlights: Highlight[] } {
  const old = assignParagraphIds(blocks(f.old))
  const next = f.new === 'same' ? old.map((p) => ({ ...p })) : assignParagraphIds(blocks(f.new), old)
  const highlights = f.highlights.map((h): Highlight => {
    const targets = h.parts.map((part) => {
      const p = old[part.index]
      let at = -1
      for (let k = 0; k <= (part.occurrence ?? 0); k++) at = p.text.indexOf(part.exact, at + 1)
      if (at < 0) throw new Error(`${h.id}: "${part.exact}" is not in old paragraph ${part.index}`)
      return targetAt(p, at, at + part.exact.length)
    })
    return { id: h.id, articleId: 'a', color: 'yellow', comment: '', targets, createdAt: '', updatedAt: '' }
  })
  return { old, next, highlights }
}

const spots = (next: Paragraph[], segs: ResolvedSegment[] | null | undefined): Spot[] | null =>
  segs ? segs.map((s) => { const i = next.findIndex((p) => p.id === s.paragraphId); return { index: i, exact: next[i]?.text.slice(s.start, s.end) } }) : null

/** Segments placed where the fixture does not expect them (a 'review' or 'orphan' expectation allows none). */
function wrongPlacements(next: Paragraph[], got: AnchoredHighlight, expected: Spot[]): Spot[] {
  return (spots(next, got.resolved) ?? []).filter((s) => !expected.some((e) => e.index === s.index && e.exact === s.exact))
}

describe.each(fixtures)('$file', ({ fixture }) => {
  const { old, next, highlights } = build(fixture)
  const got = anchorAll(next, highlights)

  it.each(fixture.highlights.map((h, i) => ({ id: h.id, i })))('$id', ({ i }) => {
    const want = fixture.highlights[i].expect
    expect({ status: got[i].status, placed: spots(next, got[i].resolved), suggestion: spots(next, got[i].suggestion) }).toEqual({
      status: want.status,
      placed: want.placed,
      suggestion: want.suggestion ?? null
    })
  })

  it('places nothing wrong', () => {
    const wrong = fixture.highlights.flatMap((h, i) => wrongPlacements(next, got[i], h.expect.placed).map((s) => `${h.id} → ¶${s.index + 1} “${s.exact}”`))
    expect(wrong).toEqual([])
  })

  it('note references to the same passages agree with the highlights (the same matcher)', () => {
    for (const [i, h] of highlights.entries()) {
      if (h.targets.length !== 1) continue
      const t = h.targets[0]
      const [ref] = checkRefs([{ noteId: 'n', ordinal: 0, articleId: 'a', paragraphId: t.paragraphId, quote: t.quote.exact, context: '' }], () => next)
      const a = got[i]
      const where = a.resolved[0]?.paragraphId ?? a.suggestion?.[0]?.paragraphId ?? null
      const refWhere = ref.status === 'ok' || (ref.status === 'changed' && !ref.suggestedParagraphId) ? ref.paragraphId : ref.suggestedParagraphId
      // A reference has no context to go by, so it may find nothing where a highlight does; it never disagrees.
      if (where && refWhere) expect(refWhere, h.id).toBe(where)
      if (a.status === 'orphan') expect(ref.status, h.id).toBe('orphan')
      if (a.status === 'anchored') expect(ref.status, h.id).toBe('ok')
    }
    expect(old.length).toBeGreaterThan(0)
  })
})
