import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/auth/session.server'
import { admin, member, officer, type Account } from '#tests/support/accounts'
import { get, inputValue, location, login, post, textOf } from '#tests/support/http'

type Who = 'visitor' | 'outsider' | 'member' | 'officer' | 'admin'
/** 200, 404, or a redirect to /login (and back). */
type Expected = 200 | 404 | 'login'
const everyone: Who[] = ['visitor', 'outsider', 'member', 'officer', 'admin']

const cookies: Partial<Record<Who, string>> = {}
const ids = { privateBody: 0, publicBody: 0, otherBody: 0, mopsTarnow: 0, wrona: 0, stranger: 0, privateMeeting: 0, publicMeeting: 0 }
const suffix = crypto.randomUUID().slice(0, 8)
const names = {
  privateBody: `Zespół doradczy ds. osób bezrobotnych ${suffix}`,
  publicBody: `Grupa robocza ds. współpracy OPS/PCPR–PUP ${suffix}`,
  otherBody: `Zespół innej gminy ${suffix}`,
  publicMeeting: `Współpraca OPS i PUP w praktyce ${suffix}`,
  privateMeeting: `Spotkanie robocze tylko dla członków ${suffix}`,
}

/**
 * Test data written straight into the server's database through the models: a private body
 * the demo member's institution (MOPS Tarnów) sits on and the demo officer convenes, a public
 * body with one public and one private meeting, and a private body of another institution
 * whose delegate is the „outsider”.
 */
async function seedBodies(): Promise<Account> {
  const { db, schema } = await import('~/db.server')
  const { createBody } = await import('~/models/body.server')
  const { addMembership } = await import('~/models/membership.server')
  const { createMeeting } = await import('~/models/meeting.server')
  const { createOrganisation } = await import('~/models/organisation.server')
  const { createPerson } = await import('~/models/person.server')
  const { createUser } = await import('~/models/user.server')
  const { BodySchema, MembershipSchema } = await import('~/schemas/body')
  const { MeetingSchema } = await import('~/schemas/meeting')
  const actor = { userId: null, ip: null }

  const sessionUser = (email: string): SessionUser => {
    const row = db
      .select({
        id: schema.users.id,
        email: schema.users.email,
        name: schema.users.name,
        role: schema.users.role,
        personId: schema.users.personId,
      })
      .from(schema.users)
      .where(eq(schema.users.email, email))
      .get()
    if (!row) throw new Error(`No account ${email}`)
    return row
  }
  const orgId = (name: string) =>
    db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.name, name)).get()!.id
  const umKatowice = orgId('Urząd Miasta Katowice')
  ids.mopsTarnow = orgId('Miejski Ośrodek Pomocy Społecznej w Tarnowie')
  ids.wrona = sessionUser(member.email).personId!
  const convenor = sessionUser(officer.email)

  const body = (name: string, isPublic: boolean) => {
    const input = BodySchema.parse({
      kind: 'advisory_team',
      name,
      conveningOrganisationId: String(umKatowice),
      ...(isPublic ? { isPublic: 'on' } : {}),
    })
    const saved = createBody({ input, actor, convenor })
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
    return saved.id
  }
  ids.privateBody = body(names.privateBody, false)
  ids.publicBody = body(names.publicBody, true)
  ids.otherBody = body(names.otherBody, false)
  addMembership({
    bodyId: ids.privateBody,
    input: MembershipSchema.parse({ organisationId: ids.mopsTarnow, delegatePersonId: ids.wrona, role: 'chair', fromDate: '2020-01-01' }),
    actor,
  })
  addMembership({
    bodyId: ids.publicBody,
    input: MembershipSchema.parse({ organisationId: ids.mopsTarnow, delegatePersonId: ids.wrona, role: 'member', fromDate: '2020-01-01' }),
    actor,
  })
  // Only the private body keeps MOPS Tarnów's seat today; on the public one it ended.
  const { endMembership, listMemberships } = await import('~/models/membership.server')
  endMembership({ bodyId: ids.publicBody, membershipId: listMemberships({ bodyId: ids.publicBody })[0]!.id, toDate: '2020-12-31', actor })

  const delegate = createPerson({ input: { name: `Anna Delegatka ${suffix}`, organisationId: umKatowice }, actor })
  if (!delegate.ok) throw new Error('person')
  addMembership({
    bodyId: ids.publicBody,
    input: MembershipSchema.parse({ organisationId: umKatowice, delegatePersonId: delegate.id, role: 'chair', fromDate: '2020-01-01' }),
    actor,
  })

  const meeting = (topic: string, isPublic: boolean) =>
    createMeeting({
      bodyId: ids.publicBody,
      input: MeetingSchema.parse({
        topic,
        startsAt: '2099-05-16T13:00',
        endsAt: '2099-05-16T15:00',
        venueName: 'Sala konferencyjna MOPS',
        ...(isPublic ? { isPublic: 'on' } : {}),
      }),
      actor,
    }).id
  ids.publicMeeting = meeting(names.publicMeeting, true)
  ids.privateMeeting = meeting(names.privateMeeting, false)

  const other = createOrganisation({ input: { name: `Fundacja Inna ${suffix}`, kind: 'ngo', municipalityCode: '2469011' }, actor })
  if (!other.ok) throw new Error('organisation')
  const stranger = createPerson({ input: { name: `Zofia Obca ${suffix}`, organisationId: other.id }, actor })
  if (!stranger.ok) throw new Error('person')
  ids.stranger = stranger.id
  addMembership({
    bodyId: ids.otherBody,
    input: MembershipSchema.parse({ organisationId: other.id, delegatePersonId: stranger.id, role: 'member', fromDate: '2020-01-01' }),
    actor,
  })
  const account = {
    email: `outsider-${suffix}@narada.test`,
    password: `haslo-${suffix}-2026`,
    role: 'member' as const,
    name: `Zofia Obca ${suffix}`,
  }
  const saved = await createUser({
    fields: { email: account.email, name: account.name, role: 'member', personId: stranger.id },
    password: account.password,
    actor: null,
  })
  if (!saved.ok) throw new Error('account')
  return account
}

beforeAll(async () => {
  const outsider = await seedBodies()
  const accounts: Record<Exclude<Who, 'visitor'>, Account> = { outsider, member, officer, admin }
  for (const [who, account] of Object.entries(accounts)) cookies[who as Who] = await login(account.email, account.password)
})

function mainText(html: string): string {
  return textOf(html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '')
}

describe('who may open which body page', () => {
  // :private, :public, :other and :mops stand for ids that exist only after beforeAll.
  const table: [path: string, ...expected: Expected[]][] = [
    //                                                     visitor  outsider member officer admin
    ['/bodies', 200, 200, 200, 200, 200],
    ['/bodies/new', 'login', 404, 404, 200, 200],
    ['/bodies/:private', 404, 404, 200, 200, 200],
    ['/bodies/:private/edit', 'login', 404, 404, 200, 200],
    ['/bodies/:private/members', 'login', 404, 200, 200, 200],
    ['/bodies/:private/people-options?organisationId=:mops', 'login', 404, 404, 200, 200],
    ['/bodies/:public', 200, 200, 200, 200, 200],
    ['/bodies/:public/edit', 'login', 404, 404, 200, 200],
    ['/bodies/:public/members', 'login', 404, 404, 200, 200],
    ['/bodies/:other', 404, 200, 404, 200, 200],
    ['/bodies/:other/members', 'login', 200, 404, 200, 200],
    ['/bodies/999999', 404, 404, 404, 404, 404],
    ['/bodies/999999/members', 'login', 404, 404, 404, 404],
    ['/bodies/abc', 404, 404, 404, 404, 404],
  ]
  const resolve = (path: string) =>
    path
      .replace(':private', String(ids.privateBody))
      .replace(':public', String(ids.publicBody))
      .replace(':other', String(ids.otherBody))
      .replace(':mops', String(ids.mopsTarnow))
  const cases = table.flatMap(([path, ...expected]) => everyone.map((who, i) => ({ path, who, expected: expected[i]! })))

  it.each(cases)('$who: GET $path → $expected', async ({ path: template, who, expected }) => {
    const path = resolve(template)
    const response = await get(path, { cookie: cookies[who] })
    const body = await response.text()
    if (expected === 'login') {
      expect(response.status).toBe(302)
      expect(location(response)).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`)
    } else {
      expect(response.status, mainText(body).slice(0, 300)).toBe(expected)
      // A resource route answers a bare 404; a page shows the same „not found” page as ever.
      if (expected === 404 && !path.includes('people-options')) expect(mainText(body)).toContain('Nie znaleziono strony')
    }
  })

  it('answers a private body exactly like a missing one', async () => {
    const forbidden = await get(`/bodies/${ids.privateBody}`, { cookie: cookies.outsider })
    const missing = await get('/bodies/999999', { cookie: cookies.outsider })
    expect(forbidden.status).toBe(404)
    expect(mainText(await forbidden.text())).toBe(mainText(await missing.text()))
  })

  it.each([
    ['visitor', 'login'],
    ['outsider', 404],
    ['member', 404],
  ] as const)('refuses changes from %s', async (who, expected) => {
    const attempts = [
      [`/bodies/${ids.privateBody}`, { intent: 'close' }],
      [`/bodies/${ids.privateBody}/edit`, { kind: 'advisory_team', name: 'Przejęty', conveningOrganisationId: String(ids.mopsTarnow) }],
      [
        `/bodies/${ids.privateBody}/members`,
        { intent: 'add-membership', organisationId: String(ids.mopsTarnow), role: 'member', fromDate: '2030-01-01' },
      ],
      ['/bodies/new', { kind: 'advisory_team', name: 'Nowy', conveningOrganisationId: String(ids.mopsTarnow) }],
    ] as const
    for (const [path, form] of attempts) {
      const response = await post(path, form, { cookie: cookies[who] })
      if (expected === 'login') expect(location(response), path).toMatch(/^\/login\?/)
      else expect(response.status, path).toBe(404)
    }
    const page = await (await get(`/bodies/${ids.privateBody}`, { cookie: cookies.officer })).text()
    expect(mainText(page)).not.toContain('Przejęty')
    expect(mainText(page)).not.toContain('zakończył działalność')
  })
})

describe('what each visitor sees', () => {
  it('lists public bodies to a visitor, and private ones only to their insiders', async () => {
    const visitor = mainText(await (await get('/bodies')).text())
    expect(visitor).toContain(names.publicBody)
    expect(visitor).not.toContain(names.privateBody)
    expect(visitor).not.toContain(names.otherBody)
    expect(visitor).not.toContain('Nowy zespół')
    const memberList = mainText(await (await get('/bodies', { cookie: cookies.member })).text())
    expect(memberList).toContain(names.privateBody)
    expect(memberList).not.toContain(names.otherBody)
    const officerList = await (await get('/bodies', { cookie: cookies.officer })).text()
    expect(mainText(officerList)).toContain('Nowy zespół')
  })

  it('shows a visitor only the public part of a public body: no delegates, no private meetings', async () => {
    const html = await (await get(`/bodies/${ids.publicBody}`)).text()
    const text = mainText(html)
    expect(text).toContain(names.publicBody)
    expect(text).toContain('Zespół doradczy')
    expect(text).toContain(names.publicMeeting)
    expect(text).toContain('16.05.2099 r., godz. 13:00–15:00')
    expect(text).not.toContain(names.privateMeeting)
    // The member institutions are public; the people they delegate are not.
    expect(text).toContain('Urząd Miasta Katowice')
    expect(text).toContain('przewodniczący')
    expect(text).not.toContain(`Anna Delegatka ${suffix}`)
    expect(text).not.toContain('urzednik@narada.local')
    expect(html).toContain(`href="/bodies/${ids.publicBody}/calendar.ics"`)
    expect(html).not.toContain(`href="/bodies/${ids.publicBody}/members"`)
    expect(html).not.toContain('Zaplanuj spotkanie')
  })

  it('shows the convenor the private meetings, the officers’ addresses and the management links', async () => {
    const html = await (await get(`/bodies/${ids.publicBody}`, { cookie: cookies.officer })).text()
    const text = mainText(html)
    expect(text).toContain(names.privateMeeting)
    expect(text).toContain(`Anna Delegatka ${suffix}`)
    expect(text).toContain('urzednik@narada.local')
    expect(html).toContain(`href="/bodies/${ids.publicBody}/meetings/new"`)
    expect(text).toContain('Zaplanuj spotkanie')
  })

  it('shows a member their team’s delegates and its full membership history', async () => {
    const overview = mainText(await (await get(`/bodies/${ids.privateBody}`, { cookie: cookies.member })).text())
    expect(overview).toContain('Miejski Ośrodek Pomocy Społecznej w Tarnowie')
    expect(overview).toContain('Jakub Wrona')
    expect(overview).toContain('przewodniczący')
    expect(overview).not.toContain('Zaplanuj spotkanie')
    const members = await (await get(`/bodies/${ids.publicBody}/members`, { cookie: cookies.officer })).text()
    // The ended seat stays in the history with its dates.
    expect(mainText(members)).toContain('01.01.2020 r.')
    expect(mainText(members)).toContain('31.12.2020 r.')
    expect(mainText(members)).toContain('zakończone')
    const asMember = await (await get(`/bodies/${ids.privateBody}/members`, { cookie: cookies.member })).text()
    expect(mainText(asMember)).toContain('Jakub Wrona')
    expect(asMember).not.toContain('Dodaj do składu')
  })
})

describe('creating a body through the form', () => {
  it('answers errors in Polish next to the fields, keeps the input, then saves and shows the money in Polish', async () => {
    const name = `Grupa robocza projektu „Fachowa siła przyszłością dla rodziny” ${suffix}`
    const bad = await post(
      '/bodies/new',
      {
        kind: 'working_group',
        name: '',
        conveningOrganisationId: '',
        projectName: 'Fachowa siła przyszłością dla rodziny',
        projectTotalValue: 'dziewięćset tysięcy',
        projectEuFunding: '876 150,00',
      },
      { cookie: cookies.officer },
    )
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toMatch(/id="[^"]*-name-error"[^>]*>To pole jest wymagane\./)
    expect(html).toMatch(/id="[^"]*-conveningOrganisationId-error"[^>]*>Wybierz instytucję z listy\./)
    expect(html).toMatch(/id="[^"]*-projectTotalValue-error"[^>]*>Podaj kwotę w złotych, np\. 904 150,00\./)
    expect(inputValue(html, 'projectName')).toBe('Fachowa siła przyszłością dla rodziny')
    expect(inputValue(html, 'projectTotalValue')).toBe('dziewięćset tysięcy')

    const over = await post(
      '/bodies/new',
      {
        kind: 'working_group',
        name,
        conveningOrganisationId: String(ids.mopsTarnow),
        projectName: 'P',
        projectTotalValue: '100',
        projectEuFunding: '200',
      },
      { cookie: cookies.officer },
    )
    expect(over.status).toBe(400)
    expect(mainText(await over.text())).toContain('Dofinansowanie nie może przekraczać wartości projektu.')

    const saved = await post(
      '/bodies/new',
      {
        kind: 'working_group',
        name,
        mandate: 'Wypracowanie modelu współpracy OPS i PUP.',
        conveningOrganisationId: String(ids.mopsTarnow),
        umbrella: 'Regionalna Platforma Współpracy przy ROPS w Krakowie',
        projectName: 'Fachowa siła przyszłością dla rodziny',
        projectProgramme: 'Program Operacyjny Wiedza Edukacja Rozwój',
        projectNumber: 'POWR.04.01.00-IZ.00-00-004/16',
        projectTotalValue: '904 150,00',
        projectEuFunding: '876 150,00',
      },
      { cookie: cookies.officer },
    )
    expect(saved.status).toBe(302)
    const path = location(saved)!
    expect(path).toMatch(/^\/bodies\/\d+$/)
    const page = mainText(await (await get(path, { cookie: cookies.officer })).text())
    expect(page).toContain(name)
    expect(page).toContain('Grupa robocza')
    expect(page).toContain('904 150,00 zł')
    expect(page).toContain('876 150,00 zł')
    expect(page).toContain('POWR.04.01.00-IZ.00-00-004/16')
    expect(page).toContain('Gizela Przeor — koordynator')
    expect(page).toContain('niepubliczny')
    // Private by default: a visitor cannot find it.
    expect((await get(path)).status).toBe(404)

    const edit = await (await get(`${path}/edit`, { cookie: cookies.officer })).text()
    expect(inputValue(edit, 'projectTotalValue')).toBe('904150,00')
  })
})

describe('the members page', () => {
  it('reloads the people of a chosen institution without JavaScript, keeping the input and showing no error', async () => {
    const response = await post(
      `/bodies/${ids.privateBody}/members`,
      { intent: 'add-membership', organisationId: String(ids.mopsTarnow), role: 'secretary', fromDate: '', showPeople: '1' },
      { cookie: cookies.officer },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(new RegExp(`<option value="${ids.wrona}">Jakub Wrona</option>`))
    expect(html).not.toContain('To pole jest wymagane.')
    expect(html).not.toContain('Formularz zawiera błędy')
  })

  it('gives the people of an institution as JSON to the form’s fetcher', async () => {
    const response = await get(`/bodies/${ids.privateBody}/people-options?organisationId=${ids.mopsTarnow}`, { cookie: cookies.officer })
    expect(response.headers.get('content-type')).toContain('application/json')
    const { people } = (await response.json()) as { people: { id: number; name: string }[] }
    expect(people.map((p) => p.name)).toContain('Jakub Wrona')
    expect(people.map((p) => p.id)).not.toContain(ids.stranger)
  })

  it('refuses a delegate from another institution and an overlapping seat, in Polish', async () => {
    const wrongPerson = await post(
      `/bodies/${ids.privateBody}/members`,
      {
        intent: 'add-membership',
        organisationId: String(ids.mopsTarnow),
        delegatePersonId: String(ids.stranger),
        role: 'member',
        fromDate: '2030-01-01',
      },
      { cookie: cookies.officer },
    )
    expect(wrongPerson.status).toBe(400)
    const html = await wrongPerson.text()
    expect(html).toMatch(/id="[^"]*-delegatePersonId-error"[^>]*>Ta osoba nie reprezentuje wybranej instytucji\./)
    const overlapping = await post(
      `/bodies/${ids.privateBody}/members`,
      { intent: 'add-membership', organisationId: String(ids.mopsTarnow), role: 'member', fromDate: '2030-01-01' },
      { cookie: cookies.officer },
    )
    expect(overlapping.status).toBe(400)
    expect(mainText(await overlapping.text())).toContain('Ta instytucja jest już członkiem zespołu w tym okresie.')
  })

  it('lets an administrator name a secretary, who then manages the body', async () => {
    const { db, schema } = await import('~/db.server')
    const { createUser } = await import('~/models/user.server')
    const email = `sekretarz-${suffix}@narada.test`
    const password = `haslo-${suffix}-sekretarz`
    const created = await createUser({ fields: { email, name: `Sekretarz ${suffix}`, role: 'officer' }, password, actor: null })
    if (!created.ok) throw new Error('account')
    const secretary = await login(email, password)
    expect((await get(`/bodies/${ids.otherBody}/edit`, { cookie: secretary })).status).toBe(404)
    const added = await post(
      `/bodies/${ids.otherBody}/members`,
      { intent: 'add-officer', userId: String(created.id), role: 'secretary' },
      { cookie: cookies.admin },
    )
    expect(added.status).toBe(302)
    expect((await get(`/bodies/${ids.otherBody}/edit`, { cookie: secretary })).status).toBe(200)
    const audit = db
      .select({ action: schema.auditLog.action, actor: schema.auditLog.actorUserId })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, String(ids.otherBody)))
      .all()
    expect(audit.map((r) => r.action)).toContain('body.officerAdded')
    const removed = await post(
      `/bodies/${ids.otherBody}/members`,
      { intent: 'remove-officer', userId: String(created.id) },
      { cookie: cookies.admin },
    )
    expect(removed.status).toBe(302)
    expect((await get(`/bodies/${ids.otherBody}/edit`, { cookie: secretary })).status).toBe(404)
  })
})
