import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cookieHeader, get, inputValue, location, login, post, textOf } from '#tests/support/http'
import { createAccount, createInvitationScene, createTestMeeting, createTestPerson } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { addPersonGuest } from '~/models/invitation.server'
import { getMinutes } from '~/models/minutes.server'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>
type Who = 'officer' | 'member' | 'outsider' | 'guest' | 'visitor'

let scene: Scene
const cookies: Record<Who, string | undefined> = { officer: '', member: '', outsider: '', guest: '', visitor: undefined }
/** Four public meetings of a public team, their minutes in each state. */
const meetings = { draft: 0, circulated: 0, members: 0, public: 0 }

const minutesPath = (meetingId: number) => `/meetings/${meetingId}/minutes`
const mainText = (html: string) => textOf(html.match(/<main[\s\S]*<\/main>/)?.[0] ?? html)
const revisionOf = (meetingId: number) => String(getMinutes({ meetingId })!.revision)

/** The editor's fields for the minutes as saved, with some replaced, as the browser would send them. */
function editorForm(
  meetingId: number,
  change: { topic?: string; bodies?: Record<string, string>; revision?: string } = {},
): Record<string, string> {
  const minutes = getMinutes({ meetingId })!
  const form: Record<string, string> = {
    intent: 'save',
    revision: change.revision ?? String(minutes.revision),
    topic: change.topic ?? minutes.snapshot.topic,
    place: minutes.snapshot.place ?? '',
    preparedBy: minutes.snapshot.preparedBy ?? '',
  }
  minutes.snapshot.participants.forEach((p, i) => {
    form[`participants[${i}].organisation`] = p.organisation ?? ''
    form[`participants[${i}].name`] = p.name
    form[`participants[${i}].role`] = p.role ?? ''
  })
  minutes.snapshot.sections.forEach((s, i) => {
    form[`sections[${i}].id`] = String(s.id)
    form[`sections[${i}].title`] = s.title
    form[`sections[${i}].body`] = change.bodies?.[s.title] ?? s.body
  })
  return form
}

async function officerPost(meetingId: number, form: Record<string, string>) {
  return post(minutesPath(meetingId), form, { cookie: cookies.officer })
}

async function startAndWrite(meetingId: number, decisions: string) {
  expect((await officerPost(meetingId, { intent: 'start' })).status).toBe(302)
  const saved = await officerPost(meetingId, editorForm(meetingId, { bodies: { Ustalenia: decisions } }))
  expect(saved.status).toBe(302)
}

const circulate = async (meetingId: number) => {
  const response = await officerPost(meetingId, { intent: 'circulate', revision: revisionOf(meetingId), commentsDueAt: '2099-12-31T12:00' })
  expect(response.status).toBe(302)
}
const approve = async (meetingId: number) => {
  const response = await officerPost(meetingId, {
    intent: 'approve',
    revision: revisionOf(meetingId),
    approvedBy: 'Zespół na spotkaniu nr 2',
    approvedOn: '2031-06-20',
  })
  expect(response.status).toBe(302)
}
const publish = async (meetingId: number, visibility: 'members' | 'public') => {
  const response = await officerPost(meetingId, { intent: 'publish', revision: revisionOf(meetingId), visibility })
  expect(response.status, await response.clone().text()).toBe(302)
}

beforeAll(async () => {
  scene = await createInvitationScene()
  db.update(schema.bodies).set({ isPublic: true }).where(eq(schema.bodies.id, scene.bodyId)).run()
  const guestPerson = createTestPerson(scene.organisations.other, 'Gustaw Gość')
  const guest = await createAccount('member', 'Gustaw Gość', guestPerson)
  for (const key of Object.keys(meetings) as (keyof typeof meetings)[]) {
    const meetingId = createTestMeeting(scene.bodyId, { topic: `Notatka ${key}` })
    db.update(schema.meetings).set({ isPublic: true }).where(eq(schema.meetings.id, meetingId)).run()
    addPersonGuest({ meetingId, personId: guestPerson, actor: { userId: null, ip: null } })
    meetings[key] = meetingId
  }
  cookies.officer = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
  cookies.guest = await login(guest.email, guest.password)

  for (const [key, meetingId] of Object.entries(meetings)) await startAndWrite(meetingId, `Ustalenie ${key}: zawrzeć porozumienie MOPS–PUP`)
  await circulate(meetings.circulated)
  await approve(meetings.members)
  await publish(meetings.members, 'members')
  await approve(meetings.public)
  await publish(meetings.public, 'public')
})

describe('who reads the minutes', () => {
  it('shows draft, circulated and members-only minutes to the team and 404 to everyone else', async () => {
    for (const key of ['draft', 'circulated', 'members'] as const) {
      for (const who of ['officer', 'member'] as const) {
        const response = await get(minutesPath(meetings[key]), { cookie: cookies[who] })
        expect(response.status, `${who} reads ${key}`).toBe(200)
        expect(mainText(await response.text())).toContain(`Ustalenie ${key}: zawrzeć porozumienie MOPS–PUP`)
      }
      for (const who of ['visitor', 'outsider', 'guest'] as const) {
        const response = await get(minutesPath(meetings[key]), { cookie: cookies[who] })
        expect(response.status, `${who} reads ${key}`).toBe(404)
        expect(await response.text()).not.toContain(`Ustalenie ${key}`)
      }
      // The meeting itself is public: only its minutes are hidden.
      expect((await get(`/meetings/${meetings[key]}`)).status).toBe(200)
    }
  })

  it('lets anyone read public minutes, as published, with the state and no internal links', async () => {
    const minutesId = getMinutes({ meetingId: meetings.public })!.id
    // A later change to the live rows does not change what was published.
    db.update(schema.documentSections).set({ body: 'Zmiana po publikacji' }).where(eq(schema.documentSections.documentId, minutesId)).run()
    for (const who of ['visitor', 'outsider', 'guest'] as const) {
      const response = await get(minutesPath(meetings.public), { cookie: cookies[who] })
      expect(response.status, who).toBe(200)
      const html = await response.text()
      const text = mainText(html)
      expect(text).toContain('Notatka ze spotkania nr')
      expect(text).toContain('Ustalenie public: zawrzeć porozumienie MOPS–PUP')
      expect(text).not.toContain('Zmiana po publikacji')
      expect(text).toMatch(/opublikowana \d{2}\.\d{2}\.\d{4} r\., godz\. \d{2}:\d{2} — publicznie; opublikował\(a\): Gizela Prowadząca/)
      expect(text).toContain('Zatwierdził(a) Zespół na spotkaniu nr 2, 20.06.2031 r.')
      expect(html).toContain(`href="/meetings/${meetings.public}/minutes.pdf"`)
      expect(html).not.toContain(`/meetings/${meetings.public}/minutes/comments`)
      expect(html).not.toContain(`/meetings/${meetings.public}/minutes/versions`)
    }
    const insider = mainText(await (await get(minutesPath(meetings.public), { cookie: cookies.member })).text())
    expect(insider).toContain('Zmiana po publikacji')
  })

  it('shows the members the state, the comment links while circulated, and the tab', async () => {
    const html = await (await get(minutesPath(meetings.circulated), { cookie: cookies.member })).text()
    const text = mainText(html)
    expect(text).toContain('rozesłana do uwag do 31.12.2099 r., godz. 12:00')
    expect(text).toContain('Dodaj uwagę')
    expect(html).toMatch(new RegExp(`href="/meetings/${meetings.circulated}/minutes/comments\\?section=\\d+#new"`))
    expect(html).toMatch(new RegExp(`href="/meetings/${meetings.circulated}/minutes/comments#section-\\d+"`))
    expect(html).toContain(`href="/meetings/${meetings.circulated}/minutes/action-items"`)
    // Members read and comment; the editor and the cycle are the officers'.
    expect(text).not.toContain('Edytuj notatkę')
    expect(text).not.toContain('Zatwierdź notatkę')
    expect(html).toMatch(new RegExp(`<a[^>]*href="/meetings/${meetings.circulated}/minutes"[^>]*>Notatka</a>`))
    const draft = mainText(await (await get(minutesPath(meetings.draft), { cookie: cookies.member })).text())
    expect(draft).toContain('Stan notatki projekt')
    expect(draft).not.toContain('Dodaj uwagę')
  })
})

describe('writing the minutes', () => {
  it('lets only officers start and save: anyone else gets 404 and nothing changes', async () => {
    const fresh = createTestMeeting(scene.bodyId, { topic: 'Spotkanie bez notatki' })
    for (const who of ['member', 'outsider', 'guest'] as const) {
      expect((await post(minutesPath(fresh), { intent: 'start' }, { cookie: cookies[who] })).status, `${who} starts`).toBe(404)
      expect(
        (await post(minutesPath(meetings.draft), editorForm(meetings.draft, { topic: `Przejęte przez ${who}` }), { cookie: cookies[who] }))
          .status,
        `${who} saves`,
      ).toBe(404)
    }
    expect(getMinutes({ meetingId: fresh })).toBeUndefined()
    expect(getMinutes({ meetingId: meetings.draft })!.snapshot.topic).toBe('Notatka draft')
    // Without minutes, the team's members get 404 and the officer an offer to start them.
    expect((await get(minutesPath(fresh), { cookie: cookies.member })).status).toBe(404)
    const offer = mainText(await (await get(minutesPath(fresh), { cookie: cookies.officer })).text())
    expect(offer).toContain('Rozpocznij notatkę')
    expect(offer).toContain('listą uczestników obecnych na spotkaniu')
  })

  it('refuses the second of two saves from the same revision with 409, keeping its text and the first one saved', async () => {
    const meetingId = createTestMeeting(scene.bodyId, { topic: 'Dwie osoby piszą naraz' })
    expect((await officerPost(meetingId, { intent: 'start' })).status).toBe(302)
    const base = revisionOf(meetingId)
    const first = await officerPost(meetingId, editorForm(meetingId, { revision: base, bodies: { Dyskusja: 'Tekst pierwszej osoby.' } }))
    expect(first.status).toBe(302)
    expect(location(first)).toBe(`${minutesPath(meetingId)}?edit`)

    const secondForm = editorForm(meetingId, { revision: base, bodies: { Dyskusja: 'Tekst drugiej osoby — nie może zginąć.' } })
    const second = await officerPost(meetingId, secondForm)
    expect(second.status).toBe(409)
    const html = await second.text()
    const text = mainText(html)
    expect(text).toContain('Nie zapisano — ktoś zmienił notatkę w międzyczasie.')
    expect(text).toMatch(/Ostatnio zapisał\(a\) ją Gizela Prowadząca, \d{2}\.\d{2}\.\d{4} r\., godz\. \d{2}:\d{2}\./)
    expect(html).toMatch(/<textarea[^>]*>Tekst drugiej osoby — nie może zginąć\.<\/textarea>/)
    expect(text).toContain('Ta część zapisana teraz (tylko do odczytu): Dyskusja Tekst pierwszej osoby.')
    // The form carries the current revision: the merged text saves on the next try.
    expect(inputValue(html, 'revision')).toBe(revisionOf(meetingId))
    expect(getMinutes({ meetingId })!.snapshot.sections.find((s) => s.title === 'Dyskusja')?.body).toBe('Tekst pierwszej osoby.')

    const merged = await officerPost(meetingId, { ...secondForm, revision: inputValue(html, 'revision')! })
    expect(merged.status).toBe(302)
    expect(getMinutes({ meetingId })!.snapshot.sections.find((s) => s.title === 'Dyskusja')?.body).toBe(
      'Tekst drugiej osoby — nie może zginąć.',
    )
  })

  it('answers a save whose session expired with 401 and the whole text, on a private meeting, saving nothing', async () => {
    const meetingId = scene.meetingId
    expect((await officerPost(meetingId, { intent: 'start' })).status).toBe(302)
    const before = getMinutes({ meetingId })!
    const form = editorForm(meetingId, { bodies: { Wprowadzenie: 'Akapit pisany godzinę.\n\n- punkt pierwszy\n- punkt „drugi”' } })
    const response = await post(minutesPath(meetingId), form)
    expect(response.status).toBe(401)
    const html = await response.text()
    const text = mainText(html)
    expect(text).toContain('Sesja wygasła — Twój tekst nie przepadł')
    expect(text).toContain('Akapit pisany godzinę.')
    expect(html).toMatch(/<a[^>]*href="\/login"[^>]*target="_blank"/)
    expect(html).toContain(`action="/meetings/${meetingId}/minutes?edit"`)
    expect(inputValue(html, 'revision')).toBe(String(before.revision))
    expect(inputValue(html, 'sections\\[0\\]\\.body')).toBe('Akapit pisany godzinę.\n\n- punkt pierwszy\n- punkt „drugi”')
    // Nothing about the private meeting beyond what was sent leaks into that page.
    expect(text).not.toContain('Zespół testowy')
    expect(html).not.toContain('class="meeting-head"')
    expect(getMinutes({ meetingId })!.revision).toBe(before.revision)

    // Signed in again, the same fields go through.
    const again = await post(
      `${minutesPath(meetingId)}?edit`,
      Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)])),
      { cookie: cookies.officer },
    )
    expect(again.status).toBe(302)
    expect(getMinutes({ meetingId })!.snapshot.sections[0]!.body).toBe('Akapit pisany godzinę.\n\n- punkt pierwszy\n- punkt „drugi”')
  })

  it('refuses an empty topic in Polish next to the field, keeping the text', async () => {
    const form = editorForm(meetings.draft, { topic: '   ', bodies: { Dyskusja: 'Tekst, który musi zostać.' } })
    const response = await officerPost(meetings.draft, form)
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/<input[^>]*name="topic"[^>]*aria-invalid="true"/)
    expect(html).toMatch(/id="[^"]*topic[^"]*-error"[^>]*>Podaj temat spotkania\.</)
    expect(html).toMatch(/<textarea[^>]*>Tekst, który musi zostać\.<\/textarea>/)
    expect(getMinutes({ meetingId: meetings.draft })!.snapshot.topic).toBe('Notatka draft')
  })

  it('maps a refused step of the cycle to its message', async () => {
    const response = await officerPost(meetings.draft, {
      intent: 'circulate',
      revision: revisionOf(meetings.draft),
      commentsDueAt: '2001-01-01T10:00',
    })
    expect(response.status).toBe(400)
    expect(mainText(await response.text())).toContain('Termin na uwagi musi przypadać w przyszłości.')
    const stale = await officerPost(meetings.draft, { intent: 'approve', revision: '1', approvedBy: 'Zespół', approvedOn: '2031-06-20' })
    expect(stale.status).toBe(409)
    expect(mainText(await stale.text())).toContain('Notatka zmieniła się w międzyczasie.')
    expect(getMinutes({ meetingId: meetings.draft })!.state).toBe('draft')
    // The officer's notice after a step comes in a cookie and is shown once.
    const fresh = createTestMeeting(scene.bodyId, { topic: 'Komunikat po kroku' })
    const started = await officerPost(fresh, { intent: 'start' })
    const page = mainText(await (await get(location(started)!, { cookie: `${cookies.officer}; ${cookieHeader(started)}` })).text())
    expect(page).toContain('Rozpoczęto notatkę.')
  })
})

describe('the cycle and the text over HTTP', () => {
  it('reopens circulated minutes as a draft, freezing a version each time', async () => {
    const meetingId = createTestMeeting(scene.bodyId, { topic: 'Notatka do poprawy' })
    await startAndWrite(meetingId, 'Pierwsza wersja ustaleń')
    await circulate(meetingId)
    const reopened = await officerPost(meetingId, { intent: 'reopen', revision: revisionOf(meetingId) })
    expect(reopened.status).toBe(302)
    const page = mainText(await (await get(minutesPath(meetingId), { cookie: `${cookies.officer}; ${cookieHeader(reopened)}` })).text())
    expect(page).toContain('Notatka wróciła do stanu projektu.')
    expect(page).toContain('Stan notatki projekt')
    const minutesId = getMinutes({ meetingId })!.id
    const versions = db
      .select({ number: schema.documentVersions.number, state: schema.documentVersions.state })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.documentId, minutesId))
      .all()
    expect(versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'circulated'],
      [2, 'draft'],
    ])
  })

  it('offers publication to everyone only for a public meeting of a public team', async () => {
    const meetingId = createTestMeeting(scene.bodyId, { topic: 'Spotkanie zamknięte' })
    await startAndWrite(meetingId, 'Ustalenia wewnętrzne')
    await approve(meetingId)
    const html = await (await get(minutesPath(meetingId), { cookie: cookies.officer })).text()
    expect(mainText(html)).toContain('tylko członkowie zespołu')
    expect(html).not.toMatch(/<input[^>]*name="visibility"[^>]*value="public"/)
    const refused = await officerPost(meetingId, { intent: 'publish', revision: revisionOf(meetingId), visibility: 'public' })
    expect(refused.status).toBe(400)
    expect(mainText(await refused.text())).toContain(
      'Publicznie można opublikować tylko notatkę ze spotkania publicznego zespołu publicznego.',
    )
    expect(getMinutes({ meetingId })!.state).toBe('approved')
  })

  it('shows what was typed as text: lists and emphasis, never HTML', async () => {
    const meetingId = createTestMeeting(scene.bodyId, { topic: 'Tekst z pułapką' })
    await startAndWrite(meetingId, '**Ważne:** <script>alert("x")</script>\n\n- _pierwszy_ punkt\n- drugi <b>punkt</b>')
    const html = await (await get(minutesPath(meetingId), { cookie: cookies.member })).text()
    expect(html).toContain('<strong>Ważne:</strong> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toMatch(/<ul><li><em>pierwszy<\/em> punkt<\/li><li>drugi &lt;b&gt;punkt&lt;\/b&gt;<\/li><\/ul>/)
    expect(html).not.toContain('<script>alert')
  })
})

function decode(value: string) {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#10;/g, '\n')
}
