import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import type { AgendaItemInput } from '~/schemas/agenda'
import { addAgendaItem, listAgenda, moveAgendaItem, removeAgendaItem, updateAgendaItem } from './agenda.server'
import { createBody } from './body.server'
import { createMeeting } from './meeting.server'
import { createOrganisation } from './organisation.server'
import { archivePerson, createPerson } from './person.server'

const actor = { userId: null, ip: '203.0.113.9' }
let counter = 0
const people: Record<'pup' | 'mops' | 'ohp' | 'guest', number> = { pup: 0, mops: 0, ohp: 0, guest: 0 }
let bodyId = 0

function organisation(name: string, kind: 'pup' | 'ops' | 'ohp' | 'ngo') {
  counter += 1
  const saved = createOrganisation({ input: { name: `${name} ${counter}`, kind, municipalityCode: '2469011' }, actor })
  if (!saved.ok) throw new Error(`organisation not saved: ${name}`)
  return saved.id
}

function person(name: string, organisationId: number) {
  const saved = createPerson({ input: { name, organisationId }, actor })
  if (!saved.ok) throw new Error(`person not saved: ${name}`)
  return saved.id
}

beforeAll(() => {
  const convening = organisation('Urząd Miasta Katowice', 'ops')
  people.pup = person('Ewa Żółkiewska', organisation('Powiatowy Urząd Pracy w Katowicach', 'pup'))
  people.mops = person('Łucja Ćwik', organisation('Miejski Ośrodek Pomocy Społecznej w Katowicach', 'ops'))
  people.ohp = person('Jerzy Śliwa', organisation('Ochotnicze Hufce Pracy', 'ohp'))
  people.guest = person('Grzegorz Gość', organisation('Śląska Fundacja Obywatelska Lex Civis', 'ngo'))
  const body = createBody({
    input: { kind: 'advisory_team', name: 'Zespół ds. bezrobotnych', conveningOrganisationId: convening, isPublic: false },
    actor,
    convenor: null,
  })
  if (!body.ok) throw new Error('body not saved')
  bodyId = body.id
})

/** A two-day meeting: 14–15 May 2012. */
function twoDayMeeting() {
  return createMeeting({
    bodyId,
    input: { topic: 'Aktywizacja osób bezrobotnych', startsAt: '2012-05-14T09:00', endsAt: '2012-05-15T15:00', isPublic: false },
    actor,
  }).id
}

function item(overrides: Partial<AgendaItemInput> = {}): AgendaItemInput {
  return { day: '2012-05-14', kind: 'presentation', title: 'Prezentacja', speakerIds: [], ...overrides }
}

function add(meetingId: number, overrides: Partial<AgendaItemInput>) {
  const saved = addAgendaItem({ meetingId, input: item(overrides), actor })
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
  return saved.id
}

const outline = (meetingId: number) => listAgenda({ meetingId }).map((row) => `${row.day.slice(8)}/${row.position} ${row.title}`)

function positions(meetingId: number) {
  return db
    .select({ day: schema.agendaItems.day, position: schema.agendaItems.position })
    .from(schema.agendaItems)
    .where(eq(schema.agendaItems.meetingId, meetingId))
    .orderBy(asc(schema.agendaItems.day), asc(schema.agendaItems.position))
    .all()
}

function auditRows(meetingId: number) {
  return db
    .select({ action: schema.auditLog.action, before: schema.auditLog.before, after: schema.auditLog.after, ip: schema.auditLog.ip })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, 'meeting'), eq(schema.auditLog.entityId, String(meetingId))))
    .all()
    .filter((row) => row.action.startsWith('agenda.'))
}

describe('the agenda', () => {
  it('lists items day by day, with speakers in order and the moderator, named with their institutions', () => {
    const meetingId = twoDayMeeting()
    add(meetingId, { day: '2012-05-15', kind: 'group_work', title: 'Praca w grupach', startTime: '10:00', moderatorPersonId: people.ohp })
    add(meetingId, { title: 'Oferta PUP i MOPS', startTime: '10:00', endTime: '11:00', speakerIds: [people.mops, people.pup] })
    add(meetingId, { kind: 'opening', title: 'Otwarcie', startTime: '09:00' })
    const agenda = listAgenda({ meetingId })
    expect(outline(meetingId)).toEqual(['14/1 Otwarcie', '14/2 Oferta PUP i MOPS', '15/1 Praca w grupach'])
    expect(agenda[1]!.speakers.map((s) => s.name)).toEqual(['Łucja Ćwik', 'Ewa Żółkiewska'])
    expect(agenda[1]!.speakers[1]!.organisation).toMatch(/^Powiatowy Urząd Pracy w Katowicach/)
    expect(agenda[2]!.moderator).toMatchObject({ personId: people.ohp, name: 'Jerzy Śliwa' })
    expect(agenda[0]!.moderator).toBeNull()
  })

  it('places a new item by its start time, an item without one at the end of its day', () => {
    const meetingId = twoDayMeeting()
    add(meetingId, { title: 'A 09:00', startTime: '09:00' })
    add(meetingId, { title: 'C 11:00', startTime: '11:00' })
    add(meetingId, { title: 'B 10:00', startTime: '10:00' })
    add(meetingId, { title: 'D bez godziny' })
    expect(outline(meetingId)).toEqual(['14/1 A 09:00', '14/2 B 10:00', '14/3 C 11:00', '14/4 D bez godziny'])
  })

  it('refuses a day outside the meeting, an unknown person and someone archived', () => {
    const meetingId = twoDayMeeting()
    expect(addAgendaItem({ meetingId, input: item({ day: '2012-05-16' }), actor })).toEqual({
      ok: false,
      fieldErrors: { day: ['agenda.validation.dayOutside'] },
    })
    expect(addAgendaItem({ meetingId, input: item({ speakerIds: [people.pup, 987_654] }), actor })).toEqual({
      ok: false,
      fieldErrors: { speakerIds: ['agenda.validation.unknownPerson'] },
    })
    expect(addAgendaItem({ meetingId, input: item({ moderatorPersonId: 987_654 }), actor })).toEqual({
      ok: false,
      fieldErrors: { moderatorPersonId: ['agenda.validation.unknownPerson'] },
    })
    const leaving = person('Anna Odchodząca', organisation('Stowarzyszenie Otwarte Drzwi', 'ngo'))
    const itemId = add(meetingId, { title: 'Z osobą, która odejdzie', speakerIds: [leaving] })
    archivePerson({ id: leaving, actor })
    expect(addAgendaItem({ meetingId, input: item({ speakerIds: [leaving] }), actor }).ok).toBe(false)
    // Already on an item, the archived person may stay there when it is edited.
    expect(updateAgendaItem({ meetingId, itemId, input: item({ title: 'Z osobą, która odeszła', speakerIds: [leaving] }), actor }).ok).toBe(
      true,
    )
    expect(outline(meetingId)).toEqual(['14/1 Z osobą, która odeszła'])
  })

  it('moves items up and down within their day, keeping positions 1, 2, 3', () => {
    const meetingId = twoDayMeeting()
    const a = add(meetingId, { title: 'A' })
    const b = add(meetingId, { title: 'B' })
    const c = add(meetingId, { title: 'C' })
    add(meetingId, { day: '2012-05-15', title: 'D' })
    expect(moveAgendaItem({ meetingId, itemId: c, direction: 'up', actor })).toBe(true)
    expect(outline(meetingId)).toEqual(['14/1 A', '14/2 C', '14/3 B', '15/1 D'])
    expect(moveAgendaItem({ meetingId, itemId: a, direction: 'up', actor })).toBe(false)
    expect(moveAgendaItem({ meetingId, itemId: b, direction: 'down', actor })).toBe(false)
    expect(moveAgendaItem({ meetingId, itemId: a, direction: 'down', actor })).toBe(true)
    expect(outline(meetingId)).toEqual(['14/1 C', '14/2 A', '14/3 B', '15/1 D'])
    const moves = auditRows(meetingId).filter((row) => row.action === 'agenda.itemMoved')
    expect(moves.map((row) => JSON.parse(row.after!))).toEqual([
      { itemId: c, position: 2 },
      { itemId: a, position: 2 },
    ])
  })

  it('moves an item to another day when its day is changed, closing the gap it leaves', () => {
    const meetingId = twoDayMeeting()
    add(meetingId, { title: 'A', startTime: '09:00' })
    const b = add(meetingId, { title: 'B', startTime: '10:00' })
    add(meetingId, { title: 'C', startTime: '11:00' })
    add(meetingId, { day: '2012-05-15', title: 'D', startTime: '09:00' })
    add(meetingId, { day: '2012-05-15', title: 'E', startTime: '12:00' })
    const saved = updateAgendaItem({
      meetingId,
      itemId: b,
      input: item({ day: '2012-05-15', title: 'B', startTime: '10:00', speakerIds: [people.guest] }),
      actor,
    })
    expect(saved).toEqual({ ok: true, id: b })
    expect(outline(meetingId)).toEqual(['14/1 A', '14/2 C', '15/1 D', '15/2 B', '15/3 E'])
    expect(listAgenda({ meetingId })[3]!.speakers.map((s) => s.name)).toEqual(['Grzegorz Gość'])
    const update = auditRows(meetingId).find((row) => row.action === 'agenda.itemUpdated')!
    // Only what changed is recorded: the day (second on both days, so not the position) and the speakers.
    expect(JSON.parse(update.before!)).toEqual({ itemId: b, day: '2012-05-14', speakerIds: [] })
    expect(JSON.parse(update.after!)).toEqual({ itemId: b, day: '2012-05-15', speakerIds: [people.guest] })
  })

  it('removes an item with its speakers, closing the gap, each change with its audit row', () => {
    const meetingId = twoDayMeeting()
    add(meetingId, { title: 'A' })
    const b = add(meetingId, { title: 'B', speakerIds: [people.pup, people.mops] })
    add(meetingId, { title: 'C' })
    removeAgendaItem({ meetingId, itemId: b, actor })
    expect(outline(meetingId)).toEqual(['14/1 A', '14/2 C'])
    expect(positions(meetingId).map((row) => row.position)).toEqual([1, 2])
    expect(db.select().from(schema.agendaSpeakers).where(eq(schema.agendaSpeakers.agendaItemId, b)).all()).toEqual([])
    const rows = auditRows(meetingId)
    expect(rows.map((row) => row.action)).toEqual(['agenda.itemAdded', 'agenda.itemAdded', 'agenda.itemAdded', 'agenda.itemRemoved'])
    expect(JSON.parse(rows[3]!.before!)).toMatchObject({ itemId: b, title: 'B', speakerIds: [people.pup, people.mops] })
    expect(rows.every((row) => row.ip === '203.0.113.9')).toBe(true)
  })

  it('answers 404 for an item of another meeting', () => {
    const one = twoDayMeeting()
    const other = twoDayMeeting()
    const itemId = add(one, { title: 'Cudzy punkt' })
    expect(() => moveAgendaItem({ meetingId: other, itemId, direction: 'up', actor })).toThrow()
    expect(() => removeAgendaItem({ meetingId: other, itemId, actor })).toThrow()
    expect(outline(one)).toEqual(['14/1 Cudzy punkt'])
  })
})
