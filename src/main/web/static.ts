// Static files of the built renderer (out/renderer), with no way out of that folder.
import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm'
}

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a URL path to a file inside `root`, or null when the path is malformed, hidden, or escapes `root`.
 * '/' serves index.html.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (decoded === '/' || decoded === '') decoded = '/index.html'
  const segments = decoded.split('/').filter(Boolean)
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null
  const base = resolve(root)
  const file = resolve(base, ...segments)
  if (!file.startsWith(base + sep)) return null
  return file
}

export async function readStatic(root: string, urlPath: string): Promise<{ file: string; body: Buffer } | null> {
  const file = resolveStatic(root, urlPath)
  if (!file) return null
  try {
    const st = await stat(file)
    if (!st.isFile()) return null
    return { file, body: await readFile(file) }
  } catch {
    return null
  }
}
