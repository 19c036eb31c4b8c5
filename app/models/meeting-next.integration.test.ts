import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestBody, createTestMeeting, createTestOrganisation, createTestPerson, seat } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import type { ActionItemInput } from '~/schemas/action-item'
import type { AgendaItemInput } from '~/schemas/agenda'
import type { MeetingInput } from '~/schemas/meeting'
import { addActionItem, CARRY_OVER_TITLE, addCarryOverAgendaItem } from './action-item.server'
import { addAgendaItem, listAgenda } from './agenda.server'
import { addGuest, addPersonGuest, inviteMembers, listInvitations } from './invitation.server'
import { cancelMeeting, createMeeting, getSeries, setMeetingState } from './meeting.server'
import { createNextMeeting, getNextMeetingSource } from './next-meeting.server'
import { archivePerson } from './person.server'

const actor = { userId: null, ip: '203.0.113.7' }
let mops = 0
let speaker = 0
let moderator = 0
let guest = 0
let leaver = 0

beforeAll(() => {
  mops = createTestOrganisation('Miejski Ośrodek Pomocy Społecznej w Rybniku', { kind: 'ops' })
  speaker = createTestPerson(mops, 'Anna Prelegentka')
  moderator = createTestPerson(mops, 'Jan Prowadzący')
  guest = createTestPerson(mops, 'Ewa Gościnna', 'ewa.goscinna@example.org')
  leaver = createTestPerson(mops, 'Piotr Odszedł')
})

function team() {
  const convening = createTestOrganisation('Starostwo Powiatowe w Rybniku', { kind: 'city_hall' })
  const bodyId = createTestBody({ conveningOrganisationId: convening, convenor: null, name: 'Zespół ds. aktywizacji' })
  seat(bodyId, mops, speaker)
  return bodyId
}

function item(meetingId: number, input: Partial<AgendaItemInput> & Pick<AgendaItemInput, 'day' | 'title'>) {
  const saved = addAgendaItem({ meetingId, input: { kind: 'presentation', speakerIds: [], ...input } as AgendaItemInput, actor })
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  return saved.id
}

/** A two-day conference: opening, parallel workshops with a moderator and speakers, a second day. */
function conference(bodyId: number) {
  const meetingId = createTestMeeting(bodyId, { startsAt: '2031-05-14T09:00', endsAt: '2031-05-15T15:00' })
  item(meetingId, { day: '2031-05-14', title: 'Otwarcie', kind: 'opening', startTime: '09:00', endTime: '09:15' })
  item(meetingId, {
    day: '2031-05-14',
    title: 'Warsztat A',
    kind: 'workshop',
    startTime: '10:00',
    endTime: '12:00',
    track: 'Sala A',
    moderatorPersonId: moderator,
    speakerIds: [speaker],
  })
  item(meetingId, { day: '2031-05-14', title: 'Warsztat B', kind: 'workshop', startTime: '10:00', endTime: '12:00', track: 'Sala B' })
  item(meetingId, { day: '2031-05-15', title: 'Podsumowanie', kind: 'discussion', startTime: '13:30', endTime: '15:00' })
  return meetingId
}

const next = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  topic: 'Druga konferencja regionalna',
  startsAt: '2031-10-07T10:00',
  endsAt: '2031-10-08T16:00',
  isPublic: false,
  ...overrides,
})

const auditOf = (meetingId: number) =>
  db
    .select({ action: schema.auditLog.action, after: schema.auditLog.after })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, 'meeting'), eq(schema.auditLog.entityId, String(meetingId))))
    .orderBy(asc(schema.auditLog.id))
    .all()

describe('the next meeting', () => {
  it('copies the agenda to the new days, each item as far from the start as before, with its people and track', () => {
    const bodyId = team()
    const from = conference(bodyId)
    expect(getNextMeetingSource({ bodyId, meetingId: from })).toMatchObject({ agendaItems: 4, agendaDays: 2 })

    const created = createNextMeeting({ bodyId, input: next(), fromMeetingId: from, copy: { agenda: true, guests: false }, actor })
    if (!created.ok) throw new Error(JSON.stringify(created))
    const agenda = listAgenda({ meetingId: created.id })
    // The new meeting starts an hour later, at 10:00: so does everything in it.
    expect(agenda.map((i) => [i.day, i.startTime, i.endTime, i.kind, i.title, i.track])).toEqual([
      ['2031-10-07', '10:00', '10:15', 'opening', 'Otwarcie', null],
      ['2031-10-07', '11:00', '13:00', 'workshop', 'Warsztat A', 'Sala A'],
      ['2031-10-07', '11:00', '13:00', 'workshop', 'Warsztat B', 'Sala B'],
      ['2031-10-08', '14:30', '16:00', 'discussion', 'Podsumowanie', null],
    ])
    const workshop = agenda.find((i) => i.title === 'Warsztat A')!
    expect(workshop.moderator?.personId).toBe(moderator)
    expect(workshop.speakers.map((s) => s.personId)).toEqual([speaker])
    // The source is untouched.
    expect(listAgenda({ meetingId: from }).map((i) => i.day)).toEqual(['2031-05-14', '2031-05-14', '2031-05-14', '2031-05-15'])
    expect(auditOf(created.id).map((row) => row.action)).toEqual(['meeting.created', 'agenda.copied'])
    expect(JSON.parse(String(auditOf(created.id)[1]!.after))).toEqual({ fromMeetingId: from, items: 4 })
  })

  it('keeps both times of an item that the shift would push past midnight, so that it never ends before it starts', () => {
    const bodyId = team()
    const from = createTestMeeting(bodyId, { startsAt: '2031-05-14T09:00', endsAt: '2031-05-14T23:45' })
    item(from, { day: '2031-05-14', title: 'Otwarcie', kind: 'opening', startTime: '09:00', endTime: '09:15' })
    item(from, { day: '2031-05-14', title: 'Wieczór', kind: 'discussion', startTime: '22:30', endTime: '23:15' })
    const created = createNextMeeting({
      bodyId,
      input: next({ startsAt: '2031-10-07T10:00', endsAt: '2031-10-07T23:59' }),
      fromMeetingId: from,
      copy: { agenda: true, guests: false },
      actor,
    })
    if (!created.ok) throw new Error(JSON.stringify(created))
    expect(listAgenda({ meetingId: created.id }).map((i) => [i.title, i.startTime, i.endTime])).toEqual([
      ['Otwarcie', '10:00', '10:15'],
      ['Wieczór', '22:30', '23:15'],
    ])
  })

  it('refuses, creating nothing, a new meeting with fewer days than the agenda it would copy', () => {
    const bodyId = team()
    const from = conference(bodyId)
    const before = db.select({ id: schema.meetings.id }).from(schema.meetings).where(eq(schema.meetings.bodyId, bodyId)).all().length
    const refused = createNextMeeting({
      bodyId,
      input: next({ endsAt: '2031-10-07T16:00' }),
      fromMeetingId: from,
      copy: { agenda: true, guests: true },
      actor,
    })
    expect(refused).toEqual({ ok: false, fieldErrors: { endsAt: ['meetings.validation.agendaLonger'] } })
    expect(db.select({ id: schema.meetings.id }).from(schema.meetings).where(eq(schema.meetings.bodyId, bodyId)).all()).toHaveLength(before)
    // Without the agenda the one-day meeting is fine.
    expect(
      createNextMeeting({
        bodyId,
        input: next({ endsAt: '2031-10-07T16:00' }),
        fromMeetingId: from,
        copy: { agenda: false, guests: false },
        actor,
      }).ok,
    ).toBe(true)
  })

  it('draws up the carry-over item again from the open action items instead of copying the old one', () => {
    const bodyId = team()
    const earlier = createTestMeeting(bodyId, { startsAt: '2031-03-01T10:00', endsAt: '2031-03-01T12:00' })
    addActionItem({ meetingId: earlier, input: { text: 'Przygotować diagnozę lokalną' } as ActionItemInput, actor })
    const from = conference(bodyId)
    expect(addCarryOverAgendaItem({ meetingId: from, actor })?.created).toBe(true)
    addActionItem({ meetingId: from, input: { text: 'Zawrzeć porozumienie MOPS–PUP' } as ActionItemInput, actor })
    expect(getNextMeetingSource({ bodyId, meetingId: from })!.agendaItems).toBe(4)

    const created = createNextMeeting({ bodyId, input: next(), fromMeetingId: from, copy: { agenda: true, guests: false }, actor })
    if (!created.ok) throw new Error(JSON.stringify(created))
    const agenda = listAgenda({ meetingId: created.id })
    expect(agenda.map((i) => i.title)).toEqual(['Otwarcie', CARRY_OVER_TITLE, 'Warsztat A', 'Warsztat B', 'Podsumowanie'])
    const carryOver = agenda.find((i) => i.title === CARRY_OVER_TITLE)!
    // Both open items, the one decided at the copied meeting too, which the old item could not list.
    expect(carryOver.description).toContain('Przygotować diagnozę lokalną')
    expect(carryOver.description).toContain('Zawrzeć porozumienie MOPS–PUP')
  })

  it('invites the guests again, pending and not sent, and leaves delegates to the memberships', () => {
    const bodyId = team()
    const from = conference(bodyId)
    inviteMembers({ meetingId: from, actor })
    addPersonGuest({ meetingId: from, personId: guest, actor })
    addPersonGuest({ meetingId: from, personId: leaver, actor })
    addGuest({ meetingId: from, input: { name: 'Maria Zewnętrzna', email: 'maria@example.org', organisation: 'Fundacja Razem' }, actor })
    db.update(schema.invitations)
      .set({ response: 'yes', sentAt: '2031-05-01T08:00:00.000Z' })
      .where(eq(schema.invitations.meetingId, from))
      .run()
    archivePerson({ id: leaver, actor })
    expect(getNextMeetingSource({ bodyId, meetingId: from })!.guests).toBe(2)

    const created = createNextMeeting({ bodyId, input: next(), fromMeetingId: from, copy: { agenda: false, guests: true }, actor })
    if (!created.ok) throw new Error(JSON.stringify(created))
    const invited = listInvitations({ meetingId: created.id })
    expect(invited.map((i) => [i.kind, i.name, i.email, i.response, i.sentAt]).sort()).toEqual(
      [
        ['guest', 'Ewa Gościnna', 'ewa.goscinna@example.org', 'pending', null],
        ['guest', 'Maria Zewnętrzna', 'maria@example.org', 'pending', null],
      ].sort(),
    )
    expect(auditOf(created.id).map((row) => row.action)).toEqual(['meeting.created', 'invitation.guestsCopied'])
    // The delegates come as always, from the memberships.
    inviteMembers({ meetingId: created.id, actor })
    expect(listInvitations({ meetingId: created.id }).filter((i) => i.kind === 'delegate')).toHaveLength(1)
  })

  it('copies only from a meeting of the same team', () => {
    const bodyId = team()
    const other = conference(team())
    expect(getNextMeetingSource({ bodyId, meetingId: other })).toBeNull()
    expect(() => createNextMeeting({ bodyId, input: next(), fromMeetingId: other, copy: { agenda: true, guests: true }, actor })).toThrow()
  })
})

describe('a series', () => {
  it('lists its meetings in order, each with its place, a cancelled one without a place', () => {
    const bodyId = team()
    const series = { seriesTitle: `Cykl spotkań ${bodyId}`, seriesPlannedCount: 3 }
    const at = (day: string) => ({
      topic: `Spotkanie ${day}`,
      startsAt: `${day}T10:00`,
      endsAt: `${day}T12:00`,
      isPublic: false,
      ...series,
    })
    const third = createMeeting({ bodyId, input: at('2031-09-01'), actor })
    const first = createMeeting({ bodyId, input: at('2031-03-01'), actor })
    const dropped = createMeeting({ bodyId, input: at('2031-05-01'), actor })
    const second = createMeeting({ bodyId, input: at('2031-06-01'), actor })
    cancelMeeting({ id: dropped.id, reason: 'Brak kworum', actor })
    setMeetingState({ id: first.id, state: 'held', actor })
    const seriesId = db.select({ seriesId: schema.meetings.seriesId }).from(schema.meetings).where(eq(schema.meetings.id, first.id)).get()!
      .seriesId!

    const listed = getSeries({ seriesId, user: { id: 0, role: 'admin' } as never, page: 1 })!
    expect(listed.series).toMatchObject({ title: series.seriesTitle, plannedCount: 3, bodyId })
    expect(listed.total).toBe(4)
    expect(listed.meetings.map((m) => [m.id, m.position, m.state])).toEqual([
      [first.id, 1, 'held'],
      [dropped.id, null, 'cancelled'],
      [second.id, 2, 'planned'],
      [third.id, 3, 'planned'],
    ])
    // A visitor sees none of a private team's meetings: no series at all.
    expect(getSeries({ seriesId, user: null, page: 1 })).toBeNull()
    expect(getSeries({ seriesId: 999_999, user: null, page: 1 })).toBeNull()
  })
})
