import { translator } from '~/i18n/messages'
import type { PdfMeta } from '../document.server'
import { DETAILS_LABEL_WIDTH } from '../meeting-details'
import {
  drawKeyValues,
  drawParagraph,
  drawSectionHeading,
  drawTable,
  drawTitleBlock,
  type Doc,
  type KeyValueRow,
  type TableRow,
} from '../layout'

const t = translator('pl')

export interface AttendeeView {
  /** „1.”: numbered through the whole list, not per institution. */
  number: string
  name: string
  /** The position, and „zastępca” or „gość” where the invitation says so. */
  description: string
}

export interface AttendanceGroup {
  institution: string
  attendees: AttendeeView[]
}

export interface AttendanceView {
  meta: PdfMeta
  fundingNotice: string | null
  bodyName: string
  subtitle: string
  dateLine: string
  details: KeyValueRow[]
  cancelled: string | null
  groups: AttendanceGroup[]
  /** The meeting's days („14.05.2012 r.”), each signed in its own column; empty for a one-day meeting. */
  signatureDays: string[]
  fileName: string
}

/**
 * Beyond three days the signature columns (each wide enough to sign by hand) leave too little of
 * a portrait page for the names and positions: the list is printed landscape.
 */
export const LANDSCAPE_FROM_DAYS = 4

/** „Lista obecności”: one row per invitee, grouped by institution, with room to sign. */
export function drawAttendance(doc: Doc, view: AttendanceView) {
  drawTitleBlock(doc, {
    documentKind: t('calendar.pdf.attendanceTitle'),
    bodyName: view.bodyName,
    subtitle: view.subtitle,
    dateLine: view.dateLine,
  })
  drawKeyValues(doc, view.details, { labelWidth: DETAILS_LABEL_WIDTH })
  if (view.cancelled) drawParagraph(doc, [{ text: view.cancelled, bold: true }])
  drawSectionHeading(doc, t('calendar.pdf.participants'))
  if (view.groups.length === 0) {
    drawParagraph(doc, t('calendar.pdf.noInvitations'))
    return
  }
  const rows: TableRow[] = view.groups.flatMap((group) => [
    { group: group.institution },
    ...group.attendees.map((person) => [person.number, person.name, person.description]),
  ])
  drawTable(doc, {
    columns: [
      { header: t('calendar.pdf.number'), width: 1.2, align: 'right' },
      { header: t('calendar.pdf.name'), width: 5 },
      { header: t('calendar.pdf.position'), width: 6 },
    ],
    rows,
    signatureColumns: view.signatureDays.length
      ? view.signatureDays.map((day) => ({ header: `${t('calendar.pdf.signature')} ${day}`, width: 4 / view.signatureDays.length }))
      : [{ header: t('calendar.pdf.signature'), width: 4 }],
  })
}
