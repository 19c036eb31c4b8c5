import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { updateMeeting } from '~/models/meeting.server'
import { MeetingSchema } from '~/schemas/meeting'
import { createCalendarFixture, type CalendarFixture } from '#tests/support/calendar-fixtures'
import { bodyCalendar, meetingCalendar, publicCalendar } from './feed.server'

const ORIGIN = 'https://narada.example.pl'
let fixture: CalendarFixture

beforeAll(async () => {
  fixture = await createCalendarFixture()
})

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
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
    expect(event!.description).toBe('Wypracowanie wspólnych rekomendacji dla ośrodków pomocy społecznej i urzędów pracy.')
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
      events(bodyCalendar({ bodyId: publicBody.id, bodyName: publicBody.name, user, origin: ORIGIN })).map((e) => e.uid)
    expect(feed(null)).toEqual([uid(publicMeeting.id), uid(cancelled.id)])
    expect(feed(fixture.accounts.member.user)).toEqual([uid(publicMeeting.id), uid(cancelled.id)])
    expect(feed(fixture.accounts.otherMember.user)).toEqual([uid(publicMeeting.id), uid(privateMeeting.id), uid(cancelled.id)])
    expect(feed(fixture.accounts.officer.user)).toEqual([uid(publicMeeting.id), uid(privateMeeting.id), uid(cancelled.id)])

    const everyone = events(publicCalendar({ origin: ORIGIN }))
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
