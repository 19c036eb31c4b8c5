import crypto from 'node:crypto'
import { and, asc, eq, gte, inArray, like, lt, sql } from 'drizzle-orm'
import { db, schema, type Db, type Tx } from '~/db.server'
import { foldText } from '~/utils/text'

/**
 * The demo directory's institutions of one voivodeship, generated from the territorial
 * register so that a distribution has a real region to reach: an OPS in every municipality
 * (gmina: the register's rows of kind 1, 2 and 3; towns and rural parts of a gmina, Warsaw's
 * districts and the delegations of cities are not gminas and get none), and a PCPR and a PUP in
 * every county, placed in the county's first municipality by code (mostly the seat's town).
 * Every name ends in „(dane przykładowe)”: nothing here is a real institution's record.
 * E-mail addresses are on the reserved `.invalid` domain; about one in thirty has none, so that
 * a distribution's preview has some to name.
 */

export const GENERATED = '(dane przykładowe)'

type County = { code: string; name: string; kind: string }
type Municipality = { code: string; name: string; kind: string; countyCode: string }

const isCityCounty = (county: County) => county.kind !== 'powiat'

function opsName(m: Municipality, county: County): string {
  if (m.kind === 'gmina miejska')
    return `Miejski Ośrodek Pomocy Społecznej — ${isCityCounty(county) ? 'miasto' : 'gmina miejska'} ${m.name} ${GENERATED}`
  if (m.kind === 'gmina miejsko-wiejska') return `Miejsko-Gminny Ośrodek Pomocy Społecznej — gmina ${m.name} ${GENERATED}`
  return `Gminny Ośrodek Pomocy Społecznej — gmina ${m.name} ${GENERATED}`
}

const countyPhrase = (county: County) => (isCityCounty(county) ? `miasto ${county.name}` : `powiat ${county.name}`)

/** Deterministic: the same register gives the same addresses on every machine. */
function emailOf(kind: string, code: string): string | null {
  const digest = crypto.createHash('sha256').update(`${kind}:${code}`).digest()
  return digest[0]! % 30 === 0 ? null : `${kind}.${code}@przyklad.narada.invalid`
}

/** What the register says the voivodeship should get: one OPS per gmina, one PCPR and one PUP per county. */
export function generatedInstitutionCounts(tx: Db | Tx, voivodeshipCode: string) {
  const counties =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(schema.counties)
      .where(eq(schema.counties.voivodeshipCode, voivodeshipCode))
      .get()?.n ?? 0
  const municipalities =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(schema.municipalities)
      .where(
        and(
          gte(schema.municipalities.code, voivodeshipCode),
          lt(schema.municipalities.code, String(Number(voivodeshipCode) + 1).padStart(2, '0')),
        ),
      )
      .get()?.n ?? 0
  return { ops: municipalities, pcpr: counties, pup: counties }
}

/** Adds the generated institutions of a voivodeship; a second run adds nothing. Returns how many were added. */
export function seedRegionalDirectory(tx: Db | Tx = db, { voivodeshipCode = '12' }: { voivodeshipCode?: string } = {}): number {
  const counties = tx
    .select({ code: schema.counties.code, name: schema.counties.name, kind: schema.counties.kind })
    .from(schema.counties)
    .where(eq(schema.counties.voivodeshipCode, voivodeshipCode))
    .orderBy(asc(schema.counties.code))
    .all()
  const countyOf = new Map(counties.map((c) => [c.code, c]))
  const municipalities = tx
    .select({
      code: schema.municipalities.code,
      name: schema.municipalities.name,
      kind: schema.municipalities.kind,
      countyCode: schema.municipalities.countyCode,
    })
    .from(schema.municipalities)
    .where(
      inArray(
        schema.municipalities.countyCode,
        counties.map((c) => c.code),
      ),
    )
    .orderBy(asc(schema.municipalities.code))
    .all()
  const seatOf = new Map<string, Municipality>()
  for (const m of municipalities) if (!seatOf.has(m.countyCode)) seatOf.set(m.countyCode, m)

  const rows: (typeof schema.organisations.$inferInsert)[] = []
  const add = (kind: 'ops' | 'pcpr' | 'pup', name: string, place: Municipality, key: string) =>
    rows.push({
      name,
      kind,
      municipalityCode: place.code,
      city: place.name,
      email: emailOf(kind, key),
      searchText: foldText(name),
      nameKey: foldText(name),
    })
  for (const m of municipalities) add('ops', opsName(m, countyOf.get(m.countyCode)!), m, m.code)
  for (const county of counties) {
    const seat = seatOf.get(county.code)
    if (!seat) continue
    add(
      'pcpr',
      `${isCityCounty(county) ? 'Miejski Ośrodek Pomocy Rodzinie' : 'Powiatowe Centrum Pomocy Rodzinie'} — ${countyPhrase(county)} ${GENERATED}`,
      seat,
      county.code,
    )
    add(
      'pup',
      `${isCityCounty(county) ? 'Miejski Urząd Pracy' : 'Powiatowy Urząd Pracy'} — ${countyPhrase(county)} ${GENERATED}`,
      seat,
      county.code,
    )
  }
  let added = 0
  const write = (w: Db | Tx) => {
    for (const row of rows)
      added += w
        .insert(schema.organisations)
        .values(row)
        .onConflictDoNothing({ target: [schema.organisations.municipalityCode, schema.organisations.nameKey] })
        .run().changes
  }
  if (tx === db) db.transaction(write)
  else write(tx)
  return added
}

/** The generated institutions of a voivodeship of the given kinds, as the demo's distribution reaches them. */
export function generatedInstitutions(tx: Db | Tx, voivodeshipCode: string) {
  return tx
    .select({ id: schema.organisations.id, kind: schema.organisations.kind })
    .from(schema.organisations)
    .where(and(like(schema.organisations.municipalityCode, `${voivodeshipCode}%`), like(schema.organisations.name, `%${GENERATED}`)))
    .all()
}
