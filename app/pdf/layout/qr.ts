import QRCode from 'qrcode'
import { COLOR } from '../theme'
import { tagged } from './structure'
import type { Doc } from './types'

/** A QR symbol as rows of dark runs: `[column, length]` pairs per row, `size` modules square. */
export interface QrMatrix {
  size: number
  rows: [column: number, length: number][][]
}

/** Where a QR code was drawn: its page (0-based), the top-left corner of its first module, the module's side. */
export interface QrDrawing extends QrMatrix {
  page: number
  x: number
  y: number
  module: number
}

/** Quiet zone the QR standard asks for around the symbol, in modules. */
export const QR_QUIET_ZONE = 4

/** The modules of the QR code of `text` (error correction M), dark runs merged row by row. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const rows: QrMatrix['rows'] = []
  for (let row = 0; row < modules.size; row++) {
    const runs: [number, number][] = []
    let start = -1
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column)
      if (dark && start < 0) start = column
      if (!dark && start >= 0) {
        runs.push([start, column - start])
        start = -1
      }
    }
    rows.push(runs)
  }
  return { size: modules.size, rows }
}

/**
 * Draws the QR code of `text` as filled rectangles (vector, no image), `side` points square
 * including the quiet zone, its top-left corner at (x, y). Tagged as a figure whose
 * alternative text is `alt`. Gives the matrix drawn and where.
 */
export function drawQrCode(doc: Doc, text: string, { x, y, side, alt }: { x: number; y: number; side: number; alt: string }): QrDrawing {
  const matrix = qrMatrix(text)
  const module = side / (matrix.size + 2 * QR_QUIET_ZONE)
  const origin = { x: x + QR_QUIET_ZONE * module, y: y + QR_QUIET_ZONE * module }
  tagged(
    doc,
    'Figure',
    () => {
      doc.save()
      matrix.rows.forEach((runs, row) => {
        for (const [column, length] of runs) doc.rect(origin.x + column * module, origin.y + row * module, length * module, module)
      })
      doc.fillColor(COLOR.text).fill()
      doc.restore()
    },
    { alt },
  )
  const { start, count } = doc.bufferedPageRange()
  return { ...matrix, page: start + count - 1, x: origin.x, y: origin.y, module }
}
