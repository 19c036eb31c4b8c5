import { describe, expect, it } from 'vitest'
import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { compareRecommendations } from './recommendation-compare'

const words = {
  kind: (k: string) => k.toUpperCase(),
  timeFrame: (x: string) => `Termin: ${x}`,
  addressees: (x: string) => `Adresaci: ${x}`,
}

function text(over: Partial<RecommendationSnapshot> = {}) {
  return {
    title: 'Rekomendacje',
    summary: 'Współpraca OPS z PUP.',
    addresseeKinds: ['ops', 'pup'] as RecommendationSnapshot['addresseeKinds'],
    chapters: [
      {
        id: 1,
        number: '1.',
        title: 'Wymiana informacji',
        body: '',
        items: [
          {
            id: 2,
            number: '1.1.',
            title: 'Porozumienie',
            body: 'Zawrzeć porozumienie o wymianie danych.',
            addresseeKinds: [],
            timeFrame: null,
          },
        ],
      },
    ],
    ...over,
  }
}

describe('comparing two versions of recommendations', () => {
  it('shows the words inserted into and deleted from an item, and nothing for the same text', () => {
    const before = text()
    const after = text({
      chapters: [{ ...before.chapters[0]!, items: [{ ...before.chapters[0]!.items[0]!, body: 'Zawrzeć pisemne porozumienie o danych.' }] }],
    })
    expect(compareRecommendations(before, before, words).changed).toBe(false)
    const result = compareRecommendations(before, after, words)
    const item = result.sections.find((s) => s.key === 's2')!
    expect(item.status).toBe('changed')
    expect(item.changes.filter((c) => c.kind === 'added').map((c) => c.text.trim())).toContain('pisemne')
    expect(item.changes.filter((c) => c.kind === 'removed').map((c) => c.text.trim())).toContain('wymianie')
  })

  it('names a changed addressee list and an item added in the newer version', () => {
    const before = text()
    const after = text({
      addresseeKinds: ['ops', 'pcpr'],
      chapters: [
        {
          ...before.chapters[0]!,
          items: [
            ...before.chapters[0]!.items,
            { id: 3, number: '1.2.', title: 'Spotkania', body: 'Co kwartał.', addresseeKinds: ['pup'], timeFrame: 'od 2015 r.' },
          ],
        },
      ],
    })
    const result = compareRecommendations(before, after, words)
    expect(result.fields.map((f) => f.field)).toEqual(['addressees'])
    const added = result.sections.find((s) => s.key === 's3')!
    expect(added).toMatchObject({ status: 'added', title: '1.2. Spotkania' })
    expect(added.changes[0]!.text).toContain('Termin: od 2015 r.')
  })
})
