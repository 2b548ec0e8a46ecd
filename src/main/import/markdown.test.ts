import { describe, expect, it } from 'vitest'
import { parseMarkdown, splitFrontMatter } from '../../core/import/markdown'
import { jsdomEnv } from './html-env'

const DOC = `---
title: "Summit Watch"
author: Jane Doe
date: 2022-09-14
---

# Putin and Xi meet

Intro with **bold**, _emphasis_, a [link to source](https://example.com) and \`code span\`. Escaped \\*star\\* &amp; more.
Continued on a second line.

## Background

- first item
  - nested item
- second item

1. step one
2. step two

> A quoted line
>
> Second quoted paragraph

\`\`\`js
const x = 1
\`\`\`

<div class="note">Raw <b>HTML</b> block<script>alert(1)</script></div>

| Country | Leader |
|---|---|
| China | Xi |

---

Final paragraph with an ![alt text](i.png) image.
`

describe('parseMarkdown', () => {
  it('turns Markdown into typed plain-text blocks', () => {
    const a = parseMarkdown(DOC, 'summit.md', jsdomEnv)
    expect(a.format).toBe('md')
    expect(a.blocks.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'h1', text: 'Putin and Xi meet' },
      {
        kind: 'p',
        text: 'Intro with bold, emphasis, a link to source and code span. Escaped *star* & more. Continued on a second line.'
      },
      { kind: 'h2', text: 'Background' },
      { kind: 'li', text: 'first item' },
      { kind: 'li', text: 'nested item' },
      { kind: 'li', text: 'second item' },
      { kind: 'li', text: 'step one' },
      { kind: 'li', text: 'step two' },
      { kind: 'blockquote', text: 'A quoted line' },
      { kind: 'blockquote', text: 'Second quoted paragraph' },
      { kind: 'pre', text: 'const x = 1' },
      { kind: 'p', text: 'Raw HTML block' },
      { kind: 'tr', text: 'Country\tLeader' },
      { kind: 'tr', text: 'China\tXi' },
      { kind: 'p', text: 'Final paragraph with an alt text image.' }
    ])
    expect(a.blocks.filter((b) => b.kind === 'li').map((b) => b.list)).toEqual(['ul', 'ul', 'ul', 'ol', 'ol'])
    // Formatting is kept as marks on the text; the raw HTML block lost its <script>.
    const intro = a.blocks[1]
    expect(intro.marks?.map((m) => [m.type, intro.text.slice(m.start, m.end), m.href ?? null])).toEqual([
      ['strong', 'bold', null],
      ['em', 'emphasis', null],
      ['link', 'link to source', 'https://example.com/'],
      ['code', 'code span', null]
    ])
    expect(a.blocks[12].header).toBe(true)
    expect(a.blocks[13].header).toBeUndefined()
  })

  it('reads title, author and date from YAML front matter', () => {
    const a = parseMarkdown(DOC, 'summit.md', jsdomEnv)
    expect(a.title).toBe('Summit Watch')
    expect(a.authors).toEqual(['Jane Doe'])
    expect(a.publishedAt).toBe('2022-09-14')
  })

  it('uses the first h1 as title without front matter', () => {
    const a = parseMarkdown('Some intro.\n\n# The Real Title\n\nBody.', 'x.md', jsdomEnv)
    expect(a.title).toBe('The Real Title')
    expect(a.authors).toEqual([])
  })

  it('falls back to the text rule, then the file name', () => {
    const t = parseMarkdown('Short title line\n\nBody paragraph.', 'x.md', jsdomEnv)
    expect(t.title).toBe('Short title line')
    expect(t.blocks[0]).toEqual({ kind: 'h1', text: 'Short title line' })
    const f = parseMarkdown('Just one paragraph\nspanning two lines.', 'my-notes.markdown', jsdomEnv)
    expect(f.title).toBe('My notes')
    expect(f.blocks).toEqual([{ kind: 'p', text: 'Just one paragraph spanning two lines.' }])
  })

  it('keeps emoji and non-ASCII, handles CRLF', () => {
    const a = parseMarkdown('# Заголовок 😀\r\n\r\nТекст — *café*.\r\n', 'r.md', jsdomEnv)
    expect(a.blocks).toEqual([
      { kind: 'h1', text: 'Заголовок 😀' },
      { kind: 'p', text: 'Текст — café.', marks: [{ type: 'em', start: 8, end: 12 }] }
    ])
  })

  it('splitFrontMatter leaves documents without front matter alone', () => {
    expect(splitFrontMatter('# Title\n---\n').meta).toEqual({})
    expect(splitFrontMatter("---\ntitle: 'A: B'\n---\nbody").meta).toEqual({ title: 'A: B' })
  })
})
