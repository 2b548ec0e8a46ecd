// The Electron security checklist, applied in one place: CSP, no new windows, no navigation, no permissions.
import type { Session, WebContents } from 'electron'

export { RENDERER_CSP } from '../renderer-csp'

/** Only http(s) and mailto links may leave the app, and only to the user's browser. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:'
  } catch {
    return false
  }
}

export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    // The renderer is a single page: any navigation is either a link click (send to the browser) or an attack.
    event.preventDefault()
    if (isExternalLink(url)) openExternal(url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function hardenSession(ses: Session, csp: string): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
}
