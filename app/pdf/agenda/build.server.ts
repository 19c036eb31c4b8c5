import { aliasedTable, asc, eq, inArray } from 'drizzle-orm'
import { db, schema } from '~/db.server'
import { speakerLine } from '~/utils/speaker-line'
import { renderPdf } from '../document.server'
import { getMeetingDocument, longDay, pdfText } from '../meeting-document.server'
import { drawAgenda, type AgendaDay, type AgendaItemView, type AgendaView } from './layout'

const ai = schema.agendaItems
const moderator = aliasedTable(schema.people, 'moderator')
const moderatorOrganisation = aliasedTable(schema.organisations, 'moderator_organisation')

function agendaItems(meetingId: number) {
  const items = db
    .select({
      id: ai.id,
      day: ai.day,
      startTime: ai.startTime,
      endTime: ai.endTime,
      kind: ai.kind,
      title: ai.title,
      description: ai.description,
      track: ai.track,
      moderator: moderator.name,
      moderatorInstitution: moderatorOrganisation.name,
      moderatorInstitutionShortName: moderatorOrganisation.shortName,
    })
    .from(ai)
    .leftJoin(moderator, eq(moderator.id, ai.moderatorPersonId))
    .leftJoin(moderatorOrganisation, eq(moderatorOrganisation.id, moderator.organisationId))
    .where(eq(ai.meetingId, meetingId))
    .orderBy(asc(ai.day), asc(ai.position), asc(ai.id))
    .all()
  const speakers = items.length
    ? db
        .select({
          itemId: schema.agendaSpeakers.agendaItemId,
          name: schema.people.name,
          organisation: schema.organisations.name,
          organisationShortName: schema.organisations.shortName,
        })
        .from(schema.agendaSpeakers)
        .innerJoin(schema.people, eq(schema.people.id, schema.agendaSpeakers.personId))
        .innerJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
        .where(
          inArray(
            schema.agendaSpeakers.agendaItemId,
            items.map((item) => item.id),
          ),
        )
        .orderBy(asc(schema.agendaSpeakers.position))
        .all()
    : []
  return items.map((item) => ({
    ...item,
    speakers: speakers.filter((s) => s.itemId === item.id).map(speakerLine),
  }))
}

function timeRange(start: string | null, end: string | null) {
  if (start && end) return `${start}–${end}`
  if (start) return pdfText('calendar.pdf.from', { time: start })
  return end ? pdfText('calendar.pdf.until', { time: end }) : ''
}

/** The view model of „Program spotkania”: the meeting's head and its agenda day by day. */
export function buildAgendaView({ meetingId }: { meetingId: number }): AgendaView | null {
  const document = getMeetingDocument({ meetingId })
  if (!document) return null
  const { meeting } = document
  const t = pdfText
  const days = new Map<string, AgendaItemView[]>()
  for (const item of agendaItems(meetingId)) {
    const view: AgendaItemView = {
      time: timeRange(item.startTime, item.endTime),
      title: item.title,
      kind: t(`agenda.kind.${item.kind}`),
      description: item.description?.trim() || null,
      track: item.track?.trim() || null,
      speakers: item.speakers,
      moderator: item.moderator
        ? speakerLine({
            name: item.moderator,
            organisation: item.moderatorInstitution,
            organisationShortName: item.moderatorInstitutionShortName,
          })
        : null,
    }
    days.set(item.day, [...(days.get(item.day) ?? []), view])
  }
  const multiDay = document.days.length > 1
  const agenda: AgendaDay[] = [...days].map(([day, items]) => {
    const index = document.days.indexOf(day)
    return {
      heading: multiDay && index >= 0 ? t('calendar.pdf.dayHeading', { number: index + 1, date: longDay(day) }) : longDay(day),
      items,
    }
  })
  const title = `${t('calendar.pdf.agendaTitle')} — ${meeting.bodyName}, ${t('calendar.pdf.meetingNumber', { number: meeting.number })}`
  return {
    meta: {
      title,
      author: document.convening,
      subject: document.subject,
      keywords: [t('calendar.pdf.agendaTitle'), meeting.bodyName],
      createdAt: document.createdAt,
    },
    fundingNotice: document.fundingNotice,
    bodyName: meeting.bodyName,
    subtitle: document.subtitle,
    dateLine: document.dateRange,
    details: document.details,
    cancelled: document.cancelled,
    days: agenda,
    fileName: `program-spotkania-nr-${meeting.number}.pdf`,
  }
}

export async function renderAgendaPdf(view: AgendaView): Promise<Buffer> {
  return renderPdf({
    meta: view.meta,
    options: { pdfA: true, fundingNotice: view.fundingNotice },
    layout: (doc) => drawAgenda(doc, view),
  })
}
