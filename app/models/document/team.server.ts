import { and, eq, or, sql } from 'drizzle-orm'
import { schema, type Db, type Tx } from '~/db.server'
import { activeOn, today } from '../body-access.server'

/**
 * Whom a document sent to its team for comments is e-mailed to: the delegates and deputies of
 * the seats held today and the team's officers, those with an address (a person's own, else
 * their account's) each once, and the people without one, by name.
 */
export function teamRecipients(tx: Db | Tx, bodyId: number) {
  const m = schema.memberships
  const p = schema.people
  const email = sql<string | null>`coalesce(${p.email}, (select email from users where users.person_id = ${p.id}))`
  const people = tx
    .selectDistinct({ id: p.id, name: p.name, organisation: schema.organisations.name, email })
    .from(m)
    .innerJoin(p, or(eq(p.id, m.delegatePersonId), eq(p.id, m.deputyPersonId)))
    .innerJoin(schema.organisations, eq(schema.organisations.id, p.organisationId))
    .where(and(eq(m.bodyId, bodyId), activeOn(today())))
    .orderBy(p.name, p.id)
    .all()
  const officers = tx
    .select({ name: schema.users.name, email: schema.users.email })
    .from(schema.bodyOfficers)
    .innerJoin(schema.users, eq(schema.users.id, schema.bodyOfficers.userId))
    .where(eq(schema.bodyOfficers.bodyId, bodyId))
    .all()
  const seen = new Set<string>()
  const mailed = [...people, ...officers].flatMap(({ name, email }) => {
    if (!email || seen.has(email.toLowerCase())) return []
    seen.add(email.toLowerCase())
    return [{ name, email }]
  })
  const withoutEmail = people.filter((person) => !person.email).map(({ id, name, organisation }) => ({ id, name, organisation }))
  return { mailed, withoutEmail }
}
