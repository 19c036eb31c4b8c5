import { and, eq, isNull, sql } from 'drizzle-orm'
import type { JobKind } from '#db/schema/enums'
import { db, schema, type Db, type Tx } from '~/db.server'

// The durable job queue (decision record 17): jobs are rows, so they outlive a restart. A
// worker leases due jobs with one UPDATE … RETURNING (SQLite runs one writer at a time, so
// two workers never take the same job); a job's database work commits in the transaction
// that marks it done, so it happens exactly once; a lease that runs out — its worker died —
// lets another worker take the job again.

const j = schema.jobs

/** A job as its handler gets it; `now` is the run's clock, which a handler schedules from. */
export type Job = { id: number; kind: JobKind; key: string; attempts: number; maxAttempts: number; now: Date }

/**
 * What a kind of job does: `inTransaction` writes only to the database and commits with the
 * job's completion (exactly once); `effect` reaches outside (SMTP) and is marked done after it
 * resolves (at least once: it must be idempotent itself).
 */
export type JobHandler =
  | { inTransaction(tx: Tx, payload: unknown, job: Job): void; effect?: never }
  | { effect(payload: unknown, job: Job): Promise<void>; inTransaction?: never }

const handlers = new Map<JobKind, JobHandler>()

/** Registers what a kind of job does; returns the function that takes it back (for tests). */
export function registerJobHandler(kind: JobKind, handler: JobHandler): () => void {
  const before = handlers.get(kind)
  handlers.set(kind, handler)
  return () => {
    if (before) handlers.set(kind, before)
    else handlers.delete(kind)
  }
}

/**
 * Queues a job to run at or after `runAt`, in the caller's transaction. `key` makes it
 * idempotent: a job of the same key is queued once, however often it is asked for.
 */
export function enqueueJob(
  tx: Db | Tx,
  { kind, key, payload, runAt }: { kind: JobKind; key: string; payload: unknown; runAt: Date },
): boolean {
  return (
    tx
      .insert(j)
      .values({ kind, key, payload: JSON.stringify(payload ?? {}), runAt: runAt.toISOString() })
      .onConflictDoNothing({ target: j.key })
      .run().changes > 0
  )
}

/** Waits before the next attempt: a minute, doubled each time, at most an hour. */
const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)

type Taken = Omit<Job, 'now'> & { payload: string }

/** Leases up to `limit` due jobs for `owner`, oldest first, in one statement. */
function takeDue(owner: string, now: Date, limit: number, leaseMs: number): Taken[] {
  const at = now.toISOString()
  const until = new Date(now.getTime() + leaseMs).toISOString()
  return db.all<Taken>(sql`
    update ${j} set leased_until = ${until}, lease_owner = ${owner}, attempts = attempts + 1
    where id in (
      select id from ${j}
      where done_at is null and failed_at is null and run_at <= ${at} and (leased_until is null or leased_until <= ${at})
      order by run_at, id limit ${limit}
    )
    returning id, kind, key, payload, attempts, max_attempts as maxAttempts`)
}

class LeaseLost extends Error {}

/** Marks a job done if `owner` still holds it; throws (rolling back the job's work) if not. */
function complete(tx: Db | Tx, job: Taken, owner: string, now: Date) {
  const changed = tx
    .update(j)
    .set({ doneAt: now.toISOString(), leasedUntil: null, lastError: null })
    .where(and(eq(j.id, job.id), eq(j.leaseOwner, owner), isNull(j.doneAt)))
    .run().changes
  if (!changed) throw new LeaseLost(`job ${job.id} is no longer leased by ${owner}`)
}

/** Notes a failed attempt; null when another worker holds the job by now (its attempt counts, not ours). */
function fail(job: Taken, owner: string, error: unknown, now: Date): 'failed' | 'retried' | null {
  const message = String((error as Error)?.stack ?? (error as Error)?.message ?? error).slice(0, 1000)
  const givenUp = job.attempts >= job.maxAttempts
  const changed = db
    .update(j)
    .set({
      lastError: message,
      leasedUntil: null,
      leaseOwner: null,
      failedAt: givenUp ? now.toISOString() : null,
      runAt: givenUp ? undefined : new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
    })
    .where(and(eq(j.id, job.id), eq(j.leaseOwner, owner), isNull(j.doneAt)))
    .run().changes
  if (!changed) return null
  return givenUp ? 'failed' : 'retried'
}

export type RunReport = { done: number; failed: number; retried: number }

/**
 * Runs the jobs due at `now`, up to `limit`, as worker `owner`. A job whose handler throws is
 * tried again later (with backoff) and given up after its attempts, its last error kept.
 */
export async function runDueJobs({
  owner,
  now = new Date(),
  limit = 50,
  leaseMs = 60_000,
}: {
  owner: string
  now?: Date
  limit?: number
  leaseMs?: number
}): Promise<RunReport> {
  const report: RunReport = { done: 0, failed: 0, retried: 0 }
  for (const job of takeDue(owner, now, limit, leaseMs)) {
    const handler = handlers.get(job.kind)
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`)
      const payload = JSON.parse(job.payload) as unknown
      if (handler.inTransaction) {
        // Immediate: the write lock is waited for up front; a deferred transaction that read first would
        // fail at once (SQLITE_BUSY_SNAPSHOT) whenever a worker in another process had written meanwhile.
        db.transaction(
          (tx) => {
            handler.inTransaction(tx, payload, { ...job, now })
            complete(tx, job, owner, now)
          },
          { behavior: 'immediate' },
        )
      } else {
        await handler.effect(payload, { ...job, now })
        complete(db, job, owner, now)
      }
      report.done += 1
    } catch (error) {
      if (error instanceof LeaseLost) continue
      const outcome = fail(job, owner, error, now)
      if (outcome) report[outcome] += 1
    }
  }
  return report
}
