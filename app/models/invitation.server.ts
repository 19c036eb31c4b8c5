// Owned by the invitations work (issue #3); this stub only fixes the signature that the
// meeting routes call, so that they can be written at the same time.
import type { Actor } from './audit.server'

/** Tells every invitee of a meeting that its time or place changed, or that it was cancelled. */
export async function notifyMeetingChanged(_: { meetingId: number; actor: Actor; change: 'rescheduled' | 'cancelled' }): Promise<void> {}
