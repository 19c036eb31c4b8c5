import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser, notFound } from '~/auth/require.server'
import { Breadcrumbs } from '~/components/breadcrumbs'
import { Pagination } from '~/components/list-controls'
import { MeetingStateBadge } from '~/components/meeting-header'
import { pageTitle } from '~/i18n/page-title'
import { useLang, useT } from '~/i18n/use-t'
import { getSeries } from '~/models/meeting.server'
import { formatMeetingWhen } from '~/utils/format'
import { parseId } from '~/utils/http.server'
import { displayedMeetingState } from '~/utils/meeting-state'
import { pageCount, pageParam } from '~/utils/paging'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, 'title.named', { name: data.series.title }) : pageTitle(matches, null)

/** A series of meetings, as far as the user sees its meetings: none seen, no series. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const page = pageParam(new URL(request.url))
  const found = getSeries({ seriesId: parseId(params.seriesId), user, page })
  if (!found) throw notFound()
  const { series, total, meetings } = found
  return json({ series, meetings, page, pages: pageCount(total) })
}

export default function SeriesPage() {
  const t = useT()
  const lang = useLang()
  const { series, meetings, page, pages } = useLoaderData<typeof loader>()
  const now = new Date()
  return (
    <>
      <Breadcrumbs
        label={t('meetings.breadcrumbs')}
        items={[
          { to: '/meetings', label: t('meetings.breadcrumbMeetings') },
          { to: `/bodies/${series.bodyId}`, label: series.bodyName },
        ]}
      />
      <h1>{series.title}</h1>
      <p className="muted">{t('meetings.seriesPage.lead', { body: series.bodyName })}</p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolled region takes focus, to be scrolled by keyboard */}
      <div className="table-scroll" role="region" aria-labelledby="series-meetings" tabIndex={0}>
        <table>
          <caption id="series-meetings">{t('meetings.seriesPage.meetings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.seriesPage.ordinal')}</th>
              <th scope="col">{t('meetings.topic')}</th>
              <th scope="col">{t('meetings.when')}</th>
              <th scope="col">{t('meetings.stateLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => (
              <tr key={meeting.id}>
                <td>
                  {meeting.position === null
                    ? t('meetings.seriesPage.cancelledPosition')
                    : series.plannedCount
                      ? t('meetings.seriesPage.position', { position: meeting.position, count: series.plannedCount })
                      : t('meetings.seriesPage.positionOpen', { position: meeting.position })}
                </td>
                <th scope="row">
                  <Link to={`/meetings/${meeting.id}`}>
                    {t('meetings.numbered', { number: meeting.number })} {meeting.topic}
                  </Link>
                </th>
                <td>{formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang)}</td>
                <td>
                  <MeetingStateBadge state={displayedMeetingState(meeting, now)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={(n) => (n > 1 ? `?page=${n}` : '?')} />
    </>
  )
}
