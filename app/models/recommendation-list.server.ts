import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { DocumentVisibility, RecommendationState } from '#db/schema/enums'
import { canInBody } from '~/auth/body-permissions'
import type { RecommendationAccess } from '~/auth/recommendation-permissions'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { pageSlice } from '~/utils/paging'
import { managedBodyIds, memberBodyIds } from './body-access.server'

const d = schema.documents
const rc = schema.recommendations
const b = schema.bodies

/** One line of a list of recommendations. */
export type RecommendationRow = {
  id: number
  bodyId: number
  bodyName: string
  title: string
  number: string | null
  state: RecommendationState
  visibility: DocumentVisibility
  adoptedOn: string | null
  publishedAt: string | null
  withdrawnAt: string | null
  updatedAt: string
}

export type RecommendationPage = { rows: RecommendationRow[]; total: number }

const publishedStates = ['published', 'withdrawn'] as const
/** Published to anyone: what outsiders may read, through the published version. */
const publicRecord = and(inArray(d.state, [...publishedStates]), eq(d.visibility, 'public'))!
/** The year a recommendation belongs to: of its adoption, else of its start. */
const yearOf = sql<string>`coalesce(substr(${rc.adoptedOn}, 1, 4), substr(${d.createdAt}, 1, 4))`

/** What the user may read: every state in the teams they are inside of, elsewhere what was published to anyone. */
function readable(user: SessionUser | null): SQL {
  if (user?.role === 'admin') return sql`1 = 1`
  const insider = user ? [...new Set([...managedBodyIds(user), ...memberBodyIds(user)])] : []
  return insider.length ? sql`(${inArray(d.bodyId, insider)} or ${publicRecord})` : publicRecord
}

function page(where: SQL, pageNumber: number): RecommendationPage {
  const condition = and(eq(d.kind, 'recommendation'), where)
  const rows = db
    .select({
      id: rc.id,
      bodyId: d.bodyId,
      bodyName: b.name,
      title: rc.title,
      number: rc.number,
      state: d.state,
      visibility: d.visibility,
      adoptedOn: rc.adoptedOn,
      publishedAt: d.publishedAt,
      withdrawnAt: rc.withdrawnAt,
      updatedAt: d.updatedAt,
    })
    .from(d)
    .innerJoin(rc, eq(rc.id, d.id))
    .innerJoin(b, eq(b.id, d.bodyId))
    .where(condition)
    .orderBy(desc(sql`coalesce(${d.publishedAt}, ${d.updatedAt})`), desc(d.id))
    .limit(pageSlice(pageNumber).limit)
    .offset(pageSlice(pageNumber).offset)
    .all()
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(d)
      .innerJoin(rc, eq(rc.id, d.id))
      .where(condition)
      .get()?.n ?? 0
  return { rows: rows.map((row) => ({ ...row, state: row.state as RecommendationState })), total }
}

/** /recommendations: what the user may read, newest first, by state, team and year. */
export function listRecommendations({
  user,
  state,
  bodyId,
  year,
  page: pageNumber,
}: {
  user: SessionUser | null
  state?: RecommendationState
  bodyId?: number
  year?: number
  page: number
}): RecommendationPage & { years: number[] } {
  const scope = readable(user)
  const filters = and(
    scope,
    state ? eq(d.state, state) : undefined,
    bodyId !== undefined ? eq(d.bodyId, bodyId) : undefined,
    year !== undefined ? sql`${yearOf} = ${String(year)}` : undefined,
  )!
  const years = db
    .selectDistinct({ year: yearOf })
    .from(d)
    .innerJoin(rc, eq(rc.id, d.id))
    .where(and(eq(d.kind, 'recommendation'), scope))
    .orderBy(desc(yearOf))
    .all()
    .map((row) => Number(row.year))
  return { ...page(filters, pageNumber), years }
}

/** A team's page: every state for its insiders, else what it published to anyone. */
export function listBodyRecommendations({
  bodyId,
  access,
  page: pageNumber,
}: {
  bodyId: number
  access: RecommendationAccess
  page: number
}): RecommendationPage {
  return page(and(eq(d.bodyId, bodyId), canInBody(access, 'body.readInternal') ? undefined : publicRecord)!, pageNumber)
}

/** The public portal: what every team published to anyone. */
export function listPublicRecommendations({ page: pageNumber }: { page: number }): RecommendationPage {
  return page(publicRecord, pageNumber)
}

/** The recommendations adopted at a meeting that the reader of its minutes may read. */
export function recommendationsAdoptedAt({
  meetingId,
  access,
}: {
  meetingId: number
  access: RecommendationAccess
}): { id: number; title: string; number: string | null; state: RecommendationState }[] {
  return db
    .select({ id: rc.id, title: rc.title, number: rc.number, state: d.state })
    .from(rc)
    .innerJoin(d, eq(d.id, rc.id))
    .where(and(eq(rc.adoptedMeetingId, meetingId), canInBody(access, 'body.readInternal') ? undefined : publicRecord))
    .orderBy(rc.id)
    .all()
    .map((row) => ({ ...row, state: row.state as RecommendationState }))
}

/** The team's meetings a text may be adopted at: not cancelled, newest first, the last 50. */
export function meetingsForAdoption({ bodyId }: { bodyId: number }): { id: number; number: number; startsAt: string; topic: string }[] {
  const m = schema.meetings
  return db
    .select({ id: m.id, number: m.number, startsAt: m.startsAt, topic: m.topic })
    .from(m)
    .where(and(eq(m.bodyId, bodyId), ne(m.state, 'cancelled')))
    .orderBy(desc(m.startsAt), desc(m.id))
    .limit(50)
    .all()
}
