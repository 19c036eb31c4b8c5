import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { officer as demoOfficer } from '#tests/support/accounts'
import { get, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene, createTestOrganisation } from '#tests/support/invitations'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>

// Institutions of one tag: a search for it shows only them, the scene's own team's MOPS among them.
const tag = `zbiorczo${crypto.randomBytes(4).toString('hex')}`
let scene: Scene
let fresh: number[] = []
const cookies = { convenor: '', outsider: '', otherOfficer: '' }

beforeAll(async () => {
  scene = await createInvitationScene()
  fresh = [
    createTestOrganisation(`GOPS Pierwszy ${tag}`),
    createTestOrganisation(`GOPS Drugi ${tag}`),
    createTestOrganisation(`OPS Trzeci ${tag}`),
  ]
  const { db, schema } = await import('~/db.server')
  const { eq } = await import('drizzle-orm')
  const mops = db
    .select({ name: schema.organisations.name })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, scene.organisations.mops))
    .get()!
  db.update(schema.organisations)
    .set({ name: `${mops.name} ${tag}`, searchText: `miejski osrodek pomocy spolecznej ${tag}` })
    .where(eq(schema.organisations.id, scene.organisations.mops))
    .run()
  cookies.convenor = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
  cookies.otherOfficer = await login(demoOfficer.email, demoOfficer.password)
})

const members = () => `/bodies/${scene.bodyId}/members`
const search = () => `${members()}?bulk=1&q=${tag}&kind=ops`

/** An institution's box in the results, as the page sends it. */
const box = (html: string, id: number) => html.match(new RegExp(`<input id="bulk-${id}"[^>]*>`))?.[0] ?? ''

function form(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ intent: 'add-memberships' })
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one)
  return body
}

describe('adding several institutions to a team at once', () => {
  it('shows the search results to tick, the team’s own member shown as such without a box', async () => {
    const html = await (await get(search(), { cookie: cookies.convenor })).text()
    const text = textOf(html)
    expect(text).toContain('Dodaj wiele instytucji naraz')
    expect(text).toContain('Wyniki: 4')
    expect(text).toContain('Zaznacz wszystkie na tej stronie')
    for (const id of fresh) expect(box(html, id)).toBe(`<input id="bulk-${id}" type="checkbox" name="organisationId" value="${id}"/>`)
    expect(box(html, scene.organisations.mops)).toContain('disabled=""')
    expect(text).toMatch(new RegExp(`Miejski Ośrodek Pomocy Społecznej \\S+ ${tag} — [^—]+ już w zespole`))
    // Without JavaScript „select all” is a link that returns the page with every box ticked.
    const all = await (await get(`${search()}&all=1`, { cookie: cookies.convenor })).text()
    for (const id of fresh) expect(box(all, id)).toContain('checked=""')
  })

  it('says in Polish what is missing next to the field, and keeps what was ticked', async () => {
    const none = await post(search(), form({ role: 'member', start: 'today' }), { cookie: cookies.convenor })
    expect(none.status).toBe(400)
    expect(textOf(await none.text())).toContain('Zaznacz co najmniej jedną instytucję.')
    const noDay = await post(search(), form({ organisationId: [String(fresh[0])], role: 'member', start: 'other' }), {
      cookie: cookies.convenor,
    })
    expect(noDay.status).toBe(400)
    const html = await noDay.text()
    expect(textOf(html)).toContain('Podaj dzień początku członkostwa.')
    expect(box(html, fresh[0]!)).toContain('checked=""')
    expect(html).toMatch(/<input id="[^"]*-other" type="radio" name="start" checked="" value="other"\/>/)
  })

  it('adds the ticked ones from the team’s start and says how many', async () => {
    const response = await post(search(), form({ organisationId: fresh.map(String), role: 'member', start: 'teamStart' }), {
      cookie: cookies.convenor,
    })
    expect(response.status).toBe(302)
    expect(location(response)).toContain(search())
    const cookie = `${cookies.convenor}; ${response.headers.get('set-cookie')!.split(';')[0]}`
    const html = await (await get(search(), { cookie })).text()
    const text = textOf(html)
    expect(text).toContain('Dodano 3 instytucje do zespołu.')
    // The scene seats its members from 1 January 2000: that is the team's start.
    expect(text).toMatch(new RegExp(`GOPS Pierwszy ${tag} \\S+ obecnie [^.]* 01\\.01\\.2000 r\\.`))
    for (const id of [...fresh, scene.organisations.mops]) expect(box(html, id)).toContain('disabled=""')
    const again = await post(search(), form({ organisationId: [String(fresh[0])], role: 'member', start: 'today' }), {
      cookie: cookies.convenor,
    })
    expect(again.status).toBe(400)
    expect(textOf(await again.text())).toContain(`Te instytucje mają już miejsce w zespole w tym dniu: GOPS Pierwszy ${tag}`)
  })

  it('names the institutions whose earlier seat clashes with the team’s start, and keeps what was ticked', async () => {
    const { seat, createTestOrganisation } = await import('#tests/support/invitations')
    const { endMembership } = await import('~/models/membership.server')
    const earlier = `dawny${crypto.randomBytes(4).toString('hex')}`
    const ended = createTestOrganisation(`OPS Dawny ${earlier}`)
    const newcomer = createTestOrganisation(`OPS Nowy ${earlier}`)
    const seatId = seat(scene.bodyId, ended, undefined, undefined, '2000-01-01')
    endMembership({ bodyId: scene.bodyId, membershipId: seatId, toDate: '2010-12-31', actor: { userId: null, ip: null } })
    const url = `${members()}?bulk=1&q=${earlier}`
    // Today it sits on the team no more, so its box is offered.
    expect(box(await (await get(url, { cookie: cookies.convenor })).text(), ended)).not.toContain('disabled')
    const response = await post(url, form({ organisationId: [String(ended), String(newcomer)], role: 'member', start: 'teamStart' }), {
      cookie: cookies.convenor,
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(textOf(html)).toContain(`Te instytucje mają już miejsce w zespole w tym dniu: OPS Dawny ${earlier}`)
    expect(textOf(html)).not.toContain(`w tym dniu: OPS Nowy`)
    for (const id of [ended, newcomer]) expect(box(html, id)).toContain('checked=""')
  })

  it('is not for a signed-out visitor, a member of another team, or an officer of other teams', async () => {
    const body = () => form({ organisationId: [String(scene.organisations.other)], role: 'member', start: 'today' })
    const signedOut = await post(search(), body())
    expect(location(signedOut)).toMatch(/^\/login\?/)
    for (const who of ['outsider', 'otherOfficer'] as const) {
      expect((await post(search(), body(), { cookie: cookies[who] })).status, who).toBe(404)
      expect(textOf(await (await get(search(), { cookie: cookies[who] })).text()), who).not.toContain('Dodaj wiele instytucji naraz')
    }
  })
})
