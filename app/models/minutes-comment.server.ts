import { alias } from 'drizzle-orm/sqlite-core'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { recordAudit, type Actor } from './audit.server'

const mn = schema.minutes
const ms = schema.minutesSections
const mc = schema.minutesComments

export type MinutesCommentResolution = 'accepted' | 'rejected'

/** Why a comment was not stored or not resolved: an i18n key shown next to the form. */
export type MinutesCommentError =
  | 'minutesReview.error.notCirculated'
  | 'minutesReview.error.deadlinePassed'
  | 'minutesReview.error.section'
  | 'minutesReview.error.commentNotFound'
  | 'minutesReview.error.alreadyResolved'
  | 'minutesReview.error.resolveLocked'

export type MinutesComment = {
  id: number
  sectionId: number | null
  sectionTitle: string | null
  authorName: string
  authorOrganisation: string | null
  body: string
  createdAt: string
  resolution: MinutesCommentResolution | null
  resolutionNote: string | null
  resolvedAt: string | null
  resolvedByName: string | null
}

const author = alias(schema.users, 'author')
const resolver = alias(schema.users, 'resolver')

/** Every comment on the minutes, oldest first, with its author's institution and who resolved it. */
export function listMinutesComments({ minutesId }: { minutesId: number }): MinutesComment[] {
  return db
    .select({
      id: mc.id,
      sectionId: mc.sectionId,
      sectionTitle: mc.sectionTitle,
      authorName: author.name,
      authorOrganisation: schema.organisations.name,
      body: mc.body,
      createdAt: mc.createdAt,
      resolution: mc.resolution,
      resolutionNote: mc.resolutionNote,
      resolvedAt: mc.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(mc)
    .innerJoin(author, eq(author.id, mc.authorUserId))
    .leftJoin(schema.people, eq(schema.people.id, author.personId))
    .leftJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .leftJoin(resolver, eq(resolver.id, mc.resolvedByUserId))
    .where(eq(mc.minutesId, minutesId))
    .orderBy(asc(mc.createdAt), asc(mc.id))
    .all()
}

export type AddMinutesCommentResult = { ok: true; id: number } | { ok: false; error: MinutesCommentError }

/**
 * Stores a member's comment on one section (or, with `sectionId: null`, on the whole text)
 * of circulated minutes, up to their deadline. The section's title is kept with it, so the
 * comment still reads right if the section is later removed.
 */
export function addMinutesComment({
  meetingId,
  sectionId,
  body,
  actor,
  now = new Date(),
}: {
  meetingId: number
  sectionId: number | null
  body: string
  actor: Actor & { userId: number }
  now?: Date
}): AddMinutesCommentResult {
  return db.transaction((tx): AddMinutesCommentResult => {
    const minutes = tx
      .select({ id: mn.id, state: mn.state, commentsDueAt: mn.commentsDueAt })
      .from(mn)
      .where(eq(mn.meetingId, meetingId))
      .get()
    if (!minutes || minutes.state !== 'circulated') return { ok: false, error: 'minutesReview.error.notCirculated' }
    if (minutes.commentsDueAt && new Date(minutes.commentsDueAt) <= now) return { ok: false, error: 'minutesReview.error.deadlinePassed' }
    let sectionTitle: string | null = null
    if (sectionId !== null) {
      const section = tx
        .select({ title: ms.title })
        .from(ms)
        .where(and(eq(ms.id, sectionId), eq(ms.minutesId, minutes.id)))
        .get()
      if (!section) return { ok: false, error: 'minutesReview.error.section' }
      sectionTitle = section.title
    }
    const { id } = tx
      .insert(mc)
      .values({ minutesId: minutes.id, sectionId, sectionTitle, authorUserId: actor.userId, body, createdAt: now.toISOString() })
      .returning({ id: mc.id })
      .get()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'minutes.commented',
      entityType: 'minutes',
      entityId: minutes.id,
      after: { commentId: id, sectionId, sectionTitle, body },
    })
    return { ok: true, id }
  })
}

export type ResolveMinutesCommentResult = { ok: true } | { ok: false; error: MinutesCommentError }

/**
 * The secretary's decision on one open comment: taken into the text (`accepted`) or not
 * (`rejected`), with a note. Only while the text can still change (draft or circulated):
 * approval waits until every comment is resolved.
 */
export function resolveMinutesComment({
  meetingId,
  commentId,
  resolution,
  note,
  actor,
  now = new Date(),
}: {
  meetingId: number
  commentId: number
  resolution: MinutesCommentResolution
  note: string | null
  actor: Actor
  now?: Date
}): ResolveMinutesCommentResult {
  return db.transaction((tx): ResolveMinutesCommentResult => {
    const minutes = tx.select({ id: mn.id, state: mn.state }).from(mn).where(eq(mn.meetingId, meetingId)).get()
    if (!minutes) return { ok: false, error: 'minutesReview.error.commentNotFound' }
    const comment = tx
      .select({ id: mc.id, resolution: mc.resolution })
      .from(mc)
      .where(and(eq(mc.id, commentId), eq(mc.minutesId, minutes.id)))
      .get()
    if (!comment) return { ok: false, error: 'minutesReview.error.commentNotFound' }
    if (minutes.state !== 'draft' && minutes.state !== 'circulated') return { ok: false, error: 'minutesReview.error.resolveLocked' }
    if (comment.resolution) return { ok: false, error: 'minutesReview.error.alreadyResolved' }
    const resolvedAt = now.toISOString()
    const updated = tx
      .update(mc)
      .set({ resolution, resolutionNote: note, resolvedAt, resolvedByUserId: actor.userId })
      .where(and(eq(mc.id, commentId), isNull(mc.resolution)))
      .run()
    if (updated.changes !== 1) return { ok: false, error: 'minutesReview.error.alreadyResolved' }
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'minutes.commentResolved',
      entityType: 'minutes',
      entityId: minutes.id,
      before: { commentId, resolution: null },
      after: { commentId, resolution, resolutionNote: note },
    })
    return { ok: true }
  })
}
