import { matchesEtag } from '~/utils/etag'
import { fileResponse } from '~/utils/content-disposition'
import type { Feed } from './feed.server'
import { calendarContentType } from './ics'

/** A feed as its file, or 304 when the calendar asking already has this version of it. */
export function feedResponse(
  request: Request,
  feed: Feed,
  { fileName, cacheControl }: { fileName: string; cacheControl: string },
): Response {
  if (matchesEtag(request.headers.get('If-None-Match'), feed.etag)) {
    return new Response(null, { status: 304, headers: { ETag: feed.etag, 'Cache-Control': cacheControl } })
  }
  const response = fileResponse(feed.ics, { contentType: calendarContentType(), disposition: 'inline', fileName, cacheControl })
  response.headers.set('ETag', feed.etag)
  return response
}
