// `npm run backup -- DIR`: a consistent copy of the database and the uploaded files, taken
// while the server keeps serving, with a manifest of every file's size and SHA-256.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  DATABASE_COPY,
  MANIFEST,
  UPLOADS_COPY,
  copyDurably,
  databasePath,
  fail,
  isEmptyDir,
  sha256File,
  uploadsDir,
} from './backup-files.js'

const target = process.argv[2]
if (!target) fail('Usage: npm run backup -- DIR   (DIR must be empty or not exist yet)')
const dir = path.resolve(target)
if (!isEmptyDir(dir)) fail(`${dir} is not an empty folder: a backup goes into a folder of its own.`)
if (!fs.existsSync(databasePath)) fail(`There is no database at ${databasePath} (DATABASE_PATH).`)

fs.mkdirSync(path.join(dir, UPLOADS_COPY), { recursive: true })
const databaseCopy = path.join(dir, DATABASE_COPY)

const source = new Database(databasePath, { fileMustExist: true })
source.pragma('busy_timeout = 5000')
try {
  // SQLite's backup API starts over when another connection writes between two steps; asking
  // for every page in the next step makes that step one read transaction, a snapshot that
  // the server's writes no longer disturb.
  await source.backup(databaseCopy, { progress: ({ totalPages }) => totalPages })
} catch (error) {
  fail(`Could not copy the database: ${error.message}`)
} finally {
  source.close()
}

const copy = new Database(databaseCopy)
// One self-contained file: a restore, or a look with the sqlite3 shell, needs no -wal beside it.
copy.pragma('journal_mode = DELETE')
const integrity = copy.pragma('integrity_check', { simple: true })
const schemaVersion = copy.prepare('select count(*) as n from __drizzle_migrations').get().n
copy.close()
if (integrity !== 'ok') fail(`The database copy fails its integrity check: ${integrity}`)

// After the database: every file the copy names was already complete in UPLOADS_DIR
// (uploads are renamed into place whole and never changed), so it is copied here too.
const files = [{ path: DATABASE_COPY, ...fingerprint(databaseCopy) }]
const stored = fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir, { withFileTypes: true }) : []
for (const entry of stored) {
  // Dot files are uploads still arriving and health probes, not stored files.
  if (!entry.isFile() || entry.name.startsWith('.')) continue
  const to = path.join(dir, UPLOADS_COPY, entry.name)
  copyDurably(path.join(uploadsDir, entry.name), to)
  files.push({ path: `${UPLOADS_COPY}/${entry.name}`, ...fingerprint(to) })
}

const manifest = {
  app: 'narada',
  createdAt: new Date().toISOString(),
  source: { databasePath, uploadsDir },
  schemaVersion,
  files,
}
// Written last and renamed into place: a folder with a manifest holds a finished backup.
fs.writeFileSync(path.join(dir, `${MANIFEST}.tmp`), `${JSON.stringify(manifest, null, 2)}\n`)
fs.renameSync(path.join(dir, `${MANIFEST}.tmp`), path.join(dir, MANIFEST))

const bytes = files.reduce((sum, file) => sum + file.size, 0)
console.log(`✓ Backup in ${dir}: the database (schema version ${schemaVersion}) and ${files.length - 1} uploaded files, ${bytes} bytes.`)

function fingerprint(file) {
  return { size: fs.statSync(file).size, sha256: sha256File(file) }
}
