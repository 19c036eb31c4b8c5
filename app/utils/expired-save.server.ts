import { json, type AppLoadContext } from '@remix-run/node'

// Remix passes one load context to a request's action and to the loaders that run after it.
const expired = new WeakSet<AppLoadContext>()

/**
 * A form sent after its session expired: answered 401 with every submitted field, so the
 * route's error boundary can show the text and offer to send it again after signing in.
 * The request is marked so that the meeting layout does not answer 404 around that page.
 */
export function expiredSaveResponse(context: AppLoadContext, formData: FormData): Response {
  expired.add(context)
  const fields = [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  return json({ sessionExpired: true, fields }, { status: 401, headers: { 'Cache-Control': 'no-store' } })
}

/** True while rendering the answer to a form whose session expired (see above). */
export function isExpiredSave(context: AppLoadContext): boolean {
  return expired.has(context)
}
