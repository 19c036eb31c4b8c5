import type { CommentResolution, DocumentVisibility } from '#db/schema/enums'
import type { Actor } from './audit.server'
import type { CommentRefusal } from './document/comments.server'

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

export async function startConsultation(_: {
  id: number
  commentsDueAt: Date
  baseRevision: number
  actor: Actor
  origin: string
}): Promise<ConsultationResult> {
  throw new Error('not implemented')
}

export function returnToDrafting(_: { id: number; baseRevision: number; actor: Actor }): CycleResult {
  throw new Error('not implemented')
}

export function adoptRecommendation(_: { id: number; meetingId: number; baseRevision: number; actor: Actor }): CycleResult {
  throw new Error('not implemented')
}

export async function publishRecommendation(_: {
  id: number
  visibility: DocumentVisibility
  baseRevision: number
  actor: Actor
  origin: string
}): Promise<CycleResult> {
  throw new Error('not implemented')
}

export function withdrawRecommendation(_: { id: number; reason: string; baseRevision: number; actor: Actor }): CycleResult {
  throw new Error('not implemented')
}

export function addRecommendationComment(_: {
  id: number
  sectionId: number | null
  body: string
  actor: Actor & { userId: number }
  now?: Date
}): { ok: true; id: number } | { ok: false; error: RecommendationCommentError } {
  throw new Error('not implemented')
}

export function resolveRecommendationComment(_: {
  id: number
  commentId: number
  resolution: CommentResolution
  note: string | null
  actor: Actor
}): { ok: true } | { ok: false; error: RecommendationCommentError } {
  throw new Error('not implemented')
}

/** Who starting the consultation would e-mail, and the people of the team it cannot (no address), by name. */
export function consultationRecipients(_: { id: number }): {
  mailed: number
  withoutEmail: { id: number; name: string; organisation: string }[]
} {
  throw new Error('not implemented')
}
