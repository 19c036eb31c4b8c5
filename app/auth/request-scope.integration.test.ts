import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
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
    await inRequestScope(async () => {
      expect((await getUser(copyOf(cookie)))?.id).toBe(userId)
      endSessionsOf(userId)
      // Read again, the database would now say „signed out”: the answer is the request's.
      expect((await getUser(copyOf(cookie)))?.id).toBe(userId)
    })
  })

  it('the next request reads the session afresh', async () => {
    const { userId, cookie } = await signedInCookie()
    await inRequestScope(async () => expect((await getUser(copyOf(cookie)))?.id).toBe(userId))
    endSessionsOf(userId)
    await inRequestScope(async () => expect(await getUser(copyOf(cookie))).toBeNull())
  })

  it('after a change is recorded, the loaders that follow the action ask again', async () => {
    const { userId, cookie } = await signedInCookie()
    await inRequestScope(async () => {
      expect((await getUser(copyOf(cookie)))?.id).toBe(userId)
      endSessionsOf(userId)
      recordAudit(db, { actorUserId: userId, action: 'test.change' })
      expect(await getUser(copyOf(cookie))).toBeNull()
    })
  })
})
