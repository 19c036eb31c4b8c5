import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterAll, describe, expect, it } from 'vitest'

const migrations = path.resolve('db/migrations')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'narada-0010-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The migrations folder as it was up to and including migration `last`. */
function migrationsUpTo(last: number): string {
  const folder = path.join(dir, `upto-${last}`)
  fs.cpSync(migrations, folder, { recursive: true })
  const journalFile = path.join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] }
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx <= last) }))
  return folder
}

describe('migration 0010: action items lose their owner columns', () => {
  it('keeps every owner that 0009 copied into action_item_owners, in order', () => {
    const sqlite = new Database(path.join(dir, 'narada.db'))
    sqlite.pragma('foreign_keys = ON')
    const db = drizzle(sqlite)
    migrate(db, { migrationsFolder: migrationsUpTo(9) })
    // The rows the item and its owners refer to, with no more than their required columns.
    sqlite.pragma('foreign_keys = OFF')
    sqlite.exec(`
      insert into organisations (id, name, kind, municipality_code, search_text, name_key)
        values (11, 'MOPS Gdańsk', 'ops', '2261011', 'mops gdansk', 'mops gdansk'), (12, 'PUP Gdańsk', 'pup', '2261011', 'pup gdansk', 'pup gdansk');
      insert into people (id, organisation_id, name) values (34, 12, 'Anna Nowak');
      insert into bodies (id, kind, name, convening_organisation_id) values (1, 'advisory', 'Zespół', 11);
      insert into meetings (id, body_id, number, topic, starts_at, ends_at) values (1, 1, 1, 'Spotkanie', '2017-05-11T08:00:00.000Z', '2017-05-11T10:00:00.000Z');
      insert into action_items (id, body_id, meeting_id, position, text, owner_organisation_id) values (7, 1, 1, 1, 'Porozumienie MOPS–PUP', 11);
      insert into action_item_owners (action_item_id, position, organisation_id, person_id) values (7, 0, 11, null), (7, 1, 12, null), (7, 2, null, 34);
      insert into action_items (id, body_id, meeting_id, position, text) values (9, 1, 1, 2, 'Usunięte zadanie');
      delete from action_items where id = 9;
    `)
    // The app migrates with foreign keys on: dropping the old table would cascade to the owners.
    sqlite.pragma('foreign_keys = ON')
    migrate(db, { migrationsFolder: migrations })

    const columns = sqlite.prepare(`select name from pragma_table_info('action_items')`).pluck().all()
    expect(columns).not.toContain('owner_organisation_id')
    expect(columns).not.toContain('owner_person_id')
    expect(sqlite.prepare(`select text from action_items where id = 7`).pluck().get()).toBe('Porozumienie MOPS–PUP')
    expect(
      sqlite
        .prepare(`select position, organisation_id, person_id from action_item_owners where action_item_id = 7 order by position`)
        .raw()
        .all(),
    ).toEqual([
      [0, 11, null],
      [1, 12, null],
      [2, null, 34],
    ])
    // The id of the deleted item is not given out again: audit rows name it.
    const next = sqlite.prepare(`insert into action_items (body_id, meeting_id, position, text) values (1, 1, 3, 'Nowe zadanie')`).run()
    expect(next.lastInsertRowid).toBe(10)
    sqlite.exec(`delete from action_items where id = 10`)
    // Removing an item still takes its owners with it: the rebuilt table is the one they refer to.
    expect(sqlite.prepare(`select name from sqlite_master where name like 'action_items_owner_%'`).pluck().all()).toEqual([])
    sqlite.exec(`delete from action_items where id = 7`)
    expect(sqlite.prepare(`select count(*) from action_item_owners`).pluck().get()).toBe(0)
    sqlite.close()
  })
})
