import { and, asc, count, desc, eq, gte, inArray, lt, max, or, sql, type SQL } from 'drizzle-orm'
import type { MeetingAccess } from '~/auth/meeting-permissions'
import type { SessionUser } from '~/auth/session.server'
import { db, schema, type Tx } from '~/db.server'
import { MAX_MEETING_DAYS, type MeetingInput } from '~/schemas/meeting'
import { pageSlice } from '~/utils/paging'
import { keptUntilChange } from '~/utils/until-change.server'
import { daysBetween, fromWarsawLocal } from '~/utils/time'
import { shiftAgendaDays } from './agenda.server'
import { diffFields, recordAudit, type Actor } from './audit.server'
import { getBodyAccess, isInvitee, managedBodyIds, memberBodyIds } from './body-access.server'

const mt = schema.meetings
const b = schema.bodies

export type { MeetingAccess }

/**
 * How far a user sees into one meeting: a body's insiders see all its meetings; a guest
 * invited in person sees that meeting; anyone sees a public meeting of a public body.
 */
export function getMeetingAccess({ meetingId, user }: { meetingId: number; user: SessionUser | null }): MeetingAccess {
  const meeting = db.select({ bodyId: mt.bodyId, isPublic: mt.isPublic }).from(mt).where(eq(mt.id, meetingId)).get()
  if (!meeting) return 'none'
  const body = getBodyAccess({ bodyId: meeting.bodyId, user })
  if (body === 'manage' || body === 'member') return body
  if (isInvitee({ meetingId, user })) return 'invitee'
  return body === 'public' && meeting.isPublic ? 'public' : 'none'
}

/** SQL for „this meeting is one the user may see”, for lists and feeds. */
export function visibleMeetingCondition(user: SessionUser | null): SQL {
  const publicMeeting = and(eq(b.isPublic, true), eq(mt.isPublic, true))!
  if (user?.role === 'admin') return sql`1 = 1`
  if (!user) return publicMeeting
  const insider = [...new Set([...managedBodyIds(user), ...memberBodyIds(user)])]
  const invited = user.personId ? sql`${mt.id} in (select meeting_id from invitations where person_id = ${user.personId})` : sql`0`
  return or(publicMeeting, insider.length ? inArray(mt.bodyId, insider) : sql`0`, invited)!
}

/** SQL for „this meeting is one of my teams', or one I was invited to”: the dashboard's scope. */
export function myMeetingCondition(user: SessionUser): SQL {
  const insider = [...new Set([...managedBodyIds(user), ...memberBodyIds(user)])]
  const invited = user.personId ? sql`${mt.id} in (select meeting_id from invitations where person_id = ${user.personId})` : sql`0`
  return or(insider.length ? inArray(mt.bodyId, insider) : sql`0`, invited)!
}

/**
 * The Warsaw month (`YYYY-MM`) a meeting starts in. SQLite knows no time zones, but Warsaw is
 * UTC+2 on the first of every month from April to October and UTC+1 on the first of the others,
 * and only a start near midnight on the first can fall into another month.
 */
export const meetingMonth = sql<string>`case when strftime('%m', ${mt.startsAt}, '+2 hours') between '04' and '10'
  then strftime('%Y-%m', ${mt.startsAt}, '+2 hours') else strftime('%Y-%m', ${mt.startsAt}, '+1 hour') end`
/**
 * The Warsaw year a meeting starts in. Warsaw is UTC+1 around every New Year, so from 23:00 UTC
 * on 31 December a meeting belongs to the next year; plain text, as every list groups by it.
 */
export const meetingYear = sql<number>`cast(substr(${mt.startsAt}, 1, 4) as integer) + (substr(${mt.startsAt}, 6, 11) >= '12-31T23:00')`

const listColumns = {
  id: mt.id,
  bodyId: mt.bodyId,
  bodyName: b.name,
  bodyKind: b.kind,
  number: mt.number,
  topic: mt.topic,
  startsAt: mt.startsAt,
  endsAt: mt.endsAt,
  venueName: mt.venueName,
  state: mt.state,
  isPublic: mt.isPublic,
}

/** A period [from, to) of UTC instants, e.g. a Warsaw month. */
type Period = { from: string; to: string }

/** A Warsaw year, or one month (1–12) of it, as a period. */
export function meetingPeriod({ year, month }: { year: number; month?: number | null }): Period {
  const start = (y: number, m: number) => fromWarsawLocal(`${y}-${String(m).padStart(2, '0')}-01T00:00`)!.toISOString()
  if (!month) return { from: start(year, 1), to: start(year + 1, 1) }
  return { from: start(year, month), to: month === 12 ? start(year + 1, 1) : start(year, month + 1) }
}

/** Meetings still going on or ahead are upcoming; the rest are past. */
/**
 * Not yet ended. The start is at most MAX_MEETING_DAYS before the end, so the start index is
 * read from two weeks ago onwards, not from the first meeting a region ever held.
 */
const upcomingSince = (now: string) =>
  and(gte(mt.endsAt, now), gte(mt.startsAt, new Date(Date.parse(now) - MAX_MEETING_DAYS * 86_400_000).toISOString()))
/**
 * „Now” for lists, to the minute: every request of one minute asks the same question, so the
 * answers kept until the database changes (keptUntilChange) serve them all.
 */
function listNow(): string {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()
}

/** Ended: and so begun, which lets the start index be read from now backwards. */
const endedBefore = (now: string) => and(lt(mt.endsAt, now), lt(mt.startsAt, now))

type ListFilter = {
  user: SessionUser | null
  /** Only my teams' meetings and those I was invited to. */
  mine?: boolean
  bodyId?: number
  when?: 'upcoming' | 'past'
  /** Meetings that overlap the period: for a month calendar. */
  during?: Period
  /** Meetings that start in the period: for a year or a month of a list. */
  startingIn?: Period
}

/** The meetings a list shows, as of `now`: the same rule for its rows and for its total. */
function listedMeetings({ user, mine, bodyId, when, during, startingIn }: ListFilter, now: string) {
  return and(
    mine && user ? myMeetingCondition(user) : visibleMeetingCondition(user),
    bodyId ? eq(mt.bodyId, bodyId) : undefined,
    when === 'upcoming' ? upcomingSince(now) : when === 'past' ? endedBefore(now) : undefined,
    during ? and(gte(mt.endsAt, during.from), lt(mt.startsAt, during.to)) : undefined,
    startingIn ? and(gte(mt.startsAt, startingIn.from), lt(mt.startsAt, startingIn.to)) : undefined,
  )
}

export function listMeetings({
  limit,
  offset,
  ...filter
}: ListFilter & {
  /** The soonest (or, for past ones, the latest) first, by id on the same start. */
  limit?: number
  offset?: number
}) {
  return keptUntilChange(
    db
      .select(listColumns)
      .from(mt)
      .innerJoin(b, eq(b.id, mt.bodyId))
      .where(listedMeetings(filter, listNow()))
      .orderBy(...(filter.when === 'past' ? [desc(mt.startsAt), desc(mt.id)] : [asc(mt.startsAt), asc(mt.id)]))
      .limit(limit ?? -1)
      .offset(offset ?? 0),
  )
}

export type ListedMeeting = ReturnType<typeof listMeetings>[number]

/** How many meetings `listMeetings` would list with the same filters. */
export function countMeetings(filter: Omit<ListFilter, 'during'>): number {
  return (
    keptUntilChange(db.select({ n: count() }).from(mt).innerJoin(b, eq(b.id, mt.bodyId)).where(listedMeetings(filter, listNow())), {
      one: true,
    })?.n ?? 0
  )
}

export type MeetingYear = { year: number; meetings: number; upcoming: number }

/** The Warsaw years that hold meetings the user may see, newest first, with how many are still ahead. */
export function countMeetingsByYear({ user, bodyId }: { user: SessionUser | null; bodyId?: number }): MeetingYear[] {
  const now = listNow()
  // Reads every meeting the user may see (thousands in a region): kept until something changes.
  return keptUntilChange(
    db
      .select({ year: meetingYear, meetings: count(), upcoming: sql<number>`sum(${upcomingSince(now)})` })
      .from(mt)
      .innerJoin(b, eq(b.id, mt.bodyId))
      .where(and(visibleMeetingCondition(user), bodyId ? eq(mt.bodyId, bodyId) : undefined))
      .groupBy(meetingYear)
      .orderBy(desc(meetingYear)),
  )
}

/** The months (`YYYY-MM`) of one period that hold meetings the user may see, in order. */
export function countMeetingsByMonth({
  user,
  bodyId,
  startingIn,
}: {
  user: SessionUser | null
  bodyId?: number
  startingIn: Period
}): { month: string; meetings: number }[] {
  return keptUntilChange(
    db
      .select({ month: meetingMonth, meetings: count() })
      .from(mt)
      .innerJoin(b, eq(b.id, mt.bodyId))
      .where(
        and(
          visibleMeetingCondition(user),
          bodyId ? eq(mt.bodyId, bodyId) : undefined,
          gte(mt.startsAt, startingIn.from),
          lt(mt.startsAt, startingIn.to),
        ),
      )
      .groupBy(meetingMonth)
      .orderBy(asc(meetingMonth)),
  )
}

/**
 * One page of a list that shows the upcoming meetings first, soonest first, then the past
 * ones, latest first. `upcoming` is how many upcoming ones there are in all: the page takes
 * the rest of its rows from the past ones.
 */
export function listMeetingsPage({
  user,
  bodyId,
  page,
  upcoming,
}: {
  user: SessionUser | null
  bodyId?: number
  page: number
  upcoming: number
}): { upcoming: ListedMeeting[]; past: ListedMeeting[] } {
  const { limit, offset } = pageSlice(page)
  const ahead = offset < upcoming ? listMeetings({ user, bodyId, when: 'upcoming', limit, offset }) : []
  const rest = limit - ahead.length
  const past = rest > 0 ? listMeetings({ user, bodyId, when: 'past', limit: rest, offset: Math.max(0, offset - upcoming) }) : []
  return { upcoming: ahead, past }
}

/**
 * Meetings of my teams whose minutes are circulated: members read and comment on them,
 * officers approve them. The latest meeting first.
 */
export function listMinutesToReview({ user, limit }: { user: SessionUser; limit: number }) {
  const insider = [...new Set([...managedBodyIds(user), ...memberBodyIds(user)])]
  if (!insider.length) return { total: 0, meetings: [] }
  const doc = schema.documents
  const where = and(inArray(doc.bodyId, insider), eq(doc.kind, 'minutes'), eq(doc.state, 'circulated'))
  const total = keptUntilChange(db.select({ n: count() }).from(doc).where(where), { one: true })?.n ?? 0
  const meetings = db
    .select({
      id: mt.id,
      bodyName: b.name,
      number: mt.number,
      topic: mt.topic,
      startsAt: mt.startsAt,
      endsAt: mt.endsAt,
      commentsDueAt: doc.commentsDueAt,
    })
    .from(doc)
    .innerJoin(schema.minutes, eq(schema.minutes.id, doc.id))
    .innerJoin(mt, eq(mt.id, schema.minutes.meetingId))
    .innerJoin(b, eq(b.id, mt.bodyId))
    .where(where)
    .orderBy(desc(mt.startsAt), desc(mt.id))
    .limit(limit)
    .all()
  return { total, meetings }
}

export function getMeeting({ id }: { id: number }) {
  const meeting = db
    .select({
      id: mt.id,
      bodyId: mt.bodyId,
      bodyName: b.name,
      bodyKind: b.kind,
      bodyIsPublic: b.isPublic,
      conveningOrganisationId: b.conveningOrganisationId,
      projectId: b.projectId,
      number: mt.number,
      topic: mt.topic,
      purpose: mt.purpose,
      startsAt: mt.startsAt,
      endsAt: mt.endsAt,
      venueName: mt.venueName,
      venueAddress: mt.venueAddress,
      venueRoom: mt.venueRoom,
      seriesId: mt.seriesId,
      seriesTitle: schema.meetingSeries.title,
      seriesPlannedCount: schema.meetingSeries.plannedCount,
      state: mt.state,
      cancelReason: mt.cancelReason,
      isPublic: mt.isPublic,
      headcount: mt.headcount,
      sequence: mt.sequence,
      updatedAt: mt.updatedAt,
    })
    .from(mt)
    .innerJoin(b, eq(b.id, mt.bodyId))
    .leftJoin(schema.meetingSeries, eq(schema.meetingSeries.id, mt.seriesId))
    .where(eq(mt.id, id))
    .get()
  if (!meeting) return undefined
  const seriesPosition = meeting.seriesId
    ? (db
        .select({ n: sql<number>`count(*)` })
        .from(mt)
        // A cancelled meeting gives up its place in the series to the one held instead.
        .where(
          and(
            eq(mt.seriesId, meeting.seriesId),
            sql`${mt.startsAt} <= ${meeting.startsAt}`,
            or(sql`${mt.state} <> 'cancelled'`, eq(mt.id, meeting.id)),
          ),
        )
        .get()?.n ?? null)
    : null
  return { ...meeting, seriesPosition }
}

function seriesIdFor(bodyId: number, input: MeetingInput): number | null {
  if (!input.seriesTitle) return null
  const existing = db
    .select({ id: schema.meetingSeries.id })
    .from(schema.meetingSeries)
    .where(and(eq(schema.meetingSeries.bodyId, bodyId), eq(schema.meetingSeries.title, input.seriesTitle)))
    .get()
  if (existing) {
    if (input.seriesPlannedCount)
      db.update(schema.meetingSeries).set({ plannedCount: input.seriesPlannedCount }).where(eq(schema.meetingSeries.id, existing.id)).run()
    return existing.id
  }
  return db
    .insert(schema.meetingSeries)
    .values({ bodyId, title: input.seriesTitle, plannedCount: input.seriesPlannedCount ?? null })
    .returning({ id: schema.meetingSeries.id })
    .get().id
}

function meetingRow(input: MeetingInput) {
  return {
    topic: input.topic,
    purpose: input.purpose ?? null,
    startsAt: fromWarsawLocal(input.startsAt)!.toISOString(),
    endsAt: fromWarsawLocal(input.endsAt)!.toISOString(),
    venueName: input.venueName ?? null,
    venueAddress: input.venueAddress ?? null,
    venueRoom: input.venueRoom ?? null,
    isPublic: input.isPublic,
    headcount: input.headcount ?? null,
  }
}

export function insertMeeting(tx: Tx, { bodyId, input, actor }: { bodyId: number; input: MeetingInput; actor: Actor }) {
  const number =
    (tx
      .select({ n: max(mt.number) })
      .from(mt)
      .where(eq(mt.bodyId, bodyId))
      .get()?.n ?? 0) + 1
  const row = { ...meetingRow(input), bodyId, number, seriesId: seriesIdFor(bodyId, input) }
  const { id } = tx.insert(mt).values(row).returning({ id: mt.id }).get()
  recordAudit(tx, {
    actorUserId: actor.userId,
    ip: actor.ip,
    action: 'meeting.created',
    entityType: 'meeting',
    entityId: id,
    after: row,
  })
  return { id, number, startsAt: row.startsAt, endsAt: row.endsAt }
}

export function createMeeting({ bodyId, input, actor }: { bodyId: number; input: MeetingInput; actor: Actor }) {
  return db.transaction((tx) => insertMeeting(tx, { bodyId, input, actor }), { behavior: 'immediate' })
}

export type MeetingUpdateResult =
  { ok: true; rescheduled: boolean } | { ok: false; rescheduled: false; fieldErrors: Record<string, string[]> }

/**
 * Saves a meeting's changes. A new time or place raises the iCalendar SEQUENCE and is
 * reported back, so that the invitees can be told. Moved to other days, the agenda moves
 * along, day by day; a meeting cannot lose a day that still has agenda items.
 */
export function updateMeeting({ id, input, actor }: { id: number; input: MeetingInput; actor: Actor }): MeetingUpdateResult {
  return db.transaction((tx) => {
    const before = tx.select().from(mt).where(eq(mt.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    const fields = meetingRow(input)
    if (!shiftAgendaDays(tx, id, daysBetween(before.startsAt, before.endsAt), daysBetween(fields.startsAt, fields.endsAt))) {
      return { ok: false as const, rescheduled: false as const, fieldErrors: { endsAt: ['meetings.validation.agendaOutside'] } }
    }
    const row = { ...fields, seriesId: seriesIdFor(before.bodyId, input) }
    const diff = diffFields(before as Record<string, unknown>, row)
    if (diff.changed.length === 0) return { ok: true as const, rescheduled: false }
    const rescheduled = ['startsAt', 'endsAt', 'venueName', 'venueAddress', 'venueRoom'].some((field) => diff.changed.includes(field))
    tx.update(mt)
      .set({ ...row, sequence: rescheduled ? before.sequence + 1 : before.sequence, updatedAt: new Date().toISOString() })
      .where(eq(mt.id, id))
      .run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: rescheduled ? 'meeting.rescheduled' : 'meeting.updated',
      entityType: 'meeting',
      entityId: id,
      before: diff.before,
      after: diff.after,
    })
    return { ok: true as const, rescheduled }
  })
}

export function cancelMeeting({ id, reason, actor }: { id: number; reason: string; actor: Actor }) {
  db.transaction((tx) => {
    const before = tx.select({ state: mt.state, sequence: mt.sequence }).from(mt).where(eq(mt.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (before.state === 'cancelled') return
    tx.update(mt)
      .set({ state: 'cancelled', cancelReason: reason, sequence: before.sequence + 1, updatedAt: new Date().toISOString() })
      .where(eq(mt.id, id))
      .run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'meeting.cancelled',
      entityType: 'meeting',
      entityId: id,
      before: { state: before.state },
      after: { state: 'cancelled', cancelReason: reason },
    })
  })
}

/** planned → invited (when invitations go out) → held. A cancelled meeting stays cancelled. */
export function setMeetingState({ id, state, actor }: { id: number; state: 'invited' | 'held'; actor: Actor }) {
  db.transaction((tx) => {
    const before = tx.select({ state: mt.state }).from(mt).where(eq(mt.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    const order = ['planned', 'invited', 'held'] as const
    if (before.state === 'cancelled' || order.indexOf(before.state as (typeof order)[number]) >= order.indexOf(state)) return
    tx.update(mt).set({ state, updatedAt: new Date().toISOString() }).where(eq(mt.id, id)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: `meeting.${state}`,
      entityType: 'meeting',
      entityId: id,
      before,
      after: { state },
    })
  })
}

/** What „schedule the next meeting” starts from: the body's last meeting's venue and series. */
export function getNextMeetingDefaults({ bodyId }: { bodyId: number }) {
  const last = db
    .select({
      venueName: mt.venueName,
      venueAddress: mt.venueAddress,
      venueRoom: mt.venueRoom,
      isPublic: mt.isPublic,
      seriesTitle: schema.meetingSeries.title,
      seriesPlannedCount: schema.meetingSeries.plannedCount,
    })
    .from(mt)
    .leftJoin(schema.meetingSeries, eq(schema.meetingSeries.id, mt.seriesId))
    .where(eq(mt.bodyId, bodyId))
    .orderBy(desc(mt.startsAt))
    .get()
  return last ?? null
}

/**
 * Meetings of the teams I manage that have ended while still planned or invited: nobody has
 * said whether they were held. The latest first, one page; and how many there are.
 */
export function listMeetingsToConfirm({ user, page }: { user: SessionUser; page: number }) {
  const managed = managedBodyIds(user)
  if (!managed.length) return { total: 0, meetings: [] }
  const where = and(inArray(mt.bodyId, managed), inArray(mt.state, ['planned', 'invited']), endedBefore(listNow()))
  const total = db.select({ n: count() }).from(mt).where(where).get()?.n ?? 0
  const { limit, offset } = pageSlice(page)
  const meetings = db
    .select({ id: mt.id, bodyName: b.name, number: mt.number, topic: mt.topic, startsAt: mt.startsAt, endsAt: mt.endsAt })
    .from(mt)
    .innerJoin(b, eq(b.id, mt.bodyId))
    .where(where)
    .orderBy(desc(mt.startsAt), desc(mt.id))
    .limit(limit)
    .offset(offset)
    .all()
  return { total, meetings }
}

/**
 * A series with one page of the meetings of it the user may see, in date order, each with its
 * place in the series (a cancelled one has none: the meeting held instead takes it). Null when
 * the user sees none of its meetings.
 */
export function getSeries({ seriesId, user, page }: { seriesId: number; user: SessionUser | null; page: number }) {
  const sr = schema.meetingSeries
  const series = db
    .select({ id: sr.id, title: sr.title, plannedCount: sr.plannedCount, bodyId: sr.bodyId, bodyName: b.name })
    .from(sr)
    .innerJoin(b, eq(b.id, sr.bodyId))
    .where(eq(sr.id, seriesId))
    .get()
  if (!series) return null
  const where = and(eq(mt.seriesId, seriesId), visibleMeetingCondition(user))
  const total = db.select({ n: count() }).from(mt).innerJoin(b, eq(b.id, mt.bodyId)).where(where).get()?.n ?? 0
  if (!total) return null
  const { limit, offset } = pageSlice(page)
  const meetings = db
    .select({
      id: mt.id,
      number: mt.number,
      topic: mt.topic,
      startsAt: mt.startsAt,
      endsAt: mt.endsAt,
      state: mt.state,
      position: sql<number | null>`case when ${mt.state} = 'cancelled' then null else
        (select count(*) from meetings as held where held.series_id = ${mt.seriesId}
          and held.starts_at <= ${mt.startsAt} and held.state <> 'cancelled') end`,
    })
    .from(mt)
    .innerJoin(b, eq(b.id, mt.bodyId))
    .where(where)
    .orderBy(asc(mt.startsAt), asc(mt.id))
    .limit(limit)
    .offset(offset)
    .all()
  return { series, total, meetings }
}
