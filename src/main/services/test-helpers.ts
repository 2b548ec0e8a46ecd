// Test helpers (imported only by *.test.ts): real backends over real SQLite files in temp folders.
import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import { targetAt } from '../../core/anchoring/targets'
import { GlossError } from '../../core/api'
import type { Article, HighlightSegmentTarget, Paragraph, PMNode } from '../../core/model'
import { tempDir } from '../db/test-temp'
import { backendOn, createBackend, DB_FILE, openLibrary, type PdfRenderer } from '.'

export const RESOURCES = resolve(__dirname, '..', '..', '..', 'resources')

export { removeTempDirs, tempDir } from '../db/test-temp'

/** A PDF renderer for tests that do not look at PDFs: it records what it was asked to print. */
export function recordingPdf(): PdfRenderer & { calls: { html: string; title: string; kind?: string }[] } {
  const calls: { html: string; title: string; kind?: string }[] = []
  const fn = async (html: string, o: { title: string; kind?: string }): Promise<Uint8Array> => {
    calls.push({ html, title: o.title, kind: o.kind })
    return new TextEncoder().encode('%PDF-1.7 test')
  }
  return Object.assign(fn, { calls })
}

export function openBackend(dataDir = tempDir(), opts: { resourcesDir?: string; pdf?: PdfRenderer } = {}) {
  const backend = createBackend({ dataDir, mode: 'web', resourcesDir: opts.resourcesDir ?? RESOURCES, pdf: opts.pdf ?? recordingPdf() })
  return { backend, dataDir }
}

/**
 * A backend whose own SQLite connection `adjust` changes first (and which is returned too): per-connection settings
 * such as a low max_page_count (the "disk" fills up: SQLITE_FULL) or a short busy_timeout cannot be set from another
 * connection.
 */
export function openBackendWith(
  adjust: (db: Database.Database) => void,
  dataDir = tempDir()
): { backend: ReturnType<typeof backendOn>; dataDir: string; db: Database.Database } {
  const ctx = openLibrary({ dataDir, mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf() })
  adjust(ctx.db)
  return { backend: backendOn(ctx), dataDir, db: ctx.db }
}

export const REPO_ROOT = resolve(__dirname, '..', '..', '..')

export interface NodeRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs a TypeScript entry point (e.g. src/main/cli/entry.ts) as its own Node process through tsx.
 * `unprivileged`: as an ordinary user, so that permission bits apply — when the tests run as root (containers),
 * the process runs as nobody (uid/gid 65534); otherwise as the current user.
 */
export function runNode(args: string[], opts: { unprivileged?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<NodeRun> {
  const asNobody = opts.unprivileged && process.getuid?.() === 0
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, GLOSS_DEBUG: '', ...(asNobody ? { HOME: '/tmp' } : {}), ...opts.env },
      ...(asNobody ? { uid: 65534, gid: 65534 } : {})
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

/**
 * Why runNode(…, { unprivileged: true }) cannot work here, or null when it can: as root, the checkout must be
 * readable by nobody (it usually is; not under a private home folder, say).
 */
export function unprivilegedUnavailable(): string | null {
  if (process.platform === 'win32') return 'permission bits do not apply on Windows'
  if (process.getuid?.() !== 0) return null
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(join(REPO_ROOT, 'node_modules', 'tsx', 'package.json'))})`], {
    uid: 65534,
    gid: 65534,
    timeout: 20_000
  })
  return probe.status === 0 ? null : `running as root and user nobody (65534) cannot read ${REPO_ROOT}`
}

/** Row counts of every user-data table, read through a separate connection. */
export function rowCounts(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true })
  try {
    const out: Record<string, number> = {}
    for (const t of ['articles', 'paragraphs', 'highlights', 'notes', 'note_refs', 'settings', 'paragraphs_fts', 'notes_fts']) {
      out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    }
    return out
  } finally {
    db.close()
  }
}

/** Runs SQL on the library file through a separate connection (to set up states the API cannot produce). */
export function withDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DB_FILE))
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

/** Selectors for `exact` inside paragraph `p` (first occurrence). */
export function target(p: Paragraph, exact: string): HighlightSegmentTarget {
  const start = p.text.indexOf(exact)
  if (start < 0) throw new Error(`"${exact}" is not in paragraph ${p.index + 1}`)
  return targetAt(p, start, start + exact.length)
}

export function b64(s: string | Uint8Array): string {
  return Buffer.from(typeof s === 'string' ? new TextEncoder().encode(s) : s).toString('base64')
}

/** A note document: one sentence ("text"), with a reference chip to each given paragraph before its final full stop. */
export function docWithRefs(text: string, refs: { articleId: string; paragraphId: string; label: string; quote?: string }[]): PMNode {
  const body = text.replace(/\.$/, '')
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: body },
          ...refs.flatMap((r) => [
            { type: 'text', text: ' ' },
            { type: 'paragraphRef', attrs: { articleId: r.articleId, paragraphId: r.paragraphId, quote: r.quote ?? '', label: r.label } }
          ]),
          { type: 'text', text: '.' }
        ]
      }
    ]
  }
}

/** A backend on a fresh data dir, with the sample article (imported on first run) loaded. */
export async function openWithSample() {
  const { backend, dataDir } = openBackend()
  const [summary] = await backend.listArticles()
  const article: Article = await backend.getArticle(summary.id)
  return { backend, dataDir, article }
}

/** The GlossError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<GlossError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(GlossError)
    return e as GlossError
  }
  throw new Error('expected a rejection')
}
