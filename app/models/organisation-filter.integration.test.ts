import { describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from './audit.server'
import { createOrganisation, exportOrganisations, listOrganisations, setOrganisationArchived } from './organisation.server'
import type { OrganisationInput } from '~/schemas/directory'

// Bolesławiec (0201011) and Gromadka (0201032) lie in the county of Bolesławiec (0201), Jawor
// (0205011) in the county of Jawor (0205), Bielawa (0202011) in the county of Dzierżoniów.
function add(name: string, kind: OrganisationInput['kind'], municipalityCode: string) {
  const saved = createOrganisation({ input: { name, kind, municipalityCode }, actor: SYSTEM_ACTOR })
  if (!saved.ok) throw new Error(`not saved: ${name}`)
  return saved.id
}

const mark = 'filtrwielokrotny'
const ids = {
  mopsBoleslawiec: add(`MOPS Bolesławiec ${mark}`, 'ops', '0201011'),
  gopsGromadka: add(`GOPS Gromadka ${mark}`, 'ops', '0201032'),
  pupBoleslawiec: add(`PUP Bolesławiec ${mark}`, 'pup', '0201011'),
  ngoBoleslawiec: add(`Fundacja Bolesławiec ${mark}`, 'ngo', '0201011'),
  pupJawor: add(`PUP Jawor ${mark}`, 'pup', '0205011'),
  opsBielawa: add(`OPS Bielawa ${mark}`, 'ops', '0202011'),
}

const found = (filter: Parameters<typeof listOrganisations>[0]['filter']) =>
  listOrganisations({ filter: { q: mark, ...filter } })
    .rows.map((row) => row.id)
    .sort((a, b) => a - b)
const sorted = (...list: number[]) => list.sort((a, b) => a - b)

describe('the directory filter', () => {
  it('takes several kinds at once', () => {
    expect(found({ kind: ['ops', 'pup'] })).toEqual(
      sorted(ids.mopsBoleslawiec, ids.gopsGromadka, ids.pupBoleslawiec, ids.pupJawor, ids.opsBielawa),
    )
  })

  it('takes several counties at once, each the whole county and nothing of the next one', () => {
    expect(found({ county: ['0201', '0205'] })).toEqual(
      sorted(ids.mopsBoleslawiec, ids.gopsGromadka, ids.pupBoleslawiec, ids.ngoBoleslawiec, ids.pupJawor),
    )
    expect(found({ county: ['0202'] })).toEqual([ids.opsBielawa])
  })

  it('adds municipalities to the counties, and narrows the places by kind', () => {
    expect(found({ county: ['0205'], municipality: ['0201032', '0202011'] })).toEqual(
      sorted(ids.gopsGromadka, ids.pupJawor, ids.opsBielawa),
    )
    expect(found({ kind: ['ops', 'pup'], county: ['0201'] })).toEqual(sorted(ids.mopsBoleslawiec, ids.gopsGromadka, ids.pupBoleslawiec))
  })

  it('counts every match, and exports them all with their place', () => {
    const list = listOrganisations({ filter: { q: mark, kind: ['ops'] } })
    expect(list.total).toBe(3)
    const exported = exportOrganisations({ filter: { q: mark, kind: ['ops'], county: ['0201'] } })
    expect(exported.map((row) => [row.name, row.municipalityCode, row.municipality, row.county])).toEqual([
      [`GOPS Gromadka ${mark}`, '0201032', 'Gromadka', 'bolesławiecki'],
      [`MOPS Bolesławiec ${mark}`, '0201011', 'Bolesławiec', 'bolesławiecki'],
    ])
  })

  it('leaves archived institutions out unless asked for them', () => {
    const archived = add(`Archiwalny OPS ${mark}`, 'ops', '0205011')
    setOrganisationArchived({ id: archived, archived: true, actor: SYSTEM_ACTOR })
    expect(found({ county: ['0205'] })).toEqual([ids.pupJawor])
    expect(found({ county: ['0205'], archived: '1' })).toEqual([archived])
  })
})
