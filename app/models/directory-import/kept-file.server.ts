import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { config } from '~/config.server'

/**
 * An import between its preview and its application: the rows read from the file, kept as
 * JSON in UPLOADS_DIR/imports under a random name, readable only by the account that sent
 * it, and gone after KEPT_FOR_MS; once applied only what it did is kept, for the page that says so.
 */
export type KeptImport<T> = { userId: number; createdAt: number; data: T }

const KEPT_FOR_MS = 2 * 60 * 60 * 1000
const TOKEN = /^[0-9a-f]{32}$/

function importsDir() {
  const dir = path.join(config.uploadsDir, 'imports')
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

const fileOf = (token: string) => path.join(importsDir(), `${token}.json`)

/** Keeps `data` for `userId` and gives its token; forgets imports left longer than KEPT_FOR_MS. */
export function keepImport<T>({ userId, data }: { userId: number; data: T }): string {
  forgetStaleImports()
  const token = crypto.randomBytes(16).toString('hex')
  const kept: KeptImport<T> = { userId, createdAt: Date.now(), data }
  fs.writeFileSync(fileOf(token), JSON.stringify(kept), { mode: 0o600, flag: 'wx' })
  return token
}

/** The import of `token` if it is this account's and still kept; anything else is null, as if it never was. */
export function readKeptImport<T>({ token, userId }: { token: string | null; userId: number }): T | null {
  forgetStaleImports()
  if (!token || !TOKEN.test(token)) return null
  let kept: KeptImport<T>
  try {
    kept = JSON.parse(fs.readFileSync(fileOf(token), 'utf8')) as KeptImport<T>
  } catch {
    return null
  }
  if (kept.userId !== userId || Date.now() - kept.createdAt > KEPT_FOR_MS) return null
  return kept.data
}

/** Replaces what is kept under `token` (the choices made on the preview, the result once applied). */
export function rewriteKeptImport<T>({ token, userId, data }: { token: string; userId: number; data: T }) {
  if (!TOKEN.test(token)) return
  const kept: KeptImport<T> = { userId, createdAt: Date.now(), data }
  const temp = `${fileOf(token)}.${crypto.randomBytes(4).toString('hex')}.tmp`
  fs.writeFileSync(temp, JSON.stringify(kept), { mode: 0o600 })
  fs.renameSync(temp, fileOf(token))
}

export function forgetImport(token: string) {
  if (TOKEN.test(token)) fs.rmSync(fileOf(token), { force: true })
}

/** Imports, and temporary files a rewrite left behind, untouched for longer than KEPT_FOR_MS. */
function forgetStaleImports() {
  const dir = importsDir()
  const now = Date.now()
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name)
    try {
      if (now - fs.statSync(file).mtimeMs > KEPT_FOR_MS) fs.rmSync(file, { force: true })
    } catch {
      // removed meanwhile by another request
    }
  }
}
