// A shared scenario for the report tests (used only by *.test.ts).

import type { Article } from '../model'
import { bullet, doc, hl, input, note, orphan, para, ref, sampleArticle, txt } from './test-fixtures'

export function scenario() {
  const article = sampleArticle()
  const other: Article = sampleArticle({
    id: 'a2',
    title: 'Another article',
    paragraphs: [
      { id: 'q1', index: 0, kind: 'p', text: 'First other paragraph.' },
      { id: 'q2', index: 1, kind: 'p', text: 'Second other paragraph.' }
    ]
  })
  const analysis = note(
    'n1',
    'Analysis of the summit',
    'a1',
    doc(
      { type: 'heading', attrs: { level: 2 }, content: [txt('Key judgements')] },
      para(txt('Putin needs China '), ref('p7', '7'), txt(' and its energy market '), ref('p8', '8'), txt('.')),
      bullet(
        [para(txt('Tension', [{ type: 'bold' }]), txt(' rises '), txt('fast', [{ type: 'italic' }]))],
        [
          para(txt('See '), txt('source', [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }]), txt(' and '), txt('bad', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
          bullet([para(txt('Nested claim '), ref('p13', '13', 'more fraught'))])
        ]
      ),
      { type: 'blockquote', content: [para(txt('Compare '), ref('q2', '2', '', 'a2'))] }
    ),
    '2026-01-05T00:00:00.000Z'
  )
  const free = note('n2', 'Working notes', null, doc(para(txt('Again '), ref('p7', '7'), txt(' and '), ref('p16', '16'), txt(' and gone '), ref('p99', '5'))), '2026-01-01T00:00:00.000Z')
  const unrelated = note('n3', 'Unrelated', null, doc(para(ref('q1', '1', '', 'a2'))))
  const otherAnalysis = note('n4', 'Other analysis', 'a2', doc(para(txt('x'))))

  const h1 = hl(article, [['p3', 'This summit promises to be interesting, because it will be the first full-fledged summit']], 'yellow', 'Denisov frames it as a return to normal.')
  const h4 = hl(article, [['p3', 'the first full-fledged summit since the pandemic']], 'red', 'Key claim <b>to check</b>.')
  const h2 = hl(article, [['p9', 'the Russian military has been faltering']], 'green')
  const h3 = hl(
    article,
    [
      ['p11', 'supply lines and ammunition supply points'],
      ['p12', 'Ukrainian navy management predicted']
    ],
    'blue',
    'Military picture\nsecond line'
  )
  const h5 = orphan(hl(article, [['p1', 'Russian President Vladimir Putin']], 'yellow', 'Lost one'))
  return {
    article,
    other,
    notes: { analysis, free, unrelated, otherAnalysis },
    hls: { h1, h2, h3, h4, h5 },
    input: (scope: 'full' | 'annotated' = 'full') =>
      input(
        {
          article,
          articles: { a1: article, a2: other },
          highlights: [h3, h1, h2, h5, h4],
          notes: [free, unrelated, analysis, otherAnalysis]
        },
        { scope }
      )
  }
}
