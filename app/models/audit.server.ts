import { and, asc, count, desc, eq, gt, lt, or, sql, type Placeholder } from 'drizzle-orm'
import { db, schema, type Db, type Tx } from '~/db.server'
import { PAGE_SIZE, pageCount, pageSlice } from '~/utils/paging'

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

const a = schema.auditLog

/** Who did it and from where: passed down from the route to every change. */
export type Actor = { userId: number | null; ip: string | null }

/** Changes made by Narada itself: the first start, the demo data. */
export const SYSTEM_ACTOR: Actor = { userId: null, ip: null }

/**
 * Writes one audit row. Call it inside the transaction of the change it records, so that
 * the change and its record land together or not at all.
 */
export function recordAudit(tx: Db | Tx, entry: AuditEntry) {
  tx.insert(schema.auditLog).values(auditRow(entry)).run()
}

function auditRow(entry: AuditEntry) {
  return {
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
  }
}

/**
 * `recordAudit` for thousands of changes in one transaction (a directory import): the statement
 * is prepared once instead of for every row.
 */
export function auditRecorder(tx: Db | Tx): (entry: AuditEntry) => void {
  const columns = ['actorUserId', 'action', 'entityType', 'entityId', 'before', 'after', 'ip', 'detail'] as const
  const insert = tx
    .insert(schema.auditLog)
    .values(Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as Record<(typeof columns)[number], Placeholder>)
    .prepare()
  return (entry) => void insert.run(auditRow(entry))
}

/** The fields of `after` that differ from `before`, each side limited to them. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changed = Object.keys(after).filter((key) => before[key] !== after[key])
  const pick = (row: Partial<T>) => Object.fromEntries(changed.map((key) => [key, row[key] ?? null]))
  return { changed, before: pick(before), after: pick(after) }
}

/** Past this many matching entries the log says „more than” instead of counting on. */
export const AUDIT_COUNT_CAP = 10_000

/**
 * One page of the log, newest first, by keyset on the id: `before` pages back to older
 * entries, `after` forward to newer ones, neither gives the newest. The log grows by every
 * change and holds hundreds of thousands of rows: an OFFSET page would skip (and read) every
 * row in front of it and shift as entries arrive while an administrator reads, while `id < ?`
 * seeks straight into the table. For the same reason the total is counted up to
 * AUDIT_COUNT_CAP only. `action` is a prefix („meeting” matches „meeting.updated”), written as
 * GLOB so that an index on `action` can serve it.
 */
export function listAuditEntries({ action, before, after }: { action?: string; before?: number; after?: number }) {
  const matches = action ? or(eq(a.action, action), sql`${a.action} glob ${`${action}.*`}`) : undefined
  const forward = before === undefined && after !== undefined
  const cursor = before !== undefined ? lt(a.id, before) : after !== undefined ? gt(a.id, after) : undefined
  const found = db
    .select({
      id: a.id,
      at: a.at,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      before: a.before,
      after: a.after,
      ip: a.ip,
      detail: a.detail,
      actorName: schema.users.name,
      actorEmail: schema.users.email,
    })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.actorUserId))
    .where(and(matches, cursor))
    .orderBy(forward ? asc(a.id) : desc(a.id))
    // One more than a page tells whether there is a page beyond it.
    .limit(PAGE_SIZE + 1)
    .all()
  const more = found.length > PAGE_SIZE
  const rows = found.slice(0, PAGE_SIZE)
  if (forward) rows.reverse()
  const counted =
    db
      .select({ n: count() })
      .from(
        db
          .select({ id: a.id })
          .from(a)
          .where(matches)
          .limit(AUDIT_COUNT_CAP + 1)
          .as('capped'),
      )
      .get()?.n ?? 0
  return {
    rows,
    total: Math.min(counted, AUDIT_COUNT_CAP),
    totalCapped: counted > AUDIT_COUNT_CAP,
    // Cursors for the pager: null where the list ends (or, without a cursor, at the newest).
    older: rows.length && (forward || more) ? rows.at(-1)!.id : null,
    newer: rows.length && cursor && (!forward || more) ? rows[0]!.id : null,
  }
}

/** One page of what happened to one record, newest first: an account's sign-ins add up over the years. */
export function listAuditEntriesFor({ entityType, entityId, page }: { entityType: string; entityId: string | number; page: number }) {
  const where = and(eq(a.entityType, entityType), eq(a.entityId, String(entityId)))
  const { limit, offset } = pageSlice(page)
  const rows = db
    .select({ id: a.id, at: a.at, action: a.action, actorName: schema.users.name })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.actorUserId))
    .where(where)
    .orderBy(desc(a.id))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(a).where(where).get()?.n ?? 0
  return { rows, total, pages: pageCount(total) }
}
