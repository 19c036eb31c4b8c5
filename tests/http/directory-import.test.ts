import crypto from 'node:crypto'
import { eq, like } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestAccount } from '#tests/support/accounts'
import { baseURL, fileAddress, get, location, login, post, textOf } from '#tests/support/http'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { createOrganisation } from '~/models/organisation.server'

const PAGE = '/organisations/import'
const cookies = { officer: '', otherOfficer: '', member: '' }
const o = schema.organisations

beforeAll(async () => {
  for (const [who, role] of [
    ['officer', 'officer'],
    ['otherOfficer', 'officer'],
    ['member', 'member'],
  ] as const) {
    const account = await createTestAccount({ role, name: `Import ${who}` })
    cookies[who] = await login(account.email, account.password)
  }
})

/** Text as Polish Excel saves „CSV (rozdzielany średnikami)”: Windows-1250, no BOM. */
function windows1250(text: string): Buffer {
  const decoder = new TextDecoder('windows-1250')
  const table = new Map<string, number>()
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte)
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch)!)))
}

function upload(bytes: Buffer, fileName: string, cookie = cookies.officer) {
  const form = new FormData()
  form.append('file', new Blob([Uint8Array.from(bytes)]), fileName)
  return fetch(new URL(PAGE, baseURL), {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Origin: baseURL, Cookie: cookie, 'X-Forwarded-For': fileAddress },
  })
}

/** Uploads a file and gives the preview's address. */
async function previewOf(bytes: Buffer, fileName: string): Promise<string> {
  const response = await upload(bytes, fileName)
  expect(response.status).toBe(302)
  const to = location(response)!
  expect(to).toMatch(/^\/organisations\/import\?file=[0-9a-f]{32}$/)
  return to
}

const pageText = async (path: string, cookie = cookies.officer) => textOf(await (await get(path, { cookie })).text())
const tokenOf = (preview: string) => new URL(preview, baseURL).searchParams.get('file')!

async function apply(preview: string): Promise<string> {
  const response = await post(PAGE, { file: tokenOf(preview), intent: 'apply' }, { cookie: cookies.officer })
  expect(response.status).toBe(302)
  return pageText(location(response)!)
}

function auditOf(entityType: string, ids: number[]) {
  return db
    .select({ action: schema.auditLog.action, entityId: schema.auditLog.entityId, detail: schema.auditLog.detail })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.entityType, entityType))
    .all()
    .filter((row) => ids.map(String).includes(row.entityId ?? ''))
}

describe('directory import', () => {
  const tag = crypto.randomBytes(3).toString('hex')
  const csv = windows1250(
    [
      'Nazwa;Nazwa skrócona;Rodzaj;Kod TERYT;Gmina;Powiat;Ulica;Kod pocztowy;Miejscowość;E-mail;REGON;Imię i nazwisko;Stanowisko;E-mail osoby',
      `Miejski Ośrodek Pomocy Społecznej w Żorach ${tag};MOPS Żory;MOPS;;Żory;Żory;ul. Szeroka 5;44-240;Żory;mops@zory.pl;;Łucja Źrebiec;Dyrektor;l.zrebiec@zory.pl`,
      `Miejski Ośrodek Pomocy Społecznej w Żorach ${tag};;;;Żory;Żory;;;;;;Jan Kowalski;Kierownik;`,
      `Powiatowy Urząd Pracy ${tag};PUP;pup;2469011;;;;;;pup@pup.pl;123456785;;;`,
      `Fundacja ${tag};;bank;2469011;;;;;;zły-adres;123456786;;;`,
    ].join('\r\n'),
  )

  it('previews a Windows-1250 CSV of Excel with each row’s problems in Polish, then adds it all with audit rows', async () => {
    const preview = await previewOf(csv, 'instytucje.csv')
    const text = await pageText(preview)
    expect(text).toContain(`Miejski Ośrodek Pomocy Społecznej w Żorach ${tag}`)
    expect(text).toContain('Łucja Źrebiec: zostanie dodana')
    expect(text).toContain('jak w wierszu 2')
    expect(text).toContain('Rodzaj: nieznany rodzaj „bank”')
    expect(text).toContain('E-mail: Podaj prawidłowy adres e-mail')
    expect(text).toContain('REGON: Cyfra kontrolna REGON się nie zgadza')
    expect(text).toContain('Wierszy z błędami (nie zostaną zaimportowane): 1')

    const done = await apply(preview)
    expect(done).toContain('Instytucje: dodano 2, zaktualizowano 0, pominięto 0, bez zmian 0.')
    expect(done).toContain('Osoby: dodano 2')
    expect(done).toContain('Wierszy z błędami, których nie zaimportowano: 1.')
    const mops = db
      .select()
      .from(o)
      .where(eq(o.name, `Miejski Ośrodek Pomocy Społecznej w Żorach ${tag}`))
      .get()!
    expect(mops).toMatchObject({ shortName: 'MOPS Żory', kind: 'ops', municipalityCode: '2479011', postalCode: '44-240' })
    const pup = db.select().from(o).where(eq(o.regon, '123456785')).get()!
    expect(pup.name).toBe(`Powiatowy Urząd Pracy ${tag}`)
    expect(
      db
        .select()
        .from(o)
        .where(like(o.name, `Fundacja ${tag}`))
        .all(),
    ).toEqual([])
    const people = db.select().from(schema.people).where(eq(schema.people.organisationId, mops.id)).all()
    expect(people.map((p) => p.name).sort()).toEqual(['Jan Kowalski', 'Łucja Źrebiec'])
    expect(auditOf('organisation', [mops.id, pup.id]).map((a) => [a.action, a.detail])).toEqual([
      ['organisation.created', 'import: instytucje.csv'],
      ['organisation.created', 'import: instytucje.csv'],
    ])
    expect(
      auditOf(
        'person',
        people.map((p) => p.id),
      ).map((a) => a.action),
    ).toEqual(['person.created', 'person.created'])
  })

  it('finds everything unchanged when the same file comes again, and writes nothing', async () => {
    const auditBefore = db.select({ id: schema.auditLog.id }).from(schema.auditLog).all().length
    const preview = await previewOf(csv, 'instytucje.csv')
    const text = await pageText(preview)
    expect(text).toContain('Instytucje 0 0 0 2 Osoby 0 0 0 2')
    const done = await apply(preview)
    // The file's row with errors is still left out: the notice says so rather than that all agrees.
    expect(done).toContain('Nic nie zmieniono. Pominięto 1 wiersz z błędami.')
    expect(done).not.toContain('katalog zgadza się z plikiem')
    expect(done).toContain('Instytucje: dodano 0, zaktualizowano 0, pominięto 0, bez zmian 2.')
    expect(db.select({ id: schema.auditLog.id }).from(schema.auditLog).all().length).toBe(auditBefore)
  })

  it('skips what differs from the directory unless the officer chooses to update it', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Instytucje').addRows([
      ['Nazwa', 'Rodzaj', 'Kod TERYT', 'E-mail', 'REGON'],
      [`Powiatowy Urząd Pracy ${tag}`, 'PUP', '2469011', { text: 'nowy@pup.pl', hyperlink: 'mailto:nowy@pup.pl' }, '123-456-785'],
    ])
    const preview = await previewOf(Buffer.from(await workbook.xlsx.writeBuffer()), 'zmiany.xlsx')
    expect(await pageText(preview)).toContain('różni się (e-mail), zostanie pominięta')
    const chosen = await post(
      PAGE,
      { file: tokenOf(preview), intent: 'choose', line: '2', choice: 'update', page: '1' },
      { cookie: cookies.officer },
    )
    expect(chosen.status).toBe(302)
    expect(await pageText(preview)).toContain('zostanie zaktualizowana: e-mail')
    expect(await apply(preview)).toContain('Instytucje: dodano 0, zaktualizowano 1')
    expect(db.select({ email: o.email }).from(o).where(eq(o.regon, '123456785')).get()).toEqual({ email: 'nowy@pup.pl' })
  })

  it('says which rows were left as they are when applying writes nothing', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Instytucje').addRows([
      ['Nazwa', 'Rodzaj', 'Kod TERYT', 'E-mail', 'REGON'],
      [`Powiatowy Urząd Pracy ${tag}`, 'PUP', '2469011', 'inny@pup.pl', '123456785'],
      [`Fundacja ${tag}`, 'bank', '2469011', '', ''],
      [`Stowarzyszenie ${tag}`, 'lombard', '2469011', '', ''],
    ])
    const preview = await previewOf(Buffer.from(await workbook.xlsx.writeBuffer()), 'pominiete.xlsx')
    const done = await apply(preview)
    expect(done).toContain('Nic nie zmieniono. Pominięto 1 wiersz z różnicami, 2 wiersze z błędami.')
    expect(db.select({ email: o.email }).from(o).where(eq(o.regon, '123456785')).get()).toEqual({ email: 'nowy@pup.pl' })
  })

  it('imports the institution of a row whose person has a bad e-mail, and leaves out only the person', async () => {
    const name = `Klub Integracji Społecznej ${tag}`
    const preview = await previewOf(
      Buffer.from(['Nazwa;Rodzaj;Kod TERYT;Imię i nazwisko;E-mail osoby', `${name};KIS;2469011;Ewa Źdźbło;ewa@@kis`].join('\r\n')),
      'osoba.csv',
    )
    const text = await pageText(preview)
    expect(text).toContain('osoba pominięta: nieprawidłowy e-mail „ewa@@kis”.')
    expect(text).not.toContain('nie zostanie zaimportowany')
    const done = await apply(preview)
    expect(done).toContain('Instytucje: dodano 1')
    expect(done).toContain('Osoby: dodano 0')
    const kis = db.select({ id: o.id }).from(o).where(eq(o.name, name)).get()!
    expect(db.select().from(schema.people).where(eq(schema.people.organisationId, kis.id)).all()).toEqual([])
  })

  it('refuses a file too big, a file that is no spreadsheet and an old .xls, saying why', async () => {
    const tooBig = await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 'duzy.csv')
    expect(tooBig.status).toBe(400)
    expect(textOf(await tooBig.text())).toContain('Plik jest za duży: może mieć najwyżej 5 MB.')
    const garbage = await upload(crypto.randomBytes(2000).fill(0, 0, 1), 'obraz.csv')
    expect(garbage.status).toBe(400)
    expect(textOf(await garbage.text())).toContain('To nie jest plik XLSX ani CSV.')
    const xls = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), 'stary.xls')
    expect(textOf(await xls.text())).toContain('To plik w starym formacie Excela (.xls).')
  })

  it('shows an upload only to its own officer, and the page only to the directory’s editors', async () => {
    const preview = await previewOf(csv, 'instytucje.csv')
    expect(await pageText(preview, cookies.otherOfficer)).toContain('Podgląd tego pliku wygasł albo został już zamknięty.')
    const foreignApply = await post(PAGE, { file: tokenOf(preview), intent: 'apply' }, { cookie: cookies.otherOfficer })
    expect(location(foreignApply)).toBe(preview)
    expect(await pageText(preview)).toContain('Podgląd importu: instytucje.csv')

    const signedOut = await get(PAGE)
    expect(signedOut.status).toBe(302)
    expect(location(signedOut)).toMatch(/^\/login\?redirectTo=/)
    expect((await get(PAGE, { cookie: cookies.member })).status).toBe(404)
    expect((await upload(csv, 'instytucje.csv', cookies.member)).status).toBe(404)
  })

  it('checks a REGON and NIP typed on the institution form, and says when the REGON is another institution’s', async () => {
    const form = { name: `Fundacja Regon ${tag}`, kind: 'ngo', municipalityCode: '2469011' }
    const typo = await post('/organisations/new', { ...form, regon: '123 456 786', nip: '123-456-32-19' }, { cookie: cookies.officer })
    expect(typo.status).toBe(400)
    const typoText = textOf(await typo.text())
    expect(typoText).toContain('Cyfra kontrolna REGON się nie zgadza')
    expect(typoText).toContain('Cyfra kontrolna NIP się nie zgadza')
    // 123456785 is the Powiatowy Urząd Pracy's, imported above.
    const taken = await post('/organisations/new', { ...form, regon: '123-456-785' }, { cookie: cookies.officer })
    expect(taken.status).toBe(400)
    expect(textOf(await taken.text())).toContain('Ten REGON ma już inna instytucja w katalogu.')
    const saved = await post('/organisations/new', { ...form, nip: 'PL 123-456-32-18' }, { cookie: cookies.officer })
    expect(saved.status).toBe(302)
    const page = await pageText(location(saved)!)
    expect(page).toContain('NIP 1234563218')
  })

  it('offers a template in XLSX and CSV that the import reads back', async () => {
    const xlsx = await get('/organisations/import/template.xlsx', { cookie: cookies.officer })
    expect(xlsx.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Instytucje', 'Objaśnienia', 'Rodzaje'])
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).text).toBe('Nazwa')
    const csvTemplate = await get('/organisations/import/template.csv', { cookie: cookies.officer })
    const bytes = Buffer.from(await csvTemplate.arrayBuffer())
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(bytes.toString('utf8')).toContain('Nazwa;Nazwa skrócona;Rodzaj;Kod TERYT')
  })

  it('imports back its own export, every institution unchanged and nothing written', async () => {
    const t = `eksport${crypto.randomBytes(4).toString('hex')}`
    // A REGON with a leading zero and its check digit right.
    const body = `0${String(crypto.randomInt(10_000_000)).padStart(7, '0')}`
    const sum = [8, 9, 2, 3, 4, 5, 6, 7].reduce((total, weight, i) => total + weight * Number(body[i]), 0)
    const regon = body + String((sum % 11) % 10)
    const institutions = [
      {
        name: `Fundacja "Dom; Serce" ${t}`,
        kind: 'ngo' as const,
        municipalityCode: '2469011',
        regon,
        street: 'ul. Mariacka 1',
        postalCode: '40-014',
        city: 'Katowice',
        phone: '+48 32 251 00 87',
        website: 'https://dom-serce.pl',
      },
      {
        name: `Miejski Ośrodek Pomocy Społecznej ${t}`,
        shortName: 'MOPS',
        kind: 'ops' as const,
        municipalityCode: '0201011',
        email: 'mops@mops.pl',
      },
      { name: `-Centrum Integracji ${t}`, kind: 'cis' as const, municipalityCode: '2469011' },
    ]
    for (const input of institutions) {
      const saved = createOrganisation({ input, actor: SYSTEM_ACTOR })
      if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors))
    }
    const exported = await get(`/organisations/export.csv?q=${t}`, { cookie: cookies.officer })
    expect(exported.status).toBe(200)
    const bytes = Buffer.from(await exported.arrayBuffer())
    expect(bytes.toString('utf8')).toContain(`;${regon};`)
    expect(bytes.toString('utf8')).toContain(';organizacja pozarządowa;')
    // What a spreadsheet would run as a formula is written as text, the way Excel marks it.
    expect(bytes.toString('utf8')).toContain(`'-Centrum Integracji ${t}`)

    const auditBefore = db.select({ id: schema.auditLog.id }).from(schema.auditLog).all().length
    const preview = await previewOf(bytes, 'instytucje.csv')
    const text = await pageText(preview)
    expect(text).toContain('Instytucje 0 0 0 3')
    const done = await apply(preview)
    expect(done).toContain('Nic nie zmieniono: katalog zgadza się z plikiem.')
    expect(db.select({ id: schema.auditLog.id }).from(schema.auditLog).all().length).toBe(auditBefore)
  })
})
