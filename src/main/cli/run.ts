// The command-line interface: import, reimport, list, export, import-annotations, help. Every command goes through the
// same dispatch() as the app (same validation, same error messages). Exit codes: 0 ok, 1 error, 2 usage.
// Errors are one line on stderr ("gloss: …"), never a stack; GLOSS_DEBUG=1 adds the details.
import { readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { GlossError, type ImportResult, type ReimportResult } from '../../core/api'
import { formatBytes, MAX_IMPORT_BYTES } from '../../core/import/decode'
import type { Entity, QuoteAnalysis } from '../../core/analysis/types'
import type { ArticleSummary, ExportFile, NoteSummary, ProjectSummary } from '../../core/model'
import { chromiumPdfRenderer } from '../export/pdf-chromium'
import { appRoot, defaultDataDir } from '../paths'
import { createBackend, type Backend, type BackendApi, type BackendOptions } from '../services'
import { dispatch } from '../services/dispatch'
import { splitEquals } from '../web/args'
import { fileErrorMessage, writeFileAtomic } from './write'

export interface CliIo {
  out: (s: string) => void
  err: (s: string) => void
  env?: NodeJS.ProcessEnv
  /** Folder holding resources/ (the sample). Default: the app root. */
  resourcesDir?: string
  /** For tests: opens the backend (default createBackend). */
  openBackend?: (opts: BackendOptions) => Backend
}

export const HELP = `Gloss — read closely, highlight, write a cited analysis, export an annotated report.

Usage:
  gloss import FILE|URL [--format FORMAT] [--password PASSWORD] [--project ID] [--data-dir DIR]
      Import a file (web page, PDF, EPUB, Word, Markdown or text) or the page at a web address
      (http or https; fetched once, only when you ask). With --project, the source joins that project.
  gloss reimport [FILE|URL] --article ID [--format FORMAT] [--password PASSWORD] [--data-dir DIR]
      Update an article from a newer version of its file or page (without FILE or URL: from the web
      address it came from). Highlights and citations follow the text; removed paragraphs are kept
      aside and what pointed at them shows as "could not be placed".
  gloss list [--data-dir DIR]
      List the articles: id, title and number of highlights, tab-separated.
  gloss projects [--data-dir DIR]
      List the projects: id, title and number of sources, tab-separated.
  gloss projects create TITLE [--data-dir DIR]
      Create a project; prints its id.
  gloss projects add --project ID --article ID [--data-dir DIR]
      Add a source to a project (a source can be in several projects).
  gloss notes [--data-dir DIR]
      List the notes: id, title, and the project or article each belongs to, tab-separated.
  gloss export --article ID|--note ID|--project ID --format pdf|md|html|json --out FILE
               [--page-size A4|Letter] [--scope full|annotated] [--style apa|chicago-author-date|harvard]
               [--analyst NAME] [--data-dir DIR]
      Write the annotated report of an article (with the notes about it), of one note, or of a whole
      project: the analysis with numbered citations, a bibliography in the chosen style, the cited and
      highlighted passages of every source (--scope full: their whole text), highlights by tag, and
      for a project its competing-hypotheses (ACH) matrices.
  gloss quotes --article ID [--data-dir DIR]
      Who said what: one line per direct quotation — speaker (with the role the text gives), paragraph
      and the quoted words, tab-separated. "(unattributed)" when the text does not say who said it.
  gloss entities --article ID [--data-dir DIR]
      The people, organisations and places the article mentions: name, type, number of mentions and
      the paragraphs they are in, tab-separated, most mentioned first.
  gloss import-annotations FILE --article ID [--data-dir DIR]
      Restore highlights from a W3C Web Annotation JSON export of the same article.
  gloss help
      Show this help.

The library lives in --data-dir (default: $XDG_DATA_HOME/gloss or ~/.local/share/gloss).
`

class UsageError extends Error {}
class CommandError extends Error {}

interface Parsed {
  command: string
  positional: string[]
  flags: Map<string, string>
}

const VALUE_FLAGS = new Set(['--data-dir', '--format', '--article', '--note', '--project', '--out', '--page-size', '--scope', '--style', '--analyst', '--password'])

/** "https://…", "http://…" or "www.…": a web address rather than a file name. */
const isWebAddress = (arg: string): boolean => /^(?:https?:\/\/|www\.)/i.test(arg.trim())

function parse(argv: string[]): Parsed {
  const args = splitEquals(argv)
  const command = args[0] ?? 'help'
  const positional: string[] = []
  const flags = new Map<string, string>()
  for (let i = 1; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('--')) {
      if (!VALUE_FLAGS.has(a)) throw new UsageError(`Unknown option "${a}".`)
      const v = args[++i]
      if (v === undefined) throw new UsageError(`${a} needs a value.`)
      if (flags.has(a)) throw new UsageError(`${a} is given twice.`)
      flags.set(a, v)
    } else positional.push(a)
  }
  return { command, positional, flags }
}

function allowOnly(p: Parsed, allowed: string[], positionals: number): void {
  for (const f of p.flags.keys()) if (!allowed.includes(f)) throw new UsageError(`"gloss ${p.command}" does not take ${f}.`)
  if (p.positional.length > positionals) throw new UsageError(`Unexpected argument "${p.positional[positionals]}".`)
}

/** A title as one tab-free cell of a tab-separated line. */
const cell = (s: string): string => s.replace(/[\t\n\r]+/g, ' ').trim()

function need(p: Parsed, flag: string): string {
  const v = p.flags.get(flag)
  if (v === undefined) throw new UsageError(`"gloss ${p.command}" needs ${flag}.`)
  return v
}

async function call<T>(api: BackendApi, method: string, args: unknown[]): Promise<T> {
  const envelope = await dispatch(api, method, args)
  if (!envelope.ok) throw new CommandError(envelope.error.message)
  return envelope.result as T
}

/** Reads a file to import, refusing one over the import limit before reading it. */
function readInput(file: string): Buffer {
  try {
    const { size } = statSync(file)
    if (size > MAX_IMPORT_BYTES) {
      throw new CommandError(`This file is too large to import: it is ${formatBytes(size)} and the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`)
    }
    return readFileSync(file)
  } catch (error) {
    if (error instanceof CommandError) throw error
    throw new CommandError(fileErrorMessage(error, file, 'read'))
  }
}

const INTERNAL = 'Something went wrong inside Gloss. Run the command again with GLOSS_DEBUG=1 to see the details.'

/** Full details of an error (its stack, and its cause's), for GLOSS_DEBUG=1. */
function details(error: unknown): string {
  const stack = (e: unknown): string => (e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e))
  const cause = (error as { cause?: unknown } | null)?.cause
  return cause === undefined ? stack(error) : `${stack(error)}\nCaused by: ${stack(cause)}`
}

/** A message on one line. */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim()

/**
 * The backend as the CLI hands it to dispatch: an error that is not a GlossError becomes the generic internal
 * one here, so dispatch never prints its stack to the terminal; GLOSS_DEBUG=1 prints every error's details.
 */
function quietBackend(backend: BackendApi, debug: (error: unknown) => void): BackendApi {
  return new Proxy(backend, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver)
      if (typeof value !== 'function') return value
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        } catch (error) {
          debug(error)
          if (error instanceof GlossError || (error as Error)?.name === 'GlossError') throw error
          throw new GlossError('internal', INTERNAL)
        }
      }
    }
  })
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const debugging = (io.env ?? process.env).GLOSS_DEBUG === '1'
  const debug = (error: unknown): void => {
    if (debugging) io.err(`gloss: details: ${details(error)}\n`)
  }
  let parsed: Parsed
  try {
    parsed = parse(argv)
  } catch (error) {
    io.err(`gloss: ${(error as Error).message}\nRun "gloss help" for usage.\n`)
    return 2
  }
  if (['help', '--help', '-h'].includes(parsed.command)) {
    io.out(HELP)
    return 0
  }
  const p = parsed
  const commands: Record<string, { check: () => void; run: (api: BackendApi) => Promise<void> }> = {
    import: {
      check: () => {
        allowOnly(p, ['--data-dir', '--format', '--password', '--project'], 1)
        if (!p.positional[0]) throw new UsageError('"gloss import" needs a FILE or a web address to import.')
        if (isWebAddress(p.positional[0]) && p.flags.has('--format')) throw new UsageError('--format is for files; a web address says what it is.')
      },
      run: async (api) => {
        const source = p.positional[0]
        const project = p.flags.has('--project') ? { projectId: p.flags.get('--project') } : {}
        let result: ImportResult
        if (isWebAddress(source)) {
          io.err(`Fetching ${source}…\n`)
          result = await call<ImportResult>(api, 'importUrl', [{ url: source, ...project }])
        } else {
          const req: Record<string, unknown> = { name: basename(source), base64: readInput(source).toString('base64'), ...project }
          if (p.flags.has('--format')) req.format = p.flags.get('--format')
          if (p.flags.has('--password')) req.password = p.flags.get('--password')
          result = await call<ImportResult>(api, 'importFile', [req])
        }
        io.out(`Imported ${result.article.id} ${result.article.title} (${plural(result.article.paragraphCount, 'paragraph')})\n`)
        for (const w of result.warnings) io.err(`Warning: ${w}\n`)
      }
    },
    reimport: {
      check: () => {
        allowOnly(p, ['--data-dir', '--article', '--format', '--password'], 1)
        need(p, '--article')
      },
      run: async (api) => {
        const source = p.positional[0]
        const req: Record<string, unknown> = { articleId: need(p, '--article') }
        if (source && isWebAddress(source)) req.url = source
        else if (source) {
          req.name = basename(source)
          req.base64 = readInput(source).toString('base64')
        }
        if (!source || isWebAddress(source)) io.err(`Fetching ${source ?? 'the article’s web address'}…\n`)
        if (p.flags.has('--format')) req.format = p.flags.get('--format')
        if (p.flags.has('--password')) req.password = p.flags.get('--password')
        const r = await call<ReimportResult>(api, 'reimportArticle', [req])
        io.out(
          `Updated ${r.article.id} ${r.article.title}: ${r.kept} unchanged, ${r.edited} edited, ${r.added} added, ${r.removed} removed ` +
            `(${plural(r.article.paragraphCount, 'paragraph')} now)\n`
        )
        for (const w of r.warnings) io.err(`Warning: ${w}\n`)
      }
    },
    list: {
      check: () => allowOnly(p, ['--data-dir'], 0),
      run: async (api) => {
        const list = await call<ArticleSummary[]>(api, 'listArticles', [])
        for (const a of list) io.out(`${a.id}\t${cell(a.title)}\t${plural(a.highlightCount, 'highlight')}\n`)
      }
    },
    projects: {
      check: () => {
        const sub = p.positional[0]
        if (sub === undefined) allowOnly(p, ['--data-dir'], 0)
        else if (sub === 'create') {
          allowOnly(p, ['--data-dir'], 2)
          if (!p.positional[1]?.trim()) throw new UsageError('"gloss projects create" needs the TITLE of the new project.')
        } else if (sub === 'add') {
          allowOnly(p, ['--data-dir', '--project', '--article'], 1)
          need(p, '--project')
          need(p, '--article')
        } else throw new UsageError(`"gloss projects" has no "${sub}" command (use create or add).`)
      },
      run: async (api) => {
        const sub = p.positional[0]
        if (sub === 'create') {
          const project = await call<ProjectSummary>(api, 'createProject', [{ title: p.positional[1] }])
          io.out(`${project.id}\n`)
        } else if (sub === 'add') {
          const project = await call<ProjectSummary>(api, 'addToProject', [{ projectId: need(p, '--project'), articleIds: [need(p, '--article')] }])
          io.out(`${project.title}: ${plural(project.sourceCount, 'source')}\n`)
        } else {
          const list = await call<ProjectSummary[]>(api, 'listProjects', [])
          for (const x of list) io.out(`${x.id}\t${cell(x.title)}\t${plural(x.sourceCount, 'source')}\n`)
        }
      }
    },
    notes: {
      check: () => allowOnly(p, ['--data-dir'], 0),
      run: async (api) => {
        const [notes, projects, articles] = await Promise.all([
          call<NoteSummary[]>(api, 'listNotes', []),
          call<ProjectSummary[]>(api, 'listProjects', []),
          call<ArticleSummary[]>(api, 'listArticles', [])
        ])
        const projectTitle = new Map(projects.map((x) => [x.id, x.title]))
        const articleTitle = new Map(articles.map((x) => [x.id, x.title]))
        for (const n of notes) {
          const owner = n.projectId
            ? `project ${cell(projectTitle.get(n.projectId) ?? n.projectId)}`
            : n.articleId
              ? `article ${cell(articleTitle.get(n.articleId) ?? n.articleId)}`
              : 'free note'
          io.out(`${n.id}\t${cell(n.title) || 'Untitled note'}\t${owner}\n`)
        }
      }
    },
    export: {
      check: () => {
        allowOnly(p, ['--data-dir', '--article', '--note', '--project', '--format', '--out', '--page-size', '--scope', '--style', '--analyst'], 0)
        const subjects = ['--article', '--note', '--project'].filter((f) => p.flags.has(f))
        if (subjects.length !== 1) throw new UsageError('"gloss export" needs exactly one of --article, --note or --project (what the report covers).')
        for (const f of ['--format', '--out']) need(p, f)
      },
      run: async (api) => {
        const req = {
          articleId: p.flags.get('--article') ?? null,
          noteId: p.flags.get('--note') ?? null,
          projectId: p.flags.get('--project') ?? null,
          format: need(p, '--format'),
          pageSize: p.flags.get('--page-size') ?? 'A4',
          scope: p.flags.get('--scope') ?? 'full',
          style: p.flags.get('--style') ?? 'apa',
          analyst: p.flags.get('--analyst') ?? ''
        }
        const out = resolve(need(p, '--out'))
        const file = await call<ExportFile>(api, 'exportReport', [req])
        try {
          writeFileAtomic(out, Buffer.from(file.base64, 'base64'))
        } catch (error) {
          throw new CommandError(fileErrorMessage(error, out, 'write'))
        }
        io.out(`Exported ${req.format.toUpperCase()} report to ${out} (${file.byteLength.toLocaleString('en-US')} bytes)\n`)
      }
    },
    quotes: {
      check: () => {
        allowOnly(p, ['--data-dir', '--article'], 0)
        need(p, '--article')
      },
      run: async (api) => {
        const q = await call<QuoteAnalysis>(api, 'listQuotes', [need(p, '--article')])
        for (const x of q.quotations) {
          const numbers = [...new Set(x.pieces.map((piece) => piece.number))]
          const where = numbers.length > 1 ? `¶${numbers[0]}–${numbers[numbers.length - 1]}` : `¶${numbers[0]}`
          io.out(`${cell(x.speaker?.label ?? '(unattributed)')}\t${where}\t${cell(x.text)}\n`)
        }
        if (!q.quotations.length) io.err('No quotations found in this article.\n')
      }
    },
    entities: {
      check: () => {
        allowOnly(p, ['--data-dir', '--article'], 0)
        need(p, '--article')
      },
      run: async (api) => {
        const list = await call<Entity[]>(api, 'listEntities', [need(p, '--article')])
        for (const e of list) io.out(`${cell(e.name)}\t${e.type}\t${e.count}\t${e.paragraphs.map((x) => `¶${x.number}`).join(' ')}\n`)
        if (!list.length) io.err('No people, organisations or places found in this article.\n')
      }
    },
    'import-annotations': {
      check: () => {
        allowOnly(p, ['--data-dir', '--article'], 1)
        if (!p.positional[0]) throw new UsageError('"gloss import-annotations" needs the JSON FILE to read.')
        need(p, '--article')
      },
      run: async (api) => {
        const json = readInput(p.positional[0]).toString('utf8')
        const r = await call<{ created: number; skipped: number; warnings: string[] }>(api, 'importAnnotations', [
          { articleId: need(p, '--article'), json }
        ])
        io.out(`Created ${plural(r.created, 'highlight')}${r.skipped ? ` (${r.skipped} skipped)` : ''}\n`)
        for (const w of r.warnings) io.err(`Warning: ${w}\n`)
      }
    }
  }
  const command = commands[p.command]
  if (!command) {
    io.err(`gloss: unknown command "${p.command}".\nRun "gloss help" for usage.\n`)
    return 2
  }
  // Usage is checked before the library is opened, so that a typo never creates a data folder.
  try {
    command.check()
  } catch (error) {
    io.err(`gloss: ${(error as Error).message}\nRun "gloss help" for usage.\n`)
    return 2
  }
  const dataDir = p.flags.get('--data-dir') ?? defaultDataDir(io.env ?? process.env)
  const pdf = chromiumPdfRenderer()
  let backend: ReturnType<typeof createBackend> | null = null
  try {
    const open = io.openBackend ?? createBackend
    backend = open({ dataDir, mode: 'web', resourcesDir: io.resourcesDir ?? resolve(appRoot(__dirname), 'resources'), pdf })
    await command.run(quietBackend(backend, debug))
    return 0
  } catch (error) {
    // CommandError and GlossError messages are written for a person; anything else is a bug.
    const known = error instanceof CommandError || error instanceof GlossError
    if (!(error instanceof CommandError)) debug(error)
    io.err(`gloss: ${known ? oneLine((error as Error).message) : INTERNAL}\n`)
    return 1
  } finally {
    await backend?.close().catch(debug)
    await pdf.close().catch(debug)
  }
}
