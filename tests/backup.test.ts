import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

type Manifest = { schemaVersion: number; createdAt: string; files: { path: string; size: number; sha256: string }[] }

/** Runs `node scripts/<script> DIR` as an operator would, against the given data. */
function run(script: string, dir: string, data: { databasePath: string; uploadsDir: string }) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', script), dir], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: data.databasePath, UPLOADS_DIR: data.uploadsDir },
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('close', (code) => resolve({ code, output })))
}

// A stand-in for the running server: commits one row at a time and stores a file now and
// then (under a temp name, renamed into place whole, as the app does), acknowledging each
// only once it is durable.
const LOAD = `
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
const db = new Database(process.env.DATABASE_PATH)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')
const insert = db.prepare('insert into load_rows (payload) values (?)')
const uploads = process.env.UPLOADS_DIR
let n = 0
function step() {
  const { lastInsertRowid } = insert.run(crypto.randomBytes(1024).toString('hex'))
  process.stdout.write('row ' + lastInsertRowid + '\\n')
  if (++n % 5 === 0) {
    const name = crypto.randomBytes(8).toString('hex') + '.bin'
    const temp = path.join(uploads, '.upload-' + name + '.tmp')
    fs.writeFileSync(temp, crypto.randomBytes(4096))
    fs.renameSync(temp, path.join(uploads, name))
    process.stdout.write('file ' + name + '\\n')
  }
  setImmediate(step)
}
step()
`

function sha256(file: string) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

describe('npm run backup and npm run restore', () => {
  let dir: string
  let live: { databasePath: string; uploadsDir: string }
  let backupDir: string
  let restored: { databasePath: string; uploadsDir: string }
  const acknowledged = { rows: [] as number[], files: [] as string[] }
  let beforeBackup: typeof acknowledged
  let duringBackup: number
  let backup: { code: number | null; output: string }
  let restore: { code: number | null; output: string }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-backup-'))
    live = { databasePath: path.join(dir, 'live/narada.db'), uploadsDir: path.join(dir, 'live/uploads') }
    fs.mkdirSync(live.uploadsDir, { recursive: true })
    fs.copyFileSync(inject('baseDatabasePath'), live.databasePath)
    const setup = new Database(live.databasePath)
    setup.exec('create table load_rows (id integer primary key, payload text not null)')
    setup.close()

    const load = spawn(process.execPath, ['--input-type=module', '-e', LOAD], {
      cwd: root,
      env: { ...process.env, ...{ DATABASE_PATH: live.databasePath, UPLOADS_DIR: live.uploadsDir } },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const loadExited = new Promise((resolve) => load.once('exit', resolve))
    readline.createInterface({ input: load.stdout }).on('line', (line) => {
      const [kind, value] = line.split(' ') as [string, string]
      if (kind === 'row') acknowledged.rows.push(Number(value))
      else acknowledged.files.push(value)
    })
    while (acknowledged.files.length < 20) await new Promise((resolve) => setTimeout(resolve, 20))

    backupDir = path.join(dir, 'backup')
    beforeBackup = { rows: [...acknowledged.rows], files: [...acknowledged.files] }
    backup = await run('backup.js', backupDir, live)
    duringBackup = acknowledged.rows.length - beforeBackup.rows.length
    load.kill('SIGTERM')
    await loadExited

    restored = { databasePath: path.join(dir, 'restored/data/narada.db'), uploadsDir: path.join(dir, 'restored/data/uploads') }
    restore = await run('restore.js', backupDir, restored)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('backs up while the database is being written', () => {
    expect(backup.output).toContain('✓ Backup in')
    expect(backup.code).toBe(0)
    expect(duringBackup).toBeGreaterThan(0)
  })

  it('restores a whole database holding every row committed before the backup began', () => {
    expect(restore.output).toContain('✓ Restored')
    expect(restore.code).toBe(0)
    const database = new Database(restored.databasePath, { readonly: true })
    try {
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok')
      const ids = new Set(database.prepare('select id from load_rows').pluck().all() as number[])
      expect(beforeBackup.rows.filter((id) => !ids.has(id))).toEqual([])
    } finally {
      database.close()
    }
  })

  it('restores every uploaded file, each as the manifest fingerprints it', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as Manifest
    const uploads = manifest.files.filter((file) => file.path.startsWith('uploads/'))
    expect(uploads.map((file) => path.basename(file.path))).toEqual(expect.arrayContaining(beforeBackup.files))
    for (const file of uploads) {
      const copy = path.join(restored.uploadsDir, path.basename(file.path))
      expect({ path: file.path, size: fs.statSync(copy).size, sha256: sha256(copy) }).toEqual(file)
    }
    expect(fs.readdirSync(restored.uploadsDir).sort()).toEqual(uploads.map((file) => path.basename(file.path)).sort())
    const database = manifest.files.find((file) => file.path === 'narada.db')!
    expect(sha256(restored.databasePath)).toBe(database.sha256)
    const migrations = fs.readdirSync(path.join(root, 'db/migrations')).filter((name) => name.endsWith('.sql'))
    expect(manifest.schemaVersion).toBe(migrations.length)
  })

  it('refuses to back up into a folder that is not empty', async () => {
    const result = await run('backup.js', backupDir, live)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('is not an empty folder')
  })

  it('refuses to restore over an existing database', async () => {
    const result = await run('restore.js', backupDir, restored)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('restore only into an empty DATABASE_PATH')
  })

  it('refuses a backup whose database is damaged even when the manifest was made to match', async () => {
    const copy = fs.mkdtempSync(path.join(dir, 'damaged-'))
    fs.cpSync(backupDir, copy, { recursive: true })
    const databaseCopy = path.join(copy, 'narada.db')
    const pageSize = 4096
    const fd = fs.openSync(databaseCopy, 'r+')
    fs.writeSync(fd, crypto.randomBytes(pageSize * 4), 0, pageSize * 4, pageSize * 2)
    fs.closeSync(fd)
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as Manifest
    Object.assign(
      manifest.files.find((file) => file.path === 'narada.db')!,
      {
        size: fs.statSync(databaseCopy).size,
        sha256: sha256(databaseCopy),
      },
    )
    fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest))
    const target = { databasePath: path.join(copy, 'target/narada.db'), uploadsDir: path.join(copy, 'target/uploads') }
    const result = await run('restore.js', copy, target)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('fails its integrity check')
    expect(fs.existsSync(target.databasePath)).toBe(false)
  })

  const upload = (manifest: Manifest) => manifest.files.find((file) => file.path.startsWith('uploads/'))!
  it.each([
    ['names a file twice', (manifest: Manifest) => manifest.files.push({ ...upload(manifest) }), 'twice'],
    [
      'names a file in a subfolder of uploads',
      (manifest: Manifest) => (upload(manifest).path = `uploads/nested/${path.basename(upload(manifest).path)}`),
      'nor a file directly in uploads/',
    ],
    ['names a dot file', (manifest: Manifest) => (upload(manifest).path = 'uploads/.htaccess'), 'nor a file directly in uploads/'],
    ['names a file outside uploads', (manifest: Manifest) => (upload(manifest).path = 'notes.txt'), 'nor a file directly in uploads/'],
    [
      'has an entry without a path',
      (manifest: Manifest) => manifest.files.push({ size: 1, sha256: '0' } as Manifest['files'][number]),
      'not a file record',
    ],
  ])('refuses a manifest that %s with a reason, not a crash, and restores nothing', async (_what, tamper, reason) => {
    const copy = fs.mkdtempSync(path.join(dir, 'odd-manifest-'))
    fs.cpSync(backupDir, copy, { recursive: true })
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as Manifest
    tamper(manifest)
    fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest))
    const target = { databasePath: path.join(copy, 'target/narada.db'), uploadsDir: path.join(copy, 'target/uploads') }
    const result = await run('restore.js', copy, target)
    expect(result.code).toBe(1)
    expect(result.output).toContain(reason)
    expect(result.output).not.toMatch(/\n\s+at /)
    expect(fs.existsSync(path.join(copy, 'target'))).toBe(false)
  })

  it('leaves the installation empty when the database cannot be put in place, so that a second attempt succeeds', async () => {
    const target = path.join(dir, 'blocked')
    fs.mkdirSync(target)
    // DATABASE_PATH's folder is a file: the database copy fails after the uploads were copied.
    fs.writeFileSync(path.join(target, 'data'), '')
    const blocked = { databasePath: path.join(target, 'data/narada.db'), uploadsDir: path.join(target, 'uploads') }
    const result = await run('restore.js', backupDir, blocked)
    expect(result.code).toBe(1)
    expect(result.output).toContain('put nothing in place')
    expect(result.output).not.toMatch(/\n\s+at /)
    expect(fs.readdirSync(target)).toEqual(['data'])

    fs.rmSync(path.join(target, 'data'))
    const again = await run('restore.js', backupDir, blocked)
    expect(again.output).toContain('✓ Restored')
    expect(fs.readdirSync(blocked.uploadsDir).length).toBeGreaterThan(0)
    expect(fs.readdirSync(target).sort()).toEqual(['data', 'uploads'])
  })

  it.each([
    ['an uploaded file', (copy: string, manifest: Manifest) => fs.appendFileSync(path.join(copy, manifest.files[1]!.path), 'x')],
    ['the database', (copy: string) => fs.appendFileSync(path.join(copy, 'narada.db'), 'x')],
    [
      'the manifest',
      (copy: string, manifest: Manifest) => {
        manifest.files[1]!.sha256 = '0'.repeat(64)
        fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest))
      },
    ],
  ])('refuses a backup in which %s was changed, and restores nothing', async (_what, tamper) => {
    const copy = fs.mkdtempSync(path.join(dir, 'tampered-'))
    fs.cpSync(backupDir, copy, { recursive: true })
    tamper(copy, JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as Manifest)
    const target = { databasePath: path.join(copy, 'target/narada.db'), uploadsDir: path.join(copy, 'target/uploads') }
    const result = await run('restore.js', copy, target)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('does not match the manifest')
    expect(fs.existsSync(target.databasePath)).toBe(false)
    expect(fs.existsSync(target.uploadsDir)).toBe(false)
  })
})
