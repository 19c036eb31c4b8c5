/**
 * Due periods as minutes write them („najpóźniej w III kwartale 2017 r.”, „początek 2014 r.”,
 * „do końca czerwca 2017”) read into one day for sorting: the last day of the period, so that
 * an item is overdue only once the whole period has passed. Pure: the form in the browser
 * checks a period with it before the server stores the day.
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

// A whole word: JavaScript's \b knows no Polish letters.
const word = (pattern: string) => new RegExp(`(?<![\\p{L}\\d])(?:${pattern})(?![\\p{L}])`, 'u')

const ORDINALS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 }
const ORDINAL_WORDS: [number, string][] = [
  [1, 'pierwsz\\p{L}*'],
  [2, 'drug\\p{L}*'],
  [3, 'trzec\\p{L}*'],
  [4, 'czwart\\p{L}*'],
]
const NUMBER = '(iv|iii|ii|i|[1-4])\\s*\\.?'
/** „kwartał”, „kwartale”, „kw.”, but not „kwiecień”. */
const QUARTER = 'kw(?:arta\\p{L}*|\\.)?(?!\\p{L})'
const HALF_YEAR = 'p[oó][lł]rocz\\p{L}*'

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function day(year: number, month: number, dayOfMonth: number): string | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > lastDayOfMonth(year, month)) return null
  return `${year}-${pad(month)}-${pad(dayOfMonth)}`
}

const monthEnd = (year: number, month: number) => day(year, month, lastDayOfMonth(year, month))

/** „III kwartał”, „3 kw.”, „trzecim kwartale”: which quarter, or half-year for „półrocze”. */
function ordinalBefore(text: string, noun: string): number | null {
  const numbered = new RegExp(`(?<![\\p{L}\\d])${NUMBER}\\s*${noun}`, 'u').exec(text)
  if (numbered) return ORDINALS[numbered[1]!] ?? null
  for (const [n, pattern] of ORDINAL_WORDS) if (new RegExp(`(?<![\\p{L}])${pattern}\\s+${noun}`, 'u').test(text)) return n
  return null
}

function monthIn(text: string): number | null {
  for (const [month, pattern] of MONTHS) if (word(pattern).test(text)) return month
  return null
}

/**
 * The year a period names: a four-digit year (the latest, for „2014/2015”), or — given the
 * year the text was written in, e.g. the meeting's — „br.” (bieżącego roku) and „przyszłego roku”.
 */
function yearIn(text: string, currentYear: number | undefined): number | null {
  const years = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]))
  if (years.length) return Math.max(...years)
  if (currentYear === undefined) return null
  if (word('br\\.?|bie[zż][aą]c\\p{L}*\\s+rok\\p{L}*|tego\\s+roku|tym\\s+roku').test(text)) return currentYear
  if (word('(?:przysz[lł]\\p{L}*|nast[eę]pn\\p{L}*)\\s+rok\\p{L}*').test(text)) return currentYear + 1
  return null
}

/**
 * The day (YYYY-MM-DD) that ends the period a text names, or null when no day follows from it.
 * `currentYear` resolves „br.” (this year), as minutes write „najpóźniej w 3 kwartale br.”.
 */
export function parseDuePeriod(text: string, { currentYear }: { currentYear?: number } = {}): string | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim()
  if (!t) return null

  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(t)
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dotted = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/.exec(t)
  if (dotted) return day(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]))

  const year = yearIn(t, currentYear)
  if (year === null) return null
  const month = monthIn(t)

  if (month !== null) {
    // „do 30 czerwca 2017”: that very day.
    const dated = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(?:${MONTHS[month - 1]![1]})(?!\\p{L})`, 'u').exec(t)
    if (dated) return day(year, month, Number(dated[1]))
    // „połowa czerwca”, „początek czerwca”: the middle, the end of the first ten days.
    if (word('po[lł]ow\\p{L}*').test(t)) return day(year, month, 15)
    if (word('pocz[aą]t\\p{L}*').test(t)) return day(year, month, 10)
    return monthEnd(year, month)
  }

  const quarter = ordinalBefore(t, QUARTER)
  if (quarter !== null) return monthEnd(year, quarter * 3)
  const half = ordinalBefore(t, HALF_YEAR)
  if (half !== null && half <= 2) return monthEnd(year, half * 6)

  // „Początek roku” is read as its first quarter: the sample notes plan „porządkowanie
  // informacji” for „początek 2014 roku”, work expected done by the end of March.
  if (word('pocz[aą]t\\p{L}*').test(t)) return monthEnd(year, 3)
  if (word('po[lł]ow\\p{L}*').test(t)) return monthEnd(year, 6)
  return monthEnd(year, 12)
}
