import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { db, schema } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { createUser } from '~/models/user.server'
import { inRequestScope } from '~/utils/request-scope.server'
import { getUser } from './require.server'
import { createUserSession } from './session.server'

async function signedInCookie() {
  const email = `scope-${crypto.randomUUID()}@narada.test`
  const result = await createUser({
    fields: { email, name: 'Test', role: 'member' },
    password: 'correct horse battery staple',
    actor: null,
  })
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors))
  const setCookie = await createUserSession(result.id, new Request('http://localhost/login'))
  return { userId: result.id, cookie: setCookie.split(';')[0]! }
}

// Remix gives each loader of a page its own Request: the copies below stand for the root's and the page's.
const copyOf = (cookie: string) => new Request('http://localhost/meetings', { headers: { Cookie: cookie } })

function endSessionsOf(userId: number) {
  db.delete(schema.sessions).where(eq(schema.sessions.userId, userId)).run()
}

describe('one HTTP request asks for its session once', () => {
  it('the loaders of one request share the session the first of them read', async () => {
    const { userId, cookie } = await signedInCookie()
    try {
      await inRequestScope(async () => {
        expect((await getUser(copyOf(cookie)))?.id).toBe(userId)
        // Read again 13 hours later, the session would have ended: the answer is the request's.
        vi.useFakeTimers({ now: Date.now() + 13 * 60 * 60 * 1000, toFake: ['Date'] })
        expect((await getUser(copyOf(cookie)))?.id).toBe(userId)
      })
      await inRequestScope(async () => expect(await getUser(copyOf(cookie))).toBeNull())
    } finally {
      vi.useRealTimers()
    }
  })

  it('the next request reads the session afresh', async () => {
    const { userId, cookie } = await signedInCookie()
    await inRequestScope(async () => expect((await getUser(copyOf(cookie)))?.id).toBe(userId))
    endSessionsOf(userId)
    await inRequestScope(async () => expect(await getUser(copyOf(cookie))).toBeNull())
  })

  it('after the request writes anything, the loaders that follow the action ask again', async () => {
    const { userId, cookie } = await signedInCookie()
    await inRequestScope(async () => {
      expect((await getUser(copyOf(cookie)))?.id).toBe(userId)
      endSessionsOf(userId)
      recordAudit(db, { actorUserId: userId, action: 'test.change' })
      expect(await getUser(copyOf(cookie))).toBeNull()
    })
  })
})
