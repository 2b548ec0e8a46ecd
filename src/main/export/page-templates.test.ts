import { describe, expect, it } from 'vitest'
import { footerTemplate, headerTemplate } from './page-templates'

describe('PDF page templates', () => {
  it('keep their inline style in one attribute (no stray double quotes) and escape the title', () => {
    const header = headerTemplate('Putin & Xi <"summit">')
    for (const html of [header, footerTemplate()]) {
      const style = /style="([^"]*)"/.exec(html)![1]
      expect(style).toMatch(/font-size:8pt/)
      expect(style).toMatch(/padding:0 18mm/)
    }
    expect(header).toContain('Putin &amp; Xi &lt;&quot;summit&quot;&gt;')
    expect(header).toContain('<span>Annotated report · Gloss</span>')
    expect(headerTemplate('Black Sea grain', 'Project report')).toContain('<span>Project report · Gloss</span>')
    expect(footerTemplate()).toMatch(/<span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/)
  })
})
