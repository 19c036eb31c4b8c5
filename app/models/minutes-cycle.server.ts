import { and, eq, or, sql } from 'drizzle-orm'
import type { MinutesState, MinutesVisibility } from '#db/schema/enums'
import { db, schema, type Tx } from '~/db.server'
import { minutesCirculatedMessage } from '~/mail/minutes-mail.server'
import { deliver, queueMail } from '~/mail/mailer.server'
import { renderMinutesPdf } from '~/pdf/minutes/build.server'
import type { Actor } from './audit.server'
import { activeOn, today } from './body-access.server'
import { unresolvedComments } from './document/comments.server'
import { auditDocument, documentRow, stepDocument, type DocumentRefusal } from './document/document.server'
import { freezeVersion, newVerificationCode, publicationOf, type Publication } from './document/versions.server'
import type { Lang } from '~/i18n/messages'
import { countKey } from '~/i18n/plural'
import type { NoticePart } from '~/utils/flash.server'
import { snapshotMinutes, type MinutesSnapshot } from './minutes.server'

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

/** The minutes' id (their document's) of a meeting; 404 before they are started. */
function minutesIdOf(tx: Tx, meetingId: number): number {
  const row = tx.select({ id: mn.id }).from(mn).where(eq(mn.meetingId, meetingId)).get()
  if (!row) throw new Response('Not Found', { status: 404 })
  return row.id
}

const refusal = (reason: DocumentRefusal): CycleError => (reason === 'stale' ? 'minutes.error.stale' : 'minutes.error.wrongState')

/** Freezes the minutes as they are now (or as `snapshot` says) as their next version. */
function freeze(
  tx: Tx,
  {
    minutesId,
    state,
    actor,
    snapshot,
    publication,
  }: { minutesId: number; state: MinutesState; actor: Actor; snapshot?: MinutesSnapshot; publication?: Publication },
): number {
  return freezeVersion(tx, {
    documentId: minutesId,
    state,
    actor,
    snapshot: snapshot ?? { ...snapshotMinutes(tx, minutesId)!, state },
    publication,
  })
}

function audit(tx: Tx, actor: Actor, minutesId: number, action: string, before: string, after: Record<string, unknown>) {
  auditDocument(tx, { kind: 'minutes', id: minutesId, action, actor, before: { state: before }, after })
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
    const id = minutesIdOf(tx, meetingId)
    const step = stepDocument(tx, {
      id,
      from: ['draft'],
      to: 'circulated',
      baseRevision,
      set: { commentsDueAt: commentsDueAt.toISOString() },
    })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    const snapshot = snapshotMinutes(tx, id)!
    const version = freeze(tx, { minutesId: id, state: 'circulated', actor, snapshot })
    const link = `${origin}/meetings/${meetingId}/minutes`
    const team = teamRecipients(tx, snapshot.bodyId)
    const mailIds = team.mailed.map((recipient) => queueMail(tx, minutesCirculatedMessage({ snapshot, recipient, link, commentsDueAt })))
    audit(tx, actor, id, 'circulated', step.before, {
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
    const id = minutesIdOf(tx, meetingId)
    // Approved minutes have none open: comments are resolved before approval and taken only while circulated.
    if (unresolvedComments(tx, id) > 0) return { ok: false, error: 'minutes.error.unresolvedComments' }
    const step = stepDocument(tx, { id, from: ['draft', 'circulated'], to: 'approved', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    tx.update(mn)
      .set({ approvedBy, approvedOn, approvedAt: new Date().toISOString(), approvedByUserId: actor.userId })
      .where(eq(mn.id, id))
      .run()
    const version = freeze(tx, { minutesId: id, state: 'approved', actor })
    audit(tx, actor, id, 'approved', step.before, { state: 'approved', version, approvedBy, approvedOn })
    return { ok: true, version }
  })
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
    const id = minutesIdOf(tx, meetingId)
    const row = documentRow(tx, id)!
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
    return { ok: true as const, id, snapshot: snapshotMinutes(tx, id)! }
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
  const publication = publicationOf(await renderMinutesPdf({ snapshot }), code)

  return db.transaction((tx): CycleResult => {
    const id = prepared.id
    // Changed while the PDF was rendered: nothing is published.
    const step = stepDocument(tx, {
      id,
      from: ['approved'],
      to: 'published',
      baseRevision,
      set: { visibility, publishedAt, publishedByUserId: actor.userId },
    })
    if (!step.ok) return { ok: false, error: 'minutes.error.stale' }
    const version = freeze(tx, { minutesId: id, state: 'published', actor, publication, snapshot })
    audit(tx, actor, id, 'published', step.before, {
      state: 'published',
      version,
      visibility,
      verificationCode: code,
      pdfSha256: publication.pdfSha256,
    })
    return { ok: true, version }
  })
}

/**
 * Takes circulated or approved minutes back to draft for corrections, freezing the state
 * they left. Published minutes stay as published: the record is not rewritten.
 */
export function reopenMinutes({ meetingId, baseRevision, actor }: { meetingId: number; baseRevision: number; actor: Actor }): CycleResult {
  return db.transaction((tx): CycleResult => {
    const id = minutesIdOf(tx, meetingId)
    const step = stepDocument(tx, { id, from: ['circulated', 'approved'], to: 'draft', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    tx.update(mn).set({ approvedBy: null, approvedOn: null, approvedAt: null, approvedByUserId: null }).where(eq(mn.id, id)).run()
    const version = freeze(tx, { minutesId: id, state: 'draft', actor })
    audit(tx, actor, id, 'reopened', step.before, { state: 'draft', version })
    return { ok: true, version }
  })
}
