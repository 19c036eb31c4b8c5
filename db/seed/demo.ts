/**
 * The demo data (SEED=demo): the institutions and people of the three sample meeting
 * notes in ../shared/samples/, with their real municipalities (TERYT codes), and one
 * account for each role. Written through the models, as a user's changes would be.
 */
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createOrganisation } from '~/models/organisation.server'
import { createPerson } from '~/models/person.server'
import { createUser } from '~/models/user.server'
import type { OrganisationInput } from '~/schemas/directory'
import { seedMinutes } from './minutes'
import { seedAgreements } from './agreements'
import { seedDistribution } from './distribution'
import { seedRecommendations } from './recommendations'
import { seedTeams } from './teams'

const KATOWICE = '2469011'
const KRAKOW = '1261011'
const TARNOW = '1263011'
const WODZISLAW = '2415041'
const RYBNIK = '2473011'

type DemoOrganisation = Omit<OrganisationInput, 'voivodeship' | 'county'> & { key: string }

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'umKatowice',
    name: 'Urząd Miasta Katowice',
    shortName: 'UM Katowice',
    kind: 'city_hall',
    street: 'ul. Młyńska 4',
    postalCode: '40-098',
    city: 'Katowice',
    municipalityCode: KATOWICE,
    website: 'https://www.katowice.eu',
  },
  {
    key: 'mopsKatowice',
    name: 'Miejski Ośrodek Pomocy Społecznej w Katowicach',
    shortName: 'MOPS Katowice',
    kind: 'ops',
    city: 'Katowice',
    municipalityCode: KATOWICE,
  },
  {
    key: 'pupKatowice',
    name: 'Powiatowy Urząd Pracy w Katowicach',
    shortName: 'PUP Katowice',
    kind: 'pup',
    city: 'Katowice',
    municipalityCode: KATOWICE,
  },
  {
    key: 'zdz',
    name: 'Zakład Doskonalenia Zawodowego, Biuro Pośrednictwa Pracy i Poradnictwa Zawodowego Profesja',
    shortName: 'ZDZ Profesja',
    kind: 'ngo',
    city: 'Katowice',
    municipalityCode: KATOWICE,
  },
  { key: 'ohp', name: 'Ochotniczy Hufiec Pracy', shortName: 'OHP', kind: 'ohp', city: 'Katowice', municipalityCode: KATOWICE },
  {
    key: 'lexCivis',
    name: 'Śląska Fundacja Obywatelska Lex Civis',
    shortName: 'Lex Civis',
    kind: 'ngo',
    city: 'Katowice',
    municipalityCode: KATOWICE,
  },
  {
    key: 'ropsKrakow',
    name: 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
    shortName: 'ROPS Kraków',
    kind: 'rops',
    city: 'Kraków',
    municipalityCode: KRAKOW,
  },
  {
    key: 'mopsTarnow',
    name: 'Miejski Ośrodek Pomocy Społecznej w Tarnowie',
    shortName: 'MOPS Tarnów',
    kind: 'ops',
    city: 'Tarnów',
    municipalityCode: TARNOW,
  },
  {
    key: 'pupTarnow',
    name: 'Powiatowy Urząd Pracy w Tarnowie',
    shortName: 'PUP Tarnów',
    kind: 'pup',
    city: 'Tarnów',
    municipalityCode: TARNOW,
  },
  { key: 'uppk', name: 'Urząd Pracy Powiatu Krakowskiego', shortName: 'UPPK', kind: 'pup', city: 'Kraków', municipalityCode: KRAKOW },
  {
    key: 'mopsWodzislaw',
    name: 'Miejski Ośrodek Pomocy Społecznej w Wodzisławiu Śląskim',
    shortName: 'MOPS Wodzisław Śląski',
    kind: 'ops',
    street: 'ul. Daszyńskiego 3',
    postalCode: '44-300',
    city: 'Wodzisław Śląski',
    municipalityCode: WODZISLAW,
  },
  {
    key: 'pupWodzislaw',
    name: 'Powiatowy Urząd Pracy w Wodzisławiu Śląskim',
    shortName: 'PUP Wodzisław Śląski',
    kind: 'pup',
    city: 'Wodzisław Śląski',
    municipalityCode: WODZISLAW,
  },
  {
    key: 'cisRybnik',
    name: 'Centrum Inicjatyw Społecznych',
    shortName: 'CIS Rybnik',
    kind: 'ngo',
    city: 'Rybnik',
    municipalityCode: RYBNIK,
  },
]

export const demoPeople = [
  { key: 'moryn', organisation: 'umKatowice', name: 'Małgorzata Moryń-Trzęsimiech', position: 'Naczelnik Wydziału Polityki Społecznej' },
  {
    key: 'przeor',
    organisation: 'umKatowice',
    name: 'Gizela Przeor',
    position: 'Podinspektor, Wydział Polityki Społecznej, Referat ds. Organizacji Pozarządowych',
  },
  { key: 'wrona', organisation: 'mopsTarnow', name: 'Jakub Wrona', position: null },
  { key: 'flacht', organisation: 'uppk', name: 'Anna Flacht', position: 'Naczelnik Wydziału Ewidencji i Świadczeń' },
  // The notes name some participants only by their institution or post; so do we.
  { key: 'mopsKatowiceDeputy', organisation: 'mopsKatowice', name: 'Zastępca Dyrektora MOPS w Katowicach', position: 'Zastępca Dyrektora' },
  { key: 'pupKatowiceRep', organisation: 'pupKatowice', name: 'Przedstawiciel PUP w Katowicach', position: null },
  { key: 'ohpRep', organisation: 'ohp', name: 'Przedstawiciel OHP', position: null },
  { key: 'zdzRep', organisation: 'zdz', name: 'Przedstawiciel ZDZ Profesja', position: null },
  { key: 'lexCivisRep', organisation: 'lexCivis', name: 'Przedstawiciel Fundacji Lex Civis', position: null },
  { key: 'ropsRep', organisation: 'ropsKrakow', name: 'Przedstawiciel ROPS w Krakowie', position: null },
  { key: 'pupTarnowRep', organisation: 'pupTarnow', name: 'Przedstawiciel PUP w Tarnowie', position: null },
  { key: 'mopsWodzislawRep', organisation: 'mopsWodzislaw', name: 'Przedstawiciel MOPS w Wodzisławiu Śląskim', position: null },
  { key: 'cisRep', organisation: 'cisRybnik', name: 'Przedstawiciel Centrum Inicjatyw Społecznych', position: null },
  {
    key: 'pupWodzislawRep1',
    organisation: 'pupWodzislaw',
    name: 'Przedstawicielka PUP w Wodzisławiu Śląskim (pośrednictwo pracy)',
    position: null,
  },
  {
    key: 'pupWodzislawRep2',
    organisation: 'pupWodzislaw',
    name: 'Przedstawicielka PUP w Wodzisławiu Śląskim (doradztwo zawodowe)',
    position: 'Doradca zawodowy',
  },
] as const

/** Listed in the README; created only by SEED=demo, never with SEED=none. */
export const demoAccounts = [
  { email: 'admin.demo@narada.local', password: 'demo-admin-2026', name: 'Administrator (demo)', role: 'admin', person: null },
  { email: 'urzednik@narada.local', password: 'demo-urzednik-2026', name: 'Gizela Przeor', role: 'officer', person: 'przeor' },
  { email: 'czlonek@narada.local', password: 'demo-czlonek-2026', name: 'Jakub Wrona', role: 'member', person: 'wrona' },
] as const

export async function seedDemo() {
  const organisationIds = new Map<string, number>()
  for (const { key, ...input } of demoOrganisations) {
    const result = createOrganisation({ input, actor: SYSTEM_ACTOR })
    if (!result.ok) throw new Error(`Demo organisation ${key}: ${JSON.stringify(result.fieldErrors)}`)
    organisationIds.set(key, result.id)
  }
  const personIds = new Map<string, number>()
  for (const { key, organisation, name, position } of demoPeople) {
    const result = createPerson({
      input: { name, position: position ?? undefined, organisationId: organisationIds.get(organisation)! },
      actor: SYSTEM_ACTOR,
    })
    if (!result.ok) throw new Error(`Demo person ${key}: ${JSON.stringify(result.fieldErrors)}`)
    personIds.set(key, result.id)
  }
  const accountIds = new Map<string, number>()
  for (const account of demoAccounts) {
    const personId = account.person ? personIds.get(account.person) : undefined
    const result = await createUser({
      fields: { email: account.email, name: account.name, role: account.role, personId },
      password: account.password,
      actor: SYSTEM_ACTOR,
    })
    if (!result.ok) throw new Error(`Demo account ${account.email}: ${JSON.stringify(result.fieldErrors)}`)
    accountIds.set(account.email, result.id)
  }
  const { katowice, rops, meetings } = seedTeams({ organisationIds, personIds, officerUserId: accountIds.get('urzednik@narada.local')! })
  await seedMinutes({ organisationIds, personIds, meetings })
  const { recommendationId } = await seedRecommendations({ bodyId: rops, personIds, memberUserId: accountIds.get('czlonek@narada.local')! })
  seedDistribution({ recommendationId })
  await seedAgreements({
    organisationIds: new Map(demoOrganisations.map((o) => [o.name, organisationIds.get(o.key)!])),
    katowiceBodyId: katowice,
    katowiceMeetingId: meetings.katowiceMeeting,
  })
  return { organisationIds, personIds }
}
