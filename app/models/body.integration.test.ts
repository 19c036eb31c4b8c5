import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '#db/schema/enums'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { BodySchema, MembershipSchema } from '~/schemas/body'
import { getBodyAccess } from './body-access.server'
import {
  addOfficer,
  createBody,
  getBody,
  listBodiesPage,
  listOfficerCandidates,
  listOfficers,
  removeOfficer,
  setBodyClosed,
  updateBody,
} from './body.server'
import { addMembership, endMembership, listCurrentMemberships, listDelegateOptions, listMemberships } from './membership.server'
import { createOrganisation } from './organisation.server'
import { archivePerson, createPerson } from './person.server'
import { createUser } from './user.server'

const actor = { userId: null, ip: '198.51.100.7' }
const KATOWICE = '2469011'
const TARNOW = '1263011'

function organisation(name: string, municipalityCode = KATOWICE) {
  const saved = createOrganisation({ input: { name: `${name} ${crypto.randomUUID().slice(0, 8)}`, kind: 'ops', municipalityCode }, actor })
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
  return saved.id
}

function person(organisationId: number, name: string) {
  const saved = createPerson({ input: { name, organisationId }, actor })
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
  return saved.id
}

async function account(role: Role, personId?: number): Promise<SessionUser> {
  const email = `body-${crypto.randomUUID()}@narada.test`
  const name = `Konto ${role}`
  const saved = await createUser({ fields: { email, name, role, personId }, password: 'haslo-testowe-2026', actor: null })
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
  return { id: saved.id, email, name, role, personId: personId ?? null }
}

/** The schema turns what the form sends into the model's input, as the routes do. */
function bodyInput(fields: Record<string, string>) {
  return BodySchema.parse({ kind: 'working_group', name: 'Grupa robocza ds. współpracy OPS/PCPR–PUP', ...fields })
}

function membership(fields: Record<string, string | number | undefined>) {
  return MembershipSchema.parse({ role: 'member', fromDate: '2020-01-01', ...fields })
}

function auditActions(bodyId: number) {
  return db
    .select({ action: schema.auditLog.action, before: schema.auditLog.before, after: schema.auditLog.after, ip: schema.auditLog.ip })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, 'body'), eq(schema.auditLog.entityId, String(bodyId))))
    .orderBy(schema.auditLog.id)
    .all()
}

describe('bodies', () => {
  let umKatowice: number
  let mopsTarnow: number
  let otherOrg: number
  let officer: SessionUser
  let otherOfficer: SessionUser
  let admin: SessionUser
  let memberUser: SessionUser
  let outsider: SessionUser
  let wrona: number

  beforeAll(async () => {
    umKatowice = organisation('Urząd Miasta Katowice')
    mopsTarnow = organisation('Miejski Ośrodek Pomocy Społecznej w Tarnowie', TARNOW)
    otherOrg = organisation('Fundacja Inna')
    wrona = person(mopsTarnow, 'Jakub Wrona')
    officer = await account('officer', person(umKatowice, 'Gizela Przeor'))
    otherOfficer = await account('officer')
    admin = await account('admin')
    memberUser = await account('member', wrona)
    outsider = await account('member', person(otherOrg, 'Zofia Obca'))
  })

  function newBody(isPublic: boolean, extra: Record<string, string> = {}) {
    const saved = createBody({
      input: bodyInput({ conveningOrganisationId: String(umKatowice), ...(isPublic ? { isPublic: 'on' } : {}), ...extra }),
      actor,
      convenor: officer,
    })
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
    return saved.id
  }

  /** The ids of the bodies found by their name without Polish letters (every body here has it). */
  const listed = (user: SessionUser | null, includeClosed = false) =>
    listBodiesPage({ user, filter: { q: 'GRUPA robocza wspolpracy', includeClosed, page: 1 } }).rows.map((b) => b.id)

  describe('access', () => {
    it('gives manage to administrators and the convenor, member to people of a member institution, and nothing to others on a private body', () => {
      const id = newBody(false)
      expect(addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow, delegatePersonId: wrona }), actor }).ok).toBe(true)
      expect(getBodyAccess({ bodyId: id, user: admin })).toBe('manage')
      expect(getBodyAccess({ bodyId: id, user: officer })).toBe('manage')
      expect(getBodyAccess({ bodyId: id, user: memberUser })).toBe('member')
      expect(getBodyAccess({ bodyId: id, user: outsider })).toBe('none')
      expect(getBodyAccess({ bodyId: id, user: otherOfficer })).toBe('none')
      expect(getBodyAccess({ bodyId: id, user: null })).toBe('none')
    })

    it('gives the public view of a public body to anyone else, signed in or not', () => {
      const id = newBody(true)
      expect(getBodyAccess({ bodyId: id, user: outsider })).toBe('public')
      expect(getBodyAccess({ bodyId: id, user: null })).toBe('public')
      expect(getBodyAccess({ bodyId: id, user: officer })).toBe('manage')
    })

    it('ends a member’s internal access with the institution’s seat', () => {
      const id = newBody(false)
      const added = addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow }), actor })
      if (!added.ok) throw new Error('not added')
      expect(getBodyAccess({ bodyId: id, user: memberUser })).toBe('member')
      expect(endMembership({ bodyId: id, membershipId: added.id, toDate: '2021-12-31', actor }).ok).toBe(true)
      expect(getBodyAccess({ bodyId: id, user: memberUser })).toBe('none')
    })

    it('lists public bodies to visitors and private ones only to their insiders', () => {
      const privateId = newBody(false)
      const publicId = newBody(true)
      addMembership({ bodyId: privateId, input: membership({ organisationId: mopsTarnow }), actor })
      const ids = (user: SessionUser | null) => listed(user)
      expect(ids(null)).toContain(publicId)
      expect(ids(null)).not.toContain(privateId)
      expect(ids(outsider)).not.toContain(privateId)
      expect(ids(memberUser)).toContain(privateId)
      expect(ids(officer)).toContain(privateId)
      expect(ids(admin)).toEqual(expect.arrayContaining([privateId, publicId]))
    })

    it('hides closed bodies from the list unless asked for them', () => {
      const id = newBody(true)
      setBodyClosed({ id, closed: true, actor })
      expect(listed(null)).not.toContain(id)
      expect(listed(null, true)).toContain(id)
      setBodyClosed({ id, closed: false, actor })
      expect(listed(null)).toContain(id)
    })
  })

  describe('projects', () => {
    it('store money typed in Polish as whole grosze', () => {
      const id = newBody(false, {
        projectName: 'Fachowa siła przyszłością dla rodziny',
        projectNumber: 'POWR.04.01.00-IZ.00-00-004/16',
        projectTotalValue: '904 150,00',
        projectEuFunding: '876 150,00 zł',
      })
      const body = getBody({ id })!
      expect(body.projectTotalValue).toBe(90_415_000)
      expect(body.projectEuFunding).toBe(87_615_000)
      const row = db
        .select({ total: schema.projects.totalValueGrosze, eu: schema.projects.euFundingGrosze })
        .from(schema.projects)
        .where(eq(schema.projects.id, body.projectId!))
        .get()
      expect(row).toEqual({ total: 90_415_000, eu: 87_615_000 })
    })

    it('refuse an amount that is not money and EU funding above the total, in the schema', () => {
      const bad = BodySchema.safeParse({
        kind: 'advisory_team',
        name: 'Zespół',
        conveningOrganisationId: String(umKatowice),
        projectName: 'P',
        projectTotalValue: 'dużo',
      })
      expect(bad.success).toBe(false)
      expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['projectTotalValue', 'validation.money'])
      const over = BodySchema.safeParse({
        kind: 'advisory_team',
        name: 'Zespół',
        conveningOrganisationId: String(umKatowice),
        projectName: 'P',
        projectTotalValue: '100',
        projectEuFunding: '100,01',
      })
      expect(over.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['projectEuFunding', 'validation.euOverTotal'])
    })

    it('are removed from the body when the project name is cleared', () => {
      const id = newBody(false, { projectName: 'Projekt do usunięcia', projectTotalValue: '1 000' })
      const result = updateBody({ id, input: bodyInput({ conveningOrganisationId: String(umKatowice) }), actor })
      expect(result.ok).toBe(true)
      expect(getBody({ id })).toMatchObject({ projectId: null, projectName: null, projectTotalValue: null })
    })
  })

  describe('memberships', () => {
    it('keep their history after a seat ends', () => {
      const id = newBody(false)
      const added = addMembership({
        bodyId: id,
        input: membership({ organisationId: mopsTarnow, delegatePersonId: wrona, role: 'chair', fromDate: '2013-12-13' }),
        actor,
      })
      if (!added.ok) throw new Error('not added')
      expect(endMembership({ bodyId: id, membershipId: added.id, toDate: '2015-06-30', actor })).toEqual({ ok: true })
      const history = listMemberships({ bodyId: id })
      expect(history).toHaveLength(1)
      expect(history[0]).toMatchObject({
        organisationId: mopsTarnow,
        delegate: 'Jakub Wrona',
        role: 'chair',
        fromDate: '2013-12-13',
        toDate: '2015-06-30',
        current: false,
      })
      expect(listCurrentMemberships({ bodyId: id })).toEqual([])
      // The institution may take a seat again after the first one ended.
      expect(addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow, fromDate: '2016-01-01' }), actor }).ok).toBe(true)
      expect(listMemberships({ bodyId: id }).map((m) => m.current)).toEqual([true, false])
    })

    it('refuse a second seat of one institution for an overlapping period, either way round', () => {
      const id = newBody(false)
      expect(addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow, fromDate: '2020-01-01' }), actor }).ok).toBe(true)
      const refused = { ok: false, fieldErrors: { organisationId: ['validation.alreadyMember'] } }
      expect(addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow, fromDate: '2021-03-01' }), actor })).toEqual(
        refused,
      )
      // Begins earlier and runs into the existing seat.
      expect(
        addMembership({
          bodyId: id,
          input: membership({ organisationId: mopsTarnow, fromDate: '2019-01-01', toDate: '2020-01-01' }),
          actor,
        }),
      ).toEqual(refused)
      // Begins earlier and ends the day before: no overlap.
      expect(
        addMembership({
          bodyId: id,
          input: membership({ organisationId: mopsTarnow, fromDate: '2019-01-01', toDate: '2019-12-31' }),
          actor,
        }).ok,
      ).toBe(true)
      // Another institution is another seat.
      expect(addMembership({ bodyId: id, input: membership({ organisationId: otherOrg, fromDate: '2020-01-01' }), actor }).ok).toBe(true)
    })

    it('refuse to end a seat past the start of the institution’s next seat, or before its own start', () => {
      const id = newBody(false)
      const first = addMembership({
        bodyId: id,
        input: membership({ organisationId: mopsTarnow, fromDate: '2018-01-01', toDate: '2018-12-31' }),
        actor,
      })
      addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow, fromDate: '2019-01-01' }), actor })
      if (!first.ok) throw new Error('not added')
      expect(endMembership({ bodyId: id, membershipId: first.id, toDate: '2019-02-01', actor })).toEqual({
        ok: false,
        fieldErrors: { toDate: ['validation.alreadyMember'] },
      })
      expect(endMembership({ bodyId: id, membershipId: first.id, toDate: '2017-12-31', actor })).toEqual({
        ok: false,
        fieldErrors: { toDate: ['validation.endBeforeStart'] },
      })
    })

    it('take a delegate and deputy only from the member institution’s active people', () => {
      const id = newBody(false)
      const stranger = person(otherOrg, 'Adam Obcy')
      expect(addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow, delegatePersonId: stranger }), actor })).toEqual({
        ok: false,
        fieldErrors: { delegatePersonId: ['validation.personOfOrganisation'] },
      })
      expect(
        addMembership({
          bodyId: id,
          input: membership({ organisationId: mopsTarnow, delegatePersonId: wrona, deputyPersonId: stranger }),
          actor,
        }),
      ).toEqual({
        ok: false,
        fieldErrors: { deputyPersonId: ['validation.personOfOrganisation'] },
      })
      const gone = person(mopsTarnow, 'Ewa Odeszła')
      archivePerson({ id: gone, actor })
      expect(addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow, deputyPersonId: gone }), actor })).toEqual({
        ok: false,
        fieldErrors: { deputyPersonId: ['validation.person'] },
      })
      expect(listDelegateOptions({ organisationId: mopsTarnow }).map((p) => p.name)).toContain('Jakub Wrona')
      expect(listDelegateOptions({ organisationId: mopsTarnow }).map((p) => p.name)).not.toContain('Ewa Odeszła')
      expect(listMemberships({ bodyId: id })).toEqual([])
    })

    it('refuse a deputy who is the delegate, and an end before the start, in the schema', () => {
      const same = MembershipSchema.safeParse({
        organisationId: '1',
        delegatePersonId: '5',
        deputyPersonId: '5',
        role: 'member',
        fromDate: '2020-01-01',
      })
      expect(same.error?.issues.map((i) => i.message)).toEqual(['validation.deputySameAsDelegate'])
      const backwards = MembershipSchema.safeParse({ organisationId: '1', role: 'member', fromDate: '2020-01-01', toDate: '2019-12-31' })
      expect(backwards.error?.issues.map((i) => i.message)).toEqual(['validation.endBeforeStart'])
      expect(MembershipSchema.safeParse({ organisationId: '1', role: 'member', fromDate: '2020-02-30' }).success).toBe(false)
    })
  })

  describe('officers', () => {
    it('make the creating officer the convenor, and accept only officer or administrator accounts', () => {
      const id = newBody(false)
      expect(listOfficers({ bodyId: id })).toEqual([expect.objectContaining({ userId: officer.id, role: 'convenor' })])
      expect(addOfficer({ bodyId: id, userId: memberUser.id, role: 'secretary', actor })).toEqual({
        ok: false,
        fieldErrors: { userId: ['validation.officer'] },
      })
      expect(listOfficerCandidates({ bodyId: id }).map((c) => c.id)).toEqual(expect.arrayContaining([otherOfficer.id, admin.id]))
      expect(listOfficerCandidates({ bodyId: id }).map((c) => c.id)).not.toContain(officer.id)
      expect(listOfficerCandidates({ bodyId: id }).map((c) => c.id)).not.toContain(memberUser.id)
      expect(addOfficer({ bodyId: id, userId: otherOfficer.id, role: 'secretary', actor })).toEqual({ ok: true })
      expect(getBodyAccess({ bodyId: id, user: otherOfficer })).toBe('manage')
      removeOfficer({ bodyId: id, userId: otherOfficer.id, actor })
      expect(getBodyAccess({ bodyId: id, user: otherOfficer })).toBe('none')
    })
  })

  it('records every change with its audit row, what it was before and after, and the address', () => {
    const id = newBody(false, { mandate: 'Wymiana informacji' })
    updateBody({
      id,
      input: bodyInput({ conveningOrganisationId: String(umKatowice), mandate: 'Wymiana informacji i dobrych praktyk', isPublic: 'on' }),
      actor,
    })
    // Saving without a change writes no row.
    updateBody({
      id,
      input: bodyInput({ conveningOrganisationId: String(umKatowice), mandate: 'Wymiana informacji i dobrych praktyk', isPublic: 'on' }),
      actor,
    })
    setBodyClosed({ id, closed: true, actor })
    setBodyClosed({ id, closed: false, actor })
    addOfficer({ bodyId: id, userId: otherOfficer.id, role: 'secretary', actor })
    removeOfficer({ bodyId: id, userId: otherOfficer.id, actor })
    const added = addMembership({ bodyId: id, input: membership({ organisationId: mopsTarnow }), actor })
    if (!added.ok) throw new Error('not added')
    endMembership({ bodyId: id, membershipId: added.id, toDate: '2020-12-31', actor })
    const rows = auditActions(id)
    expect(rows.map((r) => r.action)).toEqual([
      'body.created',
      'body.updated',
      'body.closed',
      'body.reopened',
      'body.officerAdded',
      'body.officerRemoved',
      'membership.added',
      'membership.ended',
    ])
    expect(JSON.parse(rows[1]!.before!)).toEqual({ mandate: 'Wymiana informacji', isPublic: false })
    expect(JSON.parse(rows[1]!.after!)).toEqual({ mandate: 'Wymiana informacji i dobrych praktyk', isPublic: true })
    expect(JSON.parse(rows[7]!.after!)).toEqual({ membershipId: added.id, toDate: '2020-12-31' })
    expect(rows.every((r) => r.ip === '198.51.100.7')).toBe(true)
  })
})
