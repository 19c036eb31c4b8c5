import { createCookie } from '@remix-run/node'
import { isMessageKey, type MessageKey } from '~/i18n/messages'

// A one-time notice („Zapisano zmiany.”) carried across the redirect after a change.
// It holds only a message key, checked against the dictionary when read.
const flashCookie = createCookie('narada_flash', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 })

export async function flashHeader(notice: MessageKey): Promise<string> {
  return flashCookie.serialize(notice)
}

export async function readFlash(request: Request): Promise<{ notice: MessageKey | null; setCookie: string | null }> {
  const value = await flashCookie.parse(request.headers.get('Cookie'))
  if (typeof value !== 'string') return { notice: null, setCookie: null }
  return { notice: isMessageKey(value) ? value : null, setCookie: await flashCookie.serialize('', { maxAge: 0 }) }
}
