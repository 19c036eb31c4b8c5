/** What a table column needs, in points, at one font size. */
export interface ColumnNeed {
  /** The widest word that may not be broken (with the cell's padding): below it a word splits. */
  min: number
  /** The widest line of the column written out without wrapping. */
  natural: number
  /** Relative share of room left over once every column has its natural width. */
  weight: number
}

/**
 * Column widths that fill `total` and never go below a column's longest word: each column gets
 * its `min`, the room left is shared in proportion to what each still lacks of its natural
 * width, and what remains after that in proportion to the weights. Null when the longest words
 * alone do not fit, so the caller can try a smaller font.
 */
export function columnWidths(columns: readonly ColumnNeed[], total: number): number[] | null {
  const minimum = columns.reduce((sum, column) => sum + column.min, 0)
  if (minimum > total) return null
  const lacking = columns.map((column) => Math.max(0, column.natural - column.min))
  const lack = lacking.reduce((sum, value) => sum + value, 0)
  const spare = total - minimum
  if (lack >= spare) return columns.map((column, index) => column.min + (lack ? (spare * lacking[index]!) / lack : 0))
  const weights = columns.reduce((sum, column) => sum + column.weight, 0)
  const rest = spare - lack
  return columns.map((column, index) => column.min + lacking[index]! + (weights ? (rest * column.weight) / weights : rest / columns.length))
}

/**
 * The pieces of a cell's text a line may not break inside: words, split after a hyphen that
 * joins letters („Źdźbło-|Łęcki”), as the line breaker of pdfkit allows; a hyphen before a
 * digit („2012-05”) does not break.
 */
export const unbreakablePieces = (text: string) =>
  text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=\p{L}-)(?=\p{L})/u))
    .filter(Boolean)
