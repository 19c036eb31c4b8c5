import crypto from 'node:crypto'
import { and, eq, inArray, like } from 'drizzle-orm'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import { appOrigin } from '~/mail/mailer.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { confirmReceipt, fileReport, markOpened } from '~/models/distribution-recipient.server'
import { sendDistribution } from '~/models/distribution.server'
import type { ImplementationStatus } from '#db/schema/enums'
import { seedRegionalDirectory } from './regional-directory'

/**
 * The Małopolska recommendations distributed in July 2014 to every OPS, PCPR and PUP of
 * voivodeship 12, with a spread of recipients as a regional centre sees it months later:
 * some never opened the link, some opened it only, most confirmed, a third reported how they
 * apply the recommendations (a few twice). Who confirmed is generated and says so.
 */

const DAY = 24 * 3600 * 1000
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+02:00`)

/** A number in [0, 1) fixed by the recipient: the same demo on every machine. */
const share = (id: number, salt: string) => crypto.createHash('sha256').update(`${salt}:${id}`).digest().readUInt32BE(0) / 2 ** 32

const PEOPLE = [
  ['Anna Kowalczyk', 'kierownik ośrodka'],
  ['Tomasz Wójcik', 'dyrektor'],
  ['Magdalena Zając', 'specjalista pracy socjalnej'],
  ['Piotr Mazur', 'zastępca dyrektora'],
  ['Katarzyna Krawczyk', 'kierownik działu pomocy środowiskowej'],
  ['Marek Dudek', 'doradca zawodowy'],
  ['Joanna Sikora', 'starszy specjalista ds. programów rynku pracy'],
  ['Łukasz Pawłowski', 'kierownik Centrum Aktywizacji Zawodowej'],
] as const

const REPORTS: Record<ImplementationStatus, string> = {
  planned:
    'Tekst przykładowy (dane demonstracyjne): omówiliśmy rekomendacje na naradzie kadry; porozumienie z urzędem pracy planujemy zawrzeć w IV kwartale 2014 r.',
  in_progress:
    'Tekst przykładowy (dane demonstracyjne): wyznaczyliśmy koordynatorów po obu stronach, trwają uzgodnienia treści porozumienia i wzoru wymiany informacji.',
  implemented:
    'Tekst przykładowy (dane demonstracyjne): porozumienie o współpracy zostało podpisane, spotkania pracowników socjalnych i doradców odbywają się co kwartał.',
  not_applicable: 'Tekst przykładowy (dane demonstracyjne): zadania te realizuje u nas inna jednostka na podstawie odrębnego porozumienia.',
}

export function seedDistribution({ recommendationId }: { recommendationId: number }) {
  seedRegionalDirectory(db, { voivodeshipCode: '12' })
  const sentAt = at('2014-07-01', '09:00')
  const sent = sendDistribution({
    documentId: recommendationId,
    target: { kind: ['ops', 'pcpr', 'pup'], voivodeship: ['12'], county: [], municipality: [], include: [], exclude: [] },
    settings: { remindAfterDays: 14, remindEveryDays: 14, maxReminders: 2, escalateAfterDays: 45 },
    actor: SYSTEM_ACTOR,
    origin: appOrigin(`http://localhost:${config.port}`),
    now: sentAt,
  })
  if (!sent.ok) throw new Error(`Demo distribution: ${sent.error}`)
  const rcp = schema.distributionRecipients
  const recipients = db.select({ id: rcp.id, state: rcp.state }).from(rcp).where(eq(rcp.distributionId, sent.distributionId)).all()
  for (const { id, state } of recipients) {
    if (state !== 'sent') continue
    const r = share(id, 'path')
    const [name, position] = PEOPLE[Math.floor(share(id, 'who') * PEOPLE.length)]!
    const opened = new Date(sentAt.getTime() + (1 + share(id, 'opened') * 12) * DAY)
    if (r < 0.08) continue
    markOpened({ id, by: null, now: opened })
    if (r < 0.2) continue
    const confirmed = new Date(opened.getTime() + share(id, 'confirmed') * 6 * DAY)
    confirmReceipt({ id, name: `${name} (dane przykładowe)`, position, userId: null, actor: SYSTEM_ACTOR, now: confirmed })
    if (r < 0.62) continue
    const first: ImplementationStatus = r < 0.72 ? 'planned' : r < 0.9 ? 'in_progress' : r < 0.97 ? 'implemented' : 'not_applicable'
    const filed = new Date(confirmed.getTime() + (20 + share(id, 'report') * 60) * DAY)
    const report = (status: ImplementationStatus, when: Date) =>
      fileReport({
        id,
        status,
        text: REPORTS[status],
        name: `${name} (dane przykładowe)`,
        position,
        userId: null,
        file: null,
        actor: SYSTEM_ACTOR,
        now: when,
      })
    report(first, filed)
    if (first === 'in_progress' && share(id, 'again') < 0.5) report('implemented', new Date(filed.getTime() + 90 * DAY))
  }
  // The reminders of 2014 went long ago: those not confirmed got both, and no job is left to send them again today.
  const unconfirmed = db
    .select({ id: rcp.id })
    .from(rcp)
    .where(and(eq(rcp.distributionId, sent.distributionId), inArray(rcp.state, ['sent', 'opened'])))
    .all()
    .map((r) => r.id)
  if (unconfirmed.length)
    db.update(rcp)
      .set({ remindersSent: 2, lastRemindedAt: new Date(sentAt.getTime() + 28 * DAY).toISOString() })
      .where(inArray(rcp.id, unconfirmed))
      .run()
  const done = new Date().toISOString()
  db.update(schema.jobs).set({ doneAt: done }).where(like(schema.jobs.key, 'distribution.reminder:%')).run()
  // The demo's addresses are on the reserved .invalid domain: its messages stay in the outbox to be read there.
  db.update(schema.jobs).set({ doneAt: done }).where(like(schema.jobs.key, 'mail.deliver:%')).run()
  return { distributionId: sent.distributionId, recipients: sent.recipients }
}
