import { translator } from '~/i18n/messages'
import { drawSectionHeading, drawTable, type Doc } from '../layout'
import { drawMarkup } from '../layout/markup'
import type { MinutesPdfView, SectionView } from './view'

const t = translator('pl')

/** The minutes' sections in their order, each its title and its text. */
export function drawSections(doc: Doc, sections: readonly SectionView[]) {
  for (const section of sections) {
    if (section.title) drawSectionHeading(doc, section.title)
    drawMarkup(doc, section.blocks)
  }
}

/** „Ustalenia”: what was decided, and the table of action items with owners and due dates. */
export function drawDecisions(doc: Doc, decisions: MinutesPdfView['decisions']) {
  if (decisions.blocks.length === 0 && decisions.actionItems.length === 0) return
  drawSectionHeading(doc, decisions.title)
  drawMarkup(doc, decisions.blocks)
  if (decisions.actionItems.length === 0) return
  drawSectionHeading(doc, t('verify.pdf.actionItems'), { level: 3 })
  drawTable(doc, {
    columns: [
      { header: t('verify.pdf.col.number'), width: 1.2 },
      { header: t('verify.pdf.col.task'), width: 6.4 },
      { header: t('verify.pdf.col.owner'), width: 4 },
      { header: t('verify.pdf.col.due'), width: 3.4 },
      { header: t('verify.pdf.col.state'), width: 3 },
    ],
    rows: decisions.actionItems.map((item) => [item.number, item.text, item.owner, item.due, item.state]),
  })
}
