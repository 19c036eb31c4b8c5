export { drawKeyValues, type KeyValueRow } from './key-value'
export { drawSignatures, type SignatureLine } from './signatures'
export { contentWidth, ensureSpace } from './space'
export { artifact, group, tagged } from './structure'
export { drawTable, type TableColumn, type TableData, type TableRow } from './table'
export {
  drawBulletList,
  drawParagraph,
  drawSectionHeading,
  type RichText,
  type TextRun,
} from './text'
export { drawTitleBlock, type TitleBlockData } from './title-block'
export type { Doc } from './types'
