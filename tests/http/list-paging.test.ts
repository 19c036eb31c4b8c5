// Lists at the size of a region, each with more than a page of rows: teams, accounts, an
// institution's representatives, a team's action items, the audit log and the outbox show at
// most 50 rows, keep their filters in the pager links, and answer a page past the end.
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin } from '#tests/support/accounts'
import { get, location, login, textOf } from '#tests/support/http'
import { createTestBody, createTestMeeting, createTestOrganisation, createTestPerson } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { queueMail } from '~/mail/mailer.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createBody } from '~/models/body.server'
import { BodySchema } from '~/schemas/body'

const u = crypto.randomBytes(4).toString('hex')
const scene = { cookie: '', organisation: 0, body: 0 }

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))
const tbodyRows = (html: string) => (html.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0].match(/<tr\b/g) ?? []).length
/** The hrefs of a pager's links, entities decoded. */
const pagerLinks = (html: string) =>
  [...(html.match(/<nav class="pagination"[\s\S]*?<\/nav>/)?.[0] ?? '').matchAll(/href="([^"]*)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  )

async function page(path: string) {
  const response = await get(path, { cookie: scene.cookie })
  expect(response.status).toBe(200)
  return mainOf(await response.text())
}

beforeAll(async () => {
  const convening = createTestOrganisation(`Urząd Gminy Stronicowo ${u}`, { kind: 'city_hall' })
  // 60 public teams whose names carry Polish letters: 55 working groups, 5 advisory teams.
  for (let i = 1; i <= 60; i++) {
    const input = BodySchema.parse({
      kind: i <= 55 ? 'working_group' : 'advisory_team',
      name: `Zespół Łódź-Bałuty ${u} nr ${String(i).padStart(2, '0')}`,
      conveningOrganisationId: String(convening),
      isPublic: 'on',
    })
    const saved = createBody({ input, actor: SYSTEM_ACTOR, convenor: null })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
  }
  // 55 accounts (written straight in: none signs in, so none needs a password).
  db.insert(schema.users)
    .values(
      Array.from({ length: 55 }, (_, i) => ({
        email: `konto-${u}-${String(i + 1).padStart(2, '0')}@narada.test`,
        name: `Konto ${i + 1}`,
        role: 'member' as const,
      })),
    )
    .run()
  scene.organisation = createTestOrganisation(`Ośrodek Stronicowany ${u}`)
  for (let i = 1; i <= 55; i++) createTestPerson(scene.organisation, `Przedstawiciel ${u} ${String(i).padStart(2, '0')}`)
  scene.body = createTestBody({ conveningOrganisationId: convening, convenor: null, name: `Zespół zadań ${u}` })
  const meetingId = createTestMeeting(scene.body)
  db.insert(schema.actionItems)
    .values(Array.from({ length: 55 }, (_, i) => ({ bodyId: scene.body, meetingId, position: i + 1, text: `Zadanie ${u} ${i + 1}` })))
    .run()
  for (let i = 1; i <= 55; i++)
    queueMail(db, { to: { address: `odbiorca-${u}-${i}@narada.test` }, subject: `Wiadomość ${u} ${i}`, text: 'Treść' })
  scene.cookie = await login(admin.email, admin.password)
})

describe('/bodies', () => {
  const q = `lodz baluty ${u}`

  it('finds teams by their name without Polish letters, 50 a page, and keeps the search in the pager', async () => {
    const first = await page(`/bodies?${new URLSearchParams({ q })}`)
    expect(tbodyRows(first)).toBe(50)
    expect(textOf(first)).toContain('Wyniki: 60')
    expect(textOf(first)).toContain(`nr 01`)
    expect(textOf(first)).not.toContain(`${u} nr 51`)
    const next = pagerLinks(first)
    expect(next).toEqual([`/bodies?${new URLSearchParams({ q, page: '2' })}`])

    const second = await page(next[0]!)
    expect(tbodyRows(second)).toBe(10)
    expect(textOf(second)).toContain(`${u} nr 60`)
    expect(textOf(second)).not.toContain(`${u} nr 50 `)
    expect(pagerLinks(second)).toEqual([`/bodies?${new URLSearchParams({ q })}`])
  })

  it('narrows by kind, and sends a page past the end to the last page with the filters kept', async () => {
    const advisory = await page(`/bodies?${new URLSearchParams({ q, kind: 'advisory_team' })}`)
    expect(tbodyRows(advisory)).toBe(5)
    expect(pagerLinks(advisory)).toEqual([])

    const beyond = await get(`/bodies?${new URLSearchParams({ q, page: '9' })}`)
    expect(beyond.status).toBe(302)
    expect(location(beyond)).toBe(`/bodies?${new URLSearchParams({ q, page: '2' })}`)
  })
})

describe('/admin/users', () => {
  it('searches names and e-mails, 50 a page, and keeps the search in the pager', async () => {
    const first = await page(`/admin/users?q=konto-${u}`)
    expect(tbodyRows(first)).toBe(50)
    expect(textOf(first)).toContain('Wyniki: 55')
    expect(pagerLinks(first)).toEqual([`/admin/users?q=konto-${u}&page=2`])
    const second = await page(`/admin/users?q=konto-${u}&page=2`)
    expect(tbodyRows(second)).toBe(5)
    expect(textOf(second)).toContain(`konto-${u}-55@narada.test`)
    expect(location(await get(`/admin/users?q=konto-${u}&page=40`, { cookie: scene.cookie }))).toBe(`/admin/users?q=konto-${u}&page=2`)
  })
})

describe('an account’s history', () => {
  it('lists its latest 50 events, the older ones on the next page', async () => {
    const account = db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, `konto-${u}-01@narada.test`))
      .get()!
    db.insert(schema.auditLog)
      .values(
        Array.from({ length: 55 }, () => ({
          actorUserId: account.id,
          action: 'login.succeeded',
          entityType: 'user',
          entityId: String(account.id),
        })),
      )
      .run()
    const first = await page(`/admin/users/${account.id}`)
    expect(tbodyRows(first)).toBe(50)
    expect(pagerLinks(first)).toEqual([`/admin/users/${account.id}?page=2`])
    expect(tbodyRows(await page(`/admin/users/${account.id}?page=2`))).toBe(5)
  })
})

describe('an institution’s representatives', () => {
  it('are listed 50 a page, by name', async () => {
    const first = await page(`/organisations/${scene.organisation}`)
    expect(tbodyRows(first)).toBe(50)
    expect(textOf(first)).toContain('Wyniki: 55')
    expect(textOf(first)).not.toContain(`Przedstawiciel ${u} 51`)
    expect(pagerLinks(first)).toEqual([`/organisations/${scene.organisation}?page=2`])
    const second = await page(pagerLinks(first)[0]!)
    expect(tbodyRows(second)).toBe(5)
    expect(textOf(second)).toContain(`Przedstawiciel ${u} 55`)
  })
})

describe('a team’s action items', () => {
  it('are listed 50 a page with the state filter kept in the pager', async () => {
    const first = await page(`/bodies/${scene.body}/action-items?state=open`)
    expect(tbodyRows(first)).toBe(50)
    expect(textOf(first)).toContain('Wyniki: 55')
    expect(pagerLinks(first)).toEqual([`/bodies/${scene.body}/action-items?state=open&page=2`])
    const second = await page(`/bodies/${scene.body}/action-items?state=open&page=2`)
    expect(tbodyRows(second)).toBe(5)
    expect(textOf(await page(`/bodies/${scene.body}/action-items?state=done`))).toContain('Wyniki: 0')
    const beyond = await get(`/bodies/${scene.body}/action-items?state=open&page=3`, { cookie: scene.cookie })
    expect(location(beyond)).toBe(`/bodies/${scene.body}/action-items?state=open&page=2`)
  })
})

describe('/admin/audit', () => {
  it('pages back by older and newer links that keep the event filter', async () => {
    const first = await page('/admin/audit?event=person')
    expect(tbodyRows(first)).toBe(50)
    expect(first).toContain('aria-label="Strony dziennika"')
    const [older] = pagerLinks(first)
    expect(older).toMatch(/^\/admin\/audit\?event=person&before=\d+$/)

    const second = await page(older!)
    expect(tbodyRows(second)).toBeGreaterThan(0)
    const links = pagerLinks(second)
    expect(links[0]).toBe('/admin/audit?event=person')
    expect(links[1]).toMatch(/^\/admin\/audit\?event=person&after=\d+$/)
    // Newer than the second page are the first page's entries again, whatever arrived since.
    const back = await page(links[1]!)
    expect(tbodyRows(back)).toBe(50)
    expect(pagerLinks(back)).toContain(older)
  })

  it('answers a cursor past the oldest entry with an empty page and a link to the newest', async () => {
    const empty = await page('/admin/audit?event=person&before=1')
    expect(textOf(empty)).toContain('Brak zdarzeń.')
    expect(pagerLinks(empty)).toEqual(['/admin/audit?event=person'])
  })
})

describe('/admin/outbox', () => {
  it('shows 50 messages a page and sends a page past the end to the last one', async () => {
    const first = await page('/admin/outbox')
    expect(first.match(/<article\b/g)).toHaveLength(50)
    expect(pagerLinks(first)).toEqual(['/admin/outbox?page=2'])
    // The first page is the bare list, without ?page=1.
    expect(pagerLinks(await page('/admin/outbox?page=2'))[0]).toBe('/admin/outbox')
    const total = Number(/Wyniki: (\d+)/.exec(textOf(first))![1])
    expect(total).toBeGreaterThanOrEqual(55)
    const last = Math.ceil(total / 50)
    const beyond = await get('/admin/outbox?page=999', { cookie: scene.cookie })
    expect(location(beyond)).toBe(`/admin/outbox?page=${last}`)
  })
})
