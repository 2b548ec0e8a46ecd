// The renderer's Content-Security-Policy, sent by both shells: Electron (response header on the session) and the
// web-mode server (HTTP header). src/renderer/index.html carries the same policy as a meta tag.
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
