import ExcelJS from 'exceljs'

type Cell = string | number | null | undefined

/**
 * A one-sheet XLSX workbook: a bold, frozen header row and columns as wide as their text (up to
 * a limit). Every cell is written as a value, never as a formula: a text that begins with `=`,
 * `+`, `-` or `@` stays text, so a spreadsheet opening the file runs nothing (exceljs writes a
 * string as a shared string; only `{ formula }` values become formulas). That is why the `'` that
 * csvField puts before such a text is not needed here: it would end up in the cell.
 */
export async function xlsxFile(sheetName: string, header: string[], rows: Iterable<Cell[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Narada'
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(header.map(xlsxText)).font = { bold: true }
  const widths = header.map((h) => h.length)
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? '' : typeof cell === 'string' ? xlsxText(cell) : cell)))
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell ?? '').length)))
  }
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = Math.min(Math.max(width + 2, 8), 60)))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * A text as OOXML stores it (ST_Xstring), so that it reads back exactly: exceljs writes a CR raw
 * (an XML parser reads it as LF) and drops other control characters, and a reader turns a literal
 * `_x000D_` into a CR. So a literal `_xHHHH_` gets its underscore escaped, and control characters
 * other than tab and LF are written as `_xHHHH_`, as Excel itself does.
 */
function xlsxText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\x00-\x08\x0B-\x1F\x7F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
}
