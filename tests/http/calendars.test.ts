import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, officer as demoOfficer } from '#tests/support/accounts'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { baseURL, get, login, textOf } from '#tests/support/http'

type Who = 'visitor' | 'otherTeam' | 'member' | 'officer' | 'admin' | 'demoOfficer'
const everyone: Who[] = ['visitor', 'otherTeam', 'member', 'officer', 'admin', 'demoOfficer']

let fixture: CalendarFixture
const cookies: Partial<Record<Who, string>> = {}

/**
 * Two teams of the fixture (tests/support/calendar-fixtures.ts), written into the server's
 * database: a private one whose member is „member” and a public one whose member is
 * „otherTeam”; „officer” convenes both; the demo officer convenes neither.
 */
beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  const { officer, member, otherMember } = fixture.accounts
  const accounts = { officer, member, otherTeam: otherMember, admin, demoOfficer }
  for (const [who, account] of Object.entries(accounts)) cookies[who as Who] = await login(account.email, account.password)
})

type Parsed = { calendar: ICAL.Component; events: ICAL.Event[] }

function parse(ics: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) }
}

async function fetchCalendar(path: string, who: Who) {
  const response = await get(path, { cookie: cookies[who] })
  return { response, body: await response.text() }
}

const uid = (id: number) => `meeting-${id}@narada`
const uids = (parsed: Parsed) => parsed.events.map((event) => event.uid)
const iso = (time: ICAL.Time) => time.toJSDate().toISOString()

describe('/meetings/:id/calendar.ics', () => {
  // [meeting, who may get it]: the private team's meeting, and a public team's public and private ones.
  const cases = (): [keyof CalendarFixture['meetings'], Who[]][] => [
    ['dst', ['member', 'officer', 'admin']],
    ['publicMeeting', everyone],
    ['privateMeeting', ['otherTeam', 'officer', 'admin']],
  ]

  it.each(everyone)('answers %s only for the meetings they may see, 404 otherwise', async (who) => {
    for (const [key, allowed] of cases()) {
      const meeting = fixture.meetings[key]
      // Without compression, which drops the length of what it compresses.
      const response = await get(`/meetings/${meeting.id}/calendar.ics`, {
        cookie: cookies[who],
        headers: { 'Accept-Encoding': 'identity' },
      })
      const body = await response.text()
      if (!allowed.includes(who)) {
        expect(response.status, `${who} ${key}`).toBe(404)
        expect(body).not.toContain('BEGIN:VCALENDAR')
        expect(body).not.toContain(meeting.topic)
        continue
      }
      expect(response.status, `${who} ${key}`).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
      expect(response.headers.get('Content-Disposition')).toBe(
        `attachment; filename="spotkanie-nr-${meeting.number}.ics"; filename*=UTF-8''spotkanie-nr-${meeting.number}.ics`,
      )
      expect(Number(response.headers.get('Content-Length'))).toBe(Buffer.byteLength(body))
      expect(uids(parse(body))).toEqual([uid(meeting.id)])
    }
  })

  it('gives the two-day meeting across the DST change as one event, 08:00Z to 13:00Z, with its details', async () => {
    const { dst } = fixture.meetings
    const { body } = await fetchCalendar(`/meetings/${dst.id}/calendar.ics`, 'member')
    const [event] = parse(body).events
    expect(event).toBeDefined()
    expect(iso(event!.startDate)).toBe('2025-03-29T08:00:00.000Z')
    expect(iso(event!.endDate)).toBe('2025-03-30T13:00:00.000Z')
    expect(event!.startDate.zone?.tzid).toBe('Europe/Warsaw')
    expect(event!.summary).toBe(`${dst.topic} — ${fixture.bodies.privateBody.name}`)
    expect(event!.location).toBe('Centrum Organizacji Pozarządowych, sala nr 12, ul. Żwirki i Wigury 5, 44-240 Żory')
    expect(event!.description).toBe(
      'Termin: 29–30 marca 2025 r. (29 marca od godz. 09:00, 30 marca do godz. 15:00)\n\nWypracowanie wspólnych rekomendacji dla ośrodków pomocy społecznej i urzędów pracy.',
    )
    expect(event!.sequence).toBe(0)
    expect(event!.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(event!.component.getFirstPropertyValue('url')).toBe(`${baseURL}/meetings/${dst.id}`)
  })

  it('answers 404 for a meeting that does not exist and for an id that is not one', async () => {
    expect((await fetchCalendar('/meetings/999999/calendar.ics', 'admin')).response.status).toBe(404)
    expect((await fetchCalendar('/meetings/abc/calendar.ics', 'admin')).response.status).toBe(404)
  })
})

describe('/bodies/:id/calendar.ics', () => {
  it('is 404 for the private team to anyone outside it', async () => {
    for (const who of ['visitor', 'otherTeam', 'demoOfficer'] as const) {
      const { response, body } = await fetchCalendar(`/bodies/${fixture.bodies.privateBody.id}/calendar.ics`, who)
      expect(response.status, who).toBe(404)
      expect(body).not.toContain(fixture.meetings.dst.topic)
    }
  })

  it.each(['member', 'officer', 'admin'] as const)('gives the private team’s meetings to %s', async (who) => {
    const { response, body } = await fetchCalendar(`/bodies/${fixture.bodies.privateBody.id}/calendar.ics`, who)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^inline; filename="[^"]+\.ics"/)
    const parsed = parse(body)
    expect(uids(parsed)).toEqual([uid(fixture.meetings.dst.id)])
    expect(parsed.calendar.getFirstPropertyValue('x-wr-calname')).toBe(fixture.bodies.privateBody.name)
  })

  it('gives outsiders the public team’s public meetings only, insiders all of them, cancelled ones included', async () => {
    const { publicMeeting, privateMeeting, cancelled } = fixture.meetings
    const publicOnly = [uid(publicMeeting.id), uid(cancelled.id)]
    const all = [uid(publicMeeting.id), uid(privateMeeting.id), uid(cancelled.id)]
    const expected: Record<Who, string[]> = {
      visitor: publicOnly,
      member: publicOnly,
      demoOfficer: publicOnly,
      otherTeam: all,
      officer: all,
      admin: all,
    }
    for (const who of everyone) {
      const { response, body } = await fetchCalendar(`/bodies/${fixture.bodies.publicBody.id}/calendar.ics`, who)
      expect(response.status, who).toBe(200)
      expect(uids(parse(body)), who).toEqual(expected[who])
    }
  })

  it('marks a cancelled meeting CANCELLED with a raised SEQUENCE and says why', async () => {
    const { body } = await fetchCalendar(`/bodies/${fixture.bodies.publicBody.id}/calendar.ics`, 'visitor')
    const event = parse(body).events.find((e) => e.uid === uid(fixture.meetings.cancelled.id))
    expect(event?.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event?.sequence).toBe(1)
    expect(event?.description).toBe('Spotkanie odwołane. Brak kworum.')
  })

  it('answers 404 for a team that does not exist', async () => {
    expect((await fetchCalendar('/bodies/999999/calendar.ics', 'admin')).response.status).toBe(404)
  })
})

describe('/calendar.ics', () => {
  it('is the same public feed for everyone: public meetings of public teams, cancelled ones included', async () => {
    const { dst, publicMeeting, privateMeeting, cancelled } = fixture.meetings
    let first: string[] | undefined
    for (const who of everyone) {
      const { response, body } = await fetchCalendar('/calendar.ics', who)
      expect(response.status, who).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
      expect(response.headers.get('Content-Disposition')).toMatch(/^inline; /)
      const ids = uids(parse(body))
      expect(ids).toContain(uid(publicMeeting.id))
      expect(ids).toContain(uid(cancelled.id))
      expect(ids).not.toContain(uid(privateMeeting.id))
      expect(ids).not.toContain(uid(dst.id))
      expect(body).not.toContain(fixture.bodies.privateBody.name)
      first ??= ids
      expect(ids, who).toEqual(first)
    }
  })

  it('gives a summer meeting at 13:00 Warsaw as 11:00Z', async () => {
    const { body } = await fetchCalendar('/calendar.ics', 'visitor')
    const event = parse(body).events.find((e) => e.uid === uid(fixture.meetings.publicMeeting.id))
    expect(iso(event!.startDate)).toBe('2025-05-16T11:00:00.000Z')
    expect(iso(event!.endDate)).toBe('2025-05-16T13:00:00.000Z')
    expect(event!.location).toBe('Miejski Ośrodek Pomocy Społecznej, sala konferencyjna, ul. Daszyńskiego 3, 44-300 Wodzisław Śląski')
  })

  it('has the demo Wodzisław meeting of 16.05.2017 at 13:00 in MOPS, ul. Daszyńskiego 3', async () => {
    const { body } = await fetchCalendar('/calendar.ics', 'visitor')
    const event = parse(body).events.find((e) => e.summary.startsWith('Analiza koncepcji i narzędzi badawczych'))
    expect(event, 'the demo data (SEED=demo) has the Wodzisław meeting of 16.05.2017').toBeDefined()
    expect(iso(event!.startDate)).toBe('2017-05-16T11:00:00.000Z')
    expect(event!.location).toContain('ul. Daszyńskiego 3')
    expect(event!.summary).toContain('„Fachowa siła przyszłością dla rodziny”')
  })
})

describe('/meetings', () => {
  const mainText = async (path: string, who: Who) => {
    const response = await get(path, { cookie: cookies[who] })
    expect(response.status).toBe(200)
    return textOf((await response.text()).match(/<main[\s\S]*?<\/main>/)?.[0] ?? '')
  }

  it('lists only what each user may see', async () => {
    const { dst, publicMeeting, privateMeeting } = fixture.meetings
    const seen = async (who: Who) => {
      const text = await mainText(`/meetings?body=${fixture.bodies.publicBody.id}`, who)
      const all = await mainText('/meetings?year=2025&month=3', who)
      return {
        publicMeeting: text.includes(publicMeeting.topic),
        privateMeeting: text.includes(privateMeeting.topic),
        dst: all.includes(dst.topic),
      }
    }
    expect(await seen('visitor')).toEqual({ publicMeeting: true, privateMeeting: false, dst: false })
    expect(await seen('member')).toEqual({ publicMeeting: true, privateMeeting: false, dst: true })
    expect(await seen('otherTeam')).toEqual({ publicMeeting: true, privateMeeting: true, dst: false })
    expect(await seen('officer')).toEqual({ publicMeeting: true, privateMeeting: true, dst: true })
  })

  it('filters by team and shows Polish dates', async () => {
    const text = await mainText(`/meetings?body=${fixture.bodies.publicBody.id}`, 'officer')
    // The whole list in the message: it once failed on a NUL byte inside „ośrodków” (see
    // tests/http/html-bytes.test.ts).
    expect(text, text).toContain(`Spotkanie nr 1: ${fixture.meetings.publicMeeting.topic}`)
    expect(text).toContain('16.05.2025 r., godz. 13:00–15:00')
    expect(text).not.toContain(fixture.meetings.dst.topic)
  })

  it('shows the DST meeting on both of its days in the month view, with the right hours', async () => {
    const html = await (
      await get(`/meetings?view=month&month=2025-03&body=${fixture.bodies.privateBody.id}`, { cookie: cookies.member })
    ).text()
    expect(html).toContain('<caption id="month-calendar-caption">marzec 2025</caption>')
    const cell = (day: string) => html.match(new RegExp(`<td[^>]*><time dateTime="${day}"[\\s\\S]*?</td>`))?.[0] ?? ''
    expect(textOf(cell('2025-03-29'))).toContain(`09:00 ${fixture.meetings.dst.topic}`)
    expect(textOf(cell('2025-03-30'))).toContain(`dzień 2 z 2 ${fixture.meetings.dst.topic}`)
    expect(textOf(cell('2025-03-28'))).not.toContain(fixture.meetings.dst.topic)
    expect(textOf(cell('2025-03-31'))).not.toContain(fixture.meetings.dst.topic)
  })
})

describe('subscribed feeds at the size of a region', () => {
  async function createPublicMeeting(startsAt: string, endsAt: string) {
    const { createMeeting } = await import('~/models/meeting.server')
    const { MeetingSchema } = await import('~/schemas/meeting')
    const { SYSTEM_ACTOR } = await import('~/models/audit.server')
    const input = MeetingSchema.parse({ topic: `Spotkanie archiwalne ${startsAt}`, startsAt, endsAt, isPublic: true })
    return createMeeting({ bodyId: fixture.bodies.publicBody.id, input, actor: SYSTEM_ACTOR }).id
  }

  it('leave out meetings older than the window (FEED_MONTHS_BACK), which stay in their own .ics', async () => {
    // The test server reaches 240 months back, for the demo teams of 2009–2017.
    const old = await createPublicMeeting('2004-05-10T10:00', '2004-05-10T12:00')
    for (const path of ['/calendar.ics', `/bodies/${fixture.bodies.publicBody.id}/calendar.ics`]) {
      const { body } = await fetchCalendar(path, 'visitor')
      expect(uids(parse(body)), path).not.toContain(uid(old))
      expect(uids(parse(body)), path).toContain(uid(fixture.meetings.cancelled.id))
    }
    const own = await fetchCalendar(`/meetings/${old}/calendar.ics`, 'visitor')
    expect(uids(parse(own.body))).toEqual([uid(old)])
  })

  it('answer a calendar that has the current version with 304 and no body, and a changed feed with 200 and a new ETag', async () => {
    for (const [path, who] of [
      ['/calendar.ics', 'visitor'],
      [`/bodies/${fixture.bodies.publicBody.id}/calendar.ics`, 'officer'],
    ] as const) {
      const first = await get(path, { cookie: cookies[who] })
      const etag = first.headers.get('ETag')
      expect(etag, path).toMatch(/^"[\w-]+"$/)
      const again = await get(path, { cookie: cookies[who], headers: { 'If-None-Match': etag! } })
      expect(again.status, path).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('ETag')).toBe(etag)
    }

    const before = await get('/calendar.ics')
    const etag = before.headers.get('ETag')!
    const added = await createPublicMeeting('2027-02-10T10:00', '2027-02-10T12:00')
    const after = await get('/calendar.ics', { headers: { 'If-None-Match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('ETag')).not.toBe(etag)
    expect(uids(parse(await after.text()))).toContain(uid(added))
  })
})
