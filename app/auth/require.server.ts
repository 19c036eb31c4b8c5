import { redirect } from '@remix-run/node'
import { can, type Action } from './permissions'
import { oncePerRequest } from '~/utils/request-scope.server'
import { readSession, type SessionState, type SessionUser } from './session.server'

/** The session of this request: every loader of a page asks, the database is asked once. */
export function getSession(request: Request): Promise<SessionState> {
  return oncePerRequest('session', () => readSession(request))
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request)).user
}

/** A signed-out visitor is sent to /login and brought back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (user) return user
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
}

/** The signed-in user with the id of the session they are using. */
export async function requireSession(request: Request): Promise<{ user: SessionUser; sessionId: string }> {
  await requireUser(request)
  const session = await getSession(request)
  if (!session.user) throw new Error('unreachable: requireUser has checked the session')
  return session
}

/** Not being allowed answers exactly as not finding: 404, so nothing is revealed. */
export function notFound(): Response {
  return new Response('Not Found', { status: 404, statusText: 'Not Found' })
}

export async function requirePermission(request: Request, action: Action): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!can(user, action)) throw notFound()
  return user
}

// Any base does: only a path on it survives, and the browser resolves that against our origin.
const SITE = 'http://narada.invalid'

/**
 * Where to go after a form, kept on this site: a path, read as a browser reads a Location
 * (tabs and newlines dropped, `\\` as `/`); anything that lands on another origin gives `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback
  let url: URL
  try {
    url = new URL(to, SITE)
  } catch {
    return fallback
  }
  // `/.//evil.example` resolves on our origin to the path `//evil.example`, which a browser reads as a host.
  if (url.origin !== SITE || url.pathname.startsWith('//')) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
