import fs from 'node:fs'
import { asc, eq, sql } from 'drizzle-orm'
import { db, schema } from '~/db.server'

type RegisterRow = { woj: string; pow: string; gmi: string; rodz: string; name: string; kind: string }

/**
 * Reads TERC's `;`-separated columns (WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA). Rows
 * with RODZ 4, 5, 8 or 9 are parts of a municipality (towns, rural areas, districts,
 * delegations) and are left out.
 */
export function parseRegister(csv: string) {
  const rows: RegisterRow[] = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [woj = '', pow = '', gmi = '', rodz = '', name = '', kind = ''] = line.split(';')
      return { woj, pow, gmi, rodz, name: name.trim(), kind: kind.trim() }
    })
  return {
    voivodeships: rows.filter((r) => !r.pow).map((r) => ({ code: r.woj, name: r.name.toLocaleLowerCase('pl') })),
    counties: rows.filter((r) => r.pow && !r.gmi).map((r) => ({ code: r.woj + r.pow, voivodeshipCode: r.woj, name: r.name, kind: r.kind })),
    municipalities: rows
      .filter((r) => r.gmi && ['1', '2', '3'].includes(r.rodz))
      .map((r) => ({ code: r.woj + r.pow + r.gmi + r.rodz, countyCode: r.woj + r.pow, name: r.name, kind: r.kind })),
  }
}

/** Loads the register once, into an empty database; a loaded register is left alone. */
export function loadRegister(csvPath: string) {
  const loaded =
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.voivodeships)
      .get()?.n ?? 0
  if (loaded > 0) return false
  const register = parseRegister(fs.readFileSync(csvPath, 'utf8'))
  db.transaction((tx) => {
    for (const row of register.voivodeships) tx.insert(schema.voivodeships).values(row).run()
    for (const row of register.counties) tx.insert(schema.counties).values(row).run()
    for (const row of register.municipalities) tx.insert(schema.municipalities).values(row).run()
  })
  return true
}

export type RegionOption = { code: string; name: string; kind: string }

export function listVoivodeships(): RegionOption[] {
  return db
    .select({ code: schema.voivodeships.code, name: schema.voivodeships.name, kind: sql<string>`'województwo'` })
    .from(schema.voivodeships)
    .orderBy(asc(schema.voivodeships.code))
    .all()
}

export function listCounties({ voivodeshipCode }: { voivodeshipCode: string }): RegionOption[] {
  return db
    .select({ code: schema.counties.code, name: schema.counties.name, kind: schema.counties.kind })
    .from(schema.counties)
    .where(eq(schema.counties.voivodeshipCode, voivodeshipCode))
    .all()
    .sort(byPolishName)
}

export function listMunicipalities({ countyCode }: { countyCode: string }): RegionOption[] {
  return db
    .select({ code: schema.municipalities.code, name: schema.municipalities.name, kind: schema.municipalities.kind })
    .from(schema.municipalities)
    .where(eq(schema.municipalities.countyCode, countyCode))
    .all()
    .sort(byPolishName)
}

const collator = new Intl.Collator('pl')
function byPolishName(a: RegionOption, b: RegionOption) {
  return collator.compare(a.name, b.name) || a.code.localeCompare(b.code)
}

export type Place = {
  municipalityCode: string
  municipality: string
  countyCode: string
  county: string
  voivodeshipCode: string
  voivodeship: string
}

export function getPlace({ municipalityCode }: { municipalityCode: string }): Place | undefined {
  return db
    .select({
      municipalityCode: schema.municipalities.code,
      municipality: schema.municipalities.name,
      countyCode: schema.counties.code,
      county: schema.counties.name,
      voivodeshipCode: schema.voivodeships.code,
      voivodeship: schema.voivodeships.name,
    })
    .from(schema.municipalities)
    .innerJoin(schema.counties, eq(schema.counties.code, schema.municipalities.countyCode))
    .innerJoin(schema.voivodeships, eq(schema.voivodeships.code, schema.counties.voivodeshipCode))
    .where(eq(schema.municipalities.code, municipalityCode))
    .get()
}

/**
 * The options a voivodeship → county → municipality picker shows for a selection, each
 * level only once the level above is chosen and valid.
 */
export function getRegionChoices(selection: { voivodeship?: string | null; county?: string | null }) {
  const voivodeships = listVoivodeships()
  const voivodeship = voivodeships.some((v) => v.code === selection.voivodeship) ? selection.voivodeship! : null
  const counties = voivodeship ? listCounties({ voivodeshipCode: voivodeship }) : []
  const county = counties.some((c) => c.code === selection.county) ? selection.county! : null
  const municipalities = county ? listMunicipalities({ countyCode: county }) : []
  return { voivodeships, counties, municipalities, voivodeship, county }
}

export function countRegister() {
  const count = (table: typeof schema.voivodeships | typeof schema.counties | typeof schema.municipalities) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .get()?.n ?? 0
  return { voivodeships: count(schema.voivodeships), counties: count(schema.counties), municipalities: count(schema.municipalities) }
}
