import { describe, expect, it } from 'vitest'
import { countWords, looseText, scanQuotes, sentenceSpans } from './text'

const quoted = (text: string): string[] => scanQuotes(text).map((s) => text.slice(s.start, s.end) + (s.close < 0 ? ' [open]' : ''))
const sentences = (text: string): string[] => sentenceSpans(text).map(([s, e]) => text.slice(s, e))

describe('scanQuotes', () => {
  it('finds curly, straight, guillemet and German quotation marks', () => {
    expect(quoted('“We will win,” she said. "Not now," he said, «jamais». „Nein“, sagte er.')).toEqual(['We will win,', 'Not now,', 'jamais', 'Nein'])
  })

  it('keeps nested quotes and apostrophes inside the quotation', () => {
    expect(quoted('“I told them ‘we’re leaving,’ and they didn’t listen,” Smith said.')).toEqual(['I told them ‘we’re leaving,’ and they didn’t listen,'])
    expect(quoted('"He called it \'a farce,\' and left," she said.')).toEqual(["He called it 'a farce,' and left,"])
  })

  it('marks a quotation that the paragraph does not close', () => {
    expect(quoted('“The first time, the children came back.')).toEqual(['The first time, the children came back. [open]'])
    expect(quoted('“One thing. “Another thing,” she said.')).toEqual(['One thing. [open]', 'Another thing,'])
  })

  it('does not take an inch mark or a stray closing mark for a quotation', () => {
    expect(quoted('a 5" screen and a stray ” mark')).toEqual([])
  })
})

describe('sentenceSpans', () => {
  it('splits at sentence ends, not after abbreviations or initials', () => {
    expect(sentences('U.S. officials met Mr. Smith on Jan. 5. J. R. Jones said so. The talks ended.')).toEqual([
      'U.S. officials met Mr. Smith on Jan. 5.',
      'J. R. Jones said so.',
      'The talks ended.'
    ])
  })

  it('ends a sentence after a closing quotation mark, not at a comma inside one', () => {
    expect(sentences('“It is over,” she said. “We lost.” Then she left.')).toEqual(['“It is over,” she said.', '“We lost.”', 'Then she left.'])
  })

  it('splits after an abbreviation when the next word starts a sentence', () => {
    expect(sentences('He flew to the U.S. The talks began.')).toEqual(['He flew to the U.S.', 'The talks began.'])
  })
})

describe('countWords and looseText', () => {
  it('counts compounds and contractions as one word', () => {
    expect(countWords('The U.S.-China relationship isn’t a one-sided thing')).toBe(7)
  })
  it('compares typography, case, spacing and edge punctuation loosely', () => {
    expect(looseText('  “It’s  a — test,”  ')).toBe(looseText("it's a - test"))
  })
})
