// The renderer's only door to the backend. It picks the transport once: Electron IPC through the
// preload when present, else the loopback HTTP bridge of web mode. Callers see one typed GlossApi.
import { GlossError, HTTP_API_PREFIX, fromWire, type ApiMethod, type Envelope, type GlossApi, type MenuCommand } from '@core/api'
import type { ExportFile } from '@core/model'

const TOKEN_KEY = 'gloss.token'

function webToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    // Keep the token out of the address bar, history and screenshots.
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

type Call = (method: ApiMethod, args: unknown[]) => Promise<unknown>

function unwrap(envelope: Envelope): unknown {
  if (envelope.ok) return envelope.result
  throw fromWire(envelope.error)
}

function httpCall(token: string): Call {
  return async (method, args) => {
    let response: Response
    const body = JSON.stringify({ args })
    try {
      response = await fetch(`${HTTP_API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gloss-token': token },
        body,
        // Lets a save started as the tab closes still reach the backend (browsers cap keepalive bodies at 64 KiB).
        keepalive: body.length < 60_000
      })
    } catch {
      throw new GlossError('internal', 'Gloss could not reach its backend. Is the Gloss process still running?')
    }
    let envelope: Envelope
    try {
      envelope = (await response.json()) as Envelope
    } catch {
      throw new GlossError('internal', `The backend answered ${response.status} without a readable reply.`)
    }
    return unwrap(envelope)
  }
}

function downloadInBrowser(file: ExportFile): Promise<{ saved: boolean }> {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return Promise.resolve({ saved: true })
}

function createApi(): GlossApi {
  const bridge = window.glossBridge
  const call: Call = bridge ? async (method, args) => unwrap(await bridge.invoke(method, args)) : httpCall(webToken())
  return new Proxy({} as GlossApi, {
    get(_target, prop: string) {
      if (prop === 'saveFile' && !bridge) return downloadInBrowser
      return (...args: unknown[]) => call(prop as ApiMethod, args)
    }
  })
}

export const api: GlossApi = createApi()

/** Native menu commands (Electron only; web mode uses in-page shortcuts for the same actions). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.glossBridge?.onMenuCommand(listener) ?? (() => {})
}

/**
 * Registers work that must finish before the app goes away (saving notes). In Electron the window waits for it;
 * in a browser tab it runs on `pagehide`/hidden visibility, where the browser gives no such guarantee — which is why
 * notes also save on a short debounce while typing.
 */
export function onBeforeClose(task: () => Promise<void>): () => void {
  if (window.glossBridge) return window.glossBridge.onBeforeClose(task)
  const onHide = (): void => void task()
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void task()
  }
  window.addEventListener('pagehide', onHide)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    window.removeEventListener('pagehide', onHide)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}

export type { MenuCommand }
