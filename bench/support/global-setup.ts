import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

/**
 * A migrated database with the territorial register, in a temporary folder that is removed
 * afterwards: the benchmarks never open ./data or the developer's DATABASE_PATH.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-bench-'))
  const databasePath = path.join(dir, 'bench.db')
  const globalForDb = globalThis as unknown as { naradaSqlite?: { close(): void } }
  if (globalForDb.naradaSqlite) throw new Error('A database connection is already open in the Vitest process.')

  process.env.DATABASE_PATH = databasePath
  process.env.UPLOADS_DIR = path.join(dir, 'uploads')
  process.env.SEED = 'none'
  try {
    const { config } = await import('~/config.server')
    const { migrateDatabase, sqlite } = await import('~/db.server')
    const { loadRegister } = await import('~/models/region.server')
    if (config.databasePath !== databasePath)
      throw new Error(`config.server was loaded before DATABASE_PATH was set (${config.databasePath})`)
    migrateDatabase()
    loadRegister(config.registerCsv)
    sqlite.close()
  } finally {
    delete globalForDb.naradaSqlite
  }

  project.provide('benchDir', dir)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
