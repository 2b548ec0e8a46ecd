// `[[` citation suggestion: typing `[[` followed by words lists matching paragraphs — the note's article (or the
// source open in the reader) first, then its project's sources, then the library (the backend's suggestParagraphs);
// Enter inserts a reference chip in place of the typed `[[query`, Escape closes and leaves the text.
import { Extension, type Editor } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import { Suggestion, type SuggestionProps } from '@tiptap/suggestion'
import { VueRenderer } from '@tiptap/vue-3'
import { PARAGRAPH_REF_NODE } from '@core/model'
import type { ParagraphSuggestion as Option } from '@core/api'
import { workspace } from '@renderer/composables/useWorkspace'
import type { RefContext } from './refContext'
import ParagraphSuggestionList from './ParagraphSuggestionList.vue'

export const paragraphSuggestionKey = new PluginKey('paragraphSuggestion')

export interface ParagraphSuggestionOptions {
  context: RefContext | null
}

const MARGIN = 8

/** Places the popup under the caret (above when there is no room), kept inside the notes pane. */
function place(el: HTMLElement, editor: Editor, rect: DOMRect | null): void {
  if (!rect) return
  const pane = (editor.view.dom.closest('[data-notes-pane]') as HTMLElement | null) ?? document.documentElement
  const bounds = pane === document.documentElement ? new DOMRect(0, 0, window.innerWidth, window.innerHeight) : pane.getBoundingClientRect()
  const width = Math.min(el.offsetWidth || 360, bounds.width - 2 * MARGIN)
  el.style.maxWidth = `${Math.max(200, bounds.width - 2 * MARGIN)}px`
  const height = el.offsetHeight
  let left = rect.left
  left = Math.min(left, bounds.right - width - MARGIN)
  left = Math.max(left, bounds.left + MARGIN)
  let top = rect.bottom + 4
  if (top + height > Math.min(bounds.bottom, window.innerHeight) - MARGIN && rect.top - height - 4 > bounds.top) {
    top = rect.top - height - 4
  }
  el.style.left = `${Math.round(left)}px`
  el.style.top = `${Math.round(top)}px`
}

export const ParagraphSuggestion = Extension.create<ParagraphSuggestionOptions>({
  name: 'paragraphSuggestion',

  addOptions() {
    return { context: null }
  },

  addProseMirrorPlugins() {
    const context = this.options.context
    return [
      Suggestion<Option, Option>({
        editor: this.editor,
        pluginKey: paragraphSuggestionKey,
        char: '[[',
        allowSpaces: true,
        allowedPrefixes: null,
        decorationClass: 'pref-suggest-query',
        allow: ({ editor }) => editor.isEditable,
        items: async ({ query }) => (context ? context.suggest(query) : []),
        command: ({ editor, range, props }) => {
          editor
            .chain()
            .focus()
            .insertContentAt(range, [
              {
                type: PARAGRAPH_REF_NODE,
                attrs: { articleId: props.articleId, paragraphId: props.paragraphId, quote: '', label: String(props.number) }
              },
              { type: 'text', text: ' ' }
            ])
            .run()
        },
        render: () => {
          let renderer: VueRenderer | null = null
          let latest: SuggestionProps<Option, Option> | null = null
          const reposition = (): void => {
            const el = renderer?.element as HTMLElement | null
            if (el && latest) place(el, latest.editor, latest.clientRect?.() ?? null)
          }
          const propsFor = (p: SuggestionProps<Option, Option>) => ({
            items: p.items,
            loading: p.loading,
            unavailable:
              context?.suggestError ??
              (!p.query.trim() && !(context?.note?.articleId ?? workspace.articleId) ? 'Type a few words to find paragraphs in your sources.' : null),
            inProject: !!context?.note?.projectId,
            command: p.command
          })
          return {
            onStart: (p) => {
              latest = p
              renderer = new VueRenderer(ParagraphSuggestionList, { props: propsFor(p), editor: p.editor })
              const el = renderer.element as HTMLElement
              el.classList.add('pref-suggest-popup')
              el.style.position = 'fixed'
              const pane = p.editor.view.dom.closest('[data-notes-pane]') ?? document.body
              pane.appendChild(el)
              requestAnimationFrame(reposition)
              window.addEventListener('resize', reposition)
              window.addEventListener('scroll', reposition, true)
            },
            onUpdate: (p) => {
              latest = p
              renderer?.updateProps(propsFor(p))
              requestAnimationFrame(reposition)
            },
            onKeyDown: ({ event }) => {
              if (event.key === 'Escape') return true
              return (renderer?.ref as { onKeyDown?: (e: KeyboardEvent) => boolean } | null)?.onKeyDown?.(event) ?? false
            },
            onExit: () => {
              window.removeEventListener('resize', reposition)
              window.removeEventListener('scroll', reposition, true)
              renderer?.element?.remove()
              renderer?.destroy()
              renderer = null
              latest = null
            }
          }
        }
      })
    ]
  }
})
