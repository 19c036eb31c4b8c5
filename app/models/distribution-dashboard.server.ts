import { and, asc, count, eq, isNull, lt, sql, type SQL } from 'drizzle-orm'
import { recipientStates, type OrganisationKind, type RecipientState } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import type { RecipientFilter } from '~/schemas/distribution'
import { pageCount, pageSlice } from '~/utils/paging'
import { escapeLike } from '~/utils/text'

const rcp = schema.distributionRecipients
const reports = schema.distributionReports
const counties = schema.counties

const DAY = 24 * 3600 * 1000

export type StateCounts = Record<RecipientState, number>

const emptyCounts = (): StateCounts => Object.fromEntries(recipientStates.map((state) => [state, 0])) as StateCounts

/** The moment before which an unconfirmed recipient is escalated. */
export const escalationCutoff = (escalateAfterDays: number, now = new Date()) =>
  new Date(now.getTime() - escalateAfterDays * DAY).toISOString()

function escalatedWhere(distributionId: number, cutoff: string): SQL {
  return and(eq(rcp.distributionId, distributionId), isNull(rcp.confirmedAt), lt(rcp.sentAt, cutoff))!
}

/**
 * The dashboard's numbers, each one grouped query over the distribution's own index: by
 * state, by county and state, by kind and state, and the size of the escalation list.
 */
export function distributionCounts({
  distributionId,
  escalateAfterDays,
  now = new Date(),
}: {
  distributionId: number
  escalateAfterDays: number
  now?: Date
}) {
  const mine = eq(rcp.distributionId, distributionId)
  const byState = emptyCounts()
  for (const row of db.select({ state: rcp.state, n: count() }).from(rcp).where(mine).groupBy(rcp.state).all()) byState[row.state] = row.n
  const countyRows = db
    .select({ code: rcp.countyCode, state: rcp.state, n: count() })
    .from(rcp)
    .where(mine)
    .groupBy(rcp.countyCode, rcp.state)
    .all()
  const names = new Map(
    db
      .select({ code: counties.code, name: counties.name, kind: counties.kind })
      .from(counties)
      .where(sql`${counties.code} in (select distinct ${rcp.countyCode} from ${rcp} where ${rcp.distributionId} = ${distributionId})`)
      .all()
      .map((c) => [c.code, c.kind === 'powiat' ? `powiat ${c.name}` : c.name]),
  )
  const byCounty = new Map<string, { code: string; name: string; counts: StateCounts; total: number }>()
  for (const row of countyRows) {
    const entry = byCounty.get(row.code) ?? { code: row.code, name: names.get(row.code) ?? row.code, counts: emptyCounts(), total: 0 }
    entry.counts[row.state] = row.n
    entry.total += row.n
    byCounty.set(row.code, entry)
  }
  const byKind = new Map<OrganisationKind, { kind: OrganisationKind; counts: StateCounts; total: number }>()
  for (const row of db.select({ kind: rcp.kind, state: rcp.state, n: count() }).from(rcp).where(mine).groupBy(rcp.kind, rcp.state).all()) {
    const entry = byKind.get(row.kind) ?? { kind: row.kind, counts: emptyCounts(), total: 0 }
    entry.counts[row.state] = row.n
    entry.total += row.n
    byKind.set(row.kind, entry)
  }
  const escalated =
    db
      .select({ n: count() })
      .from(rcp)
      .where(escalatedWhere(distributionId, escalationCutoff(escalateAfterDays, now)))
      .get()?.n ?? 0
  const total = Object.values(byState).reduce((a, b) => a + b, 0)
  return {
    total,
    byState,
    byCounty: [...byCounty.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl')),
    byKind: [...byKind.values()],
    escalated,
  }
}

const listColumns = {
  id: rcp.id,
  name: rcp.name,
  kind: rcp.kind,
  city: rcp.city,
  countyCode: rcp.countyCode,
  email: rcp.email,
  state: rcp.state,
  sendError: rcp.sendError,
  sentAt: rcp.sentAt,
  firstOpenedAt: rcp.firstOpenedAt,
  confirmedAt: rcp.confirmedAt,
  confirmedByName: rcp.confirmedByName,
  remindersSent: rcp.remindersSent,
  lastReportStatus: rcp.lastReportStatus,
}

function filterWhere(distributionId: number, filter: RecipientFilter, escalateAfterDays: number, now: Date): SQL {
  const conditions: (SQL | undefined)[] = [eq(rcp.distributionId, distributionId)]
  if (filter.state === 'escalated') conditions.push(escalatedWhere(distributionId, escalationCutoff(escalateAfterDays, now)))
  else if (filter.state) conditions.push(eq(rcp.state, filter.state))
  if (filter.county) conditions.push(eq(rcp.countyCode, filter.county))
  if (filter.kind) conditions.push(eq(rcp.kind, filter.kind))
  if (filter.q) conditions.push(sql`${rcp.name} like ${`%${escapeLike(filter.q)}%`} escape '\\'`)
  return and(...conditions)!
}

/** One page of a distribution's recipients by name, under the dashboard's filter. */
export function listRecipients({
  distributionId,
  filter,
  escalateAfterDays,
  now = new Date(),
}: {
  distributionId: number
  filter: RecipientFilter
  escalateAfterDays: number
  now?: Date
}) {
  const page = filter.page ?? 1
  const where = filterWhere(distributionId, filter, escalateAfterDays, now)
  const { limit, offset } = pageSlice(page)
  const rows = db.select(listColumns).from(rcp).where(where).orderBy(asc(rcp.name), asc(rcp.id)).limit(limit).offset(offset).all()
  const total = db.select({ n: count() }).from(rcp).where(where).get()?.n ?? 0
  return { rows, total, page, pages: pageCount(total) }
}

/** Every recipient of a distribution with all it recorded, by name: the export (5,000 rows). */
export function exportRecipients({ distributionId }: { distributionId: number }) {
  return db
    .select({
      ...listColumns,
      street: rcp.street,
      postalCode: rcp.postalCode,
      municipalityCode: rcp.municipalityCode,
      firstOpenedBy: rcp.firstOpenedBy,
      confirmedByPosition: rcp.confirmedByPosition,
      lastRemindedAt: rcp.lastRemindedAt,
      lastReportAt: rcp.lastReportAt,
    })
    .from(rcp)
    .where(eq(rcp.distributionId, distributionId))
    .orderBy(asc(rcp.name), asc(rcp.id))
    .all()
}

/** Every report filed in a distribution, by recipient and date: the reports' export. */
export function exportReports({ distributionId }: { distributionId: number }) {
  return db
    .select({
      recipient: rcp.name,
      kind: rcp.kind,
      countyCode: rcp.countyCode,
      filedAt: reports.filedAt,
      status: reports.status,
      text: reports.text,
      filedByName: reports.filedByName,
      filedByPosition: reports.filedByPosition,
      fileName: reports.fileName,
    })
    .from(reports)
    .innerJoin(rcp, eq(rcp.id, reports.recipientId))
    .where(eq(rcp.distributionId, distributionId))
    .orderBy(asc(rcp.name), asc(reports.filedAt), asc(reports.id))
    .all()
}
