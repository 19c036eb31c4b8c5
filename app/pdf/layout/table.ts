import { COLOR, FONT, FONT_SIZE, LINE_GAP, SPACE, TABLE } from '../theme'
import { columnWidths, unbreakablePieces, type ColumnNeed } from './column-widths'
import { bodyHeight, contentWidth, ensureSpace, spaceLeft } from './space'
import { artifact, group, tagged } from './structure'
import type { Doc, TextAlign } from './types'

export interface TableColumn {
  header: string
  /**
   * Relative weight: every column is at least as wide as its longest word and its content asks
   * for; room left over is shared out in proportion to these.
   */
  width: number
  align?: TextAlign
}

/** A data row (one string per column) or a group heading spanning the table, e.g. an institution. */
export type TableRow = readonly string[] | { group: string }

export interface TableData {
  columns: readonly TableColumn[]
  rows: readonly TableRow[]
  /** Empty columns to sign in (one per day of a meeting); every row then gets room for a handwritten signature. */
  signatureColumns?: readonly { header: string; width: number }[]
}

interface Cell {
  text: string
  font: string
  align: TextAlign
  x: number
  width: number
}

const isGroupRow = (row: TableRow): row is { group: string } => !Array.isArray(row)

/** The table's columns and row heights as drawTable lays them out. */
function measureTable(doc: Doc, data: TableData) {
  const left = doc.page.margins.left
  const tableWidth = contentWidth(doc)
  const signatureColumns = data.signatureColumns ?? []
  const columns: TableColumn[] = [...data.columns, ...signatureColumns.map((column) => ({ ...column, align: 'center' as const }))]
  const { widths, fontSize } = sizeColumns(doc, data, columns, tableWidth)
  const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, width) => sum + width, 0))
  const minRowHeight = signatureColumns.length ? TABLE.signatureRowHeight : 0

  const textHeight = (text: string, width: number, font: string) => {
    doc.font(font).fontSize(fontSize)
    return doc.heightOfString(text || ' ', { width: width - 2 * TABLE.paddingX, lineGap: LINE_GAP })
  }
  const headerCells: Cell[] = columns.map((column, index) => ({
    text: column.header,
    font: FONT.bold,
    align: column.align ?? 'left',
    x: xs[index] ?? left,
    width: widths[index] ?? 0,
  }))
  const dataCells = (row: readonly string[]): Cell[] => {
    if (row.length !== data.columns.length) {
      throw new Error(`Table row has ${row.length} cells, expected ${data.columns.length}`)
    }
    return columns.map((column, index) => ({
      text: row[index] ?? '',
      font: FONT.regular,
      align: column.align ?? 'left',
      x: xs[index] ?? left,
      width: widths[index] ?? 0,
    }))
  }
  const groupCells = (label: string): Cell[] => [{ text: label, font: FONT.bold, align: 'left', x: left, width: tableWidth }]
  const rowHeight = (cells: Cell[], minimum = 0) =>
    Math.max(minimum, ...cells.map((cell) => textHeight(cell.text, cell.width, cell.font) + 2 * TABLE.paddingY))

  const headerHeight = rowHeight(headerCells)
  // A row taller than a whole page is clipped (with an ellipsis) rather than split.
  const maxRowHeight = bodyHeight(doc) - 2 * headerHeight
  const heightOf = (row: TableRow) =>
    Math.min(maxRowHeight, isGroupRow(row) ? rowHeight(groupCells(row.group)) : rowHeight(dataCells(row), minRowHeight))

  // Keeps a group heading (or the header row) together with the row after it.
  const withFollowingRow = (index: number) => {
    const next = data.rows[index + 1]
    return next && !isGroupRow(next) ? heightOf(next) : 0
  }

  const leadHeight = () => {
    const first = data.rows[0]
    return headerHeight + (first ? heightOf(first) + (isGroupRow(first) ? withFollowingRow(0) : 0) : 0)
  }
  return { left, tableWidth, fontSize, headerCells, dataCells, groupCells, rowHeight, headerHeight, heightOf, withFollowingRow, leadHeight }
}

/** What must fit under a heading for it to stay with the table: the header row and the first row. */
export const tableLeadHeight = (doc: Doc, data: TableData) => measureTable(doc, data).leadHeight()

/**
 * A table whose header row repeats on every page. Rows never split across pages: a row that does
 * not fit starts a new page, and a group heading is kept with its first row and repeated with
 * "(cd.)" when its rows continue on the next page.
 */
export function drawTable(doc: Doc, data: TableData) {
  const {
    left,
    tableWidth,
    fontSize,
    headerCells,
    dataCells,
    groupCells,
    rowHeight,
    headerHeight,
    heightOf,
    withFollowingRow,
    leadHeight,
  } = measureTable(doc, data)

  const drawRow = (cells: Cell[], height: number, { fill, cellTag }: { fill?: string; cellTag: 'TH' | 'TD' | null }) => {
    const y = doc.y
    artifact(doc, () => {
      if (fill) doc.rect(left, y, tableWidth, height).fill(fill)
      doc.lineWidth(TABLE.borderWidth).strokeColor(COLOR.tableBorder)
      for (const cell of cells) doc.rect(cell.x, y, cell.width, height).stroke()
    })
    const drawText = (cell: Cell) => {
      if (!cell.text) return
      doc.fillColor(COLOR.text).font(cell.font).fontSize(fontSize)
      doc.text(cell.text, cell.x + TABLE.paddingX, y + TABLE.paddingY, {
        width: cell.width - 2 * TABLE.paddingX,
        height: height - 2 * TABLE.paddingY + 1,
        align: cell.align,
        lineGap: LINE_GAP,
        ellipsis: true,
      })
    }
    if (cellTag) {
      group(doc, 'TR', () => {
        for (const cell of cells) {
          tagged(doc, cellTag, () => drawText(cell), cellTag === 'TH' ? { scope: 'Column' } : {})
        }
      })
    } else {
      // Repeated header and group rows are page furniture: the structure has them once.
      artifact(doc, () => cells.forEach(drawText), 'Pagination')
    }
    doc.x = left
    doc.y = y + height
  }

  const drawHeader = (repeated: boolean) =>
    drawRow(headerCells, headerHeight, {
      fill: COLOR.tableHeaderFill,
      cellTag: repeated ? null : 'TH',
    })
  const drawGroup = (label: string, repeated: boolean, height: number) =>
    drawRow(groupCells(label), height, {
      fill: COLOR.groupRowFill,
      cellTag: repeated ? null : 'TD',
    })

  const continueOnNewPage = (activeGroup: string | null) => {
    doc.continueOnNewPage()
    drawHeader(true)
    if (activeGroup !== null) {
      const label = activeGroup + TABLE.groupContinuedSuffix
      drawGroup(label, true, rowHeight(groupCells(label)))
    }
  }

  group(doc, 'Table', () => {
    ensureSpace(doc, leadHeight())
    drawHeader(false)
    let activeGroup: string | null = null
    data.rows.forEach((row, index) => {
      const height = heightOf(row)
      if (isGroupRow(row)) {
        if (height + withFollowingRow(index) > spaceLeft(doc)) continueOnNewPage(null)
        drawGroup(row.group, false, height)
        activeGroup = row.group
      } else {
        if (height > spaceLeft(doc)) continueOnNewPage(activeGroup)
        drawRow(dataCells(row), height, { cellTag: 'TD' })
      }
    })
  })
  doc.font(FONT.regular).fillColor(COLOR.text)
  doc.y += SPACE.afterBlock
}

/**
 * Widths from the content: no column narrower than its longest word, so lines wrap at spaces and
 * hyphens only. When the longest words do not fit side by side, the font shrinks, down to
 * TABLE.minFontSize; only a table whose words do not fit even then breaks inside a word.
 */
function sizeColumns(doc: Doc, data: TableData, columns: readonly TableColumn[], tableWidth: number) {
  const dataRows = data.rows.filter((row): row is readonly string[] => !isGroupRow(row))
  // Measured once at the table's size: text widths scale with the font size, padding does not.
  const measured = columns.map((column, index) => {
    const texts: [string, string][] = [
      [column.header, FONT.bold],
      ...(index < data.columns.length ? dataRows.map((row): [string, string] => [row[index] ?? '', FONT.regular]) : []),
    ]
    let word = 0
    let line = 0
    for (const [text, font] of texts) {
      doc.font(font).fontSize(FONT_SIZE.table)
      // pdfkit measures a word with the space after it.
      const space = doc.widthOfString(' ')
      for (const piece of unbreakablePieces(text)) word = Math.max(word, doc.widthOfString(piece) + space)
      for (const part of text.split('\n')) line = Math.max(line, doc.widthOfString(part) + space)
    }
    return { word, line, signing: index >= data.columns.length, weight: column.width }
  })
  const padding = 2 * TABLE.paddingX + TABLE.measureSlack
  const needsAt = (fontSize: number): ColumnNeed[] =>
    measured.map(({ word, line, signing, weight }) => {
      const scale = fontSize / FONT_SIZE.table
      const min = Math.max(word * scale + padding, signing ? TABLE.signatureMinWidth : 0)
      return { min, natural: Math.max(min, line * scale + padding), weight }
    })
  for (let fontSize = FONT_SIZE.table; fontSize >= TABLE.minFontSize; fontSize -= TABLE.fontStep) {
    const widths = columnWidths(needsAt(fontSize), tableWidth)
    if (widths) return { widths, fontSize }
  }
  const needs = needsAt(TABLE.minFontSize)
  const minimum = needs.reduce((sum, need) => sum + need.min, 0)
  return { widths: needs.map((need) => (need.min / minimum) * tableWidth), fontSize: TABLE.minFontSize }
}
