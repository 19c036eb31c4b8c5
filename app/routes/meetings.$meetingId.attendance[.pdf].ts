import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { buildAttendanceView, renderAttendancePdf } from '~/pdf/attendance/build.server'
import { fileResponse } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/** „Lista obecności” to print and sign, for the team only, like the attendance page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  await requireMeeting(request, params, 'meeting.readInternal')
  const view = buildAttendanceView({ meetingId })
  if (!view) throw notFound()
  return fileResponse(await renderAttendancePdf(view), {
    contentType: 'application/pdf',
    disposition: 'attachment',
    fileName: view.fileName,
  })
}
