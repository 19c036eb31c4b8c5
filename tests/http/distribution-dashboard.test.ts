// A distribution's dashboard as its officer reads it (issue #12, „Seeing where things stand”):
// a distribution sent through the model to institutions of this file's own, one of them with no
// e-mail and one named like a spreadsheet formula; one confirms and files a report with a file,
// another only confirms. The counts, the filter, the recipient's record, the exports, and the
// 404 that everybody but the team's officers gets on every route.
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { desc, eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { get, login, post, textOf } from '#tests/support/http'
import { createInvitationScene, createTestOrganisation } from '#tests/support/invitations'
import { publishedRecommendation } from '#tests/support/published-recommendation'
import { db, schema } from '~/db.server'
import { confirmReceipt, fileReport } from '~/models/distribution-recipient.server'
import { sendDistribution } from '~/models/distribution.server'
import { storeDocumentFile } from '~/models/document/files.server'
import { DEFAULT_DISTRIBUTION_SETTINGS } from '~/schemas/distribution'

const rcp = schema.distributionRecipients
const tag = crypto.randomBytes(3).toString('hex')
const FORMULA = '=HYPERLINK("x")'
const REPORT_TEXT = `Procedura współpracy przyjęta zarządzeniem dyrektora ${tag}`
const REPORT_FILE = 'sprawozdanie-wdrozenia.pdf'

const mainText = (html: string) => textOf(html.slice(html.indexOf('<main'), html.indexOf('</main>')))

let recId: number
let distId: number
/** A second distribution of the same recommendation: the first one's report is not its. */
let otherDistId: number
let reportId: number
const ids = { reported: 0, confirmed: 0, noEmail: 0, formula: 0 }
const cookies = { officer: '', member: '', outsider: '' }

function ok<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`)
  return result as Extract<T, { ok: true }>
}

beforeAll(async () => {
  const scene = await createInvitationScene()
  recId = publishedRecommendation({ bodyId: scene.bodyId, bodyName: 'Zespół testowy', meetingId: scene.meetingId } as never, {
    code: `DSH-${tag}`,
    sha256: crypto.randomBytes(32).toString('hex'),
  })
  const actor = { userId: scene.accounts.officer.user.id, ip: null }
  // Poznań (3064) and the powiat gnieźnieński (3003): two counties to count by.
  const orgs = {
    reported: createTestOrganisation(`OPS Sprawozdający ${tag}`, {
      kind: 'ops',
      municipalityCode: '3064011',
      email: `rep-${tag}@test.invalid`,
    }),
    confirmed: createTestOrganisation(`PUP Potwierdzający ${tag}`, {
      kind: 'pup',
      municipalityCode: '3003011',
      email: `conf-${tag}@test.invalid`,
    }),
    noEmail: createTestOrganisation(`OPS Bez Adresu ${tag}`, { kind: 'ops', municipalityCode: '3064011' }),
    formula: createTestOrganisation(FORMULA, { kind: 'ops', municipalityCode: '3003011', email: `formula-${tag}@test.invalid` }),
  }
  const target = { kind: [], voivodeship: [], county: [], municipality: [], include: Object.values(orgs), exclude: [] }
  distId = ok(
    sendDistribution({ documentId: recId, target, settings: DEFAULT_DISTRIBUTION_SETTINGS, actor, origin: 'http://localhost' }),
    'send',
  ).distributionId
  const frozen = db.select({ id: rcp.id, organisationId: rcp.organisationId }).from(rcp).where(eq(rcp.distributionId, distId)).all()
  for (const key of Object.keys(orgs) as (keyof typeof orgs)[]) ids[key] = frozen.find((r) => r.organisationId === orgs[key])!.id
  ok(confirmReceipt({ id: ids.reported, name: 'Ewa Potwierdzająca', position: 'dyrektor', userId: null, actor }), 'confirm')
  ok(confirmReceipt({ id: ids.confirmed, name: 'Jan Odbierający', position: 'kierownik', userId: null, actor }), 'confirm')
  const stored = storeDocumentFile({ fileName: REPORT_FILE, bytes: Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`) })
  if (!stored.ok) throw new Error('report file')
  reportId = ok(
    fileReport({
      id: ids.reported,
      status: 'implemented',
      text: REPORT_TEXT,
      name: 'Ewa Potwierdzająca',
      position: 'dyrektor',
      userId: null,
      file: stored.file,
      actor,
    }),
    'report',
  ).reportId
  otherDistId = ok(
    sendDistribution({
      documentId: recId,
      target: { ...target, include: [orgs.confirmed] },
      settings: DEFAULT_DISTRIBUTION_SETTINGS,
      actor,
      origin: 'http://localhost',
    }),
    'send again',
  ).distributionId
  cookies.officer = await login(scene.accounts.officer.email, scene.accounts.officer.password)
  cookies.member = await login(scene.accounts.member.email, scene.accounts.member.password)
  cookies.outsider = await login(scene.accounts.outsider.email, scene.accounts.outsider.password)
})

const base = () => `/recommendations/${recId}/distribution/${distId}`

describe('the dashboard', () => {
  it('shows its officer the counts by state, who sent it and the counties', async () => {
    const response = await get(base(), { cookie: cookies.officer })
    expect(response.status).toBe(200)
    const text = mainText(await response.text())
    expect(text).toContain('Odbiorcy: 4')
    expect(text).toContain('1 niewysłane')
    expect(text).toContain('1 wysłane')
    expect(text).toContain('1 potwierdzone')
    expect(text).toContain('1 z informacją o wdrażaniu')
    expect(text).toContain('Gizela Prowadząca')
    expect(text).toContain('powiat gnieźnieński')
    expect(text).toContain('Poznań')
    expect(text).toContain('Znaleziono odbiorców: 4.')
  })

  it('narrows the list by state, county, kind and name', async () => {
    const list = async (query: string) => {
      const response = await get(`${base()}?${query}`, { cookie: cookies.officer })
      expect(response.status).toBe(200)
      return mainText(await response.text())
    }
    const confirmed = await list('state=confirmed')
    expect(confirmed).toContain('Filtr: stan: potwierdzone. Znaleziono odbiorców: 1.')
    expect(confirmed).toContain(`PUP Potwierdzający ${tag}`)
    expect(confirmed).not.toContain(`OPS Sprawozdający ${tag}`)
    const poznanOps = await list('county=3064&kind=ops')
    expect(poznanOps).toContain('Filtr: powiat: Poznań; rodzaj: ośrodek pomocy społecznej (MOPS/GOPS/OPS). Znaleziono odbiorców: 2.')
    expect(poznanOps).toContain(`OPS Bez Adresu ${tag}`)
    expect(poznanOps).not.toContain(`PUP Potwierdzający ${tag}`)
    expect(await list(`q=${encodeURIComponent('Bez Adresu')}`)).toContain('Filtr: nazwa zawiera „Bez Adresu”. Znaleziono odbiorców: 1.')
    // Sent today: nobody is overdue yet.
    expect(await list('state=escalated')).toContain('Filtr: stan: do interwencji (bez potwierdzenia). Znaleziono odbiorców: 0.')
  })

  it('shows a recipient its confirmer, its report and the file', async () => {
    const response = await get(`${base()}/recipients/${ids.reported}`, { cookie: cookies.officer })
    expect(response.status).toBe(200)
    const html = await response.text()
    const text = mainText(html)
    expect(text).toContain('Ewa Potwierdzająca')
    expect(text).toContain(REPORT_TEXT)
    expect(text).toContain('wdrożone')
    expect(html).toContain(`${base()}/reports/${reportId}/${REPORT_FILE}`)
    const file = await get(`${base()}/reports/${reportId}/${REPORT_FILE}`, { cookie: cookies.officer })
    expect(file.status).toBe(200)
    expect(file.headers.get('x-content-type-options')).toMatch(/^nosniff\b/)
    expect(file.headers.get('content-disposition')).toContain('attachment')
    expect(Buffer.from(await file.arrayBuffer()).toString()).toContain(tag)
  })

  it('serves a report file only under its own distribution and name', async () => {
    const other = `/recommendations/${recId}/distribution/${otherDistId}`
    expect((await get(`${other}/reports/${reportId}/${REPORT_FILE}`, { cookie: cookies.officer })).status).toBe(404)
    expect((await get(`${other}/recipients/${ids.reported}`, { cookie: cookies.officer })).status).toBe(404)
    expect((await get(`${base()}/reports/${reportId}/inny.pdf`, { cookie: cookies.officer })).status).toBe(404)
  })
})

describe('following up', () => {
  it('lists a recipient unconfirmed past the escalation days', async () => {
    const longAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString()
    db.update(rcp).set({ sentAt: longAgo }).where(eq(rcp.id, ids.formula)).run()
    const response = await get(`${base()}?state=escalated`, { cookie: cookies.officer })
    const html = await response.text()
    expect(mainText(html)).toContain('Znaleziono odbiorców: 1.')
    expect(mainText(html)).toContain('1 bez potwierdzenia po 21 dniach')
    expect(html.match(/\/recipients\/\d+"/g)).toEqual([`/recipients/${ids.formula}"`])
  })

  it('sends a recipient a new link and the old one stops working', async () => {
    const tokenIn = (text: string | undefined) => /\/delivery\/([A-Za-z0-9_-]{43})/.exec(text ?? '')?.[1]
    // The first e-mail of this distribution; the second distribution mailed the same address too.
    const { outboxId } = db.select({ outboxId: rcp.outboxId }).from(rcp).where(eq(rcp.id, ids.confirmed)).get()!
    const old = tokenIn(db.select({ text: schema.outbox.text }).from(schema.outbox).where(eq(schema.outbox.id, outboxId!)).get()?.text)!
    const newest = () =>
      db
        .select({ id: schema.outbox.id, text: schema.outbox.text })
        .from(schema.outbox)
        .where(like(schema.outbox.to, `%conf-${tag}@test.invalid%`))
        .orderBy(desc(schema.outbox.id))
        .get()!
    const before = newest().id
    expect((await get(`/delivery/${old}`)).status).toBe(200)
    const page = mainText(await (await get(`${base()}/recipients/${ids.confirmed}`, { cookie: cookies.officer })).text())
    expect(page).toContain('Dotychczasowe linki tego odbiorcy przestaną działać')
    const response = await post(`${base()}/recipients/${ids.confirmed}`, { intent: 'reissue' }, { cookie: cookies.officer })
    expect(response.status).toBe(302)
    const mail = newest()
    expect(mail.id).toBeGreaterThan(before)
    const fresh = tokenIn(mail.text)!
    expect(fresh).not.toBe(old)
    expect((await get(`/delivery/${old}`)).status).toBe(404)
    expect((await get(`/delivery/${fresh}`)).status).toBe(200)
  })
})

describe('nobody but the team officers', () => {
  const paths = () => [
    base(),
    `${base()}?state=confirmed`,
    `${base()}/recipients/${ids.reported}`,
    `${base()}/reports/${reportId}/${REPORT_FILE}`,
    `${base()}/recipients.csv`,
    `${base()}/recipients.xlsx`,
    `${base()}/reports.csv`,
    `${base()}/reports.xlsx`,
  ]

  it.each(['visitor', 'outsider', 'member'] as const)('gets 404 on every route: %s', async (who) => {
    const cookie = who === 'visitor' ? undefined : cookies[who]
    for (const path of paths()) expect([path, (await get(path, { cookie })).status]).toEqual([path, 404])
    const before = db.select({ n: schema.distributionLinks.id }).from(schema.distributionLinks).all().length
    const reissue = await post(`${base()}/recipients/${ids.confirmed}`, { intent: 'reissue' }, { cookie })
    expect(reissue.status).toBe(404)
    expect(db.select({ n: schema.distributionLinks.id }).from(schema.distributionLinks).all().length).toBe(before)
  })
})

describe('the exports', () => {
  it('write the confirmer and the report text in the CSV, a formula-like name as text', async () => {
    const response = await get(`${base()}/recipients.csv`, { cookie: cookies.officer })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain(`dystrybucja-${distId}-odbiorcy.csv`)
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines[0]).toContain('Potwierdził(a)')
    expect(lines.find((line) => line.includes(`PUP Potwierdzający ${tag}`))).toContain('Jan Odbierający')
    expect(lines.find((line) => line.includes(`OPS Bez Adresu ${tag}`))).toContain('brak adresu e-mail')
    const formula = lines.find((line) => line.includes('HYPERLINK'))!
    expect(formula.startsWith(`"'=HYPERLINK`)).toBe(true)

    const reports = await get(`${base()}/reports.csv`, { cookie: cookies.officer })
    expect(reports.status).toBe(200)
    const text = await reports.text()
    expect(text).toContain(REPORT_TEXT)
    expect(text).toContain('wdrożone')
    expect(text).toContain(REPORT_FILE)
  })

  it.each(['recipients', 'reports'] as const)('write %s as an XLSX without a formula cell', async (kind) => {
    const response = await get(`${base()}/${kind}.xlsx`, { cookie: cookies.officer })
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const cells: ExcelJS.Cell[] = []
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void cells.push(cell)))
    expect(cells.filter((cell) => cell.formula || cell.type === ExcelJS.ValueType.Formula)).toEqual([])
    if (kind === 'recipients') expect(cells.some((cell) => String(cell.value).startsWith(FORMULA))).toBe(true)
    else expect(cells.some((cell) => cell.value === REPORT_TEXT)).toBe(true)
  })
})

describe('a distribution of 300 institutions', () => {
  it('keeps its dashboard small: one page of recipients, lean rows', async () => {
    const municipalities = db
      .select({ code: schema.municipalities.code, county: schema.municipalities.countyCode })
      .from(schema.municipalities)
      .all()
      .filter((m) => m.code.startsWith('30'))
    const id = db
      .insert(schema.distributions)
      .values({
        documentId: recId,
        kinds: '["ops"]',
        regionCodes: '["30"]',
        remindAfterDays: 7,
        remindEveryDays: 7,
        maxReminders: 2,
        escalateAfterDays: 21,
        recipientCount: 300,
        sentAt: new Date().toISOString(),
      })
      .returning({ id: schema.distributions.id })
      .get().id
    const states = ['sent', 'opened', 'confirmed', 'reported', 'not_sent'] as const
    db.transaction((tx) => {
      for (let i = 0; i < 300; i++) {
        const m = municipalities[i % municipalities.length]!
        tx.insert(rcp)
          .values({
            distributionId: id,
            kind: 'ops',
            name: `Ośrodek Pomocy Społecznej nr ${i} w gminie o długiej nazwie (dane testowe)`,
            municipalityCode: m.code,
            countyCode: m.county,
            email: `ops${i}-${tag}@test.invalid`,
            state: states[i % states.length]!,
            sentAt: new Date().toISOString(),
          })
          .run()
      }
    })
    const response = await get(`/recommendations/${recId}/distribution/${id}`, { cookie: cookies.officer })
    expect(response.status).toBe(200)
    const html = await response.text()
    if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, html)
    // A size budget, not a timing: the page must not grow with the recipients.
    expect(Buffer.byteLength(html)).toBeLessThan(150_000)
    const text = mainText(html)
    expect(text).toContain('Odbiorcy: 300')
    expect(text).toContain('Znaleziono odbiorców: 300.')
    expect(html.match(/\/recipients\/\d+"/g)).toHaveLength(50)
  })
})
