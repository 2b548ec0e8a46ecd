// gloss share / join / sync --once / members, against a team server on 127.0.0.1.
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../cli/run'
import { createBackend } from '../services'
import { recordingPdf, removeTempDirs, RESOURCES, target, tempDir } from '../services/test-helpers'
import { startTeamServer, type TeamServer } from './server/server'

let server: TeamServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})
afterAll(() => removeTempDirs())

async function cli(args: string[], io: Partial<CliIo> = {}) {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), env: {}, resourcesDir: RESOURCES, ...io })
  return { code, out, err }
}

describe('gloss share, join and sync', () => {
  it('shares a project, joins it from the invite, and syncs changes both ways with --once', async () => {
    server = await startTeamServer({ dataDir: tempDir(), port: 0 })
    const ana = tempDir()
    const ben = tempDir()
    const project = (await cli(['projects', 'create', 'Joint brief', '--data-dir', ana])).out.trim()
    const article = (await cli(['list', '--data-dir', ana])).out.split('\t')[0]
    expect((await cli(['projects', 'add', '--project', project, '--article', article, '--data-dir', ana])).code).toBe(0)

    const share = await cli(['share', '--project', project, '--server', server.url, '--role', 'commenter', '--name', 'Ana', '--data-dir', ana])
    expect(share).toMatchObject({ code: 0, err: '' })
    const invite = share.out.trim()
    expect(invite).toMatch(/^gloss-invite:[A-Za-z0-9_-]+$/)
    const join = await cli(['join', invite, '--name', 'Ben', '--data-dir', ben])
    expect(join.code).toBe(0)
    expect(join.out).toBe(`${project}\n`)
    expect(join.err).toMatch(/Joined "Joint brief" \(1 source, 0 notes\)/)
    expect((await cli(['projects', '--data-dir', ben])).out).toBe(`${project}\tJoint brief\t1 source\n`)

    // Ben (a commenter) highlights offline, then syncs once; Ana syncs once and has it.
    const b = createBackend({ dataDir: ben, mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf() })
    const p = (await b.getArticle(article)).paragraphs[1]
    await b.createHighlight({ articleId: article, color: 'blue', comment: 'Ben: check this', targets: [target(p, p.text.slice(0, 10))] })
    await b.close()
    expect((await cli(['sync', '--once', '--data-dir', ben])).out).toBe(`${project}\tsynced\t0 pending changes\n`)
    expect((await cli(['sync', '--once', '--data-dir', ana])).code).toBe(0)
    expect((await cli(['list', '--data-dir', ana])).out).toMatch(new RegExp(`^${article}\\t.*\\t1 highlight`, 'm'))

    const members = (await cli(['members', '--project', project, '--data-dir', ana])).out
    expect(members).toMatch(/\towner\tAna\n/)
    expect(members).toMatch(/\tcommenter\tBen\n/)
    // A commenter may not rename the project: refused in words, nothing changed.
    const rename = await createBackend({ dataDir: ben, mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf() })
    await expect(rename.renameProject({ id: project, title: 'Ben’s brief' })).rejects.toThrow(/commenter/)
    expect((await rename.listProjects())[0].title).toBe('Joint brief')
    await rename.close()
  }, 60_000)

  it('says in one line when a server cannot be reached or an invite is not one', async () => {
    const dir = tempDir()
    const project = (await cli(['projects', 'create', 'P', '--data-dir', dir])).out.trim()
    const r = await cli(['share', '--project', project, '--server', 'http://example.org', '--data-dir', dir])
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/^gloss: The team server address must start with ws:\/\/ or wss:\/\//) })
    expect((await cli(['join', 'hello', '--data-dir', dir])).err).toMatch(/^gloss: This is not a Gloss invite/)
    expect((await cli(['sync', '--data-dir', dir])).code).toBe(2)
  })
})
