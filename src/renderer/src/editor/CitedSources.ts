// Keeps the ref context told which sources the note cites, so chips know whether to name their source
// ("Grain memo ¶12") or not ("¶12"). Runs on load and on every change of the document.
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { PARAGRAPH_REF_NODE } from '@core/model'
import type { RefContext } from './refContext'

export interface CitedSourcesOptions {
  context: RefContext | null
}

function citedIn(doc: PMNode): string[] {
  const ids = new Set<string>()
  doc.descendants((node) => {
    if (node.type.name === PARAGRAPH_REF_NODE) {
      const id = node.attrs.articleId as string
      if (id) ids.add(id)
      return false
    }
    return true
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
