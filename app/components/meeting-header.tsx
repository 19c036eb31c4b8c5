import { Link, NavLink, useRouteLoaderData } from '@remix-run/react'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { monthName } from '~/components/month-calendar'
import type { MeetingState } from '#db/schema/enums'
import { canInMeeting, type MeetingAccess, type MeetingAction } from '~/auth/meeting-permissions'
import { useLang, useT } from '~/i18n/use-t'
import type { loader as meetingLoader } from '~/routes/meetings.$meetingId'
import { formatMeetingWhen, venueLine } from '~/utils/format'
import { warsawDay } from '~/utils/time'
import { displayedMeetingState, type DisplayedMeetingState } from '~/utils/meeting-state'

type HeaderMeeting = {
  id: number
  bodyId: number
  bodyName: string
  number: number
  topic: string
  startsAt: string
  endsAt: string
  venueName: string | null
  venueAddress: string | null
  venueRoom: string | null
  seriesId: number | null
  seriesTitle: string | null
  seriesPlannedCount: number | null
  seriesPosition: number | null
  state: MeetingState
  cancelReason: string | null
  isPublic: boolean
}

/** The meeting layout's data (routes/meetings.$meetingId): the meeting and the user's access. */
export function useMeetingLayout() {
  const data = useRouteLoaderData<typeof meetingLoader>('routes/meetings.$meetingId')
  if (!data || data.meeting === null || data.access === null) throw new Error('useMeetingLayout: used outside /meetings/:meetingId')
  return { ...data, meeting: data.meeting, access: data.access }
}

export function MeetingStateBadge({ state }: { state: DisplayedMeetingState }) {
  const t = useT()
  return <span className={`badge meeting-state meeting-state--${state}`}>{t(`meetings.state.${state}`)}</span>
}

export function MeetingHeader({ meeting }: { meeting: HeaderMeeting }) {
  const t = useT()
  const lang = useLang()
  const venue = venueLine(meeting)
  const month = warsawDay(meeting.startsAt).slice(0, 7)
  return (
    <header className="meeting-head">
      <Breadcrumbs
        label={t('meetings.breadcrumbs')}
        items={[
          { to: '/meetings', label: t('meetings.breadcrumbMeetings') },
          { to: `/bodies/${meeting.bodyId}`, label: meeting.bodyName },
        ]}
      />
      <h1>
        <span className="meeting-head__number">{t('meetings.numbered', { number: meeting.number })}</span> {meeting.topic}
      </h1>
      {meeting.state === 'cancelled' ? (
        <p className="notice notice--error">
          {t('meetings.cancelledNotice')}
          {meeting.cancelReason ? ` ${t('meetings.cancelReasonIs', { reason: meeting.cancelReason })}` : null}
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('meetings.body')}</dt>
        <dd>
          <Link to={`/bodies/${meeting.bodyId}`}>{meeting.bodyName}</Link>
        </dd>
        <dt>{t('meetings.when')}</dt>
        <dd>
          {formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}
          <Link className="meeting-head__calendar" to={`/meetings?view=month&month=${month}`}>
            {t('calendar.month.seeInCalendar', { month: monthName(month, lang) })}
          </Link>
        </dd>
        <dt>{t('meetings.venue')}</dt>
        <dd>{venue ?? t('meetings.venueUnknown')}</dd>
        {meeting.seriesId && meeting.seriesTitle ? (
          <>
            <dt>{t('meetings.series')}</dt>
            <dd>
              <Link to={`/series/${meeting.seriesId}`}>
                {meeting.seriesPlannedCount
                  ? t('meetings.seriesIn', {
                      position: meeting.seriesPosition ?? 1,
                      count: meeting.seriesPlannedCount,
                      title: meeting.seriesTitle,
                    })
                  : t('meetings.seriesInOpen', { position: meeting.seriesPosition ?? 1, title: meeting.seriesTitle })}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t('meetings.stateLabel')}</dt>
        <dd>
          <MeetingStateBadge state={displayedMeetingState(meeting, new Date())} />{' '}
          <span className="badge">{meeting.isPublic ? t('meetings.public') : t('meetings.private')}</span>
        </dd>
      </dl>
    </header>
  )
}

/** The meeting's pages and files; only those the user may open are shown. */
export function MeetingTabs({ meetingId, access, minutesTab }: { meetingId: number; access: MeetingAccess; minutesTab: boolean }) {
  const t = useT()
  const base = `/meetings/${meetingId}`
  const can = (action: MeetingAction) => canInMeeting(access, action)
  const tabs = [
    { to: base, label: t('meetings.tab.overview'), end: true, show: can('meeting.read') },
    { to: `${base}/agenda`, label: t('meetings.tab.agenda'), end: false, show: can('meeting.read') },
    { to: `${base}/invitations`, label: t('meetings.tab.invitations'), end: false, show: can('meeting.manage') },
    { to: `${base}/attendance`, label: t('meetings.tab.attendance'), end: false, show: can('meeting.readInternal') },
    { to: `${base}/presentations`, label: t('presentations.tab'), end: false, show: can('meeting.read') },
    { to: `${base}/minutes`, label: t('minutes.tab'), end: false, show: minutesTab },
  ]
  const files = [
    { href: `${base}/agenda.pdf`, label: t('meetings.file.agenda'), show: can('meeting.read') },
    { href: `${base}/attendance.pdf`, label: t('meetings.file.attendance'), show: can('meeting.readInternal') },
    { href: `${base}/calendar.ics`, label: t('meetings.file.calendar'), show: can('meeting.read') },
  ]
  return (
    <div className="meeting-nav">
      <nav aria-label={t('meetings.tabs')} className="tabs">
        <ul>
          {tabs
            .filter((tab) => tab.show)
            .map((tab) => (
              <li key={tab.to}>
                <NavLink to={tab.to} end={tab.end} prefetch="intent">
                  {tab.label}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <nav aria-label={t('meetings.files')} className="meeting-files">
        <ul>
          {files
            .filter((file) => file.show)
            .map((file) => (
              <li key={file.href}>
                <a href={file.href}>{file.label}</a>
              </li>
            ))}
        </ul>
      </nav>
    </div>
  )
}
