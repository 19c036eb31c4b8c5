import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { meetingCalendar } from '~/calendar/feed.server'
import { calendarContentType } from '~/calendar/ics'
import { fileResponse } from '~/utils/content-disposition'

/** One meeting as an `.ics` file to add to a calendar. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await requireMeeting(request, params, 'meeting.read')
  const calendar = meetingCalendar({ meetingId: meeting.id, origin: new URL(request.url).origin })
  if (!calendar) throw notFound()
  return fileResponse(calendar.ics, {
    contentType: calendarContentType(),
    disposition: 'attachment',
    fileName: `spotkanie-nr-${calendar.meeting.number}.ics`,
  })
}
