import type { minutes as pl } from '../pl/minutes'

export const minutes: Record<keyof typeof pl, string> = {
  'minutes.error.wrongState': "This step is not possible in the minutes' current state.",
  'minutes.error.unresolvedComments': "Resolve every comment first.",
  'minutes.error.deadlinePast': "The deadline for comments must be in the future.",
  'minutes.error.publicMeetingOnly': "Only the minutes of a public meeting of a public team can be published to everyone.",
  'minutes.error.stale': "The minutes changed in the meantime. Reload the page and try again.",
}
