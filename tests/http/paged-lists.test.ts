// Lists at the size of a region: /meetings, a team's page, the dashboard and the public
// portal show one page of at most 50 rows, upcoming meetings before past ones, past ones
// by year and month, and the portal lists teams, not meetings.
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, createTestAccount } from '#tests/support/accounts'
import { get, login, textOf } from '#tests/support/http'
import { createTestOrganisation } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createBody } from '~/models/body.server'
import { createMeeting } from '~/models/meeting.server'
import { BodySchema } from '~/schemas/body'
import { MeetingSchema } from '~/schemas/meeting'

const u = crypto.randomBytes(4).toString('hex')

function body(name: string, isPublic: boolean, convenorEmail?: string) {
  const organisation = createTestOrganisation(`Urząd Gminy Stronicowo ${u}`, { kind: 'city_hall' })
  const convenor = convenorEmail
    ? db
        .select({
          id: schema.users.id,
          email: schema.users.email,
          name: schema.users.name,
          role: schema.users.role,
          personId: schema.users.personId,
        })
        .from(schema.users)
        .where(eq(schema.users.email, convenorEmail))
        .get()!
    : null
  const input = BodySchema.parse({
    kind: 'working_group',
    name,
    conveningOrganisationId: String(organisation),
    isPublic: isPublic ? 'on' : undefined,
  })
  const result = createBody({ input, actor: SYSTEM_ACTOR, convenor })
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.id
}

function meeting(bodyId: number, topic: string, day: string, isPublic = false) {
  const input = MeetingSchema.parse({ topic, startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, isPublic: isPublic ? 'on' : undefined })
  return createMeeting({ bodyId, input, actor: SYSTEM_ACTOR }).id
}

const day = (year: number, month: number, n: number) => `${year}-${String(month).padStart(2, '0')}-${String(n).padStart(2, '0')}`
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))
/** The topics of the meetings linked from a page's tables, in order. */
const topicsIn = (html: string) =>
  [...html.matchAll(/<tr>[\s\S]*?<a [^>]*href="\/meetings\/\d+"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => textOf(m[1]!))
/** The section under the heading with this id, up to the next section. */
const section = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}-heading"`)
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start))
}

// 30 upcoming meetings in 2031 and 30 past ones: 10 in March 2019, 10 in June 2019, 10 in 2020.
const upcomingTopics = Array.from({ length: 30 }, (_, i) => `Nadchodzące ${u} nr ${String(i + 1).padStart(2, '0')}`)
const march2019 = Array.from({ length: 10 }, (_, i) => `Marcowe 2019 ${u} nr ${i + 1}`)
const june2019 = Array.from({ length: 10 }, (_, i) => `Czerwcowe 2019 ${u} nr ${i + 1}`)
const in2020 = Array.from({ length: 10 }, (_, i) => `Z roku 2020 ${u} nr ${i + 1}`)

const scene = {} as { bigBody: number; portalBody: number; dashboardBody: number; adminCookie: string; officerCookie: string }

beforeAll(async () => {
  scene.bigBody = body(`Zespół Duży ${u}`, false)
  upcomingTopics.forEach((topic, i) => meeting(scene.bigBody, topic, day(2031, 1 + Math.floor(i / 10), 1 + (i % 10))))
  march2019.forEach((topic, i) => meeting(scene.bigBody, topic, day(2019, 3, 1 + i)))
  june2019.forEach((topic, i) => meeting(scene.bigBody, topic, day(2019, 6, 1 + i)))
  in2020.forEach((topic, i) => meeting(scene.bigBody, topic, day(2020, 9, 1 + i)))

  scene.portalBody = body(`Grupa Portalowa Stronicowana ${u}`, true)
  meeting(scene.portalBody, `Jawne spotkanie portalu ${u}`, '2018-04-10', true)
  meeting(scene.portalBody, `Drugie jawne spotkanie portalu ${u}`, '2018-05-10', true)

  const officer = await createTestAccount({ role: 'officer', name: `Urzędniczka ${u}` })
  scene.dashboardBody = body(`Zespół Pulpitowy ${u}`, false, officer.email)
  for (let i = 1; i <= 8; i++) meeting(scene.dashboardBody, `Pulpitowe ${u} nr ${i}`, day(2030, 2, i))
  scene.adminCookie = await login(admin.email, admin.password)
  scene.officerCookie = await login(officer.email, officer.password)
})

async function page(path: string, cookie = scene.adminCookie) {
  const response = await get(path, { cookie })
  expect(response.status).toBe(200)
  return mainOf(await response.text())
}

describe('/meetings of a team with 60 meetings', () => {
  it('shows 50 on the first page: every upcoming one, soonest first, then the latest past ones, with totals', async () => {
    const html = await page(`/meetings?body=${scene.bigBody}`)
    const topics = topicsIn(html)
    expect(topics).toHaveLength(50)
    expect(topics.slice(0, 30)).toEqual(upcomingTopics.map((t, i) => `Spotkanie nr ${i + 1}: ${t}`))
    expect(topics.slice(30)).toEqual(
      [...in2020]
        .reverse()
        .concat([...june2019].reverse())
        .map((t) => expect.stringContaining(t)),
    )
    expect(textOf(html)).toContain('Nadchodzące spotkania (30)')
    expect(textOf(html)).toContain('Minione spotkania (30)')
    expect(textOf(section(html, 'upcoming'))).not.toContain('Marcowe')
    expect(html).toContain(`href="/meetings?body=${scene.bigBody}&amp;page=2"`)
  })

  it('shows the other 10 on the second page, all past, the earliest last', async () => {
    const html = await page(`/meetings?body=${scene.bigBody}&page=2`)
    const topics = topicsIn(html)
    expect(topics).toHaveLength(10)
    expect(topics).toEqual([...march2019].reverse().map((t) => expect.stringContaining(t)))
    expect(section(html, 'upcoming')).toBe('')
    expect(textOf(html)).toContain('Strona 2 z 2')
  })

  it('offers only the years that hold meetings, and a month of a year shows that month alone', async () => {
    const html = await page(`/meetings?body=${scene.bigBody}&year=2019&month=3`)
    const years = html.match(/<nav[^>]*aria-label="Spotkania według lat"[\s\S]*?<\/nav>/)![0]
    expect([...years.matchAll(/year=(\d{4})/g)].map((m) => m[1])).toEqual(['2031', '2020', '2019'])
    expect(years).toMatch(/aria-current="true"[^>]*year=2019"/)
    const months = html.match(/<nav[^>]*aria-label="Miesiące roku 2019"[\s\S]*?<\/nav>/)![0]
    expect(textOf(months)).toBe('marzec 2019 (10) czerwiec 2019 (10)')
    expect(months).toMatch(/aria-current="page"[^>]*month=3"/)
    expect(textOf(html)).toContain('Spotkania: marzec 2019 (10)')
    expect(topicsIn(html)).toEqual(march2019.map((t) => expect.stringContaining(t)))
  })

  it('shows a whole year in date order', async () => {
    const html = await page(`/meetings?body=${scene.bigBody}&year=2019`)
    expect(textOf(html)).toContain('Spotkania w roku 2019 (20)')
    expect(topicsIn(html)).toEqual([...march2019, ...june2019].map((t) => expect.stringContaining(t)))
  })
})

describe('the team filter of /meetings', () => {
  it('filters by the one team whose name matches, and offers a choice when several do', async () => {
    const one = await page(`/meetings?team=${encodeURIComponent(`Zespół Duży ${u}`)}&year=2019&month=3`)
    expect(topicsIn(one)).toEqual(march2019.map((t) => expect.stringContaining(t)))
    expect(one).toContain(`href="/bodies/${scene.bigBody}/calendar.ics"`)
    const several = await page(`/meetings?team=${u}`)
    const choice = several.slice(
      several.indexOf('id="teams-heading"'),
      several.indexOf('</section>', several.indexOf('id="teams-heading"')),
    )
    expect(textOf(choice)).toContain(`Zespoły pasujące do „${u}”`)
    expect(choice).toContain(`href="/meetings?body=${scene.bigBody}"`)
    expect(choice).toContain(`href="/meetings?body=${scene.portalBody}"`)
    // No page offers every team of the region to choose from.
    expect(several).not.toContain('<select')
  })
})

describe('a meeting just after midnight on the first of a month', () => {
  it('is counted and listed in its Warsaw month and year, in summer and in winter time', async () => {
    const bodyId = body(`Zespół Nocny ${u}`, false)
    for (const [topic, startsAt] of [
      [`Lipcowe o północy ${u}`, '2019-07-01T00:30'],
      [`Listopadowe o północy ${u}`, '2019-11-01T00:30'],
      [`Noworoczne o północy ${u}`, '2020-01-01T00:30'],
    ] as const) {
      createMeeting({
        bodyId,
        input: MeetingSchema.parse({ topic, startsAt, endsAt: startsAt.replace('00:30', '02:00') }),
        actor: SYSTEM_ACTOR,
      })
    }
    const year = await page(`/meetings?body=${bodyId}&year=2019`)
    expect(textOf(year.match(/<nav[^>]*aria-label="Miesiące roku 2019"[\s\S]*?<\/nav>/)![0])).toBe('lipiec 2019 (1) listopad 2019 (1)')
    expect(topicsIn(await page(`/meetings?body=${bodyId}&year=2019&month=7`))).toEqual([expect.stringContaining('Lipcowe')])
    expect(topicsIn(await page(`/meetings?body=${bodyId}&year=2019&month=11`))).toEqual([expect.stringContaining('Listopadowe')])
    const years = year.match(/<nav[^>]*aria-label="Spotkania według lat"[\s\S]*?<\/nav>/)![0]
    expect([...years.matchAll(/year=(\d{4})/g)].map((m) => m[1])).toEqual(['2020', '2019'])
    expect(topicsIn(await page(`/meetings?body=${bodyId}&year=2020`))).toEqual([expect.stringContaining('Noworoczne')])
  })
})

describe("a team's page with 60 meetings", () => {
  it('lists 50 on the first page, upcoming first, and the rest on the second', async () => {
    const first = await page(`/bodies/${scene.bigBody}`)
    expect(topicsIn(first)).toHaveLength(50)
    expect(topicsIn(first).slice(0, 30)).toEqual(upcomingTopics)
    expect(textOf(first)).toContain('Nadchodzące spotkania (30)')
    expect(textOf(first)).toContain('Odbyte spotkania (30)')
    const second = await page(`/bodies/${scene.bigBody}?page=2`)
    expect(topicsIn(second)).toEqual([...march2019].reverse())
  })
})

describe('the dashboard', () => {
  it("shows the next 5 of a convenor's 8 upcoming meetings and says how many there are", async () => {
    const text = textOf(await page('/', scene.officerCookie))
    const shown = Array.from({ length: 8 }, (_, i) => `Pulpitowe ${u} nr ${i + 1}`).filter((topic) => text.includes(`${topic} —`))
    expect(shown).toEqual(Array.from({ length: 5 }, (_, i) => `Pulpitowe ${u} nr ${i + 1}`))
    expect(text).toContain('Pokazano 5 z 8 nadchodzących spotkań w Twoich zespołach.')
  })
})

describe('the public portal', () => {
  it('lists a public team with its counts and latest year, not its meetings', async () => {
    const html = await page('/', '')
    const text = textOf(html)
    expect(text).toMatch(/Zespoły \(\d+\)/)
    expect(text).toContain(`Grupa Portalowa Stronicowana ${u}`)
    expect(text).toContain('Spotkania publiczne: 2, opublikowane notatki: 0.')
    expect(html).toContain(`href="/bodies/${scene.portalBody}/years/2018"`)
    expect(html).toContain(`aria-label="2018 — Grupa Portalowa Stronicowana ${u}"`)
    expect(text).not.toContain(`Jawne spotkanie portalu ${u}`)
    expect(text).not.toContain(`Zespół Duży ${u}`)
  })

  it("shows the year's meetings on the year page, and the team's years on its page", async () => {
    const year = textOf(await page(`/bodies/${scene.portalBody}/years/2018`, ''))
    expect(year).toContain(`Jawne spotkanie portalu ${u}`)
    expect(year).toContain(`Drugie jawne spotkanie portalu ${u}`)
    const team = await page(`/bodies/${scene.portalBody}`, '')
    expect(team).toContain(`href="/bodies/${scene.portalBody}/years/2018"`)
  })
})
