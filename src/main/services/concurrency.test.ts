// Several processes writing one library at once: every write transaction takes the write lock up front
// (BEGIN IMMEDIATE), so a writer that finds the library busy waits (busy timeout) instead of failing at once.
// The processes are real Node processes run through tsx (the unit tests run before the build).
import Database from 'better-sqlite3'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FILE } from '.'
import { openBackend, removeTempDirs, REPO_ROOT, runNode, tempDir } from './test-helpers'

afterEach(removeTempDirs)

const ROOT = REPO_ROOT

/** Holds the library's write lock from another connection for `ms`, as a long import in another process would. */
function holdWriteLock(dataDir: string, ms: number): Promise<void> {
  const db = new Database(join(dataDir, DB_FILE))
  db.exec('BEGIN IMMEDIATE')
  db.prepare("INSERT INTO settings (key, value) VALUES ('lock-holder', 'x')").run()
  return new Promise((done) =>
    setTimeout(() => {
      db.exec('ROLLBACK')
      db.close()
      done()
    }, ms)
  )
}

function memo(dir: string, i: number): string {
  const file = join(dir, `memo-${i}.md`)
  const body = Array.from({ length: 300 }, (_, j) => `Paragraph ${j} of memo ${i}: both sides blamed the other.`).join('\n\n')
  writeFileSync(file, `# Memo ${i}\n\n${body}\n`)
  return file
}

describe('concurrent writers on one library', () => {
  it('three CLI imports started at once as separate processes all succeed', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    openBackend(dataDir).backend.close() // the library exists (with the sample), as after a first run
    const files = [0, 1, 2].map((i) => memo(dir, i))
    // The lock is held while the three start, so each finds the library busy; they must wait, not fail.
    const held = holdWriteLock(dataDir, 2500)
    const runs = await Promise.all(files.map((f) => runNode(['src/main/cli/entry.ts', 'import', f, '--data-dir', dataDir])))
    await held
    for (const r of runs) {
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^Imported \S+ Memo \d \(301 paragraphs\)\n$/)
    }
    const { backend } = openBackend(dataDir)
    const titles = (await backend.listArticles()).map((a) => a.title).sort()
    expect(titles.filter((t) => t.startsWith('Memo'))).toEqual(['Memo 0', 'Memo 1', 'Memo 2'])
    backend.close()
  }, 120_000)

  it('two backends in separate processes importing and saving notes at once lose nothing', async () => {
    const dataDir = join(tempDir(), 'lib')
    openBackend(dataDir).backend.close()
    const count = 8
    const startAt = Date.now() + 4000
    // Both start writing at startAt; someone else holds the write lock just then, so both find the library busy.
    const held = new Promise<void>((done) => setTimeout(() => void holdWriteLock(dataDir, 1500).then(done), 3800))
    const runs = await Promise.all(
      ['alpha', 'beta'].map((label) => runNode(['src/main/services/test-writer.ts', dataDir, label, String(count), String(startAt)]))
    )
    await held
    const results = runs.map((r) => {
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      return JSON.parse(r.stdout) as { imported: string[]; noteId: string; revision: number; failures: string[] }
    })
    const { backend } = openBackend(dataDir)
    const library = await backend.listArticles()
    for (const [i, label] of ['alpha', 'beta'].entries()) {
      const r = results[i]
      expect(r.failures).toEqual([])
      expect(r.imported).toHaveLength(count)
      for (const id of r.imported) expect(library.find((a) => a.id === id)?.paragraphCount).toBe(201)
      const note = await backend.getNote(r.noteId)
      expect(note.revision).toBe(count)
      expect(note.text).toBe(`${label} saved ${count - 1}`)
    }
    expect(library).toHaveLength(1 + 2 * count)
    backend.close()
  }, 120_000)
})

/** Source files of the main process (not tests). */
function mainSources(dir = join(ROOT, 'src', 'main')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return mainSources(p)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : []
  })
}

describe('write transactions', () => {
  it('every db.transaction(fn) in the main process is run .immediate() (or through writeTx)', () => {
    const deferred: string[] = []
    for (const file of mainSources()) {
      const src = readFileSync(file, 'utf8')
      for (const m of src.matchAll(/\.transaction\(/g)) {
        // Find the parenthesis closing .transaction( and look at what follows it.
        let depth = 0
        let i = m.index + m[0].length - 1
        for (; i < src.length; i++) {
          if (src[i] === '(') depth++
          else if (src[i] === ')' && --depth === 0) break
        }
        if (!/^(?:\s|\/\/[^\n]*\n)*\.immediate\(/.test(src.slice(i + 1))) {
          deferred.push(`${relative(ROOT, file)}:${src.slice(0, m.index).split('\n').length}`)
        }
      }
    }
    expect(deferred, 'use writeTx(db, fn) from src/main/db/database.ts').toEqual([])
  })
})
