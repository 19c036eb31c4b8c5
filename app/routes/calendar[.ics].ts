import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedResponse } from '~/calendar/feed-response.server'
import { publicCalendar } from '~/calendar/feed.server'

/** The public meetings of the last 12 months and ahead: the same feed for everyone, signed in or not. */
export async function loader({ request }: LoaderFunctionArgs) {
  const feed = publicCalendar({ origin: new URL(request.url).origin })
  return feedResponse(request, feed, { fileName: 'narada-spotkania.ics', cacheControl: 'public, max-age=300' })
}
