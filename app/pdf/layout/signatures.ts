import { COLOR, FONT, FONT_SIZE, LINE_GAP, SIGNATURE, SPACE } from '../theme'
import { contentWidth, ensureSpace } from './space'
import { artifact, group, tagged } from './structure'
import type { Doc } from './types'

export interface SignatureLine {
  /** "Sporządził(a)", "Zatwierdził(a)", "Za Miejski Ośrodek Pomocy Społecznej"… (a colon is added) */
  label: string
  /** Printed under the line; left out for a line to be filled in by hand. */
  name?: string | null
  /** A second line under the name, e.g. the position. */
  caption?: string | null
}

/**
 * Signature blocks, two to a row: the label, room to sign, a line, and the name under it.
 * A row of blocks is never split across pages.
 */
export function drawSignatures(doc: Doc, signatures: readonly SignatureLine[]) {
  const left = doc.page.margins.left
  const columnWidth = (contentWidth(doc) - (SIGNATURE.columns - 1) * SIGNATURE.columnGap) / SIGNATURE.columns
  const lineWidth = Math.min(SIGNATURE.lineWidth, columnWidth)

  const printedLines = (signature: SignatureLine) => {
    const lines: { text: string; color: string }[] = []
    if (signature.name) lines.push({ text: signature.name, color: COLOR.text })
    if (signature.caption) lines.push({ text: signature.caption, color: COLOR.muted })
    return lines
  }

  const blockHeight = (signature: SignatureLine) => {
    doc.font(FONT.bold).fontSize(FONT_SIZE.signature)
    const labelHeight = doc.heightOfString(`${signature.label}:`, {
      width: columnWidth,
      lineGap: LINE_GAP,
    })
    doc.font(FONT.regular)
    const linesHeight = printedLines(signature).reduce(
      (sum, line) => sum + doc.heightOfString(line.text, { width: lineWidth, lineGap: LINE_GAP }),
      0,
    )
    return labelHeight + SIGNATURE.signingSpace + LINE_GAP + linesHeight
  }

  if (doc.y > doc.page.margins.top) doc.y += SIGNATURE.spaceBefore
  group(doc, 'Sect', () => {
    for (let start = 0; start < signatures.length; start += SIGNATURE.columns) {
      const row = signatures.slice(start, start + SIGNATURE.columns)
      ensureSpace(doc, Math.max(...row.map(blockHeight)))
      const top = doc.y
      let bottom = top
      row.forEach((signature, index) => {
        const x = left + index * (columnWidth + SIGNATURE.columnGap)
        group(doc, 'Div', () => {
          tagged(doc, 'P', () => {
            doc.fillColor(COLOR.text).font(FONT.bold).fontSize(FONT_SIZE.signature)
            doc.text(`${signature.label}:`, x, top, { width: columnWidth, lineGap: LINE_GAP })
          })
          const lineY = doc.y + SIGNATURE.signingSpace
          artifact(doc, () => {
            doc
              .moveTo(x, lineY)
              .lineTo(x + lineWidth, lineY)
              .lineWidth(SIGNATURE.lineThickness)
              .strokeColor(COLOR.text)
              .dash(1, { space: 2 })
              .stroke()
              .undash()
          })
          doc.y = lineY + LINE_GAP
          for (const line of printedLines(signature)) {
            tagged(doc, 'P', () => {
              doc.fillColor(line.color).font(FONT.regular).fontSize(FONT_SIZE.signature)
              doc.text(line.text, x, doc.y, {
                width: lineWidth,
                align: 'center',
                lineGap: LINE_GAP,
              })
            })
          }
          bottom = Math.max(bottom, doc.y)
        })
      })
      doc.x = left
      doc.y = bottom + SPACE.afterBlock
    }
  })
  doc.font(FONT.regular).fillColor(COLOR.text)
}
