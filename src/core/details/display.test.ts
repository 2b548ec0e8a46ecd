import { describe, expect, it } from 'vitest'
import { byline, displayUrl, formatDay, formatPublished, hostOf, joinNames, linkHref, webHref } from './display'

describe('byline', () => {
  it('joins names the way a person writes them', () => {
    expect(byline([])).toBe('')
    expect(byline(['Jane Smith'])).toBe('By Jane Smith')
    expect(byline(['Jane Smith', 'Omar Haddad'])).toBe('By Jane Smith and Omar Haddad')
    expect(joinNames(['A', ' ', 'B', 'C'])).toBe('A, B and C')
  })
})

describe('formatPublished', () => {
  it('reads ISO dates, timestamps and partial dates without shifting the day', () => {
    expect(formatPublished('2024-03-15')).toBe('15 March 2024')
    expect(formatPublished('2024-03-15T23:30:00-08:00')).toBe('15 March 2024')
    expect(formatPublished('2024-03')).toBe('March 2024')
    expect(formatPublished('2024')).toBe('2024')
  })
  it('shows anything else as found', () => {
    expect(formatPublished('Spring 2024')).toBe('Spring 2024')
    expect(formatPublished('2024-13-01')).toBe('2024-13-01')
    expect(formatPublished(null)).toBe('')
  })
})

describe('formatDay', () => {
  it('names the local day of a timestamp', () => {
    const d = new Date(2026, 11, 1, 12, 0)
    expect(formatDay(d.toISOString())).toBe('1 December 2026')
    expect(formatDay('not a date')).toBe('')
    expect(formatDay(null)).toBe('')
  })
})

describe('links', () => {
  it('lets only http(s) addresses open in the browser, and mailto for source links', () => {
    expect(webHref('https://example.com/a')).toBe('https://example.com/a')
    expect(webHref('mailto:a@example.com')).toBeNull()
    expect(webHref('javascript:alert(1)')).toBeNull()
    expect(webHref('file:///etc/passwd')).toBeNull()
    expect(webHref('https://exa mple.com')).toBeNull()
    expect(linkHref('mailto:a@example.com')).toBe('mailto:a@example.com')
    expect(linkHref('data:text/html,x')).toBeNull()
    expect(linkHref('/relative')).toBeNull()
  })
})

describe('displayUrl', () => {
  it('drops the scheme, www and a trailing slash', () => {
    expect(displayUrl('https://www.dailyledger.example/world/2024/03/15/grain-corridor-deal')).toBe(
      'dailyledger.example/world/2024/03/15/grain-corridor-deal'
    )
    expect(displayUrl('http://127.0.0.1:8080/')).toBe('127.0.0.1:8080')
    expect(hostOf('https://www.example.org/x')).toBe('example.org')
  })
  it('shortens the middle of a long path, keeping host and last segment', () => {
    const long = 'https://news.example.com/section/subsection/2024/03/15/a-very-long-article-slug-about-grain?utm_source=x'
    const shown = displayUrl(long, 60)
    expect(shown).toBe('news.example.com/…/a-very-long-article-slug-about-grain…')
    expect(shown.length).toBeLessThanOrEqual(60)
    expect(displayUrl('https://example.com/' + 'x'.repeat(100), 40).length).toBeLessThanOrEqual(40)
  })
  it('decodes percent-encoded paths for reading', () => {
    expect(displayUrl('https://de.example/%C3%BCber')).toBe('de.example/über')
  })
})
