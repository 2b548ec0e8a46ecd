// Quote integrity in the notes editor: each quotation the last check found beside a chip is marked — a subtle mark
// for one word for word as in its paragraph, a wavy underline with the difference in its tooltip for one that differs
// or is not in the source. The marks are decorations (never part of the note), set with `setQuoteChecks` and moved
// along with the text as the person types until the next check replaces them.
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { IntegrityStatus } from '@core/analysis/types'

export interface QuoteMark {
  from: number
  to: number
  status: IntegrityStatus
  /** The tooltip (what differs). */
  title: string
  /** Which check it is (the notes pane's list points at it). */
  index: number
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    quoteIntegrity: {
      /** Replaces the quotation marks (positions in the current document). */
      setQuoteChecks: (marks: QuoteMark[]) => ReturnType
    }
  }
}

export const quoteIntegrityKey = new PluginKey<DecorationSet>('quoteIntegrity')

const CLASS: Record<IntegrityStatus, string> = {
  exact: 'quote-verified',
  differs: 'quote-differs',
  not_in_source: 'quote-missing',
  source_missing: 'quote-missing'
}

export const QuoteIntegrity = Extension.create({
  name: 'quoteIntegrity',

  addCommands() {
    return {
      setQuoteChecks:
        (marks) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(quoteIntegrityKey, marks).setMeta('addToHistory', false)
          return true
        }
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: quoteIntegrityKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const marks = tr.getMeta(quoteIntegrityKey) as QuoteMark[] | undefined
            if (marks) {
              const size = tr.doc.content.size
              const decos = marks
                .filter((m) => m.from < m.to && m.to <= size)
                .map((m) =>
                  Decoration.inline(m.from, m.to, {
                    class: CLASS[m.status],
                    title: m.title,
                    'data-quote-status': m.status,
                    'data-quote-index': String(m.index)
                  })
                )
              return DecorationSet.create(tr.doc, decos)
            }
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set
          }
        },
        props: {
          decorations: (state) => quoteIntegrityKey.getState(state)
        }
      })
    ]
  }
})
