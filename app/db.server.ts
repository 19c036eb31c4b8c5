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

export function migrateDatabase() {
  migrate(db, { migrationsFolder: config.migrationsDir })
}

export { schema }
