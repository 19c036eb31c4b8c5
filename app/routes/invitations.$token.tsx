import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { getUser, notFound } from '~/auth/require.server'
import { AnswerChoices } from '~/components/invitation-answer'
import { translateMessage } from '~/i18n/messages'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { answerInvitation, getInvitationByToken } from '~/models/invitation.server'
import { AnswerSchema } from '~/schemas/invitation'
import { formatDateTime, formatMeetingWhen, venueLine } from '~/utils/format'
import { redirectWithNotice } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, 'title.invitation', { topic: data?.meeting.topic ?? '' }),
  // A personal page: search engines must not keep it, even if a link leaks.
  { name: 'robots', content: 'noindex, nofollow' },
]

const privateHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow' }
export const headers: HeadersFunction = () => privateHeaders

/** The token is the only key: an unknown or malformed one is a page that does not exist. */
function requireInvitation(token: string | undefined) {
  const invitation = token ? getInvitationByToken({ token }) : undefined
  if (!invitation) throw notFound()
  return invitation
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { name, response, respondedAt, meeting } = requireInvitation(params.token)
  return json(
    {
      invitee: { name, response, respondedAt },
      meeting: {
        number: meeting.number,
        topic: meeting.topic,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        venue: venueLine(meeting),
        bodyName: meeting.bodyName,
        cancelled: meeting.state === 'cancelled',
        cancelReason: meeting.cancelReason,
      },
    },
    { headers: privateHeaders },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const invitation = requireInvitation(params.token)
  const submission = parseWithZod(await request.formData(), { schema: AnswerSchema })
  if (submission.status !== 'success')
    return json({ error: submission.error?.response?.[0] ?? 'invitations.chooseAnswer' }, { status: 400, headers: privateHeaders })
  // Whoever holds the link answers; a signed-in user is named in the log too.
  const user = await getUser(request)
  const saved = answerInvitation({
    invitationId: invitation.id,
    response: submission.value.response,
    actor: { userId: user?.id ?? null, ip: context.clientIp ?? null },
  })
  if (!saved.ok) return json({ error: 'invitations.cancelledNoAnswer' }, { status: 409, headers: privateHeaders })
  return redirectWithNotice(new URL(request.url).pathname, 'invitations.answerSaved', { headers: privateHeaders })
}

export default function InvitationPage() {
  const t = useT()
  const lang = useLang()
  const { invitee, meeting } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>{t('invitations.linkTitle')}</h1>
      <p>{t('invitations.linkGreeting', { name: invitee.name, number: meeting.number, body: meeting.bodyName })}</p>
      <dl className="details">
        <dt>{t('invitations.body')}</dt>
        <dd>{meeting.bodyName}</dd>
        <dt>{t('invitations.topic')}</dt>
        <dd>{meeting.topic}</dd>
        <dt>{t('invitations.when')}</dt>
        <dd>{formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}</dd>
        {meeting.venue ? (
          <>
            <dt>{t('invitations.venue')}</dt>
            <dd>{meeting.venue}</dd>
          </>
        ) : null}
        <dt>{t('invitations.currentAnswer')}</dt>
        <dd>
          <strong>{t(`invitations.answer.${invitee.response}`)}</strong>
          {invitee.respondedAt ? <span className="muted"> ({formatDateTime(invitee.respondedAt, lang)})</span> : null}
        </dd>
      </dl>
      {meeting.cancelled ? (
        <div className="notice notice--info">
          <p>{t('invitations.meetingCancelled')}</p>
          {meeting.cancelReason ? <p>{t('invitations.cancelReason', { reason: meeting.cancelReason })}</p> : null}
        </div>
      ) : (
        <Form method="post" className="stack" aria-labelledby="answer-title">
          <h2 id="answer-title">{t('invitations.answerTitle')}</h2>
          {actionData?.error ? (
            <p className="notice notice--error" role="alert">
              {translateMessage(t, actionData.error)}
            </p>
          ) : null}
          <AnswerChoices response={invitee.response} idPrefix="answer" />
          <div className="actions">
            <button type="submit">{t('invitations.saveAnswer')}</button>
          </div>
        </Form>
      )}
    </>
  )
}
