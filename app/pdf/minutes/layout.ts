import type { Doc } from '../layout'
import type { QrDrawing } from '../layout/qr'
import { drawVerification } from '../layout/verification'
import { drawSignatureLines } from './closing'
import { drawDecisions, drawSections } from './content'
import { drawMinutesHeader } from './header'
import { drawParticipants } from './participants'
import type { MinutesPdfView } from './view'

/**
 * „Notatka ze spotkania” laid out like the sample notes: the head, the participants by
 * institution, the sections, the decisions with the action items, the signature lines and,
 * on a published version, the verification block. Gives the QR matrix drawn, if any.
 */
export function drawMinutes(doc: Doc, view: MinutesPdfView): QrDrawing | null {
  drawMinutesHeader(doc, view.header)
  drawParticipants(doc, view.participants)
  drawSections(doc, view.sections)
  drawDecisions(doc, view.decisions)
  drawSignatureLines(doc, view.signatures)
  return view.verification ? drawVerification(doc, view.verification) : null
}
