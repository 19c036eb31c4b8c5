import { describe, expect, it } from 'vitest'
import {
  applyStructureChange,
  mergeStale,
  parseStructureChange,
  recommendationDraftKey,
  structureIntent,
  valuesFromEntries,
  valuesFromSnapshot,
  type EditorValues,
} from './recommendation-editor'

const values = (): EditorValues => ({
  title: 'Rekomendacje',
  summary: '',
  addresseeKinds: ['ops'],
  chapters: [
    {
      id: '1',
      title: 'Pierwszy',
      body: '',
      items: [
        { id: '2', title: 'A' },
        { id: '3', title: 'B' },
      ],
    },
    { id: '4', title: 'Drugi', body: '', items: [] },
  ],
})

describe('the structure buttons of the recommendation editor', () => {
  it('read back what they were written as, and refuse anything else', () => {
    for (const change of [
      { change: 'addChapter' },
      { change: 'chapterDown', chapter: 1 },
      { change: 'itemUp', chapter: 0, item: 2 },
    ] as const)
      expect(parseStructureChange(structureIntent(change))).toEqual(change)
    expect(parseStructureChange('structure.itemUp.1')).toBeNull()
    expect(parseStructureChange('save')).toBeNull()
  })

  it('move, add and remove chapters and items, keeping the rest as typed', () => {
    const moved = applyStructureChange(values(), { change: 'itemUp', chapter: 0, item: 1 })
    expect(moved.chapters[0]!.items.map((i) => i.title)).toEqual(['B', 'A'])
    expect(applyStructureChange(values(), { change: 'chapterUp', chapter: 0 }).chapters.map((c) => c.title)).toEqual(['Pierwszy', 'Drugi'])
    expect(applyStructureChange(values(), { change: 'chapterDown', chapter: 0 }).chapters.map((c) => c.title)).toEqual([
      'Drugi',
      'Pierwszy',
    ])
    expect(applyStructureChange(values(), { change: 'addItem', chapter: 1 }).chapters[1]!.items).toHaveLength(1)
    expect(applyStructureChange(values(), { change: 'removeChapter', chapter: 0 }).chapters.map((c) => c.id)).toEqual(['4'])
    expect(applyStructureChange(values(), { change: 'removeItem', chapter: 0, item: 0 }).chapters[0]!.items.map((i) => i.id)).toEqual(['3'])
  })
})

describe('a stale save of the recommendation editor', () => {
  it('keeps the writer’s text, adds the items saved meanwhile and shows the saved text where it differs', () => {
    const mine = values()
    mine.chapters[0]!.items[0]!.title = 'A po mojemu'
    const saved = {
      title: 'Rekomendacje',
      summary: '',
      addresseeKinds: ['ops' as const],
      chapters: [
        {
          id: 1,
          number: '1.',
          title: 'Pierwszy',
          body: '',
          items: [
            { id: 2, number: '1.1.', title: 'A według innych', body: '', addresseeKinds: [], timeFrame: null },
            { id: 3, number: '1.2.', title: 'B', body: '', addresseeKinds: [], timeFrame: null },
            { id: 9, number: '1.3.', title: 'Nowa', body: '', addresseeKinds: [], timeFrame: null },
          ],
        },
      ],
    }
    const merged = mergeStale(mine, saved, (k) => k)
    expect(merged.values.chapters[0]!.items.map((i) => i.title)).toEqual(['A po mojemu', 'B', 'Nowa'])
    expect(merged.fields['chapters[0].items[0].title']).toBe('A według innych')
    expect(merged.added).toEqual(['chapters[0].items[2]'])
    expect(merged.removed).toEqual(['chapters[1]'])
  })
})

describe('the draft the editor keeps in the browser', () => {
  const saved = {
    title: 'Rekomendacje',
    summary: 'Streszczenie.',
    addresseeKinds: ['ops', 'pup'] as const,
    chapters: [
      {
        id: 7,
        title: 'Wymiana informacji',
        body: '',
        items: [{ id: 8, title: 'Wspólna baza', body: 'OPS i PUP prowadzą bazę.', addresseeKinds: ['pup'] as const, timeFrame: null }],
      },
    ],
  }
  // The form's fields as FormData gives them, in the order the editor renders them.
  const entries = (change: Record<string, string> = {}): [string, string][] => {
    const fields: [string, string][] = [
      ['revision', '3'],
      ['title', 'Rekomendacje '],
      ['summary', 'Streszczenie.\r\n'],
      ['addresseeKinds', 'pup'],
      ['addresseeKinds', 'ops'],
      ['chapters[0].id', '7'],
      ['chapters[0].title', 'Wymiana informacji'],
      ['chapters[0].body', ''],
      ['chapters[0].items[0].id', '8'],
      ['chapters[0].items[0].title', 'Wspólna baza'],
      ['chapters[0].items[0].body', 'OPS i PUP prowadzą bazę.'],
      ['chapters[0].items[0].addresseeKinds', 'pup'],
      ['chapters[0].items[0].timeFrame', ''],
    ]
    return fields.map(([name, value]) => [name, change[name] ?? value])
  }
  const savedKey = recommendationDraftKey(valuesFromSnapshot(saved as never))

  it('reads the same text from the form as from the saved document, whatever the spacing and order of kinds', () => {
    expect(recommendationDraftKey(valuesFromEntries(entries()))).toBe(savedKey)
  })

  it('tells a changed text, a changed kind and an added item from the saved one', () => {
    expect(recommendationDraftKey(valuesFromEntries(entries({ 'chapters[0].items[0].body': 'Inna treść.' })))).not.toBe(savedKey)
    expect(recommendationDraftKey(valuesFromEntries(entries({ 'chapters[0].items[0].addresseeKinds': 'ops' })))).not.toBe(savedKey)
    const more = [...entries(), ['chapters[0].items[1].title', 'Nowa'] as [string, string]]
    expect(valuesFromEntries(more).chapters[0]!.items).toHaveLength(2)
    expect(recommendationDraftKey(valuesFromEntries(more))).not.toBe(savedKey)
  })
})
