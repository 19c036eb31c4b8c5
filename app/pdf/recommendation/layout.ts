import { translator } from '~/i18n/messages'
import { drawBulletList, drawParagraph, drawSectionHeading, drawTable, group, tagged, type Doc } from '../layout'
import { drawMarkup } from '../layout/markup'
import { contentWidth } from '../layout/space'
import { artifact, deferredGroup } from '../layout/structure'
import { drawVerification } from '../layout/verification'
import { COLOR, FONT, FONT_SIZE, LINE_GAP, SPACE } from '../theme'
import { ANNEX_KEY, SUMMARY_KEY, type RecommendationItemView, type RecommendationPdfView } from './view'

const t = translator('pl')

/** Room kept for a page number in the table of contents. */
const PAGE_NUMBER_WIDTH = 32
const ENTRY_GAP = SPACE.listItemGap * 2

const currentPage = (doc: Doc) => {
  const { start, count } = doc.bufferedPageRange()
  return start + count
}

/**
 * „Rekomendacje” laid out as a study (opracowanie): the title page, the table of contents, the
 * summary, the chapters with their numbered recommendations, the annex with the team during the
 * work and the addressees, and on a published version the verification block. The table of
 * contents is placed first and its pages kept; its entries are written there at the end, when
 * the page on which each part begins is known (one layout, not two).
 */
export function drawRecommendation(doc: Doc, view: RecommendationPdfView) {
  const found = new Map<string, number>()
  drawTitlePage(doc, view)
  doc.addPage()
  const writeContents = placeContents(doc, contentsEntries(view))
  doc.addPage()
  if (view.summary.length) {
    drawSectionHeading(doc, t('recommendation.pdf.summary'))
    found.set(SUMMARY_KEY, currentPage(doc))
    drawMarkup(doc, view.summary)
  }
  for (const chapter of view.chapters) {
    group(doc, 'Sect', () => {
      drawSectionHeading(doc, chapter.heading)
      found.set(chapter.key, currentPage(doc))
      drawMarkup(doc, chapter.blocks)
      for (const item of chapter.items) drawItem(doc, item)
    })
  }
  doc.addPage()
  group(doc, 'Sect', () => {
    drawSectionHeading(doc, view.annex.heading)
    found.set(ANNEX_KEY, currentPage(doc))
    drawSectionHeading(doc, t('recommendation.pdf.members'), { level: 3 })
    if (view.annex.members.length) {
      drawTable(doc, {
        columns: [
          { header: t('recommendation.pdf.col.number'), width: 1.2 },
          { header: t('recommendation.pdf.col.organisation'), width: 7 },
          { header: t('recommendation.pdf.col.delegate'), width: 4.5 },
          { header: t('recommendation.pdf.col.deputy'), width: 4.5 },
        ],
        rows: view.annex.members.map((member, index) => [`${index + 1}.`, member.organisation, member.delegate, member.deputy]),
      })
    } else {
      drawParagraph(doc, t('recommendation.pdf.noMembers'))
    }
    if (view.annex.addressees.length) {
      drawSectionHeading(doc, t('recommendation.pdf.documentAddressees'), { level: 3 })
      drawBulletList(doc, view.annex.addressees)
    }
    if (view.annex.files.length) {
      drawSectionHeading(doc, t('recommendation.pdf.annexFiles'), { level: 3 })
      drawBulletList(doc, view.annex.files)
    }
  })
  if (view.verification) drawVerification(doc, view.verification)
  const last = currentPage(doc)
  writeContents(found)
  doc.switchToPage(last - 1)
}

function centred(
  doc: Doc,
  type: string,
  text: string,
  { font, fontSize, color = COLOR.text }: { font: string; fontSize: number; color?: string },
) {
  const width = contentWidth(doc)
  tagged(doc, type, () => {
    doc.fillColor(color).font(font).fontSize(fontSize)
    doc.text(text, doc.page.margins.left, doc.y, { width, align: 'center', lineGap: LINE_GAP })
  })
  doc.y += SPACE.titleLines * 2
}

/** The title page: who convenes the team at the top, the title in the middle, number and adoption below. */
function drawTitlePage(doc: Doc, view: RecommendationPdfView) {
  const page = view.titlePage
  centred(doc, 'P', page.convener, { font: FONT.bold, fontSize: FONT_SIZE.bodyName })
  if (page.umbrella) centred(doc, 'P', page.umbrella, { font: FONT.italic, fontSize: FONT_SIZE.dateLine })
  centred(doc, 'P', page.bodyName, { font: FONT.regular, fontSize: FONT_SIZE.bodyName })
  doc.y = Math.max(doc.y, doc.page.margins.top + (doc.page.maxY() - doc.page.margins.top) * 0.3)
  centred(doc, 'P', page.documentKind, { font: FONT.bold, fontSize: FONT_SIZE.documentKind })
  centred(doc, 'H1', page.title, { font: FONT.bold, fontSize: FONT_SIZE.documentKind + 4 })
  const left = doc.page.margins.left
  const y = doc.y + SPACE.titleLines
  artifact(doc, () => {
    const width = contentWidth(doc)
    doc
      .moveTo(left + width / 4, y)
      .lineTo(left + (3 * width) / 4, y)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke()
  })
  doc.y = y + SPACE.afterTitleBlock
  centred(doc, 'P', page.numberLine, { font: FONT.bold, fontSize: FONT_SIZE.bodyName })
  if (page.adoptionLine) centred(doc, 'P', page.adoptionLine, { font: FONT.regular, fontSize: FONT_SIZE.dateLine, color: COLOR.muted })
  doc.font(FONT.regular).fillColor(COLOR.text)
  doc.x = left
}

type ContentsEntry = { key: string; text: string }

function contentsEntries(view: RecommendationPdfView): ContentsEntry[] {
  return [
    ...(view.summary.length ? [{ key: SUMMARY_KEY, text: t('recommendation.pdf.summary') }] : []),
    ...view.chapters.map((chapter) => ({ key: chapter.key, text: chapter.heading })),
    { key: ANNEX_KEY, text: view.annex.heading },
  ]
}

/**
 * „Spis treści”: writes the heading, works out where each entry will stand (keeping the pages it
 * needs), and gives the function that writes the entries there — each with a dotted leader to
 * the page its part begins on — once those pages are known.
 */
function placeContents(doc: Doc, entries: ContentsEntry[]): (found: Map<string, number>) => void {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const textWidth = width - PAGE_NUMBER_WIDTH - SPACE.keyValueGap
  const firstPage = currentPage(doc)
  tagged(doc, 'H2', () => {
    doc.fillColor(COLOR.text).font(FONT.bold).fontSize(FONT_SIZE.sectionHeading)
    doc.text(t('recommendation.pdf.contents'), left, doc.y, { width, lineGap: LINE_GAP })
  })
  doc.y += SPACE.afterSection * 2
  const toc = deferredGroup(doc, 'TOC')

  doc.font(FONT.regular).fontSize(FONT_SIZE.body)
  let page = 0
  let y = doc.y
  const places = entries.map((entry) => {
    const height = doc.heightOfString(entry.text, { width: textWidth, lineGap: LINE_GAP })
    if (y + height > doc.page.maxY() && y > doc.page.margins.top) {
      page++
      y = doc.page.margins.top
    }
    const place = { page, y }
    y += height + ENTRY_GAP
    return place
  })
  for (let extra = 0; extra < page; extra++) doc.addPage()

  return (found) =>
    toc.fill(() =>
      entries.forEach((entry, index) => {
        const place = places[index]!
        doc.switchToPage(firstPage - 1 + place.page)
        drawContentsEntry(doc, entry.text, String(found.get(entry.key) ?? ''), { y: place.y, textWidth })
      }),
    )
}

function drawContentsEntry(doc: Doc, text: string, pageNumber: string, { y, textWidth }: { y: number; textWidth: number }) {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  group(doc, 'TOCI', () => {
    tagged(doc, 'Reference', () => {
      doc.fillColor(COLOR.text).font(FONT.regular).fontSize(FONT_SIZE.body)
      doc.text(text, left, y, { width: textWidth, lineGap: LINE_GAP })
    })
    const lastLineY = doc.y - FONT_SIZE.body - LINE_GAP
    artifact(doc, () => {
      const lastLineWidth = Math.min(textWidth, doc.widthOfString(lastLineOf(doc, text, textWidth)))
      doc
        .moveTo(left + lastLineWidth + 4, lastLineY + FONT_SIZE.body - 1)
        .lineTo(left + width - PAGE_NUMBER_WIDTH, lastLineY + FONT_SIZE.body - 1)
        .lineWidth(0.5)
        .strokeColor(COLOR.muted)
        .dash(1, { space: 2 })
        .stroke()
        .undash()
    })
    tagged(doc, 'Lbl', () => {
      doc.fillColor(COLOR.text).font(FONT.regular).fontSize(FONT_SIZE.body)
      doc.text(pageNumber, left + width - PAGE_NUMBER_WIDTH, lastLineY, { width: PAGE_NUMBER_WIDTH, align: 'right', lineBreak: false })
    })
  })
}

/** The last line of `text` wrapped to `width`: where its dotted leader begins. */
function lastLineOf(doc: Doc, text: string, width: number): string {
  let line = ''
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word
    line = doc.widthOfString(candidate) > width ? word : candidate
  }
  return line
}

/** „1.2. Title”, its text, and its own addressees and time frame when it names them. */
function drawItem(doc: Doc, item: RecommendationItemView) {
  drawSectionHeading(doc, item.heading, { level: 3 })
  drawMarkup(doc, item.blocks)
  const notes = [item.addressees, item.timeFrame].filter((note): note is string => !!note)
  for (const note of notes) drawParagraph(doc, [{ text: note, italic: true }])
  if (notes.length === 0 && item.blocks.length === 0) doc.y += SPACE.afterParagraph
  doc.x = doc.page.margins.left
}
