import type { Doc } from './types'

export function contentWidth(doc: Doc) {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

export function bodyHeight(doc: Doc) {
  return doc.page.maxY() - doc.page.margins.top
}

export function spaceLeft(doc: Doc) {
  return doc.page.maxY() - doc.y
}

/** Starts a new page unless `height` points still fit; call it outside tagged content. */
export function ensureSpace(doc: Doc, height: number) {
  if (height > spaceLeft(doc) && doc.y > doc.page.margins.top) {
    doc.continueOnNewPage()
  }
  doc.x = doc.page.margins.left
}
