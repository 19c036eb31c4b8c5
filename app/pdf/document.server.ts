import PDFDocument from 'pdfkit'

import { registerFonts, textOutline } from './fonts.server'
import { drawFooter, drawWatermark, footerMargin } from './layout/page-chrome'
import { beginStructure, endStructure } from './layout/structure'
import type { Doc } from './layout/types'
import { COLOR, CONTENT_WIDTH, DOCUMENT_LANGUAGE, FONT, LANDSCAPE_CONTENT_WIDTH, MARGIN, PAGE } from './theme'

export interface PdfMeta {
  title: string
  author: string
  subject: string
  keywords?: readonly string[]
  /** Written as the creation and modification date; it also seeds the file identifier. */
  createdAt: Date
  modifiedAt?: Date
}

export interface PdfOptions {
  /** A word printed diagonally behind every page, e.g. "PROJEKT" on drafts. */
  watermark?: string | null
  fundingNotice?: string | null
  /** Declares PDF/A-2b: XMP identification and an sRGB output intent. */
  pdfA?: boolean
  /** A4 on its side, for tables too wide for a portrait page. */
  landscape?: boolean
}

export interface RenderPdfInput {
  meta: PdfMeta
  options?: PdfOptions
  /** Draws the document's content with the helpers in ./layout; runs synchronously. */
  layout: (doc: Doc) => void
}

/**
 * Renders an A4 Narada document: embedded DejaVu fonts, Polish language, tagged structure, page
 * numbers and the funding notice in the footer, optional watermark and PDF/A-2b identification.
 * The same input always gives the same bytes (the published minutes are verified by SHA-256).
 */
export async function renderPdf({ meta, options = {}, layout }: RenderPdfInput): Promise<Buffer> {
  const fundingNotice = options.fundingNotice?.trim() || null
  const info = documentInfo(meta)
  const doc: Doc = new PDFDocument({
    size: PAGE.size,
    layout: options.landscape ? 'landscape' : 'portrait',
    pdfVersion: '1.7',
    ...(options.pdfA ? { subset: 'PDF/A-2b' as const } : {}),
    lang: DOCUMENT_LANGUAGE,
    tagged: true,
    displayTitle: true,
    // pdfkit fixes the trailer /ID when the document is created, as an MD5 of this info
    // (dates included), so a fixed CreationDate makes the whole file deterministic.
    info,
    autoFirstPage: false,
    bufferPages: true,
  })
  const bytes = collectBytes(doc)
  // Select fonts only by their registered names: pdfkit does not cache a font opened under a
  // second name (such as the `font` option's path), and reparses the file on every selection.
  registerFonts(doc)
  doc.options.margins = {
    ...MARGIN,
    bottom: Math.max(MARGIN.bottom, footerMargin(doc, fundingNotice, options.landscape ? LANDSCAPE_CONTENT_WIDTH : CONTENT_WIDTH)),
  }
  if (options.watermark?.trim()) {
    const outline = textOutline(options.watermark.trim(), FONT.bold)
    doc.on('pageAdded', () => drawWatermark(doc, outline))
  }
  doc.addPage()
  doc.font(FONT.regular).fillColor(COLOR.text)

  beginStructure(doc)
  layout(doc)
  endStructure(doc)

  const { start, count } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index)
    drawFooter(doc, { pageNumber: index - start + 1, pageCount: count, fundingNotice })
  }
  completeXmpMetadata(doc, meta)
  doc.end()
  return bytes
}

function documentInfo(meta: PdfMeta): PDFKit.DocumentInfo {
  // Every key must have a value: pdfkit hashes them all into the file identifier.
  return {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    ...(meta.keywords?.length ? { Keywords: meta.keywords.join(', ') } : {}),
    Creator: 'Narada',
    CreationDate: meta.createdAt,
    ModDate: meta.modifiedAt ?? meta.createdAt,
  }
}

function collectBytes(doc: Doc) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Uint8Array[] = []
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`

/**
 * pdfkit 0.20 writes the XMP packet from the info dictionary without escaping (a title with "&"
 * makes the packet invalid XML) and without xmp:ModifyDate, which PDF/A requires to match
 * /ModDate. Its endMetadata step runs after the info dictionary is written, so it is given
 * escaped values there and the missing properties are appended.
 */
function completeXmpMetadata(doc: Doc, meta: PdfMeta) {
  const endMetadata = doc.endMetadata.bind(doc)
  doc.endMetadata = () => {
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${xmpDate(meta.modifiedAt ?? meta.createdAt)}</xmp:ModifyDate>
            <xmp:MetadataDate>${xmpDate(meta.modifiedAt ?? meta.createdAt)}</xmp:MetadataDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:language><rdf:Bag><rdf:li>${DOCUMENT_LANGUAGE}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>`)
    const info = doc.info
    doc.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]))
    try {
      endMetadata()
    } finally {
      doc.info = info
    }
  }
}
