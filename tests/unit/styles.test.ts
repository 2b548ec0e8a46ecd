// The renderer's style sheets parse as plain CSS: every block closed, no rule inside another rule.
//
// A rule left open is not a syntax error for the browser or the bundler: with CSS nesting, everything after it in the
// same bundle becomes nested inside it and silently stops matching (a lost `}` in editor.css once turned off all of
// the notes pane's styles, its scroller among them). Gloss does not use CSS nesting, so a nested rule here is a bug.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import postcss, { type Rule } from 'postcss'
import { parse as parseSfc } from 'vue/compiler-sfc'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const RENDERER = join(ROOT, 'src/renderer')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(path)
    return /\.(css|vue)$/.test(e.name) ? [path] : []
  })
}

/** Each style sheet of a file: a .css file whole, a .vue file's `<style>` blocks. */
function sheets(path: string): { name: string; css: string }[] {
  const text = readFileSync(path, 'utf8')
  const name = relative(ROOT, path)
  if (path.endsWith('.css')) return [{ name, css: text }]
  return parseSfc(text, { filename: path }).descriptor.styles.map((s, i) => ({ name: `${name} <style> #${i + 1}`, css: s.content }))
}

/** Problems of one sheet, in words: an unclosed block, or a rule nested in a rule (the line of the inner one). */
export function styleProblems(css: string): string[] {
  let root: postcss.Root
  try {
    root = postcss.parse(css)
  } catch (err) {
    return [(err as Error).message.replace(/^<css input>:?/, 'line ')]
  }
  const problems: string[] = []
  root.walkRules((rule: Rule) => {
    if (rule.parent?.type === 'rule') {
      problems.push(`line ${rule.source?.start?.line}: "${rule.selector}" is inside "${(rule.parent as Rule).selector}" — a "}" is missing before it`)
    }
  })
  return problems
}

describe('renderer style sheets', () => {
  const all = files(RENDERER).flatMap(sheets)

  it('finds the style sheets (app theme, editor, components)', () => {
    expect(all.length).toBeGreaterThan(40)
    expect(all.some((s) => s.name.endsWith('editor/editor.css'))).toBe(true)
  })

  it('tells a rule left open from a closed one', () => {
    expect(styleProblems('.a { color: red }\n.b { color: blue }\n@media (max-width: 9px) { .c { color: red } }')).toEqual([])
    expect(styleProblems('.a { color: red;\n.b { color: blue }')).toEqual(['line 1:1: Unclosed block'])
    expect(styleProblems('.a { color: red;\n.b { color: blue }\n}')).toEqual([
      'line 2: ".b" is inside ".a" — a "}" is missing before it'
    ])
  })

  it('closes every block and nests no rule inside another', () => {
    const problems = all.flatMap((s) => styleProblems(s.css).map((p) => `${s.name}: ${p}`))
    expect(problems).toEqual([])
  })
})
