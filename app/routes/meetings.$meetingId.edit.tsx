import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireMeeting } from '~/auth/access.server'
import { MeetingForm, type MeetingFormValues } from '~/components/meeting-form'
import { useT } from '~/i18n/use-t'
import { notifyMeetingChanged } from '~/models/invitation.server'
import { updateMeeting } from '~/models/meeting.server'
import { MeetingSchema } from '~/schemas/meeting'
import { actorOf, redirectWithNotice } from '~/utils/http.server'
import { toWarsawLocalInput } from '~/utils/time'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireMeeting(request, params, 'meeting.manage', { signIn: true })
  const defaultValue: MeetingFormValues = {
    topic: meeting.topic,
    purpose: meeting.purpose ?? undefined,
    startsAt: toWarsawLocalInput(meeting.startsAt),
    endsAt: toWarsawLocalInput(meeting.endsAt),
    venueName: meeting.venueName ?? undefined,
    venueAddress: meeting.venueAddress ?? undefined,
    venueRoom: meeting.venueRoom ?? undefined,
    seriesTitle: meeting.seriesTitle ?? undefined,
    seriesPlannedCount: meeting.seriesPlannedCount ? String(meeting.seriesPlannedCount) : undefined,
    isPublic: meeting.isPublic,
    headcount: meeting.headcount !== null ? String(meeting.headcount) : undefined,
  }
  return json({ meetingId: meeting.id, bodyIsPublic: meeting.bodyIsPublic, defaultValue })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, 'meeting.manage', { signIn: true })
  const submission = parseWithZod(await request.formData(), { schema: MeetingSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const actor = actorOf(user, context)
  const saved = updateMeeting({ id: meeting.id, input: submission.value, actor })
  if (!saved.ok) return json({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 })
  if (saved.rescheduled) {
    await notifyMeetingChanged({ meetingId: meeting.id, actor, change: 'rescheduled', origin: new URL(request.url).origin })
    return redirectWithNotice(`/meetings/${meeting.id}`, 'meetings.rescheduled')
  }
  return redirectWithNotice(`/meetings/${meeting.id}`, 'meetings.saved')
}

export default function EditMeeting() {
  const t = useT()
  const { meetingId, bodyIsPublic, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h2>{t('meetings.editTitle')}</h2>
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        cancelTo={`/meetings/${meetingId}`}
        submitLabel={t('common.save')}
        bodyIsPublic={bodyIsPublic}
      />
    </>
  )
}
