import { asc, eq, sql } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { MinutesSectionKind, MinutesState, MinutesVisibility } from '#db/schema/enums'
import { canInMinutes } from '~/auth/minutes-permissions'
import { db, schema, type Db, type Tx } from '~/db.server'
import { venueLine } from '~/utils/format'
import { formatOwners } from '~/utils/owners'
import { needsDiscussionSection } from '~/utils/minutes-draft'
import { CARRY_OVER_TITLE, ownersOf } from './action-item.server'
import type { Actor } from './audit.server'
import { listAgenda } from './agenda.server'
import { listAttendance } from './attendance.server'
import { auditDocument, claimSave, createDocument, listSections, replaceSections } from './document/document.server'
import {
  getPublishedVersion as publishedVersionOf,
  getVersion,
  listVersions,
  type DocumentVersion,
  type VersionSummary,
} from './document/versions.server'
import { getMeeting, type MeetingAccess } from './meeting.server'

const mn = schema.minutes
const d = schema.documents
const mp = schema.minutesParticipants

export type MinutesAccess = {
  meeting: MeetingAccess
  /** May read the live text (any state) or, for outsiders, the published version. */
  read: boolean
  /** Officers of the team (and admins): write, circulate, approve, publish, resolve comments. */
  manage: boolean
  /** Members of the team may comment while the minutes are circulated and the deadline is ahead. */
  comment: boolean
}

/**
 * Who may do what with one meeting's minutes (auth/minutes-permissions), given how far the
 * user sees into the meeting (auth/access.server's requireMeeting or meetingAccessOf).
 */
export function getMinutesAccess({
  meetingId,
  meeting,
  now = new Date(),
}: {
  meetingId: number
  meeting: MeetingAccess
  now?: Date
}): MinutesAccess {
  const minutes =
    db
      .select({ state: d.state, visibility: d.visibility, commentsDueAt: d.commentsDueAt })
      .from(mn)
      .innerJoin(d, eq(d.id, mn.id))
      .where(eq(mn.meetingId, meetingId))
      .get() ?? null
  const status = minutes && { ...minutes, state: minutes.state as MinutesState }
  return {
    meeting,
    read: canInMinutes(meeting, status, 'minutes.read', now),
    manage: canInMinutes(meeting, status, 'minutes.manage', now),
    comment: canInMinutes(meeting, status, 'minutes.comment', now),
  }
}

export type MinutesSection = { id: number; kind: MinutesSectionKind; agendaItemId: number | null; title: string; body: string }
export type MinutesParticipant = { organisation: string | null; name: string; role: string | null }

export type MinutesActionItem = {
  id: number
  text: string
  owner: string | null
  dueText: string | null
  dueDate: string | null
  state: 'open' | 'done' | 'dropped'
  stateNote: string | null
}

/**
 * The minutes as a whole, as frozen in a version and as printed: everything the reader and
 * the PDF need, already resolved to names. Published versions are rendered from this alone,
 * so that their PDF is the same, byte for byte, every time.
 */
export type MinutesSnapshot = {
  meetingId: number
  bodyId: number
  bodyName: string
  bodyKind: 'advisory_team' | 'working_group'
  meetingNumber: number
  startsAt: string
  endsAt: string
  topic: string
  place: string | null
  participants: MinutesParticipant[]
  sections: MinutesSection[]
  actionItems: MinutesActionItem[]
  preparedBy: string | null
  approvedBy: string | null
  approvedOn: string | null
  fundingNotice: string | null
  state: MinutesState
  visibility: MinutesVisibility
  /** Set on the published version only: printed with a QR code on its PDF. */
  publication?: MinutesPublication | null
  /** When the text was last saved: the live PDF's date, so that the same text gives the same bytes. */
  updatedAt?: string
}

export type MinutesPublication = { code: string; verifyUrl: string; publishedAt: string; publishedBy: string | null }

export type MinutesView = {
  id: number
  meetingId: number
  state: MinutesState
  visibility: MinutesVisibility
  revision: number
  commentsDueAt: string | null
  approvedAt: string | null
  approvedByUserName: string | null
  publishedAt: string | null
  publishedByUserName: string | null
  updatedAt: string
  updatedByUserName: string | null
  snapshot: MinutesSnapshot
}

export function getMinutesId({ meetingId }: { meetingId: number }): number | undefined {
  return db.select({ id: mn.id }).from(mn).where(eq(mn.meetingId, meetingId)).get()?.id
}

/** The meeting whose minutes are the document `minutesId`. */
export function getMinutesMeetingId({ minutesId }: { minutesId: number }): number | undefined {
  return db.select({ meetingId: mn.meetingId }).from(mn).where(eq(mn.id, minutesId)).get()?.meetingId
}

/**
 * Starts the minutes of a meeting from the meeting itself: its topic and place, the people
 * marked present by institution (everyone invited when attendance was not taken), an
 * introduction, one section per agenda item, the general discussion (unless the agenda has
 * one: needsDiscussionSection) and the decisions.
 * Returns the existing minutes' id when they were already started.
 */
export function startMinutes({ meetingId, actor }: { meetingId: number; actor: Actor }): number {
  return db.transaction((tx) => {
    const existing = tx.select({ id: mn.id }).from(mn).where(eq(mn.meetingId, meetingId)).get()
    if (existing) return existing.id
    const meeting = getMeeting({ id: meetingId })
    if (!meeting) throw new Response('Not Found', { status: 404 })
    const author = actor.userId
      ? tx
          .select({ name: schema.users.name, position: schema.people.position })
          .from(schema.users)
          .leftJoin(schema.people, eq(schema.people.id, schema.users.personId))
          .where(eq(schema.users.id, actor.userId))
          .get()
      : undefined
    const id = createDocument(tx, {
      kind: 'minutes',
      bodyId: meeting.bodyId,
      state: 'draft',
      visibility: meeting.isPublic && meeting.bodyIsPublic ? 'public' : 'members',
      actor,
    })
    tx.insert(mn)
      .values({
        id,
        meetingId,
        topic: meeting.topic,
        place: venueLine(meeting),
        preparedBy: author ? [author.name, author.position].filter(Boolean).join(', ') : null,
      })
      .run()

    const groups = listAttendance({ meetingId })
    const anyPresent = groups.some((group) => group.rows.some((row) => row.attendance === 'present'))
    writeParticipants(
      tx,
      id,
      groups.flatMap((group) =>
        group.rows
          .filter((row) => !anyPresent || row.attendance === 'present')
          .map((row) => ({ organisation: group.organisation, name: row.name, role: row.position })),
      ),
    )

    const agenda = listAgenda({ meetingId })
    replaceSections(tx, id, [
      { id: null, kind: 'introduction', title: 'Wprowadzenie', body: '' },
      ...agenda
        .filter((item) => item.kind !== 'break')
        .map((item) => ({
          id: null,
          kind: 'agenda_item' as const,
          agendaItemId: item.id,
          title: item.title,
          body: item.description ?? '',
        })),
      ...(needsDiscussionSection(agenda, { carryOverTitle: CARRY_OVER_TITLE })
        ? [{ id: null, kind: 'discussion' as const, title: 'Dyskusja', body: '' }]
        : []),
      { id: null, kind: 'decisions', title: 'Ustalenia', body: '' },
    ])

    auditDocument(tx, { kind: 'minutes', id, action: 'started', actor, after: { meetingId } })
    return id
  })
}

function writeParticipants(tx: Tx, minutesId: number, participants: MinutesParticipant[]) {
  tx.delete(mp).where(eq(mp.minutesId, minutesId)).run()
  participants.forEach((p, position) =>
    tx
      .insert(mp)
      .values({ minutesId, position, ...p })
      .run(),
  )
}

const userName = (column: AnySQLiteColumn) => sql<string | null>`(select name from users where users.id = ${column})`

/** The live minutes of a meeting with everything resolved; undefined before they are started. */
export function getMinutes({ meetingId }: { meetingId: number }): MinutesView | undefined {
  const row = db
    .select({
      id: mn.id,
      meetingId: mn.meetingId,
      state: d.state,
      visibility: d.visibility,
      revision: d.revision,
      commentsDueAt: d.commentsDueAt,
      approvedAt: mn.approvedAt,
      approvedByUserName: userName(mn.approvedByUserId),
      publishedAt: d.publishedAt,
      publishedByUserName: userName(d.publishedByUserId),
      updatedAt: d.updatedAt,
      updatedByUserName: userName(d.updatedByUserId),
    })
    .from(mn)
    .innerJoin(d, eq(d.id, mn.id))
    .where(eq(mn.meetingId, meetingId))
    .get()
  if (!row) return undefined
  return { ...row, state: row.state as MinutesState, snapshot: snapshotMinutes(db, row.id)! }
}

/** Reads the minutes and everything around them into one frozen-ready object. */
export function snapshotMinutes(tx: Db | Tx, minutesId: number): MinutesSnapshot | undefined {
  const row = tx
    .select({
      meetingId: mn.meetingId,
      topic: mn.topic,
      place: mn.place,
      preparedBy: mn.preparedBy,
      approvedBy: mn.approvedBy,
      approvedOn: mn.approvedOn,
      state: d.state,
      visibility: d.visibility,
      updatedAt: d.updatedAt,
    })
    .from(mn)
    .innerJoin(d, eq(d.id, mn.id))
    .where(eq(mn.id, minutesId))
    .get()
  if (!row) return undefined
  const meeting = getMeeting({ id: row.meetingId })!
  const fundingNotice = meeting.projectId
    ? (tx
        .select({ notice: schema.projects.fundingNotice })
        .from(schema.projects)
        .where(eq(schema.projects.id, meeting.projectId))
        .get()
        ?.notice?.trim() ?? null)
    : null
  const participants = tx
    .select({ organisation: mp.organisation, name: mp.name, role: mp.role })
    .from(mp)
    .where(eq(mp.minutesId, minutesId))
    .orderBy(asc(mp.position), asc(mp.id))
    .all()
  // The keys in the order the snapshots of published minutes were frozen with.
  const sections = listSections(tx, minutesId).map(({ id, kind, agendaItemId, title, body }) => ({
    id,
    kind: kind as MinutesSectionKind,
    agendaItemId,
    title,
    body,
  }))
  return {
    meetingId: row.meetingId,
    bodyId: meeting.bodyId,
    bodyName: meeting.bodyName,
    bodyKind: meeting.bodyKind,
    meetingNumber: meeting.number,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    topic: row.topic,
    place: row.place,
    participants,
    sections,
    actionItems: listMinutesActionItems(tx, row.meetingId),
    preparedBy: row.preparedBy,
    approvedBy: row.approvedBy,
    approvedOn: row.approvedOn,
    fundingNotice: fundingNotice || null,
    state: row.state as MinutesState,
    visibility: row.visibility,
    publication: null,
    updatedAt: row.updatedAt,
  }
}

/** The action items decided at a meeting, in their order, their owners named in one phrase. */
export function listMinutesActionItems(tx: Db | Tx, meetingId: number): MinutesActionItem[] {
  const ai = schema.actionItems
  const items = tx
    .select({ id: ai.id, text: ai.text, dueText: ai.dueText, dueDate: ai.dueDate, state: ai.state, stateNote: ai.stateNote })
    .from(ai)
    .where(eq(ai.meetingId, meetingId))
    .orderBy(asc(ai.position), asc(ai.id))
    .all()
  const owners = ownersOf(
    tx,
    items.map((item) => item.id),
  )
  return items.map(({ id, text, ...rest }) => ({
    id,
    text,
    owner: formatOwners((owners.get(id) ?? []).map((owner) => owner.name)),
    ...rest,
  }))
}

export type MinutesContentInput = {
  topic: string
  place: string | null
  preparedBy: string | null
  participants: MinutesParticipant[]
  sections: { id: number | null; title: string; body: string }[]
}

export type SaveMinutesResult =
  { ok: true; revision: number } | { ok: false; reason: 'stale'; current: MinutesView } | { ok: false; reason: 'locked' }

/**
 * Saves the text of draft or circulated minutes, but only over the revision the writer
 * started from: a save based on an older revision is refused with what is saved now, so the
 * writer can merge by hand instead of silently overwriting someone else's work. Sections
 * keep their ids (comments point at them); a section left out of the input is removed, one
 * with `id: null` is added.
 */
export function saveMinutes({
  meetingId,
  baseRevision,
  input,
  actor,
}: {
  meetingId: number
  baseRevision: number
  input: MinutesContentInput
  actor: Actor
}): SaveMinutesResult {
  const result = db.transaction((tx): SaveMinutesResult | 'stale' => {
    const id = tx.select({ id: mn.id }).from(mn).where(eq(mn.meetingId, meetingId)).get()?.id
    if (id === undefined) throw new Response('Not Found', { status: 404 })
    const claimed = claimSave(tx, { id, baseRevision, actor })
    if (!claimed.ok) return claimed.reason === 'stale' ? 'stale' : { ok: false, reason: 'locked' }
    tx.update(mn).set({ topic: input.topic, place: input.place, preparedBy: input.preparedBy }).where(eq(mn.id, id)).run()
    writeParticipants(tx, id, input.participants)
    replaceSections(
      tx,
      id,
      input.sections.map((section) => ({ id: section.id, kind: 'other', title: section.title, body: section.body })),
    )
    auditDocument(tx, { kind: 'minutes', id, action: 'saved', actor, after: { revision: claimed.revision } })
    return { ok: true, revision: claimed.revision }
  })
  if (result === 'stale') return { ok: false, reason: 'stale', current: getMinutes({ meetingId })! }
  return result
}

export type MinutesVersionSummary = Omit<VersionSummary, 'state'> & { state: MinutesState }
export type MinutesVersion = Omit<DocumentVersion<MinutesSnapshot>, 'state'> & { state: MinutesState }

const asMinutes = <V extends { state: string }>(version: V) => version as V & { state: MinutesState }

/** The frozen versions, newest first. */
export function listMinutesVersions({ minutesId }: { minutesId: number }): MinutesVersionSummary[] {
  return listVersions({ documentId: minutesId }).map(asMinutes)
}

export function getMinutesVersion({ minutesId, number }: { minutesId: number; number: number }): MinutesVersion | undefined {
  const version = getVersion<MinutesSnapshot>({ documentId: minutesId, number })
  return version && asMinutes(version)
}

/** The version now published, if any: what outsiders read and what /verify vouches for. */
export function getPublishedVersion({ minutesId }: { minutesId: number }): MinutesVersion | undefined {
  const version = publishedVersionOf<MinutesSnapshot>({ documentId: minutesId })
  return version && asMinutes(version)
}

export { getPublishedPdf } from './document/versions.server'
