import { redirect, type AppLoadContext } from '@remix-run/node'
import type { SessionUser } from '~/auth/session.server'
import type { Actor } from '~/models/audit.server'
import { flashHeader, type Notice } from './flash.server'

/** A redirect after a change, with a notice the next page shows once. */
export async function redirectWithNotice(to: string, notice: Notice, init: ResponseInit = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await flashHeader(notice))
  return redirect(to, { ...init, headers })
}

export function actorOf(user: SessionUser, context: AppLoadContext): Actor {
  return { userId: user.id, ip: context.clientIp ?? null }
}

/** A route parameter that must be a row id; anything else is a page that does not exist. */
export function parseId(value: string | undefined): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== value) {
    throw new Response('Not Found', { status: 404, statusText: 'Not Found' })
  }
  return id
}

/**
 * Input a model checks again after the form did: past the limits it can only be a forged
 * request, answered 400. The forms refuse the same input first, in Polish beside the field.
 */
export function parsedOr400<T>(
  schema: { safeParse: (input: unknown) => { success: true; data: T } | { success: false } },
  input: unknown,
): T {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  return parsed.data
}
