import type { LoaderFunctionArgs } from '@remix-run/node'
import { publicCalendar } from '~/calendar/feed.server'
import { calendarContentType } from '~/calendar/ics'
import { fileResponse } from '~/utils/content-disposition'

/** Every public meeting of every public body: the same feed for everyone, signed in or not. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ics = publicCalendar({ origin: new URL(request.url).origin })
  return fileResponse(ics, {
    contentType: calendarContentType(),
    disposition: 'inline',
    fileName: 'narada-spotkania.ics',
    cacheControl: 'public, max-age=300',
  })
}
