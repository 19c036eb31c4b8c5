import { translator } from '~/i18n/messages'
import { artifact, contentWidth, ensureSpace, group, tagged, type Doc } from '../layout'
import { COLOR, FONT, FONT_SIZE, LINE_GAP, mm, SIGNATURE, SPACE } from '../theme'
import type { MinutesPdfView } from './view'

const t = translator('pl')

const SIGNING_LINE = mm(60)
const SIGNING_GAP = mm(8)

/**
 * „Sporządził(a): …” and „Zatwierdził(a): …, 14.07.2009 r.”, one a line as in the sample
 * notes, each with room and a dotted line to sign beside it, „podpis” under the line; in every
 * state the same, so that the approved copy can be signed as the draft could.
 */
export function drawSignatureLines(doc: Doc, signatures: MinutesPdfView['signatures']) {
  const left = doc.page.margins.left
  const lineX = left + contentWidth(doc) - SIGNING_LINE
  const textWidth = contentWidth(doc) - SIGNING_LINE - SIGNING_GAP
  const lines = [
    { label: t('verify.pdf.preparedBy'), name: signatures.preparedBy },
    { label: t('verify.pdf.approvedBy'), name: signatures.approvedBy },
  ]
  const textHeight = (line: (typeof lines)[number]) =>
    doc
      .font(FONT.bold)
      .fontSize(FONT_SIZE.body)
      .heightOfString(line.name ? `${line.label}: ${line.name}` : `${line.label}:`, { width: textWidth, lineGap: LINE_GAP })
  const captionHeight = FONT_SIZE.signature + LINE_GAP + 2
  const rowHeight = (line: (typeof lines)[number]) =>
    Math.max(SIGNATURE.signingSpace, textHeight(line)) + captionHeight + SPACE.afterParagraph
  if (doc.y > doc.page.margins.top) doc.y += SIGNATURE.spaceBefore
  ensureSpace(
    doc,
    lines.reduce((sum, line) => sum + rowHeight(line), 0),
  )
  group(doc, 'Sect', () => {
    for (const line of lines) {
      const label = `${line.label}:`
      const height = textHeight(line)
      const lineY = doc.y + Math.max(SIGNATURE.signingSpace, height)
      const textTop = lineY - height
      tagged(doc, 'P', () => {
        doc.fillColor(COLOR.text).font(FONT.bold).fontSize(FONT_SIZE.body)
        if (line.name) {
          doc.text(`${label} `, left, textTop, { continued: true, lineGap: LINE_GAP, width: textWidth })
          doc.font(FONT.regular).text(line.name)
        } else {
          doc.text(label, left, textTop, { lineGap: LINE_GAP, width: textWidth })
        }
      })
      artifact(doc, () => {
        doc
          .moveTo(lineX, lineY)
          .lineTo(lineX + SIGNING_LINE, lineY)
          .lineWidth(SIGNATURE.lineThickness)
          .strokeColor(COLOR.text)
          .dash(1, { space: 2 })
          .stroke()
          .undash()
      })
      tagged(doc, 'P', () => {
        doc.fillColor(COLOR.muted).font(FONT.regular).fontSize(FONT_SIZE.signature)
        doc.text(t('verify.pdf.signature'), lineX, lineY + 2, { width: SIGNING_LINE, align: 'center', lineGap: LINE_GAP })
      })
      doc.font(FONT.regular).fontSize(FONT_SIZE.body).fillColor(COLOR.text)
      doc.x = left
      doc.y = lineY + captionHeight + SPACE.afterParagraph
    }
  })
}
