import type { AgreementSnapshot } from '~/models/agreement/snapshot'
import type { MailMessage } from './mailer.server'

/** What a signatory is told at each step: the draft to negotiate, or the frozen text to sign. */
export function agreementStepMessage({
  snapshot,
  recipient,
  link,
  step,
}: {
  snapshot: AgreementSnapshot
  recipient: { name: string; email: string }
  link: string
  step: 'negotiation' | 'ready_to_sign'
}): MailMessage {
  const what =
    step === 'negotiation'
      ? [
          `projekt porozumienia nr ${snapshot.number} „${snapshot.title}” przekazano stronom do uzgodnień.`,
          'Uwagi do paragrafów można zgłaszać w systemie Narada:',
        ]
      : [
          `tekst porozumienia nr ${snapshot.number} „${snapshot.title}” zamrożono do podpisu; jest Pani/Pan wskazana(-y) jako osoba upoważniona do podpisu.`,
          'Podpisać można w systemie Narada, podpisem kwalifikowanym, zaufanym lub osobistym (plik PDF do podpisu jest na stronie), albo odręcznie na wydruku:',
        ]
  const text = [`${recipient.name},`, '', ...what, link, '', '—', 'Wiadomość wysłana z systemu Narada.'].join('\n')
  const subject =
    step === 'negotiation' ? `Projekt porozumienia do uzgodnień: ${snapshot.title}` : `Porozumienie do podpisu: ${snapshot.title}`
  return { to: { name: recipient.name, address: recipient.email }, subject, text }
}
