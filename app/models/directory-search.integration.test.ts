import { describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { SEARCH_LIMIT } from '~/utils/picker'
import { fillPeopleSearchText, labelOwners, labelPeople, searchOrganisations, searchOwners, searchPeople } from './directory-search.server'
import { createOrganisation, setOrganisationArchived } from './organisation.server'
import { archivePerson, createPerson } from './person.server'

const actor = { userId: null, ip: '203.0.113.9' }
// Words no other test's rows hold, so each search sees only this file's rows.
const tag = `Zyx${Date.now().toString(36)}`

function organisation(name: string, shortName?: string) {
  const saved = createOrganisation({ input: { name, shortName, kind: 'ops', municipalityCode: '2469011' }, actor })
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  return saved.id
}

function person(name: string, organisationId: number) {
  const saved = createPerson({ input: { name, organisationId }, actor })
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  return saved.id
}

describe('directory search for pickers', () => {
  const centre = organisation(`Miejski Ośrodek Pomocy Społecznej ${tag}`, `MOPS ${tag}`)
  const office = organisation(`Powiatowy Urząd Pracy ${tag}`)
  const closed = organisation(`Ośrodek Zamknięty ${tag}`)
  const anna = person(`Anna Łęcka ${tag}`, centre)
  const piotr = person(`Piotr Żak ${tag}`, office)
  const gone = person(`Ewa Odeszła ${tag}`, centre)
  const insideClosed = person(`Jan Zamknięty ${tag}`, closed)
  archivePerson({ id: gone, actor })
  setOrganisationArchived({ id: closed, archived: true, actor })

  it('finds institutions whatever the diacritics and case, archived ones left out', () => {
    const found = searchOrganisations({ q: `osrodek ${tag.toLowerCase()}` })
    expect(found.map((o) => o.value)).toEqual([String(centre)])
    expect(found[0]!.label).toBe(`Miejski Ośrodek Pomocy Społecznej ${tag} (MOPS ${tag}) — Katowice`)
    expect(searchOrganisations({ q: `mops ${tag}` }).map((o) => o.value)).toEqual([String(centre)])
  })

  it('finds people by their name or their institution, archived people and institutions left out', () => {
    expect(searchPeople({ q: `lecka ${tag}` }).map((p) => p.label)).toEqual([
      `Anna Łęcka ${tag} — Miejski Ośrodek Pomocy Społecznej ${tag}`,
    ])
    expect(searchPeople({ q: `ośrodek ${tag}` }).map((p) => p.value)).toEqual([String(anna)])
    expect(searchPeople({ q: `ZAK ${tag}` }).map((p) => p.value)).toEqual([String(piotr)])
    expect(searchPeople({ q: `odeszla ${tag}` })).toEqual([])
    expect(searchPeople({ q: `jan zamkniety ${tag}` })).toEqual([])
  })

  it('puts names that begin with the text typed before names that merely hold it', () => {
    const inner = organisation(`Stowarzyszenie ${tag}b`)
    const later = person(`Zofia Nowakowska ${tag}b`, inner)
    const first = person(`Nowak Zenon ${tag}b`, inner)
    const middle = person(`Adam Nowak ${tag}b`, inner)
    expect(
      searchPeople({ q: 'nowak' })
        .filter((p) => p.label.includes(`${tag}b`))
        .map((p) => p.value),
    ).toEqual([first, middle, later].map(String))
  })

  it('answers at most 20 matches, and nothing for an empty text', () => {
    const many = organisation(`Fundacja Liczna ${tag}`)
    for (let i = 0; i < SEARCH_LIMIT + 5; i++) person(`Osoba ${String(i).padStart(2, '0')} ${tag}`, many)
    const found = searchPeople({ q: `osoba ${tag}` })
    expect(found).toHaveLength(SEARCH_LIMIT)
    expect(found[0]!.label).toContain(`Osoba 00 ${tag}`)
    expect(searchPeople({ q: '   ' })).toEqual([])
    expect(searchOrganisations({ q: '' })).toEqual([])
  })

  it('offers institutions and people as owners, and names chosen ones even when archived', () => {
    const owners = searchOwners({ q: `powiatowy ${tag}` }).map((o) => o.value)
    expect(owners).toEqual([`organisation:${office}`, `person:${piotr}`])
    expect(labelPeople([String(gone), 'x'])).toEqual({ [String(gone)]: `Ewa Odeszła ${tag} — Miejski Ośrodek Pomocy Społecznej ${tag}` })
    expect(Object.keys(labelOwners([`organisation:${closed}`, `person:${insideClosed}`]))).toEqual([
      `organisation:${closed}`,
      `person:${insideClosed}`,
    ])
  })
})

describe('the folded copy of people names', () => {
  it('is written with every saved name, and filled at start for rows written without it', () => {
    const centre = organisation(`Gminny Ośrodek ${tag} Bis`)
    const saved = person(`Świętosława Żółć ${tag}`, centre)
    expect(searchPeople({ q: `swietoslawa ${tag}` }).map((o) => o.value)).toEqual([String(saved)])

    // A bulk import writes rows straight into the table, without the folded copy.
    const { id } = db
      .insert(schema.people)
      .values({ name: `Bożydar Łęczycki ${tag}`, organisationId: centre })
      .returning({ id: schema.people.id })
      .get()
    expect(searchPeople({ q: `bozydar ${tag}` })).toEqual([])
    expect(fillPeopleSearchText()).toBeGreaterThanOrEqual(1)
    expect(searchPeople({ q: `bozydar ${tag}` }).map((o) => o.value)).toEqual([String(id)])
    expect(fillPeopleSearchText()).toBe(0)
  })
})
