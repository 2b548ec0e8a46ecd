// The text of one paragraph with its highlights as nested <mark>s (oldest outside, newest inside).
import { defineComponent, h, type PropType, type VNode } from 'vue'
import type { Run } from './runs'

export default defineComponent({
  name: 'ReaderParaText',
  props: {
    runs: { type: Array as PropType<Run[]>, required: true },
    activeId: { type: String as PropType<string | null>, default: null },
    flashId: { type: String as PropType<string | null>, default: null }
  },
  setup(props) {
    return () =>
      h(
        'span',
        { class: 'para-text' },
        props.runs.map((run) => {
          let node: VNode | string = run.text
          for (let i = run.layers.length - 1; i >= 0; i--) {
            const layer = run.layers[i]
            node = h(
              'mark',
              {
                class: ['hl', `hl-${layer.color}`, {
                    'hl-active': layer.id === props.activeId,
                    'hl-flash': layer.id === props.flashId,
                    'hl-commented': !!layer.comment
                  }],
                'data-highlight-id': layer.id,
                'data-color': layer.color,
                title: layer.comment || undefined
              },
              [node]
            )
          }
          return node
        })
      )
  }
})
