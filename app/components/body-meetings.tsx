import { Link } from '@remix-run/react'
import type { MeetingState } from '#db/schema/enums'
import { useLang, useT } from '~/i18n/use-t'
import { formatMeetingWhen } from '~/utils/format'
import { displayedMeetingState } from '~/utils/meeting-state'

type MeetingRow = {
  id: number
  number: number
  topic: string
  startsAt: string
  endsAt: string
  venueName: string | null
  state: MeetingState
}

/** A body's meetings, upcoming or past, each linking to its page. */
export function MeetingList({ id, title, empty, meetings }: { id: string; title: string; empty: string; meetings: MeetingRow[] }) {
  const t = useT()
  const lang = useLang()
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {meetings.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bodies.meetingNumber')}</th>
                <th scope="col">{t('bodies.meetingTopic')}</th>
                <th scope="col">{t('bodies.meetingWhen')}</th>
                <th scope="col">{t('bodies.meetingVenue')}</th>
                <th scope="col">{t('bodies.meetingState')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td>{t('bodies.meetingOrdinal', { number: meeting.number })}</td>
                  <th scope="row">
                    <Link to={`/meetings/${meeting.id}`}>{meeting.topic}</Link>
                  </th>
                  <td>{formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}</td>
                  <td>{meeting.venueName ?? t('common.none')}</td>
                  <td>
                    <span className="badge">{t(`meetings.state.${displayedMeetingState(meeting, new Date())}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
