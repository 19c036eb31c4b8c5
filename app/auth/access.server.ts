import { getDistribution } from '~/models/distribution.server'
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { AgreementState, RecommendationState } from '#db/schema/enums'
import { getAgreement, partyAccessOf, type AgreementView } from '~/models/agreement/agreement.server'
import { db } from '~/db.server'
import { getBodyAccess } from '~/models/body-access.server'
import { getBody } from '~/models/body.server'
import { documentRow } from '~/models/document/document.server'
import { getMeeting, getMeetingAccess } from '~/models/meeting.server'
import { getRecommendation, type RecommendationView } from '~/models/recommendation.server'
import { parseId } from '~/utils/http.server'
import { oncePerRequest } from '~/utils/request-scope.server'
import { canInAgreement, type AgreementAccess, type AgreementAction } from './agreement-permissions'
import { canInBody, type BodyAccess, type BodyAction } from './body-permissions'
import { canInMeeting, type MeetingAccess, type MeetingAction } from './meeting-permissions'
import { canInRecommendation, type RecommendationAccess, type RecommendationAction } from './recommendation-permissions'
import { getUser, notFound, requireUser } from './require.server'
import type { SessionUser } from './session.server'

type Params = LoaderFunctionArgs['params']

/** How far the user of this request sees into one meeting. */
export async function meetingAccessOf(request: Request, meetingId: number): Promise<MeetingAccess> {
  const user = await getUser(request)
  // The layout and the page of one request both ask; the database is asked once.
  return oncePerRequest(`meeting-access:${meetingId}:${user?.id ?? '-'}`, () => getMeetingAccess({ meetingId, user }))
}

/** Only reading is open to signed-out visitors: whoever may do more is signed in. */
type UserFor<A> = A extends 'meeting.read' | 'body.read' | 'recommendation.read' | 'agreement.read' ? SessionUser | null : SessionUser

type Options = {
  /** A signed-out visitor is sent to /login (and back) instead of being answered 404. */
  signIn?: boolean
}

async function userOf(request: Request, { signIn }: Options): Promise<SessionUser | null> {
  return signIn ? requireUser(request) : getUser(request)
}

/**
 * The meeting of `params.meetingId`, when the user may do `action` in it; 404 otherwise,
 * exactly as for a meeting that does not exist.
 */
export async function requireMeeting<A extends MeetingAction>(
  request: Request,
  params: Params,
  action: A,
  options: Options = {},
): Promise<{ user: UserFor<A>; access: MeetingAccess; meeting: NonNullable<ReturnType<typeof getMeeting>> }> {
  const meetingId = parseId(params.meetingId)
  const user = await userOf(request, options)
  const access = await meetingAccessOf(request, meetingId)
  if (!canInMeeting(access, action)) throw notFound()
  const meeting = getMeeting({ id: meetingId })
  if (!meeting) throw notFound()
  return { user: user as UserFor<A>, access, meeting }
}

/** The team (body) of `params.bodyId`, when the user may do `action` in it; 404 otherwise. */
export async function requireBody<A extends BodyAction>(
  request: Request,
  params: Params,
  action: A,
  options: Options = {},
): Promise<{ user: UserFor<A>; access: BodyAccess; body: NonNullable<ReturnType<typeof getBody>> }> {
  const bodyId = parseId(params.bodyId)
  const user = await userOf(request, options)
  const access = oncePerRequest(`body-access:${bodyId}:${user?.id ?? '-'}`, () => getBodyAccess({ bodyId, user }))
  if (!canInBody(access, action)) throw notFound()
  const body = getBody({ id: bodyId })
  if (!body) throw notFound()
  return { user: user as UserFor<A>, access, body }
}

/**
 * The recommendation of `params.recId`, when the user may do `action` in it; 404 otherwise,
 * exactly as for one that does not exist. Outsiders who may read it read its published version.
 */
export async function requireRecommendation<A extends RecommendationAction>(
  request: Request,
  params: Params,
  action: A,
  options: Options = {},
): Promise<{ user: UserFor<A>; access: RecommendationAccess; recommendation: RecommendationView }> {
  const id = parseId(params.recId)
  const user = await userOf(request, options)
  const document = documentRow(db, id)
  if (!document || document.kind !== 'recommendation') throw notFound()
  const bodyId = document.bodyId
  const access = oncePerRequest(`body-access:${bodyId}:${user?.id ?? '-'}`, () => getBodyAccess({ bodyId, user }))
  const status = { state: document.state as RecommendationState, visibility: document.visibility, commentsDueAt: document.commentsDueAt }
  if (!canInRecommendation(access, status, action)) throw notFound()
  const recommendation = getRecommendation({ id })
  if (!recommendation) throw notFound()
  return { user: user as UserFor<A>, access, recommendation }
}

/**
 * A distribution of a recommendation, for the team's officers (and administrators) alone:
 * anyone else, and a distribution of another document, is a page that does not exist.
 */
export async function requireDistribution(request: Request, params: Params) {
  const { user, access, recommendation } = await requireRecommendation(request, params, 'recommendation.manage')
  const distribution = getDistribution({ id: parseId(params.distId) })
  if (!distribution || distribution.documentId !== recommendation.id) throw notFound()
  return { user, access, recommendation, distribution }
}

/**
 * The agreement of `params.agreementId`, when the user may do `action` on it; 404 otherwise,
 * exactly as for an agreement that does not exist (a draft is nobody's business but the parties').
 */
export async function requireAgreement<A extends AgreementAction>(
  request: Request,
  params: Params,
  action: A,
  options: Options = {},
): Promise<{ user: UserFor<A>; access: AgreementAccess; agreement: AgreementView }> {
  const id = parseId(params.agreementId)
  const user = await userOf(request, options)
  const document = documentRow(db, id)
  if (!document || document.kind !== 'agreement') throw notFound()
  const access = oncePerRequest(`agreement-access:${id}:${user?.id ?? '-'}`, () => ({
    team: getBodyAccess({ bodyId: document.bodyId, user }),
    ...partyAccessOf({ agreementId: id, personId: user?.personId ?? null }),
  }))
  const status = { state: document.state as AgreementState, visibility: document.visibility, commentsDueAt: document.commentsDueAt }
  if (!canInAgreement(access, status, action)) throw notFound()
  const agreement = getAgreement({ id })
  if (!agreement) throw notFound()
  return { user: user as UserFor<A>, access, agreement }
}
