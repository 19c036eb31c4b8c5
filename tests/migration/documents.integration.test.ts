import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations } from '~/db.server'

/**
 * Migration 0011 on the demo database exactly as the previous release left it (migrations
 * 0000–0010): every minutes row, section, version (its archived PDF and code), comment and
 * participant is still there afterwards, under the same id, now on the document core.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-0011-'))
const databasePath = path.join(dir, 'narada.db')

type Row = Record<string, unknown>
type Before = {
  minutes: Row[]
  sections: Row[]
  versions: Row[]
  comments: Row[]
  participants: Row[]
  sequences: Record<string, number>
}

let sqlite: Database.Database
let before: Before
const all = (query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as Row[]
const one = <T>(query: string, ...params: unknown[]) =>
  sqlite
    .prepare(query)
    .pluck()
    .get(...params) as T

beforeAll(() => {
  fs.writeFileSync(databasePath, zlib.gunzipSync(fs.readFileSync('tests/fixtures/demo-before-documents.db.gz')))
  sqlite = new Database(databasePath)
  sqlite.pragma('foreign_keys = ON')
  expect(one('select count(*) from __drizzle_migrations')).toBe(11)

  // The demo has no comments: one resolved on the whole text, one open on a section.
  const section = sqlite
    .prepare(`select id, minutes_id as minutesId, title from minutes_sections where minutes_id = 3 order by position limit 1`)
    .get() as {
    id: number
    minutesId: number
    title: string
  }
  sqlite
    .prepare(
      `insert into minutes_comments (minutes_id, section_id, section_title, author_user_id, body, created_at, resolution, resolution_note, resolved_at, resolved_by_user_id)
       values (1, null, null, 4, 'Proszę poprawić datę spotkania.', '2026-11-20T09:00:00.000Z', 'accepted', 'Poprawiono.', '2026-11-21T10:00:00.000Z', 3),
              (?, ?, ?, 4, 'Brakuje nazwiska przedstawiciela PUP.', '2026-11-22T09:00:00.000Z', null, null, null, null)`,
    )
    .run(section.minutesId, section.id, section.title)
  // A section removed before the release: its id is never given out again.
  sqlite.prepare(`insert into minutes_sections (minutes_id, position, kind, title) values (3, 99, 'discussion', 'Usunięta sekcja')`).run()
  sqlite.prepare(`delete from minutes_sections where position = 99`).run()

  before = {
    minutes: all(`select * from minutes order by id`),
    sections: all(`select * from minutes_sections order by id`),
    versions: all(`select * from minutes_versions order by id`),
    comments: all(`select * from minutes_comments order by id`),
    participants: all(`select * from minutes_participants order by id`),
    sequences: Object.fromEntries(all(`select name, seq from sqlite_sequence`).map((row) => [row.name, row.seq as number])),
  }

  // As app/db.server.ts migrates. A rebuilt table that cascaded (0011's minutes, 0014's documents) would show below.
  applyMigrations(sqlite, 'db/migrations')
})

afterAll(() => {
  sqlite?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('migration 0011 on the demo database of the previous release', () => {
  it('had something to migrate', () => {
    expect(before.minutes.length).toBe(3)
    expect(before.minutes.map((m) => m.state)).toEqual(['published', 'published', 'draft'])
    expect(before.sections.length).toBeGreaterThan(10)
    expect(before.versions.filter((v) => v.pdf).length).toBe(2)
    expect(before.participants.length).toBeGreaterThan(10)
    expect(before.comments.length).toBe(2)
  })

  it('applies every migration and leaves the old minutes tables behind', () => {
    expect(one('select count(*) from __drizzle_migrations')).toBe(fs.readdirSync('db/migrations').filter((f) => f.endsWith('.sql')).length)
    const tables = sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name like 'minutes%' order by name`)
      .pluck()
      .all()
    expect(tables).toEqual(['minutes', 'minutes_participants'])
    expect(one(`select count(*) from sqlite_master where name like '\\_\\_%' escape '\\' and name not like '__drizzle%'`)).toBe(0)
  })

  it('makes every minutes a document of kind minutes with the same id, team, state, visibility, revision and dates', () => {
    const documents = all(`select * from documents order by id`)
    expect(documents).toEqual(
      before.minutes.map((m) => ({
        id: m.id,
        kind: 'minutes',
        body_id: one('select body_id from meetings where id = ?', m.meeting_id),
        state: m.state,
        visibility: m.visibility,
        revision: m.revision,
        comments_due_at: m.comments_due_at,
        published_at: m.published_at,
        published_by_user_id: m.published_by_user_id,
        created_at: m.created_at,
        updated_at: m.updated_at,
        updated_by_user_id: m.updated_by_user_id,
      })),
    )
    expect(all(`select * from minutes order by id`)).toEqual(
      before.minutes.map((m) => ({
        id: m.id,
        meeting_id: m.meeting_id,
        topic: m.topic,
        place: m.place,
        prepared_by: m.prepared_by,
        approved_by: m.approved_by,
        approved_on: m.approved_on,
        approved_at: m.approved_at,
        approved_by_user_id: m.approved_by_user_id,
      })),
    )
  })

  it('keeps every section, version and comment under its own id', () => {
    expect(all(`select * from document_sections order by id`)).toEqual(
      before.sections.map(({ minutes_id, ...s }) => ({ ...s, document_id: minutes_id, parent_id: null, details: null })),
    )
    expect(all(`select * from document_versions order by id`)).toEqual(
      before.versions.map(({ minutes_id, ...v }) => ({ ...v, document_id: minutes_id })),
    )
    const comments = all(`select * from document_comments order by id`)
    expect(comments).toEqual(before.comments.map(({ minutes_id, ...c }) => ({ ...c, document_id: minutes_id })))
    expect(comments.filter((c) => c.resolution === 'accepted' && c.resolved_by_user_id === 3)).toHaveLength(1)
    expect(comments.filter((c) => c.section_id !== null && c.section_title !== null)).toHaveLength(1)
  })

  it('keeps every participant, though minutes was rebuilt under them', () => {
    expect(all(`select * from minutes_participants order by id`)).toEqual(before.participants)
  })

  it('serves every published PDF with the same bytes and verification code', () => {
    const published = before.versions.filter((v) => v.state === 'published')
    expect(published).toHaveLength(2)
    for (const old of published) {
      const now = sqlite
        .prepare(`select pdf, pdf_sha256 as sha, verification_code as code from document_versions where id = ?`)
        .get(old.id) as {
        pdf: Buffer
        sha: string
        code: string
      }
      expect(now.code).toBe(old.verification_code)
      expect(now.code).toMatch(/^[0-9A-Z]{12}$/)
      expect(crypto.createHash('sha256').update(now.pdf).digest('hex')).toBe(now.sha)
      expect(now.sha).toBe(old.pdf_sha256)
      expect(Buffer.compare(now.pdf, old.pdf as Buffer)).toBe(0)
    }
  })

  it('leaves every reference pointing at a row and the file whole', () => {
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('gives new rows ids after the old ones, even after a removed row', () => {
    expect(before.sequences.minutes_sections).toBeGreaterThan(Math.max(...before.sections.map((s) => s.id as number)))
    const section = sqlite
      .prepare(`insert into document_sections (document_id, position, kind, title) values (3, 10, 'discussion', 'Nowa sekcja')`)
      .run()
    expect(Number(section.lastInsertRowid)).toBe(before.sequences.minutes_sections! + 1)
    const version = sqlite
      .prepare(`insert into document_versions (document_id, number, state, snapshot) values (3, 1, 'draft', '{}')`)
      .run()
    expect(Number(version.lastInsertRowid)).toBe(before.sequences.minutes_versions! + 1)
    const comment = sqlite.prepare(`insert into document_comments (document_id, author_user_id, body) values (3, 4, 'Uwaga')`).run()
    expect(Number(comment.lastInsertRowid)).toBe(before.sequences.minutes_comments! + 1)
    const document = sqlite
      .prepare(`insert into documents (kind, body_id, state) values ('recommendation', ?, 'drafting')`)
      .run(one('select body_id from documents where id = 1'))
    expect(Number(document.lastInsertRowid)).toBe(before.sequences.minutes! + 1)
  })

  it('removes a document with its minutes, text, versions, comments and participants', () => {
    const id = 3
    expect(one<number>('select count(*) from minutes_participants where minutes_id = ?', id)).toBeGreaterThan(0)
    sqlite.prepare('delete from documents where id = ?').run(id)
    for (const [table, column] of [
      ['minutes', 'id'],
      ['minutes_participants', 'minutes_id'],
      ['document_sections', 'document_id'],
      ['document_versions', 'document_id'],
      ['document_comments', 'document_id'],
    ] as const)
      expect(one(`select count(*) from ${table} where ${column} = ?`, id), table).toBe(0)
    expect(one('select count(*) from minutes_participants')).toBe(before.participants.filter((p) => p.minutes_id !== id).length)
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
