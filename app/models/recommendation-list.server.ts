import type { RecommendationState } from '#db/schema/enums'
import type { SessionUser } from '~/auth/session.server'
import type { RecommendationAccess } from '~/auth/recommendation-permissions'

/** One line of a list of recommendations. */
export type RecommendationRow = {
  id: number
  bodyId: number
  bodyName: string
  title: string
  number: string | null
  state: RecommendationState
  visibility: 'members' | 'public'
  adoptedOn: string | null
  publishedAt: string | null
  withdrawnAt: string | null
  updatedAt: string
}

export type RecommendationPage = { rows: RecommendationRow[]; total: number }

export function listRecommendations(_: {
  user: SessionUser | null
  state?: RecommendationState
  bodyId?: number
  year?: number
  page: number
}): RecommendationPage & { years: number[] } {
  throw new Error('not implemented')
}

export function listBodyRecommendations(_: { bodyId: number; access: RecommendationAccess; page: number }): RecommendationPage {
  throw new Error('not implemented')
}

export function listPublicRecommendations(_: { page: number }): RecommendationPage {
  throw new Error('not implemented')
}

export function recommendationsAdoptedAt(_: {
  meetingId: number
  access: RecommendationAccess
}): { id: number; title: string; number: string | null; state: RecommendationState }[] {
  throw new Error('not implemented')
}

export function meetingsForAdoption(_: { bodyId: number }): { id: number; number: number; startsAt: string; topic: string }[] {
  throw new Error('not implemented')
}
