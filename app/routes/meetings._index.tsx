import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/require.server'
import { MonthCalendar, parseMonth, shiftMonth, type CalendarMeeting } from '~/components/month-calendar'
import { getLang } from '~/i18n/lang.server'
import { translator } from '~/i18n/messages'
import { useLang, useT } from '~/i18n/use-t'
import { listBodies } from '~/models/body.server'
import { listMeetings } from '~/models/meeting.server'
import { formatMeetingWhen } from '~/utils/format'
import { fromWarsawLocal, warsawDay } from '~/utils/time'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} — Narada` }]

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, lang] = await Promise.all([getUser(request), getLang(request)])
  const url = new URL(request.url)
  const bodies = listBodies({ user, includeClosed: true }).map(({ id, name }) => ({ id, name }))
  const requestedBody = Number(url.searchParams.get('body'))
  // Only a body the user may see can filter; anything else shows every meeting.
  const bodyId = bodies.some((body) => body.id === requestedBody) ? requestedBody : undefined
  const today = warsawDay(new Date())
  const title = translator(lang)('calendar.title')
  if (url.searchParams.get('view') === 'month') {
    const month = parseMonth(url.searchParams.get('month')) ?? today.slice(0, 7)
    const from = fromWarsawLocal(`${month}-01T00:00`)!.toISOString()
    const to = fromWarsawLocal(`${shiftMonth(month, 1)}-01T00:00`)!.toISOString()
    const meetings: CalendarMeeting[] = listMeetings({ user, bodyId, from, to }).map(calendarMeeting)
    return json({ title, view: 'month' as const, bodies, bodyId: bodyId ?? null, today, month, meetings, upcoming: [], past: [] })
  }
  return json({
    title,
    view: 'list' as const,
    bodies,
    bodyId: bodyId ?? null,
    today,
    month: null,
    meetings: [],
    upcoming: listMeetings({ user, bodyId, when: 'upcoming' }).map(listedMeeting),
    past: listMeetings({ user, bodyId, when: 'past' }).map(listedMeeting),
  })
}

type Listed = ReturnType<typeof listMeetings>[number]
const calendarMeeting = ({ id, number, topic, bodyName, startsAt, endsAt, state }: Listed): CalendarMeeting => ({
  id,
  number,
  topic,
  bodyName,
  startsAt,
  endsAt,
  state,
})
const listedMeeting = (meeting: Listed) => ({ ...calendarMeeting(meeting), bodyId: meeting.bodyId, venueName: meeting.venueName })

export default function Meetings() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const href = (params: { view?: 'month'; month?: string }) => {
    const search = new URLSearchParams()
    if (data.bodyId) search.set('body', String(data.bodyId))
    if (params.view) search.set('view', params.view)
    if (params.month) search.set('month', params.month)
    const query = search.toString()
    return `/meetings${query ? `?${query}` : ''}`
  }
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <nav className="view-switch" aria-label={t('calendar.views')}>
        <Link to={href({})} aria-current={data.view === 'list' ? 'page' : undefined}>
          {t('calendar.view.list')}
        </Link>
        <Link to={href({ view: 'month', month: data.month ?? undefined })} aria-current={data.view === 'month' ? 'page' : undefined}>
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
        <div className="row">
          <div className="field">
            <label htmlFor="filter-body">{t('calendar.body')}</label>
            <select id="filter-body" name="body" defaultValue={data.bodyId ?? ''}>
              <option value="">{t('calendar.allBodies')}</option>
              {data.bodies.map((body) => (
                <option key={body.id} value={body.id}>
                  {body.name}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit">{t('common.filter')}</button>
          </div>
        </div>
      </Form>

      {data.view === 'month' ? (
        <MonthCalendar
          month={data.month}
          today={data.today}
          meetings={data.meetings}
          monthHref={(month) => href({ view: 'month', month })}
        />
      ) : (
        <>
          <MeetingTable id="upcoming" title={t('calendar.upcoming')} empty={t('calendar.noUpcoming')} meetings={data.upcoming} />
          <MeetingTable id="past" title={t('calendar.past')} empty={t('calendar.noPast')} meetings={data.past} />
        </>
      )}

      <h2>{t('calendar.subscribe')}</h2>
      <p>{t('calendar.subscribeHint')}</p>
      <ul>
        <li>
          <a href="/calendar.ics">{t('calendar.publicFeed')}</a>
        </li>
        {data.bodyId ? (
          <li>
            <a href={`/bodies/${data.bodyId}/calendar.ics`}>
              {t('calendar.bodyFeed', { body: data.bodies.find((body) => body.id === data.bodyId)?.name ?? '' })}
            </a>
          </li>
        ) : null}
      </ul>
    </>
  )
}

function MeetingTable({
  id,
  title,
  empty,
  meetings,
}: {
  id: string
  title: string
  empty: string
  meetings: (CalendarMeeting & { bodyId: number; venueName: string | null })[]
}) {
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
                    {meeting.state === 'cancelled' ? <span className="badge">{t('calendar.state.cancelled')}</span> : null}
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
