import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireBody } from '~/auth/access.server'
import { feedResponse } from '~/calendar/feed-response.server'
import { bodyCalendar } from '~/calendar/feed.server'

/**
 * A body's meetings of the last 12 months and ahead, as a feed to subscribe to: all of them for
 * its insiders, the public ones for others. What a feed holds depends on who asks, so no shared
 * cache may keep it, but the asker's calendar may, and revalidates.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, body } = await requireBody(request, params, 'body.read')
  const feed = bodyCalendar({ bodyId: body.id, bodyName: body.name, user, origin: new URL(request.url).origin })
  return feedResponse(request, feed, { fileName: `zespol-${body.id}.ics`, cacheControl: 'private, no-cache' })
}
