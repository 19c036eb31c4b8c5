import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'

/**
 * Inserts rows into one table of the schema through a prepared statement per shape of row:
 * drizzle's query builder renders its SQL for every call, which for a million rows costs
 * more than the inserts themselves. Values go through the column's own mapping (booleans,
 * buffers), so what lands is what `db.insert(table)` would have written.
 */
export function rowWriter<T extends SQLiteTable>(sqlite: Database.Database, table: T) {
  const columns = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(value: unknown): unknown }>
  const statements = new Map<string, { run(values: unknown[]): unknown; keys: string[] }>()
  let written = 0
  function statementFor(row: Record<string, unknown>) {
    const keys = Object.keys(row).filter((key) => columns[key])
    const shape = keys.join(',')
    let statement = statements.get(shape)
    if (!statement) {
      const names = keys.map((key) => `"${columns[key]!.name}"`).join(', ')
      const prepared = sqlite.prepare(`insert into "${getTableName(table)}" (${names}) values (${keys.map(() => '?').join(', ')})`)
      statement = { keys, run: (values) => prepared.run(values) }
      statements.set(shape, statement)
    }
    return statement
  }
  return {
    insert(row: T['$inferInsert']) {
      const record = row as Record<string, unknown>
      const statement = statementFor(record)
      statement.run(statement.keys.map((key) => (record[key] == null ? null : columns[key]!.mapToDriverValue(record[key]))))
      written++
    },
    get written() {
      return written
    },
  }
}
