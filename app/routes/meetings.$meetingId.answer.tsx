import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { getUser, notFound } from '~/auth/require.server'
import { answerInvitation, getMyInvitation } from '~/models/invitation.server'
import { AnswerSchema } from '~/schemas/invitation'
import { actorOf, parseId, redirectWithNotice } from '~/utils/http.server'

// Only the answer form of the meeting page posts here; there is nothing to show.
export function loader() {
  throw notFound()
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  const user = await getUser(request)
  // After signing in, back to the meeting page with its form, not to this address.
  if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: `/meetings/${meetingId}` })}`)
  await requireMeeting(request, params, 'meeting.answer')
  const invitation = getMyInvitation({ meetingId, user })
  if (!invitation) throw notFound()
  const submission = parseWithZod(await request.formData(), { schema: AnswerSchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const saved = answerInvitation({ invitationId: invitation.id, response: submission.value.response, actor: actorOf(user, context) })
  return redirectWithNotice(`/meetings/${meetingId}`, saved.ok ? 'invitations.answerSaved' : 'invitations.cancelledNoAnswer')
}
