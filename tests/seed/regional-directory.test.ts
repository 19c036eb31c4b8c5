import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { GENERATED, generatedInstitutionCounts, generatedInstitutions, seedRegionalDirectory } from '#db/seed/regional-directory'

describe('the demo directory of Małopolska generated from the register', () => {
  it('holds an OPS per gmina and a PCPR and a PUP per county of voivodeship 12, marked as generated, once', () => {
    const expected = generatedInstitutionCounts(db, '12')
    // Małopolska: 182 gminas, 19 counties and 3 cities with county rights.
    expect(expected).toEqual({ ops: 182, pcpr: 22, pup: 22 })
    seedRegionalDirectory(db, { voivodeshipCode: '12' })
    expect(seedRegionalDirectory(db, { voivodeshipCode: '12' })).toBe(0)
    const made = generatedInstitutions(db, '12')
    const count = (kind: string) => made.filter((o) => o.kind === kind).length
    expect({ ops: count('ops'), pcpr: count('pcpr'), pup: count('pup') }).toEqual(expected)
    expect(generatedInstitutions(db, '24')).toEqual([])
  })

  it('writes Polish names that say they are generated, and leaves some without an e-mail address', async () => {
    seedRegionalDirectory(db, { voivodeshipCode: '12' })
    const { schema } = await import('~/db.server')
    const { like } = await import('drizzle-orm')
    const rows = db
      .select()
      .from(schema.organisations)
      .where(like(schema.organisations.name, `%${GENERATED}`))
      .all()
    expect(rows.every((r) => r.name.endsWith(GENERATED))).toBe(true)
    expect(rows.map((r) => r.name)).toContain(`Miejski Ośrodek Pomocy Społecznej — miasto Kraków ${GENERATED}`)
    expect(rows.map((r) => r.name)).toContain(`Powiatowy Urząd Pracy — powiat bocheński ${GENERATED}`)
    const without = rows.filter((r) => !r.email).length
    expect(without).toBeGreaterThan(0)
    expect(without / rows.length).toBeLessThan(0.1)
  })
})
