import { count, eq } from 'drizzle-orm'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createOrganisation } from '~/models/organisation.server'
import { keptUntilChange } from './until-change.server'

const o = schema.organisations
const kinds = (kind: 'ngo' | 'cis') => keptUntilChange(db.select({ n: count() }).from(o).where(eq(o.kind, kind)), { one: true })?.n ?? 0

describe('answers kept until the database changes', () => {
  it('gives the kept answer until this server writes anything, then asks again', () => {
    const before = kinds('cis')
    createOrganisation({
      input: { name: `Centrum Integracji Społecznej ${Date.now()}`, kind: 'cis', municipalityCode: '2479011' },
      actor: SYSTEM_ACTOR,
    })
    expect(kinds('cis')).toBe(before + 1)
  })

  it('asks again when another connection (a script, another process) has committed', () => {
    const before = kinds('ngo')
    expect(kinds('ngo')).toBe(before)
    const other = new Database(config.databasePath)
    other
      .prepare(
        "insert into organisations (name, kind, municipality_code, search_text, name_key) values ('Fundacja z innego procesu', 'ngo', '2479011', 'fundacja z innego procesu', 'fundacja z innego procesu')",
      )
      .run()
    other.close()
    expect(kinds('ngo')).toBe(before + 1)
  })
})
