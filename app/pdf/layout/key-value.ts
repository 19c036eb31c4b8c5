import { COLOR, FONT, FONT_SIZE, LINE_GAP, SPACE } from '../theme'
import { contentWidth, ensureSpace } from './space'
import { group, tagged } from './structure'
import { measureRichText, writeRichText, type RichText } from './text'
import type { Doc } from './types'

export interface KeyValueRow {
  /** "Termin", "Miejsce", "Temat przewodni"… (a colon is added) */
  label: string
  value: RichText
}

/** Label/value pairs in two columns, e.g. the meeting's date, venue and convenor. */
export function drawKeyValues(
  doc: Doc,
  rows: readonly KeyValueRow[],
  { labelWidth = SPACE.keyValueLabelWidth }: { labelWidth?: number } = {},
) {
  const left = doc.page.margins.left
  const valueX = left + labelWidth
  const valueWidth = contentWidth(doc) - labelWidth
  const labelTextWidth = labelWidth - SPACE.keyValueGap
  group(doc, 'Table', () => {
    for (const row of rows) {
      const label = `${row.label}:`
      doc.font(FONT.bold).fontSize(FONT_SIZE.body)
      const labelHeight = doc.heightOfString(label, { width: labelTextWidth, lineGap: LINE_GAP })
      const valueHeight = measureRichText(doc, row.value, valueWidth)
      ensureSpace(doc, Math.max(labelHeight, Math.min(valueHeight, 3 * (FONT_SIZE.body + LINE_GAP + 2))))
      const y = doc.y
      const page = doc.page
      group(doc, 'TR', () => {
        tagged(
          doc,
          'TH',
          () => {
            doc.fillColor(COLOR.text).font(FONT.bold).fontSize(FONT_SIZE.body)
            doc.text(label, left, y, { width: labelTextWidth, lineGap: LINE_GAP })
          },
          { scope: 'Row' },
        )
        const labelBottom = doc.y
        tagged(doc, 'TD', () => writeRichText(doc, row.value, { x: valueX, y, width: valueWidth }))
        // A long value may have continued on the next page; the label then stayed behind.
        if (doc.page === page) doc.y = Math.max(doc.y, labelBottom)
      })
      doc.x = left
      doc.y += SPACE.keyValueRowGap
    }
  })
  doc.y += SPACE.afterBlock - SPACE.keyValueRowGap
}
