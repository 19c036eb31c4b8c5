import { createCookie } from '@remix-run/node'
import { isMessageKey, type MessageKey } from '~/i18n/messages'

// A one-time notice („Dodano instytucję.”) carried across the redirect after a change.
// It holds only message keys and the numbers they name, checked against the dictionary when read.
const flashCookie = createCookie('narada_flash', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 })

/** One sentence of a notice, with the numbers it names: „Rozesłano notatkę do {count} osób.” */
export type NoticePart = { key: MessageKey; params?: Record<string, number> }
/** A notice: one message, or sentences read one after another. */
export type Notice = MessageKey | NoticePart[]

export async function flashHeader(notice: Notice): Promise<string> {
  return flashCookie.serialize(notice)
}

function isNoticePart(value: unknown): value is NoticePart {
  if (typeof value !== 'object' || value === null) return false
  const { key, params } = value as { key?: unknown; params?: unknown }
  if (typeof key !== 'string' || !isMessageKey(key)) return false
  return params === undefined || (typeof params === 'object' && params !== null && Object.values(params).every(Number.isFinite))
}

export async function readFlash(request: Request): Promise<{ notice: NoticePart[] | null; setCookie: string | null }> {
  const value: unknown = await flashCookie.parse(request.headers.get('Cookie'))
  if (typeof value !== 'string' && !Array.isArray(value)) return { notice: null, setCookie: null }
  const parts = typeof value === 'string' ? [{ key: value }] : value
  const notice = parts.length && parts.every(isNoticePart) ? parts : null
  return { notice, setCookie: await flashCookie.serialize('', { maxAge: 0 }) }
}
