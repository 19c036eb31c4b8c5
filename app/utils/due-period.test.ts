import { describe, expect, it } from 'vitest'
import { parseDuePeriod } from './due-period'

describe('parseDuePeriod', () => {
  it.each([
    ['najpóźniej w III kwartale 2017 r.', '2017-09-30'],
    ['I kwartał 2018', '2018-03-31'],
    ['II kwartał 2016 r.', '2016-06-30'],
    ['IV kw. 2019', '2019-12-31'],
    ['w 3 kwartale 2017 roku', '2017-09-30'],
    ['w trzecim kwartale 2017', '2017-09-30'],
  ])('reads a quarter as its last day: „%s” → %s', (text, expected) => {
    expect(parseDuePeriod(text)).toBe(expected)
  })

  it.each([
    ['początek 2014 r.', '2014-03-31'],
    ['na początku 2014 roku', '2014-03-31'],
    ['koniec 2014', '2014-12-31'],
    ['do końca 2014 r.', '2014-12-31'],
    ['połowa 2015', '2015-06-30'],
    ['do połowy 2015 r.', '2015-06-30'],
    ['I półrocze 2015', '2015-06-30'],
    ['II półrocze 2015', '2015-12-31'],
    ['w drugim półroczu 2015 r.', '2015-12-31'],
    ['2017', '2017-12-31'],
    ['w roku 2017', '2017-12-31'],
  ])('reads a part of a year as its last day: „%s” → %s', (text, expected) => {
    expect(parseDuePeriod(text)).toBe(expected)
  })

  it.each([
    ['do końca czerwca 2017', '2017-06-30'],
    ['czerwiec 2017', '2017-06-30'],
    ['w czerwcu 2017 r.', '2017-06-30'],
    ['Luty 2016', '2016-02-29'],
    ['do końca lutego 2017', '2017-02-28'],
    ['styczeń 2018', '2018-01-31'],
    ['stycznia 2018', '2018-01-31'],
    ['marzec 2018', '2018-03-31'],
    ['kwiecień 2018', '2018-04-30'],
    ['do kwietnia 2018', '2018-04-30'],
    ['maj 2018', '2018-05-31'],
    ['do maja 2018', '2018-05-31'],
    ['lipiec 2018', '2018-07-31'],
    ['do lipca 2018', '2018-07-31'],
    ['sierpień 2018', '2018-08-31'],
    ['sierpnia 2018', '2018-08-31'],
    ['wrzesień 2018', '2018-09-30'],
    ['do września 2018', '2018-09-30'],
    ['październik 2018', '2018-10-31'],
    ['do października 2018', '2018-10-31'],
    ['listopad 2018', '2018-11-30'],
    ['do listopada 2018', '2018-11-30'],
    ['grudzień 2018', '2018-12-31'],
    ['do grudnia 2018', '2018-12-31'],
    ['połowa czerwca 2017', '2017-06-15'],
    ['do 15 kwietnia 2017 r.', '2017-04-15'],
  ])('reads a month (nominative, genitive, locative) as its last day: „%s” → %s', (text, expected) => {
    expect(parseDuePeriod(text)).toBe(expected)
  })

  it.each([
    ['15.06.2017', '2017-06-15'],
    ['15.06.2017 r.', '2017-06-15'],
    ['do 5.6.2017', '2017-06-05'],
    ['2017-06-15', '2017-06-15'],
  ])('takes a date as that day: „%s” → %s', (text, expected) => {
    expect(parseDuePeriod(text)).toBe(expected)
  })

  it('resolves „br.” (this year) only when told which year the text was written in', () => {
    expect(parseDuePeriod('najpóźniej w 3 kwartale br.', { currentYear: 2017 })).toBe('2017-09-30')
    expect(parseDuePeriod('do końca bieżącego roku', { currentYear: 2017 })).toBe('2017-12-31')
    expect(parseDuePeriod('I półrocze przyszłego roku', { currentYear: 2017 })).toBe('2018-06-30')
    expect(parseDuePeriod('najpóźniej w 3 kwartale br.')).toBeNull()
  })

  it.each([
    '',
    '   ',
    'wkrótce',
    'na następnym spotkaniu',
    'III kwartał',
    'niezwłocznie po podpisaniu',
    '31.02.2017',
    '2017-13-01',
    '31 czerwca 2017',
  ])('gives null when no day follows: „%s”', (text) => {
    expect(parseDuePeriod(text)).toBeNull()
  })
})
