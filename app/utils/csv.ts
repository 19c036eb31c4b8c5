/**
 * Files for spreadsheets as Polish Excel opens them by a double click: UTF-8 with a byte order
 * mark (without it Excel reads the bytes as Windows-1250), `;` between fields (the decimal
 * comma takes `,`), CRLF between lines, and RFC 4180 quoting.
 */
const BOM = '\uFEFF'
const DELIMITER = ';'

/** A cell a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a CR (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/
/** A phone number („+48 12 345 67 89”) or a number („-5”, „3,5”) starts so too, and is no formula. */
const PHONE_OR_NUMBER = /^(?:\+?[\d ()-]+|-?\d+(?:[.,]\d+)?)$/

/**
 * A field as it is, or in quotes (its quotes doubled) when it holds a delimiter, a quote or a line
 * break. A cell that would start a formula gets a leading `'`, so that Excel shows it as text
 * instead of running it (CSV injection).
 */
export function csvField(value: string | null | undefined): string {
  const raw = value ?? ''
  const text = FORMULA_START.test(raw) && !PHONE_OR_NUMBER.test(raw) ? `'${raw}` : raw
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole file: a header line and the rows. */
export function csvFile(header: string[], rows: Iterable<(string | null | undefined)[]>): string {
  const lines = [header.map(csvField).join(DELIMITER)]
  for (const row of rows) lines.push(row.map(csvField).join(DELIMITER))
  return `${BOM}${lines.join('\r\n')}\r\n`
}
