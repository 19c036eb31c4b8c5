import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { createTestBody, createTestOrganisation, seat } from '#tests/support/invitations'
import { setOrganisationArchived } from './organisation.server'
import { addMemberships, endMembership, listMembershipCandidates, listMemberships, teamStartDay } from './membership.server'

const actor = { userId: null, ip: '203.0.113.7' }

function scene() {
  const convening = createTestOrganisation('Urząd Miasta Zbiorczego', { kind: 'city_hall' })
  const bodyId = createTestBody({ conveningOrganisationId: convening, convenor: null })
  const seated = createTestOrganisation('MOPS Już Członek', { kind: 'ops' })
  seat(bodyId, seated, undefined, undefined, '2024-03-01')
  const fresh = [
    createTestOrganisation('GOPS Nowy Pierwszy'),
    createTestOrganisation('GOPS Nowy Drugi'),
    createTestOrganisation('PUP Nowy', { kind: 'pup' }),
  ]
  return { bodyId, seated, fresh }
}

const auditOf = (bodyId: number) =>
  db
    .select({ action: schema.auditLog.action, after: schema.auditLog.after })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, 'body'), eq(schema.auditLog.entityId, String(bodyId))))
    .all()

describe('adding several institutions to a team at once', () => {
  it('seats them all from one day, each with its audit row', () => {
    const { bodyId, fresh } = scene()
    expect(addMemberships({ bodyId, organisationIds: fresh, role: 'member', fromDate: '2024-03-01', actor })).toEqual({
      ok: true,
      added: 3,
    })
    const seats = listMemberships({ bodyId }).filter((m) => fresh.includes(m.organisationId))
    expect(seats.map((m) => [m.fromDate, m.toDate, m.role])).toEqual([
      ['2024-03-01', null, 'member'],
      ['2024-03-01', null, 'member'],
      ['2024-03-01', null, 'member'],
    ])
    const added = auditOf(bodyId).filter(
      (row) => row.action === 'membership.added' && fresh.some((id) => row.after?.includes(`"organisationId":${id}`)),
    )
    expect(added).toHaveLength(3)
  })

  it('adds none when one of them already sits on the team then, or is archived', () => {
    const { bodyId, seated, fresh } = scene()
    expect(addMemberships({ bodyId, organisationIds: [...fresh, seated], role: 'member', fromDate: '2025-01-01', actor })).toEqual({
      ok: false,
      fieldErrors: { organisationId: ['members.validation.alreadyMembers'] },
      clashing: [expect.stringMatching(/^MOPS Już Członek/)],
    })
    setOrganisationArchived({ id: fresh[2]!, archived: true, actor })
    expect(addMemberships({ bodyId, organisationIds: fresh, role: 'member', fromDate: '2025-01-01', actor }).ok).toBe(false)
    expect(listMemberships({ bodyId }).map((m) => m.organisationId)).toEqual([seated])
  })

  it('names the institutions whose earlier seat has not ended by the chosen day', () => {
    const { bodyId, fresh } = scene()
    const seatId = seat(bodyId, fresh[0]!, undefined, undefined, '2024-03-01')
    expect(endMembership({ bodyId, membershipId: seatId, toDate: '2024-06-30', actor }).ok).toBe(true)
    const refused = addMemberships({ bodyId, organisationIds: fresh, role: 'member', fromDate: '2024-03-01', actor })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.clashing).toEqual([expect.stringMatching(/^GOPS Nowy Pierwszy/)])
    expect(addMemberships({ bodyId, organisationIds: fresh, role: 'member', fromDate: '2024-07-01', actor }).ok).toBe(true)
  })

  it('marks the institutions of a search that already sit on the team', () => {
    const { bodyId, seated, fresh } = scene()
    const { rows, total } = listMembershipCandidates({ bodyId, filter: { q: 'Nowy', kind: ['ops'] } })
    expect(total).toBeGreaterThanOrEqual(2)
    expect(rows.filter((row) => fresh.includes(row.id)).map((row) => row.member)).toEqual([false, false])
    const marked = listMembershipCandidates({ bodyId, filter: { q: 'Już Członek' } }).rows.find((row) => row.id === seated)
    expect(marked?.member).toBe(true)
  })

  it('offers the day the earliest seat began as the team’s start', () => {
    const { bodyId } = scene()
    expect(teamStartDay({ bodyId })).toBe('2024-03-01')
  })
})
