import { describe, expect, it } from 'vitest'
import { markupToPlainText, parseMarkup, parseSpans } from './markup'

describe('parseMarkup', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(parseMarkup('Pierwszy\nciąg dalszy\n\nDrugi')).toEqual([
      { kind: 'paragraph', spans: [{ text: 'Pierwszy ciąg dalszy' }] },
      { kind: 'paragraph', spans: [{ text: 'Drugi' }] },
    ])
  })

  it('reads bullet and numbered lists, with indented continuation lines', () => {
    const blocks = parseMarkup('Ustalenia:\n- zawrzeć porozumienie\n  MOPS–PUP\n- spotkać się w maju\n1. pierwsze\n2. drugie')
    expect(blocks).toEqual([
      { kind: 'paragraph', spans: [{ text: 'Ustalenia:' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'zawrzeć porozumienie MOPS–PUP' }], [{ text: 'spotkać się w maju' }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'pierwsze' }], [{ text: 'drugie' }]] },
    ])
  })

  it('keeps HTML as text', () => {
    expect(parseMarkup('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', spans: [{ text: '<script>alert(1)</script>' }] }])
  })
})

describe('parseSpans', () => {
  it('marks bold and italic runs', () => {
    expect(parseSpans('To jest **ważne** i _pilne_ oraz *też*.')).toEqual([
      { text: 'To jest ' },
      { text: 'ważne', bold: true },
      { text: ' i ' },
      { text: 'pilne', italic: true },
      { text: ' oraz ' },
      { text: 'też', italic: true },
      { text: '.' },
    ])
  })

  it('leaves lone markers and snake_case words alone', () => {
    expect(parseSpans('2 * 3 = 6, plik raport_2017_v2.pdf')).toEqual([{ text: '2 * 3 = 6, plik raport_2017_v2.pdf' }])
  })
})

it('markupToPlainText drops markers and numbers list items', () => {
  expect(markupToPlainText('**Ustalenia**\n\n1. jedno\n2. _drugie_')).toBe('Ustalenia\n\n1. jedno\n2. drugie')
})
