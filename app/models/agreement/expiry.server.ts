import { eq } from 'drizzle-orm'
import { schema, type Db, type Tx } from '~/db.server'
import { queueMail } from '~/mail/mailer.server'
import { enqueueJob } from '~/jobs/queue.server'
import { SYSTEM_ACTOR } from '../audit.server'
import { auditDocument, documentRow } from '../document/document.server'
import { queueDeliveries } from '../distribution.server'
import { fromWarsawLocal } from '~/utils/time'

const ag = schema.agreements
const DAY = 24 * 3600 * 1000
/** How long before its end an agreement is flagged and its officers are told. */
export const EXPIRY_NOTICE_DAYS = 30

/** Midnight in Warsaw at the start of a day (YYYY-MM-DD). */
const startOfWarsawDay = (day: string) => fromWarsawLocal(`${day}T00:00`)!

/**
 * Queues, for a signed agreement with an end date, the notice to its officers 30 days before
 * and the step to `expired` the day after its last day. Each job's key names the end date, so
 * an end date changed by an annex queues new jobs and the old ones find it changed and do nothing.
 */
export function scheduleExpiry(tx: Db | Tx, { id, validTo }: { id: number; validTo: string | null }) {
  if (!validTo) return
  const end = startOfWarsawDay(validTo)
  enqueueJob(tx, {
    kind: 'agreement.expiryNotice',
    key: `agreement.expiryNotice:${id}:${validTo}`,
    payload: { agreementId: id, validTo },
    runAt: new Date(end.getTime() - EXPIRY_NOTICE_DAYS * DAY),
  })
  enqueueJob(tx, {
    kind: 'agreement.expire',
    key: `agreement.expire:${id}:${validTo}`,
    payload: { agreementId: id, validTo },
    runAt: new Date(end.getTime() + DAY),
  })
}

type ExpiryPayload = { agreementId: number; validTo: string }

function stillDue(tx: Tx, { agreementId, validTo }: ExpiryPayload) {
  const row = documentRow(tx, agreementId)
  const agreement = tx.select({ validTo: ag.validTo, number: ag.number, title: ag.title }).from(ag).where(eq(ag.id, agreementId)).get()
  if (!row || !agreement || row.state !== 'signed' || agreement.validTo !== validTo) return null
  return { row, agreement }
}

/** The job 30 days before the end: an e-mail to each officer of the team with an address, once. */
export function runExpiryNotice(
  tx: Tx,
  payload: ExpiryPayload,
  now: Date,
  origin = process.env.APP_URL?.trim() || 'http://localhost:3000',
) {
  const due = stillDue(tx, payload)
  if (!due) return
  const officers = tx
    .select({ name: schema.users.name, email: schema.users.email })
    .from(schema.bodyOfficers)
    .innerJoin(schema.users, eq(schema.users.id, schema.bodyOfficers.userId))
    .where(eq(schema.bodyOfficers.bodyId, due.row.bodyId))
    .all()
  const link = `${origin.replace(/\/+$/, '')}/agreements/${payload.agreementId}`
  const ids = officers.map((officer) =>
    queueMail(tx, {
      to: { name: officer.name, address: officer.email },
      subject: `Porozumienie ${due.agreement.number} wygasa ${payload.validTo}`,
      text: [
        `Dzień dobry,`,
        ``,
        `porozumienie nr ${due.agreement.number} „${due.agreement.title}” obowiązuje do ${payload.validTo}.`,
        `Jeśli strony chcą kontynuować współpracę, przygotujcie aneks przedłużający je lub nowe porozumienie.`,
        ``,
        link,
        ``,
        `— Narada`,
      ].join('\n'),
    }),
  )
  queueDeliveries(tx, ids, now)
  tx.update(ag).set({ expiryNoticeQueuedAt: now.toISOString() }).where(eq(ag.id, payload.agreementId)).run()
  auditDocument(tx, {
    kind: 'agreement',
    id: payload.agreementId,
    action: 'expiryNotice',
    actor: SYSTEM_ACTOR,
    after: { officers: ids.length, validTo: payload.validTo },
  })
}

/** The job the day after its last day: the agreement is `expired`, in the register and at /verify. */
export function runExpire(tx: Tx, payload: ExpiryPayload) {
  const due = stillDue(tx, payload)
  if (!due) return
  tx.update(schema.documents)
    .set({ state: 'expired', revision: due.row.revision + 1 })
    .where(eq(schema.documents.id, payload.agreementId))
    .run()
  auditDocument(tx, {
    kind: 'agreement',
    id: payload.agreementId,
    action: 'expired',
    actor: SYSTEM_ACTOR,
    before: { state: 'signed' },
    after: { state: 'expired' },
  })
}
