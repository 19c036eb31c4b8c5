import { eq } from 'drizzle-orm'
import { meetingLocation } from '~/calendar/feed.server'
import { db, schema } from '~/db.server'
import { translator } from '~/i18n/messages'
import { getMeeting } from '~/models/meeting.server'
import { formatDayRange, formatLongDay, formatMeetingWhen } from '~/utils/format'
import { daysBetween } from '~/utils/time'
import type { KeyValueRow } from './layout'

// Meeting documents are Polish whatever the language of the interface.
export const pdfText = translator('pl')

/** A Warsaw calendar day in words: '2012-05-14' → „14 maja 2012 r.”. */
export const longDay = (day: string) => formatLongDay(day)

/**
 * What every meeting document (agenda, attendance list) prints at its head, formatted:
 * the body, the meeting, when and where, and the PDF metadata shared by them.
 */
export function getMeetingDocument({ meetingId }: { meetingId: number }) {
  const meeting = getMeeting({ id: meetingId })
  if (!meeting) return null
  const convening =
    db
      .select({ name: schema.organisations.name })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, meeting.conveningOrganisationId))
      .get()?.name ?? ''
  const fundingNotice = meeting.projectId
    ? (db.select({ notice: schema.projects.fundingNotice }).from(schema.projects).where(eq(schema.projects.id, meeting.projectId)).get()
        ?.notice ?? null)
    : null
  const t = pdfText
  const dateRange = formatDayRange(meeting.startsAt, meeting.endsAt)
  const numberLine = t('calendar.pdf.meetingNumber', { number: meeting.number })
  const series =
    meeting.seriesTitle && meeting.seriesPosition
      ? meeting.seriesPlannedCount
        ? t('calendar.pdf.seriesOf', { position: meeting.seriesPosition, count: meeting.seriesPlannedCount, title: meeting.seriesTitle })
        : t('calendar.pdf.seriesAt', { position: meeting.seriesPosition, title: meeting.seriesTitle })
      : null
  const venue = meetingLocation(meeting)
  const details: KeyValueRow[] = [
    { label: t('calendar.pdf.when'), value: formatMeetingWhen(meeting.startsAt, meeting.endsAt) },
    ...(venue ? [{ label: t('calendar.pdf.venue'), value: venue }] : []),
    { label: t('calendar.pdf.topic'), value: meeting.topic },
    ...(meeting.purpose ? [{ label: t('calendar.pdf.purpose'), value: meeting.purpose }] : []),
    ...(series ? [{ label: t('calendar.pdf.series'), value: series }] : []),
    { label: t('calendar.pdf.convening'), value: convening },
  ]
  return {
    meeting,
    convening,
    fundingNotice: fundingNotice?.trim() || null,
    days: daysBetween(meeting.startsAt, meeting.endsAt),
    dateRange,
    subtitle: `${numberLine} — ${meeting.topic}`,
    details,
    cancelled: meeting.state === 'cancelled' ? t('calendar.pdf.cancelled', { reason: meeting.cancelReason ?? '' }).trim() : null,
    subject: t('calendar.pdf.subject', { number: meeting.number, topic: meeting.topic, dates: dateRange }),
    /** Fixed by the meeting's last change, so that the same meeting gives the same bytes. */
    createdAt: new Date(meeting.updatedAt),
  }
}
export type MeetingDocument = NonNullable<ReturnType<typeof getMeetingDocument>>
