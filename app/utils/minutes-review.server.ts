import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMeeting } from '~/auth/access.server'
import { notFound } from '~/auth/require.server'
import { getMinutes, getMinutesAccess } from '~/models/minutes.server'

/**
 * The minutes of a meeting for the pages only the team works on (comments, versions): its
 * officers and members, whatever the state. Everyone else, and a meeting without minutes,
 * gets 404, exactly as for a page that does not exist.
 */
export async function requireMinutesInsider(request: Request, params: LoaderFunctionArgs['params']) {
  const {
    user,
    access: meeting,
    meeting: { id: meetingId },
  } = await requireMeeting(request, params, 'meeting.readInternal')
  const access = getMinutesAccess({ meetingId, meeting })
  if (!access.read) throw notFound()
  const minutes = getMinutes({ meetingId })
  if (!minutes) throw notFound()
  return { user, meetingId, access, minutes }
}
