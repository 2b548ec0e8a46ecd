// jsdom takes seconds to load: load it on the first HTML import, not at start-up (web mode, Electron, CLI).
import { createRequire } from 'node:module'
import type * as JsdomModule from 'jsdom'

const load = createRequire(import.meta.url)
let cached: typeof JsdomModule.JSDOM | null = null

export function JSDOMClass(): typeof JsdomModule.JSDOM {
  cached ??= (load('jsdom') as typeof JsdomModule).JSDOM
  return cached
}
