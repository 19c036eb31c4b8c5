import type { LoaderFunctionArgs } from '@remix-run/node'
import { canInBody } from '~/auth/body-permissions'
import { getUser, notFound } from '~/auth/require.server'
import { bodyCalendar } from '~/calendar/feed.server'
import { calendarContentType } from '~/calendar/ics'
import { getBodyAccess } from '~/models/body-access.server'
import { getBody } from '~/models/body.server'
import { fileResponse } from '~/utils/content-disposition'
import { parseId } from '~/utils/http.server'

/** A body's meetings as a feed to subscribe to: all of them for its insiders, the public ones for others. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const bodyId = parseId(params.bodyId)
  const user = await getUser(request)
  if (!canInBody(getBodyAccess({ bodyId, user }), 'body.read')) throw notFound()
  const body = getBody({ id: bodyId })
  if (!body) throw notFound()
  const ics = bodyCalendar({ bodyId, bodyName: body.name, user, origin: new URL(request.url).origin })
  return fileResponse(ics, { contentType: calendarContentType(), disposition: 'inline', fileName: `zespol-${bodyId}.ics` })
}
