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
if (manifest?.app !== 'narada' || !Array.isArray(manifest.files)) fail(`${manifestPath} is not a Narada backup manifest.`)

// The manifest decides which files are written where: it may name the database and files
// directly in uploads/, each once, and nothing else.
const named = new Set()
for (const file of manifest.files) {
  if (typeof file?.path !== 'string' || typeof file.size !== 'number' || typeof file.sha256 !== 'string') {
    fail(`The manifest has an entry that is not a file record: ${JSON.stringify(file)}`)
  }
  if (file.path !== DATABASE_COPY && !isUploadCopy(file.path)) {
    fail(
      `The manifest names ${file.path}, which is neither ${DATABASE_COPY} nor a file directly in ${UPLOADS_COPY}/ (no subfolders, no names starting with a dot).`,
    )
  }
  if (named.has(file.path)) fail(`The manifest names ${file.path} twice.`)
  named.add(file.path)
}
if (!named.has(DATABASE_COPY)) fail(`The manifest names no ${DATABASE_COPY}.`)

for (const file of manifest.files) {
  const full = path.join(dir, file.path)
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

// Every part is copied under a temporary name and checked before anything is renamed into
// place, uploads first: once the database appears, every file it names is there. A restore
// that fails on the way removes its copies and leaves the installation as empty as it was.
const suffix = `.restore-${crypto.randomBytes(6).toString('hex')}`
const uploads = manifest.files.filter((file) => file.path !== DATABASE_COPY)
const uploadsTemp = uploadsDir + suffix
const databaseTemp = databasePath + suffix
const staged = []
let restored = false
try {
  fs.mkdirSync(uploadsTemp, { recursive: true })
  staged.push(uploadsTemp)
  for (const file of uploads) copyVerified(file, path.join(uploadsTemp, path.basename(file.path)))
  fs.mkdirSync(path.dirname(databasePath), { recursive: true })
  staged.push(databaseTemp)
  copyVerified(
    manifest.files.find((file) => file.path === DATABASE_COPY),
    databaseTemp,
  )

  if (fs.existsSync(uploadsDir)) fs.rmdirSync(uploadsDir)
  fs.renameSync(uploadsTemp, uploadsDir)
  try {
    fs.renameSync(databaseTemp, databasePath)
  } catch (error) {
    fs.renameSync(uploadsDir, uploadsTemp)
    throw error
  }
  restored = true
} catch (error) {
  console.error(`✗ The restore failed and put nothing in place: ${error.message}`)
  process.exitCode = 1
} finally {
  if (!restored) for (const temp of staged) fs.rmSync(temp, { recursive: true, force: true })
}

if (restored) {
  console.log(
    `✓ Restored the backup of ${manifest.createdAt} (schema version ${manifest.schemaVersion}): ${databasePath} and ${uploads.length} files in ${uploadsDir}.`,
  )
}

function isUploadCopy(file) {
  const [folder, name, ...deeper] = file.split('/')
  return folder === UPLOADS_COPY && deeper.length === 0 && /^[^.\\][^\\]*$/.test(name ?? '')
}

function copyVerified(file, to) {
  copyDurably(path.join(dir, file.path), to)
  if (sha256File(to) !== file.sha256) throw new Error(`the copy of ${file.path} at ${to} does not match the manifest.`)
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
