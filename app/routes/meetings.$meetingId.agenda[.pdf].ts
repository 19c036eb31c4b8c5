import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser, notFound } from '~/auth/require.server'
import { getMeetingAccess } from '~/models/meeting.server'
import { buildAgendaView, renderAgendaPdf } from '~/pdf/agenda/build.server'
import { fileResponse } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/** „Program spotkania” as a PDF, for anyone who may see the meeting. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  if (getMeetingAccess({ meetingId, user: await getUser(request) }) === 'none') throw notFound()
  const view = buildAgendaView({ meetingId })
  if (!view) throw notFound()
  return fileResponse(await renderAgendaPdf(view), { contentType: 'application/pdf', disposition: 'attachment', fileName: view.fileName })
}
