// The paragraph reference ("backlink chip"): an inline atom pointing at one paragraph of an article.
import { Node, mergeAttributes } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { VueNodeViewRenderer } from '@tiptap/vue-3'
import { PARAGRAPH_REF_NODE, type ParagraphRefAttrs } from '@core/model'
import type { CitePayload } from '@renderer/composables/useWorkspace'
import { citationContent, refNode } from './citation'
import type { RefContext } from './refContext'
import ParagraphRefView from './ParagraphRefView.vue'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    paragraphRef: {
      /** Inserts a reference chip (and a space after it) at the selection. */
      insertParagraphRef: (attrs: ParagraphRefAttrs) => ReturnType
      /**
       * Inserts the cited passage(s) as a blockquote followed by a paragraph with the reference chip(s):
       * at the cursor when the person has placed one in this note, else at the end of the note.
       */
      insertCitation: (payload: CitePayload) => ReturnType
    }
  }
}

export interface ParagraphRefOptions {
  context: RefContext | null
}

export interface ParagraphRefStorage {
  /** True once the person has placed the cursor in this editor: citations then go where the cursor is. */
  hadCursor: boolean
}

function attr(name: string) {
  return {
    default: '',
    parseHTML: (el: HTMLElement) => el.getAttribute(name) ?? '',
    renderHTML: () => ({})
  }
}

export const ParagraphRef = Node.create<ParagraphRefOptions, ParagraphRefStorage>({
  name: PARAGRAPH_REF_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { context: null }
  },

  addStorage() {
    return { hadCursor: false }
  },

  onFocus() {
    this.storage.hadCursor = true
  },

  addAttributes() {
    return {
      articleId: attr('data-article-id'),
      paragraphId: attr('data-paragraph-ref'),
      quote: attr('data-quote'),
      label: attr('data-label')
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-paragraph-ref]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as ParagraphRefAttrs
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        'data-paragraph-ref': a.paragraphId,
        'data-article-id': a.articleId,
        'data-quote': a.quote,
        'data-label': a.label
      }),
      `¶${a.label || '?'}`
    ]
  },

  renderText({ node }) {
    return `¶${(node.attrs as ParagraphRefAttrs).label || '?'}`
  },

  addNodeView() {
    const render = VueNodeViewRenderer(ParagraphRefView)
    return (props) => {
      const view = render(props) as ReturnType<typeof render> & { handleSelectionUpdate?: () => void }
      // ProseMirror selects and deselects a chip itself (a NodeSelection calls selectNode/deselectNode); the listener
      // TipTap adds besides would look every chip's position up again on every keystroke of a long note.
      if (typeof view.handleSelectionUpdate === 'function') props.editor.off('selectionUpdate', view.handleSelectionUpdate)
      return view
    }
  },

  addCommands() {
    return {
      insertParagraphRef:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent([refNode(attrs), { type: 'text', text: ' ' }]),
      insertCitation:
        (payload) =>
        ({ editor, chain }) => {
          const content = citationContent(payload)
          if (content.length === 0) return false
          const { doc, selection } = editor.state
          if (editor.isFocused || this.storage.hadCursor) {
            // At the cursor, never replacing a selection. At the end of a paragraph (or in an empty one) the
            // citation goes after (or instead of) that paragraph rather than splitting it.
            const $to = doc.resolve(selection.to)
            const parent = $to.parent
            if (parent.isTextblock && $to.depth > 0) {
              const after = parent.textBetween($to.parentOffset, parent.content.size, ' ', ' ')
              if (parent.content.size === 0) {
                return chain().insertContentAt({ from: $to.before(), to: $to.after() }, content).scrollIntoView().run()
              }
              if (!after.trim()) return chain().insertContentAt($to.after(), content).scrollIntoView().run()
            }
            return chain().setTextSelection(selection.to).insertContent(content).scrollIntoView().run()
          }
          // No cursor placed yet: append. An empty note: replace its single empty paragraph.
          const range = editor.isEmpty ? { from: 0, to: doc.content.size } : doc.content.size
          return chain().insertContentAt(range, content).scrollIntoView().run()
        }
    }
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const sel = editor.state.selection
        if (!(sel instanceof NodeSelection) || sel.node.type.name !== this.name) return false
        this.options.context?.open(sel.node.attrs as ParagraphRefAttrs)
        return true
      }
    }
  }
})
