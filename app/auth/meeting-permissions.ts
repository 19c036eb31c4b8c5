/**
 * How far a user sees into one meeting: `manage` (its team's officers, and administrators),
 * `member` (its team's member institutions' people), `invitee` (a guest invited in person),
 * `public` (anyone, for a public meeting of a public team) or `none`.
 */
export type MeetingAccess = 'manage' | 'member' | 'invitee' | 'public' | 'none'

/**
 * `meeting.read`: the meeting page, its agenda, presentations, calendar entry and agenda PDF.
 * `meeting.readInternal`: what only the team sees: attendance (page and PDF) and action items.
 * `meeting.answer`: answering one's own invitation.
 * `meeting.manage`: editing, inviting, taking attendance, writing the agenda, action items
 * and presentations, cancelling and marking as held.
 */
export type MeetingAction = 'meeting.read' | 'meeting.readInternal' | 'meeting.answer' | 'meeting.manage'

const allowed: Record<MeetingAccess, readonly MeetingAction[]> = {
  manage: ['meeting.read', 'meeting.readInternal', 'meeting.answer', 'meeting.manage'],
  member: ['meeting.read', 'meeting.readInternal', 'meeting.answer'],
  invitee: ['meeting.read', 'meeting.answer'],
  public: ['meeting.read'],
  none: [],
}

/** Pure, so the interface hides what the server would refuse. */
export function canInMeeting(access: MeetingAccess, action: MeetingAction): boolean {
  return allowed[access].includes(action)
}
