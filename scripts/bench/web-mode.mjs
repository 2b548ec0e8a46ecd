// Web mode for the browser benchmarks: Gloss's own start script on a free loopback port with a throwaway library,
// resolved with the address it prints (token included); stopped with its whole process group.
import { spawn } from 'node:child_process'
import { ROOT } from '../ensure-build.mjs'

export function startWebMode(dataDir) {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-open', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, GLOSS_NO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${out}`)), 30_000)
    child.stdout.on('data', (chunk) => {
      out += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[1] })
      }
    })
    child.stderr.on('data', (c) => (out += c.toString()))
    child.on('exit', (code) => reject(new Error(`web mode exited (${code}):\n${out}`)))
  })
}

export function stopWebMode(child) {
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    /* gone */
  }
}
