import { eq } from 'drizzle-orm'
import { organisationKinds, type OrganisationKind } from '#db/schema/enums'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createOrganisation } from '~/models/organisation.server'
import { foldText } from '~/utils/text'

/** The same generator, seed and size on every run, so runs can be compared. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const REGIONS = [
  'Śląska',
  'Małopolska',
  'Mazowiecka',
  'Pomorska',
  'Wielkopolska',
  'Podkarpacka',
  'Łódzka',
  'Lubuska',
  'Świętokrzyska',
  'Warmińska',
]
const CAUSES = [
  'Rozwoju Przedsiębiorczości',
  'Obywatelska',
  'Pomocy Dzieciom i Młodzieży',
  'Aktywizacji Zawodowej',
  'Ekonomii Społecznej',
  'na rzecz Osób z Niepełnosprawnościami',
  'Wspierania Rodzin Zastępczych',
  'Seniorów „Złota Jesień”',
]

const NAMES: Record<OrganisationKind, (place: string, pick: <T>(items: readonly T[]) => T) => string> = {
  ops: (place) => `Ośrodek Pomocy Społecznej w ${place}`,
  pcpr: (place) => `Powiatowe Centrum Pomocy Rodzinie w ${place}`,
  pup: (place) => `Powiatowy Urząd Pracy w ${place}`,
  wup: (place) => `Wojewódzki Urząd Pracy — filia ${place}`,
  rops: (place) => `Regionalny Ośrodek Polityki Społecznej — oddział ${place}`,
  city_hall: (place) => `Urząd Gminy ${place}`,
  ohp: (place) => `Ochotnicze Hufce Pracy — Młodzieżowe Centrum Kariery ${place}`,
  ngo: (place, pick) =>
    pick([true, false]) ? `${pick(REGIONS)} Fundacja ${pick(CAUSES)} ${place}` : `Stowarzyszenie ${pick(CAUSES)} „${place}”`,
  cis: (place) => `Centrum Integracji Społecznej w ${place}`,
  school: (place, pick) => `Szkoła Podstawowa nr ${pick([1, 2, 3, 4, 5, 6, 7, 8, 9])} w ${place}`,
  other: (place, pick) => `Spółdzielnia Socjalna „${pick(CAUSES)}” ${place}`,
}

/**
 * Adds `count` organisations spread over every municipality of the register, one in twenty
 * archived. The first ones go through createOrganisation; the rest are inserted in bulk with the
 * same derived columns (`search_text`, `name_key` from foldText), checked against what
 * createOrganisation stored for the first ones.
 */
export function seedOrganisations(count: number, { throughModel = 200 } = {}) {
  const next = random(20_240_101)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const municipalities = db.select({ code: schema.municipalities.code, name: schema.municipalities.name }).from(schema.municipalities).all()
  const taken = new Set<string>()
  const rows: (typeof schema.organisations.$inferInsert)[] = []
  for (let index = 0; rows.length < count; index++) {
    const municipality = pick(municipalities)
    const kind = pick(organisationKinds)
    let name = NAMES[kind](municipality.name, pick)
    if (taken.has(`${municipality.code}|${foldText(name)}`)) name = `${name} (${index})`
    const nameKey = foldText(name)
    taken.add(`${municipality.code}|${nameKey}`)
    const shortName = kind === 'ngo' || kind === 'other' ? null : `${kind.toUpperCase()} ${municipality.name}`
    rows.push({
      name,
      shortName,
      kind,
      municipalityCode: municipality.code,
      searchText: foldText([name, shortName].filter(Boolean).join(' ')),
      nameKey,
      archivedAt: rows.length % 20 === 19 ? '2024-01-01T00:00:00.000Z' : null,
    })
  }

  const o = schema.organisations
  for (const row of rows.slice(0, throughModel)) {
    const input = { name: row.name, shortName: row.shortName ?? undefined, kind: row.kind, municipalityCode: row.municipalityCode }
    const result = createOrganisation({ input, actor: SYSTEM_ACTOR })
    if (!result.ok) throw new Error(`createOrganisation refused ${row.name}: ${JSON.stringify(result.fieldErrors)}`)
    const stored = db.select({ searchText: o.searchText, nameKey: o.nameKey }).from(o).where(eq(o.id, result.id)).get()
    if (stored?.searchText !== row.searchText || stored?.nameKey !== row.nameKey) {
      throw new Error(`The bulk rows derive search_text or name_key differently from createOrganisation (${row.name})`)
    }
    if (row.archivedAt) db.update(o).set({ archivedAt: row.archivedAt }).where(eq(o.id, result.id)).run()
  }
  db.transaction((tx) => {
    const rest = rows.slice(throughModel)
    for (let start = 0; start < rest.length; start += 500)
      tx.insert(o)
        .values(rest.slice(start, start + 500))
        .run()
  })
  return rows
}
