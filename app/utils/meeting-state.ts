import type { MeetingState } from '#db/schema/enums'

/**
 * What a meeting's state reads as on screen. A meeting whose time has passed while it was still
 * planned or invited is `unconfirmed`: nobody said it was held, so it is not shown as planned,
 * nor as held; its officers are asked which it was.
 */
export type DisplayedMeetingState = MeetingState | 'unconfirmed'

export function displayedMeetingState(meeting: { state: MeetingState; endsAt: string }, now: Date | string): DisplayedMeetingState {
  const at = typeof now === 'string' ? now : now.toISOString()
  return isUnconfirmed(meeting, at) ? 'unconfirmed' : meeting.state
}

function isUnconfirmed(meeting: { state: MeetingState; endsAt: string }, now: string): boolean {
  return (meeting.state === 'planned' || meeting.state === 'invited') && meeting.endsAt < now
}
