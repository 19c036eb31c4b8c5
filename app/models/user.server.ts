import { and, asc, count, eq, sql } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { hashPassword, verifyPassword } from '~/auth/password.server'
import { endUserSessions } from '~/auth/session.server'
import type { Role } from '#db/schema/enums'
import { pageCount, pageSlice } from '~/utils/paging'
import { foldedGlob, foldText } from '~/utils/text'
import { diffFields, recordAudit, type Actor } from './audit.server'

const u = schema.users

const columns = {
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  personId: u.personId,
  disabledAt: u.disabledAt,
  createdAt: u.createdAt,
}

/** One page of the accounts, by e-mail; every word of `q` is in the name or the e-mail. */
export function listUsers({ q, page }: { q?: string; page: number }) {
  // Accounts have no folded search column: GLOB stands in (see foldedGlob).
  const words = q ? foldText(q).split(' ').filter(Boolean) : []
  const where = and(...words.map((word) => sql`(${u.name} glob ${foldedGlob(word)} or ${u.email} glob ${foldedGlob(word)})`))
  const { limit, offset } = pageSlice(page)
  const rows = db
    .select({ ...columns, personName: schema.people.name })
    .from(u)
    .leftJoin(schema.people, eq(schema.people.id, u.personId))
    .where(where)
    .orderBy(asc(u.email))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(u).where(where).get()?.n ?? 0
  return { rows, total, pages: pageCount(total) }
}

export function getUserAccount({ id }: { id: number }) {
  return db
    .select({ ...columns, personName: schema.people.name, organisationName: schema.organisations.name })
    .from(u)
    .leftJoin(schema.people, eq(schema.people.id, u.personId))
    .leftJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .where(eq(u.id, id))
    .get()
}

type UserFields = { email: string; name: string; role: Role; personId?: number | null }
export type UserSaveResult = { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string[]> }

function checkUser(fields: UserFields, exceptId?: number): UserSaveResult | null {
  const clash = db.select({ id: u.id }).from(u).where(eq(u.email, fields.email.toLowerCase())).get()
  if (clash && clash.id !== exceptId) return { ok: false, fieldErrors: { email: ['validation.duplicateEmail'] } }
  if (fields.personId) {
    const person = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.id, fields.personId)).get()
    if (!person) return { ok: false, fieldErrors: { personId: ['validation.person'] } }
    const holder = db.select({ id: u.id }).from(u).where(eq(u.personId, fields.personId)).get()
    if (holder && holder.id !== exceptId) return { ok: false, fieldErrors: { personId: ['validation.personHasAccount'] } }
  }
  return null
}

export async function createUser({
  fields,
  password,
  actor,
}: {
  fields: UserFields
  password: string
  actor: Actor | null
}): Promise<UserSaveResult> {
  const problem = checkUser(fields)
  if (problem) return problem
  const hash = await hashPassword(password)
  const row = { email: fields.email.toLowerCase(), name: fields.name, role: fields.role, personId: fields.personId ?? null }
  return db.transaction((tx) => {
    const { id } = tx.insert(u).values(row).returning({ id: u.id }).get()
    tx.insert(schema.passwords).values({ userId: id, hash }).run()
    recordAudit(tx, {
      actorUserId: actor?.userId ?? null,
      ip: actor?.ip,
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      after: row,
    })
    return { ok: true as const, id }
  })
}

export async function updateUser({ id, fields, actor }: { id: number; fields: UserFields; actor: Actor }): Promise<UserSaveResult> {
  const problem = checkUser(fields, id)
  if (problem) return problem
  const row = { email: fields.email.toLowerCase(), name: fields.name, role: fields.role, personId: fields.personId ?? null }
  const result = db.transaction((tx) => {
    const before = tx.select(columns).from(u).where(eq(u.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    const diff = diffFields(before, row)
    if (diff.changed.length === 0) return { ok: true as const, id, roleChanged: false }
    tx.update(u).set(row).where(eq(u.id, id)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      before: diff.before,
      after: diff.after,
    })
    return { ok: true as const, id, roleChanged: diff.changed.includes('role') }
  })
  // A changed role must not linger in sessions that were opened under the old one.
  if (result.roleChanged && id !== actor.userId) await endUserSessions(id)
  return { ok: true, id }
}

export async function setUserDisabled({ id, disabled, actor }: { id: number; disabled: boolean; actor: Actor }) {
  db.transaction((tx) => {
    const before = tx.select({ disabledAt: u.disabledAt }).from(u).where(eq(u.id, id)).get()
    if (!before) throw new Response('Not Found', { status: 404 })
    if (!!before.disabledAt === disabled) return
    const disabledAt = disabled ? new Date().toISOString() : null
    tx.update(u).set({ disabledAt }).where(eq(u.id, id)).run()
    recordAudit(tx, {
      actorUserId: actor.userId,
      ip: actor.ip,
      action: disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: id,
      before: { disabledAt: before.disabledAt },
      after: { disabledAt },
    })
  })
  if (disabled) await endUserSessions(id)
}

/** Changes a user's own password and ends every other session of theirs. */
export async function changePassword({
  userId,
  currentPassword,
  newPassword,
  sessionId,
  ip,
}: {
  userId: number
  currentPassword: string
  newPassword: string
  sessionId: string
  ip: string | null
}): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const stored = db.select({ hash: schema.passwords.hash }).from(schema.passwords).where(eq(schema.passwords.userId, userId)).get()
  if (!stored || !(await verifyPassword(stored.hash, currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: ['account.wrongPassword'] } }
  }
  const hash = await hashPassword(newPassword)
  db.transaction((tx) => {
    tx.update(schema.passwords).set({ hash, changedAt: new Date().toISOString() }).where(eq(schema.passwords.userId, userId)).run()
    recordAudit(tx, { actorUserId: userId, ip, action: 'user.passwordChanged', entityType: 'user', entityId: userId })
  })
  await endUserSessions(userId, { except: sessionId })
  return { ok: true }
}
