import { eq } from 'drizzle-orm'
import type { CommentResolution } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import type { Actor } from './audit.server'
import { addComment, listComments, resolveComment, type CommentRefusal, type DocumentComment } from './document/comments.server'

export type MinutesCommentResolution = CommentResolution

/** Why a comment was not stored or not resolved: an i18n key shown next to the form. */
export type MinutesCommentError =
  | 'minutesReview.error.notCirculated'
  | 'minutesReview.error.deadlinePassed'
  | 'minutesReview.error.section'
  | 'minutesReview.error.commentNotFound'
  | 'minutesReview.error.alreadyResolved'
  | 'minutesReview.error.resolveLocked'

/** The core's refusals in the minutes' own words. */
const errorOf: Record<CommentRefusal, MinutesCommentError> = {
  notOpen: 'minutesReview.error.notCirculated',
  deadlinePassed: 'minutesReview.error.deadlinePassed',
  section: 'minutesReview.error.section',
  commentNotFound: 'minutesReview.error.commentNotFound',
  alreadyResolved: 'minutesReview.error.alreadyResolved',
  resolveLocked: 'minutesReview.error.resolveLocked',
}

export type MinutesComment = DocumentComment

/** Every comment on the minutes, oldest first, with its author's institution and who resolved it. */
export function listMinutesComments({ minutesId }: { minutesId: number }): MinutesComment[] {
  return listComments({ documentId: minutesId })
}

const minutesIdOf = (meetingId: number) =>
  db.select({ id: schema.minutes.id }).from(schema.minutes).where(eq(schema.minutes.meetingId, meetingId)).get()?.id

export type AddMinutesCommentResult = { ok: true; id: number } | { ok: false; error: MinutesCommentError }

/**
 * Stores a member's comment on one section (or, with `sectionId: null`, on the whole text)
 * of circulated minutes, up to their deadline.
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
  const documentId = minutesIdOf(meetingId)
  if (documentId === undefined) return { ok: false, error: 'minutesReview.error.notCirculated' }
  const added = addComment({ documentId, sectionId, body, actor, now })
  return added.ok ? added : { ok: false, error: errorOf[added.reason] }
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
  const documentId = minutesIdOf(meetingId)
  if (documentId === undefined) return { ok: false, error: 'minutesReview.error.commentNotFound' }
  const resolved = resolveComment({ documentId, commentId, resolution, note, actor, now })
  return resolved.ok ? resolved : { ok: false, error: errorOf[resolved.reason] }
}
