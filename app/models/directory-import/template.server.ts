import ExcelJS from 'exceljs'
import { organisationKinds } from '#db/schema/enums'
import { pl } from '~/i18n/pl'
import { csvFile } from '~/utils/csv'
import { columnHeader, columnHeaders, importColumns, type ImportColumn } from './columns.server'

/** One institution with two of its people: the second row names only what tells the institution apart. */
const exampleRows: Partial<Record<ImportColumn, string>>[] = [
  {
    name: 'Miejski Ośrodek Pomocy Społecznej w Katowicach',
    shortName: 'MOPS Katowice',
    kind: 'MOPS',
    teryt: '2469011',
    municipality: 'Katowice',
    county: 'Katowice',
    voivodeship: 'śląskie',
    street: 'ul. Jana III Sobieskiego 7',
    postalCode: '40-082',
    city: 'Katowice',
    email: 'sekretariat@mops.katowice.pl',
    phone: '32 251 00 87',
    website: 'https://www.mops.katowice.pl',
    regon: '276612344',
    nip: '634-001-23-47',
    personName: 'Anna Nowak',
    personPosition: 'Dyrektor',
    personEmail: 'anna.nowak@mops.katowice.pl',
    personPhone: '32 251 00 88',
  },
  {
    name: 'Miejski Ośrodek Pomocy Społecznej w Katowicach',
    teryt: '2469011',
    personName: 'Jan Kowalski',
    personPosition: 'Kierownik Działu Pomocy Środowiskowej',
    personEmail: 'jan.kowalski@mops.katowice.pl',
  },
]

/** What each column holds, for the explanations sheet. */
const columnNotes: Record<ImportColumn, string> = {
  name: 'Wymagana. Pełna nazwa instytucji.',
  shortName: 'Skrót używany w porządku obrad, np. „MOPS Katowice”.',
  kind: 'Wymagana. Kod, nazwa albo skrót z arkusza „Rodzaje”, np. MOPS, GOPS, PCPR, PUP, „urząd gminy”.',
  teryt: 'Siedmiocyfrowy kod gminy z rejestru TERYT (TERC). Zamiast niego można podać gminę i powiat.',
  municipality: 'Nazwa gminy, gdy nie podano kodu TERYT.',
  county: 'Nazwa powiatu gminy („wadowicki” albo „powiat wadowicki”; miasto na prawach powiatu: jego nazwa).',
  voivodeship: 'Tylko dla czytelnika pliku; gminę wskazują kod TERYT albo gmina z powiatem.',
  street: 'Ulica i numer.',
  postalCode: 'W formacie 00-000.',
  city: 'Miejscowość (poczta).',
  email: 'Adres e-mail instytucji.',
  phone: 'Telefon instytucji, np. 32 251 00 87.',
  website: 'Adres strony, np. www.mops.katowice.pl.',
  regon: '9 lub 14 cyfr; kreski i spacje są dozwolone. Cyfra kontrolna jest sprawdzana.',
  nip: '10 cyfr; kreski i spacje są dozwolone. Cyfra kontrolna jest sprawdzana.',
  personName: 'Przedstawiciel instytucji. Kilka osób jednej instytucji: kilka wierszy z tą samą nazwą i gminą.',
  personPosition: 'Stanowisko osoby.',
  personEmail: 'Adres e-mail osoby.',
  personPhone: 'Telefon osoby.',
}

/** Columns of numbers a spreadsheet would otherwise strip of leading zeros. */
const textColumns: ImportColumn[] = ['teryt', 'postalCode', 'regon', 'nip', 'phone', 'personPhone']

const header = columnHeader

export async function buildTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Narada'
  const data = workbook.addWorksheet('Instytucje', { views: [{ state: 'frozen', ySplit: 1 }] })
  data.columns = importColumns.map((column) => ({
    header: header(column),
    key: column,
    width: Math.max(14, header(column).length + 4),
    style: textColumns.includes(column) ? { numFmt: '@' } : {},
  }))
  data.getRow(1).font = { bold: true }
  for (const row of exampleRows) data.addRow(row)

  const notes = workbook.addWorksheet('Objaśnienia')
  notes.columns = [
    { header: 'Kolumna', width: 22 },
    { header: 'Inne przyjmowane nagłówki', width: 40 },
    { header: 'Co wpisać', width: 90 },
  ]
  notes.getRow(1).font = { bold: true }
  for (const column of importColumns) notes.addRow([header(column), columnHeaders[column].slice(1).join(', '), columnNotes[column]])
  notes.addRow([])
  notes.addRow([
    '',
    '',
    'Instytucja z pliku jest tą z katalogu, która ma ten sam REGON albo tę samą nazwę w tej samej gminie. Pusta komórka niczego nie zmienia.',
  ])

  const kinds = workbook.addWorksheet('Rodzaje')
  kinds.columns = [
    { header: 'Kod', width: 12 },
    { header: 'Rodzaj', width: 60 },
  ]
  kinds.getRow(1).font = { bold: true }
  for (const kind of organisationKinds) kinds.addRow([kind, pl[`kind.${kind}`]])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The same header and rows as CSV the way Polish Excel opens it. */
export function buildTemplateCsv(): Buffer {
  return Buffer.from(
    csvFile(
      importColumns.map(header),
      exampleRows.map((row) => importColumns.map((column) => row[column])),
    ),
    'utf8',
  )
}
