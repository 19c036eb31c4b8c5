import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { MinutesSectionKind, MinutesState, MinutesVisibility } from '#db/schema/enums'
import { canInMinutes } from '~/auth/minutes-permissions'
import { db, schema, type Db, type Tx } from '~/db.server'
import { venueLine } from '~/utils/format'
import { formatOwners } from '~/utils/owners'
import { needsDiscussionSection } from '~/utils/minutes-draft'
import { CARRY_OVER_TITLE, ownersOf } from './action-item.server'
import { recordAudit, type Actor } from './audit.server'
import { listAgenda } from './agenda.server'
import { listAttendance } from './attendance.server'
import { getMeeting, type MeetingAccess } from './meeting.server'

const mn = schema.minutes
const ms = schema.minutesSections
const mp = schema.minutesParticipants
const mv = schema.minutesVersions

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
      .select({ state: mn.state, visibility: mn.visibility, commentsDueAt: mn.commentsDueAt })
      .from(mn)
      .where(eq(mn.meetingId, meetingId))
      .get() ?? null
  return {
    meeting,
    read: canInMinutes(meeting, minutes, 'minutes.read', now),
    manage: canInMinutes(meeting, minutes, 'minutes.manage', now),
    comment: canInMinutes(meeting, minutes, 'minutes.comment', now),
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
    const { id } = tx
      .insert(mn)
      .values({
        meetingId,
        topic: meeting.topic,
        place: venueLine(meeting),
        preparedBy: author ? [author.name, author.position].filter(Boolean).join(', ') : null,
        visibility: meeting.isPublic && meeting.bodyIsPublic ? 'public' : 'members',
        updatedByUserId: actor.userId,
      })
      .returning({ id: mn.id })
      .get()

    const groups = listAttendance({ meetingId })
    const anyPresent = groups.some((group) => group.rows.some((row) => row.attendance === 'present'))
    const participants = groups.flatMap((group) =>
      group.rows
        .filter((row) => !anyPresent || row.attendance === 'present')
        .map((row) => ({ organisation: group.organisation, name: row.name, role: row.position })),
    )
    participants.forEach((p, position) =>
      tx
        .insert(mp)
        .values({ minutesId: id, position, ...p })
        .run(),
    )

    const agenda = listAgenda({ meetingId })
    const sections: Omit<MinutesSection, 'id'>[] = [
      { kind: 'introduction', agendaItemId: null, title: 'Wprowadzenie', body: '' },
      ...agenda
        .filter((item) => item.kind !== 'break')
        .map((item) => ({ kind: 'agenda_item' as const, agendaItemId: item.id, title: item.title, body: item.description ?? '' })),
      ...(needsDiscussionSection(agenda, { carryOverTitle: CARRY_OVER_TITLE })
        ? [{ kind: 'discussion' as const, agendaItemId: null, title: 'Dyskusja', body: '' }]
        : []),
      { kind: 'decisions', agendaItemId: null, title: 'Ustalenia', body: '' },
    ]
    sections.forEach((section, position) =>
      tx
        .insert(ms)
        .values({ minutesId: id, position, ...section })
        .run(),
    )

    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'minutes.started',
      entityType: 'minutes',
      entityId: id,
      after: { meetingId },
    })
    return id
  })
}

const publisher = sql<string | null>`(select name from users where users.id = ${mn.publishedByUserId})`
const approver = sql<string | null>`(select name from users where users.id = ${mn.approvedByUserId})`
const editor = sql<string | null>`(select name from users where users.id = ${mn.updatedByUserId})`

/** The live minutes of a meeting with everything resolved; undefined before they are started. */
export function getMinutes({ meetingId }: { meetingId: number }): MinutesView | undefined {
  const row = db
    .select({
      id: mn.id,
      meetingId: mn.meetingId,
      state: mn.state,
      visibility: mn.visibility,
      revision: mn.revision,
      commentsDueAt: mn.commentsDueAt,
      approvedAt: mn.approvedAt,
      approvedByUserName: approver,
      publishedAt: mn.publishedAt,
      publishedByUserName: publisher,
      updatedAt: mn.updatedAt,
      updatedByUserName: editor,
    })
    .from(mn)
    .where(eq(mn.meetingId, meetingId))
    .get()
  if (!row) return undefined
  return { ...row, snapshot: snapshotMinutes(db, row.id)! }
}

/** Reads the minutes and everything around them into one frozen-ready object. */
export function snapshotMinutes(tx: Db | Tx, minutesId: number): MinutesSnapshot | undefined {
  const row = tx.select().from(mn).where(eq(mn.id, minutesId)).get()
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
  const sections = tx
    .select({ id: ms.id, kind: ms.kind, agendaItemId: ms.agendaItemId, title: ms.title, body: ms.body })
    .from(ms)
    .where(eq(ms.minutesId, minutesId))
    .orderBy(asc(ms.position), asc(ms.id))
    .all()
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
    state: row.state,
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
    const row = tx.select({ id: mn.id, state: mn.state, revision: mn.revision }).from(mn).where(eq(mn.meetingId, meetingId)).get()
    if (!row) throw new Response('Not Found', { status: 404 })
    if (row.state !== 'draft' && row.state !== 'circulated') return { ok: false, reason: 'locked' }
    const updated = tx
      .update(mn)
      .set({
        topic: input.topic,
        place: input.place,
        preparedBy: input.preparedBy,
        revision: sql`${mn.revision} + 1`,
        updatedAt: new Date().toISOString(),
        updatedByUserId: actor.userId,
      })
      .where(and(eq(mn.id, row.id), eq(mn.revision, baseRevision)))
      .returning({ revision: mn.revision })
      .get()
    if (!updated) return 'stale'

    tx.delete(mp).where(eq(mp.minutesId, row.id)).run()
    input.participants.forEach((p, position) =>
      tx
        .insert(mp)
        .values({ minutesId: row.id, position, ...p })
        .run(),
    )

    const existing = tx.select({ id: ms.id, kind: ms.kind }).from(ms).where(eq(ms.minutesId, row.id)).all()
    const kept = new Set(input.sections.map((s) => s.id).filter((id): id is number => id !== null))
    for (const section of existing) if (!kept.has(section.id)) tx.delete(ms).where(eq(ms.id, section.id)).run()
    input.sections.forEach((section, position) => {
      if (section.id !== null && existing.some((e) => e.id === section.id)) {
        tx.update(ms).set({ position, title: section.title, body: section.body }).where(eq(ms.id, section.id)).run()
      } else {
        tx.insert(ms).values({ minutesId: row.id, position, kind: 'other', title: section.title, body: section.body }).run()
      }
    })
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'minutes.saved',
      entityType: 'minutes',
      entityId: row.id,
      after: { revision: updated.revision },
    })
    return { ok: true, revision: updated.revision }
  })
  if (result === 'stale') return { ok: false, reason: 'stale', current: getMinutes({ meetingId })! }
  return result
}

export type MinutesVersionSummary = {
  id: number
  number: number
  state: MinutesState
  createdAt: string
  createdByName: string | null
  verificationCode: string | null
}

/** The frozen versions, newest first. */
export function listMinutesVersions({ minutesId }: { minutesId: number }): MinutesVersionSummary[] {
  return db
    .select({
      id: mv.id,
      number: mv.number,
      state: mv.state,
      createdAt: mv.createdAt,
      createdByName: sql<string | null>`(select name from users where users.id = ${mv.createdByUserId})`,
      verificationCode: mv.verificationCode,
    })
    .from(mv)
    .where(eq(mv.minutesId, minutesId))
    .orderBy(desc(mv.number))
    .all()
}

// Everything of a version but the PDF's bytes, which only the download needs.
const versionColumns = {
  id: mv.id,
  minutesId: mv.minutesId,
  number: mv.number,
  state: mv.state,
  snapshot: mv.snapshot,
  createdAt: mv.createdAt,
  createdByUserId: mv.createdByUserId,
  verificationCode: mv.verificationCode,
  pdfSha256: mv.pdfSha256,
}

export function getMinutesVersion({ minutesId, number }: { minutesId: number; number: number }) {
  const row = db
    .select(versionColumns)
    .from(mv)
    .where(and(eq(mv.minutesId, minutesId), eq(mv.number, number)))
    .get()
  return row ? { ...row, snapshot: JSON.parse(row.snapshot) as MinutesSnapshot } : undefined
}

/** The version now published, if any: what outsiders read and what /verify vouches for. */
export function getPublishedVersion({ minutesId }: { minutesId: number }) {
  const row = db
    .select(versionColumns)
    .from(mv)
    .where(and(eq(mv.minutesId, minutesId), eq(mv.state, 'published')))
    .orderBy(desc(mv.number))
    .get()
  return row ? { ...row, snapshot: JSON.parse(row.snapshot) as MinutesSnapshot } : undefined
}

/** The archived bytes of a published version's PDF. */
export function getPublishedPdf({ versionId }: { versionId: number }): Buffer | undefined {
  return (
    db
      .select({ pdf: mv.pdf })
      .from(mv)
      .where(and(eq(mv.id, versionId), eq(mv.state, 'published')))
      .get()?.pdf ?? undefined
  )
}

type Publication = { verificationCode: string; pdf: Buffer; pdfSha256: string }

/** Freezes the minutes as they are now into the next version; returns its number. */
export function freezeVersion(
  tx: Tx,
  {
    minutesId,
    state,
    actor,
    publication,
    snapshot,
  }: { minutesId: number; state: MinutesState; actor: Actor; publication?: Publication; snapshot?: MinutesSnapshot },
): number {
  const last =
    tx
      .select({ n: sql<number>`coalesce(max(${mv.number}), 0)` })
      .from(mv)
      .where(eq(mv.minutesId, minutesId))
      .get()?.n ?? 0
  const frozen = snapshot ?? { ...snapshotMinutes(tx, minutesId)!, state }
  tx.insert(mv)
    .values({ minutesId, number: last + 1, state, snapshot: JSON.stringify(frozen), createdByUserId: actor.userId, ...publication })
    .run()
  return last + 1
}
