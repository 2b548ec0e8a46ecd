// The peer of the notes-editor typing benchmark (scripts/bench-reader.mjs): TipTap with StarterKit alone, bundled
// for a blank page, with the one inline node Gloss notes hold (paragraph references) as a plain atom — no Vue node
// views, no autosave, no word count. window.mountBare(doc) puts an editor on the page with that content.
import { Editor, Node } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

const ParagraphRef = Node.create({
  name: 'paragraphRef',
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes() {
    return { articleId: { default: '' }, paragraphId: { default: '' }, quote: { default: '' }, label: { default: '' } }
  },
  parseHTML() {
    return [{ tag: 'span[data-paragraph-ref]' }]
  },
  renderHTML({ node }) {
    return ['span', { 'data-paragraph-ref': node.attrs.paragraphId, class: 'chip' }, `¶${node.attrs.label}`]
  }
})

declare global {
  interface Window {
    mountBare(doc: unknown, css?: string): void
  }
}

/** `css`: the host's box and type, copied from Gloss's notes editor so both lay out the same lines. */
window.mountBare = (doc, css = 'height:100vh;overflow:auto;font:16px/1.6 serif;padding:16px 24px;max-width:760px') => {
  const host = document.createElement('div')
  host.style.cssText = css
  document.body.appendChild(host)
  new Editor({
    element: host,
    extensions: [StarterKit, ParagraphRef],
    content: doc as object,
    editorProps: { attributes: { role: 'textbox', 'aria-label': 'Bare TipTap' } }
  })
}
