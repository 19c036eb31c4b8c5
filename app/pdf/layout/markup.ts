import type { Block, Span } from '~/utils/markup'
import { COLOR, FONT, FONT_SIZE, LINE_GAP, SPACE } from '../theme'
import { contentWidth, ensureSpace } from './space'
import { group, tagged } from './structure'
import { measureRichText, writeRichText, type TextRun } from './text'
import type { Doc } from './types'

const runsOf = (spans: readonly Span[]): TextRun[] => spans.map((span) => ({ text: span.text, bold: span.bold, italic: span.italic }))

/** Room for two lines: a paragraph or list item never starts on the last line of a page. */
const TWO_LINES = 2 * (FONT_SIZE.body + LINE_GAP + 2)

/**
 * Draws the text of minutes (app/utils/markup.ts): paragraphs and bullet or numbered lists,
 * with bold and italic runs written as one flow of pdfkit `continued` text.
 */
export function drawMarkup(doc: Doc, blocks: readonly Block[]) {
  for (const block of blocks) {
    if (block.kind === 'paragraph') drawMarkupParagraph(doc, block.spans)
    else drawMarkupList(doc, block.items, block.ordered)
  }
}

function drawMarkupParagraph(doc: Doc, spans: readonly Span[]) {
  const left = doc.page.margins.left
  ensureSpace(doc, TWO_LINES)
  tagged(doc, 'P', () => writeRichText(doc, runsOf(spans), { x: left, y: doc.y, width: contentWidth(doc) }))
  doc.x = left
  doc.y += SPACE.afterParagraph
}

function drawMarkupList(doc: Doc, items: readonly Span[][], ordered: boolean) {
  const left = doc.page.margins.left
  // Numbered lists make room for „10.”; bullets need less.
  const indent = ordered && items.length >= 10 ? SPACE.listIndent + 6 : SPACE.listIndent
  const bodyWidth = contentWidth(doc) - indent
  group(doc, 'L', () => {
    items.forEach((item, index) => {
      const runs = runsOf(item)
      ensureSpace(doc, Math.min(measureRichText(doc, runs, bodyWidth), TWO_LINES))
      const y = doc.y
      group(doc, 'LI', () => {
        tagged(doc, 'Lbl', () => {
          doc.fillColor(COLOR.text).font(FONT.regular).fontSize(FONT_SIZE.body)
          doc.text(ordered ? `${index + 1}.` : '•', left, y, { lineBreak: false })
        })
        tagged(doc, 'LBody', () => writeRichText(doc, runs, { x: left + indent, y, width: bodyWidth }))
      })
      doc.x = left
      doc.y += SPACE.listItemGap
    })
  })
  doc.y += SPACE.afterParagraph - SPACE.listItemGap
}
