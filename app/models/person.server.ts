import { and, asc, count, eq, isNull } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import type { PersonInput } from '~/schemas/directory'
import { pageCount, pageSlice } from '~/utils/paging'
import { foldText } from '~/utils/text'
import { diffFields, recordAudit, type Actor } from './audit.server'
import { isActiveOrganisation } from './organisation.server'

const p = schema.people

const columns = {
  id: p.id,
  name: p.name,
  position: p.position,
  email: p.email,
  phone: p.phone,
  organisationId: p.organisationId,
  archivedAt: p.archivedAt,
}

/** One page of an institution's active representatives, by name. */
export function listPeople({ organisationId, page }: { organisationId: number; page: number }) {
  const where = and(eq(p.organisationId, organisationId), isNull(p.archivedAt))
  const { limit, offset } = pageSlice(page)
  const rows = db
    .select({ ...columns, accountEmail: schema.users.email })
    .from(p)
    .leftJoin(schema.users, eq(schema.users.personId, p.id))
    .where(where)
    .orderBy(asc(p.name), asc(p.id))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(p).where(where).get()?.n ?? 0
  return { rows, total, pages: pageCount(total) }
}

export function getPerson({ id }: { id: number }) {
  return db
    .select({ ...columns, organisationName: schema.organisations.name })
    .from(p)
    .innerJoin(schema.organisations, eq(schema.organisations.id, p.organisationId))
    .where(eq(p.id, id))
    .get()
}

function toRow(input: PersonInput) {
  return {
    name: input.name,
    position: input.position ?? null,
    organisationId: input.organisationId,
    email: input.email ?? null,
    phone: input.phone ?? null,
  }
}

export type PersonSaveResult = { ok: true; id: number; organisationId: number } | { ok: false; fieldErrors: Record<string, string[]> }

export function createPerson({ input, actor }: { input: PersonInput; actor: Actor }): PersonSaveResult {
  if (!isActiveOrganisation({ id: input.organisationId }))
    return { ok: false, fieldErrors: { organisationId: ['validation.organisation'] } }
  const row = toRow(input)
  return db.transaction((tx) => {
    const { id } = tx
      .insert(p)
      .values({ ...row, searchText: foldText(row.name) })
      .returning({ id: p.id })
      .get()
    recordAudit(tx, { actorUserId: actor.userId, ip: actor.ip, action: 'person.created', entityType: 'person', entityId: id, after: row })
    return { ok: true as const, id, organisationId: row.organisationId }
  })
}

export function updatePerson({ id, input, actor }: { id: number; input: PersonInput; actor: Actor }): PersonSaveResult {
  const row = toRow(input)
  return db.transaction((tx) => {
    const before = tx.select(columns).from(p).where(eq(p.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (row.organisationId !== before.organisationId && !isActiveOrganisation({ id: row.organisationId })) {
      return { ok: false as const, fieldErrors: { organisationId: ['validation.organisation'] } }
    }
    const diff = diffFields(before, row)
    if (diff.changed.length > 0) {
      tx.update(p)
        .set({ ...row, searchText: foldText(row.name), updatedAt: new Date().toISOString() })
        .where(eq(p.id, id))
        .run()
      recordAudit(tx, {
        actorUserId: actor.userId,
        ip: actor.ip,
        action: 'person.updated',
        entityType: 'person',
        entityId: id,
        before: diff.before,
        after: diff.after,
      })
    }
    return { ok: true as const, id, organisationId: row.organisationId }
  })
}

/** People leave their posts; they stay in the records of the meetings they attended. */
export function archivePerson({ id, actor }: { id: number; actor: Actor }) {
  db.transaction((tx) => {
    const before = tx.select({ archivedAt: p.archivedAt }).from(p).where(eq(p.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (before.archivedAt) return
    const archivedAt = new Date().toISOString()
    tx.update(p).set({ archivedAt }).where(eq(p.id, id)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'person.archived',
      entityType: 'person',
      entityId: id,
      before: { archivedAt: null },
      after: { archivedAt },
    })
  })
}
