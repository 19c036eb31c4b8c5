import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/auth/session.server'
import { admin, member, officer, type Account } from '#tests/support/accounts'
import { cookieHeader, get, inputValue, location, login, post, textOf } from '#tests/support/http'

type Who = 'visitor' | 'outsider' | 'member' | 'officer' | 'admin'
/** 200, 404, or a redirect to /login (and back). */
type Expected = 200 | 404 | 'login'
const everyone: Who[] = ['visitor', 'outsider', 'member', 'officer', 'admin']

const cookies: Partial<Record<Who, string>> = {}
const suffix = crypto.randomUUID().slice(0, 8)
const ids = {
  privateBody: 0,
  publicBody: 0,
  otherBody: 0,
  privateMeeting: 0,
  publicMeeting: 0,
  otherMeeting: 0,
  speaker: 0,
  moderator: 0,
  firstItem: 0,
}
const names = {
  privateBody: `Zespół ds. bezrobotnych ${suffix}`,
  publicBody: `Grupa robocza ds. współpracy OPS–PUP ${suffix}`,
  otherBody: `Zespół innej gminy ${suffix}`,
  dstMeeting: `Wiosenne warsztaty ${suffix}`,
  publicMeeting: `Otwarte spotkanie ${suffix}`,
  otherMeeting: `Spotkanie innej gminy ${suffix}`,
}

/**
 * Test data written into the server's database through the models: a private body that
 * the demo member's institution sits on, holding a two-day meeting across the spring clock
 * change; a public body with a public meeting; a private body of another institution whose
 * delegate is the „outsider”. The demo officer convenes the first two only.
 */
async function seed(): Promise<Account> {
  const { db, schema } = await import('~/db.server')
  const { createBody } = await import('~/models/body.server')
  const { addMembership } = await import('~/models/membership.server')
  const { createMeeting } = await import('~/models/meeting.server')
  const { addAgendaItem } = await import('~/models/agenda.server')
  const { createOrganisation } = await import('~/models/organisation.server')
  const { createPerson } = await import('~/models/person.server')
  const { createUser } = await import('~/models/user.server')
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
  const memberUser = sessionUser(member.email)
  const memberOrganisation = db
    .select({ id: schema.people.organisationId })
    .from(schema.people)
    .where(eq(schema.people.id, memberUser.personId!))
    .get()!.id
  const convening = createOrganisation({
    input: { name: `Urząd Miasta Wodzisław Śląski ${suffix}`, kind: 'city_hall', municipalityCode: '2415011' },
    actor,
  })
  const other = createOrganisation({ input: { name: `Fundacja Inna ${suffix}`, kind: 'ngo', municipalityCode: '2469011' }, actor })
  if (!convening.ok || !other.ok) throw new Error('organisations')

  const body = (name: string, isPublic: boolean, convenor: SessionUser | null) => {
    const saved = createBody({ input: { kind: 'working_group', name, conveningOrganisationId: convening.id, isPublic }, actor, convenor })
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
    return saved.id
  }
  const convenor = sessionUser(officer.email)
  ids.privateBody = body(names.privateBody, false, convenor)
  ids.publicBody = body(names.publicBody, true, convenor)
  ids.otherBody = body(names.otherBody, false, null)
  addMembership({
    bodyId: ids.privateBody,
    input: { organisationId: memberOrganisation, delegatePersonId: memberUser.personId!, role: 'member', fromDate: '2020-01-01' },
    actor,
  })

  ids.privateMeeting = createMeeting({
    bodyId: ids.privateBody,
    input: {
      topic: names.dstMeeting,
      startsAt: '2025-03-29T09:00',
      endsAt: '2025-03-30T15:00',
      venueName: 'MOPS Wodzisław Śląski',
      venueAddress: 'ul. Daszyńskiego 3',
      isPublic: false,
    },
    actor,
  }).id
  ids.publicMeeting = createMeeting({
    bodyId: ids.publicBody,
    input: { topic: names.publicMeeting, startsAt: '2099-05-16T13:00', endsAt: '2099-05-16T15:00', isPublic: true },
    actor,
  }).id
  ids.otherMeeting = createMeeting({
    bodyId: ids.otherBody,
    input: { topic: names.otherMeeting, startsAt: '2099-06-01T10:00', endsAt: '2099-06-01T12:00', isPublic: true },
    actor,
  }).id

  const speaker = createPerson({ input: { name: `Łucja Źdźbło ${suffix}`, position: 'Dyrektor', organisationId: convening.id }, actor })
  const moderator = createPerson({ input: { name: `Jerzy Moderator ${suffix}`, organisationId: other.id }, actor })
  if (!speaker.ok || !moderator.ok) throw new Error('people')
  ids.speaker = speaker.id
  ids.moderator = moderator.id
  const first = addAgendaItem({
    meetingId: ids.privateMeeting,
    input: {
      day: '2025-03-29',
      startTime: '09:00',
      endTime: '09:30',
      kind: 'opening',
      title: `Otwarcie ${suffix}`,
      speakerIds: [speaker.id],
    },
    actor,
  })
  if (!first.ok) throw new Error('agenda')
  ids.firstItem = first.id
  addAgendaItem({
    meetingId: ids.privateMeeting,
    input: {
      day: '2025-03-30',
      startTime: '13:00',
      endTime: '15:00',
      kind: 'group_work',
      title: `Praca w grupach ${suffix}`,
      speakerIds: [],
      moderatorPersonId: moderator.id,
    },
    actor,
  })

  const stranger = createPerson({ input: { name: `Zofia Obca ${suffix}`, organisationId: other.id }, actor })
  if (!stranger.ok) throw new Error('person')
  addMembership({
    bodyId: ids.otherBody,
    input: { organisationId: other.id, delegatePersonId: stranger.id, role: 'member', fromDate: '2020-01-01' },
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
  const outsider = await seed()
  const accounts: Record<Exclude<Who, 'visitor'>, Account> = { outsider, member, officer, admin }
  for (const [who, account] of Object.entries(accounts)) cookies[who as Who] = await login(account.email, account.password)
})

function mainText(html: string): string {
  return textOf(html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '')
}

const resolve = (path: string) =>
  path
    .replace(':privateBody', String(ids.privateBody))
    .replace(':publicBody', String(ids.publicBody))
    .replace(':otherBody', String(ids.otherBody))
    .replace(':private', String(ids.privateMeeting))
    .replace(':public', String(ids.publicMeeting))
    .replace(':other', String(ids.otherMeeting))

describe('who may open which meeting page', () => {
  const table: [path: string, ...expected: Expected[]][] = [
    //                                              visitor  outsider member officer admin
    ['/meetings/:private', 404, 404, 200, 200, 200],
    ['/meetings/:private/agenda', 404, 404, 200, 200, 200],
    ['/meetings/:private/agenda?edit=0', 404, 404, 200, 200, 200],
    ['/meetings/:private/edit', 'login', 404, 404, 200, 200],
    ['/bodies/:privateBody/meetings/new', 'login', 404, 404, 200, 200],
    ['/bodies/:privateBody/meetings/new?next=1', 'login', 404, 404, 200, 200],
    ['/meetings/:public', 200, 200, 200, 200, 200],
    ['/meetings/:public/agenda', 200, 200, 200, 200, 200],
    ['/meetings/:public/edit', 'login', 404, 404, 200, 200],
    ['/bodies/:publicBody/meetings/new', 'login', 404, 404, 200, 200],
    // A public meeting of a private body stays private; its own members see it.
    ['/meetings/:other', 404, 200, 404, 404, 200],
    ['/meetings/:other/agenda', 404, 200, 404, 404, 200],
    ['/meetings/:other/edit', 'login', 404, 404, 404, 200],
    ['/bodies/:otherBody/meetings/new', 'login', 404, 404, 404, 200],
    ['/meetings/999999', 404, 404, 404, 404, 404],
    ['/meetings/999999/agenda', 404, 404, 404, 404, 404],
    ['/meetings/999999/edit', 'login', 404, 404, 404, 404],
    ['/bodies/999999/meetings/new', 'login', 404, 404, 404, 404],
    ['/meetings/abc', 404, 404, 404, 404, 404],
  ]
  const cases = table.flatMap(([path, ...expected]) => everyone.map((who, i) => ({ path, who, expected: expected[i]! })))

  it.each(cases)('$who: GET $path → $expected', async ({ path: template, who, expected }) => {
    const path = resolve(template)
    const response = await get(path, { cookie: cookies[who] })
    const html = await response.text()
    if (expected === 'login') {
      expect(response.status).toBe(302)
      expect(location(response)).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`)
    } else {
      expect(response.status, mainText(html).slice(0, 300)).toBe(expected)
      if (expected === 404) expect(mainText(html)).toContain('Nie znaleziono strony')
    }
  })

  it('answers a meeting the user may not see exactly like a missing one', async () => {
    const forbidden = await get(`/meetings/${ids.privateMeeting}/agenda`, { cookie: cookies.outsider })
    const missing = await get('/meetings/999999/agenda', { cookie: cookies.admin })
    expect(forbidden.status).toBe(404)
    expect(mainText(await forbidden.text())).toBe(mainText(await missing.text()))
  })

  it('shows each user only the tabs and files they may open', async () => {
    const links = async (who: Who, meeting: string) => {
      const html = await (await get(resolve(meeting), { cookie: cookies[who] })).text()
      const nav = html.match(/<div class="meeting-nav">[\s\S]*?<\/div>/)?.[0] ?? ''
      return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/\/meetings\/\d+/, ''))
    }
    // Officers see the minutes tab before there are minutes (to start them); others once they may read them.
    const all = [
      '',
      '/agenda',
      '/invitations',
      '/attendance',
      '/presentations',
      '/minutes',
      '/agenda.pdf',
      '/attendance.pdf',
      '/calendar.ics',
    ]
    expect(await links('officer', '/meetings/:private')).toEqual(all)
    expect(await links('admin', '/meetings/:private')).toEqual(all)
    expect(await links('member', '/meetings/:private')).toEqual([
      '',
      '/agenda',
      '/attendance',
      '/presentations',
      '/agenda.pdf',
      '/attendance.pdf',
      '/calendar.ics',
    ])
    expect(await links('visitor', '/meetings/:public')).toEqual(['', '/agenda', '/presentations', '/agenda.pdf', '/calendar.ics'])
  })

  it('gives a member no edit, cancel, reorder or add controls', async () => {
    const overview = await (await get(`/meetings/${ids.privateMeeting}`, { cookie: cookies.member })).text()
    expect(mainText(overview)).not.toContain('Edytuj spotkanie')
    expect(mainText(overview)).not.toContain('Odwołaj spotkanie')
    const agenda = mainText(await (await get(`/meetings/${ids.privateMeeting}/agenda`, { cookie: cookies.member })).text())
    expect(agenda).toContain(`Otwarcie ${suffix}`)
    expect(agenda).not.toContain('Przenieś')
    expect(agenda).not.toContain('Dodaj punkt programu')
  })
})

describe('changes by someone who may not make them', () => {
  const agendaItem = { intent: 'add', day: '2025-03-29', kind: 'presentation', title: 'Wtargnięcie' }

  it.each(['visitor', 'outsider', 'member'] as const)('%s: every POST answers 404 and changes nothing', async (who) => {
    const cookie = cookies[who]
    const posts: [string, Record<string, string>][] = [
      [`/meetings/${ids.privateMeeting}/agenda`, agendaItem],
      [`/meetings/${ids.privateMeeting}/agenda`, { intent: 'move-down', itemId: String(ids.firstItem) }],
      [`/meetings/${ids.privateMeeting}/agenda`, { intent: 'remove', itemId: String(ids.firstItem) }],
      [`/meetings/${ids.publicMeeting}/agenda`, { ...agendaItem, day: '2099-05-16' }],
      // The overview is an index route: its forms post to ?index.
      [`/meetings/${ids.privateMeeting}?index`, { intent: 'cancel', reason: 'Nie' }],
      [`/meetings/${ids.publicMeeting}?index`, { intent: 'cancel', reason: 'Nie' }],
      [`/meetings/${ids.privateMeeting}?index`, { intent: 'held' }],
    ]
    for (const [path, form] of posts) {
      const response = await post(path, form, { cookie })
      expect(response.status, `${who} POST ${path} ${form.intent}`).toBe(404)
    }
    // Pages that are never public send a visitor to sign in, and everyone else to 404.
    for (const path of [`/meetings/${ids.privateMeeting}/edit`, `/bodies/${ids.privateBody}/meetings/new`]) {
      const response = await post(path, { topic: 'Wtargnięcie', startsAt: '2099-01-01T10:00', endsAt: '2099-01-01T12:00' }, { cookie })
      expect(response.status, `${who} POST ${path}`).toBe(who === 'visitor' ? 302 : 404)
    }
    const agenda = mainText(await (await get(`/meetings/${ids.privateMeeting}/agenda`, { cookie: cookies.officer })).text())
    expect(agenda).not.toContain('Wtargnięcie')
    expect(agenda.indexOf(`Otwarcie ${suffix}`)).toBeGreaterThan(-1)
    expect(mainText(await (await get(`/meetings/${ids.privateMeeting}`, { cookie: cookies.officer })).text())).not.toContain(
      'To spotkanie zostało odwołane',
    )
  })
})

describe('an invitee on the meeting page', () => {
  it('sees the answer form for their own invitation, and nobody else does', async () => {
    const { inviteMembers } = await import('~/models/invitation.server')
    const answerForm = (html: string) => html.includes(`action="/meetings/${ids.privateMeeting}/answer"`)
    expect(answerForm(await (await get(`/meetings/${ids.privateMeeting}`, { cookie: cookies.member })).text())).toBe(false)
    inviteMembers({ meetingId: ids.privateMeeting, actor: { userId: null, ip: null } })
    const page = await (await get(`/meetings/${ids.privateMeeting}`, { cookie: cookies.member })).text()
    expect(answerForm(page)).toBe(true)
    expect(mainText(page)).toContain('Czy weźmiesz udział?')
    expect(answerForm(await (await get(`/meetings/${ids.privateMeeting}`, { cookie: cookies.officer })).text())).toBe(false)
  })
})

describe('a meeting across the spring clock change', () => {
  it('shows 29–30 marca 2025 r., from 09:00 to 15:00, in the header, the agenda and the edit form', async () => {
    const overview = mainText(await (await get(`/meetings/${ids.privateMeeting}`, { cookie: cookies.member })).text())
    expect(overview).toContain('29–30 marca 2025 r. (29 marca od godz. 09:00, 30 marca do godz. 15:00)')
    expect(overview).toContain('MOPS Wodzisław Śląski, ul. Daszyńskiego 3')

    const agenda = mainText(await (await get(`/meetings/${ids.privateMeeting}/agenda`, { cookie: cookies.member })).text())
    const day1 = agenda.indexOf('Dzień 1 — 29 marca 2025 r.')
    const day2 = agenda.indexOf('Dzień 2 — 30 marca 2025 r.')
    expect(day1).toBeGreaterThan(-1)
    expect(day2).toBeGreaterThan(day1)
    expect(agenda.slice(day1, day2)).toContain('09:00–09:30')
    expect(agenda.slice(day1, day2)).toContain(`Prowadzi: Łucja Źdźbło ${suffix} (Urząd Miasta Wodzisław Śląski ${suffix})`)
    expect(agenda.slice(day2)).toContain('13:00–15:00')
    expect(agenda.slice(day2)).toContain(`Moderator: Jerzy Moderator ${suffix} (Fundacja Inna ${suffix})`)

    const edit = await (await get(`/meetings/${ids.privateMeeting}/edit`, { cookie: cookies.officer })).text()
    expect(inputValue(edit, 'startsAt')).toBe('2025-03-29T09:00')
    expect(inputValue(edit, 'endsAt')).toBe('2025-03-30T15:00')
  })
})

describe('scheduling and editing meetings over HTTP', () => {
  it('refuses an end before the start and a date that is not one, in Polish, keeping the input', async () => {
    const path = `/bodies/${ids.publicBody}/meetings/new`
    const backwards = await post(
      path,
      { topic: 'Spotkanie wsteczne', startsAt: '2099-05-16T13:00', endsAt: '2099-05-16T12:00' },
      { cookie: cookies.officer },
    )
    expect(backwards.status).toBe(400)
    const html = await backwards.text()
    expect(mainText(html)).toContain('Koniec musi nastąpić po początku.')
    expect(inputValue(html, 'topic')).toBe('Spotkanie wsteczne')
    expect(inputValue(html, 'endsAt')).toBe('2099-05-16T12:00')
    expect(html).toMatch(/<input[^>]*name="endsAt"[^>]*aria-invalid="true"/)

    const garbled = await post(path, { topic: 'Spotkanie', startsAt: '16 maja', endsAt: '2099-05-16T12:00' }, { cookie: cookies.officer })
    expect(garbled.status).toBe(400)
    expect(mainText(await garbled.text())).toContain('Podaj datę i godzinę, np. 16.05.2017, 13:00.')
  })

  it('numbers new meetings and prefills the next one from the last', async () => {
    const create = (topic: string, extra: Record<string, string> = {}) =>
      post(
        `/bodies/${ids.publicBody}/meetings/new`,
        { topic, startsAt: '2099-06-01T10:00', endsAt: '2099-06-01T12:00', ...extra },
        { cookie: cookies.officer },
      )
    const second = await create('Drugie spotkanie', {
      venueName: 'Sala konferencyjna MOPS',
      venueAddress: 'ul. Daszyńskiego 3, Wodzisław Śląski',
      seriesTitle: 'Cykl spotkań 2099',
      seriesPlannedCount: '3',
      isPublic: 'on',
    })
    expect(second.status).toBe(302)
    const secondPath = location(second)!
    expect(secondPath).toMatch(/^\/meetings\/\d+$/)
    // The notice travels in a cookie of its own, shown once on the next page.
    const page = mainText(await (await get(secondPath, { cookie: `${cookies.officer}; ${cookieHeader(second)}` })).text())
    expect(page).toContain('Spotkanie nr 2: Drugie spotkanie')
    expect(page).toContain('Spotkanie 1 z 3 w cyklu „Cykl spotkań 2099”')
    expect(page).toContain('Zaplanowano spotkanie.')

    const next = await (await get(`/bodies/${ids.publicBody}/meetings/new?next=1`, { cookie: cookies.officer })).text()
    expect(inputValue(next, 'venueAddress')).toBe('ul. Daszyńskiego 3, Wodzisław Śląski')
    expect(inputValue(next, 'seriesTitle')).toBe('Cykl spotkań 2099')
    expect(inputValue(next, 'seriesPlannedCount')).toBe('3')
    expect(inputValue(next, 'topic')).toBe('')
    expect(next).toMatch(/<input[^>]*name="isPublic"[^>]*checked/)
  })

  it('cancels a meeting only with a reason, and then shows why', async () => {
    const created = await post(
      `/bodies/${ids.publicBody}/meetings/new`,
      { topic: 'Do odwołania', startsAt: '2099-07-01T10:00', endsAt: '2099-07-01T12:00' },
      { cookie: cookies.officer },
    )
    const path = location(created)!
    const empty = await post(`${path}?index`, { intent: 'cancel', reason: '  ' }, { cookie: cookies.officer })
    expect(empty.status).toBe(400)
    expect(mainText(await empty.text())).toContain('To pole jest wymagane.')
    const cancelled = await post(`${path}?index`, { intent: 'cancel', reason: 'Brak kworum' }, { cookie: cookies.officer })
    expect(cancelled.status).toBe(302)
    const page = mainText(await (await get(path, { cookie: cookies.officer })).text())
    expect(page).toContain('To spotkanie zostało odwołane. Powód: Brak kworum')
    expect(page).toContain('odwołane')
    expect(page).not.toContain('Odwołaj spotkanie')
  })
})

describe('the agenda over HTTP', () => {
  const add = (form: Record<string, string> | URLSearchParams) =>
    post(`/meetings/${ids.privateMeeting}/agenda`, form, { cookie: cookies.officer })

  it('refuses an item outside the meeting’s days, and an unknown person, next to the field, keeping the input', async () => {
    const outside = await add({ intent: 'add', day: '2025-03-31', kind: 'panel', title: 'Panel poza terminem' })
    expect(outside.status).toBe(400)
    const html = await outside.text()
    expect(mainText(html)).toContain('Punkt programu musi przypadać w dniach spotkania.')
    expect(inputValue(html, 'title')).toBe('Panel poza terminem')

    const unknown = await add({
      intent: 'add',
      day: '2025-03-30',
      kind: 'panel',
      title: 'Panel z nieznajomym',
      moderatorPersonId: '987654',
    })
    expect(unknown.status).toBe(400)
    const text = mainText(await unknown.text())
    expect(text).toContain('Nie ma takiej osoby w katalogu. Wybierz osobę z listy.')
    const agenda = mainText(await (await get(`/meetings/${ids.privateMeeting}/agenda`, { cookie: cookies.officer })).text())
    expect(agenda).not.toContain('Panel poza terminem')
    expect(agenda).not.toContain('Panel z nieznajomym')
  })

  it('adds an item with several speakers, moves it and removes it, with plain form posts', async () => {
    const form = new URLSearchParams([
      ['intent', 'add'],
      ['day', '2025-03-29'],
      ['startTime', '10:00'],
      ['endTime', '11:00'],
      ['kind', 'workshop'],
      ['title', `Warsztat HTTP ${suffix}`],
      ['speakerIds', String(ids.moderator)],
      ['speakerIds', ''],
      ['speakerIds', String(ids.speaker)],
      ['track', 'Sala A'],
    ])
    const added = await add(form)
    expect(added.status).toBe(302)
    const itemId = Number(added.headers.get('Location')?.match(/\/agenda#item-(\d+)$/)?.[1])
    expect(itemId).toBeGreaterThan(0)
    const dayOne = () =>
      get(`/meetings/${ids.privateMeeting}/agenda`, { cookie: cookies.officer })
        .then((r) => r.text())
        .then((html) => mainText(html).split('Dzień 2 —')[0]!)
    let text = await dayOne()
    expect(text.indexOf(`Otwarcie ${suffix}`)).toBeLessThan(text.indexOf(`Warsztat HTTP ${suffix}`))
    expect(text).toContain(`Prowadzą: Jerzy Moderator ${suffix} (Fundacja Inna ${suffix}), Łucja Źdźbło ${suffix}`)
    expect(text).toContain('Ścieżka: Sala A')

    const moved = await add({ intent: 'move-up', itemId: String(itemId) })
    expect(moved.status).toBe(302)
    // Back at the same button, so that a keyboard user can press it again.
    expect(moved.headers.get('Location')).toBe(`/meetings/${ids.privateMeeting}/agenda?edit=${itemId}#move-up-${itemId}`)
    text = await dayOne()
    expect(text.indexOf(`Warsztat HTTP ${suffix}`)).toBeLessThan(text.indexOf(`Otwarcie ${suffix}`))

    const removed = await add({ intent: 'remove', itemId: String(itemId) })
    expect(removed.status).toBe(302)
    expect(await dayOne()).not.toContain(`Warsztat HTTP ${suffix}`)
  })
})
