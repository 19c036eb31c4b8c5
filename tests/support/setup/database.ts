import fs from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'

// Runs in every integration worker before any app module loads: config.server reads
// DATABASE_PATH once, when it is first imported, so it must point at this worker's copy.
const base = inject('baseDatabasePath')
const worker = `${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}`
const databasePath = path.join(path.dirname(base), `worker-${worker}.db`)

// A worker reused without isolation keeps its open connection (and its file) as it is.
if (!(globalThis as { naradaSqlite?: unknown }).naradaSqlite && !fs.existsSync(databasePath)) {
  fs.copyFileSync(base, databasePath)
}

process.env.DATABASE_PATH = databasePath
process.env.UPLOADS_DIR = path.join(path.dirname(base), `uploads-${worker}`)
process.env.SEED = 'none'
