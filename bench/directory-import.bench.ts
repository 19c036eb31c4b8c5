import './support/setup'
import ExcelJS from 'exceljs'
import { bench, describe } from 'vitest'
import { config } from '~/config.server'
import { db, schema } from '~/db.server'
import { SYSTEM_ACTOR } from '~/models/audit.server'
import { applyImport, planImport, readImportFile } from '~/models/directory-import.server'
import { columnHeaders, importColumns, type ImportColumn } from '~/models/directory-import/columns.server'

const ROWS = 5_000
// Each sample writes 5,000 institutions and their people: a few samples say enough.
const TIMING = { time: 0, iterations: 5, warmupIterations: 1 }

if (!config.databasePath.includes('narada-bench-')) throw new Error(`Not the benchmark database: ${config.databasePath}`)
const codes = db
  .select({ code: schema.municipalities.code })
  .from(schema.municipalities)
  .all()
  .map((m) => m.code)
const kinds = ['MOPS', 'GOPS', 'PCPR', 'PUP', 'urząd gminy', 'fundacja', 'CIS']

/** A file of ROWS institutions, each with one person, as a secretary's export would be. */
function rowsOf(run: string): Partial<Record<ImportColumn, string>>[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    name: `Ośrodek Pomocy Społecznej nr ${i} ${run}`,
    kind: kinds[i % kinds.length],
    teryt: codes[i % codes.length],
    street: `ul. Łąkowa ${i % 200}`,
    postalCode: '40-001',
    city: 'Katowice',
    email: `ops${i}.${run}@example.pl`,
    phone: '32 259 38 00',
    personName: `Anna Nowak ${i}`,
    personPosition: 'Dyrektor',
  }))
}

async function xlsxOf(rows: Partial<Record<ImportColumn, string>>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Instytucje')
  sheet.addRow(importColumns.map((column) => columnHeaders[column][0]))
  for (const row of rows) sheet.addRow(importColumns.map((column) => row[column] ?? ''))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const csvOf = (rows: Partial<Record<ImportColumn, string>>[]) =>
  Buffer.from(
    [importColumns.map((column) => columnHeaders[column][0]), ...rows.map((row) => importColumns.map((column) => row[column] ?? ''))]
      .map((cells) => cells.join(';'))
      .join('\r\n'),
  )

async function read(bytes: Buffer) {
  const reading = await readImportFile({ bytes, fileName: 'bench' })
  if (!reading.ok) throw new Error(reading.problem.key)
  return reading.file
}

const baseRows = rowsOf('base')
const xlsx = await xlsxOf(baseRows)
const csv = csvOf(baseRows)
// The same file applied once already: what a second run of it finds.
const applied = await read(csv)
applyImport({ file: applied, actor: SYSTEM_ACTOR })
let run = 0

describe(`directory import of ${ROWS.toLocaleString('en')} rows`, () => {
  bench('read the XLSX and plan it (the preview)', async () => void planImport(await read(xlsx)), TIMING)
  bench('read the CSV and plan it (the preview)', async () => void planImport(await read(csv)), TIMING)
  bench(
    'read the CSV and apply it: 5,000 new institutions and people, with audit rows',
    async () => {
      run += 1
      applyImport({ file: await read(csvOf(rowsOf(`run${run}`))), actor: SYSTEM_ACTOR })
    },
    TIMING,
  )
  bench(
    'apply the same file again: everything unchanged, nothing written',
    () => void applyImport({ file: applied, actor: SYSTEM_ACTOR }),
    TIMING,
  )
})
