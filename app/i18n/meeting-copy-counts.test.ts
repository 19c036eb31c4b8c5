import { beforeAll, describe, expect, it } from 'vitest'
import { loadDictionary, translator } from './messages'
import { countKey } from './plural'

beforeAll(async () => {
  await loadDictionary('pl')
  await loadDictionary('en')
})

describe('what copying from the previous meeting counts', () => {
  it.each([
    ['pl', 'meetings.copyAgenda', 12, 'Skopiuj program (12 punktów)'],
    ['pl', 'meetings.copyAgenda', 2, 'Skopiuj program (2 punkty)'],
    ['pl', 'meetings.copyAgenda', 1, 'Skopiuj program (1 punkt)'],
    ['pl', 'meetings.copyAgenda', 22, 'Skopiuj program (22 punkty)'],
    ['pl', 'meetings.copyGuests', 5, 'Skopiuj gości (5 osób)'],
    ['pl', 'meetings.copyGuests', 1, 'Skopiuj gości (1 osoba)'],
    ['pl', 'meetings.copyGuests', 3, 'Skopiuj gości (3 osoby)'],
    ['en', 'meetings.copyAgenda', 1, 'Copy the agenda (1 item)'],
    ['en', 'meetings.copyAgenda', 12, 'Copy the agenda (12 items)'],
    ['en', 'meetings.copyGuests', 1, 'Copy the guests (1 person)'],
    ['en', 'meetings.copyGuests', 5, 'Copy the guests (5 people)'],
  ] as const)('%s: %s of %i reads „%s”', (lang, prefix, count, expected) => {
    expect(translator(lang)(countKey(lang, prefix, count), { count })).toBe(expected)
  })

  it('counts the days of the agenda in the language’s forms', () => {
    expect(translator('pl')(countKey('pl', 'meetings.copyAgendaDays', 2), { count: 2 })).toMatch(/^Program obejmuje 2 dni\./)
    expect(translator('pl')(countKey('pl', 'meetings.copyAgendaDays', 5), { count: 5 })).toMatch(/^Program obejmuje 5 dni\./)
    expect(translator('en')(countKey('en', 'meetings.copyAgendaDays', 3), { count: 3 })).toMatch(/^The agenda covers 3 days\./)
  })

  it('counts added institutions in English without Polish forms', () => {
    expect(translator('en')(countKey('en', 'members.added', 3), { count: 3 })).toBe('Added 3 institutions to the team.')
    expect(translator('pl')(countKey('pl', 'members.added', 3), { count: 3 })).toBe('Dodano 3 instytucje do zespołu.')
    expect(translator('pl')(countKey('pl', 'members.added', 5), { count: 5 })).toBe('Dodano 5 instytucji do zespołu.')
  })
})
