import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { updateMeeting } from '~/models/meeting.server'
import { MeetingSchema } from '~/schemas/meeting'
import { createCalendarFixture, type CalendarFixture } from '#tests/support/calendar-fixtures'
import { bodyCalendar, meetingCalendar, publicCalendar } from './feed.server'

const ORIGIN = 'https://narada.example.pl'
// The fixture's meetings are of spring 2025: feeds are asked as of a day when they are recent.
const NOW = new Date('2025-07-01T10:00:00Z')
let fixture: CalendarFixture

beforeAll(async () => {
  fixture = await createCalendarFixture()
})

function events(ics: string | Buffer) {
  const calendar = new ICAL.Component(ICAL.parse(ics.toString()))
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
}
const iso = (time: ICAL.Time) => time.toJSDate().toISOString()
const uid = (id: number) => `meeting-${id}@narada`

describe('meeting feeds', () => {
  it('writes a meeting as one event with a stable UID, its team, place, purpose and page', () => {
    const { dst } = fixture.meetings
    const [event, ...rest] = events(meetingCalendar({ meetingId: dst.id, origin: ORIGIN })!.ics)
    expect(rest).toEqual([])
    expect(event!.uid).toBe(uid(dst.id))
    expect(event!.summary).toBe(`${dst.topic} — ${fixture.bodies.privateBody.name}`)
    expect(iso(event!.startDate)).toBe('2025-03-29T08:00:00.000Z')
    expect(iso(event!.endDate)).toBe('2025-03-30T13:00:00.000Z')
    expect(event!.location).toBe('Centrum Organizacji Pozarządowych, sala nr 12, ul. Żwirki i Wigury 5, 44-240 Żory')
    expect(event!.description).toBe(
      'Termin: 29–30 marca 2025 r. (29 marca od godz. 09:00, 30 marca do godz. 15:00)\n\nWypracowanie wspólnych rekomendacji dla ośrodków pomocy społecznej i urzędów pracy.',
    )
    expect(event!.component.getFirstPropertyValue('url')).toBe(`${ORIGIN}/meetings/${dst.id}`)
    expect(event!.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
  })

  it('raises SEQUENCE when the meeting moves, and keeps the UID', () => {
    const { publicMeeting } = fixture.meetings
    const before = events(meetingCalendar({ meetingId: publicMeeting.id, origin: ORIGIN })!.ics)[0]!
    const input = MeetingSchema.parse({
      topic: publicMeeting.topic,
      purpose: 'Omówienie porozumień o współpracy.',
      startsAt: '2025-05-16T14:00',
      endsAt: '2025-05-16T16:00',
      venueName: 'Miejski Ośrodek Pomocy Społecznej',
      venueRoom: 'sala konferencyjna',
      venueAddress: 'ul. Daszyńskiego 3, 44-300 Wodzisław Śląski',
      isPublic: true,
    })
    expect(updateMeeting({ id: publicMeeting.id, input, actor: SYSTEM_ACTOR })).toMatchObject({ rescheduled: true })
    const after = events(meetingCalendar({ meetingId: publicMeeting.id, origin: ORIGIN })!.ics)[0]!
    expect(after.uid).toBe(before.uid)
    expect(after.sequence).toBe(before.sequence + 1)
    expect(iso(after.startDate)).toBe('2025-05-16T12:00:00.000Z')
  })

  it('gives a body’s feed by what the user may see, and the public feed public meetings only', () => {
    const { publicBody } = fixture.bodies
    const { publicMeeting, privateMeeting, cancelled, dst } = fixture.meetings
    const feed = (user: CalendarFixture['accounts']['member']['user'] | null) =>
      events(bodyCalendar({ bodyId: publicBody.id, bodyName: publicBody.name, user, origin: ORIGIN, now: NOW }).ics).map((e) => e.uid)
    expect(feed(null)).toEqual([uid(publicMeeting.id), uid(cancelled.id)])
    expect(feed(fixture.accounts.member.user)).toEqual([uid(publicMeeting.id), uid(cancelled.id)])
    expect(feed(fixture.accounts.otherMember.user)).toEqual([uid(publicMeeting.id), uid(privateMeeting.id), uid(cancelled.id)])
    expect(feed(fixture.accounts.officer.user)).toEqual([uid(publicMeeting.id), uid(privateMeeting.id), uid(cancelled.id)])

    const everyone = events(publicCalendar({ origin: ORIGIN, now: NOW }).ics)
    const ids = everyone.map((e) => e.uid)
    expect(ids).toEqual(expect.arrayContaining([uid(publicMeeting.id), uid(cancelled.id)]))
    expect(ids).not.toContain(uid(privateMeeting.id))
    expect(ids).not.toContain(uid(dst.id))
    const cancelledEvent = everyone.find((e) => e.uid === uid(cancelled.id))!
    expect(cancelledEvent.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(cancelledEvent.sequence).toBe(1)
    expect(cancelledEvent.description).toBe('Spotkanie odwołane. Brak kworum.')
  })

  it('has nothing for a meeting that does not exist', () => {
    expect(meetingCalendar({ meetingId: 999_999, origin: ORIGIN })).toBeNull()
  })
})

describe('subscribed feeds', () => {
  const publicUids = (now: Date) => events(publicCalendar({ origin: ORIGIN, now }).ics).map((e) => e.uid)

  it('reach 12 months back, from the first Warsaw day of that month-old day, and everything ahead', () => {
    const { publicMeeting, cancelled } = fixture.meetings
    // The cancelled meeting ended at 12:00 on 20.06.2025; the public one on 16.05.2025.
    expect(publicUids(new Date('2026-06-20T06:00:00Z'))).toEqual(expect.arrayContaining([uid(cancelled.id)]))
    expect(publicUids(new Date('2026-06-20T06:00:00Z'))).not.toContain(uid(publicMeeting.id))
    expect(publicUids(new Date('2026-06-21T06:00:00Z'))).not.toContain(uid(cancelled.id))
    // Everything ahead, however far.
    expect(publicUids(new Date('2020-01-01T00:00:00Z'))).toEqual(expect.arrayContaining([uid(publicMeeting.id), uid(cancelled.id)]))
  })

  it('keep their ETag and their bytes until a meeting in them changes', () => {
    const first = publicCalendar({ origin: ORIGIN, now: NOW })
    const again = publicCalendar({ origin: ORIGIN, now: new Date(NOW.getTime() + 60_000) })
    expect(again.etag).toBe(first.etag)
    // DTSTAMP is the time of rendering: the same bytes mean it was not rendered again.
    expect(again.ics.equals(first.ics)).toBe(true)

    const { cancelled } = fixture.meetings
    const input = MeetingSchema.parse({ topic: cancelled.topic, startsAt: '2025-06-20T10:00', endsAt: '2025-06-20T12:30', isPublic: true })
    updateMeeting({ id: cancelled.id, input, actor: SYSTEM_ACTOR })
    const changed = publicCalendar({ origin: ORIGIN, now: NOW })
    expect(changed.etag).not.toBe(first.etag)
    expect(iso(events(changed.ics).find((e) => e.uid === uid(cancelled.id))!.endDate)).toBe('2025-06-20T10:30:00.000Z')
  })

  it('differ by who asks and by the address their links name', () => {
    const { publicBody } = fixture.bodies
    const feed = (user: CalendarFixture['accounts']['member']['user'] | null, origin = ORIGIN) =>
      bodyCalendar({ bodyId: publicBody.id, bodyName: publicBody.name, user, origin, now: NOW }).etag
    expect(feed(fixture.accounts.officer.user)).not.toBe(feed(null))
    expect(feed(null, 'https://inny.example.pl')).not.toBe(feed(null))
  })
})
