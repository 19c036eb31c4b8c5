import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import { alias, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { DocumentVisibility, OrganisationKind, RecommendationState } from '#db/schema/enums'
import { db, schema, type Db, type Tx } from '~/db.server'
import { parsedOr400 } from '~/utils/http.server'
import {
  RecommendationContentSchema,
  RecommendationHeadingSchema,
  RecommendationItemDetailsSchema,
  type RecommendationContentInput,
} from '~/schemas/recommendation'
import { warsawDay } from '~/utils/time'
import type { Actor } from './audit.server'
import { auditDocument, claimSave, createDocument, listSections, replaceSections } from './document/document.server'
import { listAnnexes } from './recommendation-annex.server'
import type { RecommendationChapter, RecommendationMember, RecommendationSnapshot } from './recommendation-snapshot'

export type { RecommendationContentInput } from '~/schemas/recommendation'
export { addAnnex, annexFile, listAnnexes, removeAnnex } from './recommendation-annex.server'
export { addRecommendationComment, resolveRecommendationComment } from './recommendation-cycle.server'

const rc = schema.recommendations
const d = schema.documents

export type RecommendationView = {
  id: number
  bodyId: number
  bodyName: string
  state: RecommendationState
  visibility: DocumentVisibility
  revision: number
  commentsDueAt: string | null
  number: string | null
  adoptedMeetingId: number | null
  adoptedOn: string | null
  withdrawnAt: string | null
  withdrawnReason: string | null
  publishedAt: string | null
  publishedByUserName: string | null
  updatedAt: string
  updatedByUserName: string | null
  /** The live text, resolved. */
  snapshot: RecommendationSnapshot
}

export type SaveRecommendationResult =
  { ok: true; revision: number } | { ok: false; reason: 'stale'; current: RecommendationView } | { ok: false; reason: 'locked' }

const userName = (column: AnySQLiteColumn) => sql<string | null>`(select name from users where users.id = ${column})`

/** The live recommendation with everything resolved. */
export function getRecommendation({ id }: { id: number }): RecommendationView | undefined {
  const row = db
    .select({
      id: rc.id,
      bodyId: d.bodyId,
      bodyName: schema.bodies.name,
      state: d.state,
      visibility: d.visibility,
      revision: d.revision,
      commentsDueAt: d.commentsDueAt,
      number: rc.number,
      adoptedMeetingId: rc.adoptedMeetingId,
      adoptedOn: rc.adoptedOn,
      withdrawnAt: rc.withdrawnAt,
      withdrawnReason: rc.withdrawnReason,
      publishedAt: d.publishedAt,
      publishedByUserName: userName(d.publishedByUserId),
      updatedAt: d.updatedAt,
      updatedByUserName: userName(d.updatedByUserId),
    })
    .from(rc)
    .innerJoin(d, eq(d.id, rc.id))
    .innerJoin(schema.bodies, eq(schema.bodies.id, d.bodyId))
    .where(eq(rc.id, id))
    .get()
  if (!row) return undefined
  return { ...row, state: row.state as RecommendationState, snapshot: snapshotRecommendation(db, id)! }
}

/** Starts a team's recommendations in drafting, with their heading and one empty chapter to write in. */
export function createRecommendation({
  bodyId,
  input,
  actor,
}: {
  bodyId: number
  input: Pick<RecommendationContentInput, 'title' | 'summary' | 'addresseeKinds'>
  actor: Actor
}): number {
  const heading = parsedOr400(RecommendationHeadingSchema, input)
  return db.transaction((tx) => {
    const id = createDocument(tx, { kind: 'recommendation', bodyId, state: 'drafting', actor })
    tx.insert(rc)
      .values({ id, title: heading.title, summary: heading.summary, addresseeKinds: JSON.stringify(heading.addresseeKinds) })
      .run()
    replaceSections(tx, id, [{ id: null, kind: 'chapter', title: 'Rozdział 1', body: '' }])
    auditDocument(tx, { kind: 'recommendation', id, action: 'created', actor, after: { bodyId, title: heading.title } })
    return id
  })
}

/**
 * Saves the text while it is drafted or consulted, but only over the revision the writer
 * started from: a save based on an older one is refused with what is saved now, to merge by
 * hand. Chapters and recommendations keep their ids (comments point at them).
 */
export function saveRecommendation({
  id,
  baseRevision,
  input,
  actor,
}: {
  id: number
  baseRevision: number
  input: RecommendationContentInput
  actor: Actor
}): SaveRecommendationResult {
  const content = parsedOr400(RecommendationContentSchema, input)
  const result = db.transaction((tx): SaveRecommendationResult | 'stale' => {
    const claimed = claimSave(tx, { id, baseRevision, actor })
    if (!claimed.ok) return claimed.reason === 'stale' ? 'stale' : { ok: false, reason: 'locked' }
    if (claimed.row.kind !== 'recommendation') throw new Response('Not Found', { status: 404 })
    tx.update(rc)
      .set({ title: content.title, summary: content.summary, addresseeKinds: JSON.stringify(content.addresseeKinds) })
      .where(eq(rc.id, id))
      .run()
    replaceSections(
      tx,
      id,
      content.chapters.map((chapter) => ({
        id: chapter.id,
        kind: 'chapter' as const,
        title: chapter.title,
        body: chapter.body,
        children: chapter.items.map((item) => ({
          id: item.id,
          kind: 'recommendation' as const,
          title: item.title,
          body: item.body,
          details: JSON.stringify({ addresseeKinds: item.addresseeKinds, timeFrame: item.timeFrame || null }),
        })),
      })),
    )
    auditDocument(tx, { kind: 'recommendation', id, action: 'saved', actor, after: { revision: claimed.revision } })
    return { ok: true, revision: claimed.revision }
  })
  if (result === 'stale') return { ok: false, reason: 'stale', current: getRecommendation({ id })! }
  return result
}

const kindsOf = (json: string): OrganisationKind[] => RecommendationItemDetailsSchema.shape.addresseeKinds.parse(safeJson(json))

function safeJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

/** Chapters „1.” with their recommendations „1.1.”, numbered by their order. */
function chaptersOf(tx: Db | Tx, id: number): RecommendationChapter[] {
  const sections = listSections(tx, id)
  const chapters = sections.filter((section) => section.kind === 'chapter' && section.parentId === null)
  return chapters.map((chapter, c) => ({
    id: chapter.id,
    number: `${c + 1}.`,
    title: chapter.title,
    body: chapter.body,
    items: sections
      .filter((section) => section.parentId === chapter.id)
      .map((item, i) => {
        const details = RecommendationItemDetailsSchema.safeParse(safeJson(item.details) ?? {})
        return {
          id: item.id,
          number: `${c + 1}.${i + 1}.`,
          title: item.title,
          body: item.body,
          addresseeKinds: details.success ? details.data.addresseeKinds : [],
          timeFrame: details.success ? details.data.timeFrame : null,
        }
      }),
  }))
}

/**
 * The team's institutions seated at any time from the document's start to its adoption (or
 * today), each once with the delegate and deputy of its latest seat in that span.
 */
function membersOf(tx: Db | Tx, bodyId: number, from: string, to: string): RecommendationMember[] {
  const m = schema.memberships
  const delegate = alias(schema.people, 'delegate')
  const deputy = alias(schema.people, 'deputy')
  const seats = tx
    .select({
      organisationId: m.organisationId,
      organisation: schema.organisations.name,
      kind: schema.organisations.kind,
      delegate: delegate.name,
      deputy: deputy.name,
    })
    .from(m)
    .innerJoin(schema.organisations, eq(schema.organisations.id, m.organisationId))
    .leftJoin(delegate, eq(delegate.id, m.delegatePersonId))
    .leftJoin(deputy, eq(deputy.id, m.deputyPersonId))
    .where(and(eq(m.bodyId, bodyId), lte(m.fromDate, to), or(isNull(m.toDate), gte(m.toDate, from))))
    .orderBy(asc(schema.organisations.name), asc(m.organisationId), asc(m.fromDate), asc(m.id))
    .all()
  const latest = new Map<number, RecommendationMember>()
  for (const seat of seats)
    latest.set(seat.organisationId, { organisation: seat.organisation, kind: seat.kind, delegate: seat.delegate, deputy: seat.deputy })
  return [...latest.values()]
}

/** Reads the recommendation and everything around it into one frozen-ready object. */
export function snapshotRecommendation(tx: Db | Tx, id: number): RecommendationSnapshot | undefined {
  const b = schema.bodies
  const row = tx
    .select({
      bodyId: d.bodyId,
      bodyName: b.name,
      convener: schema.organisations.name,
      umbrella: b.umbrella,
      fundingNotice: schema.projects.fundingNotice,
      title: rc.title,
      summary: rc.summary,
      addresseeKinds: rc.addresseeKinds,
      state: d.state,
      visibility: d.visibility,
      number: rc.number,
      adoptedMeetingId: rc.adoptedMeetingId,
      adoptedMeetingNumber: schema.meetings.number,
      adoptedOn: rc.adoptedOn,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    })
    .from(rc)
    .innerJoin(d, eq(d.id, rc.id))
    .innerJoin(b, eq(b.id, d.bodyId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, b.conveningOrganisationId))
    .leftJoin(schema.projects, eq(schema.projects.id, b.projectId))
    .leftJoin(schema.meetings, eq(schema.meetings.id, rc.adoptedMeetingId))
    .where(eq(rc.id, id))
    .get()
  if (!row) return undefined
  return {
    documentId: id,
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    convener: row.convener,
    umbrella: row.umbrella?.trim() || null,
    title: row.title,
    summary: row.summary,
    addresseeKinds: kindsOf(row.addresseeKinds),
    chapters: chaptersOf(tx, id),
    annexes: listAnnexes({ id }, tx),
    members: membersOf(tx, row.bodyId, warsawDay(row.createdAt), row.adoptedOn ?? warsawDay(new Date())),
    fundingNotice: row.fundingNotice?.trim() || null,
    state: row.state as RecommendationState,
    visibility: row.visibility,
    adoption:
      row.adoptedMeetingId && row.adoptedOn && row.adoptedMeetingNumber !== null
        ? { meetingId: row.adoptedMeetingId, meetingNumber: row.adoptedMeetingNumber, adoptedOn: row.adoptedOn }
        : null,
    number: row.number,
    publication: null,
    updatedAt: row.updatedAt,
  }
}
