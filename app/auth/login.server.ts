import { setTimeout as sleep } from 'node:timers/promises'
import { and, eq, gt, sql, type SQL } from 'drizzle-orm'
import { db, schema, type Tx } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { getDecoyHash, verifyPassword } from './password.server'

export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000
/** Failures for one account from one address before that address is held back for it. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10
/** Failures from one address, whatever the accounts; an office behind one address shares it. */
export const MAX_FAILURES_PER_ADDRESS = 20
/** Failures for one account, from anywhere, after which every attempt for it is slowed down. */
export const SLOW_DOWN_AFTER_ACCOUNT_FAILURES = 10
export const MAX_SLOW_DOWN_MS = 4_000

export type SignInResult = { status: 'ok'; userId: number } | { status: 'failed' } | { status: 'throttled'; retryAfterSeconds: number }

type Admission = { status: 'throttled'; retryAfterSeconds: number } | { status: 'admitted'; attemptId: number; turnAt: number | null }

const attempts = schema.loginAttempts

/**
 * When the last slowed attempt waiting for each account gets its turn. Slowed attempts for one
 * account take turns, so that parallel attempts are spaced by the delay instead of sharing it;
 * the last attempt to wait removes its account.
 */
const nextTurnFor = new Map<string, number>()

/**
 * The (account, address) pairs with an attempt waiting for its turn. Each pair waits with one
 * attempt at a time, so an attacker cannot fill an account's queue from one address, and an
 * owner who mistyped once still queues and gets in.
 */
const waiting = new Set<string>()
const pairKey = (email: string, ip: string) => `${email}\n${ip}`

/**
 * Checks an e-mail and password. Too many failures from one address, or for one account
 * from one address, within 15 minutes hold that address back. Failures for an account from
 * many addresses never refuse it (the owner must still get in): they only slow every
 * attempt for it down, one after another. A miss and a wrong password take the same time
 * and say the same.
 */
export async function signIn({ email, password, ip }: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const normalisedEmail = email.trim().toLowerCase()
  const admission = admit(normalisedEmail, ip, Date.now())
  if (admission.status === 'throttled') return admission
  if (admission.turnAt !== null) await waitForTurn(normalisedEmail, ip, admission.turnAt)

  const user = db
    .select({ id: schema.users.id, disabledAt: schema.users.disabledAt, hash: schema.passwords.hash })
    .from(schema.users)
    .leftJoin(schema.passwords, eq(schema.passwords.userId, schema.users.id))
    .where(eq(schema.users.email, normalisedEmail))
    .get()
  const valid = await verifyPassword(user?.hash ?? (await getDecoyHash()), password)
  const succeeded = !!user && !!user.hash && !user.disabledAt && valid

  db.transaction((tx) => {
    if (succeeded) tx.update(attempts).set({ succeeded: true }).where(eq(attempts.id, admission.attemptId)).run()
    recordAudit(tx, {
      // A failed attempt is a stranger's until proven otherwise: no actor, the account as subject.
      actorUserId: succeeded ? user.id : null,
      action: succeeded ? 'login.succeeded' : 'login.failed',
      entityType: user ? 'user' : undefined,
      entityId: user?.id,
      ip,
      detail: succeeded ? undefined : normalisedEmail,
    })
  })
  return succeeded ? { status: 'ok', userId: user.id } : { status: 'failed' }
}

/**
 * Counts the limits and records the attempt as a failure in one step, before anything is
 * awaited, so that parallel attempts see each other; a success is written over it later.
 */
function admit(email: string, ip: string, now: number): Admission {
  return db.transaction((tx) => {
    const since = Math.max(now - ATTEMPT_WINDOW_MS, lastSuccessOf(tx, email))
    const failedHere = failures(tx, and(eq(attempts.email, email), eq(attempts.ip, ip)), since)
    const queuedUntil = nextTurnFor.get(email) ?? 0
    const retryAfterMs = Math.max(
      waitAfter(failedHere, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, now),
      waitAfter(failures(tx, eq(attempts.ip, ip), now - ATTEMPT_WINDOW_MS), MAX_FAILURES_PER_ADDRESS, now),
      // An address already waiting for this account waits with that one attempt only.
      waiting.has(pairKey(email, ip)) ? Math.max(1000, queuedUntil - now) : 0,
    )
    if (retryAfterMs > 0) {
      recordAudit(tx, { actorUserId: null, action: 'login.throttled', ip, detail: email })
      return { status: 'throttled', retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }
    }

    const delayMs = slowDownFor(failures(tx, eq(attempts.email, email), since).length)
    const attemptId = tx.insert(attempts).values({ email, ip, succeeded: false, at: now }).returning({ id: attempts.id }).get().id
    if (delayMs === 0) return { status: 'admitted', attemptId, turnAt: null }

    recordAudit(tx, { actorUserId: null, action: 'login.slowed', ip, detail: email })
    const turnAt = Math.max(now, queuedUntil) + delayMs
    nextTurnFor.set(email, turnAt)
    waiting.add(pairKey(email, ip))
    return { status: 'admitted', attemptId, turnAt }
  })
}

async function waitForTurn(email: string, ip: string, turnAt: number) {
  await sleep(Math.max(0, turnAt - Date.now()))
  waiting.delete(pairKey(email, ip))
  if (nextTurnFor.get(email) === turnAt) nextTurnFor.delete(email)
}

/** Half a second at the threshold, doubling with each further failure, never past the cap. */
export function slowDownFor(accountFailures: number): number {
  if (accountFailures < SLOW_DOWN_AFTER_ACCOUNT_FAILURES) return 0
  return Math.min(MAX_SLOW_DOWN_MS, 500 * 2 ** Math.min(accountFailures - SLOW_DOWN_AFTER_ACCOUNT_FAILURES, 10))
}

function lastSuccessOf(tx: Tx, email: string): number {
  return (
    tx
      .select({ at: sql<number | null>`max(${attempts.at})` })
      .from(attempts)
      .where(and(eq(attempts.email, email), eq(attempts.succeeded, true)))
      .get()?.at ?? 0
  )
}

/** When the recent failures happened, newest first; no more than any limit needs. */
function failures(tx: Tx, where: SQL | undefined, since: number): number[] {
  return tx
    .select({ at: attempts.at })
    .from(attempts)
    .where(and(where, eq(attempts.succeeded, false), gt(attempts.at, since)))
    .orderBy(sql`${attempts.at} desc`)
    .limit(Math.max(MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, SLOW_DOWN_AFTER_ACCOUNT_FAILURES + 10))
    .all()
    .map((row) => row.at)
}

/** Milliseconds until another attempt is allowed; 0 when it is allowed now. */
function waitAfter(failures: number[], limit: number, now: number): number {
  // The limit-th most recent failure leaves the window first; then one more try is allowed.
  const oldestCounted = failures[limit - 1]
  return oldestCounted === undefined ? 0 : Math.max(0, oldestCounted + ATTEMPT_WINDOW_MS - now)
}

/** Attempts older than the window count for nothing; delete them now and then. */
export function pruneLoginAttempts(now = Date.now()) {
  db.delete(attempts)
    .where(sql`${attempts.at} < ${now - ATTEMPT_WINDOW_MS}`)
    .run()
}
