import { and, eq, sql } from 'drizzle-orm'
import type { DocumentKind } from '#db/schema/enums'
import { schema, type Db, type Tx } from '~/db.server'

const dn = schema.documentNumbers

/** What a team without its own pattern numbers its recommendations by. */
export const DEFAULT_RECOMMENDATION_PATTERN = 'REK/{nr}/{rok}'

/**
 * The next number a team gives to a kind of document in a year, taken in the caller's
 * transaction: the counter only grows, so no number is given twice nor reused after a withdrawal.
 */
export function nextDocumentNumber(tx: Tx, { bodyId, kind, year }: { bodyId: number; kind: DocumentKind; year: number }): number {
  return tx
    .insert(dn)
    .values({ bodyId, kind, year, last: 1 })
    .onConflictDoUpdate({ target: [dn.bodyId, dn.kind, dn.year], set: { last: sql`${dn.last} + 1` } })
    .returning({ last: dn.last })
    .get().last
}

/**
 * A number written by the team's pattern: `{nr}` the number of the year, `{rok}` the year
 * („ROPS-KR/REK/{nr}/{rok}”). A pattern without `{nr}` would give every document the same
 * number: the default is used instead.
 */
export function formatDocumentNumber(pattern: string | null, { number, year }: { number: number; year: number }): string {
  const own = pattern?.trim()
  return (own?.includes('{nr}') ? own : DEFAULT_RECOMMENDATION_PATTERN).replaceAll('{nr}', String(number)).replaceAll('{rok}', String(year))
}

/** The number `nextDocumentNumber` would give now, without taking it: to print it before the write that takes it. */
export function nextNumberOf(tx: Db | Tx, bodyId: number, year: number, kind: DocumentKind = 'recommendation'): number {
  const row = tx
    .select({ last: dn.last })
    .from(dn)
    .where(and(eq(dn.bodyId, bodyId), eq(dn.kind, kind), eq(dn.year, year)))
    .get()
  return (row?.last ?? 0) + 1
}
