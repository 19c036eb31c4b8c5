/// <reference types="pdfkit" />

/** The pdfkit document every layout helper draws on. */
export type Doc = PDFKit.PDFDocument

export type TextAlign = 'left' | 'center' | 'right'

/** Glyph outlines of a word, in font units, y pointing down, centred on (0, 0). */
export interface TextOutline {
  path: string
  width: number
  height: number
  unitsPerEm: number
}
