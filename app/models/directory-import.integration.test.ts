import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { count, eq, like } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db, schema } from '~/db.server'
import { applyImport, planImport, readImportFile, type ImportFile } from './directory-import.server'
import { createOrganisation, setOrganisationArchived } from './organisation.server'
import { keepImport, readKeptImport } from './directory-import/kept-file.server'
import { config } from '~/config.server'
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

/** A 9-digit REGON no other test holds, its check digit right; `first` is its first digit. */
function freshRegon(prefix = String(1 + crypto.randomInt(9))): string {
  const rest = 8 - prefix.length
  const body = prefix + String(crypto.randomInt(10 ** rest)).padStart(rest, '0')
  const sum = [8, 9, 2, 3, 4, 5, 6, 7].reduce((total, weight, i) => total + weight * Number(body[i]), 0)
  return body + String((sum % 11) % 10)
}

/** A zip of one entry, deflated: what an XLSX is, reduced to what a zip bomb needs. */
function zipOf(name: string, content: Buffer): Buffer {
  const packed = zlib.deflateRawSync(content)
  const nameBytes = Buffer.from(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(packed.length, 18)
  local.writeUInt32LE(content.length, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const entry = Buffer.alloc(46)
  entry.writeUInt32LE(0x02014b50, 0)
  entry.writeUInt16LE(20, 4)
  entry.writeUInt16LE(20, 6)
  entry.writeUInt16LE(8, 10)
  entry.writeUInt32LE(packed.length, 20)
  entry.writeUInt32LE(content.length, 24)
  entry.writeUInt16LE(nameBytes.length, 28)
  const directoryAt = local.length + nameBytes.length + packed.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(entry.length + nameBytes.length, 12)
  end.writeUInt32LE(directoryAt, 16)
  return Buffer.concat([local, nameBytes, packed, entry, nameBytes, end])
}

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

  it('leaves out only the person of a row whose person has a bad e-mail or no name, and imports its institution', async () => {
    const t = tag()
    const csv = [
      'Nazwa;Rodzaj;Kod TERYT;Imię i nazwisko;Stanowisko;E-mail osoby',
      `Ośrodek Wsparcia ${t};OPS;2469011;Ewa Źdźbło;Kierowniczka;ewa@@ops`,
      `Dom Pomocy ${t};OPS;2469011;;Dyrektor;`,
    ].join('\r\n')
    const { rows, summary } = planImport(await read(Buffer.from(csv)))
    expect(rows[0]).toMatchObject({
      problems: [],
      organisation: { action: 'create' },
      person: null,
      personProblems: [{ key: 'directoryImport.problem.personEmail', params: { value: 'ewa@@ops' } }],
    })
    expect(rows[1]).toMatchObject({
      problems: [],
      organisation: { action: 'create' },
      person: null,
      personProblems: [{ key: 'directoryImport.problem.personNameMissing', column: 'personName' }],
    })
    expect(summary).toMatchObject({ withProblems: 0, organisations: { create: 2 }, people: { create: 0 } })
    applyImport({ file: await read(Buffer.from(csv)), actor })
    const created = db
      .select({ id: o.id })
      .from(o)
      .where(like(o.name, `% ${t}`))
      .all()
    expect(created).toHaveLength(2)
    const people = db.select({ name: schema.people.name }).from(schema.people).all()
    expect(people.map((p) => p.name)).not.toContain('Ewa Źdźbło')
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

  it('refuses an XLSX that would unpack to too much, or whose part shrank suspiciously, before unpacking it', async () => {
    const huge = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024, 0x20))
    expect(huge.length).toBeLessThan(1024 * 1024)
    expect(await readImportFile({ bytes: huge, fileName: 'x.xlsx' })).toEqual({ ok: false, problem: { key: 'spreadsheet.unpacksTooBig' } })
    const dense = zipOf('xl/sharedStrings.xml', Buffer.alloc(10 * 1024 * 1024, 0x41))
    expect(await readImportFile({ bytes: dense, fileName: 'x.xlsx' })).toEqual({ ok: false, problem: { key: 'spreadsheet.unpacksTooBig' } })
  })

  it('refuses an XLSX with more rows than an import takes, counting its rows', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Arkusz1')
    sheet.addRow(['Nazwa', 'Rodzaj', 'Kod TERYT'])
    for (let i = 0; i < 10_010; i++) sheet.addRow([`Instytucja ${i}`, 'inna', '2469011'])
    const reading = await readImportFile({ bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: 'x.xlsx' })
    expect(reading).toEqual({
      ok: false,
      problem: { key: 'directoryImport.error.tooManyRows', params: { max: 10_000, count: 10_010 } },
    })
  })

  it("drops one leading ' of a cell: Excel's mark of text, and what the export writes before a formula-like cell", async () => {
    const t = tag()
    const csv = ['Nazwa;Rodzaj;Kod TERYT;Telefon', `'=Fundacja ${t};'inna;2469011;'+48 32 251 00 87`, `''Cytat ${t};inna;2469011;`].join(
      '\n',
    )
    const { rows } = planImport(await read(Buffer.from(csv)))
    expect(rows.map((r) => [r.name, r.problems])).toEqual([
      [`=Fundacja ${t}`, []],
      [`'Cytat ${t}`, []],
    ])
  })

  it('puts a REGON that lost its leading zero in a spreadsheet back together, when the check digit says so', async () => {
    const t = tag()
    // One zero lost, as Excel loses it: a second zero would be lost too, and that is not restored.
    const regon = freshRegon(`0${1 + crypto.randomInt(9)}`)
    const csv = [
      'Nazwa;Rodzaj;Kod TERYT;REGON',
      `Ośrodek ${t};OPS;2469011;${Number(regon)}`,
      `Inny ${t};OPS;2469011;${regon.slice(1, 8)}`,
    ].join('\n')
    const file = await read(Buffer.from(csv))
    const { rows } = planImport(file)
    expect(rows[0]!.problems).toEqual([])
    expect(rows[1]!.problems).toEqual([{ key: 'validation.regonLength', column: 'regon' }])
    applyImport({ file: { ...file, rows: file.rows.slice(0, 1) }, actor })
    expect(
      db
        .select({ regon: o.regon })
        .from(o)
        .where(like(o.name, `Ośrodek ${t}`))
        .get(),
    ).toEqual({ regon })
  })

  it('does not touch an institution in the archive: the row says to restore it first', async () => {
    const t = tag()
    const regon = freshRegon()
    const archived = createOrganisation({
      input: { name: `Archiwalna ${t}`, kind: 'ngo', municipalityCode: '2469011', regon, email: 'stary@a.pl' },
      actor,
    })
    const byName = createOrganisation({ input: { name: `Zamknięta ${t}`, kind: 'ngo', municipalityCode: '2469011' }, actor })
    if (!archived.ok || !byName.ok) throw new Error('setup')
    setOrganisationArchived({ id: archived.id, archived: true, actor })
    setOrganisationArchived({ id: byName.id, archived: true, actor })
    const csv = [
      'Nazwa;Rodzaj;Kod TERYT;REGON;E-mail',
      `Archiwalna ${t};NGO;2469011;${regon};nowy@a.pl`,
      `Zamknięta ${t};NGO;2469011;;`,
    ].join('\n')
    const file = await read(Buffer.from(csv))
    file.choices.all = 'update'
    const { rows, summary } = planImport(file)
    expect(rows.map((r) => r.problems)).toEqual([
      [{ key: 'directoryImport.problem.archived' }],
      [{ key: 'directoryImport.problem.archived' }],
    ])
    expect(summary.organisations).toEqual({ create: 0, update: 0, skip: 0, unchanged: 0 })
    applyImport({ file, actor })
    expect(db.select({ email: o.email }).from(o).where(eq(o.id, archived.id)).get()).toEqual({ email: 'stary@a.pl' })
  })

  it('refuses a second group of rows that points at an institution a first group already matched, so a second run changes nothing', async () => {
    const t = tag()
    const regon = freshRegon()
    const existing = createOrganisation({ input: { name: `Ośrodek ${t}`, kind: 'ops', municipalityCode: '2469011', regon }, actor })
    if (!existing.ok) throw new Error('setup')
    const csv = [
      'Nazwa;Rodzaj;Kod TERYT;REGON;E-mail',
      `Ośrodek ${t};OPS;2469011;;pierwszy@o.pl`,
      `Nowa nazwa ${t};OPS;2469011;${regon};drugi@o.pl`,
    ].join('\n')
    const file = await read(Buffer.from(csv))
    file.choices.all = 'update'
    const { rows } = planImport(file)
    expect(rows[0]).toMatchObject({ problems: [], organisation: { action: 'update', id: existing.id } })
    expect(rows[1]!.problems).toEqual([{ key: 'directoryImport.problem.sameInstitution', params: { line: 2 } }])
    expect(applyImport({ file, actor }).organisations.update).toBe(1)
    expect(applyImport({ file, actor }).organisations).toEqual({ create: 0, update: 0, skip: 0, unchanged: 1 })
    expect(db.select({ name: o.name, email: o.email }).from(o).where(eq(o.id, existing.id)).get()).toEqual({
      name: `Ośrodek ${t}`,
      email: 'pierwszy@o.pl',
    })
  })

  it('forgets a kept import left over two hours, and a stray temporary file, also when one is only read', () => {
    const dir = path.join(config.uploadsDir, 'imports')
    const token = keepImport({ userId: 1, data: { n: 1 } })
    const stale = keepImport({ userId: 1, data: { n: 2 } })
    const stray = path.join(dir, `${stale}.json.0a0b0c0d.tmp`)
    fs.writeFileSync(stray, '{}')
    const threeHoursAgo = new Date(Date.now() - 3 * 60 * 60 * 1000)
    fs.utimesSync(path.join(dir, `${stale}.json`), threeHoursAgo, threeHoursAgo)
    fs.utimesSync(stray, threeHoursAgo, threeHoursAgo)
    expect(readKeptImport({ token, userId: 1 })).toEqual({ n: 1 })
    expect(fs.existsSync(path.join(dir, `${stale}.json`))).toBe(false)
    expect(fs.existsSync(stray)).toBe(false)
  })

  it('updates the kind of an institution on „Zaktualizuj” when the file gives one, and leaves it when the cell is empty', async () => {
    const t = tag()
    const existing = createOrganisation({ input: { name: `Ośrodek ${t}`, kind: 'other', municipalityCode: '2469011' }, actor })
    if (!existing.ok) throw new Error('setup')
    const empty = await read(Buffer.from(['Nazwa;Rodzaj;Kod TERYT', `Ośrodek ${t};;2469011`].join('\n')))
    expect(planImport(empty).rows[0]).toMatchObject({ problems: [], organisation: { action: 'unchanged' } })
    const given = await read(Buffer.from(['Nazwa;Rodzaj;Kod TERYT', `Ośrodek ${t};GOPS;2469011`].join('\n')))
    given.choices.all = 'update'
    expect(planImport(given).rows[0]).toMatchObject({ organisation: { action: 'update', changes: ['kind'] } })
    applyImport({ file: given, actor })
    expect(db.select({ kind: o.kind }).from(o).where(eq(o.id, existing.id)).get()).toEqual({ kind: 'ops' })
  })
})
