import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, officer as demoOfficer } from '#tests/support/accounts'
import { baseURL, get, inputValue, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'

// The test server runs without SMTP_URL: every message is kept in the outbox, where the
// administrator reads it, and that is where these tests find the personal links.

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
type Who = 'visitor' | 'outsider' | 'member' | 'otherOfficer' | 'convenor' | 'admin'

let scene: Scene
const cookies: Partial<Record<Who, string>> = {}
let invitationsPath: string
let attendancePath: string

beforeAll(async () => {
  scene = await createInvitationScene()
  invitationsPath = `/meetings/${scene.meetingId}/invitations`
  attendancePath = `/meetings/${scene.meetingId}/attendance`
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.otherOfficer = await login(demoOfficer.email, demoOfficer.password)
  cookies.convenor = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.admin = await login(admin.email, admin.password)
})

function mainText(html: string): string {
  return textOf(html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '')
}

/** The visible text of the table row that names `name`. */
function rowText(html: string, name: string): string {
  const row = [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => textOf(m[0])).find((text) => text.includes(name))
  if (!row) throw new Error(`no row with ${name}`)
  return row
}

async function page(path: string, who: Who) {
  const response = await get(path, { cookie: cookies[who] })
  return { status: response.status, location: location(response), html: await response.text() }
}

/** The newest personal link in the outbox for each address, read as the administrator reads it. */
async function linksFromOutbox(): Promise<Map<string, string>> {
  const { html } = await page('/admin/outbox', 'admin')
  const links = new Map<string, string>()
  const byName = { 'Anna Łęcka': scene.emails.mopsDelegate, 'Grzegorz Źdźbło': scene.emails.pupDelegate }
  for (const [item] of html.matchAll(/<li>[\s\S]*?<\/li>/g)) {
    const text = textOf(item)
    const link = new RegExp(`${baseURL}/invitations/([A-Za-z0-9_-]{43})`).exec(text)
    const name = Object.entries(byName).find(([, email]) => text.includes(`<${email}>`))?.[0]
    if (link && name && !links.has(name)) links.set(name, link[1]!)
  }
  return links
}

describe('who may open the invitation and attendance pages', () => {
  const table: [label: string, path: () => string, expected: Record<Who, 200 | 404 | 'login'>][] = [
    [
      '/meetings/:id/invitations',
      () => invitationsPath,
      { visitor: 'login', outsider: 404, member: 404, otherOfficer: 404, convenor: 200, admin: 200 },
    ],
    [
      '/meetings/:id/attendance',
      () => attendancePath,
      { visitor: 'login', outsider: 404, member: 200, otherOfficer: 404, convenor: 200, admin: 200 },
    ],
    [
      '/admin/outbox',
      () => '/admin/outbox',
      { visitor: 'login', outsider: 404, member: 404, otherOfficer: 404, convenor: 404, admin: 200 },
    ],
    [
      '/meetings/:id/answer',
      () => `/meetings/${scene.meetingId}/answer`,
      { visitor: 404, outsider: 404, member: 404, otherOfficer: 404, convenor: 404, admin: 404 },
    ],
  ]
  const cases = table.flatMap(([label, path, expected]) =>
    (Object.keys(expected) as Who[]).map((who) => ({ label, path, who, expected: expected[who] })),
  )

  it.each(cases)('$who: GET $label answers $expected', async ({ path, who, expected }) => {
    const { status, location: to, html } = await page(path(), who)
    if (expected === 'login') {
      expect(status).toBe(302)
      expect(to).toBe(`/login?${new URLSearchParams({ redirectTo: path() })}`)
    } else {
      expect(status, mainText(html).slice(0, 200)).toBe(expected)
      // /answer has no page of its own: a bare 404, the same for everyone.
      if (expected === 404 && !path().endsWith('/answer')) expect(mainText(html)).toContain('Nie znaleziono strony')
    }
  })

  it('refuses changes from anyone but the team’s officers, exactly as if the meeting did not exist', async () => {
    for (const who of ['outsider', 'member', 'otherOfficer'] as const) {
      expect((await post(invitationsPath, { intent: 'invite-members' }, { cookie: cookies[who] })).status).toBe(404)
      expect((await post(attendancePath, { intent: 'headcount', headcount: '7' }, { cookie: cookies[who] })).status).toBe(404)
    }
    expect((await post(invitationsPath, { intent: 'send' })).status).toBe(302)
    expect((await page(invitationsPath, 'convenor')).html).toContain('Nikt nie został jeszcze zaproszony.')
  })

  it('shows the outbox link in the navigation to administrators only', async () => {
    expect((await page('/', 'admin')).html).toContain('href="/admin/outbox"')
    expect((await page('/', 'convenor')).html).not.toContain('href="/admin/outbox"')
  })
})

describe('inviting, sending and answering', () => {
  let links: Map<string, string>

  it('invites the team, lists who has no e-mail address, and keeps the e-mails in the outbox', async () => {
    const invited = await post(invitationsPath, { intent: 'invite-members' }, { cookie: cookies.convenor })
    expect(invited.status).toBe(302)
    expect(location(invited)).toBe(invitationsPath)
    // Twice: nobody is added the second time.
    await post(invitationsPath, { intent: 'invite-members' }, { cookie: cookies.convenor })
    let { html } = await page(invitationsPath, 'convenor')
    expect(html.match(/<th scope="row">Anna Łęcka/g)).toHaveLength(1)
    expect(rowText(html, 'Żaneta Bez-Adresu')).toContain('brak adresu e-mail')
    expect(rowText(html, 'Grzegorz Źdźbło')).toContain('nie wysłano')

    const sent = await post(invitationsPath, { intent: 'send' }, { cookie: cookies.convenor })
    expect(sent.status).toBe(200)
    const text = mainText(await sent.text())
    expect(text).toContain('Wysłano zaproszenia: 2.')
    expect(text).toContain('Nie wysłano — brak adresu e-mail: Żaneta Bez-Adresu')
    expect(text).toContain('zachowano w skrzynce nadawczej')

    const outbox = mainText((await page('/admin/outbox', 'admin')).html)
    expect(outbox).toContain('Zaproszenie: Współpraca OPS i PUP w aktywizacji osób bezrobotnych — 16 maja 2031 r.')
    expect(outbox).toContain('zachowano, nie wysłano')
    expect(outbox).toContain('spotkanie.ics (text/calendar')
    links = await linksFromOutbox()
    expect([...links.keys()].sort()).toEqual(['Anna Łęcka', 'Grzegorz Źdźbło'])
    ;({ html } = await page(invitationsPath, 'convenor'))
    expect(rowText(html, 'Grzegorz Źdźbło')).not.toContain('nie wysłano')
  })

  it('opens the personal link without an account and shows the meeting', async () => {
    const response = await get(`/invitations/${links.get('Grzegorz Źdźbło')}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    const text = mainText(await response.text())
    expect(text).toContain('Zaproszenie na spotkanie')
    expect(text).toContain('Grzegorz Źdźbło')
    expect(text).toContain('Współpraca OPS i PUP w aktywizacji osób bezrobotnych')
    expect(text).toContain('16.05.2031 r., godz. 13:00–15:00')
    expect(text).toContain('Sala konferencyjna MOPS, ul. Daszyńskiego 3, Wodzisław Śląski, sala 12')
    expect(text).toContain('Zespół testowy')
    expect(text).toMatch(/Twoja odpowiedź Brak odpowiedzi/)
  })

  it('answers 404 to any other token, and reveals nothing about which exist', async () => {
    const real = links.get('Grzegorz Źdźbło')!
    const wrong = [
      crypto.randomBytes(32).toString('base64url'),
      `${real.slice(0, -2)}${real.endsWith('AA') ? 'BB' : 'AA'}`,
      'abc',
      crypto.createHash('sha256').update(real).digest('hex'),
    ]
    const texts = new Set<string>()
    for (const token of wrong) {
      const response = await get(`/invitations/${token}`)
      expect(response.status).toBe(404)
      texts.add(mainText(await response.text()))
      expect((await post(`/invitations/${token}`, { response: 'yes' })).status).toBe(404)
    }
    expect(texts.size).toBe(1)
    expect([...texts][0]).toContain('Nie znaleziono strony')
  })

  it('lets a signed-out visitor answer with the right token, and only for that invitation', async () => {
    const path = `/invitations/${links.get('Grzegorz Źdźbło')}`
    const answered = await post(path, { response: 'yes' })
    expect(answered.status).toBe(302)
    expect(location(answered)).toBe(path)
    expect(mainText(await (await get(path)).text())).toMatch(/Twoja odpowiedź Tak/)
    const bad = await post(path, { response: 'perhaps' })
    expect(bad.status).toBe(400)
    expect(mainText(await bad.text())).toContain('Wybierz odpowiedź: tak, nie albo może.')

    const { html } = await page(invitationsPath, 'convenor')
    expect(rowText(html, 'Grzegorz Źdźbło')).toContain('Tak')
    expect(rowText(html, 'Anna Łęcka')).toContain('Brak odpowiedzi')
  })

  it('lets a signed-in member answer on the meeting page, and nobody uninvited', async () => {
    const answered = await post(`/meetings/${scene.meetingId}/answer`, { response: 'no' }, { cookie: cookies.member })
    expect(answered.status).toBe(302)
    expect(location(answered)).toBe(`/meetings/${scene.meetingId}`)
    expect((await post(`/meetings/${scene.meetingId}/answer`, { response: 'no' }, { cookie: cookies.outsider })).status).toBe(404)
    expect((await post(`/meetings/${scene.meetingId}/answer`, { response: 'no' }, { cookie: cookies.convenor })).status).toBe(404)
    const signedOut = await post(`/meetings/${scene.meetingId}/answer`, { response: 'no' })
    expect(location(signedOut)).toBe(`/login?${new URLSearchParams({ redirectTo: `/meetings/${scene.meetingId}` })}`)

    const { html } = await page(invitationsPath, 'convenor')
    expect(rowText(html, 'Anna Łęcka')).toContain('Nie')
    const counts = textOf(html.match(/<dl class="answer-counts">[\s\S]*?<\/dl>/)![0])
    expect(counts).toBe('Tak 1 Nie 1 Może 0 Brak odpowiedzi 1')
  })

  it('sends one invitation again with a new link; the old link stops working', async () => {
    const { html } = await page(invitationsPath, 'convenor')
    const row = [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((tr) => tr.includes('Grzegorz Źdźbło'))!
    expect(textOf(row)).toContain('Wyślij ponownie')
    expect(row).toContain('name="intent" value="resend"')
    const id = /name="invitationId" value="(\d+)"/.exec(row)?.[1]
    expect(id).toBeDefined()
    const old = links.get('Grzegorz Źdźbło')!
    const resent = await post(invitationsPath, { intent: 'resend', invitationId: id! }, { cookie: cookies.convenor })
    expect(mainText(await resent.text())).toContain('Wysłano zaproszenia: 1.')
    const fresh = (await linksFromOutbox()).get('Grzegorz Źdźbło')!
    expect(fresh).not.toBe(old)
    expect((await get(`/invitations/${old}`)).status).toBe(404)
    const opened = mainText(await (await get(`/invitations/${fresh}`)).text())
    // The answer given through the old link stays.
    expect(opened).toMatch(/Twoja odpowiedź Tak/)
  })

  it('answers bad guest input in Polish next to the field and keeps it', async () => {
    const malformed = await post(
      invitationsPath,
      { intent: 'add-guest', name: 'Jan Gość', email: 'jan.gosc@' },
      { cookie: cookies.convenor },
    )
    expect(malformed.status).toBe(400)
    const html = await malformed.text()
    expect(mainText(html)).toContain('Podaj prawidłowy adres e-mail')
    expect(inputValue(html, 'email')).toBe('jan.gosc@')
    expect(inputValue(html, 'name')).toBe('Jan Gość')

    const unknown = await post(invitationsPath, { intent: 'add-person', personId: '987654321' }, { cookie: cookies.convenor })
    expect(unknown.status).toBe(400)
    expect(mainText(await unknown.text())).toContain('Wybierz osobę z listy.')

    const added = await post(
      invitationsPath,
      { intent: 'add-guest', name: 'Jan Gość', email: 'jan.gosc@lexcivis.test', organisation: 'Stowarzyszenie Lex Civis' },
      { cookie: cookies.convenor },
    )
    expect(added.status).toBe(302)
    expect(rowText((await page(invitationsPath, 'convenor')).html, 'Jan Gość')).toContain('jan.gosc@lexcivis.test')
  })
})

describe('attendance', () => {
  it('is recorded by the officer in one form and summed up for the members by institution', async () => {
    const { html } = await page(attendancePath, 'convenor')
    const rows = [...html.matchAll(/name="rows\[(\d+)\]\.invitationId" value="(\d+)"/g)].map((m) => ({ index: m[1]!, id: m[2]! }))
    expect(rows.length).toBeGreaterThanOrEqual(4)
    const form = new URLSearchParams({ intent: 'attendance' })
    for (const row of rows) {
      const tr = [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((r) => r.includes(`value="${row.id}"`))!
      const state = tr.includes('Anna Łęcka')
        ? 'present'
        : tr.includes('Żaneta')
          ? 'excused'
          : tr.includes('Grzegorz')
            ? 'absent'
            : 'unknown'
      form.set(`rows[${row.index}].invitationId`, row.id)
      form.set(`rows[${row.index}].state`, state)
    }
    const saved = await post(attendancePath, form, { cookie: cookies.convenor })
    expect(saved.status).toBe(302)
    expect((await post(attendancePath, { intent: 'headcount', headcount: '50' }, { cookie: cookies.convenor })).status).toBe(302)

    const member = await page(attendancePath, 'member')
    expect(member.status).toBe(200)
    const text = mainText(member.html)
    expect(text).toContain('Liczba uczestników: 50 osób.')
    expect(rowText(member.html, 'Miejski Ośrodek Pomocy Społecznej')).toMatch(/Miejski Ośrodek Pomocy Społecznej \S+ 1 0 1 0$/)
    expect(rowText(member.html, 'Powiatowy Urząd Pracy')).toMatch(/ 0 1 0 0$/)
    // Members see the numbers, not the form nor the names.
    expect(member.html).not.toContain('name="rows[0].state"')
    expect(text).not.toContain('Anna Łęcka')

    // The officer's form shows what was saved.
    const again = (await page(attendancePath, 'convenor')).html
    const anna = [...again.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((tr) => tr.includes('Anna Łęcka'))!
    expect(anna).toMatch(/checked="" value="present"/)
  })

  it('adds someone who came uninvited, and explains in Polish what is missing', async () => {
    const empty = await post(attendancePath, { intent: 'walk-in' }, { cookie: cookies.convenor })
    expect(empty.status).toBe(400)
    expect(mainText(await empty.text())).toContain('Wybierz osobę z katalogu albo wpisz imię i nazwisko.')
    const added = await post(
      attendancePath,
      { intent: 'walk-in', name: 'Ewa Przypadkowa', organisation: 'Ochotnicze Hufce Pracy' },
      { cookie: cookies.convenor },
    )
    expect(added.status).toBe(302)
    const { html } = await page(attendancePath, 'convenor')
    const ewa = [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((tr) => tr.includes('Ewa Przypadkowa'))!
    expect(ewa).toMatch(/checked="" value="present"/)
    expect(rowText((await page(attendancePath, 'member')).html, 'Ochotnicze Hufce Pracy')).toMatch(/ 1 0 0 0$/)
  })
})
