import { beforeAll, describe, expect, it } from 'vitest'
import { admin, member, officer, type Account } from '#tests/support/accounts'
import { get, location, login, textOf } from '#tests/support/http'

type Who = 'visitor' | 'member' | 'officer' | 'admin'
/** 200, 404, or a redirect: to /login (and back) or elsewhere. */
type Expected = 200 | 404 | 'login' | { redirect: string }

const HOME = { redirect: '/' }

// Read pages for everyone signed in; the directory's edit pages for officers and admins;
// /admin/* for admins only. Not being allowed answers 404, like a missing record.
const table: [path: string, visitor: Expected, member: Expected, officer: Expected, admin: Expected][] = [
  ['/', 200, 200, 200, 200],
  ['/login', 200, HOME, HOME, HOME],
  ['/healthz', 200, 200, 200, 200],
  ['/account', 'login', 200, 200, 200],
  ['/organisations', 'login', 200, 200, 200],
  ['/organisations/new', 'login', 404, 200, 200],
  ['/organisations/1', 'login', 200, 200, 200],
  ['/organisations/1/edit', 'login', 404, 200, 200],
  ['/organisations/1/people/new', 'login', 404, 200, 200],
  ['/people/1/edit', 'login', 404, 200, 200],
  ['/regions', 'login', 200, 200, 200],
  ['/regions/options?voivodeship=24', 'login', 200, 200, 200],
  ['/admin/users', 'login', 404, 404, 200],
  ['/admin/users/new', 'login', 404, 404, 200],
  ['/admin/users/1', 'login', 404, 404, 200],
  ['/admin/audit', 'login', 404, 404, 200],
]

const accounts: Record<Exclude<Who, 'visitor'>, Account> = { member, officer, admin }
const cookies: Partial<Record<Who, string>> = {}

beforeAll(async () => {
  for (const [who, account] of Object.entries(accounts)) cookies[who as Who] = await login(account.email, account.password)
})

const cases = table.flatMap(([path, ...expected]) =>
  (['visitor', 'member', 'officer', 'admin'] as const).map((who, i) => ({ path, who, expected: expected[i]! })),
)

describe('who may open which page', () => {
  it.each(cases)('$who: GET $path', async ({ path, who, expected }) => {
    const response = await get(path, { cookie: cookies[who] })
    const body = await response.text()
    if (expected === 'login') {
      expect(response.status).toBe(302)
      expect(location(response)).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`)
    } else if (typeof expected === 'object') {
      expect(response.status).toBe(302)
      expect(location(response)).toBe(expected.redirect)
    } else {
      expect(response.status, textOf(body).slice(0, 300)).toBe(expected)
      if (expected === 404) {
        expect(textOf(body)).toContain('Nie znaleziono strony')
      }
    }
  })
})

describe('not allowed looks exactly like not found', () => {
  function mainText(html: string): string {
    return textOf(html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '')
  }

  it('for a member on an edit page and on a record that does not exist', async () => {
    const forbidden = await get('/organisations/1/edit', { cookie: cookies.member })
    const missing = await get('/organisations/999999/edit', { cookie: cookies.officer })
    expect(forbidden.status).toBe(404)
    expect(missing.status).toBe(404)
    expect(mainText(await forbidden.text())).toBe(mainText(await missing.text()))
  })

  it('for an officer on /admin/users/1 and on an account that does not exist', async () => {
    const forbidden = await get('/admin/users/1', { cookie: cookies.officer })
    const missing = await get('/admin/users/999999', { cookie: cookies.admin })
    expect(forbidden.status).toBe(404)
    expect(missing.status).toBe(404)
    expect(mainText(await forbidden.text())).toBe(mainText(await missing.text()))
  })
})

describe('navigation shows only what the user may open', () => {
  const links = (html: string) => [...(html.match(/<nav[\s\S]*?<\/nav>/)?.[0] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1])

  it.each([
    ['member', ['/', '/bodies', '/meetings', '/recommendations', '/agreements', '/inbox', '/organisations', '/regions']],
    ['officer', ['/', '/bodies', '/meetings', '/recommendations', '/agreements', '/inbox', '/organisations', '/regions']],
    [
      'admin',
      [
        '/',
        '/bodies',
        '/meetings',
        '/recommendations',
        '/agreements',
        '/inbox',
        '/organisations',
        '/regions',
        '/admin/users',
        '/admin/audit',
        '/admin/outbox',
      ],
    ],
  ] as const)('%s', async (who, expected) => {
    const html = await (await get('/', { cookie: cookies[who] })).text()
    expect(links(html)).toEqual(expected)
  })
})
