import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import type { BodyAccess } from '~/auth/body-permissions'
import { db, schema } from '~/db.server'
import { oncePerRequest } from '~/utils/request-scope.server'
import { warsawDay } from '~/utils/time'

const m = schema.memberships

/** A membership counts on `day` (YYYY-MM-DD) when it has begun and not yet ended. */
export function activeOn(day: string) {
  return and(lte(m.fromDate, day), or(isNull(m.toDate), gte(m.toDate, day)))
}

/** Today in Warsaw: seats begin and end on Polish calendar days, not UTC ones. */
export function today(): string {
  return warsawDay(new Date())
}

/** The bodies a user manages (as convenor or secretary). */
export function managedBodyIds(user: SessionUser): number[] {
  return oncePerRequest(`managed-bodies:${user.id}`, () => queryManagedBodyIds(user))
}

function queryManagedBodyIds(user: SessionUser): number[] {
  return db
    .select({ id: schema.bodyOfficers.bodyId })
    .from(schema.bodyOfficers)
    .where(eq(schema.bodyOfficers.userId, user.id))
    .all()
    .map((r) => r.id)
}

/**
 * The bodies whose internal pages a user sees as a member: their institution sits on the
 * body today, or they are its delegate or deputy.
 */
export function memberBodyIds(user: SessionUser): number[] {
  return oncePerRequest(`member-bodies:${user.id}`, () => queryMemberBodyIds(user))
}

function queryMemberBodyIds(user: SessionUser): number[] {
  if (!user.personId) return []
  const person = db
    .select({ organisationId: schema.people.organisationId })
    .from(schema.people)
    .where(eq(schema.people.id, user.personId))
    .get()
  if (!person) return []
  return db
    .selectDistinct({ id: m.bodyId })
    .from(m)
    .where(
      and(
        activeOn(today()),
        or(eq(m.organisationId, person.organisationId), eq(m.delegatePersonId, user.personId), eq(m.deputyPersonId, user.personId)),
      ),
    )
    .all()
    .map((r) => r.id)
}

/** How far a user (or a visitor, `null`) may see into one body. */
export function getBodyAccess({ bodyId, user }: { bodyId: number; user: SessionUser | null }): BodyAccess {
  const body = db.select({ isPublic: schema.bodies.isPublic }).from(schema.bodies).where(eq(schema.bodies.id, bodyId)).get()
  if (!body) return 'none'
  if (user?.role === 'admin' || (user && managedBodyIds(user).includes(bodyId))) return 'manage'
  if (user && memberBodyIds(user).includes(bodyId)) return 'member'
  return body.isPublic ? 'public' : 'none'
}

/** Whether a user was invited in person to a meeting: guests see the meeting they were asked to. */
export function isInvitee({ meetingId, user }: { meetingId: number; user: SessionUser | null }): boolean {
  if (!user?.personId) return false
  return !!db
    .select({ id: schema.invitations.id })
    .from(schema.invitations)
    .where(and(eq(schema.invitations.meetingId, meetingId), eq(schema.invitations.personId, user.personId)))
    .get()
}

/** SQL for „this body is one the user may look into”: used to scope lists. */
export function visibleBodyCondition(user: SessionUser | null) {
  if (user?.role === 'admin') return sql`1 = 1`
  const insider = user ? [...new Set([...managedBodyIds(user), ...memberBodyIds(user)])] : []
  return insider.length
    ? or(
        eq(schema.bodies.isPublic, true),
        sql`${schema.bodies.id} in (${sql.join(
          insider.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )!
    : eq(schema.bodies.isPublic, true)
}
