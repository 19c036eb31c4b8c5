import { translator } from '~/i18n/messages'
import { contentWidth, drawBulletList, drawSectionHeading, ensureSpace, tagged, type Doc } from '../layout'
import { COLOR, FONT, FONT_SIZE, LINE_GAP } from '../theme'
import type { ParticipantGroupView } from './view'

const t = translator('pl')
const LINE = FONT_SIZE.body + LINE_GAP + 2

/** „Uczestnicy”: each institution in bold, then its people with their positions. */
export function drawParticipants(doc: Doc, groups: readonly ParticipantGroupView[]) {
  if (groups.length === 0) return
  drawSectionHeading(doc, t('verify.pdf.participants'))
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  for (const group of groups) {
    doc.font(FONT.bold).fontSize(FONT_SIZE.body)
    // The institution stays with its first person.
    ensureSpace(doc, doc.heightOfString(group.organisation, { width, lineGap: LINE_GAP }) + LINE)
    tagged(doc, 'P', () => {
      doc.fillColor(COLOR.text).font(FONT.bold).fontSize(FONT_SIZE.body)
      doc.text(group.organisation, left, doc.y, { width, lineGap: LINE_GAP })
    })
    doc.font(FONT.regular)
    doc.y += 2
    drawBulletList(doc, group.people, { bullet: '–' })
  }
}
