import http from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin } from '#tests/support/accounts'
import { baseURL, get, location, login, post, textOf } from '#tests/support/http'

function directives(response: Response): Map<string, string> {
  const csp = response.headers.get('Content-Security-Policy') ?? ''
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/)
        return [name!.toLowerCase(), values.join(' ')] as const
      }),
  )
}

function headerNonce(response: Response): string | undefined {
  return directives(response)
    .get('script-src')
    ?.match(/'nonce-([^']+)'/)?.[1]
}

function scriptNonces(html: string): (string | undefined)[] {
  return [...html.matchAll(/<script\b[^>]*>/g)].map((tag) => tag[0].match(/\bnonce="([^"]*)"/)?.[1])
}

describe('security headers', () => {
  let cookie: string
  beforeAll(async () => {
    cookie = await login(admin.email, admin.password)
  })

  const pages: [string, () => string | undefined][] = [
    ['/', () => undefined],
    ['/login', () => undefined],
    ['/no-such-page', () => undefined],
    ['/', () => cookie],
    ['/organisations', () => cookie],
    ['/organisations/999999', () => cookie],
  ]

  it.each(pages)('HTML of %s carries a strict CSP with a nonce, nosniff and a referrer policy', async (path, session) => {
    const response = await get(path, { cookie: session() })
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    const csp = directives(response)
    expect(headerNonce(response)).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
    expect(csp.get('frame-ancestors')).toBe("'none'")
    expect(csp.get('object-src')).toBe("'none'")
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('X-Powered-By')).toBeNull()
  })

  it('puts the header nonce on every <script> of the page, and a new one on every response', async () => {
    const first = await get('/login')
    const html = await first.text()
    const nonces = scriptNonces(html)
    expect(nonces.length).toBeGreaterThan(0)
    expect(new Set(nonces)).toEqual(new Set([headerNonce(first)]))

    const second = await get('/login')
    await second.text()
    expect(headerNonce(second)).toBeDefined()
    expect(headerNonce(second)).not.toBe(headerNonce(first))
  })
})

/** A GET naming `host` in its Host header, which fetch will not send as given. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseURL), { headers: { Host: host } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
  })
}

describe('host check (the test server runs with APP_URL set to its own address)', () => {
  it.each(['evil.example', `evil.example:${new URL(baseURL).port}`, `127.0.0.1:${new URL(baseURL).port}`])(
    'refuses a request for the host %s with 421 and a short text',
    async (host) => {
      const response = await getWithHost('/login', host)
      expect(response.status).toBe(421)
      expect(response.body).toBe('Misdirected Request: unknown host')
    },
  )

  const own = new URL(baseURL).host
  it.each([`${own}/x`, `x@${own}`, `${own}?q`, `${own}#f`, `${own}\\x`, `${own}:1`])(
    'refuses the malformed Host %s (a URL parser reads most as its own) with 400',
    async (host) => {
      const response = await getWithHost('/login', host)
      expect(response.status).toBe(400)
      expect(response.body).toBe('Bad Request: malformed Host')
    },
  )

  it('answers its own host, in any case', async () => {
    const response = await getWithHost('/login', new URL(baseURL).host.toUpperCase())
    expect(response.status).toBe(200)
    expect(textOf(response.body)).toContain('Logowanie')
  })
})

describe('same-origin check', () => {
  it.each(['/login', '/logout', '/language'])('refuses a POST to %s from a foreign Origin with 403', async (path) => {
    const response = await post(path, { email: admin.email, password: admin.password, lang: 'en' }, { origin: 'https://evil.example' })
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('refuses a POST whose only Referer is a foreign page', async () => {
    const response = await post(
      '/login',
      { email: admin.email, password: admin.password },
      { origin: null, headers: { Referer: 'https://evil.example/form' } },
    )
    expect(response.status).toBe(403)
  })

  it('does not take a look-alike origin for its own', async () => {
    const response = await post('/login', { email: admin.email, password: admin.password }, { origin: `${baseURL}.evil.example` })
    expect(response.status).toBe(403)
  })

  it('lets a POST from its own origin through', async () => {
    const response = await post('/login', { email: admin.email, password: admin.password, redirectTo: '/' })
    expect(response.status).toBe(303)

    const wrong = await post('/login', { email: admin.email, password: 'not-the-password' })
    expect(wrong.status).toBe(401)
  })
})

describe('error pages', () => {
  it('answers an unknown URL with a Polish 404 page', async () => {
    const response = await get('/no-such-page')
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toMatch(/<html lang="pl"/)
    expect(textOf(html)).toContain('Nie znaleziono strony')
  })

  it('shows a missing record as a plain 404 page without a stack trace', async () => {
    const cookie = await login(admin.email, admin.password)
    const response = await get('/organisations/999999', { cookie })
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(textOf(html)).toContain('Nie znaleziono strony')
    expect(html).not.toMatch(/\bat .+\.(js|ts|tsx):\d+/)
    expect(html).not.toMatch(/node_modules|\/build\/index\.js|Error:/)
  })

  it('does not show a stack trace for a malformed id either', async () => {
    const cookie = await login(admin.email, admin.password)
    const response = await get('/organisations/abc', { cookie })
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).not.toMatch(/\bat .+\.(js|ts|tsx):\d+/)
    expect(html).not.toMatch(/node_modules|Error:/)
  })

  it('redirects rather than erroring when a signed-out visitor opens a missing record', async () => {
    const response = await get('/organisations/999999')
    expect(response.status).toBe(302)
    expect(location(response)).toBe('/login?redirectTo=%2Forganisations%2F999999')
  })
})
