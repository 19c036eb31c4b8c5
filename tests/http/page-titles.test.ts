import { describe, expect, it } from 'vitest'
import { officer } from '#tests/support/accounts'
import { get, login } from '#tests/support/http'

const titleOf = (html: string) => html.match(/<title>(.*?)<\/title>/)?.[1]

describe('page titles', () => {
  it('follow the chosen language', async () => {
    const { langCookie } = await import('~/i18n/lang.server')
    const english = await langCookie.serialize('en')
    const session = await login(officer.email, officer.password)
    const signedIn = (cookie: string) => [session, cookie].filter(Boolean).join('; ')
    const titles = async (cookie: string) => ({
      login: titleOf(await (await get('/login', { cookie })).text()),
      verify: titleOf(await (await get('/verify', { cookie })).text()),
      bodies: titleOf(await (await get('/bodies', { cookie: signedIn(cookie) })).text()),
      organisations: titleOf(await (await get('/organisations', { cookie: signedIn(cookie) })).text()),
    })
    expect(await titles(english)).toEqual({
      login: 'Sign in — Narada',
      verify: 'Verifying documents — Narada',
      bodies: 'Teams — Narada',
      organisations: 'Institutions — Narada',
    })
    expect(await titles('')).toEqual({
      login: 'Logowanie — Narada',
      verify: 'Weryfikacja dokumentów — Narada',
      bodies: 'Zespoły — Narada',
      organisations: 'Instytucje — Narada',
    })
  })
})
