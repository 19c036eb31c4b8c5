import { getUser, notFound } from '~/auth/require.server'
import { getMinutes, getMinutesAccess } from '~/models/minutes.server'
import { parseId } from './http.server'

/**
 * The minutes of a meeting for the pages only the team works on (comments, versions): its
 * officers and members, whatever the state. Everyone else, and a meeting without minutes,
 * gets 404, exactly as for a page that does not exist.
 */
export async function requireMinutesInsider(request: Request, meetingIdParam: string | undefined) {
  const user = await getUser(request)
  const meetingId = parseId(meetingIdParam)
  const access = getMinutesAccess({ meetingId, user })
  if (!user || !access.read || (access.meeting !== 'manage' && access.meeting !== 'member')) throw notFound()
  const minutes = getMinutes({ meetingId })
  if (!minutes) throw notFound()
  return { user, meetingId, access, minutes }
}
