import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser, notFound } from '~/auth/require.server'
import { meetingCalendar } from '~/calendar/feed.server'
import { calendarContentType } from '~/calendar/ics'
import { getMeetingAccess } from '~/models/meeting.server'
import { fileResponse } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/** One meeting as an `.ics` file to add to a calendar. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  const user = await getUser(request)
  if (getMeetingAccess({ meetingId, user }) === 'none') throw notFound()
  const calendar = meetingCalendar({ meetingId, origin: new URL(request.url).origin })
  if (!calendar) throw notFound()
  return fileResponse(calendar.ics, {
    contentType: calendarContentType(),
    disposition: 'attachment',
    fileName: `spotkanie-nr-${calendar.meeting.number}.ics`,
  })
}
