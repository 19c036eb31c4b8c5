import crypto from 'node:crypto'
import { count, eq, like } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { applyImport, planImport, readImportFile, type ImportFile } from './directory-import.server'
import { createOrganisation } from './organisation.server'
import { buildTemplateCsv, buildTemplateXlsx } from './directory-import/template.server'

const actor = { userId: null, ip: '203.0.113.9' }
const o = schema.organisations

/** Text as Polish Excel saves „CSV (rozdzielany średnikami)”: Windows-1250, no BOM. */
function windows1250(text: string): Buffer {
  const table = new Map<string, number>()
  const decoder = new TextDecoder('windows-1250')
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte)
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch)!)))
}

async function read(bytes: Buffer, fileName = 'plik.csv'): Promise<ImportFile> {
  const reading = await readImportFile({ bytes, fileName })
  if (!reading.ok) throw new Error(reading.problem.key)
  return reading.file
}

/** A name no other test uses, so that each test's institutions are its own. */
const tag = () => crypto.randomBytes(3).toString('hex')

describe('directory import', () => {
  it('reads a Windows-1250 CSV with semicolons and says what is wrong with each row, in its column', async () => {
    const t = tag()
    const csv = [
      'Nazwa;Rodzaj;Kod TERYT;Gmina;Powiat;E-mail;REGON;NIP',
      `Gminny Ośrodek Pomocy Społecznej w Żółkiewce ${t};GOPS;2469011;;;gops@zolkiewka.pl;;`,
      `Fundacja Źdźbło ${t};fundacja;;Bielsko-Biała;m. Bielsko-Biała;biuro@zdzblo;123456786;1234563219`,
      `Powiatowy Urząd Pracy ${t};urząd skarbowy;9999999;;;;;`,
      `Centrum ${t};CIS;;Bielsk Podlaski;bielski;;;`,
    ].join('\r\n')
    const file = await read(windows1250(csv))
    const { rows, summary } = planImport(file)
    expect(rows.map((r) => r.name)).toEqual([
      `Gminny Ośrodek Pomocy Społecznej w Żółkiewce ${t}`,
      `Fundacja Źdźbło ${t}`,
      `Powiatowy Urząd Pracy ${t}`,
      `Centrum ${t}`,
    ])
    expect(rows[0]).toMatchObject({ line: 2, problems: [], municipalityCode: '2469011', organisation: { action: 'create' } })
    expect(rows[1]!.problems).toEqual([
      { key: 'validation.email', column: 'email' },
      { key: 'validation.regonCheckDigit', column: 'regon' },
      { key: 'validation.nipCheckDigit', column: 'nip' },
    ])
    expect(rows[1]!.municipalityCode).toBe('2461011')
    expect(rows[2]!.problems).toEqual([
      { key: 'directoryImport.problem.kindUnknown', column: 'kind', params: { value: 'urząd skarbowy' } },
      { key: 'directoryImport.problem.terytUnknown', column: 'teryt', params: { code: '9999999' } },
    ])
    expect(rows[3]!.problems).toEqual([
      {
        key: 'directoryImport.problem.municipalityAmbiguous',
        column: 'municipality',
        params: { municipality: 'Bielsk Podlaski', county: 'bielski' },
      },
    ])
    expect(summary).toMatchObject({ rows: 4, withProblems: 3, organisations: { create: 1 } })
  })

  it('adds institutions and their people in one go with audit rows, and a second run of the same file changes nothing', async () => {
    const t = tag()
    const csv = [
      'nazwa,rodzaj,kod teryt,ulica,kod pocztowy,miejscowość,regon,imię i nazwisko,stanowisko,e-mail osoby',
      `"Miejski Ośrodek Pomocy Społecznej ${t}",MOPS,2469011,"ul. Jagiellońska 17",40032,Katowice,276612344,Anna Nowak,Dyrektor,anna@mops.pl`,
      `"Miejski Ośrodek Pomocy Społecznej ${t}",,2469011,,,,,Jan Kowalski,,jan@mops.pl`,
      `"PCPR ${t}",pcpr,246901,,,,,,,`,
    ].join('\n')
    const bytes = Buffer.from(`\uFEFF${csv}`, 'utf8')
    const before = db.select({ n: count() }).from(schema.auditLog).get()!.n

    const first = applyImport({ file: await read(bytes), actor })
    expect(first.organisations).toEqual({ create: 2, update: 0, skip: 0, unchanged: 0 })
    expect(first.people).toEqual({ create: 2, update: 0, skip: 0, unchanged: 0 })
    const mops = db.select().from(o).where(eq(o.regon, '276612344')).get()!
    expect(mops).toMatchObject({
      name: `Miejski Ośrodek Pomocy Społecznej ${t}`,
      kind: 'ops',
      postalCode: '40-032',
      municipalityCode: '2469011',
    })
    const people = db.select().from(schema.people).where(eq(schema.people.organisationId, mops.id)).all()
    expect(people.map((p) => [p.name, p.position, p.email])).toEqual([
      ['Anna Nowak', 'Dyrektor', 'anna@mops.pl'],
      ['Jan Kowalski', null, 'jan@mops.pl'],
    ])
    const audit = db.select().from(schema.auditLog).all().slice(before)
    expect(audit.map((a) => a.action).sort()).toEqual([
      'directory.imported',
      'organisation.created',
      'organisation.created',
      'person.created',
      'person.created',
    ])

    const second = applyImport({ file: await read(bytes), actor })
    expect(second.organisations).toEqual({ create: 0, update: 0, skip: 0, unchanged: 2 })
    expect(second.people).toEqual({ create: 0, update: 0, skip: 0, unchanged: 2 })
    expect(db.select({ n: count() }).from(schema.auditLog).get()!.n).toBe(before + audit.length)
    expect(
      db
        .select({ n: count() })
        .from(o)
        .where(like(o.name, `%${t}`))
        .get()!.n,
    ).toBe(2)
  })

  it('matches an institution by REGON or by its folded name in its municipality, and updates it only when told to', async () => {
    const t = tag()
    const existing = createOrganisation({
      input: { name: `Stowarzyszenie Żółty Dom ${t}`, kind: 'ngo', municipalityCode: '2469011', email: 'stare@dom.pl' },
      actor,
    })
    if (!existing.ok) throw new Error('setup')
    const csv = ['Nazwa;Rodzaj;Kod TERYT;E-mail', `STOWARZYSZENIE ZOLTY  DOM ${t};NGO;2469011;nowe@dom.pl`].join('\n')
    const file = await read(Buffer.from(csv))
    expect(planImport(file).rows[0]).toMatchObject({
      organisation: { action: 'skip', id: existing.id, changes: ['name', 'email'] },
      choice: 'skip',
    })
    expect(applyImport({ file, actor }).organisations.skip).toBe(1)
    expect(db.select({ email: o.email }).from(o).where(eq(o.id, existing.id)).get()!.email).toBe('stare@dom.pl')

    file.choices.rows[2] = 'update'
    expect(applyImport({ file, actor }).organisations.update).toBe(1)
    expect(db.select({ email: o.email, name: o.name }).from(o).where(eq(o.id, existing.id)).get()).toEqual({
      email: 'nowe@dom.pl',
      name: `STOWARZYSZENIE ZOLTY DOM ${t}`,
    })
  })

  it('refuses a REGON that another institution holds, and rows of one institution that disagree', async () => {
    const t = tag()
    const holder = createOrganisation({
      input: { name: `Holder ${t}`, kind: 'other', municipalityCode: '2469011', regon: '123456785' },
      actor,
    })
    expect(holder.ok).toBe(true)
    createOrganisation({ input: { name: `Other ${t}`, kind: 'other', municipalityCode: '2469011' }, actor })
    const csv = [
      'Nazwa;Rodzaj;Kod TERYT;REGON;E-mail',
      `Other ${t};inna;2469011;123456785;`,
      `Nowa ${t};inna;2469011;;a@b.pl`,
      `Nowa ${t};inna;2469011;;c@d.pl`,
    ].join('\n')
    const { rows } = planImport(await read(Buffer.from(csv)))
    expect(rows[0]!.problems).toEqual([{ key: 'directoryImport.problem.regonOfAnother', params: { name: `Holder ${t}` } }])
    expect(rows[1]!.problems).toEqual([])
    expect(rows[2]!.problems).toEqual([{ key: 'directoryImport.problem.rowsDisagree', params: { line: 3 } }])
  })

  it('reads an XLSX made by Excel: links as their text, numbers without their formatting, title lines above the header', async () => {
    const t = tag()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Arkusz1')
    sheet.addRow(['Wykaz instytucji powiatu'])
    sheet.addRow(['NAZWA', 'Rodzaj instytucji', 'TERYT', 'Strona WWW', 'E-mail', 'Uwagi'])
    sheet.addRow([
      `Powiatowy Urząd Pracy ${t}`,
      'Powiatowy urząd pracy',
      2469011,
      'pup.katowice.pl',
      { text: 'pup@pup.pl', hyperlink: 'mailto:pup@pup.pl' },
      'x',
    ])
    const file = await read(Buffer.from(await workbook.xlsx.writeBuffer()), 'wykaz.xlsx')
    expect(file.ignoredHeaders).toEqual(['Uwagi'])
    const { rows } = planImport(file)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ line: 3, problems: [], organisation: { action: 'create' } })
    applyImport({ file, actor })
    expect(
      db
        .select({ kind: o.kind, website: o.website, email: o.email })
        .from(o)
        .where(like(o.name, `%${t}`))
        .get(),
    ).toEqual({
      kind: 'pup',
      website: 'https://pup.katowice.pl',
      email: 'pup@pup.pl',
    })
  })

  it('reads its own templates back with no problems', async () => {
    for (const bytes of [await buildTemplateXlsx(), buildTemplateCsv()]) {
      const { rows } = planImport(await read(bytes))
      expect(rows.map((r) => r.problems)).toEqual([[], []])
      expect(rows[1]!.sameAs).toBe(2)
    }
  })

  it('refuses what is not a spreadsheet, and a sheet without the name column', async () => {
    expect(await readImportFile({ bytes: Buffer.from([0, 1, 2, 3, 0]), fileName: 'x.csv' })).toEqual({
      ok: false,
      problem: { key: 'spreadsheet.notText' },
    })
    expect(await readImportFile({ bytes: Buffer.from('PK\x03\x04garbage'), fileName: 'x.xlsx' })).toEqual({
      ok: false,
      problem: { key: 'spreadsheet.unreadable' },
    })
    expect(await readImportFile({ bytes: Buffer.from('a;b\n1;2\n'), fileName: 'x.csv' })).toEqual({
      ok: false,
      problem: { key: 'directoryImport.error.noHeader' },
    })
  })
})
