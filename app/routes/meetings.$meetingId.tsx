import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { getUser, notFound } from '~/auth/require.server'
import { MeetingHeader, MeetingTabs } from '~/components/meeting-header'
import { getMeeting, getMeetingAccess } from '~/models/meeting.server'
import { getMinutesAccess } from '~/models/minutes.server'
import { isExpiredSave } from '~/utils/expired-save.server'
import { parseId } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meeting ? `Spotkanie nr ${data.meeting.number}: ${data.meeting.topic} — ${data.meeting.bodyName} — Narada` : 'Narada' },
]

/**
 * The meeting's header and tabs around every meeting page. Each tab's own loader checks
 * access again: Remix runs them side by side, not after this one.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A minutes form sent after the session expired gets a page of its own with the writer's
  // text (routes/meetings.$meetingId.minutes._index); the meeting stays out of it.
  if (isExpiredSave(context)) return json({ access: null, minutesTab: false, meeting: null })
  const user = await getUser(request)
  const meetingId = parseId(params.meetingId)
  const access = getMeetingAccess({ meetingId, user })
  if (access === 'none') throw notFound()
  const meeting = getMeeting({ id: meetingId })
  if (!meeting) throw notFound()
  return json({
    access,
    minutesTab: access === 'manage' || getMinutesAccess({ meetingId, user }).read,
    meeting: {
      id: meeting.id,
      bodyId: meeting.bodyId,
      bodyName: meeting.bodyName,
      number: meeting.number,
      topic: meeting.topic,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      venueName: meeting.venueName,
      venueAddress: meeting.venueAddress,
      venueRoom: meeting.venueRoom,
      seriesTitle: meeting.seriesTitle,
      seriesPlannedCount: meeting.seriesPlannedCount,
      seriesPosition: meeting.seriesPosition,
      state: meeting.state,
      cancelReason: meeting.cancelReason,
      isPublic: meeting.isPublic && meeting.bodyIsPublic,
    },
  })
}

/** After a 401 (an expired session) the signed-out request would only get a 404 here. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 401 ? false : defaultShouldRevalidate

export default function MeetingLayout() {
  const { meeting, access, minutesTab } = useLoaderData<typeof loader>()
  if (meeting === null || access === null) return <Outlet />
  return (
    <>
      <MeetingHeader meeting={meeting} />
      <MeetingTabs meetingId={meeting.id} access={access} minutesTab={minutesTab} />
      <Outlet />
    </>
  )
}
