import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import { db, schema, type Tx } from '~/db.server'
import type { BodyInput, MembershipInput } from '~/schemas/body'
import { diffFields, recordAudit, type Actor } from './audit.server'
import { activeOn, today, visibleBodyCondition } from './body-access.server'

const b = schema.bodies
const p = schema.projects

/** The bodies a user (or a visitor) may see, active first, by name. */
export function listBodies({ user, includeClosed = false }: { user: SessionUser | null; includeClosed?: boolean }) {
  return db
    .select({
      id: b.id,
      kind: b.kind,
      name: b.name,
      isPublic: b.isPublic,
      closedAt: b.closedAt,
      umbrella: b.umbrella,
      convening: schema.organisations.name,
    })
    .from(b)
    .innerJoin(schema.organisations, eq(schema.organisations.id, b.conveningOrganisationId))
    .where(and(visibleBodyCondition(user), includeClosed ? undefined : isNull(b.closedAt)))
    .orderBy(asc(b.name))
    .all()
}

export function getBody({ id }: { id: number }) {
  return db
    .select({
      id: b.id,
      kind: b.kind,
      name: b.name,
      mandate: b.mandate,
      umbrella: b.umbrella,
      isPublic: b.isPublic,
      closedAt: b.closedAt,
      conveningOrganisationId: b.conveningOrganisationId,
      convening: schema.organisations.name,
      projectId: b.projectId,
      projectName: p.name,
      projectProgramme: p.programme,
      projectNumber: p.number,
      projectTotalValue: p.totalValueGrosze,
      projectEuFunding: p.euFundingGrosze,
      projectTargetGroup: p.targetGroup,
      projectFundingNotice: p.fundingNotice,
    })
    .from(b)
    .innerJoin(schema.organisations, eq(schema.organisations.id, b.conveningOrganisationId))
    .leftJoin(p, eq(p.id, b.projectId))
    .where(eq(b.id, id))
    .get()
}

export type BodySaveResult = { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string[]> }
/** A change refused for a reason the form shows next to a field. */
export type ChangeResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> }

function bodyRow(input: BodyInput) {
  return {
    kind: input.kind,
    name: input.name,
    mandate: input.mandate ?? null,
    conveningOrganisationId: input.conveningOrganisationId,
    umbrella: input.umbrella ?? null,
    isPublic: input.isPublic,
  }
}

function projectRow(input: BodyInput) {
  if (!input.projectName) return null
  return {
    name: input.projectName,
    programme: input.projectProgramme ?? null,
    number: input.projectNumber ?? null,
    totalValueGrosze: input.projectTotalValue ?? null,
    euFundingGrosze: input.projectEuFunding ?? null,
    targetGroup: input.projectTargetGroup ?? null,
    fundingNotice: input.projectFundingNotice ?? null,
  }
}

function conveningExists(id: number) {
  return !!db.select({ id: schema.organisations.id }).from(schema.organisations).where(and(eq(schema.organisations.id, id), isNull(schema.organisations.archivedAt))).get()
}

/** Creates a body; the officer who creates it becomes its convenor. */
export function createBody({ input, actor, convenor }: { input: BodyInput; actor: Actor; convenor: SessionUser | null }): BodySaveResult {
  if (!conveningExists(input.conveningOrganisationId)) return { ok: false, fieldErrors: { conveningOrganisationId: ['validation.organisation'] } }
  return db.transaction((tx) => {
    const project = projectRow(input)
    const projectId = project ? tx.insert(p).values(project).returning({ id: p.id }).get().id : null
    const row = { ...bodyRow(input), projectId }
    const { id } = tx.insert(b).values(row).returning({ id: b.id }).get()
    if (convenor) tx.insert(schema.bodyOfficers).values({ bodyId: id, userId: convenor.id, role: 'convenor' }).run()
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: 'body.created', entityType: 'body', entityId: id, after: { ...row, project } })
    return { ok: true as const, id }
  })
}

export function updateBody({ id, input, actor }: { id: number; input: BodyInput; actor: Actor }): BodySaveResult {
  const before = getBody({ id })
  if (!before) throw new Response('Not Found', { status: 404 })
  if (input.conveningOrganisationId !== before.conveningOrganisationId && !conveningExists(input.conveningOrganisationId)) {
    return { ok: false, fieldErrors: { conveningOrganisationId: ['validation.organisation'] } }
  }
  return db.transaction((tx) => {
    const project = projectRow(input)
    let projectId = before.projectId
    if (project && projectId) tx.update(p).set(project).where(eq(p.id, projectId)).run()
    else if (project) projectId = tx.insert(p).values(project).returning({ id: p.id }).get().id
    else projectId = null
    const row = { ...bodyRow(input), projectId }
    const { id: _id, convening: _c, closedAt: _closed, ...comparable } = before
    const diff = diffFields(comparable as Record<string, unknown>, { ...row, ...projectAudit(project) })
    if (diff.changed.length === 0) return { ok: true as const, id }
    tx.update(b).set({ ...row, updatedAt: new Date().toISOString() }).where(eq(b.id, id)).run()
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: 'body.updated', entityType: 'body', entityId: id, before: diff.before, after: diff.after })
    return { ok: true as const, id }
  })
}

function projectAudit(project: ReturnType<typeof projectRow>) {
  return {
    projectName: project?.name ?? null,
    projectProgramme: project?.programme ?? null,
    projectNumber: project?.number ?? null,
    projectTotalValue: project?.totalValueGrosze ?? null,
    projectEuFunding: project?.euFundingGrosze ?? null,
    projectTargetGroup: project?.targetGroup ?? null,
    projectFundingNotice: project?.fundingNotice ?? null,
  }
}

export function setBodyClosed({ id, closed, actor }: { id: number; closed: boolean; actor: Actor }) {
  db.transaction((tx) => {
    const before = tx.select({ closedAt: b.closedAt }).from(b).where(eq(b.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (!!before.closedAt === closed) return
    const closedAt = closed ? new Date().toISOString() : null
    tx.update(b).set({ closedAt }).where(eq(b.id, id)).run()
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: closed ? 'body.closed' : 'body.reopened', entityType: 'body', entityId: id, before, after: { closedAt } })
  })
}

export function listOfficers({ bodyId }: { bodyId: number }) {
  return db
    .select({ userId: schema.users.id, name: schema.users.name, email: schema.users.email, role: schema.bodyOfficers.role })
    .from(schema.bodyOfficers)
    .innerJoin(schema.users, eq(schema.users.id, schema.bodyOfficers.userId))
    .where(eq(schema.bodyOfficers.bodyId, bodyId))
    .orderBy(asc(schema.bodyOfficers.role), asc(schema.users.name))
    .all()
}

/** Accounts that may be named officers of a body: active officers and administrators not yet on it. */
export function listOfficerCandidates({ bodyId }: { bodyId: number }) {
  const taken = db.select({ id: schema.bodyOfficers.userId }).from(schema.bodyOfficers).where(eq(schema.bodyOfficers.bodyId, bodyId)).all().map((r) => r.id)
  return db
    .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
    .from(schema.users)
    .where(and(inArray(schema.users.role, ['officer', 'admin']), isNull(schema.users.disabledAt)))
    .orderBy(asc(schema.users.name))
    .all()
    .filter((u) => !taken.includes(u.id))
}

export function addOfficer({ bodyId, userId, role, actor }: { bodyId: number; userId: number; role: 'convenor' | 'secretary'; actor: Actor }): ChangeResult {
  const candidate = db.select({ role: schema.users.role, disabledAt: schema.users.disabledAt }).from(schema.users).where(eq(schema.users.id, userId)).get()
  if (!candidate || candidate.disabledAt || candidate.role === 'member') return { ok: false as const, fieldErrors: { userId: ['validation.officer'] } }
  return db.transaction((tx) => {
    const before = tx
      .select({ role: schema.bodyOfficers.role })
      .from(schema.bodyOfficers)
      .where(and(eq(schema.bodyOfficers.bodyId, bodyId), eq(schema.bodyOfficers.userId, userId)))
      .get()
    if (before?.role === role) return { ok: true as const }
    tx.insert(schema.bodyOfficers).values({ bodyId, userId, role }).onConflictDoUpdate({ target: [schema.bodyOfficers.bodyId, schema.bodyOfficers.userId], set: { role } }).run()
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: 'body.officerAdded', entityType: 'body', entityId: bodyId, before: before ? { userId, role: before.role } : null, after: { userId, role } })
    return { ok: true as const }
  })
}

export function removeOfficer({ bodyId, userId, actor }: { bodyId: number; userId: number; actor: Actor }) {
  db.transaction((tx) => {
    const removed = tx
      .delete(schema.bodyOfficers)
      .where(and(eq(schema.bodyOfficers.bodyId, bodyId), eq(schema.bodyOfficers.userId, userId)))
      .returning({ role: schema.bodyOfficers.role })
      .get()
    if (!removed) return
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: 'body.officerRemoved', entityType: 'body', entityId: bodyId, before: { userId, role: removed.role } })
  })
}

const delegate = aliasedTable(schema.people, 'delegate')
const deputy = aliasedTable(schema.people, 'deputy')
const m = schema.memberships

/** Every seat the body has had, current ones first: who sat on it stays visible. */
export function listMemberships({ bodyId }: { bodyId: number }) {
  const day = today()
  return db
    .select({
      id: m.id,
      organisationId: m.organisationId,
      organisation: schema.organisations.name,
      organisationKind: schema.organisations.kind,
      role: m.role,
      fromDate: m.fromDate,
      toDate: m.toDate,
      delegatePersonId: m.delegatePersonId,
      delegate: delegate.name,
      delegatePosition: delegate.position,
      deputyPersonId: m.deputyPersonId,
      deputy: deputy.name,
    })
    .from(m)
    .innerJoin(schema.organisations, eq(schema.organisations.id, m.organisationId))
    .leftJoin(delegate, eq(delegate.id, m.delegatePersonId))
    .leftJoin(deputy, eq(deputy.id, m.deputyPersonId))
    .where(eq(m.bodyId, bodyId))
    .orderBy(desc(m.toDate), asc(schema.organisations.name))
    .all()
    .map((row) => ({ ...row, current: row.fromDate <= day && (!row.toDate || row.toDate >= day) }))
    .sort((a, c) => Number(c.current) - Number(a.current))
}

/** The member institutions on a given day, for invitations. */
export function listCurrentMemberships({ bodyId, day = today() }: { bodyId: number; day?: string }) {
  return db
    .select({ id: m.id, organisationId: m.organisationId, delegatePersonId: m.delegatePersonId, deputyPersonId: m.deputyPersonId, role: m.role })
    .from(m)
    .where(and(eq(m.bodyId, bodyId), activeOn(day)))
    .all()
}

/** Why a person may not sit for an institution, or null when they may (or none is named). */
function personProblem(tx: Tx, personId: number | undefined, organisationId: number): string | null {
  if (!personId) return null
  const person = tx.select({ organisationId: schema.people.organisationId, archivedAt: schema.people.archivedAt }).from(schema.people).where(eq(schema.people.id, personId)).get()
  if (!person || person.archivedAt) return 'validation.person'
  return person.organisationId === organisationId ? null : 'validation.personOfOrganisation'
}

/** The people an institution may delegate: its active representatives. */
export function listDelegateOptions({ organisationId }: { organisationId: number }) {
  return db
    .select({ id: schema.people.id, name: schema.people.name, position: schema.people.position })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .where(and(eq(schema.people.organisationId, organisationId), isNull(schema.people.archivedAt), isNull(schema.organisations.archivedAt)))
    .orderBy(asc(schema.people.name))
    .all()
}

export function addMembership({ bodyId, input, actor }: { bodyId: number; input: MembershipInput; actor: Actor }): BodySaveResult {
  return db.transaction((tx): BodySaveResult => {
    if (!conveningExists(input.organisationId)) return { ok: false as const, fieldErrors: { organisationId: ['validation.organisation'] } }
    const delegateProblem = personProblem(tx, input.delegatePersonId, input.organisationId)
    if (delegateProblem) return { ok: false as const, fieldErrors: { delegatePersonId: [delegateProblem] } }
    const deputyProblem = personProblem(tx, input.deputyPersonId, input.organisationId)
    if (deputyProblem) return { ok: false as const, fieldErrors: { deputyPersonId: [deputyProblem] } }
    // Two seats of one institution overlap when each begins before the other ends.
    const overlapping = tx
      .select({ id: m.id })
      .from(m)
      .where(
        and(
          eq(m.bodyId, bodyId),
          eq(m.organisationId, input.organisationId),
          or(isNull(m.toDate), gte(m.toDate, input.fromDate)),
          input.toDate ? lte(m.fromDate, input.toDate) : undefined,
        ),
      )
      .get()
    if (overlapping) return { ok: false as const, fieldErrors: { organisationId: ['validation.alreadyMember'] } }
    const row = {
      bodyId,
      organisationId: input.organisationId,
      delegatePersonId: input.delegatePersonId ?? null,
      deputyPersonId: input.deputyPersonId ?? null,
      role: input.role,
      fromDate: input.fromDate,
      toDate: input.toDate ?? null,
    }
    const { id } = tx.insert(m).values(row).returning({ id: m.id }).get()
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: 'membership.added', entityType: 'body', entityId: bodyId, after: { membershipId: id, ...row } })
    return { ok: true as const, id }
  })
}

/** Ends a seat on a day (inclusive); the seat stays in the body's history. */
export function endMembership({ bodyId, membershipId, toDate, actor }: { bodyId: number; membershipId: number; toDate: string; actor: Actor }): ChangeResult {
  return db.transaction((tx): ChangeResult => {
    const before = tx.select({ organisationId: m.organisationId, fromDate: m.fromDate, toDate: m.toDate }).from(m).where(and(eq(m.id, membershipId), eq(m.bodyId, bodyId))).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (toDate < before.fromDate) return { ok: false as const, fieldErrors: { toDate: ['validation.endBeforeStart'] } }
    // A later seat of the same institution must not begin before this one ends.
    const later = tx
      .select({ id: m.id })
      .from(m)
      .where(and(eq(m.bodyId, bodyId), eq(m.organisationId, before.organisationId), gte(m.fromDate, before.fromDate), lte(m.fromDate, toDate), sql`${m.id} <> ${membershipId}`))
      .get()
    if (later) return { ok: false as const, fieldErrors: { toDate: ['validation.alreadyMember'] } }
    if (before.toDate === toDate) return { ok: true as const }
    tx.update(m).set({ toDate }).where(eq(m.id, membershipId)).run()
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: 'membership.ended', entityType: 'body', entityId: bodyId, before: { membershipId, toDate: before.toDate }, after: { membershipId, toDate } })
    return { ok: true as const }
  })
}
