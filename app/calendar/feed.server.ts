import crypto from 'node:crypto'
import { subMonths } from 'date-fns'
import { and, asc, count, eq, gte, max, sql, type SQL } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import { translator } from '~/i18n/messages'
import { visibleMeetingCondition } from '~/models/meeting.server'
import { buildVersion } from '~/utils/build-version.server'
import { ByteCache } from '~/utils/byte-cache'
import { formatMeetingWhen } from '~/utils/format'
import { fromWarsawLocal, warsawDay } from '~/utils/time'
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
  // A calendar shows a meeting of several days as one long block: the days and hours in words say what it is.
  const severalDays = warsawDay(meeting.startsAt) !== warsawDay(meeting.endsAt)
  const description = [
    severalDays ? t('calendar.ics.when', { when: formatMeetingWhen(meeting.startsAt, meeting.endsAt) }) : null,
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

/**
 * The first Warsaw day a feed covers. A subscribed calendar asks every few hours, for years:
 * it gets the last FEED_MONTHS_BACK months (12 unless set) and everything ahead, not a
 * region's whole archive, which is on the teams' year pages. The start moves a day at a time,
 * so all of a day's requests share one rendered feed.
 */
export function feedWindowStart(now: Date): string {
  const day = warsawDay(subMonths(now, config.feedMonthsBack))
  return fromWarsawLocal(`${day}T00:00`)!.toISOString()
}

export type Feed = { etag: string; ics: Buffer }

// Rendered feeds by ETag. Every few minutes thousands of calendar clients ask for the same few
// feeds; a feed is rendered again only when a meeting or a team in it has changed.
const renderedFeeds = new ByteCache(16 * 1024 * 1024)

/**
 * The feed of the meetings `where` selects within the window. Its ETag is a digest of the
 * code that writes it, of its name, of the query (so of who asks and what they may see), of the
 * origin its links name, and of what changes a feed: how many meetings
 * it has, which, and when a meeting or a team was last changed. Asking costs one aggregate
 * query; rendering happens only for a new ETag.
 */
function feedOf(
  where: SQL | undefined,
  { name, origin, now }: { name: string; origin: string; now: Date },
  render: (meetings: FeedMeeting[]) => string,
): Feed {
  const inWindow = and(gte(mt.endsAt, feedWindowStart(now)), where)
  const fingerprintQuery = db
    .select({ meetings: count(), ids: sql<number>`total(${mt.id})`, meetingChange: max(mt.updatedAt), bodyChange: max(b.updatedAt) })
    .from(mt)
    .innerJoin(b, eq(b.id, mt.bodyId))
    .where(inWindow)
  const { sql: query, params } = fingerprintQuery.toSQL()
  const digest = crypto
    .createHash('sha256')
    .update(JSON.stringify([buildVersion, name, origin, query, params, fingerprintQuery.get()]))
    .digest('base64url')
  const etag = `"${digest.slice(0, 32)}"`
  let ics = renderedFeeds.get(etag)
  if (!ics) renderedFeeds.set(etag, (ics = Buffer.from(render(feedMeetings(inWindow)), 'utf8')))
  return { etag, ics }
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

/** A body's meetings that this user may see, within the feed window; the caller has checked the user's access to the body. */
export function bodyCalendar({
  bodyId,
  bodyName,
  user,
  origin,
  now = new Date(),
}: {
  bodyId: number
  bodyName: string
  user: SessionUser | null
  origin: string
  now?: Date
}): Feed {
  return feedOf(and(eq(mt.bodyId, bodyId), visibleMeetingCondition(user)), { name: bodyName, origin, now }, (meetings) =>
    calendarOf(bodyName, meetings, origin, t('calendar.ics.bodyDescription', { body: bodyName })),
  )
}

/** Every public meeting of every public body within the feed window, for anyone to subscribe to. */
export function publicCalendar({ origin, now = new Date() }: { origin: string; now?: Date }): Feed {
  return feedOf(visibleMeetingCondition(null), { name: 'public', origin, now }, (meetings) =>
    calendarOf(t('calendar.ics.publicName'), meetings, origin, t('calendar.ics.publicDescription')),
  )
}
