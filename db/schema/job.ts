import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, id } from './columns'
import { jobKinds } from './enums'

/**
 * The durable job queue (app/jobs/queue.server.ts, decision record 17). A job runs at or after
 * `runAt`; a worker takes it by setting a lease, and its work commits in the same transaction
 * that marks it done, so a restart neither loses a job nor does one twice. `key` makes a job
 * idempotent: the same reminder of the same recipient is queued once, whoever asks again.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: id(),
    kind: text('kind', { enum: jobKinds }).notNull(),
    key: text('key').notNull(),
    /** JSON: what the job needs (`{ recipientId, reminder }`). */
    payload: text('payload').notNull().default('{}'),
    runAt: text('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** Taken by a worker until then; a lease that ran out (the worker died) is taken again. */
    leasedUntil: text('leased_until'),
    leaseOwner: text('lease_owner'),
    doneAt: text('done_at'),
    /** Given up after `maxAttempts`: kept with the last error for an administrator. */
    failedAt: text('failed_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('jobs_key').on(t.key),
    // What is due: only jobs still to run are in this index.
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`done_at is null and failed_at is null`),
  ],
)
