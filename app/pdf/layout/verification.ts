import { translator } from '~/i18n/messages'
import { formatDateTime } from '~/utils/format'
import { COLOR, FONT, FONT_SIZE, LINE_GAP, mm, SPACE } from '../theme'
import { drawQrCode, type QrDrawing } from './qr'
import { contentWidth, ensureSpace } from './space'
import { artifact, group, tagged } from './structure'
import type { Doc } from './types'

const t = translator('pl')

/** Side of the QR code with its quiet zone: about 21 mm of modules, well above scanners' minimum. */
export const QR_SIDE = mm(30)
const BOX_PADDING = 8

/** What a published document prints to be checked at /verify/:code. */
export interface VerificationView {
  /** „Kod weryfikacyjny: 7K3M9QW2XB4D” */
  codeLine: string
  url: string
  /** „Opublikowano 16.06.2009 r., godz. 12:00. Opublikował(a): Jan Kowalski” */
  publishedLine: string
  qrAlt: string
}

/** The verification block of a published document, in the words the PDF prints. */
export function verificationViewOf(publication: {
  code: string
  verifyUrl: string
  publishedAt: string
  publishedBy: string | null
}): VerificationView {
  return {
    codeLine: t('verify.pdf.code', { code: publication.code }),
    url: publication.verifyUrl,
    publishedLine: publication.publishedBy
      ? t('verify.pdf.published', { date: formatDateTime(publication.publishedAt), name: publication.publishedBy })
      : t('verify.pdf.publishedNoName', { date: formatDateTime(publication.publishedAt) }),
    qrAlt: t('verify.pdf.qrAlt', { url: publication.verifyUrl }),
  }
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
