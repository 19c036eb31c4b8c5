import { COLOR, FONT, FONT_SIZE, FOOTER, WATERMARK } from '../theme'
import { contentWidth } from './space'
import { artifact } from './structure'
import type { Doc, TextOutline } from './types'

export interface FooterData {
  pageNumber: number
  pageCount: number
  /** The body's or project's funding notice, printed above the page number. */
  fundingNotice: string | null
}

export const pageLabel = (pageNumber: number, pageCount: number) => `Strona ${pageNumber} z ${pageCount}`

function noticeHeight(doc: Doc, notice: string | null, width: number) {
  if (!notice) return 0
  doc.font(FONT.regular).fontSize(FONT_SIZE.footer)
  return doc.heightOfString(notice, { width, align: 'center' }) + FOOTER.lineSpacing
}

/** The bottom margin that keeps content clear of the footer. */
export function footerMargin(doc: Doc, fundingNotice: string | null, width: number) {
  doc.font(FONT.regular).fontSize(FONT_SIZE.footer)
  const pageLabelHeight = doc.currentLineHeight(true)
  return FOOTER.bottomOffset + pageLabelHeight + noticeHeight(doc, fundingNotice, width) + FOOTER.lineSpacing + FOOTER.gapAboveFooter
}

/** Drawn on each page after the layout, when the page count is known. */
export function drawFooter(doc: Doc, data: FooterData) {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  doc.font(FONT.regular).fontSize(FONT_SIZE.footer)
  const labelHeight = doc.currentLineHeight(true)
  const labelY = doc.page.height - FOOTER.bottomOffset - labelHeight
  const noticeY = labelY - noticeHeight(doc, data.fundingNotice, width)
  const ruleY = noticeY - FOOTER.lineSpacing
  // Explicit heights keep pdfkit from starting a new page for text below the bottom margin.
  artifact(
    doc,
    () => {
      doc
        .moveTo(left, ruleY)
        .lineTo(left + width, ruleY)
        .lineWidth(FOOTER.ruleWidth)
        .strokeColor(COLOR.rule)
        .stroke()
      doc.fillColor(COLOR.muted).font(FONT.regular).fontSize(FONT_SIZE.footer)
      if (data.fundingNotice) {
        doc.text(data.fundingNotice, left, noticeY, {
          width,
          height: labelY - noticeY + 1,
          align: 'center',
        })
      }
      doc.text(pageLabel(data.pageNumber, data.pageCount), left, labelY, {
        width,
        height: labelHeight + 1,
        align: 'right',
      })
    },
    'Pagination',
  )
}

function rgbOperands(hex: string) {
  const value = Number.parseInt(hex.slice(1), 16)
  return [16, 8, 0].map((shift) => (((value >> shift) & 0xff) / 255).toFixed(3)).join(' ')
}

/**
 * A diagonal word behind the page's content. It is drawn when the page is added, so it must not
 * disturb the text flow in progress: it touches only the graphics state, inside save/restore, and
 * sets its colour with a raw operator so pdfkit's remembered fill colour stays as it was.
 */
export function drawWatermark(doc: Doc, outline: TextOutline) {
  const { width, height } = doc.page
  const diagonal = Math.hypot(width, height)
  const fontSize = Math.min(FONT_SIZE.watermark, (WATERMARK.maxDiagonalShare * diagonal * outline.unitsPerEm) / outline.width)
  const scale = fontSize / outline.unitsPerEm
  artifact(
    doc,
    () => {
      doc.save()
      doc.addContent(`${rgbOperands(COLOR.watermark)} rg`)
      doc
        .translate(width / 2, height / 2)
        .rotate(WATERMARK.angle)
        .scale(scale)
      doc.path(outline.path).fill()
      doc.restore()
    },
    'Pagination',
  )
}
