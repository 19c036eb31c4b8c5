/**
 * Design tokens shared by every Narada PDF (agenda, attendance list, minutes, recommendations,
 * agreements). All lengths are PDF points: 72 per inch, about 2.835 per millimetre.
 */
export const mm = (millimetres: number) => (millimetres * 72) / 25.4

export const PAGE = { size: 'A4', width: 595.28, height: 841.89 } as const

/** Content margins; the bottom one grows when the footer (funding notice) needs more room. */
export const MARGIN = { top: mm(20), right: mm(20), bottom: mm(20), left: mm(25) } as const

export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const LANDSCAPE_CONTENT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right

/** BCP 47 tag written to the catalogue's /Lang and the XMP metadata. */
export const DOCUMENT_LANGUAGE = 'pl-PL'

/** Names under which the embedded font files are registered (see fonts.server.ts). */
export const FONT = {
  regular: 'NaradaSans',
  bold: 'NaradaSans-Bold',
  italic: 'NaradaSans-Italic',
  boldItalic: 'NaradaSans-BoldItalic',
} as const
export type FontName = (typeof FONT)[keyof typeof FONT]

export const FONT_SIZE = {
  documentKind: 16,
  bodyName: 12,
  dateLine: 10,
  sectionHeading: 12,
  subsectionHeading: 10.5,
  body: 10,
  table: 9,
  signature: 9,
  footer: 7.5,
  /** Largest watermark size; longer words are scaled down to fit the page diagonal. */
  watermark: 110,
} as const

/** Extra space between wrapped lines, in points. */
export const LINE_GAP = 2

/** Hex RGB only: PDF/A output uses an sRGB output intent, so no CMYK or grey operators. */
export const COLOR = {
  text: '#000000',
  muted: '#4d4d4d',
  rule: '#808080',
  tableBorder: '#808080',
  tableHeaderFill: '#e6e6e6',
  groupRowFill: '#f2f2f2',
  watermark: '#e3e3e3',
} as const

export const SPACE = {
  afterTitleBlock: 16,
  titleLines: 3,
  beforeSection: 12,
  afterSection: 6,
  afterParagraph: 6,
  listIndent: 14,
  listItemGap: 2,
  afterBlock: 10,
  keyValueLabelWidth: 120,
  keyValueGap: 8,
  keyValueRowGap: 3,
} as const

export const TABLE = {
  paddingX: 4,
  paddingY: 3,
  borderWidth: 0.5,
  /** Row height when the table has a signature column: room for a handwritten signature. */
  signatureRowHeight: mm(12),
  /** The narrowest column to sign in by hand. */
  signatureMinWidth: mm(22),
  /** A table too wide for its longest words shrinks its font by this step, down to minFontSize. */
  fontStep: 0.5,
  minFontSize: 7,
  /** Keeps a word measured to fit from wrapping on rounding in pdfkit's line breaker. */
  measureSlack: 0.5,
  /** Appended to a group row repeated at the top of a new page. */
  groupContinuedSuffix: ' (cd.)',
} as const

export const FOOTER = {
  /** Distance from the bottom edge of the page to the baseline area of the page number. */
  bottomOffset: mm(10),
  /** Gap between the lowest content and the footer rule. */
  gapAboveFooter: mm(5),
  lineSpacing: 3,
  ruleWidth: 0.5,
} as const

export const WATERMARK = {
  /** Degrees; negative turns the word to run from bottom-left to top-right. */
  angle: -55,
  /** Share of the page diagonal the word may cover at most. */
  maxDiagonalShare: 0.7,
} as const

export const SIGNATURE = {
  spaceBefore: 18,
  columns: 2,
  columnGap: mm(15),
  lineWidth: mm(60),
  /** Room above the line for a handwritten signature. */
  signingSpace: mm(12),
  lineThickness: 0.5,
} as const
