import './support/setup'
import { hash, verify } from '@node-rs/argon2'
import { bench, describe } from 'vitest'
import { hashPassword, verifyPassword } from '~/auth/password.server'

const PASSWORD = 'Zażółć-gęślą-jaźń-2026'
// A cheaper setting (4 MiB, 3 passes) for scale: the configured cost IS the package default (2.x).
const WEAK = { memoryCost: 4096, timeCost: 3, parallelism: 1 } as const

const configuredHash = await hashPassword(PASSWORD)
const defaultHash = await hash(PASSWORD)
const weakHash = await hash(PASSWORD, WEAK)
const parameters = (phc: string) => phc.split('$')[3]
console.log(
  `Passwords: configured ${parameters(configuredHash)}, package default ${parameters(defaultHash)}, weak reference ${parameters(weakHash)}`,
)
if (parameters(configuredHash) === parameters(defaultHash)) {
  console.log(
    'Passwords: the configured cost IS the package default, so those two should tie: how far apart they are shows the noise of this run.',
  )
}
if (!(await verifyPassword(configuredHash, PASSWORD)) || !(await verify(defaultHash, PASSWORD)) || !(await verify(weakHash, PASSWORD))) {
  throw new Error('A hash does not verify its own password')
}

// Sign-in verifies once; the parameters come from the stored hash.
describe('argon2id sign-in (verify)', () => {
  bench('verifyPassword, configured cost', async () => {
    await verifyPassword(configuredHash, PASSWORD)
  })
  bench('verify, package default options', async () => {
    await verify(defaultHash, PASSWORD)
  })
  bench('verify, weak reference m=4096,t=3', async () => {
    await verify(weakHash, PASSWORD)
  })
})

describe('argon2id new password (hash)', () => {
  bench('hashPassword, configured cost', async () => {
    await hashPassword(PASSWORD)
  })
  bench('hash, package default options', async () => {
    await hash(PASSWORD)
  })
  bench('hash, weak reference m=4096,t=3', async () => {
    await hash(PASSWORD, WEAK)
  })
})
