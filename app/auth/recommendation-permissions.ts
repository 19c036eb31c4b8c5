import type { DocumentVisibility, RecommendationState } from '#db/schema/enums'
import { isOpenForComments, isPublishedState } from '~/models/document/kinds'
import { canInBody, type BodyAccess } from './body-permissions'

/**
 * `recommendation.read`: the page, the PDF and the annexes (the live text, or for outsiders the published version).
 * `recommendation.manage`: writing, the steps of the cycle, resolving comments, annexes.
 * `recommendation.comment`: adding a comment during the consultation.
 * `recommendation.create`: starting a new one in the team.
 */
export type RecommendationAction = 'recommendation.read' | 'recommendation.manage' | 'recommendation.comment' | 'recommendation.create'

/** How far the user sees into the recommendation's team: its insiders read every state, its officers manage. */
export type RecommendationAccess = BodyAccess

/** What of a recommendation the rule needs; `null` for one not yet started (only `create` asks then). */
export type RecommendationStatus = { state: RecommendationState; visibility: DocumentVisibility; commentsDueAt: string | null }

/**
 * The team (its member institutions' people and its officers) reads its recommendations in
 * every state; anyone else only published or withdrawn ones published to the public (through
 * the published version). The officers manage them; members comment until the deadline.
 * Pure, so the interface hides what the server would refuse.
 */
export function canInRecommendation(
  access: RecommendationAccess,
  status: RecommendationStatus | null,
  action: RecommendationAction,
  now = new Date(),
): boolean {
  const insider = canInBody(access, 'body.readInternal')
  switch (action) {
    case 'recommendation.create':
      return canInBody(access, 'body.manage')
    case 'recommendation.manage':
      return !!status && canInBody(access, 'body.manage')
    case 'recommendation.read':
      if (!status) return false
      return insider || (isPublishedState('recommendation', status.state) && status.visibility === 'public')
    case 'recommendation.comment':
      if (!status) return false
      return insider && isOpenForComments({ kind: 'recommendation', ...status }, now)
  }
}
