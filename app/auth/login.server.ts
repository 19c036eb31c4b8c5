import { and, eq, gt, sql } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { getDecoyHash, verifyPassword } from './password.server'

export const MAX_FAILED_ATTEMPTS = 10
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000

export type SignInResult = { status: 'ok'; userId: number } | { status: 'failed' } | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Checks an e-mail and password. Ten failures for one e-mail (since its last success) or
 * from one address within 15 minutes hold further attempts back until the oldest of them
 * leaves the window. A miss and a wrong password take the same time and say the same.
 */
export async function signIn({ email, password, ip }: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const now = Date.now()
  const normalisedEmail = email.trim().toLowerCase()
  const retryAfterMs = throttledFor({ email: normalisedEmail, ip, now })
  if (retryAfterMs > 0) {
    recordAudit(db, { actorUserId: null, action: 'login.throttled', ip, detail: normalisedEmail })
    return { status: 'throttled', retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }
  }

  const user = db
    .select({ id: schema.users.id, disabledAt: schema.users.disabledAt, hash: schema.passwords.hash })
    .from(schema.users)
    .leftJoin(schema.passwords, eq(schema.passwords.userId, schema.users.id))
    .where(eq(schema.users.email, normalisedEmail))
    .get()
  const valid = await verifyPassword(user?.hash ?? (await getDecoyHash()), password)
  const succeeded = !!user && !!user.hash && !user.disabledAt && valid

  db.transaction((tx) => {
    tx.insert(schema.loginAttempts).values({ email: normalisedEmail, ip, succeeded, at: now }).run()
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

/** Milliseconds until another attempt is allowed; 0 when it is allowed now. */
function throttledFor({ email, ip, now }: { email: string; ip: string; now: number }): number {
  const windowStart = now - ATTEMPT_WINDOW_MS
  const lastSuccess =
    db
      .select({ at: sql<number | null>`max(${schema.loginAttempts.at})` })
      .from(schema.loginAttempts)
      .where(and(eq(schema.loginAttempts.email, email), eq(schema.loginAttempts.succeeded, true)))
      .get()?.at ?? 0
  const failuresSince = (column: typeof schema.loginAttempts.email | typeof schema.loginAttempts.ip, value: string, since: number) =>
    db
      .select({ at: schema.loginAttempts.at })
      .from(schema.loginAttempts)
      .where(and(eq(column, value), eq(schema.loginAttempts.succeeded, false), gt(schema.loginAttempts.at, since)))
      .orderBy(sql`${schema.loginAttempts.at} desc`)
      .limit(MAX_FAILED_ATTEMPTS)
      .all()
      .map((row) => row.at)

  const waits = [
    failuresSince(schema.loginAttempts.email, email, Math.max(windowStart, lastSuccess)),
    failuresSince(schema.loginAttempts.ip, ip, windowStart),
  ]
    .filter((failures) => failures.length >= MAX_FAILED_ATTEMPTS)
    // The tenth most recent failure leaves the window first; then one more try is allowed.
    .map((failures) => failures[MAX_FAILED_ATTEMPTS - 1]! + ATTEMPT_WINDOW_MS - now)
  return Math.max(0, ...waits)
}

/** Attempts older than the window count for nothing; delete them now and then. */
export function pruneLoginAttempts(now = Date.now()) {
  db.delete(schema.loginAttempts)
    .where(sql`${schema.loginAttempts.at} < ${now - ATTEMPT_WINDOW_MS}`)
    .run()
}
