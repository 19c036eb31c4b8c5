import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

/** One row of a sheet as the person who made it numbers it (the header is row 1), its cells as text. */
export type SheetRow = { line: number; cells: string[] }

export type SheetReading =
  | { ok: true; format: 'csv' | 'xlsx'; rows: SheetRow[] }
  | { ok: false; error: 'spreadsheet.unreadable' | 'spreadsheet.oldExcel' | 'spreadsheet.notText' | 'spreadsheet.unpacksTooBig' }
  | { ok: false; error: 'spreadsheet.tooManyRows'; rowCount: number }

/** What an XLSX may unpack to, and how much one of its parts may shrink when packed: a zip bomb passes either. */
export const XLSX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024
const XLSX_MAX_RATIO = 100
/** Parts this small may shrink as they like: no bomb fits in them. */
const RATIO_FROM_BYTES = 1024 * 1024

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] // .xls of Excel 97–2003
const UTF8_BOM = [0xef, 0xbb, 0xbf]

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte)

/**
 * Reads the first sheet of an XLSX workbook or a CSV file, told apart by their bytes, not by
 * the file's name. Rows with no text at all are left out; `line` keeps the place of every row
 * kept, so that a message can point at it.
 */
export async function readSpreadsheet(bytes: Buffer, { maxRows }: { maxRows: number }): Promise<SheetReading> {
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, maxRows)
  if (startsWith(bytes, OLE_MAGIC)) return { ok: false, error: 'spreadsheet.oldExcel' }
  const text = decodeText(bytes)
  if (text === null) return { ok: false, error: 'spreadsheet.notText' }
  return readCsv(text)
}

/**
 * UTF-8 (with or without the BOM Excel writes for „CSV UTF-8”) when the bytes are valid
 * UTF-8; otherwise Windows-1250, what Polish Excel writes for plain „CSV”. Binary data
 * (a NUL byte) is no CSV at all.
 */
export function decodeText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return new TextDecoder('windows-1250').decode(body)
  }
}

/** The delimiter used most in the header line (outside quotes): Polish Excel writes `;`. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '')
  const counts = ([';', ',', '\t'] as const).map((d) => ({ d, n: header.split(d).length - 1 }))
  return counts.reduce((best, c) => (c.n > best.n ? c : best), { d: ';' as const, n: 0 } as { d: ';' | ',' | '\t'; n: number }).d
}

function readCsv(text: string): SheetReading {
  try {
    const records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
    const rows = records
      .map(({ record, info }) => ({ line: info.lines, cells: record.map((cell) => cell.trim()) }))
      .filter((row) => row.cells.some(Boolean))
    return { ok: true, format: 'csv', rows }
  } catch {
    return { ok: false, error: 'spreadsheet.unreadable' }
  }
}

/** The sizes of a zip's entries as its central directory states them, or null when it has none readable (or is zip64). */
export function zipEntrySizes(bytes: Buffer): { packed: number; unpacked: number }[] | null {
  const EOCD = 0x06054b50
  const ENTRY = 0x02014b50
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const count = bytes.readUInt16LE(end + 10)
  const directoryAt = bytes.readUInt32LE(end + 16)
  if (count === 0xffff || directoryAt === 0xffffffff) return null
  const sizes: { packed: number; unpacked: number }[] = []
  let at = directoryAt
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ENTRY) return null
    const packed = bytes.readUInt32LE(at + 20)
    const unpacked = bytes.readUInt32LE(at + 24)
    if (packed === 0xffffffff || unpacked === 0xffffffff) return null
    sizes.push({ packed, unpacked })
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return sizes
}

/** Whether the workbook is safe to unpack in memory: checked on what the zip says before exceljs inflates it. */
function unpacksWithinLimits(sizes: { packed: number; unpacked: number }[]): boolean {
  const total = sizes.reduce((sum, size) => sum + size.unpacked, 0)
  const shrunk = sizes.some((size) => size.unpacked > RATIO_FROM_BYTES && size.unpacked > XLSX_MAX_RATIO * size.packed)
  return total <= XLSX_MAX_UNPACKED_BYTES && !shrunk
}

async function readXlsx(bytes: Buffer, maxRows: number): Promise<SheetReading> {
  const sizes = zipEntrySizes(bytes)
  if (!sizes) return { ok: false, error: 'spreadsheet.unreadable' }
  if (!unpacksWithinLimits(sizes)) return { ok: false, error: 'spreadsheet.unpacksTooBig' }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return { ok: false, error: 'spreadsheet.unreadable' }
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return { ok: false, error: 'spreadsheet.unreadable' }
  if (sheet.actualRowCount > maxRows) return { ok: false, error: 'spreadsheet.tooManyRows', rowCount: sheet.actualRowCount }
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell).trim()
    })
    const filled = Array.from(cells, (cell) => cell ?? '')
    if (filled.some(Boolean)) rows.push({ line, cells: filled })
  })
  return { ok: true, format: 'xlsx', rows }
}

/** A cell as its reader sees it: a link by its text, a formula by its result, a number without a thousands separator. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object' && 'hyperlink' in value) return String(value.text ?? '')
  if (typeof value === 'object' && 'result' in value) return value.result === undefined ? '' : String(value.result)
  return cell.text ?? ''
}
