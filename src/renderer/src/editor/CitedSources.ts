// Keeps the ref context told which sources the note cites, so chips know whether to name their source
// ("Grain memo ¶12") or not ("¶12"). Runs on load and on every change of the document, reading again only the
// top-level blocks the change touched (unchanged blocks keep their node identity, so their answer is cached).
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
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

export const CitedSources = Extension.create<CitedSourcesOptions>({
  name: 'citedSources',

  addOptions() {
    return { context: null }
  },

  addProseMirrorPlugins() {
    const context = this.options.context
    return [
      new Plugin({
        key: new PluginKey('citedSources'),
        view(view) {
          context?.setCited(citedIn(view.state.doc))
          return {
            update(v, prev) {
              if (!v.state.doc.eq(prev.doc)) context?.setCited(citedIn(v.state.doc))
            }
          }
        }
      })
    ]
  }
})
