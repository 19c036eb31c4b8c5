import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { get, location, login, post, setCookie, textOf } from '#tests/support/http'

let fixture: CalendarFixture
let newPath: string
const cookies: Record<'officer' | 'otherTeam', string> = { officer: '', otherTeam: '' }

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  newPath = `/bodies/${fixture.bodies.privateBody.id}/meetings/new?from=${fixture.meetings.dst.id}`
  cookies.officer = await login(fixture.accounts.officer.email, fixture.accounts.officer.password)
  cookies.otherTeam = await login(fixture.accounts.otherMember.email, fixture.accounts.otherMember.password)
})

const form = (overrides: Record<string, string> = {}) => ({
  topic: `Druga edycja warsztatów ${crypto.randomUUID().slice(0, 6)}`,
  startsAt: '2099-05-12T10:00',
  endsAt: '2099-05-13T16:00',
  from: String(fixture.meetings.dst.id),
  copyAgenda: 'on',
  copyGuests: 'on',
  ...overrides,
})

describe('scheduling the next meeting of a meeting', () => {
  it('offers the officer to copy its agenda and its guests', async () => {
    const response = await get(newPath, { cookie: cookies.officer })
    expect(response.status).toBe(200)
    const text = textOf(await response.text())
    expect(text).toContain('Skopiuj program (6 punktów)')
    expect(text).toContain('Skopiuj gości (2 osoby)')
    expect(text).toContain('Program obejmuje 2 dni.')
  })

  it('gives nothing to a visitor or to a member of another team', async () => {
    expect(location(await get(newPath))).toMatch(/^\/login/)
    expect((await get(newPath, { cookie: cookies.otherTeam })).status).toBe(404)
    expect((await post(newPath, form(), { cookie: cookies.otherTeam })).status).toBe(404)
  })

  it('creates the meeting with the agenda on its new days, an hour later as it starts an hour later, and the guests pending', async () => {
    const response = await post(newPath, form(), { cookie: cookies.officer })
    expect(response.status).toBe(302)
    const meeting = location(response)!.match(/^\/meetings\/(\d+)$/)![1]!
    const flash = setCookie(response, 'narada_flash')!.split(';', 1)[0]!
    const notice = textOf(await (await get(location(response)!, { cookie: `${cookies.officer}; ${flash}` })).text())
    expect(notice).toContain('Zaplanowano spotkanie. Skopiowano 6 punktów programu i 2 gości (zaproszenia nie zostały wysłane).')
    const agenda = textOf(await (await get(`/meetings/${meeting}/agenda`, { cookie: cookies.officer })).text())
    expect(agenda).toContain('12 maja 2099')
    expect(agenda).toContain('13 maja 2099')
    expect(agenda).toMatch(/10:00\s*[–-]\s*11:30[\s\S]*Otwarcie spotkania i przedstawienie uczestników/)
    expect(agenda).toMatch(/13:30\s*[–-]\s*15:00[\s\S]*Warsztat: diagnoza potrzeb rodzin/)
    expect(agenda).toMatch(/15:00\s*[–-]\s*16:00[\s\S]*Podsumowanie i wnioski/)
    expect(agenda).toContain('Sala B')
    expect(agenda).not.toContain('2025')

    const invitations = textOf(await (await get(`/meetings/${meeting}/invitations`, { cookie: cookies.officer })).text())
    expect(invitations).toContain(fixture.people.speaker.name)
    expect(invitations).toContain(fixture.people.guest.name)
    // Guests only: the delegates come from the memberships when the officer invites the members.
    expect(invitations).not.toContain(fixture.people.delegate.name)
    const rows = db
      .select({ response: schema.invitations.response, sentAt: schema.invitations.sentAt })
      .from(schema.invitations)
      .where(and(eq(schema.invitations.meetingId, Number(meeting)), eq(schema.invitations.kind, 'guest')))
      .all()
    expect(rows).toEqual([
      { response: 'pending', sentAt: null },
      { response: 'pending', sentAt: null },
    ])
  })

  it('says so, and creates nothing, when the new meeting is shorter than the agenda', async () => {
    const topic = `Za krótkie spotkanie ${crypto.randomUUID().slice(0, 6)}`
    const response = await post(newPath, form({ topic, endsAt: '2099-05-12T16:00' }), { cookie: cookies.officer })
    expect(response.status).toBe(400)
    expect(textOf(await response.text())).toContain('Program poprzedniego spotkania obejmuje więcej dni niż nowe spotkanie.')
    expect(db.select().from(schema.meetings).where(eq(schema.meetings.topic, topic)).all()).toEqual([])
  })

  it('leaves the agenda and the guests behind when unticked', async () => {
    const response = await post(newPath, form({ copyAgenda: '', copyGuests: '' }), { cookie: cookies.officer })
    const meeting = Number(location(response)!.split('/').pop())
    expect(db.select().from(schema.agendaItems).where(eq(schema.agendaItems.meetingId, meeting)).all()).toEqual([])
    expect(db.select().from(schema.invitations).where(eq(schema.invitations.meetingId, meeting)).all()).toEqual([])
  })
})
