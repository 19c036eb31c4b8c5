import { asc, eq, inArray } from 'drizzle-orm'
import type { SessionUser } from '~/auth/session.server'
import { db, schema } from '~/db.server'
import { managedBodyIds } from '../body-access.server'

/** The teams a user may start an agreement in: those they convene (every team, for an administrator), by name. */
export function teamsForAgreements(user: SessionUser): { id: number; name: string }[] {
  const b = schema.bodies
  const query = db.select({ id: b.id, name: b.name }).from(b)
  if (user.role === 'admin') return query.orderBy(asc(b.name)).limit(1000).all()
  const ids = managedBodyIds(user)
  return ids.length ? query.where(inArray(b.id, ids)).orderBy(asc(b.name)).all() : []
}

/**
 * What an action item such as Wodzisław's „porozumienie MOPS i PUP zostanie zawarte” gives a
 * new agreement: its team, its meeting, and as parties the institutions responsible for it
 * (a person responsible brings their institution).
 */
export function actionItemStart(actionItemId: number) {
  const item = db
    .select({
      id: schema.actionItems.id,
      bodyId: schema.actionItems.bodyId,
      meetingId: schema.actionItems.meetingId,
      text: schema.actionItems.text,
    })
    .from(schema.actionItems)
    .where(eq(schema.actionItems.id, actionItemId))
    .get()
  if (!item) return undefined
  const owners = db
    .select({ organisationId: schema.actionItemOwners.organisationId, personOrganisationId: schema.people.organisationId })
    .from(schema.actionItemOwners)
    .leftJoin(schema.people, eq(schema.people.id, schema.actionItemOwners.personId))
    .where(eq(schema.actionItemOwners.actionItemId, actionItemId))
    .orderBy(asc(schema.actionItemOwners.position))
    .all()
  const organisationIds = [
    ...new Set(owners.map((o) => o.organisationId ?? o.personOrganisationId).filter((id): id is number => id !== null)),
  ]
  const parties = organisationIds.length
    ? db
        .select({ id: schema.organisations.id, name: schema.organisations.name })
        .from(schema.organisations)
        .where(inArray(schema.organisations.id, organisationIds))
        .all()
    : []
  return { ...item, parties: organisationIds.map((id) => parties.find((p) => p.id === id)!).filter(Boolean) }
}
