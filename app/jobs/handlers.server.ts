import { and, inArray, isNull } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { deliver } from '~/mail/mailer.server'
import { runExpire, runExpiryNotice } from '~/models/agreement/expiry.server'
import { noteDeliveries, runReminder } from '~/models/distribution-recipient.server'
import { registerJobHandler } from './queue.server'

/**
 * What each kind of job does. A reminder is written in the job's own transaction (exactly
 * once); a delivery talks to SMTP outside it (at least once), so it sends only the messages
 * of its batch not yet sent: after a crash between sending and noting, at most that one
 * message goes twice.
 */
export function registerJobHandlers() {
  registerJobHandler('distribution.reminder', {
    inTransaction: (tx, payload, job) => runReminder(tx, payload as { recipientId: number; reminder: number; origin: string }, job.now),
  })
  registerJobHandler('agreement.expiryNotice', {
    inTransaction: (tx, payload, job) => runExpiryNotice(tx, payload as { agreementId: number; validTo: string }, job.now),
  })
  registerJobHandler('agreement.expire', {
    inTransaction: (tx, payload) => runExpire(tx, payload as { agreementId: number; validTo: string }),
  })
  registerJobHandler('mail.deliver', {
    effect: async (payload) => {
      const { outboxIds } = payload as { outboxIds: number[] }
      const unsent = db
        .select({ id: schema.outbox.id })
        .from(schema.outbox)
        .where(and(inArray(schema.outbox.id, outboxIds), isNull(schema.outbox.sentAt)))
        .all()
        .map((row) => row.id)
      const report = await deliver(unsent)
      noteDeliveries(outboxIds)
      // A refused message is noted on its recipient; the job fails only when nothing could be sent, to be tried again.
      if (report.failed > 0 && report.delivered === 0) throw new Error(`SMTP refused ${report.failed} of ${unsent.length} messages`)
    },
  })
}
