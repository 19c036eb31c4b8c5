import { and, desc, eq, like, or, sql } from 'drizzle-orm'
import { db, schema, type Db, type Tx } from '~/db.server'
import { forgetRequestMemo } from '~/utils/request-scope.server'
import { escapeLike } from '~/utils/text'

export type AuditEntry = {
  actorUserId: number | null
  action: string
  entityType?: string
  entityId?: string | number
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  ip?: string | null
  detail?: string
}

/** Who did it and from where: passed down from the route to every change. */
export type Actor = { userId: number | null; ip: string | null }

/** Changes made by Narada itself: the first start, the demo data. */
export const SYSTEM_ACTOR: Actor = { userId: null, ip: null }

/**
 * Writes one audit row. Call it inside the transaction of the change it records, so that
 * the change and its record land together or not at all.
 */
export function recordAudit(tx: Db | Tx, entry: AuditEntry) {
  // Every change is audited: from here on, this request asks afresh who may see what.
  forgetRequestMemo()
  tx.insert(schema.auditLog)
    .values({
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    })
    .run()
}

/** The fields of `after` that differ from `before`, each side limited to them. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changed = Object.keys(after).filter((key) => before[key] !== after[key])
  const pick = (row: Partial<T>) => Object.fromEntries(changed.map((key) => [key, row[key] ?? null]))
  return { changed, before: pick(before), after: pick(after) }
}

export const AUDIT_PAGE_SIZE = 50

export function listAuditEntries({ page = 1, action }: { page?: number; action?: string }) {
  const where = action ? or(eq(schema.auditLog.action, action), like(schema.auditLog.action, `${escapeLike(action)}.%`)) : undefined
  const rows = db
    .select({
      id: schema.auditLog.id,
      at: schema.auditLog.at,
      action: schema.auditLog.action,
      entityType: schema.auditLog.entityType,
      entityId: schema.auditLog.entityId,
      before: schema.auditLog.before,
      after: schema.auditLog.after,
      ip: schema.auditLog.ip,
      detail: schema.auditLog.detail,
      actorName: schema.users.name,
      actorEmail: schema.users.email,
    })
    .from(schema.auditLog)
    .leftJoin(schema.users, eq(schema.users.id, schema.auditLog.actorUserId))
    .where(where)
    .orderBy(desc(schema.auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all()
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.auditLog)
      .where(where)
      .get()?.n ?? 0
  return { rows, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) }
}

export function listAuditEntriesFor({ entityType, entityId }: { entityType: string; entityId: string | number }) {
  return db
    .select({ id: schema.auditLog.id, at: schema.auditLog.at, action: schema.auditLog.action, actorName: schema.users.name })
    .from(schema.auditLog)
    .leftJoin(schema.users, eq(schema.users.id, schema.auditLog.actorUserId))
    .where(and(eq(schema.auditLog.entityType, entityType), eq(schema.auditLog.entityId, String(entityId))))
    .orderBy(desc(schema.auditLog.id))
    .all()
}
