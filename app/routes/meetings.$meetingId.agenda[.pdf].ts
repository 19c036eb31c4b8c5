import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { buildAgendaView } from '~/pdf/agenda/build.server'
import { servePdf } from '~/pdf/serve/serve.server'
import { parseId } from '~/utils/http.server'

/** „Program spotkania” as a PDF, for anyone who may see the meeting. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = parseId(params.meetingId)
  await requireMeeting(request, params, 'meeting.read')
  const view = buildAgendaView({ meetingId })
  if (!view) throw notFound()
  return servePdf(request, { kind: 'agenda', view })
}
