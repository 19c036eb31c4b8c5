import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/require.server'
import { Pagination } from '~/components/list-controls'
import { MonthCalendar, monthName, parseMonth, pickerYears, type CalendarMeeting } from '~/components/month-calendar'
import { listMonthCalendar } from '~/models/month-calendar.server'
import { getLang } from '~/i18n/lang.server'
import { translator } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import {
  countMeetingsByMonth,
  countMeetingsByYear,
  listMeetings,
  listMeetingsPage,
  meetingPeriod,
  type ListedMeeting,
} from '~/models/meeting.server'
import { formatMeetingWhen } from '~/utils/format'
import { teamFilter } from '~/utils/team-filter.server'
import { pageCount, pageParam, pageSlice } from '~/utils/paging'
import { warsawDay } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} — Narada` }]

/** `?year=2019` (and `&month=3`) of the list; anything else is `null`, the upcoming-then-past list. */
function periodParams(url: URL) {
  const year = /^\d{4}$/.test(url.searchParams.get('year') ?? '') ? Number(url.searchParams.get('year')) : null
  if (!year || year < 1990 || year > 2100) return null
  const month = Number(url.searchParams.get('month'))
  return { year, month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : null }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, lang] = await Promise.all([getUser(request), getLang(request)])
  const url = new URL(request.url)
  const { body, teams } = teamFilter(user, url)
  const bodyId = body?.id
  const today = warsawDay(new Date())
  const base = { title: translator(lang)('calendar.title'), body, teams, bodyId: bodyId ?? null, today }
  if (url.searchParams.get('view') === 'month') {
    // The month picker sends `year` and `monthOfYear`; links name the month as `month=2012-05`.
    const picked = `${url.searchParams.get('year')}-${url.searchParams.get('monthOfYear')}`
    const month = parseMonth(url.searchParams.get('month')) ?? parseMonth(picked) ?? today.slice(0, 7)
    const meetings = listMonthCalendar({ user, bodyId, month })
    const years = pickerYears(
      countMeetingsByYear({ user, bodyId }).map((y) => y.year),
      month,
      today,
    )
    return json({ ...base, view: 'month' as const, month, meetings, years })
  }

  const page = pageParam(url)
  const years = countMeetingsByYear({ user, bodyId })
  const period = periodParams(url)
  if (period) {
    const months = countMeetingsByMonth({ user, bodyId, startingIn: meetingPeriod({ year: period.year }) })
    const total = period.month
      ? (months.find((m) => m.month === monthOf(period.year, period.month!))?.meetings ?? 0)
      : (years.find((y) => y.year === period.year)?.meetings ?? 0)
    const meetings = listMeetings({ user, bodyId, startingIn: meetingPeriod(period), ...pageSlice(page) }).map(listedMeeting)
    return json({ ...base, view: 'period' as const, years, ...period, months, total, page, pages: pageCount(total), meetings })
  }

  const upcoming = years.reduce((sum, y) => sum + y.upcoming, 0)
  const past = years.reduce((sum, y) => sum + y.meetings, 0) - upcoming
  const rows = listMeetingsPage({ user, bodyId, page, upcoming })
  return json({
    ...base,
    view: 'list' as const,
    years,
    totals: { upcoming, past },
    page,
    pages: pageCount(upcoming + past),
    upcoming: rows.upcoming.map(listedMeeting),
    past: rows.past.map(listedMeeting),
  })
}

const monthOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`

const calendarMeeting = ({ id, number, topic, bodyName, startsAt, endsAt, state }: ListedMeeting): CalendarMeeting => ({
  id,
  number,
  topic,
  bodyName,
  startsAt,
  endsAt,
  state,
})
const listedMeeting = (meeting: ListedMeeting) => ({ ...calendarMeeting(meeting), venueName: meeting.venueName })
type Row = ReturnType<typeof listedMeeting>

export default function Meetings() {
  const t = useT()
  const lang = useLang()
  const data = useLoaderData<typeof loader>()
  const year = data.view === 'period' ? data.year : null
  const month = data.view === 'period' ? data.month : null
  const href = (params: {
    view?: 'month'
    month?: string
    year?: number | null
    monthOfYear?: number | null
    page?: number
    body?: number | null
  }) => {
    const search = new URLSearchParams()
    const body = params.body === undefined ? data.bodyId : params.body
    if (body) search.set('body', String(body))
    if (params.view) search.set('view', params.view)
    if (params.month) search.set('month', params.month)
    if (params.year) search.set('year', String(params.year))
    if (params.monthOfYear) search.set('month', String(params.monthOfYear))
    if (params.page && params.page > 1) search.set('page', String(params.page))
    const query = search.toString()
    return `/meetings${query ? `?${query}` : ''}`
  }
  const calendarMonth = data.view === 'month' ? data.month : year && month ? monthOf(year, month) : undefined
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <nav className="view-switch" aria-label={t('calendar.views')}>
        <Link to={href({})} aria-current={data.view !== 'month' ? 'page' : undefined}>
          {t('calendar.view.list')}
        </Link>
        <Link to={href({ view: 'month', month: calendarMonth })} aria-current={data.view === 'month' ? 'page' : undefined}>
          {t('calendar.view.month')}
        </Link>
      </nav>

      <Form method="get" className="filters" aria-label={t('calendar.filters')} key={`${data.bodyId}`}>
        {data.view === 'month' ? (
          <>
            <input type="hidden" name="view" value="month" />
            <input type="hidden" name="month" value={data.month} />
          </>
        ) : null}
        {year ? <input type="hidden" name="year" value={year} /> : null}
        {month ? <input type="hidden" name="month" value={month} /> : null}
        <div className="row">
          <div className="field">
            <label htmlFor="filter-team">{t('calendar.body')}</label>
            <input id="filter-team" type="search" name="team" defaultValue={data.body?.name ?? data.teams?.q ?? ''} />
          </div>
          <div className="actions">
            <button type="submit">{t('common.filter')}</button>
            {data.body || data.teams ? (
              <Link
                to={href({ view: data.view === 'month' ? 'month' : undefined, month: calendarMonth, year, monthOfYear: month, body: null })}
              >
                {t('calendar.allBodies')}
              </Link>
            ) : null}
          </div>
        </div>
      </Form>
      {data.teams ? (
        <section aria-labelledby="teams-heading">
          <h2 id="teams-heading">{t('calendar.teamsFound', { q: data.teams.q, count: data.teams.total })}</h2>
          {data.teams.rows.length ? (
            <ul>
              {data.teams.rows.map((team) => (
                <li key={team.id}>
                  <Link
                    to={href({
                      view: data.view === 'month' ? 'month' : undefined,
                      month: calendarMonth,
                      year,
                      monthOfYear: month,
                      body: team.id,
                    })}
                  >
                    {team.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('calendar.noTeamFound')}</p>
          )}
          {data.teams.total > data.teams.rows.length ? <p>{t('calendar.narrowTeamSearch')}</p> : null}
        </section>
      ) : null}

      {data.view === 'month' ? (
        <MonthCalendar
          month={data.month}
          today={data.today}
          meetings={data.meetings}
          years={data.years}
          keep={data.bodyId ? { body: String(data.bodyId) } : {}}
          monthHref={(month) => href({ view: 'month', month })}
          moreHref={(day) => href({ year: Number(day.slice(0, 4)), monthOfYear: Number(day.slice(5, 7)) })}
        />
      ) : (
        <>
          <nav className="period-nav" aria-label={t('calendar.years')}>
            <ul>
              <li>
                <Link to={href({})} aria-current={year ? undefined : 'page'}>
                  {t('calendar.upcomingAndPast')}
                </Link>
              </li>
              {data.years.map((y) => (
                <li key={y.year}>
                  <Link to={href({ year: y.year })} aria-current={y.year !== year ? undefined : month ? 'true' : 'page'}>
                    {y.year}
                  </Link>{' '}
                  <span className="muted">{`(${y.meetings})`}</span>
                </li>
              ))}
            </ul>
          </nav>
          {data.view === 'period' ? (
            <>
              <nav className="period-nav" aria-label={t('calendar.months', { year: data.year })}>
                <ul>
                  {data.months.map((m) => {
                    const index = Number(m.month.slice(5))
                    return (
                      <li key={m.month}>
                        <Link to={href({ year: data.year, monthOfYear: index })} aria-current={index === month ? 'page' : undefined}>
                          {monthName(m.month, lang)}
                        </Link>{' '}
                        <span className="muted">{`(${m.meetings})`}</span>
                      </li>
                    )
                  })}
                </ul>
              </nav>
              <MeetingTable
                id="period"
                title={
                  month
                    ? t('calendar.monthHeading', { month: monthName(monthOf(data.year, month), lang), count: data.total })
                    : t('calendar.yearHeading', { year: data.year, count: data.total })
                }
                empty={t('calendar.noneInPeriod')}
                meetings={data.meetings}
              />
            </>
          ) : (
            <>
              {data.upcoming.length || data.page === 1 ? (
                <MeetingTable
                  id="upcoming"
                  title={t('calendar.upcomingCount', { count: data.totals.upcoming })}
                  empty={t('calendar.noUpcoming')}
                  meetings={data.upcoming}
                />
              ) : null}
              {data.past.length || data.upcoming.length < pageSlice(data.page).limit ? (
                <MeetingTable
                  id="past"
                  title={t('calendar.pastCount', { count: data.totals.past })}
                  empty={t('calendar.noPast')}
                  meetings={data.past}
                />
              ) : null}
            </>
          )}
          <Pagination page={data.page} pages={data.pages} href={(page) => href({ year, monthOfYear: month, page })} />
        </>
      )}

      <h2>{t('calendar.subscribe')}</h2>
      <p>{t('calendar.subscribeHint')}</p>
      <ul>
        <li>
          <a href="/calendar.ics">{t('calendar.publicFeed')}</a>
        </li>
        {data.body ? (
          <li>
            <a href={`/bodies/${data.body.id}/calendar.ics`}>{t('calendar.bodyFeed', { body: data.body?.name ?? '' })}</a>
          </li>
        ) : null}
      </ul>
    </>
  )
}

function MeetingTable({ id, title, empty, meetings }: { id: string; title: string; empty: string; meetings: Row[] }) {
  const t = useT()
  const lang = useLang()
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {meetings.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.meeting')}</th>
                <th scope="col">{t('calendar.when')}</th>
                <th scope="col">{t('calendar.body')}</th>
                <th scope="col">{t('calendar.venue')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <th scope="row">
                    <Link to={`/meetings/${meeting.id}`}>
                      {t('calendar.meetingLink', { number: meeting.number, topic: meeting.topic })}
                    </Link>
                    {meeting.state === 'cancelled' ? <span className="badge">{t('meetings.state.cancelled')}</span> : null}
                  </th>
                  <td>{formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}</td>
                  <td>{meeting.bodyName}</td>
                  <td>{meeting.venueName ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
