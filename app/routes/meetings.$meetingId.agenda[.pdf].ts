import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { buildAgendaView, renderAgendaPdf } from '~/pdf/agenda/build.server'
import { fileResponse } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/** „Program spotkania” as a PDF, for anyone who may see the meeting. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  await requireMeeting(request, params, 'meeting.read')
  const view = buildAgendaView({ meetingId })
  if (!view) throw notFound()
  return fileResponse(await renderAgendaPdf(view), { contentType: 'application/pdf', disposition: 'attachment', fileName: view.fileName })
}
