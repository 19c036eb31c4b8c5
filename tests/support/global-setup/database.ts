import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

/**
 * Builds ONE migrated database with the territorial register (and nothing else) before the
 * integration tests start; every worker copies it (../setup/database.ts) instead of running
 * the migrations again.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-test-db-'))
  const baseDatabasePath = path.join(dir, 'base.db')

  const globalForDb = globalThis as unknown as { naradaSqlite?: { close(): void } }
  if (globalForDb.naradaSqlite)
    throw new Error('A database connection is already open in the Vitest process; the base database would not be built.')

  const saved = { DATABASE_PATH: process.env.DATABASE_PATH, SEED: process.env.SEED }
  process.env.DATABASE_PATH = baseDatabasePath
  process.env.SEED = 'none'
  try {
    const { config } = await import('~/config.server')
    const { migrateDatabase, sqlite } = await import('~/db.server')
    const { loadRegister } = await import('~/models/region.server')
    if (config.databasePath !== baseDatabasePath)
      throw new Error(`config.server was loaded before DATABASE_PATH was set (${config.databasePath})`)
    migrateDatabase()
    loadRegister(config.registerCsv)
    // One self-contained file: copies must not need a -wal beside them.
    sqlite.pragma('journal_mode = DELETE')
    sqlite.close()
  } finally {
    delete globalForDb.naradaSqlite
    restoreEnv(saved)
  }

  project.provide('baseDatabasePath', baseDatabasePath)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}

function restoreEnv(saved: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
}
