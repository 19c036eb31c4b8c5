import { format } from 'date-fns'
import { enGB, pl } from 'date-fns/locale'
import type { Lang } from '~/i18n/messages'

export const TIME_ZONE = 'Europe/Warsaw'

// Made once: building an Intl formatter costs far more than using it, and a list of 50
// meetings asks for hundreds of dates.
const warsawParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/**
 * The wall-clock parts of an instant in Warsaw, as a Date whose local fields hold them,
 * so that date-fns formats Warsaw time whatever the server's own zone is.
 */
export function toWarsawWallClock(instant: Date | string): Date {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  const parts = warsawParts.formatToParts(date)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return new Date(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
}

/** „16.06.2009 r.” in Polish, „16/06/2009” in English. */
export function formatDate(instant: Date | string, lang: Lang = 'pl'): string {
  const wall = toWarsawWallClock(instant)
  return lang === 'pl' ? `${format(wall, 'dd.MM.yyyy')} r.` : format(wall, 'dd/MM/yyyy', { locale: enGB })
}

/** „16.06.2009 r., godz. 13:00” in Polish, „16/06/2009, 13:00” in English. */
export function formatDateTime(instant: Date | string, lang: Lang = 'pl'): string {
  const wall = toWarsawWallClock(instant)
  return lang === 'pl'
    ? `${format(wall, 'dd.MM.yyyy')} r., godz. ${format(wall, 'HH:mm')}`
    : format(wall, 'dd/MM/yyyy, HH:mm', { locale: enGB })
}

/** „16 czerwca 2009 r.” in Polish, „16 June 2009” in English. */
export function formatLongDate(instant: Date | string, lang: Lang = 'pl'): string {
  const wall = toWarsawWallClock(instant)
  return lang === 'pl' ? `${format(wall, 'd MMMM yyyy', { locale: pl })} r.` : format(wall, 'd MMMM yyyy', { locale: enGB })
}

/** A file's size as a reader judges a download: „12,3 kB”, „2,5 MB”. */
export function formatFileSize(bytes: number, lang: Lang = 'pl'): string {
  const nf = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 1 })
  if (bytes < 1024 * 1024) return `${nf.format(Math.max(bytes, 1) / 1024)} kB`
  return `${nf.format(bytes / 1024 / 1024)} MB`
}

/** Money kept in grosze as an integer: 90415000 → „904 150,00 zł”. */
export function formatMoney(grosze: number, lang: Lang = 'pl'): string {
  const value = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: true,
  }).format(grosze / 100)
  // Intl groups Polish four-digit numbers without a space („9150,00”) and uses a
  // no-break space elsewhere; Polish typography spaces every group.
  const text = lang === 'pl' ? value.replace(/\s/g, ' ').replace(/^(\d)(\d{3}),/, '$1 $2,') : value
  return lang === 'pl' ? `${text} zł` : `PLN ${text}`
}

/** „16 czerwca”: the months as a Polish date names them. */
export const plMonthsGenitive = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
]

/** „14 maja” in Polish, „14 May” in English: a day of the month without its year. */
function dayOfMonth(d: Date, lang: Lang): string {
  return lang === 'pl' ? `${d.getDate()} ${plMonthsGenitive[d.getMonth()]}` : format(d, 'd MMMM', { locale: enGB })
}

/** „2012 r.” in Polish, „2012” in English. */
const yearOf = (d: Date, lang: Lang) => (lang === 'pl' ? `${d.getFullYear()} r.` : String(d.getFullYear()))

/**
 * The days of a meeting in words, the one form of a date range everywhere: „16 czerwca 2009 r.”,
 * „14–15 maja 2012 r.”, „30 kwietnia – 2 maja 2012 r.”, „31 grudnia 2012 r. – 2 stycznia 2013 r.”;
 * in English „14–15 May 2012”, „30 April – 2 May 2012”.
 */
export function formatDayRange(startsAt: Date | string, endsAt: Date | string, lang: Lang = 'pl'): string {
  const a = toWarsawWallClock(startsAt)
  const b = toWarsawWallClock(endsAt)
  const sameYear = a.getFullYear() === b.getFullYear()
  const sameMonth = sameYear && a.getMonth() === b.getMonth()
  if (sameMonth && a.getDate() === b.getDate()) return `${dayOfMonth(a, lang)} ${yearOf(a, lang)}`
  if (sameMonth) return `${a.getDate()}–${dayOfMonth(b, lang)} ${yearOf(b, lang)}`
  if (sameYear) return `${dayOfMonth(a, lang)} – ${dayOfMonth(b, lang)} ${yearOf(b, lang)}`
  return `${dayOfMonth(a, lang)} ${yearOf(a, lang)} – ${dayOfMonth(b, lang)} ${yearOf(b, lang)}`
}

/** A Warsaw calendar day (YYYY-MM-DD) as „30.09.2017 r.”; noon UTC is that same day in Warsaw. */
export function formatDay(day: string, lang: Lang = 'pl'): string {
  return formatDate(`${day}T12:00:00Z`, lang)
}

/** A Warsaw calendar day (YYYY-MM-DD) in words: „14 maja 2012 r.”. */
export function formatLongDay(day: string, lang: Lang = 'pl'): string {
  return formatLongDate(`${day}T12:00:00Z`, lang)
}

/** An action item's due as the minutes give it: its words („III kwartał 2017 r.”), or else its day. */
export function formatDue(item: { dueText: string | null; dueDate: string | null }, lang: Lang = 'pl'): string | null {
  return item.dueText?.trim() || (item.dueDate ? formatDay(item.dueDate, lang) : null)
}

/** A meeting's place as one line: „MOPS w Wodzisławiu Śląskim, ul. Daszyńskiego 3, sala konferencyjna”; null when none is given. */
export function venueLine(meeting: { venueName: string | null; venueAddress: string | null; venueRoom: string | null }): string | null {
  return [meeting.venueName, meeting.venueAddress, meeting.venueRoom].filter(Boolean).join(', ') || null
}

/**
 * „16.05.2017 r., godz. 13:00–15:00” for one day; for several, the day range and when the first
 * day starts and the last ends: „14–15 maja 2012 r. (14 maja od godz. 09:00, 15 maja do godz. 16:00)”.
 */
export function formatMeetingWhen(startsAt: Date | string, endsAt: Date | string, lang: Lang = 'pl'): string {
  const a = toWarsawWallClock(startsAt)
  const b = toWarsawWallClock(endsAt)
  const hours = (d: Date) => format(d, 'HH:mm')
  const sameDay = format(a, 'yyyy-MM-dd') === format(b, 'yyyy-MM-dd')
  if (sameDay) {
    return lang === 'pl'
      ? `${formatDate(startsAt)}, godz. ${hours(a)}–${hours(b)}`
      : `${formatDate(startsAt, 'en')}, ${hours(a)}–${hours(b)}`
  }
  const days = formatDayRange(startsAt, endsAt, lang)
  return lang === 'pl'
    ? `${days} (${dayOfMonth(a, lang)} od godz. ${hours(a)}, ${dayOfMonth(b, lang)} do godz. ${hours(b)})`
    : `${days} (${dayOfMonth(a, lang)} from ${hours(a)}, ${dayOfMonth(b, lang)} until ${hours(b)})`
}
