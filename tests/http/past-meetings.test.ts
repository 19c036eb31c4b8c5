import { beforeAll, describe, expect, it } from 'vitest'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { get, location, login, post, textOf } from '#tests/support/http'

let fixture: CalendarFixture
const cookies: Record<'officer' | 'otherTeam', string> = { officer: '', otherTeam: '' }
let publicMeeting = ''

const PROMPT = 'Czy spotkanie się odbyło?'

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  publicMeeting = `/meetings/${fixture.meetings.publicMeeting.id}`
  cookies.officer = await login(fixture.accounts.officer.email, fixture.accounts.officer.password)
  cookies.otherTeam = await login(fixture.accounts.otherMember.email, fixture.accounts.otherMember.password)
})

/** The text of the row or card of the public meeting in a list. */
const around = (text: string, topic: string) => text.slice(text.indexOf(topic), text.indexOf(topic) + 400)

describe('a meeting whose date passed and that nobody marked as held', () => {
  it('is not shown to a visitor as planned, on its page, its team’s page or the portal', async () => {
    const page = textOf(await (await get(publicMeeting)).text())
    expect(page).toContain('termin minął')
    expect(page).not.toContain('zaplanowane')
    expect(page).not.toContain(PROMPT)

    const team = textOf(await (await get(`/bodies/${fixture.bodies.publicBody.id}`)).text())
    expect(around(team, fixture.meetings.publicMeeting.topic)).toContain('termin minął')
    expect(around(team, fixture.meetings.publicMeeting.topic)).not.toContain('zaplanowane')

    const portal = textOf(await (await get(`/bodies/${fixture.bodies.publicBody.id}/years/2025`)).text())
    expect(portal).toContain('termin minął')
  })

  it('asks its officer whether it took place, on its page and on the dashboard', async () => {
    const page = textOf(await (await get(publicMeeting, { cookie: cookies.officer })).text())
    expect(page).toContain(PROMPT)
    expect(page).toContain('Tak, odbyło się')
    expect(page).toContain('Odwołaj spotkanie')

    const dashboard = textOf(await (await get('/', { cookie: cookies.officer })).text())
    expect(dashboard).toContain('Spotkania do potwierdzenia')
    expect(dashboard).toContain(fixture.meetings.publicMeeting.topic)
    expect(dashboard).toContain(fixture.meetings.dst.topic)
  })

  it('asks nobody else, and lets nobody else answer', async () => {
    const page = textOf(await (await get(publicMeeting, { cookie: cookies.otherTeam })).text())
    expect(page).toContain('termin minął')
    expect(page).not.toContain(PROMPT)
    expect(textOf(await (await get('/', { cookie: cookies.otherTeam })).text())).not.toContain('Spotkania do potwierdzenia')
    expect((await post(`${publicMeeting}?index`, { intent: 'held' }, { cookie: cookies.otherTeam })).status).toBe(404)
    expect((await post(`${publicMeeting}?index`, { intent: 'held' })).status).toBe(404)
  })

  it('reads as held once the officer confirms it, and leaves the dashboard', async () => {
    const response = await post(`${publicMeeting}?index`, { intent: 'held' }, { cookie: cookies.officer })
    expect(location(response)).toBe(publicMeeting)
    const page = textOf(await (await get(publicMeeting)).text())
    expect(page).toContain('odbyło się')
    expect(page).not.toContain('termin minął')
    expect(textOf(await (await get(publicMeeting, { cookie: cookies.officer })).text())).not.toContain(PROMPT)
    expect(textOf(await (await get('/', { cookie: cookies.officer })).text())).not.toContain(fixture.meetings.publicMeeting.topic)
  })

  it('reads as cancelled once the officer says it did not take place', async () => {
    const dst = `/meetings/${fixture.meetings.dst.id}`
    const response = await post(`${dst}?index`, { intent: 'cancel', reason: 'Brak kworum' }, { cookie: cookies.officer })
    expect(location(response)).toBe(dst)
    const page = textOf(await (await get(dst, { cookie: cookies.officer })).text())
    expect(page).toContain('odwołane')
    expect(page).not.toContain(PROMPT)
    expect(textOf(await (await get('/', { cookie: cookies.officer })).text())).not.toContain(fixture.meetings.dst.topic)
  })
})
