import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { requireMeeting } from '~/auth/access.server'
import { canInMeeting } from '~/auth/meeting-permissions'
import { MeetingHeader, MeetingTabs } from '~/components/meeting-header'
import { pageTitle } from '~/i18n/page-title'
import { getMinutesAccess } from '~/models/minutes.server'
import { isExpiredSave } from '~/utils/expired-save.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.meeting
    ? pageTitle(matches, 'title.meeting', { number: data.meeting.number, topic: data.meeting.topic, body: data.meeting.bodyName })
    : pageTitle(matches, null)

/**
 * The meeting's header and tabs around every meeting page. Each tab's own loader checks
 * access again: Remix runs them side by side, not after this one.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A minutes form sent after the session expired gets a page of its own with the writer's
  // text (routes/meetings.$meetingId.minutes._index); the meeting stays out of it.
  if (isExpiredSave(context)) return json({ access: null, minutesTab: false, meeting: null })
  const { access, meeting } = await requireMeeting(request, params, 'meeting.read')
  return json({
    access,
    minutesTab: canInMeeting(access, 'meeting.manage') || getMinutesAccess({ meetingId: meeting.id, meeting: access }).read,
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
      seriesId: meeting.seriesId,
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
