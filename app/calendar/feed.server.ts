import { and, asc, eq, type SQL } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { translator } from '~/i18n/messages'
import { visibleMeetingCondition } from '~/models/meeting.server'
import { buildCalendar, type CalendarEvent } from './ics'

const mt = schema.meetings
const b = schema.bodies

// Calendars are documents shared outside the app (subscriptions, attachments): always Polish.
const t = translator('pl')

const feedColumns = {
  id: mt.id,
  number: mt.number,
  topic: mt.topic,
  purpose: mt.purpose,
  startsAt: mt.startsAt,
  endsAt: mt.endsAt,
  venueName: mt.venueName,
  venueRoom: mt.venueRoom,
  venueAddress: mt.venueAddress,
  state: mt.state,
  cancelReason: mt.cancelReason,
  sequence: mt.sequence,
  updatedAt: mt.updatedAt,
  bodyName: b.name,
}

function feedMeetings(where: SQL | undefined) {
  return db.select(feedColumns).from(mt).innerJoin(b, eq(b.id, mt.bodyId)).where(where).orderBy(asc(mt.startsAt), asc(mt.id)).all()
}

export type FeedMeeting = ReturnType<typeof feedMeetings>[number]

/** „MOPS, sala konferencyjna, ul. Daszyńskiego 3”: the venue, its room and its address. */
export function meetingLocation(meeting: Pick<FeedMeeting, 'venueName' | 'venueRoom' | 'venueAddress'>): string {
  return [meeting.venueName, meeting.venueRoom, meeting.venueAddress]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(', ')
}

/**
 * One meeting as one event, however many days it spans: from the first day's start to the
 * last day's end. Cancelled meetings stay in feeds as STATUS:CANCELLED, so that calendars
 * that have them remove them.
 */
export function meetingEvent(meeting: FeedMeeting, origin: string): CalendarEvent {
  const description = [
    meeting.purpose?.trim(),
    meeting.state === 'cancelled' ? t('calendar.ics.cancelled', { reason: meeting.cancelReason ?? '' }).trim() : null,
  ]
    .filter(Boolean)
    .join('\n\n')
  const location = meetingLocation(meeting)
  return {
    uid: `meeting-${meeting.id}@narada`,
    sequence: meeting.sequence,
    start: new Date(meeting.startsAt),
    end: new Date(meeting.endsAt),
    summary: `${meeting.topic} — ${meeting.bodyName}`,
    ...(description ? { description } : {}),
    ...(location ? { location } : {}),
    url: `${origin}/meetings/${meeting.id}`,
    status: meeting.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    lastModified: new Date(meeting.updatedAt),
  }
}

function calendarOf(name: string, meetings: FeedMeeting[], origin: string, description?: string) {
  return buildCalendar({
    name,
    ...(description ? { description } : {}),
    events: meetings.map((m) => meetingEvent(m, origin)),
    now: new Date(),
  })
}

/** The `.ics` of one meeting; the caller has checked the user's access to it. */
export function meetingCalendar({ meetingId, origin }: { meetingId: number; origin: string }) {
  const meetings = feedMeetings(eq(mt.id, meetingId))
  const meeting = meetings[0]
  if (!meeting) return null
  return { meeting, ics: calendarOf(`${meeting.topic} — ${meeting.bodyName}`, meetings, origin) }
}

/** A body's meetings that this user may see; the caller has checked the user's access to the body. */
export function bodyCalendar({
  bodyId,
  bodyName,
  user,
  origin,
}: {
  bodyId: number
  bodyName: string
  user: SessionUser | null
  origin: string
}) {
  const meetings = feedMeetings(and(eq(mt.bodyId, bodyId), visibleMeetingCondition(user)))
  return calendarOf(bodyName, meetings, origin, t('calendar.ics.bodyDescription', { body: bodyName }))
}

/** Every public meeting of every public body, for anyone to subscribe to. */
export function publicCalendar({ origin }: { origin: string }) {
  return calendarOf(t('calendar.ics.publicName'), feedMeetings(visibleMeetingCondition(null)), origin, t('calendar.ics.publicDescription'))
}
