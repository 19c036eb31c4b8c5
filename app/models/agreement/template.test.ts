import { describe, expect, it } from 'vitest'
import { KATOWICE_AGREEMENT, WODZISLAW_AGREEMENT } from '#db/seed/agreement-texts'
import { spansText } from '~/utils/markup'
import { agreementClauses } from './clauses'
import { AGREEMENT_TEMPLATES, MOPS_PUP_TEMPLATE } from './template'

const texts = [
  ...AGREEMENT_TEMPLATES.map((template) => ({ name: template.id, paragraphs: template.paragraphs })),
  { name: 'Katowice', paragraphs: KATOWICE_AGREEMENT.paragraphs },
  { name: 'Wodzisław Śląski', paragraphs: WODZISLAW_AGREEMENT.paragraphs },
]

describe.each(texts)('$name', ({ paragraphs }) => {
  it.each(paragraphs)('„$title” has at least one clause with text', ({ body }) => {
    const clauses = agreementClauses(body)
    expect(clauses.length).toBeGreaterThan(0)
    for (const clause of clauses) {
      const text = spansText(clause.spans) + clause.points.map((point) => spansText(point.spans)).join('')
      expect(text.trim()).not.toBe('')
    }
  })

  it('types no paragraph or clause numbers by hand', () => {
    for (const { body } of paragraphs) {
      expect(body).not.toMatch(/^\s*§\s/m)
      expect(body).not.toMatch(/^\s*ust\./im)
    }
  })

  it('has unique titles', () => {
    const titles = paragraphs.map((paragraph) => paragraph.title)
    expect(new Set(titles).size).toBe(titles.length)
  })
})

it('the MOPS–PUP template has its eight paragraphs in order', () => {
  expect(MOPS_PUP_TEMPLATE.paragraphs.map((paragraph) => paragraph.title)).toEqual([
    'Przedmiot porozumienia',
    'Zakres współpracy',
    'Wymiana informacji',
    'Procedury współpracy',
    'Koordynatorzy',
    'Okres obowiązywania',
    'Zmiany porozumienia',
    'Postanowienia końcowe',
  ])
})

it('a list under a paragraph is its points, numbered „1)”', () => {
  const [scope] = agreementClauses(MOPS_PUP_TEMPLATE.paragraphs[1]!.body)
  expect(scope!.number).toBe('1.')
  expect(scope!.points.map((point) => point.number)).toEqual(['1)', '2)', '3)', '4)', '5)', '6)'])
})
