import { createCookie } from '@remix-run/node'
import { isLang, type Lang } from './messages'

export const langCookie = createCookie('narada_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/** The language chosen by cookie; Polish for everyone else, whatever the browser says. */
export async function getLang(request: Request): Promise<Lang> {
  const value = await langCookie.parse(request.headers.get('Cookie'))
  return isLang(value) ? value : 'pl'
}
