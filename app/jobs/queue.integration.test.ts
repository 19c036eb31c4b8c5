import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { eq, like } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { config } from '~/config.server'
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

  it('runs each of 200 due jobs once when two workers interleave, each awaiting its jobs', async () => {
    // An inTransaction run never awaits, so the test above runs its two workers one after the other;
    // here every job awaits, and the second worker takes jobs while the first still holds its leases.
    const tag = crypto.randomUUID()
    const ran: string[] = []
    undo.push(
      registerJobHandler('mail.deliver', {
        effect: async (payload, job) => {
          await new Promise((resolve) => setImmediate(resolve))
          ran.push(job.key)
          queueMail(db, { to: { address: `${tag}@test.invalid` }, subject: `${tag} ${(payload as { n: number }).n}`, text: '.' })
        },
      }),
    )
    const now = new Date()
    db.transaction((tx) => {
      for (let n = 0; n < 200; n++) enqueueJob(tx, { kind: 'mail.deliver', key: `${tag}:${n}`, payload: { n }, runAt: now })
    })
    const owners: string[] = []
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        ['a', 'b'].map(async (owner) => {
          const report = await runDueJobs({ owner, now, limit: 30 })
          if (report.done) owners.push(owner)
        }),
      )
    }
    expect(new Set(owners)).toEqual(new Set(['a', 'b']))
    expect(ran).toHaveLength(200)
    expect(new Set(ran).size).toBe(200)
    const subjects = db
      .select({ subject: schema.outbox.subject })
      .from(schema.outbox)
      .where(like(schema.outbox.subject, `${tag} %`))
      .all()
    expect(new Set(subjects.map((m) => m.subject)).size).toBe(200)
    expect(subjects).toHaveLength(200)
  })

  it('runs each of 200 due jobs once when two processes work on the same database file', async () => {
    const tag = crypto.randomUUID()
    const now = new Date()
    db.transaction((tx) => {
      for (let n = 0; n < 200; n++) enqueueJob(tx, { kind: 'distribution.reminder', key: `${tag}:${n}`, payload: { n }, runAt: now })
    })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-jobs-'))
    try {
      // Both wait for each other to be ready, then take small batches, so their leases and commits interleave.
      const script = path.join(dir, 'worker.mts')
      fs.writeFileSync(
        script,
        `
        const { queueMail } = await import(${JSON.stringify(path.resolve('app/mail/mailer.server.ts'))})
        const { registerJobHandler, runDueJobs } = await import(${JSON.stringify(path.resolve('app/jobs/queue.server.ts'))})
        registerJobHandler('distribution.reminder', {
          inTransaction: (tx, payload) => {
            queueMail(tx, { to: { address: 'x@test.invalid' }, subject: process.env.TAG + ' ' + payload.n, text: '.' })
            // Work that takes a while, with the write lock held: the other process waits for it meanwhile.
            for (const until = Date.now() + 2; Date.now() < until; );
          },
        })
        const fs = await import('node:fs')
        fs.writeFileSync(process.env.READY + '-' + process.env.OWNER, '')
        while (fs.readdirSync(process.env.DIR).filter((f) => f.startsWith('ready')).length < 2) await new Promise((resolve) => setTimeout(resolve, 1))
        let done = 0
        for (;;) {
          const report = await runDueJobs({ owner: process.env.OWNER, limit: 3 })
          done += report.done
          if (report.done + report.failed + report.retried === 0) break
          // SQLite's lock is not fair: a pause lets the other process take the next batch.
          await new Promise((resolve) => setTimeout(resolve, 2))
        }
        console.log(done)
        `,
      )
      const run = (owner: string) =>
        promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['--tsconfig', path.resolve('tsconfig.json'), script], {
          env: { ...process.env, DATABASE_PATH: config.databasePath, TAG: tag, OWNER: owner, DIR: dir, READY: path.join(dir, 'ready') },
        })
      const outputs = await Promise.all([run('a'), run('b')])
      const done = outputs.map((o) => Number(o.stdout.trim()))
      expect(done[0]! + done[1]!).toBe(200)
      expect(done.every((n) => n > 0)).toBe(true)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    const subjects = db
      .select({ subject: schema.outbox.subject })
      .from(schema.outbox)
      .where(like(schema.outbox.subject, `${tag} %`))
      .all()
    expect(subjects).toHaveLength(200)
    expect(new Set(subjects.map((m) => m.subject)).size).toBe(200)
    const jobs = db
      .select({ doneAt: j.doneAt, leaseOwner: j.leaseOwner })
      .from(j)
      .where(like(j.key, `${tag}:%`))
      .all()
    expect(jobs.filter((job) => job.doneAt && ['a', 'b'].includes(job.leaseOwner!))).toHaveLength(200)
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
