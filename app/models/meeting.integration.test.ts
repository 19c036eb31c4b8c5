import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import type { MeetingInput } from '~/schemas/meeting'
import { formatDayRange } from '~/utils/format'
import { addAgendaItem, listAgenda } from './agenda.server'
import { createBody } from './body.server'
import {
  cancelMeeting,
  createMeeting,
  getMeeting,
  getMeetingAccess,
  getNextMeetingDefaults,
  setMeetingState,
  updateMeeting,
} from './meeting.server'
import { createOrganisation } from './organisation.server'

const actor = { userId: null, ip: '203.0.113.7' }
let counter = 0

function newBody({ isPublic = false } = {}) {
  counter += 1
  const org = createOrganisation({
    input: { name: `Miejski Ośrodek Pomocy Społecznej nr ${counter}`, kind: 'ops', municipalityCode: '2415011' },
    actor,
  })
  if (!org.ok) throw new Error('organisation not saved')
  const body = createBody({
    input: { kind: 'working_group', name: `Grupa robocza ds. aktywizacji nr ${counter}`, conveningOrganisationId: org.id, isPublic },
    actor,
    convenor: null,
  })
  if (!body.ok) throw new Error('body not saved')
  return body.id
}

function input(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return { topic: 'Współpraca OPS i PUP', startsAt: '2017-05-16T13:00', endsAt: '2017-05-16T15:00', isPublic: false, ...overrides }
}

function auditActions(meetingId: number) {
  return db
    .select({ action: schema.auditLog.action, before: schema.auditLog.before, after: schema.auditLog.after })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, 'meeting'), eq(schema.auditLog.entityId, String(meetingId))))
    .all()
}

describe('meetings', () => {
  it('are numbered 1, 2, 3… within their body, each body from 1', () => {
    const bodyA = newBody()
    const bodyB = newBody()
    const a1 = createMeeting({ bodyId: bodyA, input: input(), actor })
    const a2 = createMeeting({ bodyId: bodyA, input: input({ startsAt: '2017-06-01T10:00', endsAt: '2017-06-01T12:00' }), actor })
    const b1 = createMeeting({ bodyId: bodyB, input: input(), actor })
    expect([a1.number, a2.number, b1.number]).toEqual([1, 2, 1])
    // A cancelled meeting keeps its number; the next one does not reuse it.
    cancelMeeting({ id: a2.id, reason: 'Brak kworum', actor })
    expect(createMeeting({ bodyId: bodyA, input: input(), actor }).number).toBe(3)
  })

  it('store Warsaw times as UTC, across the spring clock change', () => {
    const { id } = createMeeting({ bodyId: newBody(), input: input({ startsAt: '2025-03-29T09:00', endsAt: '2025-03-30T15:00' }), actor })
    const meeting = getMeeting({ id })!
    expect(meeting.startsAt).toBe('2025-03-29T08:00:00.000Z')
    expect(meeting.endsAt).toBe('2025-03-30T13:00:00.000Z')
    expect(formatDayRange(meeting.startsAt, meeting.endsAt)).toBe('29–30 marca 2025 r.')
  })

  it('know their place in a series, which a cancelled meeting gives up', () => {
    const bodyId = newBody()
    const series = { seriesTitle: 'Cykl spotkań 2017', seriesPlannedCount: 3 }
    const first = createMeeting({ bodyId, input: input({ ...series, startsAt: '2017-05-11T10:00', endsAt: '2017-05-11T12:00' }), actor })
    const third = createMeeting({ bodyId, input: input({ ...series, startsAt: '2017-06-20T10:00', endsAt: '2017-06-20T12:00' }), actor })
    const second = createMeeting({ bodyId, input: input({ ...series, startsAt: '2017-05-16T13:00', endsAt: '2017-05-16T15:00' }), actor })
    const outside = createMeeting({ bodyId, input: input({ startsAt: '2017-05-12T10:00', endsAt: '2017-05-12T12:00' }), actor })
    expect([first, second, third].map(({ id }) => getMeeting({ id })!.seriesPosition)).toEqual([1, 2, 3])
    expect(getMeeting({ id: second.id })).toMatchObject({ seriesTitle: 'Cykl spotkań 2017', seriesPlannedCount: 3 })
    expect(getMeeting({ id: outside.id })).toMatchObject({ seriesId: null, seriesPosition: null })
    // All three share one series row.
    expect(new Set([first, second, third].map(({ id }) => getMeeting({ id })!.seriesId)).size).toBe(1)
    cancelMeeting({ id: first.id, reason: 'Choroba prowadzącej', actor })
    expect(getMeeting({ id: second.id })!.seriesPosition).toBe(1)
    expect(getMeeting({ id: first.id })!.seriesPosition).toBe(1)
  })

  it('raise the calendar SEQUENCE when the time or place changes, not for the topic', () => {
    const { id } = createMeeting({ bodyId: newBody(), input: input(), actor })
    expect(updateMeeting({ id, input: input({ topic: 'Współpraca OPS, PCPR i PUP' }), actor })).toEqual({ ok: true, rescheduled: false })
    expect(getMeeting({ id })!.sequence).toBe(0)
    expect(updateMeeting({ id, input: input({ topic: 'Współpraca OPS, PCPR i PUP' }), actor })).toEqual({ ok: true, rescheduled: false })
    expect(
      updateMeeting({
        id,
        input: input({ topic: 'Współpraca OPS, PCPR i PUP', startsAt: '2017-05-16T14:00', endsAt: '2017-05-16T16:00' }),
        actor,
      }),
    ).toEqual({ ok: true, rescheduled: true })
    expect(getMeeting({ id })!.sequence).toBe(1)
    expect(
      updateMeeting({
        id,
        input: input({
          topic: 'Współpraca OPS, PCPR i PUP',
          startsAt: '2017-05-16T14:00',
          endsAt: '2017-05-16T16:00',
          venueAddress: 'ul. Daszyńskiego 3, Wodzisław Śląski',
        }),
        actor,
      }).rescheduled,
    ).toBe(true)
    expect(getMeeting({ id })!.sequence).toBe(2)
    const rows = auditActions(id)
    expect(rows.map((row) => row.action)).toEqual(['meeting.created', 'meeting.updated', 'meeting.rescheduled', 'meeting.rescheduled'])
    expect(JSON.parse(rows[2]!.before!)).toEqual({ startsAt: '2017-05-16T11:00:00.000Z', endsAt: '2017-05-16T13:00:00.000Z' })
  })

  it('take their agenda along to the new days, and cannot lose a day that has items', () => {
    const { id } = createMeeting({ bodyId: newBody(), input: input({ startsAt: '2012-05-14T09:00', endsAt: '2012-05-15T15:00' }), actor })
    addAgendaItem({ meetingId: id, input: { day: '2012-05-14', kind: 'opening', title: 'Otwarcie', speakerIds: [] }, actor })
    addAgendaItem({ meetingId: id, input: { day: '2012-05-15', kind: 'group_work', title: 'Praca w grupach', speakerIds: [] }, actor })
    const moved = updateMeeting({ id, input: input({ startsAt: '2012-05-21T09:00', endsAt: '2012-05-22T15:00' }), actor })
    expect(moved).toEqual({ ok: true, rescheduled: true })
    expect(listAgenda({ meetingId: id }).map((item) => [item.day, item.title])).toEqual([
      ['2012-05-21', 'Otwarcie'],
      ['2012-05-22', 'Praca w grupach'],
    ])
    const shortened = updateMeeting({ id, input: input({ startsAt: '2012-05-21T09:00', endsAt: '2012-05-21T15:00' }), actor })
    expect(shortened).toEqual({ ok: false, rescheduled: false, fieldErrors: { endsAt: ['meetings.validation.agendaOutside'] } })
    expect(getMeeting({ id })).toMatchObject({ endsAt: '2012-05-22T13:00:00.000Z', sequence: 1 })
  })

  it('are cancelled with a reason, once, and then stay cancelled', () => {
    const { id } = createMeeting({ bodyId: newBody(), input: input(), actor })
    cancelMeeting({ id, reason: 'Zmiana terminu posiedzenia Rady Miasta', actor })
    cancelMeeting({ id, reason: 'drugi raz', actor })
    expect(getMeeting({ id })).toMatchObject({ state: 'cancelled', cancelReason: 'Zmiana terminu posiedzenia Rady Miasta', sequence: 1 })
    setMeetingState({ id, state: 'held', actor })
    expect(getMeeting({ id })!.state).toBe('cancelled')
    expect(auditActions(id).map((row) => row.action)).toEqual(['meeting.created', 'meeting.cancelled'])
  })

  it('go planned → invited → held, never back', () => {
    const { id } = createMeeting({ bodyId: newBody(), input: input(), actor })
    setMeetingState({ id, state: 'held', actor })
    setMeetingState({ id, state: 'invited', actor })
    expect(getMeeting({ id })!.state).toBe('held')
  })

  it('start the next one from the last: its venue, series and visibility', () => {
    const bodyId = newBody({ isPublic: true })
    expect(getNextMeetingDefaults({ bodyId })).toBeNull()
    createMeeting({ bodyId, input: input({ venueName: 'Stara sala', startsAt: '2017-04-01T10:00', endsAt: '2017-04-01T12:00' }), actor })
    createMeeting({
      bodyId,
      input: input({
        venueName: 'MOPS Wodzisław Śląski',
        venueAddress: 'ul. Daszyńskiego 3, Wodzisław Śląski',
        venueRoom: 'sala konferencyjna',
        seriesTitle: 'Cykl spotkań 2017',
        seriesPlannedCount: 3,
        isPublic: true,
        startsAt: '2017-05-11T10:00',
        endsAt: '2017-05-11T12:00',
      }),
      actor,
    })
    expect(getNextMeetingDefaults({ bodyId })).toEqual({
      venueName: 'MOPS Wodzisław Śląski',
      venueAddress: 'ul. Daszyńskiego 3, Wodzisław Śląski',
      venueRoom: 'sala konferencyjna',
      isPublic: true,
      seriesTitle: 'Cykl spotkań 2017',
      seriesPlannedCount: 3,
    })
  })

  it('are seen by a visitor only when both the meeting and its body are public', () => {
    const publicBody = newBody({ isPublic: true })
    const privateBody = newBody()
    const open = createMeeting({ bodyId: publicBody, input: input({ isPublic: true }), actor })
    const closed = createMeeting({ bodyId: publicBody, input: input({ isPublic: false }), actor })
    const hidden = createMeeting({ bodyId: privateBody, input: input({ isPublic: true }), actor })
    expect([open, closed, hidden].map(({ id }) => getMeetingAccess({ meetingId: id, user: null }))).toEqual(['public', 'none', 'none'])
    expect(getMeetingAccess({ meetingId: 999_999, user: null })).toBe('none')
  })
})
