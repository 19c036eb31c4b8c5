import type { MinutesState, MinutesVisibility } from '#db/schema/enums'
import { isOpenForComments, isPublishedState } from '~/models/document/kinds'
import { canInMeeting, type MeetingAccess } from './meeting-permissions'

/**
 * `minutes.read`: the minutes page and PDF (the live text, or for outsiders the published version).
 * `minutes.manage`: starting, writing, circulating, approving, publishing, resolving comments.
 * `minutes.comment`: adding a comment while the minutes are circulated.
 */
export type MinutesAction = 'minutes.read' | 'minutes.manage' | 'minutes.comment'

/** What of a meeting's minutes the rule needs; `null` before they are started. */
export type MinutesStatus = { state: MinutesState; visibility: MinutesVisibility; commentsDueAt: string | null }

/**
 * Draft, circulated and approved minutes are the team's alone; published ones are read by the
 * team (visibility `members`) or by anyone who may see the meeting (`public`). The team's
 * officers manage them, before they are started too; its members comment until the deadline.
 * Pure, so the interface hides what the server would refuse.
 */
export function canInMinutes(access: MeetingAccess, minutes: MinutesStatus | null, action: MinutesAction, now = new Date()): boolean {
  const insider = canInMeeting(access, 'meeting.readInternal')
  switch (action) {
    case 'minutes.manage':
      return canInMeeting(access, 'meeting.manage')
    case 'minutes.read':
      if (!minutes) return false
      return (
        insider || (isPublishedState('minutes', minutes.state) && minutes.visibility === 'public' && canInMeeting(access, 'meeting.read'))
      )
    case 'minutes.comment':
      if (!minutes) return false
      return insider && isOpenForComments({ kind: 'minutes', ...minutes }, now)
  }
}
