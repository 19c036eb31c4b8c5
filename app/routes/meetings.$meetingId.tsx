import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { getUser, notFound } from '~/auth/require.server'
import { MeetingHeader, MeetingTabs } from '~/components/meeting-header'
import { getMeeting, getMeetingAccess } from '~/models/meeting.server'
import { parseId } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Spotkanie nr ${data.meeting.number}: ${data.meeting.topic} — ${data.meeting.bodyName} — Narada` : 'Narada' },
]

/**
 * The meeting's header and tabs around every meeting page. Each tab's own loader checks
 * access again: Remix runs them side by side, not after this one.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const meetingId = parseId(params.meetingId)
  const access = getMeetingAccess({ meetingId, user })
  if (access === 'none') throw notFound()
  const meeting = getMeeting({ id: meetingId })
  if (!meeting) throw notFound()
  return json({
    access,
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

export default function MeetingLayout() {
  const { meeting, access } = useLoaderData<typeof loader>()
  return (
    <>
      <MeetingHeader meeting={meeting} />
      <MeetingTabs meetingId={meeting.id} access={access} />
      <Outlet />
    </>
  )
}
