import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db, schema } from '~/db.server'
import { createUser } from '~/models/user.server'
import {
  ATTEMPT_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
  MAX_SLOW_DOWN_MS,
  SLOW_DOWN_AFTER_ACCOUNT_FAILURES,
  signIn,
  slowDownFor,
} from './login.server'

async function newUser(role: 'member' | 'admin' = 'member') {
  const email = `user-${crypto.randomUUID()}@narada.test`
  const password = 'correct horse battery staple'
  const result = await createUser({ fields: { email, name: 'Test', role }, password, actor: null })
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors))
  return { id: result.id, email, password }
}

let addressCount = 0
const newAddress = () => `192.0.${Math.floor(++addressCount / 250)}.${(addressCount % 250) + 1}`

async function fail(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) expect(await signIn({ email, password: 'wrong password', ip })).toEqual({ status: 'failed' })
}

function auditedActions(email: string) {
  return db
    .select({ action: schema.auditLog.action, ip: schema.auditLog.ip })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.detail, email))
    .all()
}

afterEach(() => {
  vi.useRealTimers()
})

describe('signIn against the real database', () => {
  it('accepts the right password and normalises the e-mail', async () => {
    const user = await newUser()
    expect(await signIn({ email: ` ${user.email.toUpperCase()} `, password: user.password, ip: newAddress() })).toEqual({
      status: 'ok',
      userId: user.id,
    })
  })

  it('fails the same way for a wrong password and an unknown e-mail', async () => {
    const user = await newUser()
    expect(await signIn({ email: user.email, password: 'nope', ip: newAddress() })).toEqual({ status: 'failed' })
    expect(await signIn({ email: 'nobody@narada.test', password: 'nope', ip: newAddress() })).toEqual({ status: 'failed' })
  })

  it('lets the administrator in from a fresh address after wrong passwords from many others, slowed down and audited', async () => {
    const admin = await newUser('admin')
    for (let i = 0; i < SLOW_DOWN_AFTER_ACCOUNT_FAILURES; i++) await fail(admin.email, newAddress(), 1)
    const ip = newAddress()
    expect(await signIn({ email: admin.email, password: admin.password, ip })).toEqual({ status: 'ok', userId: admin.id })
    const actions = auditedActions(admin.email)
    expect(actions.filter((entry) => entry.action === 'login.failed')).toHaveLength(SLOW_DOWN_AFTER_ACCOUNT_FAILURES)
    expect(actions).toContainEqual({ action: 'login.slowed', ip })
    expect(actions.map((entry) => entry.action)).not.toContain('login.throttled')
  })

  it(`holds back one address for one account after ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS} failures, and says how long to wait`, async () => {
    const user = await newUser()
    const other = await newUser()
    const ip = newAddress()
    await fail(user.email, ip, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)

    const result = await signIn({ email: user.email, password: user.password, ip })
    expect(result.status).toBe('throttled')
    if (result.status !== 'throttled') return
    expect(result.retryAfterSeconds).toBeGreaterThan(ATTEMPT_WINDOW_MS / 1000 - 60)
    expect(result.retryAfterSeconds).toBeLessThanOrEqual(ATTEMPT_WINDOW_MS / 1000)
    expect(auditedActions(user.email)).toContainEqual({ action: 'login.throttled', ip })

    // The same account from elsewhere, and another account from this address, still sign in.
    expect(await signIn({ email: user.email, password: user.password, ip: newAddress() })).toEqual({ status: 'ok', userId: user.id })
    expect(await signIn({ email: other.email, password: other.password, ip })).toEqual({ status: 'ok', userId: other.id })
  })

  it(`holds back an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    const user = await newUser()
    const ip = newAddress()
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await fail(`nobody-${i}-${crypto.randomUUID()}@narada.test`, ip, 1)
    expect((await signIn({ email: user.email, password: user.password, ip })).status).toBe('throttled')
    expect(await signIn({ email: user.email, password: user.password, ip: newAddress() })).toEqual({ status: 'ok', userId: user.id })
  })

  it('allows one more try once the oldest failure leaves the window', async () => {
    const user = await newUser()
    const ip = newAddress()
    const start = Date.now()
    vi.useFakeTimers({ toFake: ['Date'], now: start })
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      vi.setSystemTime(start + i * 60_000)
      await fail(user.email, ip, 1)
    }
    vi.setSystemTime(start + 10 * 60_000)
    const held = await signIn({ email: user.email, password: user.password, ip })
    expect(held.status).toBe('throttled')
    if (held.status !== 'throttled') return
    // The oldest failure was written a moment after `start`; it leaves the window about five minutes from now.
    expect(held.retryAfterSeconds).toBeGreaterThanOrEqual(5 * 60)
    expect(held.retryAfterSeconds).toBeLessThanOrEqual(5 * 60 + 1)

    vi.setSystemTime(start + ATTEMPT_WINDOW_MS + 1_000)
    expect(await signIn({ email: user.email, password: user.password, ip })).toEqual({ status: 'ok', userId: user.id })
  })

  it('starts the count for an account again after a success, but not the count for an address', async () => {
    const user = await newUser()
    const ip = newAddress()
    await fail(user.email, ip, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1)
    expect((await signIn({ email: user.email, password: user.password, ip: newAddress() })).status).toBe('ok')
    await fail(user.email, ip, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1)
    expect((await signIn({ email: user.email, password: user.password, ip })).status).toBe('ok')

    // The address has kept all its failures: enough more for other accounts and it is held back.
    const kept = 2 * (MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1)
    for (let i = kept; i < MAX_FAILURES_PER_ADDRESS; i++) await fail(`nobody-${crypto.randomUUID()}@narada.test`, ip, 1)
    expect((await signIn({ email: user.email, password: user.password, ip })).status).toBe('throttled')
  })

  it(`evaluates no more than ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS} of a burst of parallel wrong passwords from one address`, async () => {
    const user = await newUser()
    const ip = newAddress()
    const results = await Promise.all(Array.from({ length: 30 }, () => signIn({ email: user.email, password: 'wrong password', ip })))

    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 'failed')).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    expect(statuses.filter((status) => status === 'throttled')).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    const actions = auditedActions(user.email).map((entry) => entry.action)
    expect(actions.filter((action) => action === 'login.failed')).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    expect(actions.filter((action) => action === 'login.throttled')).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    const recorded = db
      .select({ succeeded: schema.loginAttempts.succeeded })
      .from(schema.loginAttempts)
      .where(eq(schema.loginAttempts.email, user.email))
      .all()
    expect(recorded).toEqual(Array.from({ length: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS }, () => ({ succeeded: false })))
  })

  it('under attack, queues slowed attempts for the account one per address: the owner, even after a typo, waits and gets in', async () => {
    const user = await newUser()
    for (let i = 0; i < SLOW_DOWN_AFTER_ACCOUNT_FAILURES; i++) await fail(user.email, newAddress(), 1)
    const attacker = newAddress()
    const ownersAddress = newAddress()
    await fail(user.email, ownersAddress, 1)

    const [queued, again, owner] = await Promise.all([
      signIn({ email: user.email, password: 'wrong password', ip: attacker }),
      signIn({ email: user.email, password: 'wrong password', ip: attacker }),
      signIn({ email: user.email, password: user.password, ip: ownersAddress }),
    ])
    expect(queued).toEqual({ status: 'failed' })
    expect(again.status).toBe('throttled')
    expect(owner).toEqual({ status: 'ok', userId: user.id })
    expect(auditedActions(user.email)).toContainEqual({ action: 'login.throttled', ip: attacker })
    const succeeded = db
      .select({ ip: schema.loginAttempts.ip })
      .from(schema.loginAttempts)
      .where(and(eq(schema.loginAttempts.email, user.email), eq(schema.loginAttempts.succeeded, true)))
      .all()
    expect(succeeded).toHaveLength(1)
  })

  it('refuses a disabled account with the right password like a wrong one', async () => {
    const user = await newUser()
    const { setUserDisabled } = await import('~/models/user.server')
    await setUserDisabled({ id: user.id, disabled: true, actor: { userId: null, ip: null } })
    expect(await signIn({ email: user.email, password: user.password, ip: newAddress() })).toEqual({ status: 'failed' })
  })
})

describe('slowDownFor', () => {
  it('does not slow an account with few failures, then grows to a cap', () => {
    expect(slowDownFor(SLOW_DOWN_AFTER_ACCOUNT_FAILURES - 1)).toBe(0)
    expect(slowDownFor(SLOW_DOWN_AFTER_ACCOUNT_FAILURES)).toBeGreaterThan(0)
    expect(slowDownFor(SLOW_DOWN_AFTER_ACCOUNT_FAILURES + 1)).toBeGreaterThan(slowDownFor(SLOW_DOWN_AFTER_ACCOUNT_FAILURES))
    expect(slowDownFor(10_000)).toBe(MAX_SLOW_DOWN_MS)
  })
})
