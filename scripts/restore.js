// `npm run restore -- DIR`: checks a backup made by `npm run backup` (every file against
// its manifest, the database's integrity) and puts it in place of an EMPTY installation.
import crypto from 'node:crypto'
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
if (!target) fail('Usage: npm run restore -- DIR   (a folder made by npm run backup)')
const dir = path.resolve(target)
const manifestPath = path.join(dir, MANIFEST)
if (!fs.existsSync(manifestPath)) fail(`${dir} holds no ${MANIFEST}: not a finished backup.`)

let manifest
try {
  manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
} catch (error) {
  fail(`${manifestPath} cannot be read: ${error.message}`)
}
if (manifest.app !== 'narada' || !Array.isArray(manifest.files)) fail(`${manifestPath} is not a Narada backup manifest.`)
if (!manifest.files.some((file) => file.path === DATABASE_COPY)) fail(`The manifest names no ${DATABASE_COPY}.`)

for (const file of manifest.files) {
  const full = path.join(dir, file.path)
  if (path.relative(dir, full).startsWith('..')) fail(`The manifest names a file outside the backup: ${file.path}`)
  if (!fs.existsSync(full)) fail(`${file.path} is missing from the backup.`)
  if (fs.statSync(full).size !== file.size || sha256File(full) !== file.sha256) {
    fail(`${file.path} does not match the manifest (size or SHA-256): the backup is damaged or was changed.`)
  }
}

const integrity = checkIntegrity(path.join(dir, DATABASE_COPY))
if (integrity !== 'ok') fail(`The backed-up database fails its integrity check: ${integrity}`)

// Never over live data: a restore is for a new or emptied installation.
for (const suffix of ['', '-wal', '-shm']) {
  if (fs.existsSync(databasePath + suffix)) fail(`${databasePath + suffix} exists: restore only into an empty DATABASE_PATH.`)
}
if (!isEmptyDir(uploadsDir)) fail(`${uploadsDir} is not empty: restore only into an empty UPLOADS_DIR.`)

// Each part is copied under a temporary name and renamed into place whole, uploads first:
// once the database appears, every file it names is there.
const suffix = `.restore-${crypto.randomBytes(6).toString('hex')}`
const uploads = manifest.files.filter((file) => file.path.startsWith(`${UPLOADS_COPY}/`))
const uploadsTemp = uploadsDir + suffix
fs.mkdirSync(uploadsTemp, { recursive: true })
for (const file of uploads) copyVerified(file, path.join(uploadsTemp, path.basename(file.path)))
if (fs.existsSync(uploadsDir)) fs.rmdirSync(uploadsDir)
fs.renameSync(uploadsTemp, uploadsDir)

fs.mkdirSync(path.dirname(databasePath), { recursive: true })
const databaseTemp = databasePath + suffix
copyVerified(
  manifest.files.find((file) => file.path === DATABASE_COPY),
  databaseTemp,
)
fs.renameSync(databaseTemp, databasePath)

console.log(
  `✓ Restored the backup of ${manifest.createdAt} (schema version ${manifest.schemaVersion}): ${databasePath} and ${uploads.length} files in ${uploadsDir}.`,
)

function copyVerified(file, to) {
  copyDurably(path.join(dir, file.path), to)
  if (sha256File(to) !== file.sha256) fail(`The copy of ${file.path} at ${to} does not match the manifest.`)
}

function checkIntegrity(file) {
  try {
    const database = new Database(file, { readonly: true, fileMustExist: true })
    try {
      return database.pragma('integrity_check', { simple: true })
    } finally {
      database.close()
    }
  } catch (error) {
    return error.message
  }
}
