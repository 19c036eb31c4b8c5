import type Database from 'better-sqlite3'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { createRandom } from './random'
import { rowWriter } from './rows'

const DAY = 86_400_000

/** What every part of the generator shares: the one random stream, the reference day, the writers. */
export function createDataset({ sqlite, seed, reference }: { sqlite: Database.Database; seed: number; reference: Date }) {
  const writers = new Map<SQLiteTable, ReturnType<typeof rowWriter>>()
  return {
    sqlite,
    random: createRandom(seed),
    /** The first day of the month the dataset is built for (UTC midnight): "now" for every state in it. */
    reference,
    writer<T extends SQLiteTable>(table: T) {
      let writer = writers.get(table)
      if (!writer) writers.set(table, (writer = rowWriter(sqlite, table)))
      return writer as ReturnType<typeof rowWriter<T>>
    },
    isoDaysBefore(day: Date, days: number) {
      return new Date(day.getTime() - days * DAY).toISOString()
    },
  }
}

export type Dataset = ReturnType<typeof createDataset>

/** The last Sunday of a month (UTC date), when Poland changes its clocks at 01:00 UTC. */
function lastSunday(year: number, month: number) {
  const last = new Date(Date.UTC(year, month + 1, 0, 1))
  return last.getTime() - last.getUTCDay() * DAY
}

/**
 * The instant of a Warsaw wall-clock time on a day ('2017-05-16', 13 * 60 → 11:00Z) by the EU
 * rule that holds for every year of the dataset; ~/utils/time's fromWarsawLocal asks Intl
 * for every time, which for 200,000 agenda times costs seconds of the build.
 */
export function warsawInstant(day: string, minute: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const asUtc = Date.UTC(year, month - 1, date, 0, minute)
  const summer = asUtc - 2 * 3_600_000 >= lastSunday(year, 2) && asUtc - 2 * 3_600_000 < lastSunday(year, 9)
  return new Date(asUtc - (summer ? 2 : 1) * 3_600_000).toISOString()
}

export const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY)
export const isoDay = (day: Date) => day.toISOString().slice(0, 10)
