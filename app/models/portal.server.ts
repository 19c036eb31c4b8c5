import { and, asc, count, countDistinct, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type { MeetingState } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import { keptUntilChange } from '~/utils/until-change.server'
import { meetingYear } from './meeting.server'
import { pageSlice } from '~/utils/paging'
import { fromWarsawLocal, warsawDay } from '~/utils/time'
import { venueLine } from '~/utils/format'

const b = schema.bodies
const mt = schema.meetings
const mn = schema.minutes
const doc = schema.documents
const pr = schema.presentations
const orgs = schema.organisations

/**
 * The public record: what anyone may read without an account, whoever is asking. Every
 * query here is built on these conditions alone, never on the caller's access, so that
 * nothing internal can appear even for a signed-in officer looking at the portal.
 */
const publicMeeting = and(eq(b.isPublic, true), eq(mt.isPublic, true))!
const publicMinutes = and(eq(doc.id, mn.id), eq(doc.state, 'published'), eq(doc.visibility, 'public'))!
const publicPresentation = eq(pr.visibility, 'public')

export type PortalYear = { year: number; meetings: number; minutes: number }

export type PortalBody = {
  id: number
  name: string
  kind: 'advisory_team' | 'working_group'
  convening: string
  umbrella: string | null
}

/** A row of the portal's list of teams: what it holds, and its first and latest year. */
export type PortalBodyRow = PortalBody & { meetings: number; minutes: number; firstYear: number; latestYear: number }

const bodyColumns = { id: b.id, name: b.name, kind: b.kind, convening: orgs.name, umbrella: b.umbrella }
const hasPublicMeeting = sql`exists (select 1 from meetings m where m.body_id = ${b.id} and m.is_public = 1)`
const portalBody = and(eq(b.isPublic, true), hasPublicMeeting)!

/** How many teams the portal lists. */
export function countPortalBodies(): number {
  return keptUntilChange(db.select({ n: count() }).from(b).where(portalBody), { one: true })?.n ?? 0
}

/**
 * One page of the public teams that have public meetings, by name. Each row counts its team's
 * meetings and minutes, for every visitor: kept until the database changes.
 */
export function listPortalBodies({ page }: { page: number }): PortalBodyRow[] {
  return keptUntilChange(
    db
      .select({
        ...bodyColumns,
        meetings: sql<number>`(select count(*) from meetings m where m.body_id = ${b.id} and m.is_public = 1)`,
        minutes: sql<number>`(select count(*) from minutes n join meetings m on m.id = n.meeting_id join documents d on d.id = n.id
        where m.body_id = ${b.id} and m.is_public = 1 and d.state = 'published' and d.visibility = 'public')`,
        firstStart: sql<string>`(select min(m.starts_at) from meetings m where m.body_id = ${b.id} and m.is_public = 1)`,
        latestStart: sql<string>`(select max(m.starts_at) from meetings m where m.body_id = ${b.id} and m.is_public = 1)`,
      })
      .from(b)
      .innerJoin(orgs, eq(orgs.id, b.conveningOrganisationId))
      .where(portalBody)
      .orderBy(asc(b.name), asc(b.id))
      .limit(pageSlice(page).limit)
      .offset(pageSlice(page).offset),
  ).map(({ firstStart, latestStart, ...row }) => ({ ...row, firstYear: warsawYear(firstStart), latestYear: warsawYear(latestStart) }))
}

const warsawYear = (instant: string) => Number(warsawDay(new Date(instant)).slice(0, 4))

/** One public team of the portal with its years (newest first), or undefined when it is not public or has no public meeting. */
export function getPortalBody({ bodyId }: { bodyId: number }): (PortalBody & { years: PortalYear[] }) | undefined {
  const body = db
    .select(bodyColumns)
    .from(b)
    .innerJoin(orgs, eq(orgs.id, b.conveningOrganisationId))
    .where(and(eq(b.id, bodyId), portalBody))
    .get()
  if (!body) return undefined
  const years = keptUntilChange(
    db
      .select({ year: meetingYear, meetings: countDistinct(mt.id), minutes: count(doc.id) })
      .from(mt)
      .innerJoin(b, eq(b.id, mt.bodyId))
      .leftJoin(mn, eq(mn.meetingId, mt.id))
      .leftJoin(doc, publicMinutes)
      .where(and(publicMeeting, eq(mt.bodyId, bodyId)))
      .groupBy(meetingYear)
      .orderBy(desc(meetingYear)),
  )
  return { ...body, years }
}

export type PortalPresentation = { id: number; title: string; presenter: string | null; fileName: string; sizeBytes: number }

export type PortalMeeting = {
  id: number
  number: number
  topic: string
  startsAt: string
  endsAt: string
  place: string | null
  state: MeetingState
  hasAgenda: boolean
  /** Present only for minutes published to the public. */
  minutes: { publishedAt: string | null; verificationCode: string | null } | null
  presentations: PortalPresentation[]
}

/** One page of a public team's public meetings of one (Warsaw) year, in date order, with their public documents. */
export function listPortalMeetings({ bodyId, year, page }: { bodyId: number; year: number; page: number }): PortalMeeting[] {
  const from = fromWarsawLocal(`${year}-01-01T00:00`)
  const to = fromWarsawLocal(`${year + 1}-01-01T00:00`)
  if (!from || !to) return []
  const meetings = db
    .select({
      id: mt.id,
      number: mt.number,
      topic: mt.topic,
      startsAt: mt.startsAt,
      endsAt: mt.endsAt,
      venueName: mt.venueName,
      venueAddress: mt.venueAddress,
      venueRoom: mt.venueRoom,
      state: mt.state,
      agendaItems: sql<number>`(select count(*) from agenda_items where agenda_items.meeting_id = ${mt.id})`,
      minutesId: doc.id,
      publishedAt: doc.publishedAt,
      verificationCode: sql<
        string | null
      >`(select v.verification_code from document_versions v where v.document_id = ${doc.id} and v.state = 'published' order by v.number desc limit 1)`,
    })
    .from(mt)
    .innerJoin(b, eq(b.id, mt.bodyId))
    .leftJoin(mn, eq(mn.meetingId, mt.id))
    .leftJoin(doc, publicMinutes)
    .where(and(publicMeeting, eq(mt.bodyId, bodyId), gte(mt.startsAt, from.toISOString()), lt(mt.startsAt, to.toISOString())))
    .orderBy(asc(mt.startsAt), asc(mt.number), asc(mt.id))
    .limit(pageSlice(page).limit)
    .offset(pageSlice(page).offset)
    .all()
  if (!meetings.length) return []

  const presentations = db
    .select({
      id: pr.id,
      meetingId: pr.meetingId,
      title: pr.title,
      presenter: schema.people.name,
      fileName: sql<
        string | null
      >`(select f.file_name from presentation_files f where f.presentation_id = ${pr.id} order by f.version desc limit 1)`,
      sizeBytes: sql<
        number | null
      >`(select f.size_bytes from presentation_files f where f.presentation_id = ${pr.id} order by f.version desc limit 1)`,
    })
    .from(pr)
    .leftJoin(schema.people, eq(schema.people.id, pr.presenterPersonId))
    .leftJoin(schema.agendaItems, eq(schema.agendaItems.id, pr.agendaItemId))
    .where(
      and(
        publicPresentation,
        inArray(
          pr.meetingId,
          meetings.map((m) => m.id),
        ),
      ),
    )
    .orderBy(sql`${schema.agendaItems.day} is null`, asc(schema.agendaItems.day), asc(schema.agendaItems.position), asc(pr.id))
    .all()

  return meetings.map((m) => ({
    id: m.id,
    number: m.number,
    topic: m.topic,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: venueLine(m),
    state: m.state,
    hasAgenda: m.agendaItems > 0,
    minutes: m.minutesId ? { publishedAt: m.publishedAt, verificationCode: m.verificationCode } : null,
    presentations: presentations
      .filter((p) => p.meetingId === m.id && p.fileName !== null)
      .map((p) => ({ id: p.id, title: p.title, presenter: p.presenter, fileName: p.fileName!, sizeBytes: p.sizeBytes ?? 0 })),
  }))
}
