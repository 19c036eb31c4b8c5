import { and, eq, ne } from 'drizzle-orm'
import type { CommentResolution, DocumentVisibility, RecommendationState } from '#db/schema/enums'
import { db, schema, type Tx } from '~/db.server'
import type { Lang } from '~/i18n/messages'
import { countKey } from '~/i18n/plural'
import { deliver, queueMail } from '~/mail/mailer.server'
import { recommendationConsultationMessage } from '~/mail/recommendation-mail.server'
import { renderRecommendationPdf } from '~/pdf/recommendation/build.server'
import { RECOMMENDATION_LIMITS } from '~/schemas/recommendation'
import type { NoticePart } from '~/utils/flash.server'
import { warsawDay } from '~/utils/time'
import type { Actor } from './audit.server'
import { addComment, resolveComment, unresolvedComments, type CommentRefusal } from './document/comments.server'
import { auditDocument, documentRow, stepDocument, type DocumentRefusal } from './document/document.server'
import { formatDocumentNumber, nextDocumentNumber, nextNumberOf } from './document/numbers.server'
import { teamRecipients } from './document/team.server'
import { freezeVersion, newVerificationCode, publicationOf, type Publication } from './document/versions.server'
import type { RecommendationSnapshot } from './recommendation-snapshot'
import { snapshotRecommendation } from './recommendation.server'

const rc = schema.recommendations

/** Why a step of the cycle was refused: an i18n key shown to the officer. */
export type RecommendationCycleError =
  | 'recommendation.error.wrongState'
  | 'recommendation.error.unresolvedComments'
  | 'recommendation.error.deadlinePast'
  | 'recommendation.error.stale'
  | 'recommendation.error.meeting'
  | 'recommendation.error.reasonMissing'
  | 'recommendation.error.empty'

export type CycleResult = { ok: true; version: number } | { ok: false; error: RecommendationCycleError }
/** The consultation also says how many were e-mailed, and how many of the team have no address to be. */
export type ConsultationResult =
  { ok: true; version: number; mailed: number; withoutEmail: number } | { ok: false; error: RecommendationCycleError }

export type RecommendationCommentError = `recommendation.error.comment.${CommentRefusal}`

const refusal = (reason: DocumentRefusal): RecommendationCycleError =>
  reason === 'stale' ? 'recommendation.error.stale' : 'recommendation.error.wrongState'

function recommendationOf(tx: Tx, id: number) {
  const row = documentRow(tx, id)
  if (!row || row.kind !== 'recommendation') throw new Response('Not Found', { status: 404 })
  return row
}

/** Freezes the recommendation as it is now (or as `snapshot` says) as its next version. */
function freeze(
  tx: Tx,
  {
    id,
    state,
    actor,
    snapshot,
    publication,
  }: { id: number; state: RecommendationState; actor: Actor; snapshot?: RecommendationSnapshot; publication?: Publication },
): number {
  return freezeVersion(tx, { documentId: id, state, actor, snapshot: snapshot ?? snapshotRecommendation(tx, id)!, publication })
}

function audit(tx: Tx, actor: Actor, id: number, action: string, before: string, after: Record<string, unknown>) {
  auditDocument(tx, { kind: 'recommendation', id, action, actor, before: { state: before }, after })
}

const hasRecommendation = (snapshot: RecommendationSnapshot) => snapshot.chapters.some((chapter) => chapter.items.length > 0)

/**
 * Sends the draft to the team for comments until `commentsDueAt`, freezing the consulted
 * version, and e-mails the delegates and deputies of the seats held today and the officers a
 * link to it. Those without an address are not told: the officer saw their names before.
 */
export async function startConsultation({
  id,
  commentsDueAt,
  baseRevision,
  actor,
  origin,
}: {
  id: number
  commentsDueAt: Date
  baseRevision: number
  actor: Actor
  origin: string
}): Promise<ConsultationResult> {
  if (!(commentsDueAt > new Date())) return { ok: false, error: 'recommendation.error.deadlinePast' }
  const result = db.transaction((tx): ConsultationResult & { mailIds?: number[] } => {
    recommendationOf(tx, id)
    const step = stepDocument(tx, {
      id,
      from: ['drafting'],
      to: 'consultation',
      baseRevision,
      set: { commentsDueAt: commentsDueAt.toISOString() },
    })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    const snapshot = snapshotRecommendation(tx, id)!
    const version = freeze(tx, { id, state: 'consultation', actor, snapshot })
    const link = `${origin}/recommendations/${id}`
    const team = teamRecipients(tx, snapshot.bodyId)
    const mailIds = team.mailed.map((recipient) =>
      queueMail(tx, recommendationConsultationMessage({ snapshot, recipient, link, commentsDueAt })),
    )
    audit(tx, actor, id, 'consultationStarted', step.before, {
      state: 'consultation',
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

/** „Wysłano projekt do uwag 14 osobom. 3 osoby bez adresu e-mail nie dostały wiadomości.” — or that nobody was e-mailed. */
export function consultationNotice({ mailed, withoutEmail }: { mailed: number; withoutEmail: number }, lang: Lang): NoticePart[] {
  if (mailed === 0) return [{ key: 'recommendation.done.consultation.nobodyMailed' }]
  const parts: NoticePart[] = [{ key: countKey(lang, 'recommendation.done.consultation.mailed', mailed), params: { count: mailed } }]
  if (withoutEmail)
    parts.push({ key: countKey(lang, 'recommendation.done.consultation.withoutEmail', withoutEmail), params: { count: withoutEmail } })
  return parts
}

/** Who starting the consultation would e-mail, and the people of the team it cannot (no address), by name. */
export function consultationRecipients({ id }: { id: number }): {
  mailed: number
  withoutEmail: { id: number; name: string; organisation: string }[]
} {
  return db.transaction((tx) => {
    const team = teamRecipients(tx, recommendationOf(tx, id).bodyId)
    return { mailed: team.mailed.length, withoutEmail: team.withoutEmail }
  })
}

/** Takes consulted or adopted (not yet published) recommendations back to drafting; the adoption is undone. */
export function returnToDrafting({ id, baseRevision, actor }: { id: number; baseRevision: number; actor: Actor }): CycleResult {
  return db.transaction((tx): CycleResult => {
    recommendationOf(tx, id)
    const step = stepDocument(tx, { id, from: ['consultation', 'adopted'], to: 'drafting', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    tx.update(rc).set({ adoptedMeetingId: null, adoptedOn: null, adoptedAt: null, adoptedByUserId: null }).where(eq(rc.id, id)).run()
    const version = freeze(tx, { id, state: 'drafting', actor })
    audit(tx, actor, id, 'returnedToDrafting', step.before, { state: 'drafting', version })
    return { ok: true, version }
  })
}

/**
 * Records that the team adopted the text at one of its meetings (not cancelled), on that
 * meeting's day in Warsaw: once every comment is resolved and the text holds a recommendation.
 */
export function adoptRecommendation({
  id,
  meetingId,
  baseRevision,
  actor,
}: {
  id: number
  meetingId: number
  baseRevision: number
  actor: Actor
}): CycleResult {
  return db.transaction((tx): CycleResult => {
    const document = recommendationOf(tx, id)
    const meeting = tx
      .select({ startsAt: schema.meetings.startsAt, number: schema.meetings.number })
      .from(schema.meetings)
      .where(and(eq(schema.meetings.id, meetingId), eq(schema.meetings.bodyId, document.bodyId), ne(schema.meetings.state, 'cancelled')))
      .get()
    if (!meeting) return { ok: false, error: 'recommendation.error.meeting' }
    if (unresolvedComments(tx, id) > 0) return { ok: false, error: 'recommendation.error.unresolvedComments' }
    if (!hasRecommendation(snapshotRecommendation(tx, id)!)) return { ok: false, error: 'recommendation.error.empty' }
    const step = stepDocument(tx, { id, from: ['drafting', 'consultation'], to: 'adopted', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    const adoptedOn = warsawDay(meeting.startsAt)
    tx.update(rc)
      .set({ adoptedMeetingId: meetingId, adoptedOn, adoptedAt: new Date().toISOString(), adoptedByUserId: actor.userId })
      .where(eq(rc.id, id))
      .run()
    const version = freeze(tx, { id, state: 'adopted', actor })
    audit(tx, actor, id, 'adopted', step.before, { state: 'adopted', version, meetingId, adoptedOn })
    return { ok: true, version }
  })
}

/**
 * Publishes adopted recommendations to the team or to the public under the next number of the
 * team's pattern in the year of adoption. The PDF is rendered outside the write (with the number
 * it will bear) and archived with its SHA-256 and verification code; a change meanwhile publishes
 * nothing, and the number is only taken by the write that publishes.
 */
export async function publishRecommendation({
  id,
  visibility,
  baseRevision,
  actor,
  origin,
  now = new Date(),
}: {
  id: number
  visibility: DocumentVisibility
  baseRevision: number
  actor: Actor
  origin: string
  /** The moment of publication (the demo publishes in 2014). */
  now?: Date
}): Promise<CycleResult> {
  const prepared = db.transaction((tx) => {
    const row = recommendationOf(tx, id)
    if (row.state !== 'adopted') return { ok: false as const, error: 'recommendation.error.wrongState' as const }
    if (row.revision !== baseRevision) return { ok: false as const, error: 'recommendation.error.stale' as const }
    const pattern = tx
      .select({ pattern: schema.bodies.recommendationNumberPattern })
      .from(schema.bodies)
      .where(eq(schema.bodies.id, row.bodyId))
      .get()!.pattern
    return { ok: true as const, pattern, snapshot: snapshotRecommendation(tx, id)! }
  })
  if (!prepared.ok) return prepared

  const year = Number(prepared.snapshot.adoption!.adoptedOn.slice(0, 4))
  const publishedAt = now.toISOString()
  const code = newVerificationCode()
  const publisherName = actor.userId
    ? (db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, actor.userId)).get()?.name ?? null)
    : null
  const render = async (number: string) => {
    const snapshot: RecommendationSnapshot = {
      ...prepared.snapshot,
      state: 'published',
      visibility,
      number,
      publication: { code, verifyUrl: `${origin}/verify/${code}`, publishedAt, publishedBy: publisherName },
    }
    return { snapshot, publication: publicationOf(await renderRecommendationPdf({ snapshot }), code) }
  }
  // The number the write will take: rendered with it, then taken only if still the next one.
  let number = nextNumberOf(db, prepared.snapshot.bodyId, year)
  let rendered = await render(formatDocumentNumber(prepared.pattern, { number, year }))

  for (;;) {
    const result = db.transaction((tx): CycleResult | 'renumber' => {
      const row = recommendationOf(tx, id)
      if (row.state !== 'adopted' || row.revision !== baseRevision) return { ok: false, error: 'recommendation.error.stale' }
      // Another of the team's publications took the number meanwhile: render again with the next one.
      if (nextNumberOf(tx, row.bodyId, year) !== number) return 'renumber'
      nextDocumentNumber(tx, { bodyId: row.bodyId, kind: 'recommendation', year })
      const step = stepDocument(tx, {
        id,
        from: ['adopted'],
        to: 'published',
        baseRevision,
        set: { visibility, publishedAt, publishedByUserId: actor.userId },
      })
      if (!step.ok) return { ok: false, error: 'recommendation.error.stale' }
      tx.update(rc).set({ number: rendered.snapshot.number }).where(eq(rc.id, id)).run()
      const version = freeze(tx, { id, state: 'published', actor, snapshot: rendered.snapshot, publication: rendered.publication })
      audit(tx, actor, id, 'published', step.before, {
        state: 'published',
        version,
        number: rendered.snapshot.number,
        visibility,
        verificationCode: code,
        pdfSha256: rendered.publication.pdfSha256,
      })
      return { ok: true, version }
    })
    if (result !== 'renumber') return result
    number = nextNumberOf(db, prepared.snapshot.bodyId, year)
    rendered = await render(formatDocumentNumber(prepared.pattern, { number, year }))
  }
}

/** Withdraws published recommendations, with the reason; the published version stays what /verify vouches for. */
export function withdrawRecommendation({
  id,
  reason,
  baseRevision,
  actor,
}: {
  id: number
  reason: string
  baseRevision: number
  actor: Actor
}): CycleResult {
  const why = reason.trim()
  if (!why || why.length > RECOMMENDATION_LIMITS.withdrawalReason) return { ok: false, error: 'recommendation.error.reasonMissing' }
  return db.transaction((tx): CycleResult => {
    recommendationOf(tx, id)
    const step = stepDocument(tx, { id, from: ['published'], to: 'withdrawn', baseRevision })
    if (!step.ok) return { ok: false, error: refusal(step.reason) }
    tx.update(rc)
      .set({ withdrawnAt: new Date().toISOString(), withdrawnReason: why, withdrawnByUserId: actor.userId })
      .where(eq(rc.id, id))
      .run()
    const version = freeze(tx, { id, state: 'withdrawn', actor })
    audit(tx, actor, id, 'withdrawn', step.before, { state: 'withdrawn', version, reason: why })
    return { ok: true, version }
  })
}

/** A member's comment on a chapter, a recommendation or (`sectionId: null`) the whole text, during the consultation. */
export function addRecommendationComment({
  id,
  sectionId,
  body,
  actor,
  now,
}: {
  id: number
  sectionId: number | null
  body: string
  actor: Actor & { userId: number }
  now?: Date
}): { ok: true; id: number } | { ok: false; error: RecommendationCommentError } {
  const added = addComment({ documentId: id, sectionId, body, actor, now })
  return added.ok ? added : { ok: false, error: `recommendation.error.comment.${added.reason}` }
}

/** The officer's decision on one open comment, while the text can still change. */
export function resolveRecommendationComment({
  id,
  commentId,
  resolution,
  note,
  actor,
}: {
  id: number
  commentId: number
  resolution: CommentResolution
  note: string | null
  actor: Actor
}): { ok: true } | { ok: false; error: RecommendationCommentError } {
  const resolved = resolveComment({ documentId: id, commentId, resolution, note, actor })
  return resolved.ok ? resolved : { ok: false, error: `recommendation.error.comment.${resolved.reason}` }
}
