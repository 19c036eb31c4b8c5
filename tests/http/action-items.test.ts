import { beforeAll, describe, expect, it } from 'vitest'
import { get, location, login, post, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'

type Scene = Awaited<ReturnType<typeof createInvitationScene>>

let scene: Scene
let meetingPage: string
let teamPage: string
const cookies: Record<'convenor' | 'member' | 'outsider', string> = { convenor: '', member: '', outsider: '' }

beforeAll(async () => {
  scene = await createInvitationScene()
  meetingPage = `/meetings/${scene.meetingId}/minutes/action-items`
  teamPage = `/bodies/${scene.bodyId}/action-items`
  cookies.convenor = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
})

/** The markup of the form field holding the control named `name`: label, hint, control, error. */
function fieldOf(html: string, name: string): string {
  const field = html.split('<div class="field">').find((part) => part.includes(`name="${name}"`)) ?? ''
  return field.slice(0, field.indexOf('</div>'))
}

/** The table row of an item, found by its text. */
function rowOf(html: string, text: string): string {
  return html.split('<tr').find((row) => row.includes(text)) ?? ''
}

describe('action items: access', () => {
  it('answers 404 to a signed-out visitor and to a member of another team, on both pages, for reading and writing', async () => {
    for (const page of [meetingPage, teamPage]) {
      expect((await get(page)).status).toBe(404)
      expect((await get(page, { cookie: cookies.outsider })).status).toBe(404)
      expect((await post(page, { intent: 'add', text: 'Obce zadanie' })).status).toBe(404)
      expect((await post(page, { intent: 'state', itemId: '1', state: 'done' }, { cookie: cookies.outsider })).status).toBe(404)
    }
    expect((await get(`/meetings/999999999/minutes/action-items`, { cookie: cookies.convenor })).status).toBe(404)
  })

  it('lets a member of the team read both pages without any form, and answers 404 to their changes', async () => {
    const meeting = await get(meetingPage, { cookie: cookies.member })
    expect(meeting.status).toBe(200)
    const html = await meeting.text()
    expect(textOf(html)).toContain('Zadania ze spotkania')
    expect(html).not.toContain('name="intent"')
    const team = await get(teamPage, { cookie: cookies.member })
    expect(team.status).toBe(200)
    expect(await team.text()).not.toContain('name="intent"')
    expect((await post(meetingPage, { intent: 'add', text: 'Zadanie członka' }, { cookie: cookies.member })).status).toBe(404)
    expect((await post(teamPage, { intent: 'state', itemId: '1', state: 'done' }, { cookie: cookies.member })).status).toBe(404)
    expect(textOf(await (await get(meetingPage, { cookie: cookies.convenor })).text())).not.toContain('Zadanie członka')
  })
})

describe('action items: the convenor', () => {
  const text = `Zawarcie porozumienia MOPS–PUP ${Date.now()}`

  it('adds an item due „najpóźniej w III kwartale 2017 r.” and the team’s page lists it as overdue', async () => {
    const response = await post(
      meetingPage,
      { intent: 'add', text, owners: `organisation:${scene.organisations.pup}`, dueText: 'najpóźniej w III kwartale 2017 r.', dueDate: '' },
      { cookie: cookies.convenor },
    )
    expect(response.status).toBe(302)
    expect(location(response)).toBe(meetingPage)

    const meetingRow = textOf(rowOf(await (await get(meetingPage, { cookie: cookies.member })).text(), text))
    expect(meetingRow).toMatch(/najpóźniej w III kwartale 2017 r\. \( ?do 30\.09\.2017 r\. ?\)/)
    expect(meetingRow).toContain('Powiatowy Urząd Pracy')
    expect(meetingRow).toContain('do realizacji')

    const teamRow = textOf(rowOf(await (await get(teamPage, { cookie: cookies.member })).text(), text))
    expect(teamRow).toContain('najpóźniej w III kwartale 2017 r.')
    expect(teamRow).toContain('po terminie')
    expect(teamRow).toMatch(/spotkanie nr \d+, 16\.05\.2031 r\./)

    const body = textOf(await (await get(`/bodies/${scene.bodyId}`, { cookie: cookies.member })).text())
    expect(body).toMatch(/Otwarte zadania: [1-9]\d*\. W tym po terminie: [1-9]\d*\./)
  })

  it('refuses words that name no day with a Polish message next to the field, keeping what was typed', async () => {
    const response = await post(
      meetingPage,
      { intent: 'add', text: 'Uzgodnienie harmonogramu', dueText: 'jak najszybciej', dueDate: '' },
      { cookie: cookies.convenor },
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(textOf(fieldOf(html, 'dueText'))).toContain(
      'Podaj termin jako datę albo opis, z którego wynika data (np. „III kwartał 2017 r.”).',
    )
    expect(html).toMatch(/<input[^>]*name="dueText"[^>]*value="jak najszybciej"/)
    expect(html).toMatch(/<textarea[^>]*name="text"[^>]*>Uzgodnienie harmonogramu<\/textarea>/)
    expect(textOf(await (await get(teamPage, { cookie: cookies.convenor })).text())).not.toContain('Uzgodnienie harmonogramu')
  })

  it('edits an item in place without JavaScript, working the day out again from new words', async () => {
    const itemId = rowOf(await (await get(meetingPage, { cookie: cookies.convenor })).text(), text).match(/id="item-(\d+)"/)?.[1]
    expect(itemId).toBeDefined()
    const editing = await (await get(`${meetingPage}?edit=${itemId}`, { cookie: cookies.convenor })).text()
    const form = editing.slice(editing.indexOf(`id="edit-${itemId}"`))
    expect(form).toMatch(new RegExp(`<textarea[^>]*name="text"[^>]*>${text}</textarea>`))
    expect(form).toMatch(/<input[^>]*name="dueText"[^>]*value="najpóźniej w III kwartale 2017 r\."/)
    expect(textOf(fieldOf(form, 'dueDate'))).toContain('Obecnie wyliczona z opisu: 30.09.2017 r.')
    // A member asking for the same form gets the page without it.
    expect(await (await get(`${meetingPage}?edit=${itemId}`, { cookie: cookies.member })).text()).not.toContain(`id="edit-${itemId}"`)

    const saved = await post(
      meetingPage,
      {
        intent: 'update',
        itemId: itemId!,
        text,
        owners: `organisation:${scene.organisations.pup}`,
        dueText: 'najpóźniej w IV kwartale 2017 r.',
        dueDate: '',
      },
      { cookie: cookies.convenor },
    )
    expect(saved.status).toBe(302)
    const row = textOf(rowOf(await (await get(meetingPage, { cookie: cookies.member })).text(), text))
    expect(row).toMatch(/najpóźniej w IV kwartale 2017 r\. \( ?do 31\.12\.2017 r\. ?\)/)
  })

  it('drops an item from the team’s page only with a note, and then lists it among the dropped', async () => {
    const html = await (await get(teamPage, { cookie: cookies.convenor })).text()
    const itemId = rowOf(html, text).match(/id="item-(\d+)"/)?.[1]
    expect(itemId).toBeDefined()

    const refused = await post(
      `${teamPage}?state=open`,
      { intent: 'state', itemId: itemId!, state: 'dropped', note: '' },
      { cookie: cookies.convenor },
    )
    expect(refused.status).toBe(400)
    expect(textOf(fieldOf(await refused.text(), 'note'))).toContain('Przy zaniechaniu zadania napisz w uwadze, dlaczego.')

    const dropped = await post(
      `${teamPage}?state=open`,
      { intent: 'state', itemId: itemId!, state: 'dropped', note: 'Porozumienie zastąpiła umowa ramowa.' },
      { cookie: cookies.convenor },
    )
    expect(dropped.status).toBe(302)
    expect(location(dropped)).toBe(`${teamPage}?state=open`)
    expect(textOf(await (await get(teamPage, { cookie: cookies.member })).text())).not.toContain(text)
    const droppedRow = textOf(rowOf(await (await get(`${teamPage}?state=dropped`, { cookie: cookies.member })).text(), text))
    expect(droppedRow).toContain('zaniechane')
    expect(droppedRow).toContain('Porozumienie zastąpiła umowa ramowa.')
    expect(droppedRow).not.toContain('po terminie')
  })
})
