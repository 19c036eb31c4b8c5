import crypto from 'node:crypto'
import { and, asc, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import { db, schema, type Db, type Tx } from '~/db.server'
import {
  cancellationMessage,
  invitationMessage,
  rescheduledMessage,
  type MailRecipient,
  type MeetingMailData,
} from '~/mail/invitation-mail.server'
import { appOrigin, deliver, queueMail, senderParts, type DeliveryReport } from '~/mail/mailer.server'
import type { AddGuestInput, Answer } from '~/schemas/invitation'
import { pageSlice } from '~/utils/paging'
import { foldedGlob } from '~/utils/text'
import { warsawDay } from '~/utils/time'
import { recordAudit, type Actor } from './audit.server'
import { listCurrentMemberships } from './membership.server'
import { setMeetingState } from './meeting.server'

const inv = schema.invitations
const mt = schema.meetings
const pp = schema.people
const org = schema.organisations

/** 256 random bits for a personal link; only their SHA-256 is kept, so no copy of the database opens it. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A fresh hash for a new invitation: its own link is made when the e-mail is sent. */
const unsentTokenHash = () => hashToken(newToken())

/** Who an invitation is for, from the directory or from the guest's own fields. */
const inviteeColumns = {
  id: inv.id,
  meetingId: inv.meetingId,
  personId: inv.personId,
  kind: inv.kind,
  name: sql<string>`coalesce(${pp.name}, ${inv.guestName}, '')`,
  position: pp.position,
  email: sql<string | null>`coalesce(${pp.email}, (select email from users where users.person_id = ${pp.id}), ${inv.guestEmail})`,
  organisationId: pp.organisationId,
  organisation: sql<string | null>`coalesce(${org.name}, ${inv.guestOrganisation})`,
  response: inv.response,
  respondedAt: inv.respondedAt,
  sentAt: inv.sentAt,
  attendance: inv.attendance,
}

function invitees(tx: Db | Tx, meetingId: number) {
  return tx
    .select(inviteeColumns)
    .from(inv)
    .leftJoin(pp, eq(pp.id, inv.personId))
    .leftJoin(org, eq(org.id, pp.organisationId))
    .where(eq(inv.meetingId, meetingId))
    .all()
    .sort(
      (a, b) =>
        (a.organisation === null ? 1 : 0) - (b.organisation === null ? 1 : 0) ||
        polish.compare(a.organisation ?? '', b.organisation ?? '') ||
        polish.compare(a.name, b.name),
    )
}

// SQLite orders by bytes: „Łódź” would come after „Zabrze”.
const polish = new Intl.Collator('pl')

export type Invitee = ReturnType<typeof invitees>[number]

/** Everyone invited to a meeting, by institution (guests without one last), then by name. */
export function listInvitations({ meetingId }: { meetingId: number }) {
  return invitees(db, meetingId)
}

// SQLite's lower() knows only ASCII: Polish letters are folded by hand, so „Łódź” sorts with „Lodz”.
const foldedLetters: [string, string][] = [...'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'].map((ch, i) => [ch, 'acelnoszzACELNOSZZ'[i]!])
function folded(value: SQL): SQL {
  return sql`lower(${foldedLetters.reduce((expr, [from, to]) => sql`replace(${expr}, ${from}, ${to})`, value)})`
}

/** Whose name (or institution) holds the folded words of `q`; every invitee without one. */
function nameFilter(q: string | undefined): SQL | undefined {
  const words = (q ?? '').split(/\s+/).filter(Boolean)
  if (!words.length) return undefined
  return and(
    ...words.map((word) =>
      or(sql`${inviteeColumns.name} glob ${foldedGlob(word)}`, sql`${inviteeColumns.organisation} glob ${foldedGlob(word)}`),
    ),
  )
}

/**
 * One page of a meeting's invitees, in the order of `listInvitations` (ties by id, so a
 * page never repeats a row), with how many match `q` in all.
 */
export function listInvitationsPage({ meetingId, q, page }: { meetingId: number; q?: string; page: number }) {
  const where = and(eq(inv.meetingId, meetingId), nameFilter(q))
  const total =
    db
      .select({ n: count() })
      .from(inv)
      .leftJoin(pp, eq(pp.id, inv.personId))
      .leftJoin(org, eq(org.id, pp.organisationId))
      .where(where)
      .get()?.n ?? 0
  const { limit, offset } = pageSlice(page)
  const rows = db
    .select(inviteeColumns)
    .from(inv)
    .leftJoin(pp, eq(pp.id, inv.personId))
    .leftJoin(org, eq(org.id, pp.organisationId))
    .where(where)
    .orderBy(
      sql`${inviteeColumns.organisation} is null`,
      folded(inviteeColumns.organisation),
      inviteeColumns.organisation,
      folded(inviteeColumns.name),
      asc(inv.id),
    )
    .limit(limit)
    .offset(offset)
    .all()
  return { rows, total }
}

/** „tak / nie / może / brak odpowiedzi” over every invitee, and how many wait for an e-mail that can be sent. */
export function countAnswers({ meetingId }: { meetingId: number }) {
  const counts = { yes: 0, no: 0, maybe: 0, pending: 0 }
  const rows = db.select({ response: inv.response, n: count() }).from(inv).where(eq(inv.meetingId, meetingId)).groupBy(inv.response).all()
  for (const row of rows) counts[row.response] = row.n
  const unsent =
    db
      .select({ n: count() })
      .from(inv)
      .leftJoin(pp, eq(pp.id, inv.personId))
      .where(and(eq(inv.meetingId, meetingId), isNull(inv.sentAt), sql`${inviteeColumns.email} is not null`))
      .get()?.n ?? 0
  return { counts, unsent }
}

/**
 * Invites the delegates and deputies of the institutions that sit on the body on the
 * meeting's day. Anyone already invited is left as they are, so running it twice adds nobody.
 * `unstaffed` counts the institutions with neither a delegate nor a deputy: nobody to invite.
 */
export function inviteMembers({ meetingId, actor }: { meetingId: number; actor: Actor }) {
  const meeting = db.select({ bodyId: mt.bodyId, startsAt: mt.startsAt }).from(mt).where(eq(mt.id, meetingId)).get()
  if (!meeting) throw new Response('Not Found', { status: 404 })
  const seats = listCurrentMemberships({ bodyId: meeting.bodyId, day: warsawDay(meeting.startsAt) })
  const wanted = seats.flatMap((seat) => [
    ...(seat.delegatePersonId ? [{ personId: seat.delegatePersonId, kind: 'delegate' as const }] : []),
    ...(seat.deputyPersonId ? [{ personId: seat.deputyPersonId, kind: 'deputy' as const }] : []),
  ])
  const unstaffed = seats.filter((seat) => !seat.delegatePersonId && !seat.deputyPersonId).length
  return db.transaction((tx) => {
    const added: number[] = []
    for (const { personId, kind } of wanted) {
      const person = tx.select({ archivedAt: pp.archivedAt }).from(pp).where(eq(pp.id, personId)).get()
      if (!person || person.archivedAt) continue
      const row = tx
        .insert(inv)
        .values({ meetingId, personId, kind, tokenHash: unsentTokenHash() })
        .onConflictDoNothing()
        .returning({ id: inv.id })
        .get()
      if (row) added.push(personId)
    }
    if (added.length)
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'invitation.membersInvited',
        entityType: 'meeting',
        entityId: meetingId,
        after: { personIds: added },
      })
    return { added: added.length, unstaffed, seats: seats.length }
  })
}

/** How many institutions on the body on the meeting's day have neither a delegate nor a deputy. */
export function countUnstaffedSeats({ meetingId }: { meetingId: number }): { bodyId: number; unstaffed: number } {
  const meeting = db.select({ bodyId: mt.bodyId, startsAt: mt.startsAt }).from(mt).where(eq(mt.id, meetingId)).get()
  if (!meeting) throw new Response('Not Found', { status: 404 })
  const seats = listCurrentMemberships({ bodyId: meeting.bodyId, day: warsawDay(meeting.startsAt) })
  return { bodyId: meeting.bodyId, unstaffed: seats.filter((seat) => !seat.delegatePersonId && !seat.deputyPersonId).length }
}

type AddResult = { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string[]> }

/** A representative of any institution in the directory, invited to this meeting only. */
export function addPersonGuest({ meetingId, personId, actor }: { meetingId: number; personId: number; actor: Actor }): AddResult {
  return db.transaction((tx) => {
    const person = tx
      .select({ id: pp.id })
      .from(pp)
      .where(and(eq(pp.id, personId), isNull(pp.archivedAt)))
      .get()
    if (!person) return { ok: false as const, fieldErrors: { personId: ['validation.person'] } }
    const existing = tx
      .select({ id: inv.id })
      .from(inv)
      .where(and(eq(inv.meetingId, meetingId), eq(inv.personId, personId)))
      .get()
    if (existing) return { ok: false as const, fieldErrors: { personId: ['invitations.alreadyInvited'] } }
    const { id } = tx
      .insert(inv)
      .values({ meetingId, personId, kind: 'guest', tokenHash: unsentTokenHash() })
      .returning({ id: inv.id })
      .get()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'invitation.guestAdded',
      entityType: 'meeting',
      entityId: meetingId,
      after: { invitationId: id, personId },
    })
    return { ok: true as const, id }
  })
}

/** A guest known only by a name and an e-mail (and perhaps an institution). */
export function addGuest({ meetingId, input, actor }: { meetingId: number; input: AddGuestInput; actor: Actor }): AddResult {
  return db.transaction((tx) => {
    const email = input.email.toLowerCase()
    if (invitees(tx, meetingId).some((row) => row.email?.toLowerCase() === email))
      return { ok: false as const, fieldErrors: { email: ['invitations.alreadyInvited'] } }
    const row = {
      meetingId,
      kind: 'guest' as const,
      guestName: input.name,
      guestEmail: input.email,
      guestOrganisation: input.organisation ?? null,
    }
    const { id } = tx
      .insert(inv)
      .values({ ...row, tokenHash: unsentTokenHash() })
      .returning({ id: inv.id })
      .get()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'invitation.guestAdded',
      entityType: 'meeting',
      entityId: meetingId,
      after: { invitationId: id, ...row },
    })
    return { ok: true as const, id }
  })
}

export function removeInvitation({ meetingId, invitationId, actor }: { meetingId: number; invitationId: number; actor: Actor }) {
  db.transaction((tx) => {
    const before = invitees(tx, meetingId).find((row) => row.id === invitationId)
    if (!before) throw new Response('Not Found', { status: 404 })
    tx.delete(inv).where(eq(inv.id, invitationId)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'invitation.removed',
      entityType: 'meeting',
      entityId: meetingId,
      before: { invitationId, name: before.name, kind: before.kind, response: before.response },
    })
  })
}

/** What the e-mails say about a meeting, and who signs them: its convening institution, or the officer. */
function meetingMailData(tx: Db | Tx, meetingId: number, actor: Actor): (MeetingMailData & { state: string }) | undefined {
  const meeting = tx
    .select({
      id: mt.id,
      number: mt.number,
      topic: mt.topic,
      purpose: mt.purpose,
      startsAt: mt.startsAt,
      endsAt: mt.endsAt,
      venueName: mt.venueName,
      venueAddress: mt.venueAddress,
      venueRoom: mt.venueRoom,
      sequence: mt.sequence,
      state: mt.state,
      cancelReason: mt.cancelReason,
      bodyName: schema.bodies.name,
      conveningName: org.name,
      conveningEmail: org.email,
    })
    .from(mt)
    .innerJoin(schema.bodies, eq(schema.bodies.id, mt.bodyId))
    .innerJoin(org, eq(org.id, schema.bodies.conveningOrganisationId))
    .where(eq(mt.id, meetingId))
    .get()
  if (!meeting) return undefined
  const ai = schema.agendaItems
  const agenda = tx
    .select({ day: ai.day, startTime: ai.startTime, endTime: ai.endTime, title: ai.title, track: ai.track })
    .from(ai)
    .where(eq(ai.meetingId, meetingId))
    .orderBy(asc(ai.day), asc(ai.position))
    .all()
  const officer = actor.userId
    ? tx.select({ name: schema.users.name, email: schema.users.email }).from(schema.users).where(eq(schema.users.id, actor.userId)).get()
    : undefined
  const { conveningName, conveningEmail, ...rest } = meeting
  const organizer = conveningEmail
    ? { name: conveningName, email: conveningEmail }
    : officer
      ? { name: officer.name, email: officer.email }
      : senderParts()
  return { ...rest, agenda, organizer }
}

export type SendReport = { sent: number; withoutEmail: string[]; delivery: DeliveryReport }

/**
 * E-mails the invitation, with a new personal link, to every invitee not yet sent one (or,
 * with `invitationId`, to that one again: the old link stops working). Invitees without an
 * e-mail address are reported by name. The meeting becomes `invited`.
 */
export async function sendInvitations({
  meetingId,
  actor,
  origin,
  invitationId,
}: {
  meetingId: number
  actor: Actor
  origin: string
  invitationId?: number
}): Promise<SendReport | null> {
  const queued = db.transaction((tx) => {
    const meeting = meetingMailData(tx, meetingId, actor)
    if (!meeting) throw new Response('Not Found', { status: 404 })
    if (meeting.state === 'cancelled') return null
    const rows = invitees(tx, meetingId).filter((row) => (invitationId ? row.id === invitationId : !row.sentAt))
    if (invitationId && rows.length === 0) throw new Response('Not Found', { status: 404 })
    const ids: number[] = []
    const sentTo: number[] = []
    const withoutEmail: string[] = []
    const now = new Date().toISOString()
    for (const row of rows) {
      if (!row.email) {
        withoutEmail.push(row.name)
        continue
      }
      const token = newToken()
      tx.update(inv)
        .set({ tokenHash: hashToken(token), sentAt: now })
        .where(eq(inv.id, row.id))
        .run()
      const recipient: MailRecipient = { name: row.name, email: row.email, response: row.response }
      ids.push(
        queueMail(
          tx,
          invitationMessage({ meeting, recipient, link: `${origin}/invitations/${token}`, meetingUrl: `${origin}/meetings/${meetingId}` }),
        ),
      )
      sentTo.push(row.id)
    }
    if (sentTo.length)
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: invitationId ? 'invitation.resent' : 'invitation.sent',
        entityType: 'meeting',
        entityId: meetingId,
        after: { invitationIds: sentTo },
      })
    return { ids, withoutEmail }
  })
  if (!queued) return null
  const delivery = await deliver(queued.ids)
  if (queued.ids.length) setMeetingState({ id: meetingId, state: 'invited', actor })
  return { sent: queued.ids.length, withoutEmail: queued.withoutEmail, delivery }
}

/**
 * Tells every invitee who was sent an invitation that the meeting moved (with an updated
 * .ics, its SEQUENCE already raised) or was cancelled (with the reason and a CANCEL .ics).
 * Links point to APP_URL, or to `origin` when the caller passes the request's.
 */
export async function notifyMeetingChanged({
  meetingId,
  actor,
  change,
  origin,
}: {
  meetingId: number
  actor: Actor
  change: 'rescheduled' | 'cancelled'
  origin?: string
}): Promise<void> {
  const base = appOrigin(origin ?? '') || undefined
  const ids = db.transaction((tx) => {
    const meeting = meetingMailData(tx, meetingId, actor)
    if (!meeting) return []
    const meetingUrl = base ? `${base}/meetings/${meetingId}` : undefined
    const compose = change === 'cancelled' ? cancellationMessage : rescheduledMessage
    const ids = invitees(tx, meetingId)
      .filter((row) => row.sentAt && row.email)
      .map((row) =>
        queueMail(tx, compose({ meeting, recipient: { name: row.name, email: row.email!, response: row.response }, meetingUrl })),
      )
    if (ids.length)
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: `invitation.notified`,
        entityType: 'meeting',
        entityId: meetingId,
        after: { change, messages: ids.length },
      })
    return ids
  })
  await deliver(ids)
}

const meetingOfInvitation = {
  meetingId: mt.id,
  number: mt.number,
  topic: mt.topic,
  startsAt: mt.startsAt,
  endsAt: mt.endsAt,
  venueName: mt.venueName,
  venueAddress: mt.venueAddress,
  venueRoom: mt.venueRoom,
  state: mt.state,
  cancelReason: mt.cancelReason,
  bodyName: schema.bodies.name,
}

/** The invitation a personal link opens, with its meeting; undefined for any other string. */
export function getInvitationByToken({ token }: { token: string }) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined
  return db
    .select({ ...inviteeColumns, meeting: meetingOfInvitation })
    .from(inv)
    .innerJoin(mt, eq(mt.id, inv.meetingId))
    .innerJoin(schema.bodies, eq(schema.bodies.id, mt.bodyId))
    .leftJoin(pp, eq(pp.id, inv.personId))
    .leftJoin(org, eq(org.id, pp.organisationId))
    .where(eq(inv.tokenHash, hashToken(token)))
    .get()
}

/** The signed-in user's own invitation to a meeting, for the answer form on its page. */
export function getMyInvitation({ meetingId, user }: { meetingId: number; user: SessionUser | null }) {
  if (!user?.personId) return null
  return (
    db
      .select({ id: inv.id, response: inv.response, respondedAt: inv.respondedAt })
      .from(inv)
      .where(and(eq(inv.meetingId, meetingId), eq(inv.personId, user.personId)))
      .get() ?? null
  )
}

/** Records yes, no or maybe. A cancelled meeting takes no more answers. */
export function answerInvitation({ invitationId, response, actor }: { invitationId: number; response: Answer; actor: Actor }): {
  ok: boolean
} {
  return db.transaction((tx) => {
    const before = tx
      .select({ meetingId: inv.meetingId, response: inv.response, state: mt.state })
      .from(inv)
      .innerJoin(mt, eq(mt.id, inv.meetingId))
      .where(eq(inv.id, invitationId))
      .get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (before.state === 'cancelled') return { ok: false }
    tx.update(inv).set({ response, respondedAt: new Date().toISOString() }).where(eq(inv.id, invitationId)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'invitation.answered',
      entityType: 'meeting',
      entityId: before.meetingId,
      before: { invitationId, response: before.response },
      after: { invitationId, response },
    })
    return { ok: true }
  })
}

/** The guests of a meeting who can be invited again: people of the directory not archived since, and guests by name. */
function copyableGuests(tx: Db | Tx, meetingId: number) {
  return tx
    .select({ personId: inv.personId, guestName: inv.guestName, guestEmail: inv.guestEmail, guestOrganisation: inv.guestOrganisation })
    .from(inv)
    .leftJoin(pp, eq(pp.id, inv.personId))
    .where(and(eq(inv.meetingId, meetingId), eq(inv.kind, 'guest'), or(isNull(inv.personId), isNull(pp.archivedAt))))
    .orderBy(asc(inv.id))
    .all()
}

export function countCopyableGuests({ meetingId }: { meetingId: number }): number {
  return copyableGuests(db, meetingId).length
}

/**
 * Invites the guests of one meeting to another, as new invitations not sent yet and not
 * answered. Runs inside the caller's transaction, on a meeting that has no invitations yet.
 */
export function copyGuests(tx: Tx, { fromMeetingId, toMeetingId }: { fromMeetingId: number; toMeetingId: number }): number {
  const guests = copyableGuests(tx, fromMeetingId)
  for (const guest of guests)
    tx.insert(inv)
      .values({ ...guest, meetingId: toMeetingId, kind: 'guest', tokenHash: unsentTokenHash() })
      .run()
  return guests.length
}
