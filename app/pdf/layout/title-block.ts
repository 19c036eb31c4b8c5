import { COLOR, FONT, FONT_SIZE, LINE_GAP, SPACE } from '../theme'
import { contentWidth } from './space'
import { artifact, tagged } from './structure'
import type { Doc } from './types'

export interface TitleBlockData {
  /** "Program spotkania", "Lista obecności", "Notatka ze spotkania"… */
  documentKind: string
  /** The team: "Zespół doradczy ds. …" */
  bodyName: string
  /** Already formatted, e.g. "Kraków, 14–15 maja 2012 r." */
  dateLine: string
  /** Optional line under the team, e.g. the meeting's topic. */
  subtitle?: string | null
}

function centredLine(doc: Doc, text: string, font: string, fontSize: number, color: string) {
  const width = contentWidth(doc)
  doc.fillColor(color).font(font).fontSize(fontSize)
  doc.text(text, doc.page.margins.left, doc.y, { width, align: 'center', lineGap: LINE_GAP })
  doc.y += SPACE.titleLines
}

export function drawTitleBlock(doc: Doc, data: TitleBlockData) {
  tagged(doc, 'H1', () => centredLine(doc, data.documentKind, FONT.bold, FONT_SIZE.documentKind, COLOR.text))
  tagged(doc, 'P', () => centredLine(doc, data.bodyName, FONT.bold, FONT_SIZE.bodyName, COLOR.text))
  if (data.subtitle) {
    tagged(doc, 'P', () => centredLine(doc, data.subtitle ?? '', FONT.italic, FONT_SIZE.bodyName, COLOR.text))
  }
  tagged(doc, 'P', () => centredLine(doc, data.dateLine, FONT.regular, FONT_SIZE.dateLine, COLOR.muted))
  const left = doc.page.margins.left
  const y = doc.y + SPACE.titleLines
  artifact(doc, () => {
    doc
      .moveTo(left, y)
      .lineTo(left + contentWidth(doc), y)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke()
  })
  doc.font(FONT.regular).fillColor(COLOR.text)
  doc.x = left
  doc.y = y + SPACE.afterTitleBlock
}
