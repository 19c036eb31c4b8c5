import { describe, expect, it } from 'vitest'
import { admin, createTestAccount, member } from '#tests/support/accounts'
import { cookieHeader, get, inputValue, location, login, post, setCookie, textOf, uniqueAddress } from '#tests/support/http'

const FAILED = 'Nieprawidłowy adres e-mail lub hasło.'
const TOO_MANY = 'Zbyt wiele nieudanych prób logowania.'

function alertText(html: string): string {
  return textOf(html.match(/<div[^>]*role="alert"[^>]*>[\s\S]*?<\/div>/)?.[0] ?? '')
}

describe('/healthz', () => {
  it('answers 200 ok', async () => {
    const response = await get('/healthz')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok')
  })
})

describe('signing in', () => {
  it('redirects to redirectTo with a 303 and a safe session cookie', async () => {
    const response = await post(
      '/login',
      { email: admin.email, password: admin.password, redirectTo: '/organisations?page=2' },
      { ip: uniqueAddress() },
    )
    expect(response.status).toBe(303)
    expect(location(response)).toBe('/organisations?page=2')

    const cookie = setCookie(response, 'narada_session')
    expect(cookie).toBeDefined()
    const [pair, ...attributes] = cookie!.split(';').map((part) => part.trim())
    const names = attributes.map((attribute) => attribute.split('=')[0]!.toLowerCase())
    expect(names).toContain('httponly')
    expect(attributes).toContainEqual(expect.stringMatching(/^SameSite=Lax$/i))
    expect(attributes).toContainEqual(expect.stringMatching(/^Path=\/$/i))
    // Plain HTTP on localhost: a Secure cookie would never come back.
    expect(names).not.toContain('secure')
    const maxAge = Number(attributes.find((attribute) => /^max-age=/i.test(attribute))?.split('=')[1])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(43_200)
    // A lucia id: base32, at least 26 characters (128 bits).
    expect(pair!.slice('narada_session='.length)).toMatch(/^[a-z2-7]{26,}$/)

    const home = await get('/', { cookie: pair })
    expect(home.status).toBe(200)
    expect(textOf(await home.text())).toContain('Zalogowano jako Administrator')
  })

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const response = await post('/login', { email: `  ${member.email.toUpperCase()} `, password: member.password }, { ip: uniqueAddress() })
    expect(response.status).toBe(303)
  })

  it('refuses a wrong password with 401, the Polish message and the e-mail kept, without saying which field', async () => {
    const response = await post('/login', { email: admin.email, password: 'wrong-password' }, { ip: uniqueAddress() })
    expect(response.status).toBe(401)
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith('narada_session='))).toBe(false)
    const html = await response.text()
    expect(alertText(html)).toBe(FAILED)
    expect(inputValue(html, 'email')).toBe(admin.email)
    expect(inputValue(html, 'password')).toBe('')
    expect(html).not.toContain('aria-invalid="true"')
  })

  it('says exactly the same for an e-mail that has no account', async () => {
    const unknown = await post('/login', { email: 'nobody@narada.local', password: 'wrong-password' }, { ip: uniqueAddress() })
    const wrong = await post('/login', { email: admin.email, password: 'wrong-password' }, { ip: uniqueAddress() })
    expect(unknown.status).toBe(401)
    const [unknownHtml, wrongHtml] = [await unknown.text(), await wrong.text()]
    expect(alertText(unknownHtml)).toBe(FAILED)
    expect(alertText(unknownHtml)).toBe(alertText(wrongHtml))
    expect(inputValue(unknownHtml, 'email')).toBe('nobody@narada.local')
    expect(unknownHtml).not.toContain('aria-invalid="true"')
  })

  it('asks for both fields when they are empty, in Polish', async () => {
    const response = await post('/login', { email: '', password: '' }, { ip: uniqueAddress() })
    expect(response.status).toBe(400)
    expect(textOf(await response.text())).toContain('To pole jest wymagane.')
  })

  it('does not follow a redirectTo that leaves the site', async () => {
    for (const redirectTo of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example/',
      'evil.example',
      'javascript:alert(1)',
    ]) {
      const response = await post('/login', { email: admin.email, password: admin.password, redirectTo }, { ip: uniqueAddress() })
      expect(response.status, redirectTo).toBe(303)
      expect(location(response), redirectTo).toBe('/')
    }
  })

  it('sends a signed-in visitor of /login on to redirectTo, but never off the site', async () => {
    const cookie = await login(member.email, member.password)
    expect(location(await get('/login?redirectTo=%2Faccount', { cookie }))).toBe('/account')
    expect(location(await get('/login?redirectTo=%2F%2Fevil.example', { cookie }))).toBe('/')
    // Browsers drop the tab from a Location and would read `//evil.example`.
    expect(location(await get('/login?redirectTo=%2F%09%2Fevil.example', { cookie }))).toBe('/')
    expect(location(await get('/login?redirectTo=%2F.%2F%2Fevil.example', { cookie }))).toBe('/')
  })

  it('keeps a session whose Cookie header ends in a separator', async () => {
    const cookie = await login(member.email, member.password)
    for (const header of [`${cookie};`, `${cookie}; `, `lang=pl; ${cookie};`]) {
      expect((await get('/account', { cookie: header })).status).toBe(200)
    }
  })
})

describe('throttling', () => {
  it('lets the owner in from a fresh address after 10 failures for the account from 10 others', async () => {
    const target = await createTestAccount()
    for (let i = 0; i < 10; i++) {
      const response = await post('/login', { email: target.email, password: `wrong-${i}` }, { ip: uniqueAddress() })
      expect(response.status, `attempt ${i + 1}`).toBe(401)
    }
    const owner = await post('/login', { email: target.email, password: target.password }, { ip: uniqueAddress() })
    expect(owner.status).toBe(303)
    expect(owner.headers.getSetCookie().some((cookie) => cookie.startsWith('narada_session='))).toBe(true)
  })

  it('holds back one address for one account after 10 failures, even with the right password', async () => {
    const target = await createTestAccount()
    const bystander = await createTestAccount()
    const address = uniqueAddress()
    for (let i = 0; i < 10; i++) {
      const response = await post('/login', { email: target.email, password: `wrong-${i}` }, { ip: address })
      expect(response.status, `attempt ${i + 1}`).toBe(401)
    }
    const held = await post('/login', { email: target.email, password: target.password }, { ip: address })
    expect(held.status).toBe(429)
    // Soft: the rest of the answer is checked even when the header is missing.
    const retryAfter = Number(held.headers.get('Retry-After'))
    expect.soft(retryAfter, 'Retry-After (seconds)').toBeGreaterThan(0)
    expect.soft(retryAfter, 'Retry-After (seconds)').toBeLessThanOrEqual(15 * 60)
    expect(held.headers.getSetCookie().some((cookie) => cookie.startsWith('narada_session='))).toBe(false)
    const text = alertText(await held.text())
    expect(text).toContain(TOO_MANY)
    expect(text).toMatch(/Spróbuj ponownie za (1[0-5]|[1-9]) min\./)

    const other = await post('/login', { email: bystander.email, password: bystander.password }, { ip: address })
    expect(other.status).toBe(303)
  })

  it('holds back an address after 20 failures over different e-mails, and no other address', async () => {
    const account = await createTestAccount()
    const address = uniqueAddress()
    for (let i = 0; i < 20; i++) {
      const response = await post('/login', { email: `nobody-${i}@narada.test`, password: 'wrong' }, { ip: address })
      expect(response.status, `attempt ${i + 1}`).toBe(401)
    }
    const held = await post('/login', { email: account.email, password: account.password }, { ip: address })
    expect(held.status).toBe(429)
    expect.soft(Number(held.headers.get('Retry-After')), 'Retry-After (seconds)').toBeGreaterThan(0)
    expect(alertText(await held.text())).toContain(TOO_MANY)

    const elsewhere = await post('/login', { email: account.email, password: account.password }, { ip: uniqueAddress() })
    expect(elsewhere.status).toBe(303)
  })
})

describe('signed-out visitors', () => {
  it.each(['/organisations', '/account', '/admin/users', '/admin/audit', '/regions', '/organisations/1?tab=people'])(
    'are sent from %s to /login and brought back',
    async (path) => {
      const response = await get(path)
      expect(response.status).toBe(302)
      const to = new URL(location(response)!, 'http://x')
      expect(to.pathname).toBe('/login')
      expect(to.searchParams.get('redirectTo')).toBe(path)
    },
  )

  it('see the public portal on /', async () => {
    const response = await get('/')
    expect(response.status).toBe(200)
    const text = textOf(await response.text())
    expect(text).toContain('Zaloguj się')
    expect(text).not.toContain('Zalogowano jako')
  })
})

describe('signing out', () => {
  it('ends the session on POST /logout, so the old cookie no longer works', async () => {
    const cookie = await login(member.email, member.password)
    expect((await get('/account', { cookie })).status).toBe(200)

    const response = await post('/logout', {}, { cookie })
    expect(response.status).toBe(303)
    expect(location(response)).toBe('/')
    const blank = setCookie(response, 'narada_session')
    expect(blank).toMatch(/^narada_session=;/)
    expect(blank).toMatch(/Max-Age=0/i)

    const after = await get('/account', { cookie })
    expect(after.status).toBe(302)
    expect(location(after)).toBe('/login?redirectTo=%2Faccount')
  })

  it('ends only that session: another sign-in of the same user goes on', async () => {
    const first = await login(member.email, member.password)
    const second = await login(member.email, member.password)
    await post('/logout', {}, { cookie: first })
    expect((await get('/account', { cookie: second })).status).toBe(200)
  })

  it('does not sign out on GET /logout: it asks instead', async () => {
    const cookie = await login(member.email, member.password)
    const response = await get('/logout', { cookie })
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie().some((c) => c.startsWith('narada_session='))).toBe(false)
    expect(textOf(await response.text())).toContain('Czy na pewno chcesz się wylogować?')
    expect((await get('/account', { cookie })).status).toBe(200)
  })

  it('issues a new session id on sign-in and ends the one the browser brought along', async () => {
    const old = await login(member.email, member.password)
    const response = await post('/login', { email: member.email, password: member.password }, { cookie: old, ip: uniqueAddress() })
    expect(response.status).toBe(303)
    const fresh = setCookie(response, 'narada_session')!.split(';', 1)[0]!
    expect(fresh).not.toBe(old)
    expect((await get('/account', { cookie: old })).status).toBe(302)
    expect((await get('/account', { cookie: fresh })).status).toBe(200)
  })
})

describe('language', () => {
  it('switches to English with POST /language and back to Polish', async () => {
    const toEnglish = await post('/language', { lang: 'en', redirectTo: '/login' })
    expect(toEnglish.status).toBe(303)
    expect(location(toEnglish)).toBe('/login')
    const english = cookieHeader(toEnglish)
    expect(english).toMatch(/^narada_lang=/)

    const page = await get('/login', { cookie: english })
    const html = await page.text()
    expect(html).toMatch(/<html lang="en"/)
    expect(textOf(html)).toContain('E-mail address')
    expect(textOf(html)).not.toContain('Adres e-mail')

    const failed = await post('/login', { email: admin.email, password: 'wrong' }, { cookie: english, ip: uniqueAddress() })
    expect(alertText(await failed.text())).toBe('Wrong e-mail address or password.')

    const toPolish = await post('/language', { lang: 'pl', redirectTo: '/login' }, { cookie: english })
    const polish = cookieHeader(toPolish)
    const back = await (await get('/login', { cookie: polish })).text()
    expect(back).toMatch(/<html lang="pl"/)
    expect(textOf(back)).toContain('Adres e-mail')
  })

  it('ignores a language it does not know and a redirect off the site', async () => {
    const response = await post('/language', { lang: 'xx', redirectTo: '//evil.example' })
    expect(response.status).toBe(303)
    expect(location(response)).toBe('/')
    expect(response.headers.getSetCookie()).toEqual([])
    const tabbed = await post('/language', { lang: 'en', redirectTo: '/\t/evil.example' })
    expect(location(tabbed)).toBe('/')
  })
})
