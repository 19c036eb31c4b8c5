import ExcelJS from 'exceljs'

type Cell = string | number | null | undefined

/**
 * A one-sheet XLSX workbook: a bold, frozen header row and columns as wide as their text (up to
 * a limit). Every cell is written as a value, never as a formula: a text that begins with `=`,
 * `+`, `-` or `@` stays text, so a spreadsheet opening the file runs nothing (exceljs writes a
 * string as a shared string; only `{ formula }` values become formulas).
 */
export async function xlsxFile(sheetName: string, header: string[], rows: Iterable<Cell[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Narada'
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(header).font = { bold: true }
  const widths = header.map((h) => h.length)
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? '' : cell)))
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell ?? '').length)))
  }
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = Math.min(Math.max(width + 2, 8), 60)))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
