import crypto from 'node:crypto'
import { inject } from 'vitest'
import type { Role } from '#db/schema/enums'

export type Account = { email: string; password: string; role: Role; name: string }

/** The first administrator, created by the test server from ADMIN_EMAIL / ADMIN_PASSWORD. */
export const admin: Account = { email: inject('adminEmail'), password: inject('adminPassword'), role: 'admin', name: 'Administrator' }

// The demo accounts of db/seed/demo.ts (SEED=demo), as the README lists them. Not imported
// from there: that module opens the database as soon as it loads.
export const demoAdmin: Account = {
  email: 'admin.demo@narada.local',
  password: 'demo-admin-2026',
  role: 'admin',
  name: 'Administrator (demo)',
}
export const officer: Account = { email: 'urzednik@narada.local', password: 'demo-urzednik-2026', role: 'officer', name: 'Gizela Przeor' }
export const member: Account = { email: 'czlonek@narada.local', password: 'demo-czlonek-2026', role: 'member', name: 'Jakub Wrona' }

/**
 * A new account of its own for a test that may lock it out or change it, written straight
 * into the test server's database (tests/support/setup/server.ts points the app there).
 */
export async function createTestAccount({
  role = 'member',
  name = 'Konto testowe',
}: { role?: Role; name?: string } = {}): Promise<Account> {
  const { createUser } = await import('~/models/user.server')
  const email = `test-${crypto.randomUUID()}@narada.test`
  const password = `test-${crypto.randomBytes(12).toString('base64url')}`
  const result = await createUser({ fields: { email, name, role }, password, actor: null })
  if (!result.ok) throw new Error(`createTestAccount: ${JSON.stringify(result.fieldErrors)}`)
  return { email, password, role, name }
}
