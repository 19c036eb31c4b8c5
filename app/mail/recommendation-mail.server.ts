import type { RecommendationSnapshot } from '~/models/recommendation-snapshot'
import { formatDateTime } from '~/utils/format'
import type { MailMessage } from './mailer.server'

/** „Projekt rekomendacji do uwag”: the link to the consulted text and the deadline for comments. */
export function recommendationConsultationMessage({
  snapshot,
  recipient,
  link,
  commentsDueAt,
}: {
  snapshot: RecommendationSnapshot
  recipient: { name: string; email: string }
  link: string
  commentsDueAt: Date
}): MailMessage {
  const text = [
    `${recipient.name},`,
    '',
    `projekt rekomendacji „${snapshot.title}” zespołu „${snapshot.bodyName}” czeka na Pani/Pana uwagi.`,
    '',
    `Uwagi do poszczególnych rozdziałów i rekomendacji można zgłaszać w systemie Narada do ${formatDateTime(commentsDueAt)}:`,
    link,
    '',
    '—',
    'Wiadomość wysłana z systemu Narada.',
  ].join('\n')
  return { to: { name: recipient.name, address: recipient.email }, subject: `Projekt rekomendacji do uwag: ${snapshot.title}`, text }
}
