// The text of one paragraph: each run's source formatting (em, strong, code, sub, sup, del, links) inside its
// highlights' nested <mark>s (oldest outside, newest inside), find-in-article matches and a previewed suggested place
// innermost. A table row renders cell by cell, with the TAB between two cells kept in the DOM as an undisplayed
// separator: the element's textContent is always exactly the paragraph text (textPoints.ts relies on it).
// Which highlight is active or flashing is read per mark from readerFlags, so only the paragraphs holding those
// highlights re-render when it changes.
import { defineComponent, h, type PropType, type VNode } from 'vue'
import { rowCells, type Run, type TextStyle } from './runs'
import { PENDING } from '@renderer/composables/useReader'
import { readerFlags } from './flags'

const STYLE_TAGS: Record<TextStyle, string> = { strong: 'strong', em: 'em', del: 'del', code: 'code', sub: 'sub', sup: 'sup' }

/** A click on a link opens it in the browser, unless the user was selecting text across it. */
function onLinkClick(e: MouseEvent): void {
  const sel = window.getSelection()
  if (sel && !sel.isCollapsed) e.preventDefault()
}

export default defineComponent({
  name: 'ReaderParaText',
  props: {
    runs: { type: Array as PropType<readonly Run[]>, required: true },
    /** Render as table cells (a 'tr' paragraph); `header` makes them column headers. */
    row: { type: Boolean, default: false },
    header: { type: Boolean, default: false }
  },
  setup(props) {
    const { activeHighlight, flashHighlight } = readerFlags

    function renderRun(run: Run): VNode | string {
      let node: VNode | string = run.text
      for (let i = run.styles.length - 1; i >= 0; i--) node = h(STYLE_TAGS[run.styles[i]], { class: 'src-mark' }, [node])
      if (run.find) node = h('mark', { class: ['find-hit', { 'find-current': run.find === 'current' }] }, [node])
      if (run.preview) node = h('span', { class: 'hl-preview' }, [node])
      if (run.href) {
        node = h(
          'a',
          {
            class: 'src-link',
            href: run.href,
            target: '_blank',
            rel: 'noopener noreferrer',
            draggable: 'false',
            title: run.href,
            onClick: onLinkClick
          },
          [node]
        )
      }
      for (let i = run.layers.length - 1; i >= 0; i--) {
        const layer = run.layers[i]
        // A highlight being stored: painted, but not clickable yet (no id to act on).
        if (layer.id.startsWith(PENDING)) {
          node = h('mark', { class: ['hl', `hl-${layer.color}`, 'hl-pending'] }, [node])
          continue
        }
        node = h(
          'mark',
          {
            class: [
              'hl',
              `hl-${layer.color}`,
              {
                'hl-active': activeHighlight.has(layer.id),
                'hl-flash': flashHighlight.has(layer.id),
                'hl-commented': !!layer.comment
              }
            ],
            'data-highlight-id': layer.id,
            'data-color': layer.color,
            title: layer.comment || undefined
          },
          [node]
        )
      }
      return node
    }

    return () => {
      if (!props.row) return h('span', { class: 'para-text' }, props.runs.map(renderRun))
      const role = props.header ? 'columnheader' : 'cell'
      const children: VNode[] = []
      rowCells(props.runs as Run[]).forEach((cell, i) => {
        if (i > 0) children.push(h('span', { class: 'cell-sep' }, '\t'))
        children.push(h('span', { class: 'cell', role }, cell.map(renderRun)))
      })
      return h('span', { class: 'para-text para-cells' }, children)
    }
  }
})
