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

  // Phrasings from Polish minutes; `year` is the year of the meeting that wrote them.
  it.each([
    // Ranges of months end with their last month.
    ['od września do listopada 2012 r.', 2012, '2012-11-30'],
    ['wrzesień–listopad 2012', 2012, '2012-11-30'],
    ['wrzesień - listopad 2012 r.', 2012, '2012-11-30'],
    ['IX–XI 2012 r.', 2012, '2012-11-30'],
    ['od IX do XI br.', 2012, '2012-11-30'],
    ['do końca XI br.', 2012, '2012-11-30'],
    ['wrzesień 2012 – luty 2013', 2012, '2013-02-28'],
    ['od listopada 2012 do lutego', 2012, '2013-02-28'],
    ['od 1 do 15 listopada 2012 r.', 2012, '2012-11-15'],
    ['na przełomie września i października 2012 r.', 2012, '2012-10-31'],
    ['na przełomie grudnia i stycznia', 2012, '2013-01-31'],
    // Quarters and halves.
    ['III kwartał 2017 r.', 2016, '2017-09-30'],
    ['w III kw. br.', 2012, '2012-09-30'],
    ['I–II kwartał 2013', 2012, '2013-06-30'],
    ['w I i II kwartale 2013 r.', 2012, '2013-06-30'],
    ['do końca I kwartału', 2013, '2013-03-31'],
    ['na przełomie III i IV kwartału br.', 2012, '2012-12-31'],
    ['I półrocze 2013 r.', 2012, '2013-06-30'],
    ['II połowa 2012 r.', 2012, '2012-12-31'],
    ['w pierwszej połowie przyszłego roku', 2012, '2013-06-30'],
    ['w drugim półroczu br.', 2012, '2012-12-31'],
    ['od III kwartału 2012 do I kwartału 2013', 2012, '2013-03-31'],
    ['II półrocze 2012 – I półrocze 2013', 2012, '2013-06-30'],
    ['od drugiego kwartału 2013 do pierwszego kwartału 2014 r.', 2012, '2014-03-31'],
    // Years.
    ['do końca 2013 r.', 2012, '2013-12-31'],
    ['w 2014 roku', 2012, '2014-12-31'],
    ['w 2013 i 2014 roku', 2012, '2014-12-31'],
    ['do końca roku', 2012, '2012-12-31'],
    ['do końca br.', 2012, '2012-12-31'],
    ['do końca bieżącego roku', 2012, '2012-12-31'],
    ['w przyszłym roku', 2012, '2013-12-31'],
    ['do końca przyszłego roku', 2012, '2013-12-31'],
    ['w I kwartale przyszłego roku', 2012, '2013-03-31'],
    ['na przełomie roku', 2012, '2013-01-31'],
    ['na przełomie 2013 i 2014 r.', 2012, '2014-01-31'],
    // Months and days without a year are the meeting's.
    ['do końca maja', 2012, '2012-05-31'],
    ['w czerwcu br.', 2012, '2012-06-30'],
    ['do dnia 15 listopada 2012 r.', 2012, '2012-11-15'],
    ['do 15 listopada', 2012, '2012-11-15'],
    ['15.11.2012', 2012, '2012-11-15'],
    ['do 15.11.2012 r.', 2012, '2012-11-15'],
    ['od 1.09.2012 do 15.11.2012', 2012, '2012-11-15'],
    ['do 11.2012', 2012, '2012-11-30'],
    ['do 15.11 br.', 2012, '2012-11-15'],
    ['do 30.06.', 2012, '2012-06-30'],
    ['do dnia 15.11', 2012, '2012-11-15'],
    ['do 15.11 2013 r.', 2012, '2013-11-15'],
    // From the sample minutes in /work/shared/samples.
    ['najpóźniej w 3 kwartale br.', 2017, '2017-09-30'],
    ['początek 2014 roku', 2013, '2014-03-31'],
    ['w dniu 16.06.2009r.', 2009, '2009-06-16'],
    ['16 maja', 2017, '2017-05-16'],
  ])('reads „%s” (minutes of %i) as %s', (text, year, expected) => {
    expect(parseDuePeriod(text, { currentYear: year })).toBe(expected)
  })

  it.each([
    'w terminie 2 tygodni od otrzymania notatki',
    'w terminie 14 dni od dnia 15.11.2012 r.',
    'w ciągu 3 miesięcy od podpisania porozumienia',
    'na bieżąco',
    'w miarę potrzeb',
    'zadanie ciągłe',
    'niezwłocznie',
    'na następnym spotkaniu',
    'do następnego posiedzenia Zespołu',
    'wkrótce',
  ])('gives null for words that name no calendar period, even knowing the year: „%s”', (text) => {
    expect(parseDuePeriod(text, { currentYear: 2012 })).toBeNull()
  })
})
