import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lte, min, or, sql } from 'drizzle-orm'
import { db, schema, type Tx } from '~/db.server'
import type { MembershipInput } from '~/schemas/body'
import type { OrganisationFilter } from '~/schemas/directory'
import { warsawDay } from '~/utils/time'
import { recordAudit, type Actor } from './audit.server'
import type { BodySaveResult, ChangeResult } from './body.server'
import { activeOn, today } from './body-access.server'
import { PAGE_SIZE } from '~/utils/paging'
import { isActiveOrganisation, listOrganisations } from './organisation.server'

// The seats of member institutions on a body, with their delegates and deputies.

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
    .select({
      id: m.id,
      organisationId: m.organisationId,
      delegatePersonId: m.delegatePersonId,
      deputyPersonId: m.deputyPersonId,
      role: m.role,
    })
    .from(m)
    .where(and(eq(m.bodyId, bodyId), activeOn(day)))
    .all()
}

/** Why a person may not sit for an institution, or null when they may (or none is named). */
function personProblem(tx: Tx, personId: number | undefined, organisationId: number): string | null {
  if (!personId) return null
  const person = tx
    .select({ organisationId: schema.people.organisationId, archivedAt: schema.people.archivedAt })
    .from(schema.people)
    .where(eq(schema.people.id, personId))
    .get()
  if (!person || person.archivedAt) return 'validation.person'
  return person.organisationId === organisationId ? null : 'validation.personOfOrganisation'
}

/** The people an institution may delegate: its active representatives, the first PAGE_SIZE by name. */
export function listDelegateOptions({ organisationId }: { organisationId: number }) {
  return db
    .select({ id: schema.people.id, name: schema.people.name, position: schema.people.position })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .where(and(eq(schema.people.organisationId, organisationId), isNull(schema.people.archivedAt), isNull(schema.organisations.archivedAt)))
    .orderBy(asc(schema.people.name))
    .limit(PAGE_SIZE)
    .all()
}

export function addMembership({ bodyId, input, actor }: { bodyId: number; input: MembershipInput; actor: Actor }): BodySaveResult {
  return db.transaction((tx): BodySaveResult => {
    if (!isActiveOrganisation({ id: input.organisationId }))
      return { ok: false as const, fieldErrors: { organisationId: ['validation.organisation'] } }
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
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'membership.added',
      entityType: 'body',
      entityId: bodyId,
      after: { membershipId: id, ...row },
    })
    return { ok: true as const, id }
  })
}

/** Ends a seat on a day (inclusive); the seat stays in the body's history. */
export function endMembership({
  bodyId,
  membershipId,
  toDate,
  actor,
}: {
  bodyId: number
  membershipId: number
  toDate: string
  actor: Actor
}): ChangeResult {
  return db.transaction((tx): ChangeResult => {
    const before = tx
      .select({ organisationId: m.organisationId, fromDate: m.fromDate, toDate: m.toDate })
      .from(m)
      .where(and(eq(m.id, membershipId), eq(m.bodyId, bodyId)))
      .get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (toDate < before.fromDate) return { ok: false as const, fieldErrors: { toDate: ['validation.endBeforeStart'] } }
    // A later seat of the same institution must not begin before this one ends.
    const later = tx
      .select({ id: m.id })
      .from(m)
      .where(
        and(
          eq(m.bodyId, bodyId),
          eq(m.organisationId, before.organisationId),
          gte(m.fromDate, before.fromDate),
          lte(m.fromDate, toDate),
          sql`${m.id} <> ${membershipId}`,
        ),
      )
      .get()
    if (later) return { ok: false as const, fieldErrors: { toDate: ['validation.alreadyMember'] } }
    if (before.toDate === toDate) return { ok: true as const }
    tx.update(m).set({ toDate }).where(eq(m.id, membershipId)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'membership.ended',
      entityType: 'body',
      entityId: bodyId,
      before: { membershipId, toDate: before.toDate },
      after: { membershipId, toDate },
    })
    return { ok: true as const }
  })
}

/**
 * The team's first day, offered as the start of new seats: the day its earliest seat began or,
 * for a team without seats yet, the day it was entered here (a team has no start date of its own).
 */
export function teamStartDay({ bodyId }: { bodyId: number }): string {
  const earliest = db
    .select({ day: min(m.fromDate) })
    .from(m)
    .where(eq(m.bodyId, bodyId))
    .get()?.day
  if (earliest) return earliest
  const body = db.select({ createdAt: schema.bodies.createdAt }).from(schema.bodies).where(eq(schema.bodies.id, bodyId)).get()
  return body ? warsawDay(body.createdAt) : today()
}

/** The institutions among `organisationIds` that hold a seat on the body on `day` or later. */
function seatedFrom(tx: Tx | typeof db, bodyId: number, organisationIds: number[], day: string): Set<number> {
  if (organisationIds.length === 0) return new Set()
  const rows = tx
    .select({ organisationId: m.organisationId })
    .from(m)
    .where(and(eq(m.bodyId, bodyId), inArray(m.organisationId, organisationIds), or(isNull(m.toDate), gte(m.toDate, day))))
    .all()
  return new Set(rows.map((row) => row.organisationId))
}

/** One page of the directory's search for new members, each institution marked when it already sits on the body. */
export function listMembershipCandidates({ bodyId, filter }: { bodyId: number; filter: OrganisationFilter }) {
  const list = listOrganisations({ filter: { ...filter, archived: undefined } })
  const seated = seatedFrom(
    db,
    bodyId,
    list.rows.map((row) => row.id),
    today(),
  )
  return { ...list, rows: list.rows.map((row) => ({ ...row, member: seated.has(row.id) })) }
}

export type BulkAddResult =
  | { ok: true; added: number }
  /** `clashing`: the names of the institutions already seated on the day, for the officer to untick. */
  | { ok: false; fieldErrors: Record<string, string[]>; clashing?: string[] }

/**
 * Seats for several institutions at once, all beginning on one day: every one is added, with
 * its audit row, or none is (an archived institution, or one already seated then, refuses all).
 */
export function addMemberships({
  bodyId,
  organisationIds,
  role,
  fromDate,
  actor,
}: {
  bodyId: number
  organisationIds: number[]
  role: MembershipInput['role']
  fromDate: string
  actor: Actor
}): BulkAddResult {
  const ids = [...new Set(organisationIds)]
  return db.transaction(
    (tx): BulkAddResult => {
      const active = tx
        .select({ id: schema.organisations.id })
        .from(schema.organisations)
        .where(and(inArray(schema.organisations.id, ids), isNull(schema.organisations.archivedAt)))
        .all()
      if (active.length !== ids.length) return { ok: false, fieldErrors: { organisationId: ['validation.organisation'] } }
      const seated = [...seatedFrom(tx, bodyId, ids, fromDate)]
      if (seated.length > 0) {
        const clashing = tx
          .select({ name: schema.organisations.name })
          .from(schema.organisations)
          .where(inArray(schema.organisations.id, seated))
          .orderBy(asc(schema.organisations.name))
          .all()
          .map((row) => row.name)
        return { ok: false, fieldErrors: { organisationId: ['members.validation.alreadyMembers'] }, clashing }
      }
      for (const organisationId of ids) {
        const row = { bodyId, organisationId, delegatePersonId: null, deputyPersonId: null, role, fromDate, toDate: null }
        const { id } = tx.insert(m).values(row).returning({ id: m.id }).get()
        recordAudit(tx, {
          actorUserId: actor.userId,
          ip: actor.ip,
          action: 'membership.added',
          entityType: 'body',
          entityId: bodyId,
          after: { membershipId: id, ...row },
        })
      }
      return { ok: true, added: ids.length }
    },
    { behavior: 'immediate' },
  )
}
