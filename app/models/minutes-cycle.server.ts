import crypto from 'node:crypto'
import { and, eq, isNull, or, sql } from 'drizzle-orm'
import type { MinutesState, MinutesVisibility } from '#db/schema/enums'
import { db, schema, type Tx } from '~/db.server'
import { minutesCirculatedMessage } from '~/mail/minutes-mail.server'
import { deliver, queueMail } from '~/mail/mailer.server'
import { renderMinutesPdf } from '~/pdf/minutes/build.server'
import { recordAudit, type Actor } from './audit.server'
import { activeOn, today } from './body-access.server'
import type { Lang } from '~/i18n/messages'
import { countKey } from '~/i18n/plural'
import type { NoticePart } from '~/utils/flash.server'
import { freezeVersion, snapshotMinutes, type MinutesSnapshot } from './minutes.server'

const mn = schema.minutes

/** Why a step of the cycle was refused: an i18n key shown to the officer. */
export type CycleError =
  | 'minutes.error.wrongState'
  | 'minutes.error.unresolvedComments'
  | 'minutes.error.deadlinePast'
  | 'minutes.error.publicMeetingOnly'
  | 'minutes.error.stale'
export type CycleResult = { ok: true; version: number } | { ok: false; error: CycleError }
/** A circulation also says how many were e-mailed, and how many of the team have no address to be. */
export type CirculateResult = { ok: true; version: number; mailed: number; withoutEmail: number } | { ok: false; error: CycleError }

function currentRow(tx: Tx, meetingId: number) {
  const row = tx.select({ id: mn.id, state: mn.state, revision: mn.revision }).from(mn).where(eq(mn.meetingId, meetingId)).get()
  if (!row) throw new Response('Not Found', { status: 404 })
  return row
}

function audit(tx: Tx, actor: Actor, minutesId: number, action: string, before: MinutesState, after: Record<string, unknown>) {
  recordAudit(tx, {
    actorUserId: actor.userId,
    ip: actor.ip,
    action: `minutes.${action}`,
    entityType: 'minutes',
    entityId: minutesId,
    before: { state: before },
    after,
  })
}

function unresolvedComments(tx: Tx, minutesId: number): number {
  const c = schema.minutesComments
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(c)
      .where(and(eq(c.minutesId, minutesId), isNull(c.resolution)))
      .get()?.n ?? 0
  )
}

/**
 * Sends the draft to the team for comments until `commentsDueAt`, freezing the circulated
 * version, and e-mails the delegates and deputies of the member institutions and the
 * officers a link to it. Those without an e-mail address are not told: the officer saw their
 * names before circulating (circulationRecipients).
 */
export async function circulateMinutes({
  meetingId,
  commentsDueAt,
  baseRevision,
  actor,
  origin,
}: {
  meetingId: number
  commentsDueAt: Date
  baseRevision: number
  actor: Actor
  origin: string
}): Promise<CirculateResult> {
  if (commentsDueAt <= new Date()) return { ok: false, error: 'minutes.error.deadlinePast' }
  const result = db.transaction((tx): CirculateResult & { mailIds?: number[] } => {
    const row = currentRow(tx, meetingId)
    if (row.state !== 'draft') return { ok: false, error: 'minutes.error.wrongState' }
    if (row.revision !== baseRevision) return { ok: false, error: 'minutes.error.stale' }
    tx.update(mn)
      .set({ state: 'circulated', commentsDueAt: commentsDueAt.toISOString(), revision: sql`${mn.revision} + 1` })
      .where(eq(mn.id, row.id))
      .run()
    const snapshot = snapshotMinutes(tx, row.id)!
    const version = freezeVersion(tx, { minutesId: row.id, state: 'circulated', actor, snapshot })
    const link = `${origin}/meetings/${meetingId}/minutes`
    const team = teamRecipients(tx, snapshot.bodyId)
    const mailIds = team.mailed.map((recipient) => queueMail(tx, minutesCirculatedMessage({ snapshot, recipient, link, commentsDueAt })))
    audit(tx, actor, row.id, 'circulated', row.state, {
      state: 'circulated',
      version,
      commentsDueAt: commentsDueAt.toISOString(),
      notified: mailIds.length,
      withoutEmail: team.withoutEmail.length,
    })
    return { ok: true, version, mailed: mailIds.length, withoutEmail: team.withoutEmail.length, mailIds }
  })
  if (result.ok && result.mailIds?.length) await deliver(result.mailIds)
  return result.ok ? { ok: true, version: result.version, mailed: result.mailed, withoutEmail: result.withoutEmail } : result
}

/** „Rozesłano notatkę do 14 osób. 3 osoby bez adresu e-mail nie dostały wiadomości.” — or that nobody was e-mailed. */
export function circulatedNotice({ mailed, withoutEmail }: { mailed: number; withoutEmail: number }, lang: Lang): NoticePart[] {
  if (mailed === 0) return [{ key: 'minutes.done.circulate.nobodyMailed' }]
  const parts: NoticePart[] = [{ key: countKey(lang, 'minutes.done.circulate.mailed', mailed), params: { count: mailed } }]
  if (withoutEmail)
    parts.push({ key: countKey(lang, 'minutes.done.circulate.withoutEmail', withoutEmail), params: { count: withoutEmail } })
  return parts
}

/** Who circulating the minutes would e-mail, and the people of the team it cannot (no address), by name. */
export function circulationRecipients({ meetingId }: { meetingId: number }) {
  return db.transaction((tx) => {
    const meeting = tx.select({ bodyId: schema.meetings.bodyId }).from(schema.meetings).where(eq(schema.meetings.id, meetingId)).get()
    if (!meeting) throw new Response('Not Found', { status: 404 })
    const team = teamRecipients(tx, meeting.bodyId)
    return { mailed: team.mailed.length, withoutEmail: team.withoutEmail }
  })
}

/**
 * The team's delegates, deputies (of seats held today) and officers: those with an e-mail address
 * (a person's own, else their account's), each address once, and the people without one.
 */
function teamRecipients(tx: Tx, bodyId: number) {
  const m = schema.memberships
  const p = schema.people
  const email = sql<string | null>`coalesce(${p.email}, (select email from users where users.person_id = ${p.id}))`
  const people = tx
    .selectDistinct({ id: p.id, name: p.name, organisation: schema.organisations.name, email })
    .from(m)
    .innerJoin(p, or(eq(p.id, m.delegatePersonId), eq(p.id, m.deputyPersonId)))
    .innerJoin(schema.organisations, eq(schema.organisations.id, p.organisationId))
    .where(and(eq(m.bodyId, bodyId), activeOn(today())))
    .orderBy(p.name, p.id)
    .all()
  const officers = tx
    .select({ name: schema.users.name, email: schema.users.email })
    .from(schema.bodyOfficers)
    .innerJoin(schema.users, eq(schema.users.id, schema.bodyOfficers.userId))
    .where(eq(schema.bodyOfficers.bodyId, bodyId))
    .all()
  const seen = new Set<string>()
  const mailed = [...people, ...officers].flatMap(({ name, email }) => {
    if (!email || seen.has(email.toLowerCase())) return []
    seen.add(email.toLowerCase())
    return [{ name, email }]
  })
  const withoutEmail = people.filter((person) => !person.email).map(({ id, name, organisation }) => ({ id, name, organisation }))
  return { mailed, withoutEmail }
}

/**
 * Records the approval — by whom, as printed („Zespół na spotkaniu nr 2”), and on which
 * day — once every comment has been resolved. Draft minutes may be approved directly
 * (approved at the next meeting without circulation).
 */
export function approveMinutes({
  meetingId,
  approvedBy,
  approvedOn,
  baseRevision,
  actor,
}: {
  meetingId: number
  approvedBy: string
  approvedOn: string
  baseRevision: number
  actor: Actor
}): CycleResult {
  return db.transaction((tx): CycleResult => {
    const row = currentRow(tx, meetingId)
    if (row.state !== 'draft' && row.state !== 'circulated') return { ok: false, error: 'minutes.error.wrongState' }
    if (row.revision !== baseRevision) return { ok: false, error: 'minutes.error.stale' }
    if (unresolvedComments(tx, row.id) > 0) return { ok: false, error: 'minutes.error.unresolvedComments' }
    const now = new Date().toISOString()
    tx.update(mn)
      .set({
        state: 'approved',
        approvedBy,
        approvedOn,
        approvedAt: now,
        approvedByUserId: actor.userId,
        revision: sql`${mn.revision} + 1`,
      })
      .where(eq(mn.id, row.id))
      .run()
    const version = freezeVersion(tx, { minutesId: row.id, state: 'approved', actor })
    audit(tx, actor, row.id, 'approved', row.state, { state: 'approved', version, approvedBy, approvedOn })
    return { ok: true, version }
  })
}

/** A code for /verify/:code that nobody can guess: 12 characters of Crockford base32 (60 bits). */
export function newVerificationCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const bytes = crypto.randomBytes(12)
  return Array.from(bytes, (byte) => alphabet[byte % 32]).join('')
}

/**
 * Publishes approved minutes to the team or to the public. The published version is frozen
 * with its verification code and its PDF, rendered once here and archived with its SHA-256
 * (rendering that snapshot again gives the same bytes; the archived ones are what is served).
 */
export async function publishMinutes({
  meetingId,
  visibility,
  baseRevision,
  actor,
  origin,
}: {
  meetingId: number
  visibility: MinutesVisibility
  baseRevision: number
  actor: Actor
  origin: string
}): Promise<CycleResult> {
  const prepared = db.transaction((tx) => {
    const row = currentRow(tx, meetingId)
    if (row.state !== 'approved') return { ok: false as const, error: 'minutes.error.wrongState' as const }
    if (row.revision !== baseRevision) return { ok: false as const, error: 'minutes.error.stale' as const }
    const meeting = tx
      .select({ isPublic: schema.meetings.isPublic, bodyIsPublic: schema.bodies.isPublic })
      .from(schema.meetings)
      .innerJoin(schema.bodies, eq(schema.bodies.id, schema.meetings.bodyId))
      .where(eq(schema.meetings.id, meetingId))
      .get()!
    if (visibility === 'public' && !(meeting.isPublic && meeting.bodyIsPublic))
      return { ok: false as const, error: 'minutes.error.publicMeetingOnly' as const }
    return { ok: true as const, row, snapshot: snapshotMinutes(tx, row.id)! }
  })
  if (!prepared.ok) return prepared

  const publishedAt = new Date().toISOString()
  const code = newVerificationCode()
  const publisherName = actor.userId
    ? (db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, actor.userId)).get()?.name ?? null)
    : null
  const snapshot: MinutesSnapshot = {
    ...prepared.snapshot,
    state: 'published',
    visibility,
    publication: { code, verifyUrl: `${origin}/verify/${code}`, publishedAt, publishedBy: publisherName },
  }
  const pdf = await renderMinutesPdf({ snapshot })
  const pdfSha256 = crypto.createHash('sha256').update(pdf).digest('hex')

  return db.transaction((tx): CycleResult => {
    const row = currentRow(tx, meetingId)
    if (row.state !== 'approved' || row.revision !== baseRevision) return { ok: false, error: 'minutes.error.stale' }
    tx.update(mn)
      .set({ state: 'published', visibility, publishedAt, publishedByUserId: actor.userId, revision: sql`${mn.revision} + 1` })
      .where(eq(mn.id, row.id))
      .run()
    const version = freezeVersion(tx, {
      minutesId: row.id,
      state: 'published',
      actor,
      publication: { verificationCode: code, pdf, pdfSha256 },
      snapshot,
    })
    audit(tx, actor, row.id, 'published', row.state, { state: 'published', version, visibility, verificationCode: code, pdfSha256 })
    return { ok: true, version }
  })
}

/**
 * Takes circulated or approved minutes back to draft for corrections, freezing the state
 * they left. Published minutes stay as published: the record is not rewritten.
 */
export function reopenMinutes({ meetingId, baseRevision, actor }: { meetingId: number; baseRevision: number; actor: Actor }): CycleResult {
  return db.transaction((tx): CycleResult => {
    const row = currentRow(tx, meetingId)
    if (row.state !== 'circulated' && row.state !== 'approved') return { ok: false, error: 'minutes.error.wrongState' }
    if (row.revision !== baseRevision) return { ok: false, error: 'minutes.error.stale' }
    tx.update(mn)
      .set({
        state: 'draft',
        approvedBy: null,
        approvedOn: null,
        approvedAt: null,
        approvedByUserId: null,
        revision: sql`${mn.revision} + 1`,
      })
      .where(eq(mn.id, row.id))
      .run()
    const version = freezeVersion(tx, { minutesId: row.id, state: 'draft', actor })
    audit(tx, actor, row.id, 'reopened', row.state, { state: 'draft', version })
    return { ok: true, version }
  })
}
