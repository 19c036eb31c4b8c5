import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from '#db/schema/index'
import { config } from './config.server'

export type Db = BetterSQLite3Database<typeof schema>
/** The argument drizzle passes to a transaction callback: use it inside `db.transaction`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

function connect(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

// One connection per process; in development the module is re-evaluated on every
// rebuild, so the connection is kept on globalThis instead of being opened again.
const globalForDb = globalThis as unknown as { naradaSqlite?: Database.Database }
export const sqlite = (globalForDb.naradaSqlite ??= connect(config.databasePath))
export const db: Db = drizzle(sqlite, { schema })

/**
 * Folds the WAL back into the database file and closes the connection, so a stopped
 * server leaves one self-contained file behind.
 */
export function closeDatabase() {
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  delete globalForDb.naradaSqlite
}

/**
 * Applies the migrations not yet applied. SQLite changes a table's constraints only by
 * rebuilding it, and dropping the old table would cascade to every row that points at it;
 * `PRAGMA foreign_keys` does nothing inside the migrations' transaction, so it is turned off
 * around it, and every reference is checked before it is turned on again.
 */
export function migrateDatabase() {
  applyMigrations(sqlite)
}

/** The migrations applied to any connection, as `migrateDatabase` applies them (the migration tests use it on old databases). */
export function applyMigrations(connection: Database.Database, migrationsFolder = config.migrationsDir) {
  connection.pragma('foreign_keys = OFF')
  try {
    migrate(drizzle(connection), { migrationsFolder })
    const broken = connection.pragma('foreign_key_check') as unknown[]
    if (broken.length) throw new Error(`After the migrations ${broken.length} rows point at nothing, e.g. ${JSON.stringify(broken[0])}`)
  } finally {
    connection.pragma('foreign_keys = ON')
  }
}

export { schema }
