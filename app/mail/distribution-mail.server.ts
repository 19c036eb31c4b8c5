import { formatDate } from '~/utils/format'
import type { MailMessage } from './mailer.server'

/** What a distribution's e-mails say about the document they carry. */
export type DistributedDocument = { title: string; number: string | null; bodyName: string; convener: string }

const signature = ['—', 'Wiadomość wysłana z systemu Narada. Link jest osobisty dla Państwa instytucji: prosimy go nie przekazywać dalej.']

const named = (doc: DistributedDocument) => `„${doc.title}”${doc.number ? ` (nr ${doc.number})` : ''}`

/** The first e-mail: the recommendations, and the personal link to confirm receipt and report. */
export function distributionMessage({
  document,
  recipient,
  link,
}: {
  document: DistributedDocument
  recipient: { name: string; email: string }
  link: string
}): MailMessage {
  const text = [
    'Szanowni Państwo,',
    '',
    `${document.convener} przekazuje ${recipient.name} rekomendacje ${named(document)} przyjęte przez zespół „${document.bodyName}”.`,
    '',
    'Pod poniższym adresem można je przeczytać i pobrać w PDF, potwierdzić ich otrzymanie („Potwierdzam otrzymanie”), a później przekazać informację o ich wdrażaniu. Konto w systemie nie jest potrzebne:',
    link,
    '',
    ...signature,
  ].join('\n')
  return { to: { name: recipient.name, address: recipient.email }, subject: `Rekomendacje do wdrożenia: ${document.title}`, text }
}

/** A reminder to a recipient that has not confirmed receipt. */
export function distributionReminderMessage({
  document,
  recipient,
  link,
  sentAt,
  reminder,
}: {
  document: DistributedDocument
  recipient: { name: string; email: string }
  link: string
  sentAt: string
  reminder: number
}): MailMessage {
  const text = [
    'Szanowni Państwo,',
    '',
    `${formatDate(sentAt)} przekazaliśmy ${recipient.name} rekomendacje ${named(document)}. Nie mamy jeszcze potwierdzenia ich otrzymania.`,
    '',
    'Prosimy o potwierdzenie pod adresem:',
    link,
    '',
    `To przypomnienie nr ${reminder}.`,
    '',
    ...signature,
  ].join('\n')
  return { to: { name: recipient.name, address: recipient.email }, subject: `Przypomnienie: rekomendacje ${document.title}`, text }
}
