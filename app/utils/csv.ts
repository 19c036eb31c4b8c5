/**
 * Files for spreadsheets as Polish Excel opens them by a double click: UTF-8 with a byte order
 * mark (without it Excel reads the bytes as Windows-1250), `;` between fields (the decimal
 * comma takes `,`), CRLF between lines, and RFC 4180 quoting.
 */
const BOM = '\uFEFF'
const DELIMITER = ';'

/** A field as it is, or in quotes (its quotes doubled) when it holds a delimiter, a quote or a line break. */
export function csvField(value: string | null | undefined): string {
  const text = value ?? ''
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole file: a header line and the rows. */
export function csvFile(header: string[], rows: Iterable<(string | null | undefined)[]>): string {
  const lines = [header.map(csvField).join(DELIMITER)]
  for (const row of rows) lines.push(row.map(csvField).join(DELIMITER))
  return `${BOM}${lines.join('\r\n')}\r\n`
}
