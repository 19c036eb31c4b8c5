import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { getMinutes, getMinutesAccess, getMinutesId, getPublishedPdf, getPublishedVersion } from '~/models/minutes.server'
import { renderMinutesPdf } from '~/pdf/minutes/build.server'
import { minutesFileName } from '~/pdf/minutes/view'
import { fileResponse } from '~/utils/content-disposition'

/**
 * „Notatka ze spotkania” as a PDF. Published minutes are the published version's archived
 * bytes, those its verification code vouches for; before that,
 * the team reads the live text, marked PROJEKT until approved. Anyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, meeting } = await requireMeeting(request, params, 'meeting.read')
  const meetingId = meeting.id
  if (!getMinutesAccess({ meetingId, meeting: access }).read) throw notFound()
  const minutesId = getMinutesId({ meetingId })
  if (!minutesId) throw notFound()
  const published = getPublishedVersion({ minutesId })
  if (published) {
    const { snapshot } = published
    const bytes = getPublishedPdf({ versionId: published.id })
    if (!bytes) throw notFound()
    return fileResponse(bytes, {
      contentType: 'application/pdf',
      disposition: 'inline',
      fileName: minutesFileName(snapshot.meetingNumber),
      cacheControl: snapshot.visibility === 'public' ? 'public, max-age=300' : 'private, no-store',
    })
  }
  const live = getMinutes({ meetingId })
  if (!live) throw notFound()
  return fileResponse(await renderMinutesPdf({ snapshot: live.snapshot }), {
    contentType: 'application/pdf',
    disposition: 'inline',
    fileName: minutesFileName(live.snapshot.meetingNumber),
  })
}
