import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireMeeting } from '~/auth/access.server'
import { canInMeeting } from '~/auth/meeting-permissions'
import { FormErrors, TextAreaField } from '~/components/forms'
import { InvitationAnswer } from '~/components/invitation-answer'
import { useT } from '~/i18n/use-t'
import { getMyInvitation, notifyMeetingChanged } from '~/models/invitation.server'
import { cancelMeeting, setMeetingState } from '~/models/meeting.server'
import { CancelMeetingSchema } from '~/schemas/meeting'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { displayedMeetingState } from '~/utils/meeting-state'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, meeting } = await requireMeeting(request, params, 'meeting.read')
  const manage = canInMeeting(access, 'meeting.manage')
  const invitation = meeting.state === 'cancelled' ? null : getMyInvitation({ meetingId: meeting.id, user })
  const now = new Date().toISOString()
  return json({
    meeting: { id: meeting.id, bodyId: meeting.bodyId, purpose: meeting.purpose, headcount: meeting.headcount, state: meeting.state },
    manage,
    canCancel: manage && meeting.state !== 'cancelled' && meeting.state !== 'held',
    // A meeting is marked as held once it has begun, not ahead of time.
    canMarkHeld: manage && (meeting.state === 'planned' || meeting.state === 'invited') && meeting.startsAt <= now,
    // Ended while planned or invited: its officers are asked which it was.
    toConfirm: manage && displayedMeetingState(meeting, now) === 'unconfirmed',
    myResponse: invitation?.response ?? null,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, 'meeting.manage')
  const meetingId = meeting.id
  const formData = await request.formData()
  const actor = actorOf(user, context)
  const intent = formData.get('intent')
  if (intent === 'cancel') {
    const submission = parseWithZod(formData, { schema: CancelMeetingSchema })
    if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
    if (meeting.state === 'cancelled' || meeting.state === 'held')
      return json({ result: submission.reply({ formErrors: ['meetings.cannotCancel'] }) }, { status: 400 })
    cancelMeeting({ id: meetingId, reason: submission.value.reason, actor })
    // Nobody is told after the date that a meeting did not take place.
    if (displayedMeetingState(meeting, new Date()) === 'unconfirmed')
      return redirectWithNotice(`/meetings/${meetingId}`, 'meetings.markedNotHeld')
    await notifyMeetingChanged({ meetingId, actor, change: 'cancelled', origin: new URL(request.url).origin })
    return redirectWithNotice(`/meetings/${meetingId}`, 'meetings.cancelled')
  }
  if (intent === 'held') {
    if (meeting.startsAt > new Date().toISOString() || meeting.state === 'cancelled') throw new Response('Bad Request', { status: 400 })
    setMeetingState({ id: meetingId, state: 'held', actor })
    return redirectWithNotice(`/meetings/${meetingId}`, 'meetings.markedHeld')
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function MeetingOverview() {
  const t = useT()
  const { meeting, manage, canCancel, canMarkHeld, toConfirm, myResponse } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <div className="page-head">
        <h2>{t('meetings.overview')}</h2>
        {manage ? (
          <div className="actions">
            <Link to="edit" className="button">
              {t('meetings.edit')}
            </Link>
            <Link to={`/bodies/${meeting.bodyId}/meetings/new?from=${meeting.id}`} className="button button--secondary">
              {t('meetings.scheduleNext')}
            </Link>
          </div>
        ) : null}
      </div>
      <h3>{t('meetings.purpose')}</h3>
      <p className="prewrap">{meeting.purpose ?? t('meetings.noPurpose')}</p>
      {meeting.headcount !== null ? <p>{t('meetings.headcountIs', { count: meeting.headcount })}</p> : null}

      {myResponse ? <InvitationAnswer meetingId={meeting.id} response={myResponse} /> : null}

      {toConfirm ? (
        <section aria-labelledby="confirm-title" className="notice notice--info stack">
          <h2 id="confirm-title">{t('meetings.confirmTitle')}</h2>
          <p>{t('meetings.confirmLead')}</p>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="held" />
            <button type="submit">{t('meetings.confirmHeld')}</button>
          </Form>
          <p>{t('meetings.confirmNotHeld')}</p>
          <CancelForm lastResult={actionData?.result} titled={false} />
        </section>
      ) : canMarkHeld ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="held" />
          <button type="submit" className="button--secondary">
            {t('meetings.markHeld')}
          </button>
        </Form>
      ) : null}
      {canCancel && !toConfirm ? <CancelForm lastResult={actionData?.result} /> : null}
    </>
  )
}

/** `titled={false}` inside the question whether the meeting took place, which is its heading. */
function CancelForm({ lastResult, titled = true }: { lastResult?: SubmissionResult<string[]> | null; titled?: boolean }) {
  const t = useT()
  const [form, fields] = useForm({
    id: 'cancel-meeting',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelMeetingSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title" className={titled ? undefined : 'visually-hidden'}>
        {t('meetings.cancelTitle')}
      </h2>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} show={lastResult?.status === 'error'} />
        <input type="hidden" name="intent" value="cancel" />
        <TextAreaField meta={fields.reason} label={t('meetings.cancelReason')} hint={t('meetings.cancelHint')} rows={3} />
        <div className="actions">
          <button type="submit" className="button--secondary">
            {t('meetings.cancel')}
          </button>
        </div>
      </Form>
    </section>
  )
}
