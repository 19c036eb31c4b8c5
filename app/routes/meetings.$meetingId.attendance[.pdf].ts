import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser, notFound } from '~/auth/require.server'
import { getMeetingAccess } from '~/models/meeting.server'
import { buildAttendanceView, renderAttendancePdf } from '~/pdf/attendance/build.server'
import { fileResponse } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/** „Lista obecności” to print and sign, for anyone who may see the meeting. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  if (getMeetingAccess({ meetingId, user: await getUser(request) }) === 'none') throw notFound()
  const view = buildAttendanceView({ meetingId })
  if (!view) throw notFound()
  return fileResponse(await renderAttendancePdf(view), {
    contentType: 'application/pdf',
    disposition: 'attachment',
    fileName: view.fileName,
  })
}
