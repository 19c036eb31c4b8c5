import crypto from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUser } from '~/models/user.server'
import { ATTEMPT_WINDOW_MS, MAX_FAILED_ATTEMPTS, signIn } from './login.server'

async function newUser() {
  const email = `user-${crypto.randomUUID()}@narada.test`
  const password = 'correct horse battery staple'
  const result = await createUser({ fields: { email, name: 'Test', role: 'member' }, password, actor: null })
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors))
  return { id: result.id, email, password }
}

let addressCount = 0
const newAddress = () => `192.0.2.${++addressCount}`

async function fail(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) expect(await signIn({ email, password: 'wrong password', ip })).toEqual({ status: 'failed' })
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

  it(`throttles an e-mail after ${MAX_FAILED_ATTEMPTS} failures from any addresses, and says how long to wait`, async () => {
    const user = await newUser()
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await fail(user.email, newAddress(), 1)
    const result = await signIn({ email: user.email, password: user.password, ip: newAddress() })
    expect(result.status).toBe('throttled')
    if (result.status !== 'throttled') return
    expect(result.retryAfterSeconds).toBeGreaterThan(ATTEMPT_WINDOW_MS / 1000 - 60)
    expect(result.retryAfterSeconds).toBeLessThanOrEqual(ATTEMPT_WINDOW_MS / 1000)
  })

  it('allows one more try once the oldest failure leaves the window', async () => {
    const user = await newUser()
    const start = Date.now()
    vi.useFakeTimers({ toFake: ['Date'], now: start })
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      vi.setSystemTime(start + i * 60_000)
      await fail(user.email, newAddress(), 1)
    }
    vi.setSystemTime(start + 10 * 60_000)
    const held = await signIn({ email: user.email, password: user.password, ip: newAddress() })
    expect(held).toEqual({ status: 'throttled', retryAfterSeconds: 5 * 60 })

    vi.setSystemTime(start + ATTEMPT_WINDOW_MS + 1)
    expect(await signIn({ email: user.email, password: user.password, ip: newAddress() })).toEqual({ status: 'ok', userId: user.id })
  })

  it('starts the count for an e-mail again after a success, but not the count for an address', async () => {
    const user = await newUser()
    const other = await newUser()
    const ip = newAddress()
    await fail(user.email, ip, MAX_FAILED_ATTEMPTS - 1)
    expect((await signIn({ email: user.email, password: user.password, ip: newAddress() })).status).toBe('ok')

    // Nine more failures for the e-mail (from elsewhere) are still under its limit…
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await fail(user.email, newAddress(), 1)
    expect((await signIn({ email: user.email, password: user.password, ip: newAddress() })).status).toBe('ok')

    // …while the address has kept all nine of its failures: one more and it is held back.
    await fail(other.email, ip, 1)
    const held = await signIn({ email: other.email, password: other.password, ip })
    expect(held.status).toBe('throttled')
    expect((await signIn({ email: other.email, password: other.password, ip: newAddress() })).status).toBe('ok')
  })

  it('refuses a disabled account with the right password like a wrong one', async () => {
    const user = await newUser()
    const { setUserDisabled } = await import('~/models/user.server')
    await setUserDisabled({ id: user.id, disabled: true, actor: { userId: null, ip: null } })
    expect(await signIn({ email: user.email, password: user.password, ip: newAddress() })).toEqual({ status: 'failed' })
  })
})
