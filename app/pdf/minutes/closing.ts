import { translator } from '~/i18n/messages'
import { artifact, contentWidth, ensureSpace, group, tagged, type Doc } from '../layout'
import { drawQrCode, type QrDrawing } from '../layout/qr'
import { COLOR, FONT, FONT_SIZE, LINE_GAP, mm, SIGNATURE, SPACE } from '../theme'
import type { MinutesPdfView, VerificationView } from './view'

const t = translator('pl')

/** Side of the QR code with its quiet zone: about 21 mm of modules, well above scanners' minimum. */
export const QR_SIDE = mm(30)
const BOX_PADDING = 8
const SIGNING_LINE = mm(70)

/**
 * „Sporządził(a): …” and „Zatwierdził(a): …, 14.07.2009 r.”, one a line as in the sample
 * notes; a dotted line to fill in by hand where the name is not known yet.
 */
export function drawSignatureLines(doc: Doc, signatures: MinutesPdfView['signatures']) {
  const left = doc.page.margins.left
  const lines = [
    { label: t('verify.pdf.preparedBy'), name: signatures.preparedBy },
    { label: t('verify.pdf.approvedBy'), name: signatures.approvedBy },
  ]
  const lineHeight = FONT_SIZE.body + LINE_GAP + 2
  if (doc.y > doc.page.margins.top) doc.y += SIGNATURE.spaceBefore
  ensureSpace(doc, lines.length * (lineHeight + SPACE.afterParagraph) + SIGNATURE.signingSpace)
  group(doc, 'Sect', () => {
    for (const line of lines) {
      const label = `${line.label}:`
      const y = doc.y
      tagged(doc, 'P', () => {
        doc.fillColor(COLOR.text).font(FONT.bold).fontSize(FONT_SIZE.body)
        if (line.name) {
          doc.text(`${label} `, left, y, { continued: true, lineGap: LINE_GAP, width: contentWidth(doc) })
          doc.font(FONT.regular).text(line.name)
        } else {
          doc.text(label, left, y, { lineGap: LINE_GAP, width: contentWidth(doc) })
        }
      })
      if (!line.name) {
        const x = left + doc.font(FONT.bold).widthOfString(label) + 6
        const lineY = y + FONT_SIZE.body + 1
        artifact(doc, () => {
          doc
            .moveTo(x, lineY)
            .lineTo(x + SIGNING_LINE, lineY)
            .lineWidth(SIGNATURE.lineThickness)
            .strokeColor(COLOR.text)
            .dash(1, { space: 2 })
            .stroke()
            .undash()
        })
      }
      doc.font(FONT.regular)
      doc.x = left
      doc.y += SPACE.afterParagraph + (line.name ? 0 : SIGNATURE.signingSpace / 2)
    }
  })
}

/**
 * The published version's seal, kept whole on the last page: the QR code of the verification
 * page beside the code, the page's address and who published the document when.
 */
export function drawVerification(doc: Doc, verification: VerificationView): QrDrawing {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const textX = left + QR_SIDE + BOX_PADDING
  const textWidth = width - QR_SIDE - 2 * BOX_PADDING
  const lines = [
    { text: t('verify.pdf.verificationHeading'), font: FONT.bold, color: COLOR.text },
    { text: verification.codeLine, font: FONT.bold, color: COLOR.text },
    { text: t('verify.pdf.checkAt'), font: FONT.regular, color: COLOR.text },
    { text: verification.url, font: FONT.regular, color: COLOR.text },
    { text: verification.publishedLine, font: FONT.regular, color: COLOR.muted },
  ]
  const textHeight = lines.reduce(
    (sum, line) =>
      sum + doc.font(line.font).fontSize(FONT_SIZE.body).heightOfString(line.text, { width: textWidth, lineGap: LINE_GAP }) + 2,
    0,
  )
  const boxHeight = Math.max(QR_SIDE, textHeight + 2 * BOX_PADDING)
  doc.y += SPACE.afterBlock
  ensureSpace(doc, boxHeight)
  const top = doc.y
  let drawing: QrDrawing | null = null
  group(doc, 'Sect', () => {
    artifact(doc, () => {
      doc.rect(left, top, width, boxHeight).lineWidth(0.75).strokeColor(COLOR.rule).stroke()
    })
    drawing = drawQrCode(doc, verification.url, { x: left, y: top + (boxHeight - QR_SIDE) / 2, side: QR_SIDE, alt: verification.qrAlt })
    doc.y = top + Math.max(BOX_PADDING, (boxHeight - textHeight) / 2)
    for (const line of lines) {
      tagged(doc, 'P', () => {
        doc.fillColor(line.color).font(line.font).fontSize(FONT_SIZE.body)
        doc.text(line.text, textX, doc.y, { width: textWidth, lineGap: LINE_GAP })
      })
      doc.y += 2
    }
  })
  doc.font(FONT.regular).fillColor(COLOR.text)
  doc.x = left
  doc.y = top + boxHeight + SPACE.afterBlock
  return drawing!
}
