// Keeps the ref context told which sources the note cites, so chips know whether to name their source
// ("Grain memo ¶12") or not ("¶12"). Read on load, and again only after a change that may add or remove a reference —
// typed text neither inserts nor deletes one, so a keystroke costs a look at its own step — then only from the
// top-level blocks the change touched (unchanged blocks keep their node identity, so their answer is cached).
import { Extension } from '@tiptap/core'
import type { Node as PMNode, Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import { PARAGRAPH_REF_NODE } from '@core/model'
import type { RefContext } from './refContext'

export interface CitedSourcesOptions {
  context: RefContext | null
}

const NONE: readonly string[] = Object.freeze([])
const perBlock = new WeakMap<PMNode, readonly string[]>()

function citedInBlock(block: PMNode): readonly string[] {
  let ids: Set<string> | null = null
  block.descendants((node) => {
    if (node.type.name === PARAGRAPH_REF_NODE) {
      const id = node.attrs.articleId as string
      if (id) (ids ??= new Set()).add(id)
      return false
    }
    return true
  })
  return ids ? [...(ids as Set<string>)] : NONE
}

function citedIn(doc: PMNode): string[] {
  const ids = new Set<string>()
  doc.forEach((block) => {
    let found = perBlock.get(block)
    if (!found) {
      found = block.type.name === PARAGRAPH_REF_NODE ? [block.attrs.articleId as string].filter(Boolean) : citedInBlock(block)
      perBlock.set(block, found)
    }
    for (const id of found) ids.add(id)
  })
  return [...ids]
}

function hasRef(content: { descendants(f: (node: PMNode) => boolean | void): void }): boolean {
  let found = false
  content.descendants((node) => {
    if (node.type.name === PARAGRAPH_REF_NODE) found = true
    return !found
  })
  return found
}

/** Whether a transaction may have inserted, removed or changed a reference (false for typed or deleted text). */
export function mayChangeRefs(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]
    // Other steps (attributes, wrapping, marks) are rare: read again.
    if (!(step instanceof ReplaceStep)) return true
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice }
    if (hasRef(slice.content)) return true
    if (from < to && hasRef(tr.docs[i].slice(from, to).content)) return true
  }
  return false
}

const citedKey = new PluginKey<readonly string[]>('citedSources')

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i])

export const CitedSources = Extension.create<CitedSourcesOptions>({
  name: 'citedSources',

  addOptions() {
    return { context: null }
  },

  addProseMirrorPlugins() {
    const context = this.options.context
    return [
      new Plugin<readonly string[]>({
        key: citedKey,
        state: {
          init: (_config, state) => citedIn(state.doc),
          apply(tr, cited, _old, state) {
            if (!tr.docChanged || !mayChangeRefs(tr)) return cited
            const next = citedIn(state.doc)
            return sameIds(next, cited) ? cited : next
          }
        },
        view(view) {
          context?.setCited([...citedKey.getState(view.state)!])
          return {
            update(v, prev) {
              const cited = citedKey.getState(v.state)!
              if (cited !== citedKey.getState(prev)) context?.setCited([...cited])
            }
          }
        }
      })
    ]
  }
})
