import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { SEARCH_LIMIT, type PickerKind, type PickerOption } from '~/utils/picker'
import { escapeLike, foldText } from '~/utils/text'
import { labelCounties, labelMunicipalities, searchCounties, searchMunicipalities } from './region-search.server'

const o = schema.organisations
const p = schema.people
const place = schema.municipalities

const foldedName = p.searchText

/**
 * Folds the names of people written without their folded copy: the rows that were there when
 * the column came (migration 0008) and any a bulk import wrote. Asked at every start; once all
 * are filled it reads nothing but the rows whose copy is empty.
 */
export function fillPeopleSearchText(): number {
  const missing = db.select({ id: p.id, name: p.name }).from(p).where(eq(p.searchText, '')).all()
  db.transaction((tx) => {
    for (const person of missing)
      tx.update(p)
        .set({ searchText: foldText(person.name) })
        .where(eq(p.id, person.id))
        .run()
  })
  return missing.length
}

function wordsOf(q: string): string[] {
  return foldText(q).split(' ').filter(Boolean)
}

const contains = (column: SQL | typeof o.searchText | typeof p.searchText, word: string) =>
  sql`${column} like ${`%${escapeLike(word)}%`} escape '\\'`

/** 0 when the name begins with the first word typed, 1 when one of its words does, 2 otherwise. */
function rank(column: SQL | typeof o.nameKey | typeof p.searchText, q: string): SQL<number> {
  const typed = escapeLike(wordsOf(q)[0] ?? '')
  return sql<number>`case when ${column} like ${`${typed}%`} escape '\\' then 0 when ${column} like ${`% ${typed}%`} escape '\\' then 1 else 2 end`
}

const personLabel = sql<string>`${p.name} || ' — ' || ${o.name}`
const organisationLabel = sql<string>`${o.name} || coalesce(' (' || ${o.shortName} || ')', '') || ' — ' || ${place.name}`

/**
 * Active people of active institutions whose name or institution holds every word typed,
 * ignoring case and diacritics („osrodek” finds „Ośrodek”): „Anna Nowak — MOPS w Tarnowie”.
 */
export function searchPeople({ q }: { q: string }): PickerOption[] {
  const words = wordsOf(q)
  if (words.length === 0) return []
  return db
    .select({ id: p.id, label: personLabel })
    .from(p)
    .innerJoin(o, eq(o.id, p.organisationId))
    .where(
      and(isNull(p.archivedAt), isNull(o.archivedAt), ...words.map((word) => or(contains(foldedName, word), contains(o.searchText, word)))),
    )
    .orderBy(rank(foldedName, q), asc(foldedName), asc(p.id))
    .limit(SEARCH_LIMIT)
    .all()
    .map(({ id, label }) => ({ value: String(id), label }))
}

/** Active institutions whose name or short name holds every word typed: „MOPS (…) — Tarnów”. */
export function searchOrganisations({ q }: { q: string }): PickerOption[] {
  const words = wordsOf(q)
  if (words.length === 0) return []
  return db
    .select({ id: o.id, label: organisationLabel })
    .from(o)
    .innerJoin(place, eq(place.code, o.municipalityCode))
    .where(and(isNull(o.archivedAt), ...words.map((word) => contains(o.searchText, word))))
    .orderBy(rank(o.nameKey, q), asc(o.nameKey), asc(o.id))
    .limit(SEARCH_LIMIT)
    .all()
    .map(({ id, label }) => ({ value: String(id), label }))
}

/**
 * Who may own an action item: an institution („organisation:12”) or a person („person:34”),
 * best match first, at most SEARCH_LIMIT of both together.
 */
export function searchOwners({ q }: { q: string }): PickerOption[] {
  const typed = wordsOf(q)[0] ?? ''
  const score = (label: string) => {
    const folded = foldText(label)
    return folded.startsWith(typed) ? 0 : folded.includes(` ${typed}`) ? 1 : 2
  }
  const candidates = [
    ...searchOrganisations({ q }).map((option) => ({ ...option, value: `organisation:${option.value}` })),
    ...searchPeople({ q }).map((option) => ({ ...option, value: `person:${option.value}` })),
  ]
  return candidates
    .map((option) => ({ option, score: score(option.label), key: foldText(option.label) }))
    .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
    .slice(0, SEARCH_LIMIT)
    .map(({ option }) => option)
}

function ids(values: string[]): number[] {
  return values.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)
}

/** The labels of people already chosen, archived ones included: a saved choice keeps its name. */
export function labelPeople(values: string[]): Record<string, string> {
  const wanted = ids(values)
  if (wanted.length === 0) return {}
  const rows = db
    .select({ id: p.id, label: personLabel })
    .from(p)
    .innerJoin(o, eq(o.id, p.organisationId))
    .where(inArray(p.id, wanted))
    .all()
  return Object.fromEntries(rows.map(({ id, label }) => [String(id), label]))
}

/** The labels of institutions already chosen, archived ones included. */
export function labelOrganisations(values: string[]): Record<string, string> {
  const wanted = ids(values)
  if (wanted.length === 0) return {}
  const rows = db
    .select({ id: o.id, label: organisationLabel })
    .from(o)
    .innerJoin(place, eq(place.code, o.municipalityCode))
    .where(inArray(o.id, wanted))
    .all()
  return Object.fromEntries(rows.map(({ id, label }) => [String(id), label]))
}

/** The labels of owners already chosen („organisation:12”, „person:34”). */
export function labelOwners(values: string[]): Record<string, string> {
  const of = (kind: string) => values.filter((value) => value.startsWith(`${kind}:`)).map((value) => value.slice(kind.length + 1))
  const prefixed = (kind: string, labels: Record<string, string>) =>
    Object.entries(labels).map(([id, label]) => [`${kind}:${id}`, label] as const)
  return Object.fromEntries([
    ...prefixed('organisation', labelOrganisations(of('organisation'))),
    ...prefixed('person', labelPeople(of('person'))),
  ])
}

/** Each kind of picker's search and labels. */
export const directory = {
  people: { search: searchPeople, labels: labelPeople },
  organisations: { search: searchOrganisations, labels: labelOrganisations },
  owners: { search: searchOwners, labels: labelOwners },
  counties: { search: searchCounties, labels: labelCounties },
  municipalities: { search: searchMunicipalities, labels: labelMunicipalities },
} as const satisfies Record<PickerKind, unknown>
