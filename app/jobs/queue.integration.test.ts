import crypto from 'node:crypto'
import { eq, like } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { queueMail } from '~/mail/mailer.server'
import { enqueueJob, registerJobHandler, runDueJobs } from './queue.server'

const j = schema.jobs
const MINUTE = 60_000
const undo: (() => void)[] = []
afterEach(() => undo.splice(0).forEach((f) => f()))

/** A handler that writes one outbox row per run, tagged, so that runs can be counted as rows. */
function countingHandler(tag: string) {
  undo.push(
    registerJobHandler('distribution.reminder', {
      inTransaction: (tx, payload) =>
        void queueMail(tx, { to: { address: `${tag}@test.invalid` }, subject: `${tag} ${(payload as { n: number }).n}`, text: '.' }),
    }),
  )
  return () =>
    db
      .select()
      .from(schema.outbox)
      .where(like(schema.outbox.subject, `${tag} %`))
      .all()
}

const jobOf = (key: string) => db.select().from(j).where(eq(j.key, key)).get()!

describe('the job queue', () => {
  it('queues a key once and runs the job once, not before its time', async () => {
    const tag = crypto.randomUUID()
    const runs = countingHandler(tag)
    const runAt = new Date(Date.now() + 10 * MINUTE)
    expect(enqueueJob(db, { kind: 'distribution.reminder', key: `${tag}:1`, payload: { n: 1 }, runAt })).toBe(true)
    expect(enqueueJob(db, { kind: 'distribution.reminder', key: `${tag}:1`, payload: { n: 1 }, runAt })).toBe(false)
    await runDueJobs({ owner: 'a' })
    expect(runs()).toHaveLength(0)
    const later = new Date(runAt.getTime() + MINUTE)
    await runDueJobs({ owner: 'a', now: later })
    await runDueJobs({ owner: 'b', now: later })
    expect(runs()).toHaveLength(1)
    expect(jobOf(`${tag}:1`).doneAt).toBe(later.toISOString())
  })

  it('after a restart, leaves a job leased by the worker that died until its lease runs out, then runs it once', async () => {
    const tag = crypto.randomUUID()
    const runs = countingHandler(tag)
    const now = new Date()
    enqueueJob(db, { kind: 'distribution.reminder', key: `${tag}:1`, payload: { n: 1 }, runAt: now })
    // The worker that took it died before its work committed: its lease stands, nothing was written.
    db.update(j)
      .set({ leaseOwner: 'dead', leasedUntil: new Date(now.getTime() + MINUTE).toISOString(), attempts: 1 })
      .where(eq(j.key, `${tag}:1`))
      .run()
    await runDueJobs({ owner: 'new', now: new Date(now.getTime() + 30_000) })
    expect(runs()).toHaveLength(0)
    await runDueJobs({ owner: 'new', now: new Date(now.getTime() + 2 * MINUTE) })
    await runDueJobs({ owner: 'other', now: new Date(now.getTime() + 3 * MINUTE) })
    expect(runs()).toHaveLength(1)
    expect(jobOf(`${tag}:1`)).toMatchObject({ leaseOwner: 'new', attempts: 2 })
  })

  it('runs each of 200 due jobs once when two workers take them at the same time', async () => {
    const tag = crypto.randomUUID()
    const runs = countingHandler(tag)
    const now = new Date()
    db.transaction((tx) => {
      for (let n = 0; n < 200; n++) enqueueJob(tx, { kind: 'distribution.reminder', key: `${tag}:${n}`, payload: { n }, runAt: now })
    })
    for (let round = 0; round < 5; round++) await Promise.all(['a', 'b'].map((owner) => runDueJobs({ owner, now, limit: 30 })))
    const subjects = runs().map((m) => m.subject)
    expect(subjects).toHaveLength(200)
    expect(new Set(subjects).size).toBe(200)
  })

  it('retries a failing job later, keeps its error, and gives up after its attempts; its work is rolled back each time', async () => {
    const tag = crypto.randomUUID()
    undo.push(
      registerJobHandler('distribution.reminder', {
        inTransaction: (tx) => {
          queueMail(tx, { to: { address: `${tag}@test.invalid` }, subject: `${tag} x`, text: '.' })
          throw new Error('SMTP nie odpowiada')
        },
      }),
    )
    let now = new Date()
    enqueueJob(db, { kind: 'distribution.reminder', key: `${tag}:1`, payload: {}, runAt: now })
    for (let attempt = 1; attempt <= 5; attempt++) {
      const report = await runDueJobs({ owner: 'a', now })
      expect(report).toEqual(attempt < 5 ? { done: 0, failed: 0, retried: 1 } : { done: 0, failed: 1, retried: 0 })
      const job = jobOf(`${tag}:1`)
      expect(job.lastError).toContain('SMTP nie odpowiada')
      if (attempt < 5) expect(new Date(job.runAt).getTime() - now.getTime()).toBe(Math.min(MINUTE * 2 ** (attempt - 1), 60 * MINUTE))
      now = new Date(new Date(job.runAt).getTime() + 1)
    }
    expect(jobOf(`${tag}:1`).failedAt).not.toBeNull()
    expect(
      db
        .select()
        .from(schema.outbox)
        .where(like(schema.outbox.subject, `${tag} %`))
        .all(),
    ).toHaveLength(0)
    expect(await runDueJobs({ owner: 'a', now: new Date(now.getTime() + 24 * 60 * MINUTE) })).toEqual({ done: 0, failed: 0, retried: 0 })
  })

  it('marks an outside effect done once it has resolved', async () => {
    const tag = crypto.randomUUID()
    let calls = 0
    undo.push(registerJobHandler('mail.deliver', { effect: async () => void (calls += 1) }))
    const now = new Date()
    enqueueJob(db, { kind: 'mail.deliver', key: `${tag}:1`, payload: {}, runAt: now })
    await runDueJobs({ owner: 'a', now })
    await runDueJobs({ owner: 'a', now })
    expect(calls).toBe(1)
    expect(jobOf(`${tag}:1`).doneAt).not.toBeNull()
  })
})
