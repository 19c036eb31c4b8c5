// Every page is clean UTF-8: React 18's streaming renderer can leak NUL bytes where a
// Polish letter meets its 2 KB buffer boundary (see app/entry.server.tsx). Which pages hit a
// boundary depends on their content, so many long Polish pages are read.
import { beforeAll, describe, expect, it } from 'vitest'
import { admin } from '#tests/support/accounts'
import { get, login } from '#tests/support/http'

let cookie: string
beforeAll(async () => {
  cookie = await login(admin.email, admin.password)
})

const voivodeships = ['02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30', '32']
const pages = [
  '/',
  '/organisations',
  '/bodies',
  '/bodies/1',
  '/bodies/2',
  '/bodies/3',
  '/bodies/3/members',
  '/meetings',
  '/meetings?view=month&month=2017-05',
  '/meetings/1',
  '/meetings/1/agenda',
  '/admin/audit',
  ...voivodeships.map((code) => `/regions?voivodeship=${code}`),
]

describe('HTML pages', () => {
  it.each(pages)('%s has no NUL byte and decodes as UTF-8', async (path) => {
    const response = await get(path, { cookie })
    expect(response.status).toBe(200)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(bytes.indexOf(0), `NUL byte at ${bytes.indexOf(0)}`).toBe(-1)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow()
  })
})
