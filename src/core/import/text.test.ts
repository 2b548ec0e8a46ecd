import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlainText } from './text'
import { detectFormat } from './format'
import { titleFromFileName } from './clean'

const SAMPLE = readFileSync(join(__dirname, '../../../resources/putin-xi-sco-summit.txt'), 'utf8')

describe('parsePlainText', () => {
  it('splits the sample (one paragraph per line, no blank lines) into 18 paragraphs', () => {
    const a = parsePlainText(SAMPLE, 'putin-xi-sco-summit.txt')
    expect(a.blocks).toHaveLength(18)
    expect(a.blocks.every((b) => b.kind === 'p')).toBe(true)
    expect(a.blocks[0].text.startsWith('Russian President Vladimir Putin')).toBe(true)
    expect(a.blocks[17].text.startsWith('“There is a sense now in China')).toBe(true)
    expect(a.title).toBe('Putin xi sco summit')
    expect(a.format).toBe('txt')
    expect(a.warnings).toEqual([])
  })

  it('uses blank-line separated blocks and joins hard-wrapped lines', () => {
    const text = 'First paragraph is\nhard   wrapped\there.\n\n\nSecond one.\n  \nThird\nparagraph.'
    const a = parsePlainText(text, 'notes.txt')
    expect(a.blocks.map((b) => b.text)).toEqual(['First paragraph is hard wrapped here.', 'Second one.', 'Third paragraph.'])
  })

  it('takes the title from a short first line followed by a blank line, as an h1 block', () => {
    const a = parsePlainText('A Short Title\n\nBody paragraph one.\n\nBody two.', 'file.txt')
    expect(a.title).toBe('A Short Title')
    expect(a.blocks[0]).toEqual({ kind: 'h1', text: 'A Short Title' })
    expect(a.blocks.map((b) => b.kind)).toEqual(['h1', 'p', 'p'])
  })

  it('falls back to the file name when the first line is too long or not followed by a blank line', () => {
    const long = 'x'.repeat(121)
    expect(parsePlainText(`${long}\n\nBody.`, 'my_report-2024.txt').title).toBe('My report 2024')
    const wrapped = parsePlainText('Line one\ncontinues here\n\nBody.', 'b.txt')
    expect(wrapped.title).toBe('B')
    expect(wrapped.blocks[0]).toEqual({ kind: 'p', text: 'Line one continues here' })
  })

  it('detects a simple byline and a date line', () => {
    const a = parsePlainText('Title\n\nBy Jane Doe\n\nSeptember 3, 2022\n\nText.', 'x.txt')
    expect(a.authors).toEqual(['Jane Doe'])
    expect(a.publishedAt).toBe('2022-09-03')
    const none = parsePlainText('Title\n\nBy the way, this is text.\n\nMore.', 'x.txt')
    expect(none.authors).toEqual([])
    expect(none.publishedAt).toBeNull()
  })

  it('keeps emoji and non-ASCII text', () => {
    const a = parsePlainText('Ünïcødé 😀 line\nСтрока два', 'u.txt')
    expect(a.blocks.map((b) => b.text)).toEqual(['Ünïcødé 😀 line', 'Строка два'])
  })
})

describe('titleFromFileName', () => {
  it('prettifies deterministically', () => {
    expect(titleFromFileName('putin-xi-sco-summit.txt')).toBe('Putin xi sco summit')
    expect(titleFromFileName('/some/dir/report.final.md')).toBe('Report final')
    expect(titleFromFileName('')).toBe('Untitled')
  })
})

describe('detectFormat', () => {
  it('uses the extension', () => {
    expect(detectFormat('a.txt', '<html>')).toBe('txt')
    expect(detectFormat('a.TEXT', '')).toBe('txt')
    expect(detectFormat('a.md', '')).toBe('md')
    expect(detectFormat('a.markdown', '')).toBe('md')
    expect(detectFormat('a.html', '')).toBe('html')
    expect(detectFormat('a.HTM', '')).toBe('html')
  })
  it('sniffs HTML otherwise, defaulting to text', () => {
    expect(detectFormat('clip', '  <!DOCTYPE html><html><body>x')).toBe('html')
    expect(detectFormat('clip', '<html lang="en">')).toBe('html')
    expect(detectFormat('clip', '<!-- saved --><!doctype html>')).toBe('html')
    expect(detectFormat('clip', 'Just text <html> inside')).toBe('txt')
    expect(detectFormat('noext', '# Heading')).toBe('txt')
  })
})
