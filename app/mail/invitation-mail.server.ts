// The texts of the e-mails about a meeting: the invitation, a change of time or place, and
// a cancellation. Invitees read them in Polish, whatever language the officer's screen is in.
import type { InvitationResponse } from '#db/schema/enums'
import { buildCalendar, calendarContentType, type AttendeePartstat, type CalendarMethod } from '~/calendar/ics'
import { formatDayRange, formatLongDay, formatMeetingWhen, venueLine } from '~/utils/format'
import type { MailAttachment, MailMessage } from './mailer.server'

export type MeetingMailData = {
  id: number
  number: number
  topic: string
  purpose: string | null
  startsAt: string
  endsAt: string
  venueName: string | null
  venueAddress: string | null
  venueRoom: string | null
  bodyName: string
  sequence: number
  cancelReason: string | null
  agenda: { day: string; startTime: string | null; endTime: string | null; title: string; track: string | null }[]
  organizer: { name: string; email: string }
}

export type MailRecipient = { name: string; email: string; response: InvitationResponse }

const partstats: Record<InvitationResponse, AttendeePartstat> = {
  pending: 'NEEDS-ACTION',
  yes: 'ACCEPTED',
  no: 'DECLINED',
  maybe: 'TENTATIVE',
}

/** The meeting as one event for the recipient's calendar: UID `meeting-<id>@narada`. */
export function meetingCalendar({
  meeting,
  recipient,
  method,
  meetingUrl,
}: {
  meeting: MeetingMailData
  recipient: MailRecipient
  method: CalendarMethod
  meetingUrl?: string
}): string {
  return buildCalendar({
    name: meeting.bodyName,
    method,
    now: new Date(),
    events: [
      {
        uid: `meeting-${meeting.id}@narada`,
        sequence: meeting.sequence,
        start: new Date(meeting.startsAt),
        end: new Date(meeting.endsAt),
        summary: `${meeting.topic} (${meeting.bodyName})`,
        description: [
          `${meeting.number}. spotkanie zespołu „${meeting.bodyName}”.`,
          `Termin: ${formatMeetingWhen(meeting.startsAt, meeting.endsAt)}`,
          meeting.purpose,
          method === 'CANCEL' && meeting.cancelReason ? `Powód odwołania: ${meeting.cancelReason}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
        location: venueLine(meeting) ?? undefined,
        url: meetingUrl,
        status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
        organizer: meeting.organizer,
        attendees: [{ name: recipient.name, email: recipient.email, partstat: partstats[recipient.response] }],
      },
    ],
  })
}

function calendarAttachment(args: Parameters<typeof meetingCalendar>[0]): MailAttachment {
  return {
    filename: args.method === 'CANCEL' ? 'odwolanie-spotkania.ics' : 'spotkanie.ics',
    contentType: calendarContentType(args.method),
    content: meetingCalendar(args),
  }
}

function agendaText(meeting: MeetingMailData): string[] {
  if (meeting.agenda.length === 0) return []
  const days = [...new Set(meeting.agenda.map((item) => item.day))]
  const lines = ['', 'Program spotkania:']
  for (const day of days) {
    if (days.length > 1) lines.push('', formatLongDay(day))
    for (const item of meeting.agenda.filter((i) => i.day === day)) {
      const time = item.startTime ? `${item.startTime}${item.endTime ? `–${item.endTime}` : ''}` : ''
      lines.push(`  ${time ? `${time}  ` : ''}${item.title}${item.track ? ` (${item.track})` : ''}`)
    }
  }
  return lines
}

function details(meeting: MeetingMailData): string[] {
  const venue = venueLine(meeting)
  return [
    `Zespół: ${meeting.bodyName}`,
    `Spotkanie nr ${meeting.number}: ${meeting.topic}`,
    `Termin: ${formatMeetingWhen(meeting.startsAt, meeting.endsAt)}`,
    ...(venue ? [`Miejsce: ${venue}`] : []),
  ]
}

function signature(meeting: MeetingMailData): string[] {
  return ['', '—', meeting.organizer.name, 'Wiadomość wysłana z systemu Narada.']
}

/** „Zaproszenie: <temat> — <termin>”, with the personal link and the .ics to accept. */
export function invitationMessage({
  meeting,
  recipient,
  link,
  meetingUrl,
}: {
  meeting: MeetingMailData
  recipient: MailRecipient
  link: string
  meetingUrl?: string
}): MailMessage {
  const text = [
    `${recipient.name},`,
    '',
    `zapraszamy na ${meeting.number}. spotkanie zespołu „${meeting.bodyName}”.`,
    '',
    ...details(meeting),
    ...(meeting.purpose ? ['', `Cel spotkania: ${meeting.purpose}`] : []),
    ...agendaText(meeting),
    '',
    'Prosimy o odpowiedź (wezmę udział / nie wezmę udziału / być może) pod osobistym linkiem:',
    link,
    '',
    'Link jest przeznaczony tylko dla Pani/Pana; odpowiedź można zmienić w każdej chwili, bez logowania.',
    'W załączniku jest zaproszenie do kalendarza (plik .ics).',
    ...signature(meeting),
  ].join('\n')
  return {
    to: { name: recipient.name, address: recipient.email },
    subject: `Zaproszenie: ${meeting.topic} — ${formatDayRange(meeting.startsAt, meeting.endsAt)}`,
    text,
    attachments: [calendarAttachment({ meeting, recipient, method: 'REQUEST', meetingUrl })],
  }
}

/** „Zmiana terminu/miejsca spotkania”: the new time and place, and an updated .ics. */
export function rescheduledMessage({
  meeting,
  recipient,
  meetingUrl,
}: {
  meeting: MeetingMailData
  recipient: MailRecipient
  meetingUrl?: string
}): MailMessage {
  const text = [
    `${recipient.name},`,
    '',
    `zmienił się termin lub miejsce ${meeting.number}. spotkania zespołu „${meeting.bodyName}”, na które otrzymała Pani / otrzymał Pan zaproszenie. Aktualne dane:`,
    '',
    ...details(meeting),
    ...agendaText(meeting),
    '',
    'Jeśli nowy termin nie odpowiada, prosimy zmienić odpowiedź pod osobistym linkiem z zaproszenia.',
    ...(meetingUrl ? [`Szczegóły spotkania: ${meetingUrl}`] : []),
    'W załączniku jest zaktualizowane wydarzenie do kalendarza (plik .ics).',
    ...signature(meeting),
  ].join('\n')
  return {
    to: { name: recipient.name, address: recipient.email },
    subject: `Zmiana terminu/miejsca spotkania: ${meeting.topic} — ${formatDayRange(meeting.startsAt, meeting.endsAt)}`,
    text,
    attachments: [calendarAttachment({ meeting, recipient, method: 'REQUEST', meetingUrl })],
  }
}

/** „Odwołanie spotkania”, with the reason and a METHOD:CANCEL .ics. */
export function cancellationMessage({
  meeting,
  recipient,
  meetingUrl,
}: {
  meeting: MeetingMailData
  recipient: MailRecipient
  meetingUrl?: string
}): MailMessage {
  const text = [
    `${recipient.name},`,
    '',
    `${meeting.number}. spotkanie zespołu „${meeting.bodyName}” zostało odwołane.`,
    '',
    ...details(meeting),
    ...(meeting.cancelReason ? ['', `Powód odwołania: ${meeting.cancelReason}`] : []),
    '',
    'W załączniku jest plik .ics, który usuwa spotkanie z kalendarza.',
    ...signature(meeting),
  ].join('\n')
  return {
    to: { name: recipient.name, address: recipient.email },
    subject: `Odwołanie spotkania: ${meeting.topic} — ${formatDayRange(meeting.startsAt, meeting.endsAt)}`,
    text,
    attachments: [calendarAttachment({ meeting, recipient, method: 'CANCEL', meetingUrl })],
  }
}
