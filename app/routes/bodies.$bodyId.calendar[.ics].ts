import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireBody } from '~/auth/access.server'
import { bodyCalendar } from '~/calendar/feed.server'
import { calendarContentType } from '~/calendar/ics'
import { fileResponse } from '~/utils/content-disposition'

/** A body's meetings as a feed to subscribe to: all of them for its insiders, the public ones for others. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.read')
  const bodyId = body.id
  const ics = bodyCalendar({ bodyId, bodyName: body.name, user, origin: new URL(request.url).origin })
  return fileResponse(ics, { contentType: calendarContentType(), disposition: 'inline', fileName: `zespol-${bodyId}.ics` })
}
