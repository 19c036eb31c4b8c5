import type { OrganisationKind } from '#db/schema/enums'
import { schema } from '~/db.server'
import { foldText } from '~/utils/text'
import type { Dataset } from './dataset'
import {
  FEMALE_FIRST,
  locative,
  MALE_FIRST,
  NGO_CAUSES,
  NGO_FORMS,
  NGO_NAMES,
  POSITIONS,
  STREETS,
  SURNAMES_ADJECTIVAL,
  SURNAMES_PLAIN,
} from './vocabulary'

/** The voivodeships the region's institutions come from: małopolskie, śląskie, podkarpackie, świętokrzyskie. */
const REGION = ['12', '24', '18', '26'] as const
const CAPITALS: Record<string, string> = { '12': 'Kraków', '24': 'Katowice', '18': 'Rzeszów', '26': 'Kielce' }
const VOIVODESHIP_ADJECTIVE: Record<string, string> = { '12': 'Małopolska', '24': 'Śląska', '18': 'Podkarpacka', '26': 'Świętokrzyska' }
const POSTAL_PREFIX: Record<string, number> = { '12': 30, '24': 40, '18': 35, '26': 25 }

type Municipality = {
  code: string
  name: string
  kind: string
  countyCode: string
  countyName: string
  countyKind: string
  voivodeship: string
}

export type Organisation = {
  id: number
  name: string
  kind: OrganisationKind
  municipality: Municipality
  /** Where the institution is, as „w Tarnowie” is written after its kind: for the names of bodies. */
  inPlace: string
  address: string
  domain: string
  people: Person[]
}
export type Person = { id: number; name: string; position: string | null; organisation: Organisation; email: string | null }

const slug = (text: string) =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

function inPlace(m: Municipality): string {
  const loc = locative(m.name)
  if (loc) return `w ${loc}`
  return m.kind === 'gmina miejska' ? `w mieście ${m.name}` : `w gminie ${m.name}`
}

/** „bocheński” → „Powiatu Bocheńskiego”. */
function countyGenitive(countyName: string): string {
  const adjective = countyName.replace(/i$/, 'iego').replace(/y$/, 'ego')
  return `Powiatu ${adjective.charAt(0).toUpperCase()}${adjective.slice(1)}`
}

/**
 * The institution directory: in every municipality of the region its social-welfare centre
 * and its town or municipal office, in every county its family-support centre and labour
 * office, in every voivodeship its ROPS, WUP and OHP command, then NGOs, social-integration
 * centres, schools and others until the directory has its size.
 */
export function buildDirectory(ds: Dataset, { organisationCount, peopleCount }: { organisationCount: number; peopleCount: number }) {
  const { random } = ds
  const municipalities = ds.sqlite
    .prepare(
      `select m.code, m.name, m.kind, c.code as countyCode, c.name as countyName, c.kind as countyKind, c.voivodeship_code as voivodeship
       from municipalities m join counties c on c.code = m.county_code
       where c.voivodeship_code in (${REGION.map(() => '?').join(', ')}) order by m.code`,
    )
    .all(...REGION) as Municipality[]
  const byCounty = new Map<string, Municipality[]>()
  for (const m of municipalities) byCounty.set(m.countyCode, [...(byCounty.get(m.countyCode) ?? []), m])
  const seatOf = (county: Municipality[]) =>
    county.find((m) => m.kind === 'gmina miejska') ?? county.find((m) => m.kind === 'gmina miejsko-wiejska') ?? county[0]!
  const capital = (voivodeship: string) =>
    municipalities.find((m) => m.voivodeship === voivodeship && m.name === CAPITALS[voivodeship] && m.kind === 'gmina miejska')!

  type Draft = { name: string; shortName: string | null; kind: OrganisationKind; municipality: Municipality; domain: string }
  const first: Draft[] = []
  const publicBodies: Draft[] = []
  const draft = (kind: OrganisationKind, name: string, m: Municipality, shortName: string | null, domain: string): Draft => ({
    kind,
    name,
    municipality: m,
    shortName,
    domain,
  })

  for (const v of REGION) {
    const c = capital(v)
    const city = slug(c.name)
    first.push(draft('rops', `Regionalny Ośrodek Polityki Społecznej ${inPlace(c)}`, c, 'ROPS', `rops.${city}.pl`))
    first.push(draft('wup', `Wojewódzki Urząd Pracy ${inPlace(c)}`, c, 'WUP', `wup.${city}.pl`))
    first.push(draft('ohp', `${VOIVODESHIP_ADJECTIVE[v]} Wojewódzka Komenda Ochotniczych Hufców Pracy`, c, 'OHP', `ohp.${city}.pl`))
  }
  for (const m of municipalities) {
    const city = slug(m.name)
    const [ops, opsShort, hall] =
      m.kind === 'gmina miejska'
        ? ['Miejski Ośrodek Pomocy Społecznej', 'MOPS', `Urząd Miasta ${m.name}`]
        : m.kind === 'gmina miejsko-wiejska'
          ? ['Miejsko-Gminny Ośrodek Pomocy Społecznej', 'MGOPS', `Urząd Miasta i Gminy ${m.name}`]
          : ['Gminny Ośrodek Pomocy Społecznej', 'GOPS', `Urząd Gminy ${m.name}`]
    const opsDraft = draft('ops', `${ops} ${inPlace(m)}`, m, opsShort, `${opsShort.toLowerCase()}.${city}.pl`)
    // The dataset's member institution, named in the brief: kept at any scale.
    if (opsDraft.name === 'Miejski Ośrodek Pomocy Społecznej w Tarnowie') first.push(opsDraft)
    else publicBodies.push(opsDraft)
    publicBodies.push(draft('city_hall', hall, m, null, `${m.kind === 'gmina wiejska' ? 'ug' : 'um'}.${city}.pl`))
  }
  for (const county of byCounty.values()) {
    const seat = seatOf(county)
    const city = slug(seat.name)
    const where = locative(seat.name) ? inPlace(seat) : countyGenitive(county[0]!.countyName)
    publicBodies.push(draft('pup', `Powiatowy Urząd Pracy ${where}`, seat, 'PUP', `pup.${city}.pl`))
    if (county[0]!.countyKind !== 'miasto na prawach powiatu')
      publicBodies.push(draft('pcpr', `Powiatowe Centrum Pomocy Rodzinie ${where}`, seat, 'PCPR', `pcpr.${city}.pl`))
  }

  const taken = new Set<string>()
  const chosen: Draft[] = []
  const add = (d: Draft) => {
    const key = `${d.municipality.code}|${foldText(d.name)}`
    if (taken.has(key) || chosen.length >= organisationCount) return false
    taken.add(key)
    chosen.push(d)
    return true
  }
  first.forEach(add)
  // At a small scale every kind still appears before the public bodies run out of room.
  const shuffled = random.sample(publicBodies, publicBodies.length)
  for (const kind of ['ops', 'city_hall', 'pup', 'pcpr'] as const) {
    const one = shuffled.find((d) => d.kind === kind)
    if (one) add(one)
  }
  for (const d of shuffled.slice(0, Math.round(organisationCount * 0.45))) add(d)

  const towns = municipalities.flatMap((m) => {
    const weight = m.name === CAPITALS[m.voivodeship] ? 40 : m.kind === 'gmina miejska' ? 4 : m.kind === 'gmina miejsko-wiejska' ? 2 : 1
    return Array.from({ length: weight }, () => m)
  })
  let attempts = 0
  while (chosen.length < organisationCount && attempts++ < organisationCount * 20) {
    const m = random.pick(towns)
    const loc = locative(m.name)
    const city = slug(m.name)
    const kind = random.weighted({ ngo: 70, cis: 8, school: 10, other: 10, ohp: 2 } as Record<OrganisationKind, number>)
    const n = random.int(1, 40)
    if (kind === 'ngo') {
      const quoted = random.pick(NGO_NAMES)
      const name = `${random.pick(NGO_FORMS)} ${random.pick(NGO_CAUSES)} „${quoted}”${loc && random.chance(0.5) ? ` w ${loc}` : ''}`
      add(draft('ngo', name, m, null, `${slug(quoted)}-${city}.org.pl`))
    } else if (!loc) {
      continue
    } else if (kind === 'cis') {
      add(
        draft(
          'cis',
          `Centrum Integracji Społecznej${random.chance(0.5) ? ` „${random.pick(NGO_NAMES)}”` : ''} w ${loc}`,
          m,
          'CIS',
          `cis.${city}.pl`,
        ),
      )
    } else if (kind === 'school') {
      const name = random.pick([
        `Szkoła Podstawowa nr ${n} w ${loc}`,
        `Zespół Szkół Zawodowych nr ${n} w ${loc}`,
        `Wyższa Szkoła Pracy Socjalnej w ${loc}`,
        `Zespół Szkół Specjalnych w ${loc}`,
      ])
      add(draft('school', name, m, null, `szkola${n}.${city}.pl`))
    } else if (kind === 'ohp') {
      add(draft('ohp', `Młodzieżowe Centrum Kariery OHP w ${loc}`, m, 'MCK OHP', `mck.${city}.pl`))
    } else {
      const name = random.pick([
        `Dom Pomocy Społecznej w ${loc}`,
        `Środowiskowy Dom Samopomocy w ${loc}`,
        `Ośrodek Interwencji Kryzysowej w ${loc}`,
        `Warsztat Terapii Zajęciowej w ${loc}`,
        `Komenda Powiatowa Policji w ${loc}`,
        `Sąd Rejonowy w ${loc}`,
      ])
      add(draft('other', name, m, null, `${slug(name).slice(0, 12)}.${city}.pl`))
    }
  }

  const write = ds.writer(schema.organisations)
  const organisations: Organisation[] = chosen.map((d, index) => {
    const id = index + 1
    const street = `${random.pick(STREETS)} ${random.int(1, 60)}`
    const postal = `${POSTAL_PREFIX[d.municipality.voivodeship]! + random.int(0, 4)}-${String(random.int(0, 999)).padStart(3, '0')}`
    const createdAt = ds.isoDaysBefore(ds.reference, random.int(4_000, 4_800))
    write.insert({
      id,
      name: d.name,
      shortName: d.shortName && random.chance(0.7) ? d.shortName : null,
      kind: d.kind,
      street,
      postalCode: postal,
      city: d.municipality.name,
      municipalityCode: d.municipality.code,
      email: random.chance(0.75) ? `sekretariat@${d.domain}` : null,
      phone: random.chance(0.6)
        ? `${random.int(12, 41)} ${random.int(200, 899)} ${String(random.int(0, 99)).padStart(2, '0')} ${String(random.int(0, 99)).padStart(2, '0')}`
        : null,
      website: random.chance(0.5) ? `https://${d.domain}` : null,
      searchText: foldText([d.name, d.shortName].filter(Boolean).join(' ')),
      nameKey: foldText(d.name),
      createdAt,
      updatedAt: createdAt,
    })
    const address = `${street}, ${postal} ${d.municipality.name}`
    return {
      id,
      name: d.name,
      kind: d.kind,
      municipality: d.municipality,
      inPlace: inPlace(d.municipality),
      address,
      domain: d.domain,
      people: [],
    }
  })

  // Everyone works somewhere; big offices have more people in the directory than a small NGO.
  const staffWeight: Partial<Record<OrganisationKind, number>> = { rops: 12, wup: 8, pup: 5, pcpr: 3, ops: 3, city_hall: 2 }
  const cumulative: number[] = []
  let total = 0
  for (const o of organisations) cumulative.push((total += staffWeight[o.kind] ?? 1))
  const employer = (): Organisation => {
    const r = random.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return organisations[lo]!
  }
  const people = ds.writer(schema.people)
  const everyone: Person[] = []
  for (let i = 0; i < Math.max(peopleCount, organisations.length); i++) {
    const organisation = i < organisations.length ? organisations[i]! : employer()
    const female = random.chance(0.62)
    const firstName = random.pick(female ? FEMALE_FIRST : MALE_FIRST)
    const adjectival = random.chance(0.55)
    const surname = adjectival ? random.pick(SURNAMES_ADJECTIVAL) : random.pick(SURNAMES_PLAIN)
    const lastName = female && adjectival ? surname.replace(/(sk|ck|dzk)i$/, '$1a') : surname
    const positions = POSITIONS[organisation.kind] ?? POSITIONS.other!
    const position = organisation.people.length === 0 ? positions[0]! : random.chance(0.9) ? random.pick(positions.slice(1)) : null
    const email = random.chance(0.8) ? `${slug(firstName)}.${slug(lastName)}@${organisation.domain}` : null
    const person: Person = { id: i + 1, name: `${firstName} ${lastName}`, position, organisation, email }
    const createdAt = ds.isoDaysBefore(ds.reference, random.int(30, 4_500))
    people.insert({
      id: person.id,
      organisationId: organisation.id,
      name: person.name,
      position,
      email,
      phone: random.chance(0.3) ? `${random.int(500, 899)} ${random.int(100, 999)} ${random.int(100, 999)}` : null,
      createdAt,
      updatedAt: createdAt,
    })
    organisation.people.push(person)
    everyone.push(person)
  }
  return { organisations, people: everyone }
}
