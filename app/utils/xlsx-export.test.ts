import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { xlsxFile } from './xlsx-export.server'

async function readBack(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as never)
  return workbook.worksheets[0]!
}

/** Every cell of a sheet as [value, isFormula], row by row, the empty ones included. */
function cellsOf(sheet: ExcelJS.Worksheet) {
  const rows: { value: ExcelJS.CellValue; formula: boolean }[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: { value: ExcelJS.CellValue; formula: boolean }[] = []
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push({ value: cell.value, formula: Boolean(cell.formula) || cell.type === ExcelJS.ValueType.Formula })
    })
    rows.push(cells)
  })
  return rows
}

describe('xlsxFile', () => {
  const dangerous = [
    '=HYPERLINK("http://x")',
    '+48 12 345 67 89',
    '-5',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    '=1+1\r\nwiersz',
    'Zażółć gęślą jaźń — ZAŻÓŁĆ GĘŚLĄ JAŹŃ',
    'x_x000D_y',
    '  spacje  ',
    'a\u0007b',
  ]

  it('writes texts that look like formulas as text, exactly as they were', async () => {
    const sheet = await readBack(
      await xlsxFile(
        'Odbiorcy',
        ['Nazwa', 'Liczba'],
        dangerous.map((text, i) => [text, i]),
      ),
    )
    const cells = cellsOf(sheet)
    expect(cells.flat().filter((cell) => cell.formula)).toEqual([])
    expect(cells.slice(1).map((row) => row[0]!.value)).toEqual(dangerous)
    expect(cells.slice(1).map((row) => row[1]!.value)).toEqual(dangerous.map((_, i) => i))
  })

  it('keeps the header bold and frozen, empty cells empty and the columns readable', async () => {
    const long = 'Ośrodek Pomocy Społecznej '.repeat(10)
    const sheet = await readBack(
      await xlsxFile('Wdrażanie zaleceń w powiatach i gminach województwa', ['Nazwa', 'Data', 'Uwagi'], [[long, '02.12.2026 14:30', null]]),
    )
    expect(sheet.name).toBe('Wdrażanie zaleceń w powiatach i')
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getRow(2).getCell(2).value).toBe('02.12.2026 14:30')
    expect(sheet.getRow(2).getCell(3).value ?? '').toBe('')
    expect(sheet.getColumn(1).width).toBe(60)
    expect(sheet.getColumn(2).width).toBe('02.12.2026 14:30'.length + 2)
    expect(sheet.getColumn(3).width).toBe(8)
  })
})
