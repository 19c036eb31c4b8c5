/**
 * iCalendar (RFC 5545) writer for Narada meetings.
 *
 * Pure and dependency-free: used by `/meetings/:id/calendar.ics`,
 * `/bodies/:id/calendar.ics`, the public `/calendar.ics` and the `.ics`
 * attached to invitation e-mails (iTIP, RFC 5546: METHOD:REQUEST / CANCEL).
 *
 * - Local times are written as `DTSTART;TZID=Europe/Warsaw:YYYYMMDDTHHMMSS`
 *   with an embedded VTIMEZONE (EU rules). The wall clock is computed from the
 *   UTC instant with `Intl.DateTimeFormat` (timeZone `Europe/Warsaw`). If that
 *   wall clock would not name the instant unambiguously (the repeated
 *   02:00–02:59 hour on the last Sunday of October, dates before Poland adopted
 *   the EU rules in 1996, or a future change of the law), the value is written
 *   in UTC (`…Z`) instead, which every client reads the same way.
 * - TEXT values are escaped, lines end with CRLF and are folded at 75 octets
 *   (UTF-8 bytes), never inside a multi-byte character or an escape sequence.
 */

export const CALENDAR_TIME_ZONE = 'Europe/Warsaw'
export const CALENDAR_PRODID = '-//Narada//Narada//PL'

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL'
export type CalendarEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'
export type AttendeePartstat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED'
export type AttendeeRole = 'CHAIR' | 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT'

export interface CalendarPerson {
  name: string
  email: string
}

export interface CalendarAttendee extends CalendarPerson {
  /** Defaults to NEEDS-ACTION. */
  partstat?: AttendeePartstat
  /** Defaults to REQ-PARTICIPANT. */
  role?: AttendeeRole
  /** Defaults to true in a METHOD:REQUEST calendar when partstat is NEEDS-ACTION. */
  rsvp?: boolean
}

export interface CalendarEvent {
  /** Stable across exports and updates, e.g. `meeting-42@narada`. */
  uid: string
  /** Incremented by the caller on every significant change (time, place, cancellation). */
  sequence: number
  /** UTC instant; for a multi-day meeting the first day's start. */
  start: Date
  /** UTC instant; for a multi-day meeting the last day's end. */
  end: Date
  summary: string
  description?: string
  location?: string
  url?: string
  status: CalendarEventStatus
  organizer?: CalendarPerson
  attendees?: CalendarAttendee[]
  lastModified?: Date
}

export interface BuildCalendarInput {
  /** Calendar name (X-WR-CALNAME / NAME). */
  name: string
  /** Calendar description (X-WR-CALDESC / DESCRIPTION). */
  description?: string
  /** Omitted from the output when undefined. */
  method?: CalendarMethod
  events: CalendarEvent[]
  /** DTSTAMP of every event (the moment the calendar object was created). */
  now: Date
}

/** `Content-Type` for an iCalendar response or an e-mail attachment part. */
export function calendarContentType(method?: CalendarMethod): string {
  return method ? `text/calendar; charset=utf-8; method=${method}` : 'text/calendar; charset=utf-8'
}

const CRLF = '\r\n'
const MAX_LINE_OCTETS = 75

// ---------------------------------------------------------------------------
// Time zone

/** Fixed VTIMEZONE for Europe/Warsaw, EU rules (in force in Poland since 1996). */
const WARSAW_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${CALENDAR_TIME_ZONE}`,
  `X-LIC-LOCATION:${CALENDAR_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

interface WallClock {
  year: number
  month: number // 1-12
  day: number
  hour: number
  minute: number
  second: number
}

let warsawFormatter: Intl.DateTimeFormat | undefined

function getWarsawFormatter(): Intl.DateTimeFormat {
  warsawFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: CALENDAR_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  })
  return warsawFormatter
}

/** Wall-clock time in Europe/Warsaw of a UTC instant. */
export function warsawWallClock(instant: Date): WallClock {
  const parts = getWarsawFormatter().formatToParts(instant)
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type)
    if (!part) throw new Error(`Intl.DateTimeFormat gave no ${type}`)
    return Number.parseInt(part.value, 10)
  }
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    // Some ICU versions still print midnight as 24 with h23; normalise.
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  }
}

function wallAsUtcMs(w: WallClock): number {
  const d = new Date(0)
  d.setUTCFullYear(w.year, w.month - 1, w.day)
  d.setUTCHours(w.hour, w.minute, w.second, 0)
  return d.getTime()
}

/** Day of month of the last Sunday of a month (1-12) in a year. */
function lastSunday(year: number, month: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month, 0) // day 0 of next month = last day of `month`
  return d.getUTCDate() - d.getUTCDay()
}

/**
 * The UTC instant a client derives from a Europe/Warsaw wall clock using
 * WARSAW_VTIMEZONE, with RFC 5545 semantics (a repeated local time means its
 * first occurrence, i.e. the daylight offset).
 */
function instantFromVtimezone(w: WallClock): number {
  const local = wallAsUtcMs(w)
  const dstStart = wallAsUtcMs({ year: w.year, month: 3, day: lastSunday(w.year, 3), hour: 2, minute: 0, second: 0 })
  const dstEnd = wallAsUtcMs({ year: w.year, month: 10, day: lastSunday(w.year, 10), hour: 3, minute: 0, second: 0 })
  const offsetHours = local >= dstStart && local < dstEnd ? 2 : 1
  return local - offsetHours * 3_600_000
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function formatWall(w: WallClock): string {
  if (w.year < 0 || w.year > 9999) throw new RangeError(`Year ${w.year} cannot be written in iCalendar`)
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`
}

function assertValidDate(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`Invalid date for ${what}`)
  }
}

/** Truncates to whole seconds: iCalendar has no fractions of a second. */
function toSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000)
}

/** `YYYYMMDDTHHMMSSZ` */
export function formatUtc(instant: Date): string {
  assertValidDate(instant, 'UTC date-time')
  const d = toSecond(instant)
  return (
    formatWall({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    }) + 'Z'
  )
}

function sameWall(a: WallClock, b: WallClock): boolean {
  return formatWall(a) === formatWall(b)
}

/**
 * A DATE-TIME property (DTSTART, DTEND) in Europe/Warsaw local time, or in UTC
 * when the local time would not name the instant unambiguously: a wall clock
 * of the repeated October hour (RFC 5545 says "first occurrence", but clients
 * such as ical.js take the second), or one the VTIMEZONE maps elsewhere.
 */
function dateTimeProperty(name: string, instant: Date): string {
  const d = toSecond(instant)
  const wall = warsawWallClock(d)
  const hour = 3_600_000
  const ambiguous =
    sameWall(wall, warsawWallClock(new Date(d.getTime() - hour))) || sameWall(wall, warsawWallClock(new Date(d.getTime() + hour)))
  if (!ambiguous && instantFromVtimezone(wall) === d.getTime()) {
    return `${name};TZID=${CALENDAR_TIME_ZONE}:${formatWall(wall)}`
  }
  return `${name}:${formatUtc(d)}`
}

// ---------------------------------------------------------------------------
// Values

// Control characters other than HTAB are not allowed in iCalendar values.

const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/g

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
}

/** A quoted parameter value (e.g. CN). DQUOTE cannot occur inside one; line breaks neither. */
function quoteParam(value: string): string {
  const clean = value
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(CONTROL_CHARS, '')
    .replace(/"/g, "'")
    .trim()
  return `"${clean}"`
}

/** A URI / CAL-ADDRESS value: not escaped, but must not break the line. */
function cleanUri(value: string): string {
  return value.replace(/[\s\u0000-\u001F\u007F]+/g, '')
}

function mailto(email: string): string {
  return `mailto:${cleanUri(email)}`
}

// ---------------------------------------------------------------------------
// Lines

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1
  if (codePoint < 0x800) return 2
  if (codePoint < 0x10000) return 3
  return 4
}

/**
 * Folds a content line so that no physical line exceeds 75 octets of UTF-8
 * (RFC 5545 §3.1). Continuation lines start with a single space. A break is
 * never placed inside a multi-byte character (nor a surrogate pair) nor
 * between a backslash and the character it escapes. Returns the physical
 * lines joined by CRLF, without a trailing CRLF.
 */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let currentOctets = 0
  let limit = MAX_LINE_OCTETS

  const chars = Array.from(line) // by code point
  for (let i = 0; i < chars.length; i++) {
    let unit = chars[i]!
    if (unit === '\\' && i + 1 < chars.length) {
      unit += chars[++i]!
    }
    let octets = 0
    for (const ch of unit) octets += utf8Length(ch.codePointAt(0)!)

    if (currentOctets + octets > limit && current !== '') {
      out.push(current)
      current = ' '
      currentOctets = 1
      limit = MAX_LINE_OCTETS
    }
    current += unit
    currentOctets += octets
  }
  out.push(current)
  return out.join(CRLF)
}

// ---------------------------------------------------------------------------
// Calendar

function attendeeLine(a: CalendarAttendee, method: CalendarMethod | undefined): string {
  const partstat = a.partstat ?? 'NEEDS-ACTION'
  const rsvp = a.rsvp ?? (method === 'REQUEST' && partstat === 'NEEDS-ACTION')
  const params = [`CN=${quoteParam(a.name)}`, 'CUTYPE=INDIVIDUAL', `ROLE=${a.role ?? 'REQ-PARTICIPANT'}`, `PARTSTAT=${partstat}`]
  if (rsvp) params.push('RSVP=TRUE')
  return `ATTENDEE;${params.join(';')}:${mailto(a.email)}`
}

function eventLines(e: CalendarEvent, method: CalendarMethod | undefined, dtstamp: string): string[] {
  assertValidDate(e.start, `start of ${e.uid}`)
  assertValidDate(e.end, `end of ${e.uid}`)
  if (e.end.getTime() < e.start.getTime()) {
    throw new RangeError(`Event ${e.uid} ends before it starts`)
  }
  if (!Number.isInteger(e.sequence) || e.sequence < 0) {
    throw new RangeError(`Event ${e.uid}: SEQUENCE must be a non-negative integer`)
  }
  if (!e.uid.trim()) throw new RangeError('Event UID must not be empty')
  if ((method === 'REQUEST' || method === 'CANCEL') && !e.organizer) {
    throw new RangeError(`METHOD:${method} requires an ORGANIZER (event ${e.uid})`)
  }

  const status: CalendarEventStatus = method === 'CANCEL' ? 'CANCELLED' : e.status
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${dtstamp}`, dateTimeProperty('DTSTART', e.start)]
  // DTEND must be strictly later than DTSTART; a zero-length event omits it.
  if (toSecond(e.end).getTime() > toSecond(e.start).getTime()) {
    lines.push(dateTimeProperty('DTEND', e.end))
  }
  lines.push(`SEQUENCE:${e.sequence}`, `STATUS:${status}`, `SUMMARY:${escapeText(e.summary)}`)
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`)
  if (e.url) lines.push(`URL:${cleanUri(e.url)}`)
  if (e.organizer) {
    lines.push(`ORGANIZER;CN=${quoteParam(e.organizer.name)}:${mailto(e.organizer.email)}`)
  }
  for (const a of e.attendees ?? []) lines.push(attendeeLine(a, method))
  if (e.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(e.lastModified)}`)
  lines.push('TRANSP:OPAQUE', 'END:VEVENT')
  return lines
}

/**
 * Writes a VCALENDAR with one VEVENT per event. The result uses CRLF line
 * endings (including after the last line) and folded lines; serve it as
 * `calendarContentType(method)`.
 */
export function buildCalendar(input: BuildCalendarInput): string {
  const { name, description, method, events, now } = input
  const dtstamp = formatUtc(now)

  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${CALENDAR_PRODID}`, 'CALSCALE:GREGORIAN']
  if (method) lines.push(`METHOD:${method}`)
  lines.push(`NAME:${escapeText(name)}`, `X-WR-CALNAME:${escapeText(name)}`)
  if (description) {
    lines.push(`DESCRIPTION:${escapeText(description)}`, `X-WR-CALDESC:${escapeText(description)}`)
  }
  lines.push(`X-WR-TIMEZONE:${CALENDAR_TIME_ZONE}`, ...WARSAW_VTIMEZONE)
  for (const e of events) lines.push(...eventLines(e, method, dtstamp))
  lines.push('END:VCALENDAR')

  return lines.map(foldLine).join(CRLF) + CRLF
}
