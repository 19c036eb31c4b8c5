/**
 * Due periods as minutes write them („najpóźniej w III kwartale 2017 r.”, „od września do
 * listopada 2012 r.”, „do końca czerwca”) read into one day for sorting: the last day of the
 * period — of a range, the last day of its end — so that an item is overdue only once the whole
 * period has passed. Pure: the form in the browser checks a period with it before the server
 * stores the day.
 *
 * A period without a year („do końca maja”, „w III kw.”) is in the year of the meeting whose
 * minutes write it, `currentYear`; „br.” is that year and „przyszły rok” the next. Words that
 * name no calendar period — a time counted from an event („w terminie 2 tygodni od …”),
 * ongoing work („na bieżąco”, „zadanie ciągłe”), „niezwłocznie”, „na następnym spotkaniu”
 * (the next meeting's day is not the item's to know) — give null.
 */

const pad = (n: number) => String(n).padStart(2, '0')

/** Month stems in the nominative, genitive and locative: „czerwiec”, „czerwca”, „w czerwcu”. */
const MONTHS: [number, string][] = [
  [1, 'stycze[nń]|stycznia|styczniu'],
  [2, 'luty|lutego|lutym'],
  [3, 'marzec|marca|marcu'],
  [4, 'kwiecie[nń]|kwietnia|kwietniu'],
  [5, 'maj|maja|maju'],
  [6, 'czerwiec|czerwca|czerwcu'],
  [7, 'lipiec|lipca|lipcu'],
  [8, 'sierpie[nń]|sierpnia|sierpniu'],
  [9, 'wrzesie[nń]|wrze[sś]nia|wrze[sś]niu'],
  [10, 'pa[zź]dziernik|pa[zź]dziernika|pa[zź]dzierniku'],
  [11, 'listopad|listopada|listopadzie'],
  [12, 'grudzie[nń]|grudnia|grudniu'],
]
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 }
const ROMAN_NUMBER = 'xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i'
/** „-”, „–”, „do”, „i”: what joins the start of a range to its end („I–II kwartał”, „od IX do XI”). */
const RANGE = '(?:\\s*[-–—]\\s*|\\s+(?:do|i|oraz)\\s+)'

// A whole word: JavaScript's \b knows no Polish letters.
const word = (pattern: string, flags = '') => new RegExp(`(?<![\\p{L}\\d])(?:${pattern})(?![\\p{L}])`, `u${flags}`)

const ORDINAL_NUMBER = '(iv|iii|ii|i|[1-4])\\s*\\.?'
const ORDINAL_WORD = '(pierwsz|drug|trzec|czwart)\\p{L}*'
const ORDINAL_WORDS: Record<string, number> = { pierwsz: 1, drug: 2, trzec: 3, czwart: 4 }
/** „kwartał”, „kwartale”, „kw.”, but not „kwiecień”. */
const QUARTER = 'kw(?:arta\\p{L}*|\\.)?(?!\\p{L})'
/** „półrocze”, and „połowa” after an ordinal: „II połowa 2012 r.”. */
const HALF_YEAR = 'p[oó][lł]rocz\\p{L}*|po[lł]ow\\p{L}*'

const NO_CALENDAR_PERIOD = word(
  [
    'niezw[lł]ocznie',
    'na bie[zż][aą]co',
    'w miar[eę] potrzeb',
    'ci[aą]g[lł]\\p{L}*',
    'sta[lł]\\p{L}* zadani\\p{L}*',
    'w terminie \\d+',
    '\\d+ (?:dni|tygodni\\p{L}*|miesi[aąeę]c\\p{L}*) od',
    '(?:nast[eę]pn|kolejn)\\p{L}* (?:spotkani|posiedzeni|zebrani)\\p{L}*',
  ].join('|'),
)

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function day(year: number, month: number, dayOfMonth: number): string | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > lastDayOfMonth(year, month)) return null
  return `${year}-${pad(month)}-${pad(dayOfMonth)}`
}

const monthEnd = (year: number, month: number) => day(year, month, lastDayOfMonth(year, month))

/** The last date written as digits („15.11.2012”, „2012-11-15”), null for one that is no day. */
function lastDateIn(text: string): string | null | undefined {
  const dates = [
    ...[...text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)].map((m) => ({ at: m.index, y: m[1], m: m[2], d: m[3] })),
    ...[...text.matchAll(/(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/g)].map((m) => ({ at: m.index, y: m[3], m: m[2], d: m[1] })),
  ].sort((a, b) => a.at - b.at)
  const last = dates.at(-1)
  return last && day(Number(last.y), Number(last.m), Number(last.d))
}

/**
 * The year a period is in: the latest four-digit year written („2014/2015”), else „br.” (the
 * meeting's year) or „przyszły rok”, else the meeting's year unsaid. `named`: the text names a
 * year, so that a bare year („w 2014 roku”, „do końca roku”) is a period in itself.
 */
function yearIn(text: string, currentYear: number | undefined) {
  const written = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]))
  if (written.length) return { year: Math.max(...written), written, named: true }
  if (currentYear === undefined) return null
  if (word('(?:przysz[lł]|nast[eę]pn|kolejn)\\p{L}* rok\\p{L}*|rok\\p{L}* przysz[lł]\\p{L}*').test(text))
    return { year: currentYear + 1, written, named: true }
  const thisYear = word('br\\.?|bie[zż][aą]c\\p{L}* rok\\p{L}*|(?:tego|tym|ten) rok\\p{L}*|rok|roku')
  return { year: currentYear, written, named: thisYear.test(text) }
}

/** The first four-digit year written after `from`: „wrzesień 2012 – luty 2013” ends in 2013. */
function yearWrittenAfter(text: string, from: number): number | null {
  const written = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(text.slice(from))
  return written ? Number(written[1]) : null
}

/** Months named by word („wrzesień–listopad”) or by Roman numeral before a year („IX–XI 2012 r.”), in order. */
function monthsIn(text: string) {
  const named = MONTHS.flatMap(([month, pattern]) =>
    [...text.matchAll(word(pattern, 'g'))].map((m) => ({ month, at: m.index, end: m.index + m[0].length })),
  )
  const roman = [
    ...text.matchAll(
      new RegExp(`(?<![\\p{L}\\d])(?:(${ROMAN_NUMBER})\\.?${RANGE})?(${ROMAN_NUMBER})\\.?(?=\\s*(?:(?:19|20)\\d{2}|br|bie[zż]))`, 'gu'),
    ),
  ]
    // A lone „i” before a year is the conjunction: „w 2013 i 2014 roku”.
    .filter((m) => m[1] || m[2] !== 'i')
    .flatMap((m) => {
      const end = m.index + m[0].length
      const endMonth = { month: ROMAN[m[2]!]!, at: end - m[2]!.length, end }
      return m[1] ? [{ month: ROMAN[m[1]]!, at: m.index, end: m.index + m[1].length }, endMonth] : [endMonth]
    })
  return [...named, ...roman].sort((a, b) => a.at - b.at)
}

/**
 * „III kwartał”, „I–II kwartał”, „w drugim półroczu”: the last of the quarters (or halves) named,
 * and where its words end. Of several („od III kwartału 2012 do I kwartału 2013”), the last.
 */
function lastOrdinalBefore(text: string, noun: string): { ordinal: number; end: number } | null {
  const numbered = new RegExp(`(?<![\\p{L}\\d])(?:${ORDINAL_NUMBER}${RANGE})?${ORDINAL_NUMBER}\\s*(?:${noun})`, 'gu')
  const spelled = new RegExp(`(?<![\\p{L}])(?:${ORDINAL_WORD}${RANGE})?${ORDINAL_WORD}\\s+(?:${noun})`, 'gu')
  const named = [
    ...[...text.matchAll(numbered)].map((m) => ({ m, ordinal: { i: 1, ii: 2, iii: 3, iv: 4 }[m[2]!] ?? Number(m[2]) })),
    ...[...text.matchAll(spelled)].map((m) => ({ m, ordinal: ORDINAL_WORDS[m[2]!]! })),
  ].sort((a, b) => a.m.index - b.m.index)
  const last = named.at(-1)
  return last ? { ordinal: last.ordinal, end: last.m.index + last.m[0].length } : null
}

/**
 * The day (YYYY-MM-DD) that ends the period a text names, or null when no day follows from it.
 * `currentYear` is the year of the meeting whose minutes write the text.
 */
export function parseDuePeriod(text: string, { currentYear }: { currentYear?: number } = {}): string | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim()
  if (!t || NO_CALENDAR_PERIOD.test(t)) return null

  const date = lastDateIn(t)
  if (date !== undefined) return date
  const monthOfYear = [...t.matchAll(/(?<![\d.])(\d{1,2})[./]((?:19|20)\d{2})(?!\d)/g)].at(-1)
  if (monthOfYear) return monthEnd(Number(monthOfYear[2]), Number(monthOfYear[1]))

  const found = yearIn(t, currentYear)
  if (!found) return null
  const { year, written, named } = found

  // „do 15.11 br.”, „do 30.06.”: a day and a month without a year, in the year the text names.
  const dayOfMonth = [...t.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(?!\d)/g)].at(-1)
  if (dayOfMonth) {
    const end = dayOfMonth.index + dayOfMonth[0].length
    return day(yearWrittenAfter(t, end) ?? year, Number(dayOfMonth[2]), Number(dayOfMonth[1]))
  }

  const months = monthsIn(t)
  const last = months.at(-1)
  if (last) {
    // The year written after the last month is its own („wrzesień 2012 – luty 2013”); else a
    // range that runs past December („od listopada 2012 do lutego”) ends in the next year.
    const endYear = yearWrittenAfter(t, last.end) ?? year + (months[0]!.month > last.month ? 1 : 0)
    // „do 15 listopada”, „od 1 do 15 XI”: that very day.
    const dated = /(?<!\d)(\d{1,2}) $/.exec(t.slice(0, last.at))
    if (dated) return day(endYear, last.month, Number(dated[1]))
    // „połowa czerwca”, „początek czerwca”: the middle, the end of the first ten days.
    if (word('po[lł]ow\\p{L}*').test(t) && lastOrdinalBefore(t, 'po[lł]ow\\p{L}*')?.ordinal !== 2) return day(endYear, last.month, 15)
    if (word('pocz[aą]t\\p{L}*').test(t)) return day(endYear, last.month, 10)
    return monthEnd(endYear, last.month)
  }

  // As with months, the year written after the last quarter (or half) is its own.
  const quarter = lastOrdinalBefore(t, QUARTER)
  if (quarter) return monthEnd(yearWrittenAfter(t, quarter.end) ?? year, quarter.ordinal * 3)
  const half = lastOrdinalBefore(t, HALF_YEAR)
  if (half && half.ordinal <= 2) return monthEnd(yearWrittenAfter(t, half.end) ?? year, half.ordinal * 6)
  if (!named) return null

  // „Na przełomie roku” runs from December into January: it ends with the new year's January.
  if (word('prze[lł]om\\p{L}*').test(t)) return monthEnd(written.length > 1 ? year : year + 1, 1)
  // „Początek roku” is read as its first quarter: the sample notes plan „porządkowanie
  // informacji” for „początek 2014 roku”, work expected done by the end of March.
  if (word('pocz[aą]t\\p{L}*').test(t)) return monthEnd(year, 3)
  if (word('po[lł]ow\\p{L}*').test(t)) return monthEnd(year, 6)
  return monthEnd(year, 12)
}
