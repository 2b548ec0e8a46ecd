import { describe, expect, it } from 'vitest'
import { CARET_MARGIN, scrollDelta } from './scrollToSelection'

const box = { top: 100, bottom: 700 }
const line = (top: number) => ({ top, bottom: top + 20 })

describe('scrollDelta (the caret kept in the notes scroller)', () => {
  it('does not scroll while the caret line is inside the box with room around it', () => {
    expect(scrollDelta(line(100 + CARET_MARGIN), box)).toBe(0)
    expect(scrollDelta(line(400), box)).toBe(0)
    expect(scrollDelta(line(700 - CARET_MARGIN - 20), box)).toBe(0)
  })

  it('scrolls down just enough to keep the margin under a line typed at the bottom edge', () => {
    expect(scrollDelta(line(690), box)).toBe(690 + 20 - (700 - CARET_MARGIN))
    expect(scrollDelta(line(5000), box)).toBe(5020 - (700 - CARET_MARGIN))
  })

  it('scrolls up to a line above the box', () => {
    expect(scrollDelta(line(90), box)).toBe(90 - (100 + CARET_MARGIN))
    expect(scrollDelta(line(-3000), box)).toBe(-3000 - (100 + CARET_MARGIN))
  })

  it('shows the top of something taller than the box, and keeps no margin a small box has no room for', () => {
    expect(scrollDelta({ top: 650, bottom: 1650 }, box)).toBe(650 - 100)
    expect(scrollDelta(line(130), { top: 100, bottom: 140 })).toBe(20)
  })
})
