import { describe, expect, it } from 'vitest'
import { translator } from './messages'
import { countKey, plural } from './plural'

const osoba = { one: 'osoba', few: 'osoby', many: 'osób', other: 'osoby' }

describe('plural', () => {
  it('follows the Polish rules: 1 osoba, 2–4 osoby, 5–21 osób, 22–24 osoby, but 112–114 osób', () => {
    const forms = [1, 2, 4, 5, 12, 13, 14, 21, 22, 25, 101, 112].map((n) => `${n} ${plural('pl', n, osoba)}`)
    expect(forms).toEqual([
      '1 osoba',
      '2 osoby',
      '4 osoby',
      '5 osób',
      '12 osób',
      '13 osób',
      '14 osób',
      '21 osób',
      '22 osoby',
      '25 osób',
      '101 osób',
      '112 osób',
    ])
    expect(plural('pl', 0, osoba)).toBe('osób')
  })

  it('has one and other in English', () => {
    const person = { one: 'person', other: 'people' }
    expect([0, 1, 2, 5, 22].map((n) => plural('en', n, person))).toEqual(['people', 'person', 'people', 'people', 'people'])
  })

  it('picks the dictionary key of a counted text', () => {
    const pl = translator('pl')
    const en = translator('en')
    expect(pl(countKey('pl', 'agenda.speakers', 1))).toBe('Prowadzi:')
    expect(pl(countKey('pl', 'agenda.speakers', 2))).toBe('Prowadzą:')
    expect(pl(countKey('pl', 'agenda.speakers', 5))).toBe('Prowadzą:')
    expect(en(countKey('en', 'agenda.speakers', 1))).toBe('Speaker:')
    expect(en(countKey('en', 'agenda.speakers', 3))).toBe('Speakers:')
    expect(pl(countKey('pl', 'calendar.pdf.personCount', 22), { count: 22 })).toBe('22 osoby')
    expect(pl(countKey('pl', 'calendar.pdf.personCount', 12), { count: 12 })).toBe('12 osób')
  })
})
