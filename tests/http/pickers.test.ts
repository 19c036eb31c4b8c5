import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { officer as demoOfficer } from '#tests/support/accounts'
import { get, login, post, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
type Who = 'member' | 'otherOfficer' | 'convenor'

let scene: Scene
let mopsName = ''
let pupName = ''
const cookies: Partial<Record<Who, string>> = {}

beforeAll(async () => {
  scene = await createInvitationScene()
  const { db, schema } = await import('~/db.server')
  const nameOf = (id: number) =>
    db.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, id)).get()!.name
  mopsName = nameOf(scene.organisations.mops)
  pupName = nameOf(scene.organisations.pup)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.otherOfficer = await login(demoOfficer.email, demoOfficer.password)
  cookies.convenor = await login(scene.accounts.officer.email, scene.accounts.officer.password)
})

/** The institution's own word (its name ends in a unique tag), folded as a user might type it. */
const tagOf = (name: string) => name.split(' ').at(-1)!

async function search(path: string, who?: Who) {
  const response = await get(path, { cookie: who ? cookies[who] : undefined })
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() }
}

describe('search routes of the pickers', () => {
  it('answer the meeting’s officer with JSON: people found without diacritics, at most 20', async () => {
    const q = new URLSearchParams({ q: `lecka ${tagOf(mopsName)}`, meeting: String(scene.meetingId) })
    const answer = await search(`/search/people?${q}`, 'convenor')
    expect(answer.status).toBe(200)
    expect(answer.type).toContain('application/json')
    const { options } = JSON.parse(answer.body) as { options: { value: string; label: string }[] }
    expect(options).toEqual([{ value: String(scene.people.mopsDelegate), label: `Anna Łęcka — ${mopsName}` }])
    const broad = JSON.parse((await search(`/search/people?q=a&meeting=${scene.meetingId}`, 'convenor')).body) as { options: unknown[] }
    expect(broad.options.length).toBeLessThanOrEqual(20)
  })

  it('answer the team’s officer with institutions, and the owner picker with institutions and people', async () => {
    const q = `osrodek ${tagOf(mopsName)}`
    const organisations = await search(`/search/organisations?${new URLSearchParams({ q, body: String(scene.bodyId) })}`, 'convenor')
    expect(organisations.status).toBe(200)
    expect((JSON.parse(organisations.body) as { options: { value: string }[] }).options.map((o) => o.value)).toEqual([
      String(scene.organisations.mops),
    ])
    const owners = await search(`/search/owners?${new URLSearchParams({ q, meeting: String(scene.meetingId) })}`, 'convenor')
    expect((JSON.parse(owners.body) as { options: { value: string }[] }).options.map((o) => o.value)).toEqual(
      expect.arrayContaining([`organisation:${scene.organisations.mops}`, `person:${scene.people.mopsDelegate}`]),
    )
  })

  it('answer 404 to a signed-out visitor, a member, an officer of other teams, and without a scope', async () => {
    const q = `q=lecka&meeting=${scene.meetingId}`
    for (const who of [undefined, 'member', 'otherOfficer'] as const) {
      expect((await search(`/search/people?${q}`, who)).status, who ?? 'visitor').toBe(404)
      expect((await search(`/search/owners?${q}`, who)).status, who ?? 'visitor').toBe(404)
      expect((await search(`/search/organisations?q=osrodek&body=${scene.bodyId}`, who)).status, who ?? 'visitor').toBe(404)
    }
    expect((await search('/search/organisations?q=osrodek&directory=1', 'otherOfficer')).status).toBe(200)
    for (const who of [undefined, 'member'] as const)
      expect((await search('/search/organisations?q=osrodek&directory=1', who)).status, who ?? 'visitor').toBe(404)
    expect((await search('/search/people?q=lecka', 'convenor')).status).toBe(404)
    expect((await search('/search/people?q=lecka&meeting=abc', 'convenor')).status).toBe(404)
  })
})

describe('search, then choose, without JavaScript', () => {
  it('sends the invitation form back with the matches to choose from, then invites the one chosen', async () => {
    const path = `/meetings/${scene.meetingId}/invitations`
    const before = await (await get(path, { cookie: cookies.convenor })).text()
    // The page holds no directory: a person of another team is nowhere on it.
    expect(before).not.toContain('Ołeksandra Obca')
    const form = { intent: 'add-person', search: 'personId', 'personId-query': `obca ${tagOf(mopsName)}` }
    const none = await post(path, form, { cookie: cookies.convenor })
    expect(none.status).toBe(200)
    expect(textOf(await none.text())).toContain(`Nic nie znaleziono dla „obca ${tagOf(mopsName)}”.`)

    const step = await post(path, { ...form, 'personId-query': `łęcka ${tagOf(mopsName)}` }, { cookie: cookies.convenor })
    expect(step.status).toBe(200)
    const html = await step.text()
    expect(html).toContain(`type="radio" name="personId" value="${scene.people.mopsDelegate}"`)
    expect(textOf(html)).toContain(`Anna Łęcka — ${mopsName}`)
    expect(html).toContain(`value="łęcka ${tagOf(mopsName)}"`)

    const saved = await post(path, { intent: 'add-person', personId: String(scene.people.mopsDelegate) }, { cookie: cookies.convenor })
    expect(saved.status).toBe(302)
    const after = textOf(await (await get(path, { cookie: cookies.convenor })).text())
    expect(after).toContain('Anna Łęcka')
  })

  it('keeps the agenda item typed and the speakers chosen while searching for another', async () => {
    const path = `/meetings/${scene.meetingId}/agenda`
    const body = new URLSearchParams({ intent: 'add', day: '2031-05-16', kind: 'presentation', title: 'Oferta dla rodzin' })
    body.append('speakerIds', String(scene.people.mopsDelegate))
    body.append('search', 'speakerIds')
    body.append('speakerIds-query', `zdzblo ${tagOf(pupName)}`)
    const step = await post(path, body, { cookie: cookies.convenor })
    expect(step.status).toBe(200)
    const html = await step.text()
    expect(html).toContain('value="Oferta dla rodzin"')
    const box = (id: number) => html.match(new RegExp(`<input[^>]*name="speakerIds"[^>]*value="${id}"[^>]*>`))?.[0] ?? ''
    expect(box(scene.people.mopsDelegate)).toContain('type="checkbox"')
    expect(box(scene.people.mopsDelegate)).toContain('checked')
    expect(box(scene.people.pupDelegate)).toContain('type="checkbox"')
    expect(box(scene.people.pupDelegate)).not.toContain('checked')
    expect(textOf(html)).toContain(`Anna Łęcka — ${mopsName}`)
  })

  it('moves a person to another institution found by search, keeping the name typed', async () => {
    const path = `/people/${scene.people.mopsDeputy}/edit`
    const page = await (await get(path, { cookie: cookies.convenor })).text()
    expect(textOf(page)).toContain(mopsName)
    // No list of institutions: another one of the directory is nowhere on the page.
    expect(page).not.toContain(pupName)
    const step = await post(
      path,
      {
        name: 'Żaneta Przeniesiona',
        organisationId: String(scene.organisations.mops),
        search: 'organisationId',
        'organisationId-query': `urzad pracy ${tagOf(pupName)}`,
      },
      { cookie: cookies.convenor },
    )
    expect(step.status).toBe(200)
    const html = await step.text()
    expect(html).toContain('value="Żaneta Przeniesiona"')
    expect(html).toMatch(new RegExp(`<input[^>]*type="radio"[^>]*name="organisationId"[^>]*value="${scene.organisations.pup}"`))
    const saved = await post(
      path,
      { name: 'Żaneta Przeniesiona', organisationId: String(scene.organisations.pup) },
      { cookie: cookies.convenor },
    )
    expect(saved.headers.get('location')).toBe(`/organisations/${scene.organisations.pup}`)
  })
})
