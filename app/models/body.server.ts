import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import type { BodyKind } from '#db/schema/enums'
import type { BodyInput } from '~/schemas/body'
import { pageCount, pageSlice } from '~/utils/paging'
import { foldedGlob, foldText } from '~/utils/text'
import { diffFields, recordAudit, type Actor } from './audit.server'
import { visibleBodyCondition } from './body-access.server'
import { isActiveOrganisation } from './organisation.server'

const b = schema.bodies
const p = schema.projects

export type BodyFilter = { q?: string; kind?: BodyKind; includeClosed?: boolean; page: number }

/** One page of the bodies a user (or a visitor) may see, by name; `q` matches words of the name. */
export function listBodiesPage({ user, filter }: { user: SessionUser | null; filter: BodyFilter }) {
  const words = filter.q ? foldText(filter.q).split(' ').filter(Boolean) : []
  const where = and(
    visibleBodyCondition(user),
    filter.includeClosed ? undefined : isNull(b.closedAt),
    filter.kind ? eq(b.kind, filter.kind) : undefined,
    // Bodies have no folded name column (organisations have search_text): GLOB stands in.
    ...words.map((word) => sql`${b.name} glob ${foldedGlob(word)}`),
  )
  const { limit, offset } = pageSlice(filter.page)
  const rows = db
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
    .where(where)
    .orderBy(asc(b.name), asc(b.id))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(b).where(where).get()?.n ?? 0
  return { rows, total, pages: pageCount(total) }
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

/** Creates a body; the officer who creates it becomes its convenor. */
export function createBody({ input, actor, convenor }: { input: BodyInput; actor: Actor; convenor: SessionUser | null }): BodySaveResult {
  if (!isActiveOrganisation({ id: input.conveningOrganisationId }))
    return { ok: false, fieldErrors: { conveningOrganisationId: ['validation.organisation'] } }
  return db.transaction((tx) => {
    const project = projectRow(input)
    const projectId = project ? tx.insert(p).values(project).returning({ id: p.id }).get().id : null
    const row = { ...bodyRow(input), projectId }
    const { id } = tx.insert(b).values(row).returning({ id: b.id }).get()
    if (convenor) tx.insert(schema.bodyOfficers).values({ bodyId: id, userId: convenor.id, role: 'convenor' }).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'body.created',
      entityType: 'body',
      entityId: id,
      after: { ...row, project },
    })
    return { ok: true as const, id }
  })
}

export function updateBody({ id, input, actor }: { id: number; input: BodyInput; actor: Actor }): BodySaveResult {
  const before = getBody({ id })
  if (!before) throw new Response('Not Found', { status: 404 })
  if (input.conveningOrganisationId !== before.conveningOrganisationId && !isActiveOrganisation({ id: input.conveningOrganisationId })) {
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
    tx.update(b)
      .set({ ...row, updatedAt: new Date().toISOString() })
      .where(eq(b.id, id))
      .run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'body.updated',
      entityType: 'body',
      entityId: id,
      before: diff.before,
      after: diff.after,
    })
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
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: closed ? 'body.closed' : 'body.reopened',
      entityType: 'body',
      entityId: id,
      before,
      after: { closedAt },
    })
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
  const taken = db
    .select({ id: schema.bodyOfficers.userId })
    .from(schema.bodyOfficers)
    .where(eq(schema.bodyOfficers.bodyId, bodyId))
    .all()
    .map((r) => r.id)
  return db
    .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
    .from(schema.users)
    .where(and(inArray(schema.users.role, ['officer', 'admin']), isNull(schema.users.disabledAt)))
    .orderBy(asc(schema.users.name))
    .all()
    .filter((u) => !taken.includes(u.id))
}

export function addOfficer({
  bodyId,
  userId,
  role,
  actor,
}: {
  bodyId: number
  userId: number
  role: 'convenor' | 'secretary'
  actor: Actor
}): ChangeResult {
  const candidate = db
    .select({ role: schema.users.role, disabledAt: schema.users.disabledAt })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .get()
  if (!candidate || candidate.disabledAt || candidate.role === 'member')
    return { ok: false as const, fieldErrors: { userId: ['validation.officer'] } }
  return db.transaction((tx) => {
    const before = tx
      .select({ role: schema.bodyOfficers.role })
      .from(schema.bodyOfficers)
      .where(and(eq(schema.bodyOfficers.bodyId, bodyId), eq(schema.bodyOfficers.userId, userId)))
      .get()
    if (before?.role === role) return { ok: true as const }
    tx.insert(schema.bodyOfficers)
      .values({ bodyId, userId, role })
      .onConflictDoUpdate({ target: [schema.bodyOfficers.bodyId, schema.bodyOfficers.userId], set: { role } })
      .run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'body.officerAdded',
      entityType: 'body',
      entityId: bodyId,
      before: before ? { userId, role: before.role } : null,
      after: { userId, role },
    })
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
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'body.officerRemoved',
      entityType: 'body',
      entityId: bodyId,
      before: { userId, role: removed.role },
    })
  })
}
