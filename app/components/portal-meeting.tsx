import { Link } from '@remix-run/react'
import { useLang, useT } from '~/i18n/use-t'
import type { PortalMeeting } from '~/models/portal.server'
import { formatDate, formatDayRange, formatFileSize, formatMeetingWhen } from '~/utils/format'
import { displayedMeetingState } from '~/utils/meeting-state'

const fileType = (fileName: string) => fileName.split('.').pop()?.toUpperCase() ?? ''

/** One public meeting of the portal with its public documents: minutes, agenda, presentations. */
export function PortalMeetingCard({ meeting }: { meeting: PortalMeeting }) {
  const t = useT()
  const lang = useLang()
  const heading = `portal-meeting-${meeting.id}`
  const state = displayedMeetingState(meeting, new Date())
  return (
    <article className="portal-meeting" aria-labelledby={heading}>
      <h2 id={heading}>
        {t('portal.meetingHeading', { number: meeting.number, date: formatDayRange(meeting.startsAt, meeting.endsAt, lang) })}
      </h2>
      {state === 'cancelled' ? (
        <p>
          <span className="badge meeting-state--cancelled">{t('portal.cancelled')}</span>
        </p>
      ) : state === 'unconfirmed' ? (
        <p>
          <span className="badge meeting-state--unconfirmed">{t('meetings.state.unconfirmed')}</span>
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('portal.topic')}</dt>
        <dd>
          <Link to={`/meetings/${meeting.id}`}>{meeting.topic}</Link>
        </dd>
        <dt>{t('portal.when')}</dt>
        <dd>{formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}</dd>
        {meeting.place ? (
          <>
            <dt>{t('portal.place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t('portal.documents')}</h3>
      <ul>
        {meeting.minutes ? (
          <>
            <li>
              <Link to={`/meetings/${meeting.id}/minutes`}>{t('portal.minutes')}</Link>
              {meeting.minutes.publishedAt ? (
                <span className="muted"> — {t('portal.minutesPublished', { date: formatDate(meeting.minutes.publishedAt, lang) })}</span>
              ) : null}
            </li>
            <li>
              <a href={`/meetings/${meeting.id}/minutes.pdf`}>{t('portal.minutesPdf')}</a>
            </li>
            {meeting.minutes.verificationCode ? (
              <li>
                <Link to={`/verify/${meeting.minutes.verificationCode}`}>
                  {t('portal.verify', { code: meeting.minutes.verificationCode })}
                </Link>
              </li>
            ) : null}
          </>
        ) : (
          <li className="muted">{t('portal.noMinutes')}</li>
        )}
        {meeting.hasAgenda ? (
          <li>
            <a href={`/meetings/${meeting.id}/agenda.pdf`}>{t('portal.agendaPdf')}</a>
          </li>
        ) : null}
      </ul>
      {meeting.presentations.length ? (
        <>
          <h3>{t('portal.presentations')}</h3>
          <ul>
            {meeting.presentations.map((p) => (
              <li key={p.id}>
                <a href={`/presentations/${p.id}/${encodeURIComponent(p.fileName)}`}>{p.title}</a>{' '}
                <span className="muted">
                  (
                  {[
                    p.presenter ? t('portal.presentedBy', { name: p.presenter }) : null,
                    t('portal.fileInfo', { type: fileType(p.fileName), size: formatFileSize(p.sizeBytes, lang) }),
                  ]
                    .filter(Boolean)
                    .join('; ')}
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  )
}
