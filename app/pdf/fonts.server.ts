import { createRequire } from 'node:module'

import { openSync, type Font } from 'fontkit'
import type { Doc, TextOutline } from './layout/types'
import { FONT, type FontName } from './theme'

// Resolved through node_modules at run time rather than relative to this file: the server build
// lives in build/, and pdfkit is never bundled (see remix.config.js).
const resolveModule = createRequire(import.meta.url).resolve

/** DejaVu Sans: full Latin Extended-A coverage, so every Polish letter is in the embedded font. */
export const FONT_FILES: Record<FontName, string> = {
  [FONT.regular]: resolveModule('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  [FONT.bold]: resolveModule('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  [FONT.italic]: resolveModule('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  [FONT.boldItalic]: resolveModule('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf'),
}

/**
 * Registers the fonts as parsed fontkit fonts, shared by all documents: pdfkit (since 0.20) takes
 * them as they are, while a file path would be read and parsed again for every document.
 */
export function registerFonts(doc: Doc) {
  for (const name of Object.values(FONT)) {
    // @types/pdfkit 0.17 predates fontkit Font sources.
    doc.registerFont(name, openFont(name) as unknown as PDFKit.Mixins.PDFFontSource)
  }
}

const openedFonts = new Map<FontName, Font>()

function openFont(name: FontName): Font {
  let font = openedFonts.get(name)
  if (!font) {
    const opened = openSync(FONT_FILES[name])
    if (!('layout' in opened)) throw new Error(`${FONT_FILES[name]} is a font collection`)
    font = opened
    // fontkit keeps one glyph object per id, with the characters of whoever asked first; the
    // subsetter asks for the components of composite glyphs (E of Ę) with none, and pdfkit
    // then writes an empty ToUnicode entry: later documents lose that letter in text
    // extraction, and their bytes depend on what was rendered before. Asking for every
    // mapped glyph by its character first keeps both right. Ligatures (ﬁ) are left to the
    // layout, which gives them the letters they stand for.
    for (const codePoint of font.characterSet) if (!isPresentationForm(codePoint)) font.glyphForCodePoint(codePoint)
    openedFonts.set(name, font)
  }
  return font
}

/** Alphabetic Presentation Forms: the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ and their kin. */
const isPresentationForm = (codePoint: number) => codePoint >= 0xfb00 && codePoint <= 0xfb4f

/**
 * The watermark is drawn as outlines rather than text: diagonal text comes out of text extraction
 * as scattered fragments ("PR", "O", "JE", "KT") mixed into the body's lines.
 */
export function textOutline(text: string, fontName: FontName): TextOutline {
  const font = openFont(fontName)
  const run = font.layout(text)
  const { minX, minY, maxX, maxY } = run.bbox
  const centreX = (minX + maxX) / 2
  const centreY = (minY + maxY) / 2
  let penX = 0
  const parts: string[] = []
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index]
    if (!position) return
    const path = glyph.path.translate(penX + position.xOffset - centreX, position.yOffset - centreY).scale(1, -1)
    parts.push(path.toSVG())
    penX += position.xAdvance
  })
  return {
    path: parts.join(' '),
    width: maxX - minX,
    height: maxY - minY,
    unitsPerEm: font.unitsPerEm,
  }
}
