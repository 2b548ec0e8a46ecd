import { describe, expect, it } from 'vitest'
import { bylineNames, cleanTitle, cutAtWord, normalizeDate, normalizeLang, splitTitle } from './metadata'

describe('normalizeDate', () => {
  it('keeps ISO dates and timestamps, normalising the zone', () => {
    expect(normalizeDate('2016-12-15')).toBe('2016-12-15')
    expect(normalizeDate('2016-12-15T20:41:00Z')).toBe('2016-12-15T20:41:00Z')
    expect(normalizeDate('2016-10-04T05:07:09')).toBe('2016-10-04T05:07:09')
    expect(normalizeDate('2016-12-15T15:33:00-0500')).toBe('2016-12-15T15:33:00-05:00')
    expect(normalizeDate('2016-12-15 15:33')).toBe('2016-12-15T15:33:00')
  })
  it('reads written dates, compact dates, slashes and Unix times', () => {
    expect(normalizeDate('December 15, 2016')).toBe('2016-12-15')
    expect(normalizeDate('Thursday, Dec. 15, 2016 8:41 PM')).toBe('2016-12-15')
    expect(normalizeDate('15 Dec 2016')).toBe('2016-12-15')
    expect(normalizeDate('Published 3rd March 2024')).toBe('2024-03-03')
    expect(normalizeDate('20161215')).toBe('2016-12-15')
    expect(normalizeDate('2024/2/1')).toBe('2024-02-01')
    expect(normalizeDate('1481834460')).toBe('2016-12-15T20:41:00.000Z')
  })
  it('refuses what is not clearly a date', () => {
    for (const bad of ['', 'yesterday', '2016-13-40', '12/15/2016', 'Updated recently', '99999']) expect(normalizeDate(bad)).toBeNull()
  })
})

describe('bylineNames', () => {
  it('tidies real bylines into names', () => {
    expect(bylineNames('By Howard Schneider, Lindsay Dunsmuir5 Min Read')).toEqual(['Howard Schneider', 'Lindsay Dunsmuir'])
    expect(bylineNames('By Steven Shepard\n10/04/2016 05:07 AM EDT\n\n\nLink Copied')).toEqual(['Steven Shepard'])
    expect(bylineNames('by\n                        Nathan Tempey')).toEqual(['Nathan Tempey'])
    expect(bylineNames('Rebecca Hersher\n\n    \n\n      Twitter')).toEqual(['Rebecca Hersher'])
    expect(bylineNames('Jane Smith and Omar Haddad | The Daily Ledger')).toEqual(['Jane Smith', 'Omar Haddad'])
    expect(bylineNames('Written by Ana Pérez & Li Wei')).toEqual(['Ana Pérez', 'Li Wei'])
  })
  it('drops outlets, roles and addresses', () => {
    expect(bylineNames('John Patrick Pullen, TIME')).toEqual(['John Patrick Pullen'])
    expect(bylineNames('Reuters')).toEqual([])
    expect(bylineNames('Staff Writer')).toEqual([])
    expect(bylineNames('https://fortune.com/author/john')).toEqual([])
    expect(bylineNames('updated 2 hours ago')).toEqual([])
  })
})

describe('cleanTitle', () => {
  it('drops the site name at either end', () => {
    expect(cleanTitle('Fed lifts rates | Reuters', 'Reuters')).toBe('Fed lifts rates')
    expect(cleanTitle('The Atlantic — Why New Yorkers Got an Alert', 'The Atlantic')).toBe('Why New Yorkers Got an Alert')
    expect(cleanTitle('Why New Yorkers Received an Alert About a Manhunt - The Atlantic', 'Atlantic')).toBe(
      'Why New Yorkers Received an Alert About a Manhunt'
    )
  })
  it('trims short branding tails only from a page <title>, never a colon inside a title', () => {
    const npr = 'Dylann Roof Convicted Of Charleston Church Massacre : The Two-Way : NPR'
    expect(splitTitle(npr, null, [], true)).toEqual({ title: 'Dylann Roof Convicted Of Charleston Church Massacre', brand: 'NPR' })
    expect(cleanTitle(npr, null, [], false)).toBe(npr)
    expect(cleanTitle("Hillary Clinton: Putin's Alleged Involvement", null, [], true)).toBe("Hillary Clinton: Putin's Alleged Involvement")
    expect(cleanTitle('Weekly Address: Tuition-Free Community College', null, [], true)).toBe('Weekly Address: Tuition-Free Community College')
  })
  it('prefers a heading of the page that the title starts with', () => {
    expect(splitTitle('Harvest outlook 2024 :: Regional Statistics Office', null, ['Harvest outlook 2024'], true)).toEqual({
      title: 'Harvest outlook 2024',
      brand: 'Regional Statistics Office'
    })
  })
})

describe('normalizeLang and cutAtWord', () => {
  it('normalises language tags', () => {
    expect(normalizeLang('en_GB')).toBe('en-GB')
    expect(normalizeLang('EN-us')).toBe('en-US')
    expect(normalizeLang('zh-Hant-TW')).toBe('zh-Hant-TW')
    expect(normalizeLang('english please')).toBeNull()
  })
  it('cuts long excerpts at a word boundary with an ellipsis', () => {
    const cut = cutAtWord('word '.repeat(100), 40)
    expect(cut.length).toBeLessThanOrEqual(40)
    expect(cut.endsWith('word…')).toBe(true)
    expect(cutAtWord('short', 40)).toBe('short')
  })
})
