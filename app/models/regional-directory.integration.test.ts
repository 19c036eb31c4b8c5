import { and, eq, gt, like, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { foldText } from '~/utils/text'
import { GENERATED, generatedInstitutionCounts, generatedInstitutions, seedRegionalDirectory } from '#db/seed/regional-directory'

// tests/seed/regional-directory.test.ts checks the totals; this checks them place by place
// against the register, and that a run writes nowhere else.

const o = schema.organisations

const generatedRows = () =>
  db
    .select({ name: o.name, kind: o.kind, municipalityCode: o.municipalityCode, city: o.city, email: o.email, nameKey: o.nameKey })
    .from(o)
    .where(like(o.name, `%${GENERATED}`))
    .all()

/** The gminas of voivodeship 12 straight from the register: RODZ 1, 2 or 3 (parts of a gmina have no OPS). */
const gminas = () =>
  db
    .select({ code: schema.municipalities.code, name: schema.municipalities.name, countyCode: schema.municipalities.countyCode })
    .from(schema.municipalities)
    .innerJoin(schema.counties, eq(schema.counties.code, schema.municipalities.countyCode))
    .where(and(eq(schema.counties.voivodeshipCode, '12'), sql`substr(${schema.municipalities.code}, 7, 1) in ('1', '2', '3')`))
    .all()

const countiesOf12 = () => db.select().from(schema.counties).where(eq(schema.counties.voivodeshipCode, '12')).all()

const maxId = (table: typeof o | typeof schema.auditLog) =>
  db
    .select({ n: sql<number>`coalesce(max(id), 0)` })
    .from(table)
    .get()!.n

describe('the generated directory of Małopolska, place by place', () => {
  it('gives every gmina of voivodeship 12 one OPS and every county one PCPR and one PUP inside it, and writes nowhere else', () => {
    const before = maxId(o)
    seedRegionalDirectory(db, { voivodeshipCode: '12' })
    const added = db.select({ code: o.municipalityCode }).from(o).where(gt(o.id, before)).all()
    expect(added.filter((r) => !r.code.startsWith('12'))).toEqual([])

    const rows = generatedRows()
    expect(rows.filter((r) => !r.municipalityCode.startsWith('12'))).toEqual([])
    for (const gmina of gminas()) {
      expect(
        rows.filter((r) => r.kind === 'ops' && r.municipalityCode === gmina.code).map((r) => r.city),
        gmina.code,
      ).toEqual([gmina.name])
    }
    for (const county of countiesOf12()) {
      const offices = rows.filter((r) => r.municipalityCode.startsWith(county.code) && r.kind !== 'ops')
      expect(offices.map((r) => r.kind).sort(), county.code).toEqual(['pcpr', 'pup'])
      for (const office of offices) expect(office.name).toContain(county.name)
    }
    const expected = generatedInstitutionCounts(db, '12')
    expect(rows.length).toBe(expected.ops + expected.pcpr + expected.pup)
  })

  it('adds nothing, not even an audit row, when run again', () => {
    seedRegionalDirectory(db, { voivodeshipCode: '12' })
    const [organisations, audit] = [maxId(o), maxId(schema.auditLog)]
    expect(seedRegionalDirectory(db, { voivodeshipCode: '12' })).toBe(0)
    expect([maxId(o), maxId(schema.auditLog)]).toEqual([organisations, audit])
    expect(generatedInstitutions(db, '12')).toHaveLength(generatedRows().length)
  })

  it('keeps the register’s Polish names, folds the name key the directory’s way, and writes only reserved addresses', () => {
    seedRegionalDirectory(db, { voivodeshipCode: '12' })
    const rows = generatedRows()
    const names = rows.map((r) => r.name)
    expect(names).toContain(`Gminny Ośrodek Pomocy Społecznej — gmina Łącko ${GENERATED}`)
    expect(names).toContain(`Miejsko-Gminny Ośrodek Pomocy Społecznej — gmina Dąbrowa Tarnowska ${GENERATED}`)
    expect(names).toContain(`Powiatowe Centrum Pomocy Rodzinie — powiat oświęcimski ${GENERATED}`)
    for (const row of rows) {
      expect(row.name.endsWith(GENERATED)).toBe(true)
      expect(row.name).toBe(row.name.normalize('NFC'))
      expect(row.nameKey).toBe(foldText(row.name))
      const code = row.kind === 'ops' ? row.municipalityCode : row.municipalityCode.slice(0, 4)
      if (row.email) expect(row.email).toBe(`${row.kind}.${code}@przyklad.narada.invalid`)
    }
    const without = rows.filter((r) => !r.email).length / rows.length
    expect(without).toBeGreaterThanOrEqual(0.01)
    expect(without).toBeLessThanOrEqual(0.06)
  })
})
