import { COLOR, FONT, FONT_SIZE, LINE_GAP, SPACE } from '../theme'
import { contentWidth, ensureSpace } from './space'
import { group, tagged } from './structure'
import type { Doc } from './types'

/** A run of text with simple emphasis; plain strings are regular text. */
export type TextRun = string | { text: string; bold?: boolean; italic?: boolean }
export type RichText = string | readonly TextRun[]

function faceOf({ bold, italic }: { bold?: boolean; italic?: boolean }) {
  if (bold) return italic ? FONT.boldItalic : FONT.bold
  return italic ? FONT.italic : FONT.regular
}

function runsOf(text: RichText): { text: string; font: string }[] {
  const runs = typeof text === 'string' ? [text] : text
  return runs.map((run) => (typeof run === 'string' ? { text: run, font: FONT.regular } : { text: run.text, font: faceOf(run) }))
}

export function plainText(text: RichText) {
  return runsOf(text)
    .map((run) => run.text)
    .join('')
}

/** Writes rich text at (x, y) wrapped to `width`, continuing onto new pages when needed. */
export function writeRichText(
  doc: Doc,
  text: RichText,
  { x, y, width, fontSize = FONT_SIZE.body }: { x: number; y: number; width: number; fontSize?: number },
) {
  const runs = runsOf(text).filter((run) => run.text !== '')
  doc.fillColor(COLOR.text).fontSize(fontSize)
  if (runs.length === 0) return
  runs.forEach((run, index) => {
    doc.font(run.font)
    const options = { width, lineGap: LINE_GAP, continued: index < runs.length - 1 }
    if (index === 0) doc.text(run.text, x, y, options)
    else doc.text(run.text, options)
  })
  doc.font(FONT.regular)
}

export function measureRichText(doc: Doc, text: RichText, width: number, fontSize = FONT_SIZE.body) {
  // Measured in the regular face: bold runs are slightly wider, so keep a line of slack.
  doc.font(FONT.regular).fontSize(fontSize)
  return doc.heightOfString(plainText(text), { width, lineGap: LINE_GAP })
}

/** keepWith: the height of what must stay on the heading's page, three lines of text unless told. */
export function drawSectionHeading(
  doc: Doc,
  text: string,
  { level = 2, keepWith = 3 * (FONT_SIZE.body + LINE_GAP + 2) }: { level?: 2 | 3; keepWith?: number } = {},
) {
  const fontSize = level === 2 ? FONT_SIZE.sectionHeading : FONT_SIZE.subsectionHeading
  const width = contentWidth(doc)
  doc.font(FONT.bold).fontSize(fontSize)
  const height = doc.heightOfString(text, { width, lineGap: LINE_GAP })
  if (doc.y > doc.page.margins.top) doc.y += SPACE.beforeSection
  ensureSpace(doc, height + SPACE.afterSection + keepWith)
  tagged(doc, level === 2 ? 'H2' : 'H3', () => {
    doc.fillColor(COLOR.text).font(FONT.bold).fontSize(fontSize)
    doc.text(text, doc.page.margins.left, doc.y, { width, lineGap: LINE_GAP })
  })
  doc.font(FONT.regular)
  doc.y += SPACE.afterSection
}

export function drawParagraph(doc: Doc, text: RichText) {
  const left = doc.page.margins.left
  ensureSpace(doc, 2 * (FONT_SIZE.body + LINE_GAP + 2))
  tagged(doc, 'P', () => writeRichText(doc, text, { x: left, y: doc.y, width: contentWidth(doc) }))
  doc.x = left
  doc.y += SPACE.afterParagraph
}

export function drawBulletList(doc: Doc, items: readonly RichText[], { bullet = '•' } = {}) {
  const left = doc.page.margins.left
  const bodyWidth = contentWidth(doc) - SPACE.listIndent
  group(doc, 'L', () => {
    for (const item of items) {
      ensureSpace(doc, Math.min(measureRichText(doc, item, bodyWidth), 2 * (FONT_SIZE.body + LINE_GAP + 2)))
      const y = doc.y
      group(doc, 'LI', () => {
        tagged(doc, 'Lbl', () => {
          doc.fillColor(COLOR.text).font(FONT.regular).fontSize(FONT_SIZE.body)
          doc.text(bullet, left, y, { lineBreak: false })
        })
        tagged(doc, 'LBody', () => writeRichText(doc, item, { x: left + SPACE.listIndent, y, width: bodyWidth }))
      })
      doc.x = left
      doc.y += SPACE.listItemGap
    }
  })
  doc.y += SPACE.afterParagraph - SPACE.listItemGap
}
