import { drawKeyValues, drawTitleBlock, type Doc, type KeyValueRow } from '../layout'
import { mm } from '../theme'
import { translator } from '~/i18n/messages'
import type { MinutesHeaderView } from './view'

const t = translator('pl')

/** „Notatka ze spotkania nr 3”, the team, „w dniu 16.06.2009 r.”, then the place and the topic. */
export function drawMinutesHeader(doc: Doc, header: MinutesHeaderView) {
  drawTitleBlock(doc, {
    documentKind: header.documentKind,
    bodyName: header.bodyName,
    subtitle: header.draftNote,
    dateLine: header.dateLine,
  })
  const rows: KeyValueRow[] = [
    ...(header.place ? [{ label: t('verify.pdf.place'), value: header.place }] : []),
    { label: t('verify.pdf.topic'), value: header.topic },
  ]
  drawKeyValues(doc, rows, { labelWidth: mm(22) })
}
