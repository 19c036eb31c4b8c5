import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { buildAttendanceView } from '~/pdf/attendance/build.server'
import { servePdf } from '~/pdf/serve/serve.server'
import { parseId } from '~/utils/http.server'

/** „Lista obecności” to print and sign, for the team only, like the attendance page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  await requireMeeting(request, params, 'meeting.readInternal')
  const view = buildAttendanceView({ meetingId })
  if (!view) throw notFound()
  return servePdf(request, { kind: 'attendance', view })
}
