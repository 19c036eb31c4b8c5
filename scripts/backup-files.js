// What `npm run backup` and `npm run restore` share: where the data lives, how a backup
// folder is laid out, and how a file is fingerprinted.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** The same defaults as app/config.server.ts. */
export const databasePath = path.resolve(process.env.DATABASE_PATH ?? './data/narada.db')
export const uploadsDir = path.resolve(process.env.UPLOADS_DIR ?? './data/uploads')

export const MANIFEST = 'manifest.json'
export const DATABASE_COPY = 'narada.db'
export const UPLOADS_COPY = 'uploads'

export function sha256File(file) {
  const hash = crypto.createHash('sha256')
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    let read
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read))
  } finally {
    fs.closeSync(fd)
  }
  return hash.digest('hex')
}

/** Copies a file and flushes the copy to disk before the caller renames it into place. */
export function copyDurably(from, to) {
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL)
  const fd = fs.openSync(to, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export function isEmptyDir(dir) {
  return !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0)
}

/** Prints the reason and exits non-zero: what every refusal of these commands ends in. */
export function fail(message) {
  console.error(`✗ ${message}`)
  process.exit(1)
}
