import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildCalendar, calendarContentType, escapeText, foldLine, formatUtc, type CalendarEvent } from './ics'

const NOW = new Date('2025-01-10T08:30:15.789Z')

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'meeting-42@narada',
    sequence: 0,
    start: new Date('2017-05-16T11:00:00Z'),
    end: new Date('2017-05-16T13:00:00Z'),
    summary: 'Posiedzenie Zespołu Doradczego',
    status: 'CONFIRMED',
    ...overrides,
  }
}

function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics))
  return { root, events: root.getAllSubcomponents('vevent') }
}

/** The only VEVENT of a calendar built from `events`, parsed by ical.js. */
function parseOne(events: CalendarEvent[], extra: Partial<Parameters<typeof buildCalendar>[0]> = {}) {
  const ics = buildCalendar({ name: 'Spotkania', events, now: NOW, ...extra })
  const { root, events: vevents } = parse(ics)
  expect(vevents).toHaveLength(1)
  return { ics, root, vevent: vevents[0]! }
}

function time(vevent: ICAL.Component, name: 'dtstart' | 'dtend'): ICAL.Time {
  return vevent.getFirstPropertyValue(name) as ICAL.Time
}

function iso(t: ICAL.Time): string {
  return t.toJSDate().toISOString()
}

/** Raw content lines (unfolded) of the output. */
function unfoldedLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
}

describe('buildCalendar: times in Europe/Warsaw', () => {
  it('writes a summer (CEST) meeting 16.05.2017 13:00–15:00 as local time that parses to 11:00Z', () => {
    const { ics, vevent } = parseOne([event()])
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/Warsaw:20170516T130000\r\n')
    expect(ics).toContain('\r\nDTEND;TZID=Europe/Warsaw:20170516T150000\r\n')
    // ical.js resolves the TZID against the embedded VTIMEZONE, not a floating time.
    expect(time(vevent, 'dtstart').zone?.tzid).toBe('Europe/Warsaw')
    expect(iso(time(vevent, 'dtstart'))).toBe('2017-05-16T11:00:00.000Z')
    expect(iso(time(vevent, 'dtend'))).toBe('2017-05-16T13:00:00.000Z')
  })

  it('writes a winter (CET) meeting', () => {
    const { ics, vevent } = parseOne([event({ start: new Date('2017-01-16T12:00:00Z'), end: new Date('2017-01-16T14:30:00Z') })])
    expect(ics).toContain('DTSTART;TZID=Europe/Warsaw:20170116T130000\r\n')
    expect(ics).toContain('DTEND;TZID=Europe/Warsaw:20170116T153000\r\n')
    expect(iso(time(vevent, 'dtstart'))).toBe('2017-01-16T12:00:00.000Z')
    expect(iso(time(vevent, 'dtend'))).toBe('2017-01-16T14:30:00.000Z')
  })

  it('writes a two-day meeting across the spring change as one event (29.03 CET → 30.03 CEST)', () => {
    const { ics, vevent } = parseOne([
      event({
        uid: 'meeting-7@narada',
        start: new Date('2025-03-29T08:00:00Z'), // 09:00 CET
        end: new Date('2025-03-30T13:00:00Z'), // 15:00 CEST
      }),
    ])
    expect(ics).toContain('DTSTART;TZID=Europe/Warsaw:20250329T090000\r\n')
    expect(ics).toContain('DTEND;TZID=Europe/Warsaw:20250330T150000\r\n')
    expect(iso(time(vevent, 'dtstart'))).toBe('2025-03-29T08:00:00.000Z')
    expect(iso(time(vevent, 'dtend'))).toBe('2025-03-30T13:00:00.000Z')
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1)
  })

  it('writes a two-day meeting across the autumn change (26.10 CEST → 27.10 CET)', () => {
    const { ics, vevent } = parseOne([event({ start: new Date('2024-10-26T07:00:00Z'), end: new Date('2024-10-27T14:00:00Z') })])
    expect(ics).toContain('DTSTART;TZID=Europe/Warsaw:20241026T090000\r\n')
    expect(ics).toContain('DTEND;TZID=Europe/Warsaw:20241027T150000\r\n')
    expect(iso(time(vevent, 'dtstart'))).toBe('2024-10-26T07:00:00.000Z')
    expect(iso(time(vevent, 'dtend'))).toBe('2024-10-27T14:00:00.000Z')
  })

  it('writes a time in the repeated October hour in UTC (clients disagree on which occurrence is meant)', () => {
    // 27.10.2024: 02:30 happens twice, 00:30Z (CEST) and 01:30Z (CET).
    const { ics, vevent } = parseOne([event({ start: new Date('2024-10-27T00:30:00Z'), end: new Date('2024-10-27T01:30:00Z') })])
    expect(ics).toContain('DTSTART:20241027T003000Z\r\n')
    expect(ics).toContain('DTEND:20241027T013000Z\r\n')
    expect(iso(time(vevent, 'dtstart'))).toBe('2024-10-27T00:30:00.000Z')
    expect(iso(time(vevent, 'dtend'))).toBe('2024-10-27T01:30:00.000Z')
    // Just outside the repeated hour, local time again.
    const edges = parseOne([event({ start: new Date('2024-10-26T23:59:59Z'), end: new Date('2024-10-27T02:00:00Z') })])
    expect(edges.ics).toContain('DTSTART;TZID=Europe/Warsaw:20241027T015959\r\n')
    expect(edges.ics).toContain('DTEND;TZID=Europe/Warsaw:20241027T030000\r\n')
    expect(iso(time(edges.vevent, 'dtend'))).toBe('2024-10-27T02:00:00.000Z')
  })

  it('falls back to UTC where the EU rules in the VTIMEZONE do not apply (Poland before 1996)', () => {
    // 10.10.1990: Poland was already on CET (DST ended 30.09.1990); EU rules would say CEST.
    const { ics, vevent } = parseOne([event({ start: new Date('1990-10-10T11:00:00Z'), end: new Date('1990-10-10T13:00:00Z') })])
    expect(ics).toContain('DTSTART:19901010T110000Z\r\n')
    expect(iso(time(vevent, 'dtstart'))).toBe('1990-10-10T11:00:00.000Z')
    expect(iso(time(vevent, 'dtend'))).toBe('1990-10-10T13:00:00.000Z')
  })

  it('round-trips every quarter hour around every DST change 1996–2040 through ical.js', { timeout: 30_000 }, () => {
    const starts: Date[] = []
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [3, 10]) {
        const lastDay = new Date(Date.UTC(year, month, 0))
        const sunday = lastDay.getUTCDate() - lastDay.getUTCDay()
        const change = Date.UTC(year, month - 1, sunday, 1) // 01:00 UTC both in March and October
        for (let m = -4 * 60; m <= 4 * 60; m += 15) starts.push(new Date(change + m * 60_000))
      }
    }
    const events = starts.map((start, i) => event({ uid: `e${i}@narada`, start, end: new Date(start.getTime() + 90 * 60_000) }))
    const { events: vevents } = parse(buildCalendar({ name: 'x', events, now: NOW }))
    expect(vevents).toHaveLength(starts.length)
    let local = 0
    vevents.forEach((v, i) => {
      expect(iso(time(v, 'dtstart'))).toBe(starts[i]!.toISOString())
      expect(iso(time(v, 'dtend'))).toBe(new Date(starts[i]!.getTime() + 90 * 60_000).toISOString())
      if (time(v, 'dtstart').zone?.tzid === 'Europe/Warsaw') local++
    })
    // Only the repeated October hour (both occurrences, 4 quarters each) is written in UTC.
    expect(starts.length - local).toBe(45 * 8)
  })

  it('writes DTSTAMP (and LAST-MODIFIED) in UTC, truncated to the second', () => {
    const { ics, vevent } = parseOne([event({ lastModified: new Date('2024-12-31T23:59:59.999Z') })])
    expect(ics).toContain('\r\nDTSTAMP:20250110T083015Z\r\n')
    expect(ics).toContain('\r\nLAST-MODIFIED:20241231T235959Z\r\n')
    expect(iso(vevent.getFirstPropertyValue('dtstamp') as ICAL.Time)).toBe('2025-01-10T08:30:15.000Z')
  })

  it('omits DTEND for a zero-length event and rejects an end before the start', () => {
    const { vevent } = parseOne([event({ end: new Date('2017-05-16T11:00:00Z') })])
    expect(vevent.hasProperty('dtend')).toBe(false)
    expect(() => buildCalendar({ name: 'x', now: NOW, events: [event({ end: new Date('2017-05-16T10:00:00Z') })] })).toThrow(RangeError)
  })
})

describe('buildCalendar: calendar and event properties', () => {
  it('writes the calendar header and a VTIMEZONE with EU rules', () => {
    const { ics, root } = parseOne([event()], { description: 'Posiedzenia, spotkania; terminy', method: 'PUBLISH' })
    const lines = unfoldedLines(ics)
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Narada//Narada//PL',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ])
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Spotkania')
    expect(root.getFirstPropertyValue('description')).toBe('Posiedzenia, spotkania; terminy')
    // ical.js leaves X- properties undecoded; their default value type is TEXT (RFC 5545 §3.8.8.2).
    expect(lines).toContain('X-WR-CALDESC:Posiedzenia\\, spotkania\\; terminy')
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Warsaw')

    const vtz = root.getFirstSubcomponent('vtimezone')!
    expect(vtz.getFirstPropertyValue('tzid')).toBe('Europe/Warsaw')
    const daylight = vtz.getFirstSubcomponent('daylight')!
    const standard = vtz.getFirstSubcomponent('standard')!
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU')
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU')
    expect(daylight.getFirstProperty('tzoffsetto')!.toICALString()).toBe('TZOFFSETTO:+0200')
    expect(standard.getFirstProperty('tzoffsetto')!.toICALString()).toBe('TZOFFSETTO:+0100')
  })

  it('omits METHOD unless asked', () => {
    const ics = buildCalendar({ name: 'x', events: [event()], now: NOW })
    expect(ics).not.toContain('METHOD:')
  })

  it('carries UID, SEQUENCE, URL and STATUS', () => {
    const { vevent } = parseOne([event({ sequence: 3, status: 'TENTATIVE', url: 'https://narada.example/meetings/42' })])
    expect(vevent.getFirstPropertyValue('uid')).toBe('meeting-42@narada')
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3)
    expect(vevent.getFirstPropertyValue('status')).toBe('TENTATIVE')
    expect(vevent.getFirstPropertyValue('url')).toBe('https://narada.example/meetings/42')
  })

  it('marks a cancelled meeting STATUS:CANCELLED', () => {
    const { ics, vevent } = parseOne([event({ status: 'CANCELLED', sequence: 2 })])
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2)
    expect(ics).not.toContain('METHOD:')
  })

  it('writes METHOD:CANCEL with every event cancelled, for an e-mail cancellation', () => {
    const organizer = { name: 'Anna Kowalska', email: 'a.kowalska@mops.krakow.pl' }
    const { root, vevent } = parseOne(
      [event({ status: 'CONFIRMED', sequence: 5, organizer, attendees: [{ name: 'Jan Nowak', email: 'jan@ngo.pl' }] })],
      { method: 'CANCEL' },
    )
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(vevent.getFirstPropertyValue('sequence')).toBe(5)
  })

  it('writes ORGANIZER and ATTENDEEs for an invitation (METHOD:REQUEST)', () => {
    const { vevent } = parseOne(
      [
        event({
          organizer: { name: 'Małgorzata Żółkiewska, MOPS', email: 'm.zolkiewska@mops.krakow.pl' },
          attendees: [
            { name: 'Stowarzyszenie "Otwarte Drzwi"; Jan Nowak', email: 'jan@ngo.pl' },
            { name: 'Ewa Wiśniewska', email: 'ewa@pcpr.pl', partstat: 'ACCEPTED' },
          ],
        }),
      ],
      { method: 'REQUEST' },
    )
    const organizer = vevent.getFirstProperty('organizer')!
    expect(organizer.getFirstValue()).toBe('mailto:m.zolkiewska@mops.krakow.pl')
    expect(organizer.getParameter('cn')).toBe('Małgorzata Żółkiewska, MOPS')

    const [first, second] = vevent.getAllProperties('attendee')
    expect(first!.getFirstValue()).toBe('mailto:jan@ngo.pl')
    expect(first!.getParameter('cn')).toBe("Stowarzyszenie 'Otwarte Drzwi'; Jan Nowak")
    expect(first!.getParameter('partstat')).toBe('NEEDS-ACTION')
    expect(first!.getParameter('rsvp')).toBe('TRUE')
    expect(second!.getParameter('cn')).toBe('Ewa Wiśniewska')
    expect(second!.getParameter('partstat')).toBe('ACCEPTED')
    expect(second!.getParameter('rsvp')).toBeUndefined()
  })

  it('refuses an invitation or cancellation without an organizer', () => {
    expect(() => buildCalendar({ name: 'x', method: 'REQUEST', events: [event()], now: NOW })).toThrow(/ORGANIZER/)
    expect(() => buildCalendar({ name: 'x', method: 'CANCEL', events: [event()], now: NOW })).toThrow(/ORGANIZER/)
  })

  it('writes an empty calendar', () => {
    const { root, events } = parse(buildCalendar({ name: 'Pusty', events: [], now: NOW }))
    expect(events).toHaveLength(0)
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Pusty')
  })

  it('gives the content type', () => {
    expect(calendarContentType()).toBe('text/calendar; charset=utf-8')
    expect(calendarContentType('REQUEST')).toBe('text/calendar; charset=utf-8; method=REQUEST')
  })
})

describe('text escaping, folding and line endings', () => {
  const tricky = 'Punkt 1: przywitanie, przedstawienie; dyskusja\nPunkt 2: C:\\Dokumenty\\plan.pdf\r\nPunkt 3,;\\\\n koniec\r'

  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg:h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng:h')
  })

  it('round-trips commas, semicolons, backslashes and newlines through ical.js', () => {
    const { ics, vevent } = parseOne([
      event({
        summary: 'Zespół ds. bezdomności, posiedzenie nr 3; Kraków',
        description: tricky,
        location: 'ul. Józefińska 14, Kraków; sala 2',
      }),
    ])
    expect(vevent.getFirstPropertyValue('summary')).toBe('Zespół ds. bezdomności, posiedzenie nr 3; Kraków')
    expect(vevent.getFirstPropertyValue('location')).toBe('ul. Józefińska 14, Kraków; sala 2')
    // Line breaks of any style come back as \n.
    expect(vevent.getFirstPropertyValue('description')).toBe(tricky.replace(/\r\n|\r/g, '\n'))
    expect(unfoldedLines(ics)).toContain('LOCATION:ul. Józefińska 14\\, Kraków\\; sala 2')
  })

  it('folds long Polish text at 75 octets without splitting characters, and unfolds to the exact text', () => {
    const description =
      '„Zażółć gęślą jaźń” — ' +
      'Regionalna Platforma Współpracy przy Regionalnym Ośrodku Polityki Społecznej w Krakowie, ' +
      'rekomendacje dotyczące współpracy OPS, PCPR i PUP; ŹRÓDŁO: notatka ze spotkania. 👍🏽 '.repeat(6) +
      'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ'.repeat(10)
    const { ics, vevent } = parseOne([event({ summary: 'Zażółć gęślą jaźń '.repeat(8).trim(), description })])

    const bytes = Buffer.from(ics, 'utf8')
    const decoder = new TextDecoder('utf-8', { fatal: true })
    let start = 0
    let physicalLines = 0
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(start, i)
        expect(line.length).toBeLessThanOrEqual(75)
        // Each physical line is valid UTF-8 on its own: no character was cut in half.
        expect(() => decoder.decode(line)).not.toThrow()
        physicalLines++
        start = i + 2
      }
    }
    expect(start).toBe(bytes.length)
    expect(physicalLines).toBeGreaterThan(unfoldedLines(ics).length) // something was folded

    expect(vevent.getFirstPropertyValue('description')).toBe(description)
    expect(vevent.getFirstPropertyValue('summary')).toBe('Zażółć gęślą jaźń '.repeat(8).trim())
    expect(unfoldedLines(ics)).toContain(`DESCRIPTION:${escapeText(description)}`)
  })

  it('folds exactly at 75 octets and never between a backslash and what it escapes', () => {
    const ascii = `DESCRIPTION:${'x'.repeat(200)}`
    const folded = foldLine(ascii).split('\r\n')
    expect(folded[0]).toHaveLength(75)
    expect(folded.slice(1, -1).every((l) => l.length === 75 && l.startsWith(' '))).toBe(true)
    expect(folded.join('\r\n').replace(/\r\n /g, '')).toBe(ascii)

    // 74 characters, then an escape: the break comes before the backslash, not inside the pair.
    const escaped = `${'y'.repeat(74)}\\,z`
    expect(foldLine(escaped)).toBe(`${'y'.repeat(74)}\r\n \\,z`)

    // 73 ASCII + a 2-byte letter = 75 octets fits; a 3rd byte would not.
    expect(foldLine(`${'a'.repeat(73)}ż`)).toBe(`${'a'.repeat(73)}ż`)
    expect(foldLine(`${'a'.repeat(74)}ż`)).toBe(`${'a'.repeat(74)}\r\n ż`)
    // A 4-byte emoji (a surrogate pair in JS) is kept whole.
    expect(foldLine(`${'a'.repeat(72)}👍`)).toBe(`${'a'.repeat(72)}\r\n 👍`)
  })

  it('ends every line with CRLF and contains no bare CR or LF', () => {
    const ics = buildCalendar({
      name: 'Kalendarz\nz nową linią',
      description: 'opis\r\nz\rliniami',
      events: [event({ description: tricky, location: 'a\nb' })],
      now: NOW,
    })
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics).not.toMatch(/\r(?!\n)/)
    expect(ics).not.toMatch(/(?<!\r)\n/)
    expect(ics.split('\r\n').at(-1)).toBe('')
  })

  it('drops control characters that iCalendar forbids', () => {
    const { vevent } = parseOne([event({ summary: 'a\u0000b\u0007c\td' })])
    expect(vevent.getFirstPropertyValue('summary')).toBe('abc\td')
  })

  it('formats UTC date-times', () => {
    expect(formatUtc(new Date('2009-06-16T07:05:09.999Z'))).toBe('20090616T070509Z')
    expect(() => formatUtc(new Date('nonsense'))).toThrow(RangeError)
  })
})
