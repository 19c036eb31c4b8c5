import type { DocumentVisibility, RecommendationState } from '#db/schema/enums'
import type { Db, Tx } from '~/db.server'
import type { RecommendationContentInput } from '~/schemas/recommendation'
import type { Actor } from './audit.server'
import type { RecommendationSnapshot } from './recommendation-snapshot'

export type { RecommendationContentInput } from '~/schemas/recommendation'
export { addAnnex, annexFile, listAnnexes, removeAnnex } from './recommendation-annex.server'
export { addRecommendationComment, resolveRecommendationComment } from './recommendation-cycle.server'

export type RecommendationView = {
  id: number
  bodyId: number
  bodyName: string
  state: RecommendationState
  visibility: DocumentVisibility
  revision: number
  commentsDueAt: string | null
  number: string | null
  adoptedMeetingId: number | null
  adoptedOn: string | null
  withdrawnAt: string | null
  withdrawnReason: string | null
  publishedAt: string | null
  publishedByUserName: string | null
  updatedAt: string
  updatedByUserName: string | null
  /** The live text, resolved. */
  snapshot: RecommendationSnapshot
}

export type SaveRecommendationResult =
  { ok: true; revision: number } | { ok: false; reason: 'stale'; current: RecommendationView } | { ok: false; reason: 'locked' }

export function getRecommendation(_: { id: number }): RecommendationView | undefined {
  throw new Error('not implemented')
}

export function createRecommendation(_: {
  bodyId: number
  input: Pick<RecommendationContentInput, 'title' | 'summary' | 'addresseeKinds'>
  actor: Actor
}): number {
  throw new Error('not implemented')
}

export function saveRecommendation(_: {
  id: number
  baseRevision: number
  input: RecommendationContentInput
  actor: Actor
}): SaveRecommendationResult {
  throw new Error('not implemented')
}

export function snapshotRecommendation(_tx: Db | Tx, _id: number): RecommendationSnapshot | undefined {
  throw new Error('not implemented')
}
