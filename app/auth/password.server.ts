import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id settings: 19 MiB, 2 passes, 1 lane. @node-rs/argon2 2.x defaults to the same,
// but the cost is pinned here so that no upgrade of the package can lower it.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

/** A hash to verify against when there is no user, so that a miss takes as long as a hit. */
let decoyHash: Promise<string> | undefined
export function getDecoyHash(): Promise<string> {
  return (decoyHash ??= hashPassword('narada-decoy-password-never-valid'))
}
