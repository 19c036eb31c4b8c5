// Distributions as the issue checks them: the demo's reaches every OPS, PCPR and PUP of
// The ROPS group of the demo has no officer account: its administrator runs the distribution.
// voivodeship 12; a new one built on the page reaches exactly the OPS and PUP of named counties
// of another voivodeship; a recipient that confirms and reports shows on the dashboard and in
// the exports, where no cell runs as a formula.
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { and, eq, inArray, like, lte, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoAdmin } from '#tests/support/accounts'
import { get, location, login, post, textOf } from '#tests/support/http'
import { createTestOrganisation } from '#tests/support/invitations'
import { db, schema } from '~/db.server'

const TITLE = 'Rekomendacje dotyczące współpracy OPS/PCPR z PUP w województwie małopolskim'
const rcp = schema.distributionRecipients
const o = schema.organisations

const mainText = (html: string) => textOf(html.slice(html.indexOf('<main'), html.indexOf('</main>')))

let recId: number
let demoDistribution: number
let cookie: string

beforeAll(async () => {
  recId = db.select({ id: schema.recommendations.id }).from(schema.recommendations).where(eq(schema.recommendations.title, TITLE)).get()!.id
  demoDistribution = db
    .select({ id: schema.distributions.id })
    .from(schema.distributions)
    .where(eq(schema.distributions.documentId, recId))
    .get()!.id
  cookie = await login(demoAdmin.email, demoAdmin.password)
})

describe('the demo distribution', () => {
  it('reaches every OPS, PCPR and PUP of voivodeship 12 the directory held when it was sent', () => {
    const sentAt = db
      .select({ createdAt: schema.distributions.createdAt })
      .from(schema.distributions)
      .where(eq(schema.distributions.id, demoDistribution))
      .get()!
    const inDirectory =
      db
        .select({ n: sql<number>`count(*)` })
        .from(o)
        .where(and(inArray(o.kind, ['ops', 'pcpr', 'pup']), like(o.municipalityCode, '12%'), lte(o.createdAt, sentAt.createdAt)))
        .get()?.n ?? 0
    const recipients =
      db
        .select({ n: sql<number>`count(*)` })
        .from(rcp)
        .where(eq(rcp.distributionId, demoDistribution))
        .get()?.n ?? 0
    expect(inDirectory).toBeGreaterThan(200)
    expect(recipients).toBe(inDirectory)
  })

  it('shows its officer the counts by state, county and kind, and the page stays small', async () => {
    const response = await get(`/recommendations/${recId}/distribution/${demoDistribution}`, { cookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html.length).toBeLessThan(150_000)
    const text = mainText(html)
    const total = db
      .select({ n: sql<number>`count(*)` })
      .from(rcp)
      .where(eq(rcp.distributionId, demoDistribution))
      .get()!.n
    expect(text).toContain(`Odbiorcy: ${total}`)
    expect(text).toContain('powiat bocheński')
    expect(text).toContain('Według rodzaju instytucji')
    const confirmed = db
      .select({ n: sql<number>`count(*)` })
      .from(rcp)
      .where(and(eq(rcp.distributionId, demoDistribution), eq(rcp.state, 'confirmed')))
      .get()!.n
    expect(text).toContain(`${confirmed} potwierdzone`)
  })
})

describe('a distribution to 5,000 institutions across the country', () => {
  it('keeps its dashboard under 150 KB, charting voivodeships instead of 380 counties', async () => {
    const counties = db.select({ code: schema.counties.code }).from(schema.counties).all()
    const municipalities = db
      .select({ code: schema.municipalities.code, county: schema.municipalities.countyCode })
      .from(schema.municipalities)
      .all()
    const inCounty = new Map(municipalities.map((m) => [m.county, m.code]))
    const distributionId = db
      .insert(schema.distributions)
      .values({
        documentId: recId,
        kinds: '["ops"]',
        regionCodes: JSON.stringify(['02', '04', '06']),
        remindAfterDays: 7,
        remindEveryDays: 7,
        maxReminders: 2,
        escalateAfterDays: 21,
        recipientCount: 5000,
        sentAt: new Date().toISOString(),
      })
      .returning({ id: schema.distributions.id })
      .get().id
    const states = ['sent', 'opened', 'confirmed', 'reported', 'not_sent'] as const
    db.transaction((tx) => {
      for (let i = 0; i < 5000; i++) {
        const county = counties[i % counties.length]!.code
        tx.insert(rcp)
          .values({
            distributionId,
            kind: 'ops',
            name: `Ośrodek Pomocy Społecznej nr ${i} w gminie o długiej nazwie (dane testowe)`,
            municipalityCode: inCounty.get(county)!,
            countyCode: county,
            email: `ops${i}@test.invalid`,
            state: states[i % states.length]!,
            sentAt: new Date().toISOString(),
          })
          .run()
      }
    })
    const response = await get(`/recommendations/${recId}/distribution/${distributionId}`, { cookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(Buffer.byteLength(html)).toBeLessThan(150_000)
    const text = mainText(html)
    expect(text).toContain('Odbiorcy: 5000')
    expect(text).toContain('Według województw')
    expect(text).toContain('województwo małopolskie')
  })
})

describe('a distribution built on the page', () => {
  const tag = crypto.randomBytes(3).toString('hex')
  // Wielkopolska (30): Poznań (3064) and the powiat gnieźnieński (3003); Kalisz (3061) is left outside.
  const ids: Record<string, number> = {}

  beforeAll(() => {
    for (const [place, code] of [
      ['poznan', '3064011'],
      ['gniezno', '3003011'],
      ['kalisz', '3061011'],
    ] as const) {
      for (const kind of ['ops', 'pup', 'ngo'] as const)
        ids[`${kind}-${place}`] = createTestOrganisation(`${kind.toUpperCase()} ${place} ${tag}`, {
          kind,
          municipalityCode: code,
          email: `${kind}-${place}-${tag}@test.invalid`,
        })
    }
  })

  it('previews and sends to exactly the OPS and PUP of the two named counties', async () => {
    const query = new URLSearchParams([
      ['kind', 'ops'],
      ['kind', 'pup'],
      ['county', '3064'],
      ['county', '3003'],
    ])
    const preview = await get(`/recommendations/${recId}/distribution?${query}`, { cookie })
    expect(preview.status).toBe(200)
    const expected = db
      .select({ id: o.id })
      .from(o)
      .where(
        and(inArray(o.kind, ['ops', 'pup']), sql`(substr(${o.municipalityCode}, 1, 4) in ('3064', '3003'))`, sql`${o.archivedAt} is null`),
      )
      .all()
      .map((r) => r.id)
      .sort((a, b) => a - b)
    expect(mainText(await preview.text())).toContain(`${expected.length} instytucj`)

    const form = new URLSearchParams(query)
    for (const [name, value] of Object.entries({ remindAfterDays: '7', remindEveryDays: '7', maxReminders: '2', escalateAfterDays: '21' }))
      form.set(name, value)
    const sent = await post(`/recommendations/${recId}/distribution`, form, { cookie })
    expect(sent.status).toBe(302)
    const distributionId = Number(/\/distribution\/(\d+)$/.exec(location(sent)!)?.[1])
    const reached = db
      .select({ id: rcp.organisationId })
      .from(rcp)
      .where(eq(rcp.distributionId, distributionId))
      .all()
      .map((r) => r.id!)
      .sort((a, b) => a - b)
    expect(reached).toEqual(expected)
    expect(reached).toEqual(expect.arrayContaining([ids['ops-poznan'], ids['pup-poznan'], ids['ops-gniezno'], ids['pup-gniezno']]))
    expect(reached).not.toContain(ids['ngo-poznan'])
    expect(reached).not.toContain(ids['ops-kalisz'])
  })

  it('refuses reminder settings out of range, in Polish beside the field, the target kept', async () => {
    const form = new URLSearchParams([
      ['kind', 'ops'],
      ['county', '3064'],
      ['remindAfterDays', '0'],
      ['remindEveryDays', '7'],
      ['maxReminders', '2'],
      ['escalateAfterDays', '21'],
    ])
    const response = await post(`/recommendations/${recId}/distribution?kind=ops&county=3064`, form, { cookie })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(mainText(html)).toContain('Podaj liczbę dni od 1 do 365.')
    expect(html).toMatch(/<input[^>]*name="remindAfterDays"[^>]*aria-invalid="true"/)
  })
})

describe('the exports', () => {
  let distributionId: number
  let recipientId: number

  beforeAll(() => {
    // The demo's first confirmed recipient, renamed to what would be a formula in a spreadsheet.
    distributionId = demoDistribution
    const row = db
      .select({ id: rcp.id })
      .from(rcp)
      .where(and(eq(rcp.distributionId, distributionId), eq(rcp.state, 'reported')))
      .get()!
    recipientId = row.id
    db.update(rcp).set({ name: '=HYPERLINK("http://example.invalid","kliknij")' }).where(eq(rcp.id, recipientId)).run()
  })

  it('writes the CSV with every recipient, who confirmed, and no cell that a spreadsheet would run', async () => {
    const response = await get(`/recommendations/${recId}/distribution/${distributionId}/recipients.csv`, { cookie })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const text = (await response.text()).replace(/^\uFEFF/, '')
    const lines = text.trim().split('\r\n')
    const total = db
      .select({ n: sql<number>`count(*)` })
      .from(rcp)
      .where(eq(rcp.distributionId, distributionId))
      .get()!.n
    expect(lines).toHaveLength(total + 1)
    expect(lines[0]).toContain('Potwierdził(a)')
    expect(text).toContain('(dane przykładowe)')
    const formula = lines.find((line) => line.includes('HYPERLINK'))!
    // Quoted and preceded by an apostrophe: the cell is text.
    expect(formula.startsWith(`"'=HYPERLINK`)).toBe(true)
    expect(lines.some((line) => /^[=+\-@]/.test(line) || /;[=+@]/.test(line))).toBe(false)
  })

  it('writes the reports and the XLSX with no formula cells', async () => {
    const reports = await get(`/recommendations/${recId}/distribution/${distributionId}/reports.csv`, { cookie })
    expect(reports.status).toBe(200)
    expect(await reports.text()).toContain('Tekst przykładowy (dane demonstracyjne)')
    const response = await get(`/recommendations/${recId}/distribution/${distributionId}/recipients.xlsx`, { cookie })
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]!
    let formulas = 0
    let found = false
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula || cell.type === ExcelJS.ValueType.Formula) formulas += 1
        if (cell.value === '=HYPERLINK("http://example.invalid","kliknij")') found = true
      }),
    )
    expect(formulas).toBe(0)
    expect(found).toBe(true)
  })
})
