import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBackend } from '../services'
import { docWithRefs, openBackend, removeTempDirs, RESOURCES, tempDir } from '../services/test-helpers'
import { runCli, type CliIo } from './run'

afterEach(() => {
  removeTempDirs()
  vi.restoreAllMocks()
})

async function cli(args: string[], io: Partial<CliIo> = {}) {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), env: {}, resourcesDir: RESOURCES, ...io })
  return { code, out, err }
}

describe('gloss CLI', () => {
  it('help prints usage; no command means help', async () => {
    const r = await cli(['help'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/gloss import FILE/)
    expect((await cli([])).out).toMatch(/Usage:/)
  })

  it('usage errors exit 2 without creating the library', async () => {
    const dataDir = join(tempDir(), 'lib')
    for (const args of [
      ['frobnicate', '--data-dir', dataDir],
      ['import', '--data-dir', dataDir],
      ['list', '--bogus', 'x', '--data-dir', dataDir],
      ['export', '--data-dir', dataDir, '--format', 'md'],
      ['import-annotations', 'x.json', '--data-dir', dataDir],
      ['reimport', 'x.txt', '--data-dir', dataDir],
      ['reimport', 'x.txt', '--article', 'X', '--out', 'y', '--data-dir', dataDir],
      ['list', '--data-dir'],
      ['export', '--article', 'A', '--project', 'P', '--format', 'md', '--out', 'x.md', '--data-dir', dataDir],
      ['projects', 'create', '--data-dir', dataDir],
      ['projects', 'add', '--project', 'P', '--data-dir', dataDir],
      ['projects', 'rename', '--data-dir', dataDir]
    ]) {
      const r = await cli(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toMatch(/gloss help/)
      expect(r.out).toBe('')
    }
    expect(existsSync(dataDir)).toBe(false)
  })

  it('imports, lists and exports; bad input and unknown articles exit 1 with a message on stderr', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    const file = join(dir, 'memo.md')
    writeFileSync(file, '# Gas and Power\n\nThe pipeline deal stalled.\n\nBoth sides blamed the other.\n')
    const imported = await cli(['import', file, '--data-dir', dataDir])
    expect(imported.code).toBe(0)
    const m = /^Imported (\S+) Gas and Power \(3 paragraphs\)\n$/.exec(imported.out)
    expect(m, imported.out).not.toBeNull()
    const id = m![1]

    const list = await cli(['list', '--data-dir', dataDir])
    expect(list.code).toBe(0)
    const lines = list.out.trim().split('\n')
    expect(lines).toHaveLength(2) // the sample + ours
    expect(lines).toContain(`${id}\tGas and Power\t0 highlights`)

    const out = join(dir, 'report.md')
    const exported = await cli(['export', '--data-dir', dataDir, '--article', id, '--format', 'md', '--out', out, '--analyst', 'Ana Lyst'])
    expect(exported.code, exported.err).toBe(0)
    expect(exported.out).toMatch(/Exported MD report to/)
    expect(readFileSync(out, 'utf8')).toContain('The pipeline deal stalled.')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])

    const missing = await cli(['import', join(dir, 'nope.txt'), '--data-dir', dataDir])
    expect(missing).toMatchObject({ code: 1, out: '' })
    expect(missing.err).toMatch(/File not found: .*nope\.txt/)

    const binary = join(dir, 'pic.png')
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0]))
    const rejected = await cli(['import', binary, '--data-dir', dataDir])
    expect(rejected.code).toBe(1)
    expect(rejected.err).toMatch(/^gloss: /)

    const unknown = await cli(['export', '--data-dir', dataDir, '--article', '01NOPE', '--format', 'md', '--out', join(dir, 'x.md')])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toMatch(/not in the library/)
    expect(existsSync(join(dir, 'x.md'))).toBe(false)

    const badFormat = await cli(['export', '--data-dir', dataDir, '--article', id, '--format', 'docx', '--out', join(dir, 'x.docx')])
    expect(badFormat.code).toBe(1)
    expect(badFormat.err).toMatch(/format/i)
  })

  it('projects: create, add sources, import into one, list notes, and export the project report', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    const memo = join(dir, 'memo.md')
    writeFileSync(memo, '# Grain memo\n\nExports of wheat rose in February.\n\nInsurers remain cautious.\n')
    const created = await cli(['projects', 'create', 'Black Sea grain', '--data-dir', dataDir])
    expect(created.code, created.err).toBe(0)
    const projectId = created.out.trim()
    expect(projectId).toMatch(/^[0-9A-Z]{26}$/)
    const sample = (await cli(['list', '--data-dir', dataDir])).out.split('\t')[0]
    expect((await cli(['projects', 'add', '--project', projectId, '--article', sample, '--data-dir', dataDir])).out).toBe('Black Sea grain: 1 source\n')
    const imported = await cli(['import', memo, '--project', projectId, '--data-dir', dataDir])
    expect(imported.code, imported.err).toBe(0)
    expect((await cli(['projects', '--data-dir', dataDir])).out).toBe(`${projectId}\tBlack Sea grain\t2 sources\n`)

    // A project note citing both sources (written in the app; the CLI reads and exports).
    const memoId = /^Imported (\S+)/.exec(imported.out)![1]
    const { backend } = openBackend(dataDir)
    const [a, b] = [await backend.getArticle(sample), await backend.getArticle(memoId)]
    const note = await backend.createNote({ title: 'Grain brief', articleId: null, projectId })
    const doc = docWithRefs('Wheat exports rose', [
      { articleId: b.id, paragraphId: b.paragraphs[1].id, label: '2' },
      { articleId: a.id, paragraphId: a.paragraphs[2].id, label: '3' }
    ])
    await backend.saveNote({ id: note.id, doc, baseRevision: note.revision })
    await backend.close()
    expect((await cli(['notes', '--data-dir', dataDir])).out).toBe(`${note.id}\tGrain brief\tproject Black Sea grain\n`)
    const noteOut = join(dir, 'note.json')
    expect((await cli(['export', '--note', note.id, '--format', 'json', '--out', noteOut, '--data-dir', dataDir])).code).toBe(0)
    const json = JSON.parse(readFileSync(noteOut, 'utf8'))
    expect(json['gloss:bibliography'].map((x: { title: string }) => x.title)).toEqual(['Grain memo', 'Putin xi sco summit'])

    const out = join(dir, 'project.md')
    const exported = await cli(['export', '--project', projectId, '--format', 'md', '--style', 'chicago-author-date', '--scope', 'annotated', '--out', out, '--data-dir', dataDir])
    expect(exported.code, exported.err).toBe(0)
    const md = readFileSync(out, 'utf8')
    expect(md).toContain('# Black Sea grain\n\n*Project report*')
    expect(md).toContain('## Sources\n\n*Chicago (author-date).*\n\n1. Grain Memo. n.d. File: memo.md.\n2. ')
    expect(md).toContain('### Grain brief\n\nWheat exports rose  Grain memo ¶2[^c1]  Putin xi sco summit ¶3[^c2].')
    expect(md).toContain('## Source 1 of 2: Grain memo')

    const bad = await cli(['export', '--project', 'NOPE', '--format', 'md', '--out', out, '--data-dir', dataDir])
    expect(bad.code).toBe(1)
    expect(bad.err).toBe('gloss: That project no longer exists. It may have been deleted.\n')
    const badStyle = await cli(['export', '--project', projectId, '--format', 'md', '--style', 'mla', '--out', out, '--data-dir', dataDir])
    expect(badStyle.code).toBe(1)
    expect(badStyle.err).toMatch(/style must be one of apa, chicago-author-date, harvard/)
  })

  it('export to an unwritable path fails with a clear message and leaves no file behind', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    const id = (await cli(['list', '--data-dir', dataDir])).out.split('\t')[0]
    const notAFolder = join(dir, 'plain.txt')
    writeFileSync(notAFolder, 'x')
    const cases: [string, RegExp][] = [
      [join(dir, 'missing', 'r.md'), /folder .*missing does not exist/],
      [join(notAFolder, 'r.md'), /not a folder/],
      [dir, /it is a folder/]
    ]
    for (const [out, message] of cases) {
      const r = await cli(['export', '--data-dir', dataDir, '--article', id, '--format', 'html', '--out', out])
      expect(r.code, out).toBe(1)
      expect(r.err).toMatch(message)
    }
    expect(readdirSync(dir).sort()).toEqual(['lib', 'plain.txt'])
  })

  it('import-annotations restores highlights from a JSON export', async () => {
    const dir = tempDir()
    const source = join(dir, 'a')
    const id = (await cli(['list', '--data-dir', source])).out.split('\t')[0]
    const json = join(dir, 'ann.json')
    expect((await cli(['export', '--data-dir', source, '--article', id, '--format', 'json', '--out', json])).code).toBe(0)
    const r = await cli(['import-annotations', json, '--article', id, '--data-dir', source])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Created 0 highlights/)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{ nope')
    const failed = await cli(['import-annotations', bad, '--article', id, '--data-dir', source])
    expect(failed.code).toBe(1)
    expect(failed.err).toMatch(/not valid JSON/)
  })

  it('reimport updates an article from a newer file and prints how the paragraphs moved', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    const file = join(dir, 'memo.md')
    writeFileSync(file, '# Gas and Power\n\nThe pipeline deal stalled.\n\nBoth sides blamed the other.\n\nTalks resume in May.\n')
    const id = /^Imported (\S+)/.exec((await cli(['import', file, '--data-dir', dataDir])).out)![1]
    writeFileSync(file, '# Gas and Power\n\nThe pipeline deal stalled in March.\n\nBoth sides blamed the other.\n\nA new paragraph.\n')
    const r = await cli(['reimport', file, '--article', id, '--data-dir', dataDir])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toBe(`Updated ${id} Gas and Power: 2 unchanged, 1 edited, 1 added, 1 removed (4 paragraphs now)\n`)
    const exported = join(dir, 'r.md')
    expect((await cli(['export', '--data-dir', dataDir, '--article', id, '--format', 'md', '--out', exported])).code).toBe(0)
    expect(readFileSync(exported, 'utf8')).toContain('The pipeline deal stalled in March.')
    expect(readFileSync(exported, 'utf8')).not.toContain('Talks resume in May.')

    const unknown = await cli(['reimport', file, '--article', '01NOPE', '--data-dir', dataDir])
    expect(unknown).toMatchObject({ code: 1, out: '' })
    expect(unknown.err).toMatch(/^gloss: This article is not in the library/)
    const missing = await cli(['reimport', join(dir, 'nope.md'), '--article', id, '--data-dir', dataDir])
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/File not found: .*nope\.md/)
    const binary = join(dir, 'pic.png')
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0]))
    const rejected = await cli(['reimport', binary, '--article', id, '--data-dir', dataDir])
    expect(rejected.code).toBe(1)
    expect(rejected.err).toMatch(/^gloss: /)
    const again = await cli(['reimport', file, '--article', id, '--data-dir', dataDir])
    expect(again.out).toMatch(/: 4 unchanged, 0 edited, 0 added, 0 removed \(4 paragraphs now\)\n$/)
  })

  it('a file over the import limit is refused by its size, before it is read', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    const id = (await cli(['list', '--data-dir', dataDir])).out.split('\t')[0]
    const big = join(dir, 'big.txt')
    writeFileSync(big, '')
    truncateSync(big, 25 * 1024 * 1024) // sparse: takes no disk space
    const message = 'gloss: This file is too large to import: it is 25.0 MB and the limit is 20.0 MB.\n'
    for (const args of [
      ['import', big],
      ['reimport', big, '--article', id],
      ['import-annotations', big, '--article', id]
    ]) {
      expect(await cli([...args, '--data-dir', dataDir]), args[0]).toEqual({ code: 1, out: '', err: message })
    }
    expect((await cli(['list', '--data-dir', dataDir])).out.trim().split('\n')).toHaveLength(1)
  })

  it('an unexpected error is one line without a stack; GLOSS_DEBUG=1 adds the details', async () => {
    const dataDir = join(tempDir(), 'lib')
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const broken: CliIo['openBackend'] = (opts) => ({
      ...createBackend(opts),
      listArticles: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'title')")
      }
    })
    const plain = await cli(['list', '--data-dir', dataDir], { openBackend: broken })
    expect(plain).toEqual({
      code: 1,
      out: '',
      err: 'gloss: Something went wrong inside Gloss. Run the command again with GLOSS_DEBUG=1 to see the details.\n'
    })
    expect(stderr).not.toHaveBeenCalled() // nothing from dispatch's log either
    const debug = await cli(['list', '--data-dir', dataDir], { openBackend: broken, env: { GLOSS_DEBUG: '1' } })
    expect(debug.code).toBe(1)
    expect(debug.err).toMatch(/^gloss: details: TypeError: Cannot read properties of undefined \(reading 'title'\)\n\s+at /)
    expect(debug.err).toMatch(/\ngloss: Something went wrong inside Gloss\. Run the command again with GLOSS_DEBUG=1 to see the details\.\n$/)
  })

  it('a library that cannot be opened is one line; GLOSS_DEBUG=1 adds the underlying error', async () => {
    const dir = tempDir()
    const plain = join(dir, 'plain.txt')
    writeFileSync(plain, 'x')
    const message = `gloss: Gloss cannot use ${plain} as its data folder: it is a file, not a folder. Choose another folder with --data-dir.\n`
    expect(await cli(['list', '--data-dir', plain])).toEqual({ code: 1, out: '', err: message })
    const debug = await cli(['list', '--data-dir', plain], { env: { GLOSS_DEBUG: '1' } })
    expect(debug.err).toMatch(/Caused by: Error: EEXIST: file already exists, mkdir/)
    expect(debug.err.endsWith(message)).toBe(true)
  })

  it('the entry point sets the process exit code (run through tsx; usage errors are covered above)', () => {
    const root = resolve(__dirname, '..', '..', '..')
    const dataDir = join(tempDir(), 'lib')
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/entry.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    const list = run(['list', '--data-dir', dataDir])
    expect(list.status, list.stderr).toBe(0)
    expect(list.stdout).toMatch(/^[0-9A-Z]{26}\t/)
    const unknown = run(['export', '--data-dir', dataDir, '--article', 'nope', '--format', 'md', '--out', join(dataDir, 'r.md')])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/^gloss: This article is not in the library[^\n]*\n$/)
  }, 120_000)
})

describe('gloss quotes and gloss entities', () => {
  it('print who said what and who is mentioned in the sample, tab-separated', async () => {
    const dataDir = join(tempDir(), 'lib')
    const [id] = (await cli(['list', '--data-dir', dataDir])).out.split('\t')
    const quotes = await cli(['quotes', '--article', id, '--data-dir', dataDir])
    expect(quotes.code, quotes.err).toBe(0)
    const rows = quotes.out.trimEnd().split('\n').map((l) => l.split('\t'))
    expect(rows.every((r) => r.length === 3)).toBe(true)
    expect(rows.map(([speaker, where]) => [speaker, where])).toEqual([
      ['Andrey Denisov, the Russian ambassador to China', '¶3'],
      ['Andrey Denisov, the Russian ambassador to China', '¶3'],
      ['(unattributed)', '¶4'],
      ['Lloyd Austin, U.S. Secretary of Defense', '¶11'],
      ['David Shullman, the former Deputy National Intelligence Officer for East Asia on the National Intelligence Council', '¶13'],
      ['David Shullman, the former Deputy National Intelligence Officer for East Asia on the National Intelligence Council', '¶16'],
      ['David Shullman, the former Deputy National Intelligence Officer for East Asia on the National Intelligence Council', '¶16'],
      ['David Shullman, the former Deputy National Intelligence Officer for East Asia on the National Intelligence Council', '¶18']
    ])
    expect(rows[0][2]).toBe('This summit promises to be interesting, because it will be the first full-fledged summit since the pandemic,')
    expect(rows[2][2]).toBe('further enlargement of NATO.')

    const entities = await cli(['entities', '--article', id, '--data-dir', dataDir])
    expect(entities.code, entities.err).toBe(0)
    const lines = entities.out.trimEnd().split('\n')
    expect(lines).toContain('Vladimir Putin\tperson\t11\t¶1 ¶4 ¶5 ¶6 ¶7 ¶10 ¶14 ¶16')
    expect(lines).toContain('North Atlantic Treaty Organization\torganization\t2\t¶4 ¶6')
    expect(lines.every((l) => /^[^\t]+\t(person|organization|place)\t\d+\t¶\d+( ¶\d+)*$/.test(l))).toBe(true)
  })

  it('need --article, and say so when the article is not there', async () => {
    const dataDir = join(tempDir(), 'lib')
    for (const cmd of ['quotes', 'entities']) {
      const usage = await cli([cmd, '--data-dir', dataDir])
      expect(usage.code).toBe(2)
      expect(usage.err).toContain(`"gloss ${cmd}" needs --article.`)
      const missing = await cli([cmd, '--article', 'NOPE', '--data-dir', dataDir])
      expect(missing).toMatchObject({ code: 1, out: '', err: 'gloss: This article is not in the library (it may have been deleted).\n' })
    }
  })
})

describe('gloss export --project with competing hypotheses', () => {
  it('puts the project’s ACH matrix into the report, evidence linked to its paragraph', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    const { backend } = openBackend(dataDir)
    const [article] = await backend.listArticles()
    const full = await backend.getArticle(article.id)
    const project = await backend.createProject({ title: 'SCO summit' })
    await backend.addToProject({ projectId: project.id, articleIds: [article.id] })
    await backend.createAchMatrix({
      projectId: project.id,
      title: 'Why now?',
      matrix: {
        title: 'Why now?',
        hypotheses: [
          { id: 'h1', label: 'Russia needs China' },
          { id: 'h2', label: 'Routine diplomacy' }
        ],
        evidence: [
          { id: 'e1', label: 'Gas paid in rubles and yuan', source: { kind: 'paragraph', articleId: article.id, paragraphId: full.paragraphs[7].id, quote: '' }, credibility: 'high', relevance: 'medium', ratings: { h1: 'CC', h2: 'I' } }
        ]
      }
    })
    await backend.close()
    const out = join(dir, 'project.md')
    const r = await cli(['export', '--project', project.id, '--format', 'md', '--scope', 'annotated', '--out', out, '--data-dir', dataDir])
    expect(r.code, r.err).toBe(0)
    const md = readFileSync(out, 'utf8')
    expect(md).toContain('## Competing hypotheses')
    expect(md).toContain('### Why now?')
    expect(md).toContain('| Gas paid in rubles and yuan | ¶8 | High | Med. | CC | I | 1.41 |')
    expect(md).toContain('*Least inconsistent first: 1. H1 (0) · 2. H2 (−1.41).*')
    // The evidence paragraph is in the excerpts even though nothing highlights or cites it.
    expect(md).toContain('In China, although, Russia has a key associate')
  })
})
