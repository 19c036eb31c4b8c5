import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createInvitationScene } from '#tests/support/invitations'
import { db, schema } from '~/db.server'
import { addWalkIn, listAttendance, setAttendance, setHeadcount, summarizeAttendance } from './attendance.server'
import { addGuest, addPersonGuest, inviteMembers, listInvitations } from './invitation.server'
import { getMeeting } from './meeting.server'

const actor = { userId: null, ip: '192.0.2.44' }

function auditActions(meetingId: number) {
  return db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.entityId, String(meetingId)))
    .all()
    .filter((r) => r.entityType === 'meeting' && r.action.startsWith('attendance.'))
}

async function sceneWithInvitees() {
  const scene = await createInvitationScene()
  inviteMembers({ meetingId: scene.meetingId, actor })
  addPersonGuest({ meetingId: scene.meetingId, personId: scene.people.outsider, actor })
  addGuest({ meetingId: scene.meetingId, input: { name: 'Jan Bezinstytucjonalny', email: 'jan@prywatny.test' }, actor })
  const id = (name: string) => listInvitations({ meetingId: scene.meetingId }).find((r) => r.name === name)!.id
  return { ...scene, id }
}

describe('attendance', () => {
  it('is listed by institution, with guests without one last under no institution', async () => {
    const scene = await sceneWithInvitees()
    const groups = listAttendance({ meetingId: scene.meetingId })
    expect(groups.map((g) => [g.organisation?.replace(/ [0-9a-f]{8}$/, '') ?? null, g.rows.map((r) => r.name)])).toEqual([
      ['Fundacja Inny Zespół', ['Ołeksandra Obca']],
      ['Miejski Ośrodek Pomocy Społecznej', ['Anna Łęcka', 'Żaneta Bez-Adresu']],
      ['Powiatowy Urząd Pracy', ['Grzegorz Źdźbło']],
      [null, ['Jan Bezinstytucjonalny']],
    ])
  })

  it('is saved for all rows at once, audited, and summed up per institution', async () => {
    const scene = await sceneWithInvitees()
    const { changed } = setAttendance({
      meetingId: scene.meetingId,
      entries: [
        { invitationId: scene.id('Anna Łęcka'), state: 'present' },
        { invitationId: scene.id('Żaneta Bez-Adresu'), state: 'excused' },
        { invitationId: scene.id('Grzegorz Źdźbło'), state: 'absent' },
        { invitationId: scene.id('Jan Bezinstytucjonalny'), state: 'unknown' },
      ],
      actor,
    })
    expect(changed).toBe(3)
    const { groups, total } = summarizeAttendance({ meetingId: scene.meetingId })
    const byName = Object.fromEntries(
      groups.map(({ organisation, ...counts }) => [organisation?.replace(/ [0-9a-f]{8}$/, '') ?? 'Goście', counts]),
    )
    expect(byName).toEqual({
      'Fundacja Inny Zespół': { present: 0, absent: 0, excused: 0, unknown: 1 },
      'Miejski Ośrodek Pomocy Społecznej': { present: 1, absent: 0, excused: 1, unknown: 0 },
      'Powiatowy Urząd Pracy': { present: 0, absent: 1, excused: 0, unknown: 0 },
      Goście: { present: 0, absent: 0, excused: 0, unknown: 1 },
    })
    expect(total).toEqual({ present: 1, absent: 1, excused: 1, unknown: 2 })
    const [audit] = auditActions(scene.meetingId)
    expect(audit?.action).toBe('attendance.recorded')
    expect(JSON.parse(audit!.after!)).toEqual({
      [scene.id('Anna Łęcka')]: 'present',
      [scene.id('Żaneta Bez-Adresu')]: 'excused',
      [scene.id('Grzegorz Źdźbło')]: 'absent',
    })

    // Saving the same again changes nothing and writes no new audit row.
    expect(
      setAttendance({ meetingId: scene.meetingId, entries: [{ invitationId: scene.id('Anna Łęcka'), state: 'present' }], actor }).changed,
    ).toBe(0)
    expect(auditActions(scene.meetingId)).toHaveLength(1)
  })

  it('ignores rows of another meeting', async () => {
    const scene = await sceneWithInvitees()
    const other = await sceneWithInvitees()
    const foreign = other.id('Anna Łęcka')
    expect(setAttendance({ meetingId: scene.meetingId, entries: [{ invitationId: foreign, state: 'present' }], actor }).changed).toBe(0)
    expect(listInvitations({ meetingId: other.meetingId }).find((r) => r.id === foreign)?.attendance).toBe('unknown')
  })

  it('adds someone who came uninvited as a guest who was present, and only marks an invitee present', async () => {
    const scene = await sceneWithInvitees()
    expect(
      addWalkIn({ meetingId: scene.meetingId, input: { name: 'Ewa Przypadkowa', organisation: 'Ochotnicze Hufce Pracy' }, actor }).ok,
    ).toBe(true)
    expect(addWalkIn({ meetingId: scene.meetingId, input: { personId: scene.people.pupDelegate }, actor })).toEqual({
      ok: true,
      id: scene.id('Grzegorz Źdźbło'),
    })
    expect(addWalkIn({ meetingId: scene.meetingId, input: { personId: 987_654_321 }, actor })).toEqual({
      ok: false,
      fieldErrors: { personId: ['validation.person'] },
    })
    const rows = listInvitations({ meetingId: scene.meetingId })
    expect(rows.find((r) => r.name === 'Ewa Przypadkowa')).toMatchObject({
      kind: 'guest',
      attendance: 'present',
      organisation: 'Ochotnicze Hufce Pracy',
      sentAt: null,
    })
    expect(rows.find((r) => r.name === 'Grzegorz Źdźbło')?.attendance).toBe('present')
    expect(rows.filter((r) => r.name === 'Grzegorz Źdźbło')).toHaveLength(1)
  })

  it('keeps a headcount for large meetings on the meeting', async () => {
    const scene = await sceneWithInvitees()
    setHeadcount({ meetingId: scene.meetingId, headcount: 50, actor })
    expect(getMeeting({ id: scene.meetingId })?.headcount).toBe(50)
    setHeadcount({ meetingId: scene.meetingId, headcount: null, actor })
    expect(getMeeting({ id: scene.meetingId })?.headcount).toBeNull()
    expect(auditActions(scene.meetingId).map((r) => r.action)).toEqual(['attendance.headcountSet', 'attendance.headcountSet'])
  })
})
