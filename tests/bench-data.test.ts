import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-bench-data-'))
const databasePath = path.join(dir, 'regional.db')
const SCALE = 0.01
const REFERENCE = '2026-12-01'

/** `npm run bench:data` as a user runs it: the script itself, in its own process. */
function benchData(file: string, ...extra: string[]) {
  return run(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-data.ts', '--database', file, '--scale', String(SCALE), '--reference', REFERENCE, ...extra],
    {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_PATH: '', APP_URL: '' },
    },
  )
}

let db: Database.Database
let output: string
const one = <T>(query: string, ...params: unknown[]) =>
  db
    .prepare(query)
    .pluck()
    .get(...params) as T

beforeAll(async () => {
  output = (await benchData(databasePath)).stdout
  db = new Database(databasePath, { readonly: true })
}, 180_000)

afterAll(() => {
  db?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('npm run bench:data at scale 0.01', () => {
  it('builds the dataset in proportion to the scale, every reference pointing at a row', () => {
    expect(one('select count(*) from bodies')).toBe(5)
    expect(one('select count(*) from memberships')).toBe(64)
    expect(one('select count(*) from meetings')).toBe(246)
    expect(one('select count(*) from organisations')).toBe(50)
    expect(one('select count(*) from people')).toBe(101)
    expect(one<number>('select count(*) from agenda_items')).toBeGreaterThan(246 * 6)
    expect(one<number>('select count(*) from invitations')).toBeGreaterThan(246 * 10)
    expect(one<number>('select count(*) from action_items')).toBeGreaterThan(150)
    // Every item has an owner, and some have two („MOPS i PUP”).
    expect(
      one('select count(*) from action_items a where not exists (select 1 from action_item_owners o where o.action_item_id = a.id)'),
    ).toBe(0)
    expect(
      one<number>('select count(*) from (select action_item_id from action_item_owners group by action_item_id having count(*) > 1)'),
    ).toBeGreaterThan(10)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(one('select count(*) from meetings m left join bodies b on b.id = m.body_id where b.id is null')).toBe(0)
    expect(output).toMatch(/organisations\s+50/)
  })

  it('takes the institutions from the territorial register loaded in the database', () => {
    expect(one<number>('select count(*) from municipalities')).toBeGreaterThan(2_000)
    expect(
      one('select count(*) from organisations o left join municipalities m on m.code = o.municipality_code where m.code is null'),
    ).toBe(0)
    expect(one('select count(*) from organisations where name = ?', 'Miejski Ośrodek Pomocy Społecznej w Tarnowie')).toBe(1)
  })

  it('keeps meeting states true to the reference day, and minutes to held meetings', () => {
    const reference = `${REFERENCE}T00:00:00.000Z`
    expect(one('select count(*) from meetings where state = ? and starts_at >= ?', 'held', reference)).toBe(0)
    expect(one('select count(*) from meetings where state in (?, ?) and starts_at < ?', 'planned', 'invited', reference)).toBe(0)
    expect(one<number>('select count(*) from meetings where starts_at > ?', reference)).toBeGreaterThan(10)
    expect(one('select count(*) from minutes mn join meetings m on m.id = mn.meeting_id where m.state <> ?', 'held')).toBe(0)
    expect(
      one('select count(*) from meetings m where m.state = ? and not exists (select 1 from minutes where meeting_id = m.id)', 'held'),
    ).toBe(0)
    // Minutes are documents of the meeting's team: the id, the kind and the team agree.
    expect(
      one(
        `select count(*) from minutes mn join meetings m on m.id = mn.meeting_id
         left join documents d on d.id = mn.id and d.kind = 'minutes' and d.body_id = m.body_id where d.id is null`,
      ),
    ).toBe(0)
    expect(one("select count(*) from documents where kind = 'minutes'")).toBe(one('select count(*) from minutes'))
    // Besides them, the one recommendation distributed to every institution (issue 8) and the register's agreements.
    expect(one("select count(*) from documents where kind = 'recommendation'")).toBe(1)
    expect(one("select count(*) from documents where kind = 'agreement'")).toBe(one('select count(*) from agreements'))
    const states = db.prepare(`select distinct state from documents where kind = 'minutes' order by state`).pluck().all()
    expect(states).toEqual(['approved', 'circulated', 'draft', 'published'])
    expect(one<number>('select count(*) from document_sections')).toBeGreaterThan(one<number>('select count(*) from minutes') * 3)
  })

  it('publishes minutes through the app, with archived PDFs whose SHA-256 matches', () => {
    const versions = db
      .prepare(
        `select v.pdf, v.pdf_sha256 as sha, v.verification_code as code, mn.id as minutesId from document_versions v join minutes mn on mn.id = v.document_id where v.state = 'published'`,
      )
      .all() as { pdf: Buffer; sha: string; code: string; minutesId: number }[]
    expect(versions).toHaveLength(10)
    expect(one('select count(*) from documents where kind = ? and state = ?', 'minutes', 'published')).toBe(10)
    expect(one("select count(*) from documents where kind = 'minutes' and state = ? and published_at is not null", 'published')).toBe(10)
    for (const v of versions) {
      expect(v.pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(crypto.createHash('sha256').update(v.pdf).digest('hex')).toBe(v.sha)
      expect(v.code).toMatch(/^[0-9A-Z]{12}$/)
      expect(one('select count(*) from audit_log where action = ? and entity_id = ?', 'minutes.published', String(v.minutesId))).toBe(1)
    }
  })

  it('creates the demo accounts with the benchmark password, and what they see', async () => {
    const { verifyPassword } = await import('~/auth/password.server')
    const accounts = db
      .prepare(
        'select u.id, u.email, u.role, u.person_id as personId, p.hash from users u join passwords p on p.user_id = u.id where u.email like ? order by u.email',
      )
      .all('%@bench.narada.local')
      .filter((a) => !(a as { email: string }).email.startsWith('urzednik.')) as {
      id: number
      email: string
      role: string
      personId: number | null
      hash: string
    }[]
    expect(accounts.map((a) => [a.email, a.role])).toEqual([
      ['admin@bench.narada.local', 'admin'],
      ['czlonek@bench.narada.local', 'member'],
      ['urzednik@bench.narada.local', 'officer'],
    ])
    for (const a of accounts) expect(await verifyPassword(a.hash, 'bench-regional-2026')).toBe(true)

    const json = JSON.parse(fs.readFileSync(`${databasePath}.json`, 'utf8'))
    const officer = accounts.find((a) => a.role === 'officer')!
    const member = accounts.find((a) => a.role === 'member')!
    expect(json.accounts.map((a: { email: string }) => a.email)).toEqual([
      'admin@bench.narada.local',
      'urzednik@bench.narada.local',
      'czlonek@bench.narada.local',
    ])
    expect(one('select count(*) from body_officers where user_id = ?', officer.id)).toBe(2)
    expect(one('select count(*) from body_officers where user_id = ? and body_id = ?', officer.id, json.ids.bigBodyId)).toBe(1)
    expect(
      one(
        'select count(*) from meetings m join body_officers o on o.body_id = m.body_id where m.id = ? and o.user_id = ?',
        json.ids.bigMeetingId,
        officer.id,
      ),
    ).toBe(1)
    expect(
      one('select d.state from minutes mn join documents d on d.id = mn.id where mn.meeting_id = ?', json.ids.publishedMinutesMeetingId),
    ).toBe('published')
    expect(one('select organisation_id from people where id = ?', member.personId)).toBe(json.ids.memberInstitutionId)
    expect(
      one<number>(
        'select count(distinct body_id) from memberships where organisation_id = ? and to_date is null',
        json.ids.memberInstitutionId,
      ),
    ).toBeGreaterThanOrEqual(2)
    expect(
      one<number>(
        'select count(*) from meetings where body_id = ? and substr(starts_at, 1, 4) = ?',
        json.ids.bigBodyId,
        String(json.ids.yearOfBigBody),
      ),
    ).toBeGreaterThan(0)
  })

  it('freezes the versions of minutes it writes past draft exactly as the app would', async () => {
    process.env.DATABASE_PATH = databasePath
    const { snapshotMinutes } = await import('~/models/minutes.server')
    const { db: appDb, closeDatabase } = await import('~/db.server')
    try {
      const frozen = db
        .prepare(
          // The minutes the generator left circulated or approved (the published ones went through the app).
          `select v.document_id as id, v.snapshot from document_versions v join documents d on d.id = v.document_id and d.state = v.state
           where v.state in ('circulated', 'approved') order by v.id`,
        )
        .all() as { id: number; snapshot: string }[]
      expect(frozen.length).toBeGreaterThan(50)
      for (const v of frozen.filter((_, i) => i % 10 === 0)) expect(JSON.parse(v.snapshot)).toEqual(snapshotMinutes(appDb, v.id))
    } finally {
      closeDatabase()
    }
  })

  it('refuses to replace an existing file without --force, and gives the same data again', async () => {
    const before = fs.statSync(databasePath).mtimeMs
    await expect(benchData(databasePath)).rejects.toMatchObject({ stderr: expect.stringContaining('--force') })
    expect(fs.statSync(databasePath).mtimeMs).toBe(before)

    const again = path.join(dir, 'again.db')
    await benchData(again)
    const other = new Database(again, { readonly: true })
    try {
      for (const query of [
        'select * from organisations',
        'select * from people',
        'select * from bodies',
        'select * from memberships',
        'select * from meetings',
        'select * from agenda_items',
        'select * from invitations',
        'select * from document_sections',
        'select * from action_items',
        'select * from action_item_owners',
      ]) {
        const digest = (d: Database.Database) =>
          crypto
            .createHash('sha256')
            .update(JSON.stringify(d.prepare(query).raw().all()))
            .digest('hex')
        expect(digest(other), query).toBe(digest(db))
      }
    } finally {
      other.close()
    }
  }, 180_000)
})
