import { translator } from '~/i18n/messages'
import type { AgreementClause, AgreementPoint } from '~/models/agreement/clauses'
import type { Span } from '~/utils/markup'
import { drawParagraph, drawSectionHeading, drawTable, ensureSpace, group, tagged, type Doc } from '../layout'
import { contentWidth } from '../layout/space'
import { artifact } from '../layout/structure'
import { measureRichText, writeRichText, type TextRun } from '../layout/text'
import { drawVerification } from '../layout/verification'
import { COLOR, FONT, FONT_SIZE, LINE_GAP, SIGNATURE, SPACE } from '../theme'
import type { AgreementParagraphView, AgreementPdfView, AgreementRegisterView, AgreementSignatureBlockView } from './view'

const t = translator('pl')

/** Hanging indent of a clause's text after „1.”, and of a point's after „1)”: room for „10.” and „10)”. */
const CLAUSE_INDENT = SPACE.listIndent + 6
const POINT_INDENT = SPACE.listIndent + 6
/** Room for two lines: a clause or point never starts on the last line of a page. */
const TWO_LINES = 2 * (FONT_SIZE.body + LINE_GAP + 2)

const runsOf = (spans: readonly Span[]): TextRun[] => spans.map((span) => ({ text: span.text, bold: span.bold, italic: span.italic }))

/**
 * A cooperation agreement as Polish offices print one: the heading and title, „zawarte w dniu …
 * pomiędzy:” with the parties, the paragraphs (§) with their clauses and points, a signature
 * block per party, and on the signed record the register of signatures; then the verification
 * block when the version has a code.
 */
export function drawAgreement(doc: Doc, view: AgreementPdfView) {
  drawHeading(doc, view)
  drawParties(doc, view)
  for (const paragraph of view.paragraphs) drawAgreementParagraph(doc, paragraph)
  drawPartySignatures(doc, view.signatures)
  if (view.register) {
    doc.addPage()
    drawRegister(doc, view.register)
  }
  if (view.verification) drawVerification(doc, view.verification)
}

function centred(doc: Doc, text: string, { font, fontSize }: { font: string; fontSize: number }) {
  doc.fillColor(COLOR.text).font(font).fontSize(fontSize)
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center', lineGap: LINE_GAP })
}

function drawHeading(doc: Doc, view: AgreementPdfView) {
  tagged(doc, 'H1', () => centred(doc, view.heading, { font: FONT.bold, fontSize: FONT_SIZE.documentKind }))
  doc.y += SPACE.titleLines * 2
  if (view.title) {
    tagged(doc, 'P', () => centred(doc, view.title, { font: FONT.bold, fontSize: FONT_SIZE.bodyName }))
    doc.y += SPACE.titleLines
  }
  doc.font(FONT.regular).fillColor(COLOR.text)
  doc.x = doc.page.margins.left
  doc.y += SPACE.afterTitleBlock
}

/** „zawarte w dniu … pomiędzy:”, each party with its representatives and short name, „a” between them. */
function drawParties(doc: Doc, view: AgreementPdfView) {
  group(doc, 'Sect', () => {
    drawParagraph(doc, view.opening)
    view.parties.forEach((party, index) => {
      if (index > 0) drawParagraph(doc, view.between)
      drawParagraph(doc, [{ text: party.name, bold: true }, party.description])
    })
    if (view.parties.length) drawParagraph(doc, view.together)
  })
  doc.y += SPACE.afterParagraph
}

/** „§ 1” and its title centred above its clauses, kept with the first lines of them. */
function drawAgreementParagraph(doc: Doc, paragraph: AgreementParagraphView) {
  const width = contentWidth(doc)
  doc.font(FONT.bold).fontSize(FONT_SIZE.body)
  const headingHeight =
    doc.heightOfString(paragraph.number, { width, lineGap: LINE_GAP }) +
    (paragraph.title ? doc.heightOfString(paragraph.title, { width, lineGap: LINE_GAP }) : 0)
  if (doc.y > doc.page.margins.top) doc.y += SPACE.beforeSection
  ensureSpace(doc, headingHeight + SPACE.afterSection + TWO_LINES)
  group(doc, 'Sect', () => {
    tagged(doc, 'H2', () => {
      centred(doc, paragraph.number, { font: FONT.bold, fontSize: FONT_SIZE.body })
      if (paragraph.title) centred(doc, paragraph.title, { font: FONT.bold, fontSize: FONT_SIZE.body })
    })
    doc.font(FONT.regular)
    doc.x = doc.page.margins.left
    doc.y += SPACE.afterSection
    const numbered = paragraph.clauses.some((clause) => clause.number)
    if (numbered) group(doc, 'L', () => paragraph.clauses.forEach((clause) => drawClause(doc, clause)))
    else paragraph.clauses.forEach((clause) => drawClause(doc, clause))
  })
}

/** „1. text” with a hanging indent and its points below; a lone clause is a plain paragraph. */
function drawClause(doc: Doc, clause: AgreementClause) {
  const left = doc.page.margins.left
  const indent = clause.number ? CLAUSE_INDENT : 0
  const bodyWidth = contentWidth(doc) - indent
  const runs = runsOf(clause.spans)
  const hasText = runs.some((run) => typeof run !== 'string' && run.text.trim())
  ensureSpace(doc, hasText ? Math.min(measureRichText(doc, runs, bodyWidth), TWO_LINES) : TWO_LINES)
  const y = doc.y
  const body = () => {
    if (hasText) {
      tagged(doc, 'P', () => writeRichText(doc, runs, { x: left + indent, y, width: bodyWidth }))
      doc.y += SPACE.listItemGap
    }
    if (clause.points.length) drawPoints(doc, clause.points, left + indent)
  }
  if (clause.number) {
    const label = clause.number
    group(doc, 'LI', () => {
      tagged(doc, 'Lbl', () => {
        doc.fillColor(COLOR.text).font(FONT.regular).fontSize(FONT_SIZE.body)
        doc.text(label, left, y, { lineBreak: false })
      })
      doc.y = y
      group(doc, 'LBody', body)
    })
  } else {
    body()
  }
  doc.x = left
  doc.y += SPACE.afterParagraph - SPACE.listItemGap
}

/** „1) text”, „2) text”: the points of a clause, indented under its text. */
function drawPoints(doc: Doc, points: readonly AgreementPoint[], x: number) {
  const bodyWidth = doc.page.width - doc.page.margins.right - x - POINT_INDENT
  group(doc, 'L', () => {
    for (const point of points) {
      const runs = runsOf(point.spans)
      ensureSpace(doc, Math.min(measureRichText(doc, runs, bodyWidth), TWO_LINES))
      const y = doc.y
      group(doc, 'LI', () => {
        tagged(doc, 'Lbl', () => {
          doc.fillColor(COLOR.text).font(FONT.regular).fontSize(FONT_SIZE.body)
          doc.text(point.number, x, y, { lineBreak: false })
        })
        tagged(doc, 'LBody', () => writeRichText(doc, runs, { x: x + POINT_INDENT, y, width: bodyWidth }))
      })
      doc.x = doc.page.margins.left
      doc.y += SPACE.listItemGap
    }
  })
}

/**
 * A signature block per party, as printed agreements have them: the party's name, and for each
 * signatory a dotted line, „(podpis)”, the name and the position. Two parties sign side by side;
 * more are stacked. A party's block never splits across pages.
 */
function drawPartySignatures(doc: Doc, blocks: readonly AgreementSignatureBlockView[]) {
  if (!blocks.length) return
  const left = doc.page.margins.left
  const columnWidth = (contentWidth(doc) - SIGNATURE.columnGap) / 2
  const rows = blocks.length === 2 ? [blocks] : blocks.map((block) => [block])
  if (doc.y > doc.page.margins.top) doc.y += SIGNATURE.spaceBefore
  group(doc, 'Sect', () => {
    for (const row of rows) {
      ensureSpace(doc, Math.max(...row.map((block) => signatureBlockHeight(doc, block, columnWidth))))
      const top = doc.y
      let bottom = top
      row.forEach((block, index) => {
        doc.y = top
        drawSignatureBlock(doc, block, { x: left + index * (columnWidth + SIGNATURE.columnGap), width: columnWidth })
        bottom = Math.max(bottom, doc.y)
      })
      doc.x = left
      // Stacked parties stand apart as much as the blocks stand from the text.
      doc.y = bottom + (rows.length > 1 ? SIGNATURE.spaceBefore : SPACE.afterBlock)
    }
  })
  doc.font(FONT.regular).fillColor(COLOR.text)
}

/** A party that names no signatory still gets a line to sign on. */
const signatoriesOf = (block: AgreementSignatureBlockView) => (block.signatories.length ? block.signatories : [{ name: '', position: '' }])

const signatureLines = (signatory: { name: string; position: string }) =>
  [
    { text: t('agreement.pdf.signature'), color: COLOR.muted },
    { text: signatory.name, color: COLOR.text },
    { text: signatory.position, color: COLOR.muted },
  ].filter((line) => line.text.trim())

function signatureBlockHeight(doc: Doc, block: AgreementSignatureBlockView, width: number) {
  doc.font(FONT.bold).fontSize(FONT_SIZE.signature)
  const partyHeight = doc.heightOfString(block.party, { width, lineGap: LINE_GAP })
  doc.font(FONT.regular)
  const lineWidth = Math.min(SIGNATURE.lineWidth, width)
  return signatoriesOf(block).reduce(
    (sum, signatory) =>
      sum +
      SIGNATURE.signingSpace +
      LINE_GAP +
      signatureLines(signatory).reduce((lines, line) => lines + doc.heightOfString(line.text, { width: lineWidth, lineGap: LINE_GAP }), 0),
    partyHeight,
  )
}

function drawSignatureBlock(doc: Doc, block: AgreementSignatureBlockView, { x, width }: { x: number; width: number }) {
  const lineWidth = Math.min(SIGNATURE.lineWidth, width)
  group(doc, 'Div', () => {
    tagged(doc, 'P', () => {
      doc.fillColor(COLOR.text).font(FONT.bold).fontSize(FONT_SIZE.signature)
      doc.text(block.party, x, doc.y, { width, lineGap: LINE_GAP })
    })
    for (const signatory of signatoriesOf(block)) {
      const lineY = doc.y + SIGNATURE.signingSpace
      artifact(doc, () => {
        doc
          .moveTo(x, lineY)
          .lineTo(x + lineWidth, lineY)
          .lineWidth(SIGNATURE.lineThickness)
          .strokeColor(COLOR.text)
          .dash(1, { space: 2 })
          .stroke()
          .undash()
      })
      doc.y = lineY + LINE_GAP
      for (const line of signatureLines(signatory)) {
        tagged(doc, 'P', () => {
          doc.fillColor(line.color).font(FONT.regular).fontSize(FONT_SIZE.signature)
          doc.text(line.text, x, doc.y, { width: lineWidth, align: 'center', lineGap: LINE_GAP })
        })
      }
    }
  })
}

/** „Rejestr podpisów”: the signed PDF's SHA-256 and every signature with its method, time and evidence. */
function drawRegister(doc: Doc, register: AgreementRegisterView) {
  group(doc, 'Sect', () => {
    drawSectionHeading(doc, t('agreement.pdf.register'))
    drawParagraph(doc, register.frozenShaLabel)
    drawParagraph(doc, [{ text: register.frozenSha, bold: true }])
    if (!register.rows.length) {
      drawParagraph(doc, t('agreement.pdf.noSignatures'))
      return
    }
    drawTable(doc, {
      columns: [
        { header: t('agreement.pdf.col.number'), width: 1 },
        { header: t('agreement.pdf.col.signatory'), width: 5 },
        { header: t('agreement.pdf.col.method'), width: 4 },
        { header: t('agreement.pdf.col.signedAt'), width: 2.5 },
        { header: t('agreement.pdf.col.details'), width: 6 },
      ],
      rows: register.rows,
    })
  })
}
