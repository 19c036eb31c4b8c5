import type { MinutesSnapshot } from '~/models/minutes.server'
import { formatDateTime, formatDayRange } from '~/utils/format'
import type { MailMessage } from './mailer.server'

/** „Projekt notatki do uwag”: the link to the circulated minutes and the deadline for comments. */
export function minutesCirculatedMessage({
  snapshot,
  recipient,
  link,
  commentsDueAt,
}: {
  snapshot: MinutesSnapshot
  recipient: { name: string; email: string }
  link: string
  commentsDueAt: Date
}): MailMessage {
  const when = formatDayRange(snapshot.startsAt, snapshot.endsAt)
  const text = [
    `${recipient.name},`,
    '',
    `projekt notatki z ${snapshot.meetingNumber}. spotkania zespołu „${snapshot.bodyName}” (${when}, temat: ${snapshot.topic}) czeka na Pani/Pana uwagi.`,
    '',
    `Uwagi do poszczególnych części notatki można zgłaszać w systemie Narada do ${formatDateTime(commentsDueAt)}:`,
    link,
    '',
    '—',
    'Wiadomość wysłana z systemu Narada.',
  ].join('\n')
  return { to: { name: recipient.name, address: recipient.email }, subject: `Projekt notatki do uwag: ${snapshot.topic} — ${when}`, text }
}
