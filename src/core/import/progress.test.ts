import { describe, expect, it } from 'vitest'
import { describeProgress, type ImportProgress } from './progress'

const at = (stage: ImportProgress['stage'], done: number | null = null, total: number | null = null): string =>
  describeProgress({ jobId: 'j', stage, done, total, message: null })

describe('describeProgress', () => {
  it('counts what each stage counts', () => {
    expect(at('reading', 12, 100)).toBe('Reading: 12 of 100 pages')
    expect(at('extracting', 3, 40)).toBe('Finding the text: 3 of 40 chapters')
    expect(at('saving', 2000, 50000)).toBe('Saving: 2,000 of 50,000 paragraphs')
  })
  it('says the stage alone when it does not count', () => {
    expect(at('queued')).toBe('Waiting…')
    expect(at('reading')).toBe('Reading…')
    expect(at('done', 1, 1)).toBe('Done')
    expect(at('cancelled')).toBe('Cancelled')
  })
})
