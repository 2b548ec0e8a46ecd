// Is what was pasted or dropped a web address to import? Only an explicit http(s) address on its own counts (a
// paragraph drag, a selection or a sentence with a link in it never does).

const SINGLE_ADDRESS = /^https?:\/\/[^\s<>"]+$/i

/** The http(s) address in a text/uri-list (its first entry) or a plain text, else null. */
export function webAddressFrom(uriList: string, plain: string): string | null {
  const first = uriList
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('#'))
  for (const candidate of [first ?? '', plain.trim()]) {
    if (!SINGLE_ADDRESS.test(candidate)) continue
    try {
      const url = new URL(candidate)
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return url.href
    } catch {
      /* not an address */
    }
  }
  return null
}

/** The web address carried by a paste or a drop, if that is all it carries. */
export function webAddressIn(data: DataTransfer | null): string | null {
  if (!data) return null
  return webAddressFrom(data.getData('text/uri-list'), data.getData('text/plain'))
}
