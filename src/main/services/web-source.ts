// A web address -> an import source: the page fetched (http/https only, redirects, time and size limits, charset),
// ready for the same pipeline as a file. Network access happens only here, and only when the user asked for it.
import type { ImportSource } from '../../core/import/pipeline'
import { nameFromUrl } from '../../core/import/details'
import { normalizeWebAddress } from '../../core/import/url'
import { fetchPage } from '../net/fetch-page'
import type { Ctx } from './context'

export interface WebSource {
  source: ImportSource
  finalUrl: string
  fetchedAt: string
}

export async function fetchWebSource(ctx: Ctx, input: string, signal: AbortSignal): Promise<WebSource> {
  const url = normalizeWebAddress(input)
  const page = await (ctx.opts.fetchPage ?? fetchPage)(url, { signal })
  return {
    source: { name: nameFromUrl(page.finalUrl), bytes: page.bytes, contentType: page.contentType, charset: page.charset, url: page.finalUrl },
    finalUrl: page.finalUrl,
    fetchedAt: page.fetchedAt
  }
}
