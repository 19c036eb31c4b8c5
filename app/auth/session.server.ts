/**
 * The one module that knows about lucia (v3, no longer developed): routes and models ask
 * this module for sessions, so lucia can be replaced here alone. See
 * docs/decisions/0003-sessions.md.
 */
import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle'
import { Lucia, TimeSpan, type Cookie } from 'lucia'
import { db, schema } from '~/db.server'
import type { Role } from '#db/schema/enums'

/** No session outlives this, however active: users sign in again after 12 hours. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000

const adapter = new DrizzleSQLiteAdapter(db, schema.sessions, schema.users)

const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(SESSION_LIFETIME_MS / 1000, 's'),
  sessionCookie: {
    name: 'narada_session',
    attributes: { sameSite: 'lax', secure: true },
  },
  getSessionAttributes: (attributes) => ({ signedInAt: attributes.signedInAt }),
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    role: attributes.role,
    personId: attributes.personId,
    disabledAt: attributes.disabledAt,
  }),
})

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia
    UserId: number
    DatabaseSessionAttributes: { signedInAt: number }
    DatabaseUserAttributes: {
      email: string
      name: string
      role: Role
      personId: number | null
      disabledAt: string | null
    }
  }
}

export type SessionUser = {
  id: number
  email: string
  name: string
  role: Role
  personId: number | null
}

/**
 * Secure cookies everywhere but plain HTTP on the loopback interface, where browsers
 * and test clients would otherwise drop them.
 */
function isSecureRequest(request: Request): boolean {
  const url = new URL(request.url)
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  return url.protocol === 'https:' || !loopback
}

function serialize(cookie: Cookie, request: Request): string {
  cookie.attributes.secure = isSecureRequest(request)
  return cookie.serialize()
}

/** Starts a fresh session (a new id: never one the browser brought along). */
export async function createUserSession(userId: number, request: Request): Promise<string> {
  const session = await lucia.createSession(userId, { signedInAt: Date.now() })
  return serialize(lucia.createSessionCookie(session.id), request)
}

export function blankSessionCookie(request: Request): string {
  return serialize(lucia.createBlankSessionCookie(), request)
}

export type SessionState = { user: SessionUser; sessionId: string } | { user: null; sessionId: null }

const NO_SESSION: SessionState = { user: null, sessionId: null }

/**
 * The signed-in user of a request, or none. The lifetime is absolute: the cookie's
 * Max-Age and the check of signedInAt both end a session 12 hours after sign-in, so
 * lucia's sliding extension never needs a new cookie.
 */
export async function readSession(request: Request): Promise<SessionState> {
  // lucia reads „narada_session=…;” (a trailing separator some clients send) as an id ending in „;”.
  const sessionId = lucia.readSessionCookie((request.headers.get('Cookie') ?? '').replace(/;\s*$/, ''))
  if (!sessionId) return NO_SESSION

  const { session, user } = await lucia.validateSession(sessionId)
  if (!session || !user) return NO_SESSION
  if (user.disabledAt || Date.now() - session.signedInAt > SESSION_LIFETIME_MS) {
    await lucia.invalidateSession(session.id)
    return NO_SESSION
  }
  const { disabledAt: _disabled, ...sessionUser } = user
  return { user: sessionUser, sessionId: session.id }
}

export async function endSession(sessionId: string): Promise<void> {
  await lucia.invalidateSession(sessionId)
}

export async function endUserSessions(userId: number, options: { except?: string } = {}): Promise<void> {
  if (!options.except) return lucia.invalidateUserSessions(userId)
  const sessions = await lucia.getUserSessions(userId)
  await Promise.all(sessions.filter((s) => s.id !== options.except).map((s) => lucia.invalidateSession(s.id)))
}

export function deleteExpiredSessions(): Promise<void> {
  return lucia.deleteExpiredSessions()
}
