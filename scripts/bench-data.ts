/**
 * `npm run bench:data -- --database PATH [--force] [--scale 1] [--published N] [--reference YYYY-MM-01]`
 *
 * Builds the regional benchmark dataset (db/bench/regional.ts) into a new SQLite file, and
 * PATH.json beside it with the accounts and the ids of the pages the load benchmark measures.
 * The dates hang on a reference day, by default the first of the current month (UTC): the
 * same month and seed give the same dataset, and about a year of meetings always lies ahead.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    force: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    published: { type: 'string' },
    reference: { type: 'string' },
  },
})

function fail(message: string): never {
  console.error(`bench:data: ${message}`)
  process.exit(1)
}

if (!values.database) fail('give the database file: npm run bench:data -- --database PATH')
const databasePath = path.resolve(values.database)
const scale = Number(values.scale)
if (!(scale > 0 && scale <= 1)) fail(`--scale must be a number above 0 and at most 1, not "${values.scale}"`)
const published = values.published === undefined ? undefined : Number(values.published)
if (published !== undefined && !(Number.isInteger(published) && published >= 0))
  fail(`--published must be a whole number, not "${values.published}"`)
const now = new Date()
const reference = values.reference
  ? new Date(`${values.reference}T00:00:00Z`)
  : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
if (Number.isNaN(reference.getTime())) fail(`--reference must be a day (YYYY-MM-DD), not "${values.reference}"`)

if (fs.existsSync(databasePath)) {
  if (!values.force) fail(`${databasePath} exists; add --force to replace it`)
  for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`, `${databasePath}.json`]) fs.rmSync(file, { force: true })
}
fs.mkdirSync(path.dirname(databasePath), { recursive: true })

// config.server reads the environment once, on first import: set it before anything loads.
process.env.DATABASE_PATH = databasePath
process.env.SEED = 'none'

const started = performance.now()
const { buildRegionalDataset } = await import('#db/bench/regional')
const { closeDatabase } = await import('~/db.server')
console.log(`bench:data: building ${databasePath} at scale ${scale}, reference day ${reference.toISOString().slice(0, 10)}`)
const result = await buildRegionalDataset({ scale, reference, published, log: (line) => console.log(line) })
closeDatabase()
const seconds = (performance.now() - started) / 1000

fs.writeFileSync(`${databasePath}.json`, `${JSON.stringify({ accounts: result.accounts, ids: result.ids }, null, 2)}\n`)
console.log('\nRows per table:')
for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en-US').padStart(9)}`)
console.log(
  `\nPublished minutes with archived PDFs: ${result.published.count} (${result.published.msEach.toFixed(0)} ms each to approve, render and archive)`,
)
console.log(`\nAccounts (password for all: ${result.accounts[0]!.password}; a benchmark database only):`)
for (const a of result.accounts) console.log(`  ${a.role.padEnd(8)} ${a.email}`)
console.log(`\nPages to measure: ${JSON.stringify(result.ids)}`)
console.log(`Written ${databasePath} and ${databasePath}.json in ${seconds.toFixed(1)} s`)
