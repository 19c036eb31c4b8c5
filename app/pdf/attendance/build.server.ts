import { asc, eq } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { formatDay } from '~/utils/format'
import { renderPdf } from '../document.server'
import { getMeetingDocument, pdfText } from '../meeting-document.server'
import { countKey } from '~/i18n/plural'
import { drawAttendance, LANDSCAPE_FROM_DAYS, type AttendanceGroup, type AttendanceView } from './layout'

const inv = schema.invitations
const collator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true })

function invitees(meetingId: number) {
  return db
    .select({
      id: inv.id,
      kind: inv.kind,
      personName: schema.people.name,
      position: schema.people.position,
      institution: schema.organisations.name,
      guestName: inv.guestName,
      guestOrganisation: inv.guestOrganisation,
    })
    .from(inv)
    .leftJoin(schema.people, eq(schema.people.id, inv.personId))
    .leftJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .where(eq(inv.meetingId, meetingId))
    .orderBy(asc(inv.id))
    .all()
}

/** „50 osób”, „22 osoby”, „1 osoba”. */
export function peopleCount(count: number) {
  return pdfText(countKey('pl', 'calendar.pdf.personCount', count), { count })
}

/** The view model of „Lista obecności”: every invitee once, by institution, A to Z. */
export function buildAttendanceView({ meetingId }: { meetingId: number }): AttendanceView | null {
  const document = getMeetingDocument({ meetingId })
  if (!document) return null
  const { meeting } = document
  const t = pdfText
  const byInstitution = new Map<string, { name: string; description: string }[]>()
  for (const row of invitees(meetingId)) {
    const name = (row.personName ?? row.guestName ?? '').trim()
    if (!name) continue
    const institution = (row.institution ?? row.guestOrganisation)?.trim() || t('calendar.pdf.otherGuests')
    const role = row.kind === 'delegate' ? null : t(`invitations.kind.${row.kind}`)
    const description = [row.position?.trim(), role].filter(Boolean).join(' — ')
    byInstitution.set(institution, [...(byInstitution.get(institution) ?? []), { name, description }])
  }
  let number = 0
  const groups: AttendanceGroup[] = [...byInstitution]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([institution, people]) => ({
      institution,
      attendees: people.sort((a, b) => collator.compare(a.name, b.name)).map((person) => ({ number: `${++number}.`, ...person })),
    }))
  const title = `${t('calendar.pdf.attendanceTitle')} — ${meeting.bodyName}, ${t('calendar.pdf.meetingNumber', { number: meeting.number })}`
  return {
    meta: {
      title,
      author: document.convening,
      subject: document.subject,
      keywords: [t('calendar.pdf.attendanceTitle'), meeting.bodyName],
      createdAt: document.createdAt,
    },
    fundingNotice: document.fundingNotice,
    bodyName: meeting.bodyName,
    subtitle: document.subtitle,
    dateLine: document.dateRange,
    details: [
      ...document.details,
      ...(meeting.headcount !== null ? [{ label: t('calendar.pdf.headcount'), value: peopleCount(meeting.headcount) }] : []),
    ],
    cancelled: document.cancelled,
    groups,
    signatureDays: document.days.length > 1 ? document.days.map((day) => formatDay(day)) : [],
    fileName: `lista-obecności-nr-${meeting.number}.pdf`,
  }
}

export async function renderAttendancePdf(view: AttendanceView): Promise<Buffer> {
  return renderPdf({
    meta: view.meta,
    options: { pdfA: true, fundingNotice: view.fundingNotice, landscape: view.signatureDays.length >= LANDSCAPE_FROM_DAYS },
    layout: (doc) => drawAttendance(doc, view),
  })
}
