import crypto from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { get, location, login, textOf } from '#tests/support/http'
import { createInvitationScene } from '#tests/support/invitations'

// Institutions of one tag, so that the page shows only them: in the counties of Bolesławiec
// (0201) and Jawor (0205), and one in Bielawa (0202011), of the county of Dzierżoniów.
const tag = `filtr${crypto.randomBytes(4).toString('hex')}`
const names = {
  mops: `MOPS Bolesławiec ${tag}`,
  quoted: `Stowarzyszenie "Razem"; Bolesławiec ${tag}`,
  pupJawor: `PUP Jawor ${tag}`,
  ngoJawor: `Fundacja Jaworska ${tag}`,
  bielawa: `OPS Bielawa ${tag}`,
}
let cookie = ''

beforeAll(async () => {
  const { createOrganisation } = await import('~/models/organisation.server')
  const { SYSTEM_ACTOR } = await import('~/models/audit.server')
  const add = (name: string, kind: 'ops' | 'pup' | 'ngo', municipalityCode: string, extra: Record<string, string> = {}) => {
    const saved = createOrganisation({ input: { name, kind, municipalityCode, ...extra }, actor: SYSTEM_ACTOR })
    if (!saved.ok) throw new Error(`${name}: ${JSON.stringify(saved.fieldErrors)}`)
  }
  add(names.mops, 'ops', '0201011', {
    street: 'ul. Jana Pawła II 14',
    postalCode: '59-700',
    city: 'Bolesławiec',
    phone: '+48 75 732 32 32',
  })
  add(names.quoted, 'ngo', '0201032')
  add(names.pupJawor, 'pup', '0205011')
  add(names.ngoJawor, 'ngo', '0205011')
  add(names.bielawa, 'ops', '0202011')
  const scene = await createInvitationScene()
  cookie = await login(scene.accounts.member.email, scene.accounts.member.password)
})

async function page(query: string) {
  const response = await get(`/organisations?${query}`, { cookie })
  expect(response.status).toBe(200)
  return textOf(await response.text())
}

/** The institutions of this test's tag a page lists, in its order. */
const listed = (text: string) =>
  Object.values(names)
    .filter((name) => text.includes(name))
    .sort((a, b) => text.indexOf(a) - text.indexOf(b))

describe('the directory filter', () => {
  it('shows the institutions of several kinds in several counties, says the filter in words and counts them', async () => {
    const text = await page(`q=${tag}&kind=ops&kind=pup&county=0201&county=0205`)
    expect(listed(text)).toEqual([names.mops, names.pupJawor])
    expect(text).toContain('Wyniki: 2')
    expect(text).toContain(
      `Filtr: ośrodek pomocy społecznej (MOPS/GOPS/OPS), powiatowy urząd pracy (PUP) · powiat bolesławiecki, powiat jaworski · nazwa zawiera „${tag}”`,
    )
  })

  it('adds a municipality to the counties, and a chosen value links to the filter without it', async () => {
    const response = await get(`/organisations?q=${tag}&county=0205&municipality=0202011`, { cookie })
    const html = await response.text()
    expect(listed(textOf(html))).toEqual([names.ngoJawor, names.bielawa, names.pupJawor])
    expect(textOf(html)).toContain('Bielawa (gmina miejska, powiat dzierżoniowski)')
    expect(html).toContain(`href="/organisations?q=${tag}&amp;municipality=0202011"`)
  })

  it('finds a county by a part of its name without JavaScript, keeping what is already chosen', async () => {
    const text = await page(`q=${tag}&county=0201&search=county&county-query=jaworsk`)
    expect(text).toContain('Wyniki dla „jaworsk”')
    expect(text).toContain('powiat jaworski')
    expect(listed(text)).toEqual([names.mops, names.quoted])
  })

  it('sends a page past the last back to the last one, with the filter kept', async () => {
    const response = await get(`/organisations?kind=pup&kind=ops&county=0205&page=9`, { cookie })
    expect(response.status).toBe(302)
    expect(location(response)).toBe('/organisations?kind=pup&kind=ops&county=0205')
  })

  it('links the export with the same filter', async () => {
    const html = await (await get(`/organisations?q=${tag}&kind=ngo&county=0201`, { cookie })).text()
    expect(html).toContain(`href="/organisations/export.csv?q=${tag}&amp;kind=ngo&amp;county=0201"`)
    expect(textOf(html)).toContain('Eksportuj do CSV')
  })
})

describe('the searches of places', () => {
  it('answer a reader of the directory with counties and municipalities found without Polish letters', async () => {
    const answer = async (path: string) => (await (await get(path, { cookie })).json()) as { options: { value: string; label: string }[] }
    expect((await answer('/search/counties?q=boleslaw&directory=1')).options).toContainEqual({
      value: '0201',
      label: 'powiat bolesławiecki',
    })
    expect((await answer('/search/municipalities?q=gromadka&directory=1')).options).toEqual([
      { value: '0201032', label: 'Gromadka (gmina wiejska, powiat bolesławiecki)' },
    ])
    expect(location(await get('/search/counties?q=boleslaw&directory=1'))).toMatch(/^\/login/)
  })
})

describe('the CSV export', () => {
  it('holds every institution of the filter, UTF-8 with a BOM, `;` between fields, quoted where needed', async () => {
    const response = await get(`/organisations/export.csv?q=${tag}&county=0201&county=0205`, { cookie })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="instytucje-\d{4}-\d{2}-\d{2}\.csv"/)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain(`"Stowarzyszenie ""Razem""; Bolesławiec ${tag}"`)
    const [header, ...rows] = parse(text, { bom: true, delimiter: ';' }) as string[][]
    expect(header).toEqual([
      'Nazwa',
      'Nazwa skrócona',
      'Rodzaj',
      'Kod TERYT',
      'Gmina',
      'Powiat',
      'Ulica',
      'Kod pocztowy',
      'Miejscowość',
      'E-mail',
      'Telefon',
      'Strona WWW',
      'REGON',
      'NIP',
    ])
    expect(rows.map((row) => row[0])).toEqual([names.ngoJawor, names.mops, names.pupJawor, names.quoted])
    expect(rows[1]).toEqual([
      names.mops,
      '',
      'ośrodek pomocy społecznej (MOPS/GOPS/OPS)',
      '0201011',
      'Bolesławiec',
      'bolesławiecki',
      'ul. Jana Pawła II 14',
      '59-700',
      'Bolesławiec',
      '',
      '+48 75 732 32 32',
      '',
      '',
      '',
    ])
  })

  it('is not for a signed-out visitor', async () => {
    const response = await get(`/organisations/export.csv?q=${tag}`)
    expect(response.status).toBe(302)
    expect(location(response)).toMatch(/^\/login/)
  })
})
