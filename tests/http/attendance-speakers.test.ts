import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import type { CalendarFixture } from '#tests/support/calendar-fixtures'
import { get, location, login, post, textOf } from '#tests/support/http'

type Who = 'visitor' | 'otherTeam' | 'member' | 'officer'

let fixture: CalendarFixture
let path: string
const cookies: Partial<Record<Who, string>> = {}
const ids = { other: 0, first: 0, second: 0, outsider: 0 }

const organisationId = (name: string) =>
  db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.name, name)).get()!.id

beforeAll(async () => {
  const { createCalendarFixture } = await import('#tests/support/calendar-fixtures')
  fixture = await createCalendarFixture()
  path = `/meetings/${fixture.meetings.dst.id}/attendance`
  const { officer, member, otherMember } = fixture.accounts
  cookies.officer = await login(officer.email, officer.password)
  cookies.member = await login(member.email, member.password)
  cookies.otherTeam = await login(otherMember.email, otherMember.password)
  ids.other = fixture.personIds.other
  // Two more speakers of a panel, neither invited, and someone who is on no agenda.
  const pup = organisationId(fixture.names.pup)
  const person = (name: string) =>
    db.insert(schema.people).values({ name, organisationId: pup, position: 'Specjalista' }).returning({ id: schema.people.id }).get().id
  ids.first = person(`Anna Panelowa ${fixture.suffix}`)
  ids.second = person(`Beata Panelowa ${fixture.suffix}`)
  ids.outsider = person(`Celina Spoza ${fixture.suffix}`)
  const panel = db
    .insert(schema.agendaItems)
    .values({ meetingId: fixture.meetings.dst.id, day: '2025-03-30', position: 10, kind: 'panel', title: 'Panel dyskusyjny' })
    .returning({ id: schema.agendaItems.id })
    .get()
  db.insert(schema.agendaSpeakers)
    .values([
      { agendaItemId: panel.id, personId: ids.first, position: 0 },
      { agendaItemId: panel.id, personId: ids.second, position: 1 },
    ])
    .run()
})

const offerOf = (html: string) => textOf(html.match(/<form[^>]*aria-labelledby="agenda-people-title"[\s\S]*?<\/form>/)?.[0] ?? '')
const invitationOf = (id: number) =>
  db
    .select({ kind: schema.invitations.kind, attendance: schema.invitations.attendance })
    .from(schema.invitations)
    .where(and(eq(schema.invitations.meetingId, fixture.meetings.dst.id), eq(schema.invitations.personId, id)))
    .get()

describe('speakers and moderators offered for the attendance list', () => {
  it('offers the officer the agenda people who are not on the list, and nobody already on it', async () => {
    const html = await (await get(path, { cookie: cookies.officer })).text()
    const offer = offerOf(html)
    expect(offer).toContain('Prelegenci i moderatorzy spoza listy')
    expect(offer).toContain(fixture.people.other.name)
    expect(offer).toContain(`Anna Panelowa ${fixture.suffix}`)
    expect(offer).toContain(`Beata Panelowa ${fixture.suffix}`)
    // Invited already: the delegate (a moderator) and the speaker invited as a guest.
    expect(offer).not.toContain(fixture.people.delegate.name)
    expect(offer).not.toContain(fixture.people.speaker.name)
    expect(offer).not.toContain('Celina Spoza')
    expect(html.match(/<input type="checkbox" name="personId"[^>]*checked=""/g)).toHaveLength(3)
  })

  it('is not shown to a team member who only reads the summary, and refused to them', async () => {
    const html = await (await get(path, { cookie: cookies.member })).text()
    expect(offerOf(html)).toBe('')
    expect(html).not.toContain('Anna Panelowa')
    const response = await post(path, { intent: 'agenda-people', personId: String(ids.first) }, { cookie: cookies.member })
    expect([403, 404]).toContain(response.status)
    expect(invitationOf(ids.first)).toBeUndefined()
  })

  it('gives a signed-out visitor and a member of another team nothing, and adds nobody for them', async () => {
    const signedOut = await get(path)
    expect(signedOut.status).toBe(302)
    expect(location(signedOut)).toMatch(/^\/login\?redirectTo=/)
    const otherTeam = await get(path, { cookie: cookies.otherTeam })
    expect(otherTeam.status).toBe(404)
    expect(await otherTeam.text()).not.toContain('Anna Panelowa')
    for (const cookie of [undefined, cookies.otherTeam]) {
      const response = await post(path, { intent: 'agenda-people', personId: String(ids.first) }, { cookie })
      expect([302, 403, 404]).toContain(response.status)
      if (response.status === 302) expect(location(response)).toMatch(/^\/login/)
    }
    expect(invitationOf(ids.first)).toBeUndefined()
  })

  it('adds the chosen ones as guests present, ignoring anyone the offer does not hold', async () => {
    const form = new URLSearchParams({ intent: 'agenda-people' })
    for (const id of [ids.other, ids.first, ids.outsider]) form.append('personId', String(id))
    const response = await post(path, form, { cookie: cookies.officer })
    expect(response.status).toBe(302)
    expect(location(response)).toBe(path)
    expect(invitationOf(ids.other)).toEqual({ kind: 'guest', attendance: 'present' })
    expect(invitationOf(ids.first)).toEqual({ kind: 'guest', attendance: 'present' })
    expect(invitationOf(ids.outsider)).toBeUndefined()
    const html = await (await get(path, { cookie: cookies.officer })).text()
    // Beata, not ticked, is still offered; the others are on the list now, marked present.
    const offer = offerOf(html)
    expect(offer).toContain(`Beata Panelowa ${fixture.suffix}`)
    expect(offer).not.toContain('Anna Panelowa')
    expect(offer).not.toContain(fixture.people.other.name)
    const anna = [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((tr) => tr.includes('Anna Panelowa'))!
    expect(anna).toMatch(/checked="" value="present"/)
  })

  it('hides the section once every agenda person is on the list', async () => {
    const response = await post(path, { intent: 'agenda-people', personId: String(ids.second) }, { cookie: cookies.officer })
    expect(response.status).toBe(302)
    expect(offerOf(await (await get(path, { cookie: cookies.officer })).text())).toBe('')
  })
})

describe('the agenda page names a speaker by the short name of the institution', () => {
  it('prints „name (short name)” where the institution has one, the full name otherwise', async () => {
    db.update(schema.organisations).set({ shortName: 'PUP Wodzisław' }).where(eq(schema.organisations.name, fixture.names.pup)).run()
    const text = textOf(await (await get(`/meetings/${fixture.meetings.dst.id}/agenda`, { cookie: cookies.officer })).text())
    expect(text).toContain(`${fixture.people.other.name} (PUP Wodzisław)`)
    expect(text).not.toContain(`${fixture.people.other.name} (${fixture.names.pup})`)
    expect(text).toContain(`${fixture.people.speaker.name} (${fixture.names.foundation})`)
  })
})
