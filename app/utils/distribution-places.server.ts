import { recipientStates } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import type { distributionCounts } from '~/models/distribution-dashboard.server'

/** More counties than a page should chart (a distribution across voivodeships): their voivodeships instead. */
const MAX_COUNTIES = 40

export function placesOf(byCounty: ReturnType<typeof distributionCounts>['byCounty']) {
  if (byCounty.length <= MAX_COUNTIES) return { by: 'county' as const, rows: byCounty }
  const names = new Map(
    db
      .select()
      .from(schema.voivodeships)
      .all()
      .map((v) => [v.code, `województwo ${v.name}`]),
  )
  const rows = new Map<string, (typeof byCounty)[number]>()
  for (const county of byCounty) {
    const code = county.code.slice(0, 2)
    const row = rows.get(code) ?? {
      code,
      name: names.get(code) ?? code,
      counts: { not_sent: 0, sent: 0, opened: 0, confirmed: 0, reported: 0 },
      total: 0,
    }
    for (const state of recipientStates) row.counts[state] += county.counts[state]
    row.total += county.total
    rows.set(code, row)
  }
  return { by: 'voivodeship' as const, rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl')) }
}

/** The share of a place's recipients that confirmed (with or without a report), in whole per cent; null for none. */
export const confirmedShare = (row: { counts: Record<string, number>; total: number }) =>
  row.total ? Math.round(((row.counts.confirmed! + row.counts.reported!) / row.total) * 100) : null
